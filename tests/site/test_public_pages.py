"""The pages a public-sector site carries, on a real build: the accessibility statement,
the privacy notice, and every page's footer leading to both and to "Report a problem
with this page"; the answer boxes' notes linking to the notice; all of it in the
offline copy too. (Their axe, request and print checks run with every other page:
they are in PAGES.)"""

from __future__ import annotations

import re
import zipfile
from pathlib import PurePosixPath
from posixpath import normpath
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from course.publish import conformance
from engine import SITE_URL, fixture_data
from test_publish import OFFLINE_FOLDER, OFFLINE_ZIP, REPOSITORY, offline_name, page_address
from test_site import CONFIG, PAGES, WEBSITE_PAGES, page_path, page_soup


def footer_links(soup: BeautifulSoup) -> dict[str, str]:
    nav = soup.find("nav", class_="unit-footer-links")
    assert nav is not None and nav["aria-label"] == "About this website"
    assert nav.find_parent("footer"), "in the page's footer"
    return {a.get_text(" ", strip=True): a["href"] for a in nav.find_all("a")}


def resolves_to(site, name: str, href: str) -> str:
    """The page a relative link on page `name` leads to, as a page name ("" for the Overview)."""
    folder = PurePosixPath(page_path(site, name).relative_to(site).as_posix()).parent
    return normpath((folder / href).as_posix()).removesuffix("/index.html").removesuffix("index.html")


@pytest.mark.parametrize("name", PAGES)
def test_every_page_leads_to_the_statement_the_notice_and_a_report_of_itself(built_site, name):
    soup = page_soup(built_site, name)
    links = footer_links(soup)
    assert list(links) == ["Accessibility statement", "Privacy notice", "Report a problem with this page"]
    for text, page in (("Accessibility statement", "accessibility"), ("Privacy notice", "privacy")):
        assert (built_site / resolves_to(built_site, name, links[text]) / "index.html") == page_path(built_site, page)
    report = urlsplit(links["Report a problem with this page"])
    assert f"{report.scheme}://{report.netloc}{report.path}" == f"{REPOSITORY}/issues/new"
    fields = parse_qs(report.query, strict_parsing=True)
    [title] = fields["title"]
    assert title.startswith("Problem with the page: ")
    named = title.removeprefix("Problem with the page: ")
    assert named == "Overview" if name == "index" else f"{named} - " in soup.title.get_text(), "the page's own title"
    assert fields["body"][0].startswith(f"Page: {page_address(name)}\n\n")
    raw = soup.find("a", string="Report a problem with this page")["href"]
    assert not re.search(r"[\s\"'<>]", raw), "every character a URL may not hold is percent-encoded"


def test_every_footer_says_the_email_address_is_to_be_confirmed_and_shows_no_placeholder(built_site):
    """The fixture's email address is a placeholder listed as unconfirmed (data/accessibility.yml)."""
    placeholder = fixture_data()["accessibility.yml"]["email"]
    for soup in [page_soup(built_site, name) for name in PAGES] + [BeautifulSoup((built_site / "404.html").read_text(encoding="utf-8"), "html.parser")]:
        nav = soup.find("nav", class_="unit-footer-links")
        assert " ".join(nav.find_all("li")[-1].get_text().split()) == "Email us: address to be confirmed"
        assert placeholder not in str(soup)


def test_the_page_for_a_missing_address_leads_there_too(built_site):
    links = footer_links(BeautifulSoup((built_site / "404.html").read_text(encoding="utf-8"), "html.parser"))
    site_path = urlsplit(SITE_URL).path  # /course/
    assert links["Accessibility statement"] == f"{site_path}accessibility/", "absolute: the page is served at any address"
    assert links["Privacy notice"] == f"{site_path}privacy/"
    assert parse_qs(urlsplit(links["Report a problem with this page"]).query)["title"] == ["Problem: a page was not found"]


def test_the_statement_and_the_notice_are_pages_of_no_unit(built_site):
    for name, title in (("accessibility", f"Accessibility statement for {CONFIG['site_name']}"), ("privacy", "Privacy notice")):
        soup = page_soup(built_site, name)
        assert soup.find("h1").get_text().removesuffix("¶") == title
        settings = soup.find("script", id="course-settings").string
        assert '"unit": null' in settings, "a page of the website, in no unit"
    whole_unit = page_soup(built_site, "print").get_text()
    assert "Enforcement procedure" not in whole_unit and "localStorage" not in whole_unit, "not in the whole unit to print"


def test_the_statements_sections_are_in_the_contents_and_say_what_the_build_knows(built_site):
    soup = page_soup(built_site, "accessibility")
    contents = [a.get_text(strip=True) for a in soup.select("nav.md-nav--secondary a")]
    assert contents[:5] == [
        "How accessible this website is",
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Technical information about this website's accessibility",
    ]
    text = " ".join(soup.find("article").get_text(" ").split())
    assert f"axe-core {conformance.AXE_CORE_VERSION}" in text and f"Lighthouse {conformance.LIGHTHOUSE_VERSION}" in text
    statement = fixture_data()["accessibility.yml"]
    prepared, reviewed = (f"{day.day} {day:%B %Y}" for day in (statement["prepared"], statement["last_reviewed"]))
    assert f"This statement was prepared on {prepared}. It was last reviewed on {reviewed}." in text
    assert soup.find("a", href=f"{REPOSITORY}/issues")


@pytest.mark.parametrize("name", [page for page in PAGES if page not in WEBSITE_PAGES])
def test_every_answer_note_links_to_the_privacy_notice(built_site, name):
    soup = page_soup(built_site, name)
    notes = soup.select(".activity__answers-note")
    for note in notes:
        link = note.find("a", string="privacy notice")
        assert link, note
        assert resolves_to(built_site, name, link["href"]) == "privacy", (name, link["href"])


def test_pages_with_answer_boxes_have_notes_that_link(built_site):
    """The parametrised test above must not pass on pages without notes alone."""
    with_notes = [name for name in PAGES if page_soup(built_site, name).select(".activity__answers-note a")]
    assert {"together", "problems", "my-workbook", "workbook", "print", "handouts/walk", "unit-2", "unit-2/my-workbook"} <= set(with_notes)


def test_the_offline_copy_has_both_pages_and_its_footers_lead_to_them(built_site):
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        names = set(archive.namelist())
        for name in WEBSITE_PAGES:
            assert f"{OFFLINE_FOLDER}/{offline_name(name)}" in names
        for name in ("index", "handouts/walk", "unit-2/more", "privacy"):
            soup = BeautifulSoup(archive.read(f"{OFFLINE_FOLDER}/{offline_name(name)}"), "html.parser")
            links = footer_links(soup)
            folder = PurePosixPath(offline_name(name)).parent
            assert normpath((folder / links["Accessibility statement"]).as_posix()) == "accessibility.html"
            assert normpath((folder / links["Privacy notice"]).as_posix()) == "privacy.html"
            # The report is about the page online, wherever the copy was opened.
            assert parse_qs(urlsplit(links["Report a problem with this page"]).query)["body"][0].startswith(f"Page: {page_address(name)}")
        note = BeautifulSoup(archive.read(f"{OFFLINE_FOLDER}/handouts/walk.html"), "html.parser").select_one(".activity__answers-note a")
        assert normpath((PurePosixPath("handouts") / note["href"]).as_posix()) == "privacy.html"
