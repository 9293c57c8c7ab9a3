"""Before and after the session, in a real Chromium, on the fixture course: the evaluation form
kept in the browser and restored, printed with its answers ticked, downloaded as text, cleared,
and sending nothing; the joining note copied; the certificate filled in on screen and printed;
the blank sheets as the build's PDFs on A4 and US Letter; axe in the light and dark schemes."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from weasyprint import CSS, HTML

from engine import SITE_URL, UNIT, fixture_data
from paper_inspection import problems, sheets
from course.paper.pdf import SiteOnlyFetcher
from course.publish.conformance import COLOUR_SCHEMES
from test_browser import url_of
from test_interactive import ANSWER_PREFIX, axe_violations, open_page, stored_answers  # noqa: F401 (fixture)

EVALUATION = fixture_data()["before_and_after.yml"]["evaluation"]
KEPT = f"{ANSWER_PREFIX}evaluation:"
FORM = "facilitators/evaluation-form"
BEST_BOX = "#evaluation--best-answer"
NEW_PAGES = ["facilitators/before-and-after", "facilitators/attendance-register", FORM, "facilitators/certificate"]


def squashed(text: str) -> str:
    return " ".join(text.split())


def pdf_text(pdf: bytes) -> str:
    return squashed(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def choose(page, statement: str, answer: str) -> None:
    page.locator(f"#evaluation--{statement}").get_by_label(answer, exact=True).check()


def test_the_evaluation_is_kept_in_the_browser_and_restored(open_page, site_url):
    page = open_page(FORM, site_url)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    assert page.locator(".evaluation-form__table").is_hidden(), "on screen, the choices stand for the table"
    choose(page, "useful", "Agree")
    choose(page, "pace", "Not sure")
    choose(page, "useful", "Disagree")  # a change of mind replaces the answer
    page.locator(BEST_BOX).fill("The walk.")
    kept = {key.removeprefix(KEPT): value for key, value in stored_answers(page).items() if key.startswith(KEPT)}
    assert kept == {"useful": "Disagree", "pace": "Not sure", "best": "The walk."}
    # Chromium asks for the favicon once the page has loaded (guides/architecture.md); nothing else is asked for.
    assert [url for url in requests if not url.endswith("/assets/favicon.svg")] == [], "nothing is sent"
    assert "kept in this browser" in page.locator(".evaluation-form__note").inner_text()
    page.reload()
    assert page.locator("#evaluation--useful").get_by_label("Disagree", exact=True).is_checked()
    assert page.locator("#evaluation--pace").get_by_label("Not sure", exact=True).is_checked()
    assert page.locator(BEST_BOX).input_value() == "The walk."
    assert page.errors == []


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_evaluation_prints_with_its_answers_ticked_on_one_sheet(open_page, site_url, paper):
    page = open_page(FORM, site_url)
    choose(page, "useful", "Agree")
    page.locator(BEST_BOX).fill("The walk, and the talk.")
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")
    page.get_by_role("button", name="Print or save as PDF").click()
    assert page.evaluate("window.printed") == 1
    page.emulate_media(media="print")
    ticked = page.locator(".evaluation-form__tick--ticked")
    assert ticked.count() == 1 and ticked.get_attribute("data-answer") == "Agree" and ticked.get_attribute("data-statement") == "useful"
    assert page.locator(".evaluation-form__table").is_visible() and page.locator(".evaluation-form__choices").is_hidden()
    pdf = page.pdf(format=paper)
    looked_at = sheets(pdf, f"the evaluation form, filled in ({paper})")
    assert [problem for each in looked_at for problem in problems(each)] == []
    assert len(looked_at) == 1
    text = pdf_text(pdf)
    assert "The walk, and the talk." in text and EVALUATION["title"] in text
    assert "Print or save as PDF" not in text and "Clear the form" not in text


def test_the_evaluation_downloads_as_text_and_clears(open_page, site_url):
    page = open_page(FORM, site_url)
    choose(page, "pace", "Agree")
    page.locator(BEST_BOX).fill("Line one\nline two")
    with page.expect_download() as downloading:
        page.get_by_role("button", name="Download your answers (text)").click()
    download = downloading.value
    assert download.suggested_filename == f"{UNIT}-evaluation.txt"
    text = open(download.path(), encoding="utf-8").read()
    assert text.startswith(f"{EVALUATION['title'].upper()}\nUnit 1: Working beyond the team?\n")
    assert f"- {EVALUATION['statements'][0]['text']}\n   (Not answered)\n" in text
    assert f"- {EVALUATION['statements'][1]['text']}\n   Agree\n" in text
    assert f"1. {EVALUATION['questions'][0]['text']}\n   Line one\n   line two\n" in text
    assert f"{UNIT}-evaluation.txt" in page.locator(".evaluation-form__status").inner_text()
    page.get_by_role("button", name="Clear the form").click()
    assert not [key for key in stored_answers(page) if key.startswith(KEPT)]
    assert page.locator(BEST_BOX).input_value() == "" and not page.locator("#evaluation--pace input:checked").count()


def test_without_javascript_the_form_is_the_paper_one(open_page, site_url):
    page = open_page(FORM, site_url, java_script_enabled=False)
    assert page.locator(".evaluation-form__table").is_visible()
    assert page.locator(".evaluation-form__choices").is_hidden() and page.locator(".evaluation-form__tools").is_hidden()
    assert "needs JavaScript" in page.locator(".evaluation-form__note").inner_text()


def test_the_joining_note_is_copied(open_page, site_url):
    page = open_page(None)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(url_of(site_url, "facilitators/before-and-after"))
    page.get_by_role("button", name="Copy the note").click()
    page.wait_for_function("document.querySelector('#joining-note-status').textContent !== ''")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#joining-note-body").text_content()
    assert f"- The basics: {SITE_URL}basics/" in copied
    assert page.errors == []


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_certificate_is_filled_in_on_screen_then_printed_on_one_sheet(open_page, site_url, paper):
    page = open_page("facilitators/certificate", site_url)
    for field, value in (("learner", "Sam Patel"), ("date", "7 March 2026"), ("duration", "1 hour 30 minutes"), ("facilitator", "Jo Smith")):
        page.get_by_label({"learner": "Name", "date": "Date", "duration": "Duration", "facilitator": "Facilitator"}[field], exact=True).fill(value)
        assert page.locator(f'[data-certificate-slot="{field}"]').inner_text() == value
    page.emulate_media(media="print")
    pdf = page.pdf(format=paper)
    looked_at = sheets(pdf, f"the certificate, filled in ({paper})")
    assert [problem for each in looked_at for problem in problems(each)] == []
    assert len(looked_at) == 1
    text = pdf_text(pdf)
    for expected in ("Certificate of attendance", "Sam Patel", "Unit 1: Working beyond the team?", "7 March 2026", "1 hour 30 minutes", "Jo Smith"):
        assert expected in text, expected
    assert "Fill in the fields" not in text


@pytest.mark.parametrize("name", ["attendance-register", "evaluation-form", "certificate-of-attendance"])
@pytest.mark.parametrize("paper", ["A4", "letter"])
def test_each_blank_sheet_is_clean_on_a4_and_letter(built_site, name, paper):
    """The build's PDF (A4), and the same page made again on US Letter, every sheet looked at."""
    page = {"attendance-register": "attendance-register", "evaluation-form": "evaluation-form", "certificate-of-attendance": "certificate"}[name]
    if paper == "A4":
        pdf = (built_site / "pdf" / f"{name}.pdf").read_bytes()
    else:
        html = HTML(
            string=(built_site / "facilitators" / page / "index.html").read_text(encoding="utf-8"),
            base_url=f"{SITE_URL}facilitators/{page}/index.html",
            url_fetcher=SiteOnlyFetcher(built_site, SITE_URL).weasyprint_fetcher(),
            media_type="print",
        )
        pdf = html.write_pdf(stylesheets=[CSS(string="@page { size: letter }")])
    looked_at = sheets(pdf, f"{name} ({paper})")
    assert [problem for each in looked_at for problem in problems(each)] == []
    assert len(looked_at) == 1, f"{name} takes {len(looked_at)} sheets on {paper}"
    text = pdf_text(pdf)
    assert "Added for this site" not in text or name == "evaluation-form"
    for screen_word in ("Copy", "click", "needs JavaScript", "Download"):
        assert screen_word not in text, (name, screen_word)


@pytest.mark.parametrize("scheme", COLOUR_SCHEMES)
@pytest.mark.parametrize("name", NEW_PAGES)
def test_axe_finds_nothing_on_the_pages_for_before_and_after(open_page, site_url, scheme, name):
    page = open_page(name, site_url, color_scheme=scheme, reduced_motion="reduce")
    if name == FORM:
        choose(page, "useful", "Agree")
    count, report = axe_violations(page)
    assert count == 0, report
