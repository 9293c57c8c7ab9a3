"""The built site in a real Chromium: pages load cleanly, search works, axe finds nothing."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from course.publish.conformance import COLOUR_SCHEMES, PHONE_WIDTH, WCAG_TAGS
from test_site import PAGES


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


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_without_console_errors(page_in, site_url, name):
    page = page_in()
    response = page.goto(url_of(site_url, name))
    assert response.ok
    page.wait_for_load_state("networkidle")
    assert page.errors == []
    assert page.locator("h1").count() == 1


def test_search_finds_the_typology_page_and_opens_it(page_in, site_url):
    page = page_in()
    page.goto(url_of(site_url, "index"))
    search = page.get_by_role("textbox", name="Search")
    search.click()
    search.press_sequentially("wicked")  # Material searches on key events, not on fill()
    result = page.locator(".md-search-result__link[href*='systems-leadership']").first
    result.wait_for()
    result.click()
    page.wait_for_url("**/systems-leadership/**")
    assert page.locator("h1").inner_text().removesuffix("¶") == "Systems leadership and problem solving"


# What a page says where its scripts did not run.
NEEDS_JAVASCRIPT = re.compile(r"needs JavaScript|cannot be kept here", re.IGNORECASE)


@pytest.mark.parametrize("name", PAGES)
def test_with_javascript_on_every_part_of_every_page_works(page_in, site_url, name):
    """No page, the whole unit included, says it needs JavaScript while JavaScript runs."""
    page = page_in()
    page.goto(url_of(site_url, name))
    page.wait_for_load_state("networkidle")
    article = page.locator("article")
    assert not NEEDS_JAVASCRIPT.search(article.inner_text())  # inner_text leaves out what is hidden
    boxes = article.locator("textarea.activity__answer-box")
    for index in range(boxes.count()):
        box = boxes.nth(index)
        if box.evaluate("box => !!box.closest('.print-only')"):
            continue  # a handout printed with the facilitator's guide: paper, not a box to type in
        assert box.is_visible() and box.is_editable()
    # The self-check is a form where its page runs its scripts; the whole unit, made for paper, shows its worksheet.
    for check in article.locator(".problem-check").all():
        live = check.locator(".problem-check__form")
        worksheet = check.locator(".problem-check__paper")
        assert (live.is_visible(), worksheet.is_visible()) == ((False, True) if name == "print" else (True, False))
    for simulation in article.locator(".flocking").all():
        assert simulation.locator("canvas").is_visible() == (name != "print")


# What these three check, the accessibility statement says (course/publish/conformance.py holds both to it).
@pytest.mark.parametrize("scheme", COLOUR_SCHEMES)
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_wcag_22_aa_violations(page_in, site_url, name, scheme):
    page = page_in(color_scheme=scheme)
    page.goto(url_of(site_url, name))
    expected_scheme = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected_scheme
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": list(WCAG_TAGS)}})
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("name", PAGES)
def test_phone_width_never_scrolls_sideways(page_in, site_url, name):
    page = page_in(width=PHONE_WIDTH)
    page.goto(url_of(site_url, name))
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH


def test_phone_tables_stack_into_labelled_cards(page_in, site_url):
    page = page_in(width=360)
    page.goto(url_of(site_url, "theory-and-practice"))
    cell = page.locator("#organisational-forms td").first
    assert cell.evaluate("td => getComputedStyle(td, '::before').content") == '"Market"'
    box = page.locator("#organisational-forms table").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
