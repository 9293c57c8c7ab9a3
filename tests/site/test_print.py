"""Paper, as built from the fixture course: the workbook, the handouts, the whole
unit on one page, and the PDFs the build makes (tests/conftest.py `built_site`
makes the PDFs); a few builds of a copy of the fixture check what changing the
data or the toolchain does.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from engine import ABBREVIATIONS_FILE, SECOND_UNIT, SITE_URL, UNIT, expected_modules, fixture_data, handouts, qr_modules, run_in_session
from course.content.abbreviations import read_abbreviations
from course.publish.addresses import short_address
from course.render.environment import css_string
from site_building import copy_project, mkdocs_build
from test_site import CONFIG, UNIT_PAGES, activities, page_soup

SITE_NAME = CONFIG["site_name"]
COPYRIGHT = CONFIG["copyright"]
DEFAULT_SITE_URL = SITE_URL
# What the site's chrome would put on paper if it were printed.
CHROME = ["Skip to content", "Search", "Back to top", "Previous", "Next", "Switch to", "Download PDF", "Table of contents"]


def squashed(text: str) -> str:
    return " ".join(text.split())


def without_meanings(text: str) -> str:
    """The text without the meanings spelled out after abbreviations: "PCN (Primary care network)" -> "PCN"."""
    for meaning in read_abbreviations(ABBREVIATIONS_FILE).values():
        text = text.replace(f" ({meaning})", "")
    return text


def pdf_text(reader: PdfReader) -> str:
    """The PDF's text, whitespace squashed, without the meanings spelled out after abbreviations."""
    return without_meanings(squashed(" ".join(page.extract_text() for page in reader.pages)))


def unit_handouts():
    """The first unit's handouts: its Handouts page lists them, and its own paper."""
    return [handout for handout in handouts() if handout.unit_id == UNIT]


