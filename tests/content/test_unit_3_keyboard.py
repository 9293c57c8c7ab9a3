"""Unit 3 by keyboard: the journeys the accessibility statement names, and every page walked with Tab.

The tasks of KEYBOARD_JOURNEYS (course/publish/conformance.py, which the statement prints) are Unit 3's
own: they name its activities and pages, so they are tested here, on Unit 3's build, at each of
KEYBOARD_WIDTHS, asserting at each step where the focus is and that it is seen (tests/keyboard.py). Every
page of Unit 3 is gone through with Tab and Shift+Tab at each width, as the engine's tests do for the
fixture course (tests/site/test_keyboard.py). When an author renames an activity or a page a journey
uses, the journey's failure names the selector: update it here and the task's words in conformance.py.
"""

from __future__ import annotations

import re

import pytest

from browser_pages import wait_until
from course.publish.conformance import KEYBOARD_JOURNEYS, KEYBOARD_WIDTHS
from keyboard import (DRAWER, MENU_BUTTON, NO_SUCH_PAGE, SEARCH_BUTTON, SEARCH_TOGGLE, go_by_menu, has_drawer, is_focused,
                      nodes, page_opener, press, seen, tab_to, the_node, walk_every_stop)
from unit_3_pages import unit_3_page_names


@pytest.fixture
def open_page(browser, unit_3_url):
    with page_opener(browser, unit_3_url) as open_:
        yield open_


@pytest.mark.parametrize("width", KEYBOARD_WIDTHS)
@pytest.mark.parametrize("name", [*unit_3_page_names(), NO_SUCH_PAGE])
def test_every_tab_stop_of_unit_3_is_seen_forwards_and_backwards(open_page, name, width):
    walk_every_stop(open_page(name, width))


# --- Journeys: the unit's tasks, by keyboard alone ----------------------------------------------


def answer_an_activity(open_page, width):
    page = open_page("index", width)
    tab_to(page, "article a[href$='leading-complex-systems/#self-activity-7']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/leading-complex-systems/#self-activity-7")
    box = "#self-activity-7--needs-of-our-place-answer"
    wait_until(page, f"!document.querySelector('{box}').closest('.activity__answer').hidden")  # the answer boxes are ready
    tab_to(page, box, limit=3)  # the link led to the activity: its first answer box is a press or two on
    page.keyboard.type("Our population is getting older.")
    assert page.locator(box).input_value() == "Our population is getting older."
    seen(page)


def self_check(open_page, width):
    page = open_page("systems-leadership", width)
    tab_to(page, "#problem-check-problem")
    page.keyboard.type("Joining up care")
    # Time to consult: Yes; do people agree what it is: No; could one organisation solve it as it knows how: No.
    for question, arrows in (("time-to-consult", 0), ("agreed", 1), ("known-way", 1)):
        page.keyboard.press("Tab")
        assert is_focused(page, f"input[name='problem-check-{question}']")
        page.keyboard.press("Space")  # picks the first answer, Yes
        for _ in range(arrows):
            page.keyboard.press("ArrowRight")  # moves to the next, and picks it
        seen(page)
    tab_to(page, "#problem-check-form button[type='submit']", limit=1)
    press(page, "Enter", "document.querySelector('.problem-check__headline') !== null")
    headline = "A wicked problem: a job for leadership"  # data/unit-3/self_check.yml
    assert any(headline in node["text"] for node in nodes(page, "status")), "the result is in a status, read out as it comes"
    seen(page)


def my_workbook(open_page, width):
    page = open_page("index", width)
    go_by_menu(page, width, "my-workbook/")
    page.wait_for_url("**/my-workbook/")
    box = "#self-activity-8--define-with-typology-answer"
    wait_until(page, f"!document.querySelector('{box}').closest('.activity__answer').hidden")
    tab_to(page, box)
    page.keyboard.type("Mostly wicked.")
    tab_to(page, "[data-my-workbook-action='download-markdown']", key="Shift+Tab")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".md")
    seen(page)
    tab_to(page, "[data-my-workbook-action='clear']")
    press(page, "Enter", "document.getElementById('my-workbook-confirm').open")
    assert is_focused(page, "[data-my-workbook-action='cancel-clear']"), "the dialog opens on 'No, keep them'"
    seen(page)
    tab_to(page, "[data-my-workbook-action='confirm-clear']", key="Shift+Tab", limit=1)
    press(page, "Enter", "!document.getElementById('my-workbook-confirm').open")
    assert page.locator("#my-workbook-status").inner_text() == "Deleted 1 answer."
    assert is_focused(page, "[data-my-workbook-action='clear']"), "focus returns to the button that opened the dialog"
    seen(page)


