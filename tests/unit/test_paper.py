"""Paper, on its own: the running footer, the PDF links, the printable workbook,
the handouts and their QR codes, the whole unit joined from its pages, and the
PDF maker's refusal to read anything but the site. No MkDocs involved.
"""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup

from engine import HOSTILE_TEXTS, expected_modules, fixture_data, handouts, macros, outline, qr_modules
from course.paper.downloads import PdfFacts, pdf_facts
from course.paper.footer import running_footer_css
from course.paper.handouts import COMPARISONS_SLUG, SELF_CHECK_SLUG, handout_html, qr_svg
from course.paper.pdf import PdfError, SiteOnlyFetcher, render_pdf
from course.paper.plan import plan_paper
from course.paper.whole_unit import UnitPage, combine
from course.publish.addresses import relative_url, short_address
from course.render.environment import css_string

def activities(data_file: str = "activities.yml") -> list[dict]:
    """A unit's activities as its data lists them: the first unit's, or the second's ("unit-2/activities.yml")."""
    return fixture_data()[data_file]["activities"]


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


# --- Macros and helpers, on their own ----------------------------------------------


def test_css_string_cannot_be_ended_by_the_text():
    for text in HOSTILE_TEXTS + ['end"; } body { display: none } a { content: "', "back\\slash", "line\nbreak", "© 2017"]:
        quoted = css_string(text)
        assert quoted.startswith('"') and quoted.endswith('"')
        inner = quoted[1:-1]
        assert '"' not in inner and "\n" not in inner and inner.isascii()
    assert css_string("© 2017\nUnit") == '"\\a9  2017\\a Unit"'


def test_running_footer_names_unit_copyright_and_date():
    css = running_footer_css("Unit 3: How?", "© 2017 Shared Service Architecture Ltd", datetime.date(2024, 3, 5))
    assert '"Unit 3: How?\\a \\a9  2017 Shared Service Architecture Ltd"' in css
    assert '"Page " counter(page) " of " counter(pages) "\\a Site built 5 March 2024"' in css
    assert "@bottom-left" in css and "@bottom-right" in css


def test_build_date_follows_source_date_epoch(monkeypatch):
    from course.paper.footer import build_date

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_date() == datetime.date(2023, 11, 14)


def test_pdf_facts_slot_is_filled_from_the_same_template():
    empty = pdf_facts("workbook.pdf")
    assert soup(empty).span["data-pdf-facts"] == "workbook.pdf" and soup(empty).get_text() == ""
    assert soup(pdf_facts("workbook.pdf", PdfFacts(5, 30_000))).get_text() == "(5 pages, 29 KB)"
    assert soup(pdf_facts("a.pdf", PdfFacts(1, 2_500_000))).get_text() == "(1 page, 2.4 MB)"
    assert soup(pdf_facts("a.pdf", skipped=True)).get_text() == "(not made in this build)"


def test_workbook_cover_lists_every_activity_in_order():
    cover = soup(macros("workbook.md").workbook_cover())
    assert cover.find("h1").get_text() == "Workbook"
    # Every activity in order, and the self-check's worksheet before the activity its result is copied into.
    listed = [f"#{a['id']}" for a in activities()]
    before = listed.index(f"#{fixture_data()['self_check.yml']['copy_to']['activity']}")
    listed.insert(before, "#self-check-worksheet")
    assert [a["href"] for a in cover.select(".workbook-cover__contents a")] == listed
    assert [dt.get_text() for dt in cover.select(".workbook-cover__learner dt")] == ["Name", "Date"]


def test_workbook_has_every_activity_with_its_ruled_lines():
    page = soup(macros("workbook.md").workbook_activities())
    sections = page.select("section.activity")
    assert [s["id"] for s in sections] == [a["id"] for a in activities()]
    for section, data in zip(sections, activities()):
        assert section.find("h2", class_="activity__title")  # under the workbook's h1
        prompts = section.select("li.activity__prompt")
        assert [int(p["data-lines"]) for p in prompts] == [p["lines"] for p in data["prompts"]]
        assert [len(p.select(".activity__space .activity__line")) for p in prompts] == [p["lines"] for p in data["prompts"]]
        # ...and, on paper, as many more as fit the rest of the activity's sheet.
        assert all(p.select(".activity__more-space .activity__line") for p in prompts)


def test_activity_heading_level_is_three_unless_asked():
    from course.render.activities import activity_html

    assert soup(macros("together.md").activity("walk")).find("h3", class_="activity__title")
    one = soup(activity_html(outline().programme.activity("walk"), {}, heading_level=1, privacy_href=None))
    assert one.find("h1", class_="activity__title") and not one.find("h3")


def test_workbook_shows_hostile_data_as_text(make_data_dir):
    def edit(data):
        data["activities.yml"]["activities"][0]["title"] = HOSTILE_TEXTS[0]
        data["activities.yml"]["activities"][0]["prompts"][0]["text"] = HOSTILE_TEXTS[4]

    workbook = macros("workbook.md", make_data_dir(edit))
    html = workbook.workbook_cover() + workbook.workbook_activities()
    assert not soup(html).find("script")
    assert HOSTILE_TEXTS[0] in soup(html).get_text() and HOSTILE_TEXTS[4] in soup(html).get_text()


def test_there_is_a_handout_for_every_activity_and_the_tables_of_each_unit():
    first, second = [a["id"] for a in activities()], [a["id"] for a in activities("unit-2/activities.yml")]
    assert [h.slug for h in handouts()] == [*first, COMPARISONS_SLUG, SELF_CHECK_SLUG, *second, COMPARISONS_SLUG, SELF_CHECK_SLUG]
    # Each unit's tables and self-check worksheet have a handout of their own, each PDF a name of its own.
    assert len({h.pdf_name for h in handouts()}) == len(handouts())


