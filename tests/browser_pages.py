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
