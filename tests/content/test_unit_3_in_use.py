"""Unit 3 as readers meet it: every page in Chromium, and every sheet of its paper.

The engine's behaviour is tested on the fixture course (tests/site/); these
look at the unit's own pages, which no fixture can stand in for: a heading, a
table or a figure an author adds could break any of them, and each failure
names the page. Every page is read once in each colour scheme (console,
requests, policy, what works, axe) and once at a phone's width; every PDF and
every page's print is rendered and looked at, on A4, US Letter and from the
dark scheme.
"""

from __future__ import annotations

import io
import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from built_pages import address
from course.publish.conformance import COLOUR_SCHEMES, PHONE_WIDTH, WCAG_TAGS
from paper_inspection import problems, sheets
from unit_3_pages import unit_3_page_names, unit_3_pdfs

PAGES = unit_3_page_names()
PDFS = unit_3_pdfs()

# Runs in every page and frame before the page's own scripts: keeps each CSP violation.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
}, true);
"""
# What a page says where its scripts did not run.
NEEDS_JAVASCRIPT = re.compile(r"needs JavaScript|cannot be kept here", re.IGNORECASE)
# What a sheet of paper must never ask of its reader ("the offline copy" is a thing, not an instruction).
SCREEN_WORDS = re.compile(r"(?<!offline )\bcopy\b|\bclick|\bpoint at\b|needs JavaScript", re.IGNORECASE)


@pytest.fixture(scope="module")
def contexts(browser):
    """One browser context per colour scheme and width, reused by every page (each page opened afresh).
    Motion reduced, as a reader may ask: axe then reads each page as it stands, never mid-fade (the
    presenter view's slides fade in; tests/site/test_presenter_browser.py tests the fade)."""
    made = {}

    def context(scheme: str = "light", width: int = 1280):
        if (scheme, width) not in made:
            made[scheme, width] = browser.new_context(
                color_scheme=scheme, reduced_motion="reduce", viewport={"width": width, "height": 900}
            )
            made[scheme, width].add_init_script(RECORD_CSP_VIOLATIONS)
        return made[scheme, width]

    yield context
    for opened in made.values():
        opened.close()


def other_hosts(requests: list[str]) -> list[str]:
    """Every request that left this machine's loopback."""
    leaks = []
    for url in requests:
        parts = urlsplit(url)
        if parts.scheme not in ("data", "blob") and (parts.scheme not in ("http", "https") or parts.hostname != "127.0.0.1"):
            leaks.append(url)
    return leaks


# --- In Chromium -----------------------------------------------------------------------


@pytest.mark.parametrize("scheme", COLOUR_SCHEMES)
@pytest.mark.parametrize("name", PAGES)
def test_each_page_reads_and_works_in_each_scheme(contexts, unit_3_url, name, scheme):
    """Served as published: it loads cleanly, asks no other host, keeps its policy, its tools work, and axe finds nothing."""
    page = contexts(scheme).new_page()
    errors, requests, console = [], [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("request", lambda request: requests.append(request.url))
    try:
        response = page.goto(address(unit_3_url, name))
        assert response.ok and response.headers.get("content-encoding") == "gzip"
        page.wait_for_load_state("networkidle")
        assert errors + [line for line in console if line.startswith("error:")] == [], name
        assert other_hosts(requests) == [], name
        violations = [v for frame in page.frames for v in frame.evaluate("window.__cspViolations || []")]
        assert violations + [line for line in console if "Content Security Policy" in line] == [], name
        assert page.locator("h1").count() == 1
        assert page.locator("body").get_attribute("data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
        _every_part_works(page, name)
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": list(WCAG_TAGS)}})
        assert results.violations_count == 0, results.generate_report()
    finally:
        page.close()


def _every_part_works(page, name: str) -> None:
    """No page, the whole unit included, says it needs JavaScript while JavaScript runs; every tool is there."""
    article = page.locator("article")
    assert not NEEDS_JAVASCRIPT.search(article.inner_text()), name  # inner_text leaves out what is hidden
    for box in article.locator("textarea.activity__answer-box").all():
        if not box.evaluate("box => !!box.closest('.print-only')"):  # a handout in the facilitator's guide is paper
            assert box.is_visible() and box.is_editable(), name
    for check in article.locator(".problem-check:not(.problem-check--worksheet)").all():
        shown = (check.locator(".problem-check__form").is_visible(), check.locator(".problem-check__paper").is_visible())
        assert shown == ((False, True) if name == "print" else (True, False)), name
    # The worksheet alone (its handout, the printable workbook) is paper, on screen too.
    for worksheet in article.locator(".problem-check--worksheet").all():
        assert worksheet.locator(".problem-check__paper").is_visible(), name
    # The simulation is live where the page runs its script (not on the whole unit, which is for paper);
    # elsewhere (the printable workbook, a handout) its figure of one run stands in.
    live = page.evaluate("() => [...document.scripts].some(script => /flocking[.]js/.test(script.src))") and name != "print"
    for simulation in article.locator(".flocking").all():
        if simulation.evaluate("element => !!element.closest('.print-only')"):
            continue
        assert (simulation.locator("canvas").is_visible(), simulation.locator("figure").is_visible()) == (live, not live), name


# The self-check on problems the issue named, answered as a learner would (data/unit-3/self_check.yml):
# the result's headline and its types. A changed headline there means updating it here.
SELF_CHECK_CASES = {
    # A clinician who knows the resuscitation drill: no time to consult, no disagreement, a drill.
    "A patient with chest pain collapses in the waiting room": (
        {"time-to-consult": "no", "agreed": "yes", "known-way": "yes"},
        "A crisis with a known drill: command now, management before and after",
        "Types: Critical (command), Tame (management)",
    ),
    "Flu clinic rota": (
        {"time-to-consult": "yes", "agreed": "yes", "known-way": "yes"},
        "A tame problem: a job for management",
        "Type: Tame (management)",
    ),
    "Reducing health inequalities across the PCN": (
        {"time-to-consult": "yes", "agreed": "no", "known-way": "no"},
        "A wicked problem: a job for leadership",
        "Type: Wicked (leadership)",
    ),
    # A mixed case: practices disagree what new roles are for, though recruiting is a known way.
    "Bringing new roles into practices": (
        {"time-to-consult": "yes", "agreed": "no", "known-way": "yes"},
        "A known fix for a problem people see differently",
        "Types: Wicked (leadership), Tame (management)",
    ),
}


@pytest.mark.parametrize("problem", SELF_CHECK_CASES)
def test_the_self_check_helps_with_the_hard_cases(contexts, unit_3_url, problem):
    """Each gives its own result: its types, what to do, and how else it could be framed; never a
    "fits more than one type, look again at the table"."""
    answers, headline, types = SELF_CHECK_CASES[problem]
    page = contexts().new_page()
    try:
        page.goto(address(unit_3_url, "systems-leadership"))
        page.locator("#problem-check-form:not([hidden])").wait_for()
        page.get_by_label("The problem you have in mind (optional)").fill(problem)
        for question, answer in answers.items():
            page.locator(f"input[name='problem-check-{question}'][value='{answer}']").check()
        page.get_by_role("button", name="Suggest a type").click()
        result = page.get_by_role("status").filter(has_text=headline)
        lines = result.locator("p").all_inner_texts()
        assert lines[:3] == [f"Your problem: “{problem}”", headline, types], (
            f"the self-check's result for “{problem}” is now {lines[:3]}; if data/unit-3/self_check.yml changed on purpose, "
            "update SELF_CHECK_CASES in tests/content/test_unit_3_in_use.py"
        )
        explanation, reframe = lines[3], lines[4]
        assert len(explanation.split()) >= 25, "the result says what to do, not only which type"
        assert reframe.startswith("How else could it be framed?") and "?" in reframe.removeprefix("How else could it be framed?")
        assert "look again" not in " ".join(lines).lower()
    finally:
        page.close()


@pytest.mark.parametrize("name", PAGES)
def test_each_page_fits_a_phone_without_scrolling_sideways(contexts, unit_3_url, name):
    page = contexts(width=PHONE_WIDTH).new_page()
    try:
        page.goto(address(unit_3_url, name))
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH, name
    finally:
        page.close()


# --- On paper ----------------------------------------------------------------------------


@pytest.mark.parametrize("pdf_name", PDFS)
def test_every_sheet_of_every_pdf_looks_right_on_a4_and_letter(unit_3_site, on_letter, pdf_name):
    a4 = sheets(unit_3_site / "pdf" / pdf_name, f"{pdf_name} (A4)")
    letter = sheets(on_letter(PDFS[pdf_name]), f"{pdf_name} (US Letter)")
    assert [problem for sheet in a4 + letter for problem in problems(sheet)] == []


@pytest.mark.parametrize("pdf_name", PDFS)
def test_no_pdf_asks_its_reader_to_click_copy_or_point(unit_3_site, pdf_name):
    text = " ".join(page.extract_text() for page in PdfReader(unit_3_site / "pdf" / pdf_name).pages)
    assert SCREEN_WORDS.findall(text) == [], pdf_name


@pytest.mark.parametrize("pdf_name", PDFS)
def test_every_pdf_is_set_in_the_documents_one_typeface(unit_3_site, pdf_name):
    """Figures included: their text prints in the same face as the rest (Liberation Sans, Arial's metrics)."""
    faces = set()
    for page in PdfReader(unit_3_site / "pdf" / pdf_name).pages:
        fonts = page["/Resources"].get("/Font") or {}
        faces |= {re.sub(r"^[A-Z]{6}\+", "", str(font.get_object()["/BaseFont"]).lstrip("/")) for font in fonts.values()}
    assert faces and all(face.startswith("Liberation-Sans") for face in faces), faces


@pytest.mark.parametrize("name", PAGES)
def test_every_sheet_chromium_prints_looks_right(printed, name):
    """On A4 and US Letter, and from the dark scheme (which must print as the light one does)."""
    found = []
    for paper, scheme in (("A4", "light"), ("Letter", "light"), ("A4", "dark")):
        found += [problem for sheet in printed(name, paper, scheme)[1] for problem in problems(sheet)]
    assert found == []
    assert len(printed(name, "A4", "dark")[1]) == len(printed(name, "A4")[1]), "the dark scheme prints as the light one"


@pytest.mark.parametrize("name", PAGES)
def test_no_printed_page_asks_its_reader_to_click_copy_or_point(printed, name):
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(printed(name)[0])).pages)
    assert SCREEN_WORDS.findall(text) == [], name