def test_an_activity_cannot_take_the_comparison_tables_handout_id(make_data_dir):
    def edit(data):
        data["activities.yml"]["activities"][0]["id"] = COMPARISONS_SLUG
        # The session, its versions and the deck name the activity by its id too.
        session, deck = data["session.yml"], data["deck.yml"]
        session["parts"][1]["activity"] = COMPARISONS_SLUG
        for version in session["versions"]:
            for step in version["running_order"]:
                for kind in ("part", "debrief"):
                    if step.get(kind) == "walk":
                        step[kind] = COMPARISONS_SLUG
        deck["parts"][1]["part"] = COMPARISONS_SLUG

    problems = [str(problem) for problem in plan_paper(outline(make_data_dir(edit))).problems]
    assert any(f"activity '{COMPARISONS_SLUG}', field 'id'" in problem for problem in problems), problems


def test_the_qr_code_encodes_the_address():
    url = "https://example.org/course/handouts/walk/"
    svg = str(qr_svg(url))
    assert qr_modules(svg) == expected_modules(url)
    assert qr_modules(svg) != expected_modules(url + "x")  # the comparison can tell addresses apart
    assert f"<title>QR code for {url}</title>" in svg


def test_a_handout_shows_its_short_address_and_escapes_data(make_data_dir):
    def edit(data):
        data["activities.yml"]["activities"][0]["title"] = HOSTILE_TEXTS[0]

    edited = outline(make_data_dir(edit))
    handout = plan_paper(edited).handouts[0]
    html = soup(handout_html(handout, "https://example.org/x/handouts/walk/", edited.programme, edited.glossary, "../../privacy/"))
    assert short_address("https://www.example.org/x/") == "example.org/x/"
    link = html.find("a", class_="handout__link")
    assert link["href"] == "https://example.org/x/handouts/walk/" and link.get_text() == "example.org/x/handouts/walk/"
    assert html.find("h1").get_text() == HOSTILE_TEXTS[0] and not html.find("script")
    assert html.find(class_="handout__qr")["role"] == "img"
    assert html.select_one(".activity__answers-note a")["href"] == "../../privacy/"


def test_relative_urls_between_pages():
    assert relative_url("pdf/workbook.pdf", "workbook/") == "../pdf/workbook.pdf"
    assert relative_url("pdf/workbook.pdf", "workbook.html") == "pdf/workbook.pdf"
    assert relative_url("", "print/") == "../"
    assert relative_url("handouts/flocking/", "handouts/") == "flocking/"


def test_combining_pages_namespaces_ids_and_links():
    pages = [
        UnitPage("index", "Overview", "", '<h1 id="top">Unit</h1><p><a href="pcn-ethos/#benefits">x</a> <a href="workbook/">w</a></p>'),
        UnitPage(
            "pcn-ethos",
            "The PCN ethos",
            "pcn-ethos/",
            '<h1 id="top">Ethos</h1><h2 id="benefits">B</h2><p><a href="#benefits">b</a> <a href="../">home</a>'
            '<a href="https://example.org/">out</a></p><svg><title id="t">T</title><line marker-end="url(#arrow)"/></svg>'
            '<label for="f">F</label><input id="f" aria-describedby="t">',
        ),
    ]
    html = soup(combine(pages, "print/"))
    ids = [element["id"] for element in html.find_all(id=True)]
    assert len(ids) == len(set(ids)), "no id twice"
    assert {"index--top", "pcn-ethos--top", "pcn-ethos--benefits", "page-index", "page-pcn-ethos"} <= set(ids)
    hrefs = [a["href"] for a in html.find_all("a")]
    assert hrefs[:2] == ["#page-index", "#page-pcn-ethos"]  # the contents list
    assert hrefs[2:] == ["#pcn-ethos--benefits", "../workbook/", "#pcn-ethos--benefits", "#page-index", "https://example.org/"]
    assert html.find("line")["marker-end"] == "url(#pcn-ethos--arrow)"
    assert html.find("label")["for"] == "pcn-ethos--f" and html.find("input")["aria-describedby"] == "pcn-ethos--t"
    assert [h.name for h in html.select("section h2, section h3")] == ["h2", "h2", "h3"]  # every heading one level down


def test_the_pdf_maker_reads_only_the_site(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    fetcher = SiteOnlyFetcher(site, "https://example.org/unit-3/")
    assert fetcher.local_file("https://example.org/unit-3/assets/logo.svg") == (site / "assets" / "logo.svg").resolve()
    assert fetcher.local_file("https://example.org/unit-3/") == (site / "index.html").resolve()
    assert fetcher.allows((site / "assets" / "logo.svg").as_uri())
    assert fetcher.allows("data:image/png;base64,AAAA")
    assert not fetcher.allows("https://example.org/unit-3/../../secret.txt")
    assert not fetcher.allows("https://example.org/other/font.woff2")
    assert not fetcher.allows((tmp_path / "secret.txt").as_uri())
    assert not fetcher.allows((site / ".." / "secret.txt").as_uri())
    assert not fetcher.allows("https://fonts.example.com/font.woff2")
    assert not fetcher.allows("http://127.0.0.1:8000/x.css")


def test_a_page_that_needs_another_host_gets_no_pdf(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    page = site / "index.html"
    page.write_text('<html lang="en"><title>T</title><img src="https://example.com/tracker.png" alt="x"><p>Hi</p></html>')
    with pytest.raises(PdfError, match="https://example.com/tracker.png"):
        render_pdf(page, site / "pdf" / "t.pdf", site, "https://example.org/unit-3/")
    assert not (site / "pdf" / "t.pdf").exists()


