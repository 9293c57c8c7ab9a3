"""The reflective record on My workbook, in a real Chromium, on the fixture course: made from
the answers, printed alone on A4 and US Letter (every sheet looked at), downloaded as text
and as a Word document (its library fetched only when asked, online and from file://), and
"Finished?": deleting every answer from this computer after the confirmation, by keyboard,
with the focus put back; axe in the light and dark schemes."""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from engine import UNIT, fixture_data
from paper_inspection import problems, sheets
from course.publish.conformance import COLOUR_SCHEMES
from test_browser import url_of
from test_interactive import ANSWER_PREFIX, DEFINE_BOX, FLOCKING_BOX, axe_violations, open_page, stored_answers  # noqa: F401 (fixture)
from test_publish_browser import unpacked_copy  # noqa: F401 (fixture)

RECORD = fixture_data()["reflective_record.yml"]
OUTCOMES = [outcome["text"] for outcome in fixture_data()["outcomes.yml"]["outcomes"]]
ADAPT_BOX = "#reflect--adapt-answer"  # the prompt the record's "What I learnt" draws on
ADAPT_PROMPT = "How might you adapt your approach?"
LEARNT_BOX = "#reflective-record--learning-answer"
TIME_SPENT = "#reflective-record--time-spent"
DATE = "#reflective-record--date"
RECORD_NAME = f"{UNIT}-reflective-record"
RECORD_KEY = f"{ANSWER_PREFIX}reflective-record:"
WORD_LIBRARY = "/javascripts/vendor/docx.min.js"


def squashed(text: str) -> str:
    return " ".join(text.split())


def answer_and_open_my_workbook(page, site_url):
    """Two answers on the unit's pages; then, on My workbook, the record's details and one part of its account."""
    page.goto(url_of(site_url, "together"))
    page.locator(FLOCKING_BOX).fill("We moved, then stopped.")
    page.goto(url_of(site_url, "problems"))
    page.locator(ADAPT_BOX).fill("Ask first.\nThen act <b>together</b>.")
    page.goto(url_of(site_url, "my-workbook"))
    page.locator(TIME_SPENT).fill("2 hours")
    page.locator(DATE).fill("2026-03-07")
    page.locator(LEARNT_BOX).fill("That networks run on trust.")


def sheet(page):
    return page.locator(".reflective-record__sheet")


def test_the_record_gathers_the_details_the_outcomes_the_account_and_only_the_answers_given(open_page, site_url):
    page = open_page()
    answer_and_open_my_workbook(page, site_url)
    page.get_by_text("See your reflective record as it prints").click()
    record = sheet(page)
    assert record.locator('[data-record-slot="date"]').inner_text() == "7 March 2026"
    assert record.locator('[data-record-slot="time-spent"]').inner_text() == "2 hours"
    assert record.locator(".reflective-record__section ol li").all_inner_texts() == OUTCOMES
    learnt = record.locator('[data-record-slot="account:learning"]')
    assert learnt.locator("p").all_inner_texts() == ["That networks run on trust.", ADAPT_PROMPT, "Ask first.\nThen act <b>together</b>."]
    assert learnt.locator("b").count() == 0, "an answer is text, never markup"
    assert record.locator('[data-record-slot="account:activity"]').inner_text() == "Not written yet."
    answers = record.locator('[data-record-slot="answers"]')
    assert answers.locator("h5").all_inner_texts() == ["Exercise: Walking together", "Self-Activity 3: Your own projects"]
    assert answers.locator("dt").all_inner_texts() == ["What did you notice as the group settled?", ADAPT_PROMPT], "only prompts answered"
    # The record's own words are kept like answers, under the names the privacy notice gives.
    kept = {key.removeprefix(RECORD_KEY): value for key, value in stored_answers(page).items() if key.startswith(RECORD_KEY)}
    assert kept == {"time-spent": "2 hours", "date": "2026-03-07", "learning": "That networks run on trust."}
    page.reload()
    assert page.locator(TIME_SPENT).input_value() == "2 hours" and page.locator(LEARNT_BOX).input_value() == "That networks run on trust."


