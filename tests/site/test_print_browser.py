"""Printing from the browser: Chromium with print media, and Chromium's own PDF of a page."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from test_browser import url_of
from test_print import CHROME, COPYRIGHT, SITE_NAME, squashed, without_meanings
from engine import fixture_data
from test_site import WEBSITE_PAGES, activities

ACTIVITIES = activities()
CHROME_SELECTORS = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer", ".md-top"]
NAV_LABELS = ["The basics", "Moving together", "Ways of organising", "Glossary", "Handouts"]


@pytest.fixture
def print_page(browser, site_url):
    """Open a page (in a colour scheme) with print media emulated."""
    contexts = []

    def open_page(name: str, color_scheme: str = "light", width: int = 1280):
        context = browser.new_context(color_scheme=color_scheme, viewport={"width": width, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.goto(url_of(site_url, name))
        page.wait_for_load_state("networkidle")
        page.emulate_media(media="print")
        return page

    yield open_page
    for context in contexts:
        context.close()


def chromium_pdf_pages(page) -> list[str]:
    """The text of each sheet of Chromium's own print of the page, whitespace squashed, abbreviations not spelled out."""
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    return [without_meanings(squashed(sheet.extract_text())) for sheet in reader.pages]


@pytest.mark.parametrize("name", ["problems", "workbook"])
def test_print_media_hides_the_site_chrome(print_page, name):
    page = print_page(name)
    for selector in CHROME_SELECTORS:
        assert not page.locator(selector).first.is_visible(), selector
    text = page.evaluate("document.body.innerText")
    for chrome in CHROME:
        assert chrome not in text, chrome
    assert page.locator("article h1").first.is_visible()


@pytest.mark.parametrize("name", ["problems", "workbook"])
def test_chromium_prints_no_chrome_and_never_cuts_an_activity(print_page, name):
    page = print_page(name)
    sheets = chromium_pdf_pages(page)
    for number, text in enumerate(sheets, start=1):
        for chrome in CHROME:
            assert chrome not in text, (number, chrome)
        assert f"Page {number} of {len(sheets)}" in text, "running footer: page N of M"
        assert COPYRIGHT in text and SITE_NAME in text and "Site built " in text
        if name == "workbook":
            assert not any(label in text for label in NAV_LABELS), number
    on_page = [a for a in ACTIVITIES if page.locator(f"section.activity#{a['id']}").count()]
    assert on_page, "the page has activities to check"
    for activity in on_page:
        # The activity's title, its instructions and every prompt share one sheet.
        last_prompt = squashed(activity["prompts"][-1]["text"])
        holding = [n for n, text in enumerate(sheets) if last_prompt in text]
        assert len(holding) == 1, f"{activity['id']}: last prompt on sheets {holding}"
        sheet = sheets[holding[0]]
        assert squashed(activity["title"]) in sheet and squashed(activity["instructions"][0]) in sheet, activity["id"]
        assert all(squashed(prompt["text"]) in sheet for prompt in activity["prompts"]), activity["id"]


@pytest.mark.parametrize("name", WEBSITE_PAGES)
def test_the_statement_and_the_notice_print_without_the_sites_chrome(print_page, name):
    page = print_page(name)
    assert not page.locator(".unit-footer-links").is_visible(), "the footer's links are for the screen"
    own_words = squashed(page.locator("article").inner_text())
    chrome = [words for words in CHROME if words not in own_words]  # the notice says "Search" itself
    sheets = chromium_pdf_pages(page)
    for number, text in enumerate(sheets, start=1):
        for words in chrome:
            assert words not in text, (number, words)
        assert f"Page {number} of {len(sheets)}" in text, "running footer: page N of M"
    assert "Preparation of this accessibility statement" in sheets[-1] or name != "accessibility", "the whole statement prints"


