"""Paper looked at as a reader would: every sheet of every PDF the build makes,
and of Chromium's print of every page, rendered to an image and checked.

On A4 and on US Letter (which some printers default to), and from the dark
colour scheme too, no sheet may carry a solid dark block of 1 cm or more, end
before 40% of its height when the document goes on, or put ink where a
printer cannot print; and no sheet count may change without the counts below
changing with it (look at the sheets, then update them).
"""

from __future__ import annotations

import logging
import re

import pytest
from pypdf import PdfReader
from weasyprint import CSS, HTML

from course.paper.pdf import SiteOnlyFetcher
from paper_inspection import problems, sheets
from test_browser import url_of
from test_site import PAGES

SITE_URL = "https://pcn-leadership.github.io/unit-3/"
LETTER = CSS(string="@page { size: letter }")

# Sheets of each PDF: (A4, as built; US Letter).
PDF_SHEETS = {
    "whole-unit.pdf": (14, 15),
    "workbook.pdf": (5, 5),
    "handout-flocking.pdf": (1, 1),
    "handout-self-activity-7.pdf": (1, 1),
    "handout-leading-complex-pcn-projects.pdf": (1, 1),
    "handout-self-activity-8.pdf": (1, 1),
    "handout-comparison-tables.pdf": (2, 2),
    "facilitator-guide.pdf": (10, 10),
}
# The page each PDF is made from.
PDF_PAGES = {"whole-unit.pdf": "print", "workbook.pdf": "workbook", "facilitator-guide.pdf": "facilitators"}

# Sheets of Chromium's print of each page: (A4, US Letter).
PRINT_SHEETS = {
    "index": (1, 1),
    "pcn-ethos": (2, 2),
    "complex-systems": (2, 2),
    "leading-complex-systems": (1, 1),
    "theory-and-practice": (1, 1),
    "systems-leadership": (4, 4),
    "leading-health-and-social-care": (1, 1),
    "my-workbook": (4, 4),
    "references": (1, 1),
    "glossary": (1, 1),
    "workbook": (5, 5),
    "handouts": (1, 1),
    "handouts/flocking": (1, 1),
    "handouts/self-activity-7": (1, 1),
    "handouts/leading-complex-pcn-projects": (1, 1),
    "handouts/self-activity-8": (1, 1),
    "handouts/comparison-tables": (2, 2),
    "print": (14, 14),
    "facilitators": (10, 10),  # the plan, then each activity's notes and its handout
    "facilitators/present": (4, 4),  # an activity to a sheet, in large print
    "accessibility": (3, 3),
    "privacy": (2, 2),
}

# What a sheet of paper must never ask of its reader ("the offline copy" is a thing, not an instruction).
SCREEN_WORDS = re.compile(r"(?<!offline )\bcopy\b|\bclick|\bpoint at\b|needs JavaScript", re.IGNORECASE)


def page_of(pdf_name: str) -> str:
    return PDF_PAGES.get(pdf_name) or "handouts/" + pdf_name.removeprefix("handout-").removesuffix(".pdf")


def on_letter(built_site, page: str) -> bytes:
    """The PDF of a page as the build makes it, but on US Letter."""
    fetcher = SiteOnlyFetcher(built_site, SITE_URL)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    html = HTML(
        string=(built_site / page / "index.html").read_text(encoding="utf-8"),
        base_url=f"{SITE_URL}{page}/index.html",
        url_fetcher=fetcher.weasyprint_fetcher(),
        media_type="print",
    )
    return html.write_pdf(stylesheets=[LETTER], pdf_variant="pdf/ua-1", pdf_tags=True)


def test_the_counts_name_every_pdf_and_page(built_site):
    assert sorted(PDF_SHEETS) == sorted(path.name for path in (built_site / "pdf").glob("*.pdf"))
    assert sorted(PRINT_SHEETS) == sorted(PAGES)


@pytest.mark.parametrize("pdf_name", PDF_SHEETS)
def test_every_sheet_of_every_pdf_looks_right_on_a4_and_letter(built_site, pdf_name):
    a4 = sheets(built_site / "pdf" / pdf_name, f"{pdf_name} (A4)")
    letter = sheets(on_letter(built_site, page_of(pdf_name)), f"{pdf_name} (US Letter)")
    assert [problem for sheet in a4 + letter for problem in problems(sheet)] == []
    assert (len(a4), len(letter)) == PDF_SHEETS[pdf_name], "the sheet count changed: look at the sheets, then update PDF_SHEETS"


@pytest.mark.parametrize("pdf_name", PDF_SHEETS)
def test_no_pdf_asks_its_reader_to_click_copy_or_point(built_site, pdf_name):
    text = " ".join(page.extract_text() for page in PdfReader(built_site / "pdf" / pdf_name).pages)
    assert SCREEN_WORDS.findall(text) == []


@pytest.mark.parametrize("pdf_name", PDF_SHEETS)
def test_every_pdf_is_set_in_the_documents_one_typeface(built_site, pdf_name):
    """Figures included: their text prints in the same face as the rest (Liberation Sans, Arial's metrics)."""
    faces = set()
    for page in PdfReader(built_site / "pdf" / pdf_name).pages:
        fonts = page["/Resources"].get("/Font") or {}
        faces |= {re.sub(r"^[A-Z]{6}\+", "", str(font.get_object()["/BaseFont"]).lstrip("/")) for font in fonts.values()}
    assert faces and all(face.startswith("Liberation-Sans") for face in faces), faces


@pytest.fixture(scope="module")
def printing(browser, site_url):
    """Chromium's print of a page, as a person gets it from the browser's Print."""
    contexts = {}

    def print_page(name: str, paper: str = "A4", color_scheme: str = "light") -> bytes:
        if color_scheme not in contexts:
            contexts[color_scheme] = browser.new_context(color_scheme=color_scheme, viewport={"width": 1280, "height": 900})
        page = contexts[color_scheme].new_page()
        try:
            page.goto(url_of(site_url, name))
            page.wait_for_load_state("networkidle")
            return page.pdf(format=paper)
        finally:
            page.close()

    yield print_page
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("name", PRINT_SHEETS)
def test_every_sheet_chromium_prints_looks_right_on_a4_and_letter(printing, name):
    a4 = sheets(printing(name, "A4"), f"{name} (Chromium, A4)")
    letter = sheets(printing(name, "Letter"), f"{name} (Chromium, US Letter)")
    assert [problem for sheet in a4 + letter for problem in problems(sheet)] == []
    assert (len(a4), len(letter)) == PRINT_SHEETS[name], "the sheet count changed: look at the sheets, then update PRINT_SHEETS"


@pytest.mark.parametrize("name", PRINT_SHEETS)
def test_the_dark_scheme_prints_as_the_light_one_does(printing, name):
    dark = sheets(printing(name, "A4", "dark"), f"{name} (Chromium, A4, from the dark scheme)")
    assert [problem for sheet in dark for problem in problems(sheet)] == []
    assert len(dark) == PRINT_SHEETS[name][0]


@pytest.mark.parametrize("name", PRINT_SHEETS)
def test_no_printed_page_asks_its_reader_to_click_copy_or_point(printing, name):
    import io

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(printing(name))).pages)
    assert SCREEN_WORDS.findall(text) == []
