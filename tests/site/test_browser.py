"""The built site in a real Chromium: search finds and opens a page, and tables fit a phone.

(Loading every page, axe on every page and the phone width of every page are checks of
Unit 3's own pages: tests/content/.)"""

from __future__ import annotations

import pytest

from engine import fixture_data


def url_of(site_url: str, page: str) -> str:
    return f"{site_url}/" if page == "index" else f"{site_url}/{page}/"


@pytest.fixture
def page_in(browser):
    """A fresh page with the given colour scheme and width; console errors collected."""
    contexts = []

    def open_page(color_scheme="light", width=1280):
        context = browser.new_context(color_scheme=color_scheme, viewport={"width": width, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        return page

    yield open_page
    for context in contexts:
        context.close()


def test_search_finds_the_typology_page_and_opens_it(page_in, site_url):
    page = page_in()
    page.goto(url_of(site_url, "index"))
    search = page.get_by_role("textbox", name="Search")
    search.click()
    search.press_sequentially("wicked")  # Material searches on key events, not on fill()
    result = page.locator(".md-search-result__link[href*='problems']").first
    result.wait_for()
    result.click()
    page.wait_for_url("**/problems/**")
    assert page.locator("h1").inner_text().removesuffix("¶") == "Kinds of problem"
    assert page.errors == []


def test_phone_tables_stack_into_labelled_cards(page_in, site_url):
    page = page_in(width=360)
    page.goto(url_of(site_url, "forms"))
    cell = page.locator("#organisational-forms td").first
    first_form = fixture_data()["organisational_forms.yml"]["forms"][0]["name"]
    assert cell.evaluate("td => getComputedStyle(td, '::before').content") == f'"{first_form}"'
    box = page.locator("#organisational-forms table").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360


def test_on_a_phone_the_self_checks_key_stacks_each_row_with_its_questions_named(page_in, site_url):
    """The key, shown on the whole unit's page (and without JavaScript), reads on a phone: each row a block,
    each answer labelled with its question, nothing wider than the screen."""
    page = page_in(width=360)
    page.goto(url_of(site_url, "print"))
    key = page.locator(".problem-check__key")
    first = key.locator("tbody td").first
    assert first.evaluate("td => getComputedStyle(td, '::before').content") == '"Question 1: "'
    assert key.locator("thead").bounding_box()["height"] <= 1  # its column headings are for screen readers
    box = key.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
