"""Chromium's pages as a reader meets them: a navigation returns once the page's scripts have run.

The site starts its scripts after the page's first paint (overrides/partials/course-scripts.html),
which can come after the `load` event Playwright's goto waits for. Every context the `browser`
fixture opens with JavaScript on records when the scripts have run (the DOMContentLoaded the
page sends again for them; the browser's own is trusted, that one is not), and its pages' goto,
reload, go_back and go_forward then wait for it on a page that has scripts to start. A test
that looks at a page before its scripts run opens it from `browser.launched`, the browser as
Playwright launched it.
"""

from __future__ import annotations

import functools
import time

SCRIPTS_RAN = """
document.addEventListener("DOMContentLoaded", function (event) {
  if (!event.isTrusted) window.__courseScriptsRan = true;
});
"""
NAVIGATIONS = ("goto", "reload", "go_back", "go_forward")
HAS_SCRIPTS_TO_START = "document.getElementById('course-scripts') !== null"
TIMEOUT_S = 15


def wait_until(page, expression: str, timeout: float = 30_000) -> None:
    """Poll a JavaScript expression from the test until it is true.

    Not page.wait_for_function: that evaluates its predicate with eval inside
    the page, which the site's Content-Security-Policy rightly forbids.
    """
    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"{page.url}: timed out waiting for: {expression}")
        page.wait_for_timeout(20)


def wait_for_scripts(page) -> None:
    """Return once the page's scripts have run (at once on a page that has none to start)."""
    if page.evaluate(HAS_SCRIPTS_TO_START):
        wait_until(page, "window.__courseScriptsRan === true", TIMEOUT_S * 1000)


def _waiting(navigate, page):
    @functools.wraps(navigate)
    def navigate_then_wait(*args, **kwargs):
        response = navigate(*args, **kwargs)
        wait_for_scripts(page)
        return response

    return navigate_then_wait


def _ready(page):
    for name in NAVIGATIONS:
        setattr(page, name, _waiting(getattr(page, name), page))
    return page


class _WrappedBrowser:
    """A launched browser whose contexts a subclass prepares (`new_context`); the rest is the browser's."""

    def __init__(self, browser):
        self._browser = browser

    def __getattr__(self, name):
        return getattr(self._browser, name)

    def new_page(self, **options):
        """A page in a context of its own, closed with it (as Playwright's browser.new_page)."""
        context = self.new_context(**options)
        page = context.new_page()
        page.on("close", lambda _: context.close())
        return page


class ReadyBrowser(_WrappedBrowser):
    """The launched browser, whose contexts' pages navigate as a reader would: to a page whose scripts have run."""

    def __init__(self, browser):
        super().__init__(browser)
        self.launched = browser

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        if options.get("java_script_enabled", True):
            context.add_init_script(SCRIPTS_RAN)
            new_page = context.new_page
            context.new_page = lambda *args, **kwargs: _ready(new_page(*args, **kwargs))
        return context


class SlowedBrowser(_WrappedBrowser):
    """The browser with every page's CPU slowed `rate` times (Chrome DevTools Protocol's
    Emulation.setCPUThrottlingRate, set as each page opens), to try the browser tests as a loaded
    machine runs them: `CHROMIUM_CPU_SLOWDOWN=4 make test-site` (guides/tests.md)."""

    def __init__(self, browser, rate: float):
        super().__init__(browser)
        self._rate = rate

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        context.on("page", lambda page: context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": self._rate}))
        return context
