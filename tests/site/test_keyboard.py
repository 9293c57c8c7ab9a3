"""The site by keyboard and through the accessibility tree, as people use it: what axe cannot see.

- Every page, and the page for an address with no page, gone through with Tab and
  with Shift+Tab at each of KEYBOARD_WIDTHS: every stop shown, outlined so it
  stands out in both colour schemes, and covered by nothing, not the sticky
  header, not "Back to top" (tests/tab_stops.py describes each stop in the page).
- The tasks of KEYBOARD_JOURNEYS, done with the keyboard alone at each width,
  asserting at each step where the focus is and that it is seen.
- Chromium's accessibility tree, what a screen reader is given (DevTools'
  Accessibility.getFullAXTree): the names, roles and states of the controls
  Material makes of labels, headings' permalinks, the search's count of results;
  a closed menu and a hidden "Back to top" left out of it.
- A skip link on every page, to the content; every page reflowing with the
  browser's text at TEXT_SIZE (PHONE_WIDTH is test_browser.py's).

Every wait is for a state (wait_until, wait_for_url), never for time. The accessibility
statement says what these check (course/publish/conformance.py holds both to it).
"""

from __future__ import annotations

import re

import pytest

import tab_stops
from browser_pages import wait_until
from course.publish.conformance import KEYBOARD_JOURNEYS, KEYBOARD_WIDTHS, PHONE_WIDTH, TEXT_SIZE
from test_publish_browser import address, pages_url  # noqa: F401 (pages_url is a fixture: the site as GitHub Pages serves it)
from test_site import PAGES

WIDE = KEYBOARD_WIDTHS[0]
NO_SUCH_PAGE = "an-address-with-no-page"
DRAWER_BELOW = 1220  # Material's 76.25em: below it the menu is a drawer behind the menu button
MENU_BUTTON = ".md-header .unit-menu-button"
SEARCH_BUTTON = ".md-header label.md-header__button[for='__search']"  # where the search box is not shown
DRAWER = ".md-sidebar--primary"
SEARCH_TOGGLE = "document.getElementById('__search')"


def has_drawer(width: int) -> bool:
    return width < DRAWER_BELOW