def test_activity_boxes_fit_on_a_sheet_with_their_ruled_lines(print_page):
    millimetre = 96 / 25.4  # CSS pixels
    # Laid out as wide as an A4 sheet's text (210 mm less 16 mm margins each side)...
    page = print_page("workbook", width=round((210 - 32) * millimetre))
    # ...each box is shorter than the sheet's text (297 mm less 14 mm and 22 mm margins).
    sheet_height = (297 - 36) * millimetre
    for activity in ACTIVITIES:
        box = page.locator(f"section.activity#{activity['id']}").bounding_box()
        assert 0 < box["height"] < sheet_height, activity["id"]
        lines = page.locator(f"section.activity#{activity['id']} .activity__space .activity__line")
        assert lines.count() == sum(p["lines"] for p in activity["prompts"])
        assert lines.first.is_visible()
        # Spare ruled lines fill what the sheet has left below the last prompt.
        assert page.locator(f"section.activity#{activity['id']} .activity__more-space .activity__line").first.is_visible()


def test_dark_scheme_still_prints_black_on_white(print_page):
    page = print_page("together", color_scheme="dark")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    colours = page.evaluate(
        """() => {
            const style = (selector) => getComputedStyle(document.querySelector(selector));
            return {
                background: style("body").backgroundColor,
                text: style("article p").color,
                link: style("article a[href^='../references']").color,
                activity: style("section.activity").backgroundColor,
            };
        }"""
    )
    assert colours == {"background": "rgb(255, 255, 255)", "text": "rgb(0, 0, 0)", "link": "rgb(0, 0, 0)", "activity": "rgb(255, 255, 255)"}


def test_collapsed_blocks_and_tabs_print_open(print_page):
    page = print_page("basics")
    page.evaluate(
        """() => {
            document.querySelector("article").insertAdjacentHTML("beforeend", `
              <details class="note" id="collapsed"><summary>More</summary><p id="hidden-text">Folded away</p></details>
              <div class="tabbed-set tabbed-alternate" data-tabs="1:2">
                <input checked="checked" id="t1" name="tabs" type="radio"><input id="t2" name="tabs" type="radio">
                <div class="tabbed-labels"><label for="t1">First</label><label for="t2">Second</label></div>
                <div class="tabbed-content"><div class="tabbed-block"><p>One</p></div>
                <div class="tabbed-block"><p id="second-tab">Two</p></div></div>
              </div>`);
        }"""
    )
    assert page.locator("#hidden-text").is_visible(), "closed <details> content shows in print"
    assert page.locator("#second-tab").is_visible(), "every tab shows in print"
    # course.js also opens them for the browser's own Print, and closes them after.
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("#collapsed").evaluate("d => d.open")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not page.locator("#collapsed").evaluate("d => d.open")


def test_external_links_show_their_address_on_paper(print_page):
    page = print_page("basics")
    page.evaluate(
        """() => document.querySelector("article p:not([class])").insertAdjacentHTML("beforeend",
            ' <a id="out" href="https://www.england.nhs.uk/">NHS England</a> <a id="in" href="../glossary/">glossary</a>')"""
    )
    assert page.locator("#in").evaluate("el => getComputedStyle(el, '::after').content") in ("none", "normal")
    sheets = chromium_pdf_pages(page)
    assert any("NHS England (https://www.england.nhs.uk/)" in sheet for sheet in sheets)
    assert not any("glossary (" in sheet for sheet in sheets)


def test_on_paper_the_self_check_is_its_worksheet_and_key_and_every_model_answer_is_there(print_page):
    """Printed from the browser, the self-check is the worksheet with its key, and each worked scenario
    prints its model answer (closed on screen) without the button that tries it."""
    check = fixture_data()["self_check.yml"]
    page = print_page("problems")
    assert page.locator(".problem-check__form").is_hidden() and page.locator(".problem-check__key").is_visible()
    text = " ".join(chromium_pdf_pages(page))
    for result in check["results"]:
        assert squashed(result["headline"]) in text, result["id"]
    for scenario in check["scenarios"]:
        for answer in scenario["model_answer"]["answers"]:
            assert squashed(answer["why"]) in text, scenario["id"]
        assert squashed(scenario["reframe"]) in text, scenario["id"]
    assert "Try it in the self-check" not in text and "Suggest a type" not in text