def expected_pdfs(unit_only: bool = False) -> dict[str, tuple[int, int]]:
    """Every PDF the build must make (or only the first unit's), with the page counts it may have."""
    count = len(activities())
    # The whole unit: a sheet or more for each activity, a few more for the pages between them.
    pdfs = {"whole-unit.pdf": (1 + count, 4 * len(UNIT_PAGES)), "workbook.pdf": (1 + (count + 1) // 2, 1 + 2 * count)}
    for handout in unit_handouts() if unit_only else handouts():
        # "One printable page per activity": an activity handout must fit one sheet.
        # The comparison tables, and the self-check's worksheet with its key, take what they need.
        pdfs[handout.pdf_name] = (1, 1) if handout.kind == "activity" else (1, 3)
    # The session plan, then each activity's notes beside its handout.
    pdfs["facilitator-guide.pdf"] = (1 + 2 * count, 3 + 3 * count)
    # A version's run sheet: one sheet. The deck's twelve slides: two to a sheet where they fit, one where they do not.
    pdfs["run-sheet-45-minutes.pdf"] = (1, 1)
    pdfs["slides.pdf"] = (6, 12)
    # Before and after the session: a register that runs on for its rows, a form and a certificate of a sheet each.
    pdfs.update({"attendance-register.pdf": (1, 2), "evaluation-form.pdf": (1, 1), "certificate-of-attendance.pdf": (1, 1)})
    return pdfs


# --- The pages of the real build --------------------------------------------------------


def test_the_workbook_page_has_the_cover_and_every_activity(built_site):
    page = page_soup(built_site, "workbook")
    article = page.find("article")
    assert len(article.find_all("h1")) == 1
    assert [s["id"] for s in article.select("section.activity")] == [a["id"] for a in activities()]


def test_each_handout_page_has_its_activity_qr_code_and_address(built_site):
    for handout in handouts():  # both units'
        name = handout.src_uri.removesuffix(".md")
        page = page_soup(built_site, name)
        address = f"{DEFAULT_SITE_URL}{name}/"
        link = page.find("a", class_="handout__link")
        assert link["href"] == address and link.get_text() == short_address(address)
        svg = str(page.find(class_="handout__qr").find("svg"))
        assert qr_modules(svg) == expected_modules(address), handout.slug
        if handout.activity_id:
            assert [s["id"] for s in page.select("section.activity")] == [handout.activity_id]
        elif handout.kind == "self-check":
            assert page.select_one(".problem-check--worksheet table.problem-check__key"), handout.slug
        else:
            tables = {"organisational-forms", "problem-types", "typology-figure"} if handout.unit_id == UNIT else {"problem-types", "typology-figure"}
            assert tables <= {e["id"] for e in page.find_all(id=True)}


def test_the_whole_unit_page_holds_every_unit_page_in_order(built_site):
    # My workbook repeats every activity for the learner's answers: not for paper.
    pages = [name for name in UNIT_PAGES if name != "my-workbook"]

    page = page_soup(built_site, "print")
    article = page.find("article")
    contents = [a["href"] for a in article.select("nav.whole-unit__contents a")]
    assert contents == [f"#page-{name}" for name in pages]
    ids = [e["id"] for e in article.find_all(id=True)]
    # Joining the pages adds no clash of ids.
    assert sorted({i for i in ids if ids.count(i) > 1}) == []
    for link in article.find_all("a", href=True):
        if link["href"].startswith("#"):
            assert link["href"][1:] in ids, f"{link['href']} goes nowhere"
    # Each page's own title is there, one level down; its activities too.
    for name in pages:
        own_title = page_soup(built_site, name).find("article").find("h1").get_text(" ", strip=True).removesuffix("¶").strip()
        section = article.find("section", id=f"page-{name}")
        assert section.find("h2").get_text(" ", strip=True).removesuffix("¶").strip() == own_title
    assert {s["data-activity"] for s in article.select("section.activity")} == {a["id"] for a in activities()}
    assert len(article.find_all("h1")) == 1


def test_pages_that_are_pdfs_link_to_them_with_size_and_pages(built_site):
    for name, pdf in [("workbook", "workbook.pdf"), ("print", "whole-unit.pdf")] + [
        (h.src_uri.removesuffix(".md"), h.pdf_name) for h in handouts()
    ]:
        page = page_soup(built_site, name)
        link = page.find("a", class_="pdf-download__link")
        assert link.get_text() == "Download PDF"
        target = (built_site / name / link["href"]).resolve()
        assert target == (built_site / "pdf" / pdf).resolve() and target.is_file()
        pages = len(PdfReader(target).pages)
        facts = page.find("span", attrs={"data-pdf-facts": pdf}).get_text()
        assert re.fullmatch(rf"\({pages} pages?, \d+ KB\)", facts), facts


def test_the_handouts_page_lists_every_pdf(built_site):
    page = page_soup(built_site, "handouts")
    table = page.find("table", class_="pdf-list__table")
    assert table.caption and table.find("th", scope="col")
    listed = [a["href"] for a in table.select("td a")]
    assert sorted(Path(href).name for href in listed) == sorted(expected_pdfs(unit_only=True)), "the unit's own, no other unit's"
    for href in listed:
        assert (built_site / "handouts" / href).resolve().is_file()
    for row_link in table.select("th a"):
        assert (built_site / "handouts" / row_link["href"] / "index.html").resolve().is_file()
    assert all(span.get_text() for span in table.select("span.pdf-facts"))


def test_each_handout_page_shows_where_it_sits_and_its_pdf_first(built_site):
    slugs = [handout.slug for handout in unit_handouts()]
    for position, slug in enumerate(slugs):
        page = page_soup(built_site, f"handouts/{slug}")
        # In the menu: under Handouts, in the data's order, this one marked as the page you are on.
        section = page.select_one("nav.md-nav--primary li.md-nav__item--active.md-nav__item--nested")
        assert section.select_one("a.md-nav__link").get_text(strip=True) == "Handouts"
        listed = [link["href"] for link in section.select("nav a.md-nav__link")]
        assert listed == ["../"] + ["./" if other == slug else f"../{other}/" for other in slugs]
        # Previous and next follow the same order, from the Handouts page to the whole unit.
        footer = {a["aria-label"].split(":")[0]: a["href"] for a in page.select("nav.md-footer__inner a")}
        assert footer["Previous"] == ("../" if position == 0 else f"../{slugs[position - 1]}/")
        assert footer["Next"] == ("../../print/" if position == len(slugs) - 1 else f"../{slugs[position + 1]}/")
        # The first thing on the page: back to every handout, then this one's PDF.
        first = page.find("article").find(True)
        assert "pdf-download" in first["class"]
        links = first.find_all("a")
        assert [links[0].get_text(), links[0]["href"]] == ["All handouts", "../"]
        assert links[1]["href"] == f"../../pdf/{unit_handouts()[position].pdf_name}"


def test_every_page_links_the_print_stylesheets(built_site):
    # Linked media="print" in the head, which WeasyPrint and every browser read (tests/site/test_front_end.py prints in Chromium).
    sheets = [link["href"] for link in page_soup(built_site, "basics").find("head").find_all("link", rel="stylesheet", media="print")]
    assert sheets == ["../stylesheets/print.css", "../stylesheets/print-footer.css"]
    footer = (built_site / "stylesheets" / "print-footer.css").read_text(encoding="utf-8")
    assert css_string(f"{SITE_NAME}\n{COPYRIGHT}") in footer


# --- The PDFs -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdfs(built_site) -> dict[str, PdfReader]:
    return {path.name: PdfReader(path) for path in sorted((built_site / "pdf").glob("*.pdf"))}


def test_every_pdf_is_made_with_a_sensible_number_of_pages(pdfs):
    assert sorted(pdfs) == sorted(expected_pdfs())
    for name, (least, most) in expected_pdfs().items():
        assert least <= len(pdfs[name].pages) <= most, f"{name}: {len(pdfs[name].pages)} pages"


def test_every_pdf_is_tagged_pdf_ua_with_title_language_and_bookmarks(pdfs):
    for name, reader in pdfs.items():
        catalog = reader.trailer["/Root"]
        assert "/StructTreeRoot" in catalog, name
        assert catalog["/MarkInfo"]["/Marked"] == True, name  # noqa: E712 (a pypdf BooleanObject)
        assert catalog["/Lang"] == "en", name
        assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == True, name  # noqa: E712
        assert 'pdfuaid:part="1"' in catalog["/Metadata"].get_object().get_data().decode("utf-8"), name
        assert reader.metadata.title.endswith(f" - {SITE_NAME}"), name
        assert reader.outline, f"{name} has no bookmarks"


def bookmarks(outline) -> list[str]:
    titles = []
    for entry in outline:
        titles.extend(bookmarks(entry) if isinstance(entry, list) else [entry.title])
    return titles


def test_bookmarks_lead_to_each_activity_and_page(pdfs):
    workbook = bookmarks(pdfs["workbook.pdf"].outline)
    assert all(a["title"] in workbook for a in activities())
    whole = bookmarks(pdfs["whole-unit.pdf"].outline)
    assert {"The basics", "Ways of organising", "Glossary"} <= set(whole)


def test_the_pdfs_hold_every_prompt_where_it_belongs(pdfs):
    for name in ("workbook.pdf", "whole-unit.pdf"):
        text = pdf_text(pdfs[name])
        for activity in activities():
            assert squashed(activity["title"]) in text, (name, activity["id"])
            for prompt in activity["prompts"]:
                assert squashed(prompt["text"]) in text, (name, prompt["id"])
    everyone = activities() + activities(SECOND_UNIT)
    for handout in handouts():
        text = pdf_text(pdfs[handout.pdf_name])
        if handout.activity_id:
            activity = next(a for a in everyone if a["id"] == handout.activity_id)
            assert all(squashed(p["text"]) in text for p in activity["prompts"]), handout.slug
            others = [a for a in everyone if a["id"] != handout.activity_id]
            assert not any(squashed(p["text"]) in text for a in others for p in a["prompts"]), handout.slug
        elif handout.kind == "self-check":
            # The worksheet: every question to tick, and every result's headline in its key.
            check = fixture_data()[f"{'' if handout.unit_id == UNIT else handout.unit_id + '/'}self_check.yml"]
            assert all(squashed(q["text"]) in text for q in check["questions"]), handout.slug
            assert all(squashed(r["headline"]) in text for r in check["results"]), handout.slug
        else:
            data = fixture_data()
            prefix = "" if handout.unit_id == UNIT else f"{handout.unit_id}/"
            kinds = data[f"{prefix}problem_types.yml"]["types"]
            assert all(squashed(kind["description"]) in text for kind in kinds), handout.slug
            forms = data.get(f"{prefix}organisational_forms.yml")
            assert not forms or all(squashed(form["points"][0]) in text for form in forms["forms"]), handout.slug
        assert f"{DEFAULT_SITE_URL}{handout.src_uri.removesuffix('.md')}/".removeprefix("https://") in text


def test_no_pdf_carries_the_site_chrome(pdfs):
    nav_labels = ["The basics", "Moving together", "Glossary", "Handouts", "The whole unit to print"]
    for name, reader in pdfs.items():
        text = pdf_text(reader)
        for chrome in CHROME:
            assert chrome not in text, f"{name}: {chrome!r}"
        if name not in ("whole-unit.pdf", "facilitator-guide.pdf"):  # these name the unit's pages, to open them
            for label in nav_labels:
                assert label not in text, f"{name}: {label!r}"


def link_targets(reader: PdfReader) -> list[str]:
    targets = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action and "/URI" in action:
                targets.append(str(action["/URI"]))
    return targets


def test_links_in_the_pdfs_lead_to_the_site_online(pdfs):
    # The site online, or a work the references give by its DOI or its address.
    references = fixture_data()["references.yml"]["references"]
    dois = {f"https://doi.org/{reference['doi']}" for reference in references if "doi" in reference}
    addresses = {reference["url"] for reference in references if "url" in reference}
    assert dois and addresses, "the fixture cites a work by its DOI, and one by its address"
    for name, reader in pdfs.items():
        for target in link_targets(reader):
            assert target.startswith(DEFAULT_SITE_URL) or target in dois | addresses, f"{name}: {target}"
    assert f"{DEFAULT_SITE_URL}handouts/walk/" in link_targets(pdfs["handout-walk.pdf"])
    assert f"{DEFAULT_SITE_URL}facilitators/" in link_targets(pdfs["whole-unit.pdf"]), "a page the whole unit does not hold"
    assert dois | addresses <= set(link_targets(pdfs["whole-unit.pdf"])), "the references' DOIs and addresses are links"


def test_every_sheet_has_the_running_footer(pdfs):
    for name, reader in pdfs.items():
        count = len(reader.pages)
        for number, page in enumerate(reader.pages, start=1):
            text = squashed(page.extract_text())
            assert f"Page {number} of {count}" in text, (name, number)
            assert COPYRIGHT in text and SITE_NAME in text and "Site built " in text, (name, number)


# --- Builds of a copy of the project ---------------------------------------------------------


def test_a_new_activity_gets_a_handout_page_and_pdf_with_no_new_file(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    data_file = project / "data" / UNIT / "activities.yml"
    data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    # Numbered on from the unit's first Self-Activity number and those it has (unit 2's come after).
    first = fixture_data()["programme.yml"]["numbering"]["Self-Activity"]
    number = first + sum(1 for a in data["activities"] if a["label"] == "Self-Activity")
    data["activities"].append(
        {
            "id": "reflection",
            "label": "Self-Activity",
            "title": "Reflection <script>alert('x')</script> & {{ config }}",
            "mode": "individual",
            "minutes": 5,
            "instructions": ["Think about the unit."],
            "prompts": [{"id": "learned", "text": "What will you do differently?", "lines": 4}],
        }
    )
    data_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    # A unit with a session plan runs every activity: the new one joins the running order.
    session_file = project / "data" / UNIT / "session.yml"
    session = yaml.safe_load(session_file.read_text(encoding="utf-8"))
    deck_file = project / "data" / UNIT / "deck.yml"
    deck = yaml.safe_load(deck_file.read_text(encoding="utf-8"))
    run_in_session(session, data["activities"][-1], deck)
    session_file.write_text(yaml.safe_dump(session, allow_unicode=True, sort_keys=False), encoding="utf-8")
    deck_file.write_text(yaml.safe_dump(deck, allow_unicode=True, sort_keys=False), encoding="utf-8")
    data_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    # An activity must be on a page: the last page, so numbered after the others, before the unit's closing activity.
    page_file = project / "docs" / "problems.md"
    closing = '{{ activity("discuss") }}'
    page_file.write_text(page_file.read_text(encoding="utf-8").replace(closing, '{{ activity("reflection") }}\n\n' + closing), encoding="utf-8")
    monkeypatch.setenv("SITE_URL", "https://training.example.org/pcn/unit-1/")
    # Off GitHub Pages there is no repository to take reports: the statement needs an email address.
    statement = project / "data" / "accessibility.yml"
    statement.write_text(statement.read_text(encoding="utf-8").replace("contact: repository issues", "contact: learning@example.org"), encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(site, project_dir=project)
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((site / "handouts" / "reflection" / "index.html").read_text(encoding="utf-8"), "html.parser")
    # The title is data: shown as typed, in the page and its <title>, never run or evaluated.
    typed = "Reflection <script>alert('x')</script> & {{ config }}"
    assert page.find("h1").get_text() == typed
    assert page.title.get_text().startswith(f"Handout – Self-Activity {number}: {typed}")
    assert not any("alert" in script.get_text() for script in page.find_all("script"))
    address = "https://training.example.org/pcn/unit-1/handouts/reflection/"
    assert page.find("a", class_="handout__link")["href"] == address
    assert qr_modules(str(page.find(class_="handout__qr").find("svg"))) == expected_modules(address)
    text = pdf_text(PdfReader(site / "pdf" / "handout-reflection.pdf"))
    assert "What will you do differently?" in text and "training.example.org/pcn/unit-1/handouts/reflection/" in text
    assert "What will you do differently?" in pdf_text(PdfReader(site / "pdf" / "workbook.pdf"))
    handouts_page = (site / "handouts" / "index.html").read_text(encoding="utf-8")
    assert "handout-reflection.pdf" in handouts_page


def test_without_weasyprint_the_build_stops_before_writing_and_says_what_to_do(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    fake = tmp_path / "fake" / "weasyprint"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise OSError(\"cannot load library 'libpango-1.0-0'\")\n")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(fake.parent), os.environ.get("PYTHONPATH")])))
    site = tmp_path / "site"
    result = mkdocs_build(site, project_dir=project)
    assert result.returncode != 0
    assert "cannot load WeasyPrint" in result.stderr and "libpango-1.0-0" in result.stderr
    assert "UNIT_PDF=skip" in result.stderr
    assert not site.exists()


def test_pdfs_are_skipped_only_when_asked(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    monkeypatch.setenv("UNIT_PDF", "skip")
    site = tmp_path / "site"
    result = mkdocs_build(site, project_dir=project)
    assert result.returncode == 0, result.stderr
    assert not (site / "pdf").exists()
    facts = BeautifulSoup((site / "handouts" / "index.html").read_text(encoding="utf-8"), "html.parser").select("span.pdf-facts")
    assert facts and all(span.get_text() == "(not made in this build)" for span in facts)

    monkeypatch.setenv("UNIT_PDF", "sometimes")
    result = mkdocs_build(tmp_path / "site-2", project_dir=project)
    assert result.returncode != 0 and "UNIT_PDF" in result.stderr and "'skip'" in result.stderr