@pytest.fixture
def open_page(browser, pages_url):  # noqa: F811 (the fixture imported above)
    """A page of the site at a width (the phone's screen is shorter), in a fresh context; console errors kept."""
    contexts = []

    def open_(name: str, width: int = WIDE, *, text_size: int = 100, **options):  # name: a page, and a #part of it if need be
        context = browser.new_context(viewport={"width": width, "height": 800 if width >= DRAWER_BELOW else 640}, accept_downloads=True, **options)
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        if text_size != 100:  # the browser's own setting, as a reader would change it
            session = context.new_cdp_session(page)
            session.send("Page.enable")
            session.send("Page.setFontSizes", {"fontSizes": {"standard": 16 * text_size // 100, "fixed": 13 * text_size // 100}})
        name, _, fragment = name.partition("#")
        page.goto((address(pages_url, name) if name != NO_SUCH_PAGE else f"{pages_url}{name}/") + (f"#{fragment}" if fragment else ""))
        return page

    yield open_
    for context in contexts:
        context.close()


# --- Where the focus is -------------------------------------------------------------


def seen(page, *, outline: bool = True) -> dict:
    """The focused element, asserted shown, uncovered and (unless `outline=False`) outlined."""
    stop = tab_stops.focused(page)
    assert stop is not None, f"{page.url}: nothing has the focus"
    assert tab_stops.problems(stop, outline) == [], f"{page.url}: {tab_stops.report([stop])}"
    return stop


def assert_all_seen(page, stops: list[dict], way: str) -> None:
    problems = tab_stops.report(stops)
    assert not problems, f"{page.url}, {way}: {len(problems)} of {len(stops)} stops not seen:\n" + "\n".join(problems)


def is_focused(page, selector: str) -> bool:
    return page.evaluate("(selector) => document.activeElement !== null && document.activeElement.matches(selector)", selector)


def tab_to(page, selector: str, key: str = "Tab", limit: int = 80) -> dict:
    """Press `key` until the element matching `selector` has the focus; every stop on the way, and it, seen."""
    tab_stops.start(page)
    for _ in range(limit):
        page.keyboard.press(key)
        if is_focused(page, selector):
            tab_stops.stop(page)
            assert_all_seen(page, tab_stops.recorded(page), f"on the way to {selector}")
            return seen(page)
    raise AssertionError(f"{page.url}: {limit} presses of {key} never reached {selector}")


def press(page, key: str, then: str) -> None:
    """Press a key, and wait for the state it leads to (a JavaScript expression)."""
    page.keyboard.press(key)
    wait_until(page, then)


# --- The accessibility tree ---------------------------------------------------------------


def accessibility_tree(page) -> list[dict]:
    """Chromium's accessibility tree, the nodes it gives assistive technology: role, name, states, and text."""
    session = page.context.new_cdp_session(page)
    try:
        raw = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    by_id = {node["nodeId"]: node for node in raw}

    def text(node) -> str:
        own = node.get("name", {}).get("value", "") if node.get("role", {}).get("value") == "StaticText" else ""
        return " ".join([own, *(text(by_id[child]) for child in node.get("childIds", []) if child in by_id)]).strip()

    return [
        {
            "role": node.get("role", {}).get("value"),
            "name": " ".join(node.get("name", {}).get("value", "").split()),  # as a screen reader says it, spaces aside
            "text": " ".join(text(node).split()),
            **{item["name"]: item["value"].get("value") for item in node.get("properties", [])},
        }
        for node in raw
        if not node.get("ignored")
    ]


def nodes(page, role: str, name: str | None = None) -> list[dict]:
    return [node for node in accessibility_tree(page) if node["role"] == role and (name is None or node["name"] == name)]


def the_node(page, role: str, name: str) -> dict:
    found = nodes(page, role, name)
    assert len(found) == 1, f"{page.url}: {len(found)} {role} nodes named {name!r} in the accessibility tree"
    return found[0]


# --- Every page, every stop ------------------------------------------------------------


@pytest.mark.parametrize("width", KEYBOARD_WIDTHS)
@pytest.mark.parametrize("name", [*PAGES, NO_SUCH_PAGE])
def test_every_tab_stop_is_seen_forwards_and_backwards_and_the_first_skips_to_the_content(open_page, name, width):
    page = open_page(name, width)
    forwards = tab_stops.walk(page, "Tab")
    backwards = tab_stops.walk(page, "Shift+Tab")
    assert_all_seen(page, forwards, "Tab")
    assert_all_seen(page, backwards, "Shift+Tab")
    # The same stops both ways: focus never dropped out of the page on the way round.
    assert [stop["number"] for stop in backwards] == [stop["number"] for stop in reversed(forwards)]
    # Round again (from the last stop, out of the page and in) to the first: "Skip to content",
    # which leads into the page's content.
    tab_stops.stop(page)
    for _ in range(2):
        if not is_focused(page, "a.md-skip"):
            page.keyboard.press("Tab")
    assert is_focused(page, "a.md-skip") and seen(page)["number"] == forwards[0]["number"]
    assert the_node(page, "link", "Skip to content")
    page.keyboard.press("Enter")
    wait_until(page, "location.hash !== ''")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.md-content') !== null"), "the next stop is in the page's content"
    seen(page)


@pytest.mark.parametrize("name", ["systems-leadership", "handouts/self-activity-7"])
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


# --- Journeys: the site's tasks, by keyboard alone ----------------------------------------------


def go_by_menu(page, width: int, href: str) -> None:
    """Follow the menu's link to a page: from the sidebar, or from the drawer opened with its button."""
    if has_drawer(width):
        tab_to(page, MENU_BUTTON)
        press(page, "Enter", f"document.activeElement.closest('{DRAWER}') !== null")
        seen(page)
    tab_to(page, f"{DRAWER} a.md-nav__link[href$='{href}']")
    page.keyboard.press("Enter")


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
    for question, arrows in (("critical", 1), ("tame", 1), ("wicked", 0)):  # No, No, Yes
        page.keyboard.press("Tab")
        assert is_focused(page, f"input[name='problem-check-{question}']")
        page.keyboard.press("Space")  # picks the first answer, Yes
        for _ in range(arrows):
            page.keyboard.press("ArrowRight")  # moves to the next, and picks it
        seen(page)
    tab_to(page, "#problem-check-form button[type='submit']", limit=1)
    press(page, "Enter", "document.querySelector('.problem-check__headline') !== null")
    headline = "“Joining up care” looks like a wicked problem."
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
    tab_to(page, "article a[href$='present/#self-activity-7']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/present/#self-activity-7")
    wait_until(page, "document.querySelector('#presenter.presenter--live') !== null")
    page.keyboard.press("Tab")
    assert is_focused(page, ".md-skip"), "the first Tab goes to the top of the page, not past the way back"
    tab_to(page, ".presenter-back a")
    tab_to(page, "#self-activity-7 [data-timer='toggle']")
    press(page, "Enter", "document.activeElement.textContent.trim() === 'Pause'")
    seen(page)
    press(page, "ArrowRight", "document.activeElement.matches('.presenter__title')")
    assert page.evaluate("document.activeElement.id") == "leading-complex-pcn-projects-heading", "the next activity's title"
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
        assert page.evaluate("document.activeElement.textContent.trim()") == "Exercise: Flocking"
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


def test_a_part_of_the_page_chosen_from_the_menu_is_where_tab_goes_on(open_page):
    page = open_page("systems-leadership", PHONE_WIDTH)
    tab_to(page, MENU_BUTTON)
    page.keyboard.press("Enter")
    tab_to(page, f"{DRAWER} label.md-nav__link[for='__toc']")  # the page's contents, a section of the menu
    press(page, "Enter", "document.activeElement.matches('.md-nav__title[for=\"__toc\"]')")
    tab_to(page, f"{DRAWER} a.md-nav__link[href='#your-pcn-projects']")
    page.keyboard.press("Enter")  # Material closes the menu; it slides away, then is hidden
    wait_until(page, f"getComputedStyle(document.querySelector('{DRAWER}')).visibility === 'hidden'")
    page.keyboard.press("Tab")
    assert seen(page)["element"] == 'a.headerlink "Link to this section"'
    assert page.evaluate("document.activeElement.parentElement.id") == "your-pcn-projects", "on from the part chosen"


def test_a_links_target_is_where_the_table_of_contents_says_the_reader_is(open_page):
    """The room kept above what takes focus is not added above a link's target: Material's table of
    contents, and the address it keeps up to date, count on its targets landing where it puts them."""
    page = open_page("systems-leadership#your-pcn-projects")
    wait_until(page, "document.querySelector('.md-sidebar--secondary .md-nav__link--active') !== null")
    assert page.locator(".md-sidebar--secondary .md-nav__link--active").inner_text() == "Your PCN projects"
    assert page.evaluate("location.hash") == "#your-pcn-projects"


# --- The accessibility tree ------------------------------------------------------------------


@pytest.mark.parametrize(("name", "section"), [("handouts", "Handouts"), ("facilitators", "For facilitators")])
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
    page = open_page("systems-leadership")
    permalinks = page.locator("a.headerlink").count()
    assert permalinks > 3
    assert len(nodes(page, "link", "Link to this section")) == permalinks
    assert nodes(page, "link", "¶") == []


def test_back_to_top_is_in_the_tree_only_while_shown(open_page):
    page = open_page("systems-leadership")
    assert nodes(page, "button", "Back to top") == [], "hidden until the reader scrolls up"
    page.evaluate("document.querySelector('.md-top').hidden = false")  # as Material shows it
    assert the_node(page, "button", "Back to top")