def test_an_untouched_date_is_todays_and_is_not_kept(open_page, site_url):
    page = open_page("my-workbook", site_url)
    today = page.evaluate("(() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; })()")
    day = datetime.date(*today)
    assert page.locator(DATE).input_value() == f"{day.day} {day:%B} {day.year}", "today's date, in words"
    assert sheet(page).locator('[data-record-slot="time-spent"]').text_content() == "Not given"
    assert stored_answers(page) == {}, "opening the page keeps nothing"


def printed_record(page, paper: str) -> bytes:
    """Chromium's PDF of the page after "Print or save as PDF" (the browser's own dialog stood in for)."""
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")
    page.get_by_role("button", name="Print or save as PDF").click()
    assert page.evaluate("document.documentElement.dataset.print") == "reflective-record"
    return page.pdf(format=paper, prefer_css_page_size=True)


@pytest.mark.parametrize(("paper", "scheme"), [("A4", "light"), ("Letter", "light"), ("A4", "dark")])
def test_the_record_prints_alone_and_every_sheet_looks_right(open_page, site_url, paper, scheme):
    page = open_page(color_scheme=scheme)
    answer_and_open_my_workbook(page, site_url)
    pdf = printed_record(page, paper)
    assert page.evaluate("window.printed") == 1
    looked_at = sheets(pdf, f"the reflective record ({paper}, {scheme})")
    found = [problem for each in looked_at for problem in problems(each)]
    assert found == [], found
    text = squashed(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))
    for expected in ("REFLECTIVE RECORD", "Unit 1: Working beyond the team?", "Date 7 March 2026", "Time spent 2 hours", *OUTCOMES,
                     "That networks run on trust.", "Then act <b>together</b>.", RECORD["touches_note"]):
        assert squashed(expected) in text, expected
    assert "Every prompt of the unit, with the answers you have typed." not in text, "the record alone, not the workbook"
    assert "Print or save as PDF" not in text and "Added for this site" not in text
    assert len(looked_at) <= 2


def test_after_the_record_any_print_is_the_workbooks_again(open_page, site_url):
    page = open_page()
    answer_and_open_my_workbook(page, site_url)
    printed_record(page, "A4")  # Chromium sends afterprint once its PDF is made, as a browser does after its dialog
    assert page.evaluate("document.documentElement.dataset.print") is None
    page.emulate_media(media="print")
    assert page.locator("#walk").is_visible() and sheet(page).is_hidden()
    workbook = PdfReader(io.BytesIO(page.pdf(format="A4"))).pages
    assert "Every prompt of the unit" in squashed(workbook[0].extract_text())
    # On the workbook's paper the account is a worksheet: a part's words in place of its lines.
    part = page.locator("#reflective-record--learning")
    assert part.locator(".activity__answer-print").inner_text() == "That networks run on trust."
    assert page.locator("#reflective-record--activity .activity__space").is_visible()


