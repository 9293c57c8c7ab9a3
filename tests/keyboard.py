"""Using a site by keyboard and reading its accessibility tree, in Chromium: what the keyboard tests share.

The engine's tests (tests/site/test_keyboard.py, on the fixture course) and Unit 3's
(tests/content/test_unit_3_keyboard.py, the journeys the accessibility statement names) open pages with
`page_opener`, move with `tab_to` and `press`, and assert with `seen` (the focused element shown,
uncovered and outlined: tests/tab_stops.py) and the accessibility tree (`the_node`, `nodes`). Every wait
is for a state (wait_until), never for time.
"""

from __future__ import annotations

from contextlib import contextmanager

import tab_stops
from browser_pages import wait_until
from built_pages import address
from course.publish.conformance import KEYBOARD_WIDTHS

WIDE = KEYBOARD_WIDTHS[0]
NO_SUCH_PAGE = "an-address-with-no-page"
DRAWER_BELOW = 1220  # Material's 76.25em: below it the menu is a drawer behind the menu button
MENU_BUTTON = ".md-header .unit-menu-button"
SEARCH_BUTTON = ".md-header button.unit-search-button"  # where the search box is not shown
DRAWER = ".md-sidebar--primary"
SEARCH_TOGGLE = "document.getElementById('__search')"


def has_drawer(width: int) -> bool:
    return width < DRAWER_BELOW


@contextmanager
def page_opener(browser, base_url: str):
    """Opens a page of the site served at `base_url` at a width (the phone's screen is shorter), each in a
    fresh context, console errors kept; the contexts are closed at the end."""
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
        page.goto((address(base_url, name) if name != NO_SUCH_PAGE else f"{base_url}{name}/") + (f"#{fragment}" if fragment else ""))
        return page

    try:
        yield open_
    finally:
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
        tab_stops.press(page, key)
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


def go_by_menu(page, width: int, href: str) -> None:
    """Follow the menu's link to a page: from the sidebar, or from the drawer opened with its button."""
    if has_drawer(width):
        tab_to(page, MENU_BUTTON)
        press(page, "Enter", f"document.activeElement.closest('{DRAWER}') !== null")
        seen(page)
    tab_to(page, f"{DRAWER} a.md-nav__link[href$='{href}']")
    page.keyboard.press("Enter")




def walk_every_stop(page) -> None:
    """Tab round the page, then Shift+Tab: every stop seen both ways, the same stops (focus never dropped);
    round again to the first stop, "Skip to content", which leads into the page's content."""
    forwards = tab_stops.walk(page, "Tab")
    backwards = tab_stops.walk(page, "Shift+Tab")
    assert_all_seen(page, forwards, "Tab")
    assert_all_seen(page, backwards, "Shift+Tab")
    assert [stop["number"] for stop in backwards] == [stop["number"] for stop in reversed(forwards)]
    tab_stops.stop(page)
    for _ in range(2):
        if not is_focused(page, "a.md-skip"):
            page.keyboard.press("Tab")
    assert is_focused(page, "a.md-skip") and seen(page)["number"] == forwards[0]["number"]
    assert the_node(page, "link", "Skip to content")
    # Followed, the link changes the address's #part; Material's tracking may set the address again
    # at once (the target is at the top), so the event is what is waited for, not the address.
    page.evaluate("addEventListener('hashchange', () => { window.__skipped = true; }, { once: true })")
    page.keyboard.press("Enter")
    wait_until(page, "window.__skipped === true")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.md-content') !== null"), "the next stop is in the page's content"
    seen(page)
