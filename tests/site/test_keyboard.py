"""The engine's pages by keyboard and through the accessibility tree, on the fixture course: what axe cannot see.

- Every page, and the page for an address with no page, gone through with Tab and
  with Shift+Tab at each of KEYBOARD_WIDTHS: every stop shown, outlined so it
  stands out in both colour schemes, and covered by nothing, not the sticky
  header, not "Back to top" (tests/tab_stops.py describes each stop in the page),
  the first "Skip to content", into the content (tests/keyboard.py).
- Chromium's accessibility tree, what a screen reader is given (DevTools'
  Accessibility.getFullAXTree): the names, roles and states of the controls
  Material makes of labels, headings' permalinks, the search's count of results;
  a closed menu and a hidden "Back to top" left out of it.
- Every page reflowing with the browser's text at TEXT_SIZE.

Unit 3's journeys (the tasks the accessibility statement names) and its own pages are
tests/content/test_unit_3_keyboard.py's. Every wait is for a state (wait_until,
wait_for_url), never for time.
"""

from __future__ import annotations

import pytest

from browser_pages import wait_until
from course.publish.conformance import KEYBOARD_WIDTHS, PHONE_WIDTH, TEXT_SIZE
from keyboard import (DRAWER, MENU_BUTTON, NO_SUCH_PAGE, WIDE, assert_all_seen, nodes, page_opener, press, seen, tab_to, the_node,
                      walk_every_stop)
import tab_stops
from test_publish_browser import pages_url  # noqa: F401 (a fixture: the site as GitHub Pages serves it)
from test_site import FACILITATOR_PAGES, PAGES, SECOND_UNIT, UNIT_HANDOUT_PAGES

# A page with sections to link to, and one of them (tests/fixtures/course/docs/problems.md).
SECTIONS_PAGE, SECTION, SECTION_TITLE = "problems", "your-projects", "Your projects"


@pytest.fixture
def open_page(browser, pages_url):  # noqa: F811 (the fixture imported above)
    with page_opener(browser, pages_url) as open_:
        yield open_


# --- Every page, every stop ------------------------------------------------------------


@pytest.mark.parametrize("width", KEYBOARD_WIDTHS)
@pytest.mark.parametrize("name", [*PAGES, NO_SUCH_PAGE])
def test_every_tab_stop_is_seen_forwards_and_backwards_and_the_first_skips_to_the_content(open_page, name, width):
    walk_every_stop(open_page(name, width))


@pytest.mark.parametrize("name", [SECTIONS_PAGE, UNIT_HANDOUT_PAGES[0]])
def test_every_tab_stop_is_seen_with_the_text_at_200_percent(open_page, name):
    page = open_page(name, text_size=TEXT_SIZE)
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "40px", "Material's 125%, of twice the default"
    assert_all_seen(page, tab_stops.walk(page, "Tab"), "Tab")
    assert_all_seen(page, tab_stops.walk(page, "Shift+Tab"), "Shift+Tab")


@pytest.mark.parametrize("name", [*PAGES, NO_SUCH_PAGE])
def test_every_page_reflows_with_the_text_at_200_percent(open_page, name):
    page = open_page(name, text_size=TEXT_SIZE)
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "no scrolling sideways"
    assert page.locator(MENU_BUTTON).is_visible(), "the wide layout gives way to the narrow one, menu button and all"


# --- Moving within a page ------------------------------------------------------------------


def test_a_part_of_the_page_chosen_from_the_menu_is_where_tab_goes_on(open_page):
    page = open_page(SECTIONS_PAGE, PHONE_WIDTH)
    tab_to(page, MENU_BUTTON)
    page.keyboard.press("Enter")
    tab_to(page, f"{DRAWER} label.md-nav__link[for='__toc']")  # the page's contents, a section of the menu
    press(page, "Enter", "document.activeElement.matches('.md-nav__title[for=\"__toc\"]')")
    tab_to(page, f"{DRAWER} a.md-nav__link[href='#{SECTION}']")
    page.keyboard.press("Enter")  # Material closes the menu; it slides away, then is hidden
    wait_until(page, f"getComputedStyle(document.querySelector('{DRAWER}')).visibility === 'hidden'")
    page.keyboard.press("Tab")
    assert seen(page)["element"] == 'a.headerlink "Link to this section"'
    assert page.evaluate("document.activeElement.parentElement.id") == SECTION, "on from the part chosen"


def test_a_links_target_is_where_the_table_of_contents_says_the_reader_is(open_page):
    """The room kept above what takes focus is not added above a link's target: Material's table of
    contents, and the address it keeps up to date, count on its targets landing where it puts them."""
    page = open_page(f"{SECTIONS_PAGE}#{SECTION}")
    wait_until(page, "document.querySelector('.md-sidebar--secondary .md-nav__link--active') !== null")
    assert page.locator(".md-sidebar--secondary .md-nav__link--active").inner_text() == SECTION_TITLE
    assert page.evaluate("location.hash") == f"#{SECTION}"


# --- The accessibility tree ------------------------------------------------------------------


@pytest.mark.parametrize(("name", "section"), [(FACILITATOR_PAGES[0], "For facilitators"), (SECOND_UNIT, "Unit 2: A second unit")])
def test_the_menu_its_sections_and_search_are_named_with_their_state(open_page, name, section):
    page = open_page(name, PHONE_WIDTH)
    assert the_node(page, "button", "Menu")["expanded"] is False
    assert the_node(page, "button", "Search")
    assert nodes(page, "navigation", "Navigation") == [], "the closed menu is out of the tree"
    page.locator(MENU_BUTTON).click()
    wait_until(page, f"document.activeElement.closest('{DRAWER}') !== null")
    assert the_node(page, "button", "Menu")["expanded"] is True
    assert the_node(page, "navigation", "Navigation")
    assert the_node(page, "button", section)["expanded"] is True, "the open section's title, the way back"
    assert the_node(page, "navigation", f"Pages in {section}")

    page = open_page(name, WIDE)
    assert nodes(page, "button", "Menu") == [], "the menu is a sidebar: no button"
    assert the_node(page, "button", f"Pages in {section}")["expanded"] is True
    assert the_node(page, "navigation", f"Pages in {section}")


def test_headings_permalinks_are_named(open_page):
    page = open_page(SECTIONS_PAGE)
    permalinks = page.locator("a.headerlink").count()
    assert permalinks > 3
    assert len(nodes(page, "link", "Link to this section")) == permalinks
    assert nodes(page, "link", "¶") == []


def test_back_to_top_is_in_the_tree_only_while_shown(open_page):
    page = open_page(SECTIONS_PAGE)
    assert nodes(page, "button", "Back to top") == [], "hidden until the reader scrolls up"
    page.evaluate("document.querySelector('.md-top').hidden = false")  # as Material shows it
    assert the_node(page, "button", "Back to top")
