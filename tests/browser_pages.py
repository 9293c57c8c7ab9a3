"""Waiting for a state of a page in Chromium, under the site's Content-Security-Policy.

The site's scripts are ordinary deferred scripts (overrides/main.html): they have run, and the
page's tools are set up, before DOMContentLoaded, so a navigation with Playwright's `goto`,
`reload`, `go_back` or `go_forward` (which wait for `load`) returns a page ready to use. What
comes later (another tab's change, the simulation settling) is waited for with `wait_until`.
"""

from __future__ import annotations

import time


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