def download(page, button: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def test_the_text_file_holds_the_record_and_says_so(open_page, site_url):
    page = open_page()
    answer_and_open_my_workbook(page, site_url)
    name, content = download(page, "Reflective record (text)")
    text = content.decode("utf-8")
    assert name == f"{RECORD_NAME}.txt"
    assert text.startswith("REFLECTIVE RECORD\nUnit 1: Working beyond the team?\n")
    assert "Date: 7 March 2026\nTime spent: 2 hours\n" in text
    assert f"   {ADAPT_PROMPT}\n      Ask first.\n      Then act <b>together</b>.\n" in text
    assert page.locator(".reflective-record__status").inner_text() == f"Your reflective record was saved as {RECORD_NAME}.txt, in your downloads."


def word_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as docx:
        return docx.read("word/document.xml").decode("utf-8")


def test_the_word_document_is_made_only_when_asked_with_the_sites_own_library(open_page, site_url):
    page = open_page()
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    answer_and_open_my_workbook(page, site_url)
    assert not any(url.endswith(WORD_LIBRARY) for url in asked), "the library waits until a Word document is asked for"
    name, content = download(page, "Reflective record (Word)")
    assert name == f"{RECORD_NAME}.docx"
    assert [url for url in asked if url.endswith(WORD_LIBRARY)] == [f"{site_url}{WORD_LIBRARY}"]
    xml = word_text(content)
    for expected in ("Reflective record", "7 March 2026", "That networks run on trust.", ADAPT_PROMPT, "Then act &lt;b&gt;together&lt;/b&gt;."):
        assert expected in xml, expected
    assert page.locator(".reflective-record__status").inner_text() == f"Your reflective record was saved as {RECORD_NAME}.docx, in your downloads."
    download(page, "Reflective record (Word)")
    assert len([url for url in asked if url.endswith(WORD_LIBRARY)]) == 1, "fetched once"
    assert page.errors == []


@pytest.mark.parametrize("layout", ["the site opened from its folder", "the offline copy"])
def test_the_word_document_is_made_from_file_too(open_page, built_site, unpacked_copy, layout):
    page_file = Path(built_site) / "my-workbook" / "index.html" if layout == "the site opened from its folder" else unpacked_copy / "my-workbook.html"
    page = open_page(page_file.as_uri())
    page.locator(LEARNT_BOX).fill("Made offline.")
    name, content = download(page, "Reflective record (Word)")
    assert name == f"{RECORD_NAME}.docx" and "Made offline." in word_text(content)


def focused(page) -> str:
    return page.evaluate("document.activeElement.textContent")


def test_finished_deletes_every_answer_from_this_computer_after_the_confirmation_by_keyboard(open_page, site_url):
    page = open_page()
    answer_and_open_my_workbook(page, site_url)
    assert len(stored_answers(page)) == 5, "two answers, the record's date, time and one part"
    finish = page.get_by_role("button", name="Delete my answers from this computer…")
    finish.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Delete all your answers?")
    assert dialog.is_visible() and focused(page) == "No, keep them", "the safe choice has the focus"
    page.keyboard.press("Escape")
    assert dialog.is_hidden() and len(stored_answers(page)) == 5
    assert focused(page) == "Delete my answers from this computer…", "the focus goes back to the button that opened it"
    assert page.locator("#my-workbook-status").inner_text() == "Nothing was deleted."

    page.keyboard.press("Enter")
    assert dialog.is_visible()
    page.keyboard.press("Shift+Tab")
    assert focused(page) == "Yes, delete my answers"
    page.keyboard.press("Enter")
    assert dialog.is_hidden() and stored_answers(page) == {}
    assert focused(page) == "Delete my answers from this computer…"
    assert page.locator("#my-workbook-status").inner_text() == "Deleted 5 answers."
    assert page.locator(TIME_SPENT).input_value() == "" and page.locator(LEARNT_BOX).input_value() == ""
    assert sheet(page).locator('[data-record-slot="time-spent"]').text_content() == "Not given"
    page.reload()
    assert page.locator(FLOCKING_BOX).input_value() == "" and page.locator(DEFINE_BOX).input_value() == ""


def test_the_top_delete_button_still_gets_the_focus_back(open_page, site_url):
    page = open_page()
    answer_and_open_my_workbook(page, site_url)
    page.get_by_role("button", name="Delete all answers…").click()
    page.get_by_role("button", name="No, keep them").click()
    assert focused(page) == "Delete all answers…"


@pytest.mark.parametrize("scheme", COLOUR_SCHEMES)
def test_axe_finds_nothing_in_the_records_states(open_page, site_url, scheme):
    page = open_page(color_scheme=scheme, reduced_motion="reduce")
    answer_and_open_my_workbook(page, site_url)
    page.get_by_text("See your reflective record as it prints").click()
    count, report = axe_violations(page)
    assert count == 0, report
    page.get_by_role("button", name="Delete my answers from this computer…").click()
    count, report = axe_violations(page)
    assert count == 0, report