def search(open_page, width):
    page = open_page("pcn-ethos", width)
    if page.locator(SEARCH_BUTTON).is_visible():
        before = tab_to(page, SEARCH_BUTTON)
        assert the_node(page, "button", "Search")["focused"] is True
        page.keyboard.press("Enter")
    else:
        before = tab_to(page, ".md-header .md-option")  # the colour scheme, the stop before the search box
        page.keyboard.press("Tab")
    wait_until(page, f"{SEARCH_TOGGLE}.checked && document.activeElement.matches('.md-search__input')")
    seen(page)
    page.keyboard.type("wicked")  # Material searches as keys are released
    wait_until(page, "document.querySelector('.md-search-result__link') !== null")
    assert any(re.fullmatch(r"\d+ matching documents?", node["text"]) for node in nodes(page, "status")), "the count is a status"
    page.keyboard.press("ArrowDown")
    assert is_focused(page, ".md-search-result__link")
    seen(page)
    press(page, "Escape", f"!{SEARCH_TOGGLE}.checked")
    assert seen(page)["number"] == before["number"], "Escape brings the focus back to where it was before search"


def presenter_view(open_page, width):
    page = open_page("facilitators", width)
    # The guide's first version (the usual session) leads to the deck in that version.
    tab_to(page, "article a[href$='present/?minutes=90']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/present/?minutes=90")
    wait_until(page, "document.querySelector('#presenter.presenter--live') !== null")
    page.keyboard.press("Tab")
    assert is_focused(page, ".md-skip"), "the first Tab goes to the top of the page, not past the way back"
    tab_to(page, ".presenter-back a")
    tab_to(page, "#presenter-version")
    tab_to(page, "[data-deck='fullscreen']")
    seen(page)
    press(page, "ArrowRight", "document.activeElement.matches('.presenter__title')")
    assert page.evaluate("document.activeElement.id") == "welcome-2-heading", "the next slide's title"
    seen(page, outline=False)  # a title focused to be read out, not a control


def simulation(open_page, width):
    page = open_page("complex-systems", width, reduced_motion="reduce")  # it waits for Play
    tab_to(page, "[data-flocking-action='play']")
    wait_until(page, "document.getElementById('flocking-status').textContent === 'Press Play to start the simulation.'")
    press(page, "Enter", "document.activeElement.textContent === 'Pause'")
    seen(page)
    press(page, "Enter", "/^Paused after \\d+ steps?\\.$/.test(document.getElementById('flocking-status').textContent)")
    assert page.evaluate("document.activeElement.textContent") == "Play"
    seen(page)


def menu(open_page, width):
    page = open_page("handouts", width)
    if not has_drawer(width):
        tab_to(page, f"{DRAWER} label.md-nav__link[for]")
        assert the_node(page, "button", "Pages in Handouts")["expanded"] is True
        press(page, "Space", "document.activeElement.getAttribute('aria-expanded') === 'false'")
        seen(page)
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent.trim()") == "The whole unit to print", "a closed section's pages are no stops"
        page.keyboard.press("Shift+Tab")
        press(page, "Enter", "document.activeElement.getAttribute('aria-expanded') === 'true'")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent.trim()") == "Reflection: The PCN ethos in your PCN"  # the unit's first handout
        seen(page)
        return
    tab_to(page, MENU_BUTTON)
    assert the_node(page, "button", "Menu")["expanded"] is False
    # The page is in the Handouts section: the menu opens on it, focus on its title, the way back.
    press(page, "Enter", "document.activeElement.matches('.md-nav__title[for]')")
    assert seen(page)["element"].startswith('label.md-nav__title "Handouts"')
    assert the_node(page, "button", "Menu")["expanded"] is True
    press(page, "Enter", "document.activeElement.getAttribute('aria-expanded') === 'false'")  # back to the whole menu
    assert the_node(page, "button", "Pages in Handouts")["focused"] is True
    seen(page)
    press(page, "Space", "document.activeElement.matches('.md-nav__title[for]')")  # into the section again
    seen(page)
    press(page, "Escape", "document.activeElement.matches('.unit-menu-button')")
    assert the_node(page, "button", "Menu")["expanded"] is False
    seen(page)
    press(page, "Enter", f"document.activeElement.closest('{DRAWER}') !== null")
    press(page, "Shift+Tab", "document.getElementById('__drawer').checked === false")  # out of the menu: it closes
    seen(page)


JOURNEYS = {
    "answer-an-activity": answer_an_activity,
    "self-check": self_check,
    "my-workbook": my_workbook,
    "search": search,
    "presenter-view": presenter_view,
    "simulation": simulation,
    "menu": menu,
}


def test_every_journey_the_statement_names_is_made():
    assert set(JOURNEYS) == {journey.name for journey in KEYBOARD_JOURNEYS}


@pytest.mark.parametrize("width", KEYBOARD_WIDTHS)
@pytest.mark.parametrize("journey", [journey.name for journey in KEYBOARD_JOURNEYS])
def test_keyboard_journey(open_page, journey, width):
    pages = []
    JOURNEYS[journey](lambda *args, **kwargs: pages.append(open_page(*args, **kwargs)) or pages[-1], width)
    assert [error for page in pages for error in page.errors] == []
