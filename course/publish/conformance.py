"""What the site is tested against, and what is known not to work: said once.

The tests use these (tests/content/test_unit_3_in_use.py runs axe-core with
WCAG_TAGS on every page of the unit in each of COLOUR_SCHEMES and opens every
page PHONE_WIDTH pixels wide; tests/site/test_keyboard.py opens every page of
the fixture course with the text at TEXT_SIZE and tries it by keyboard at each of
KEYBOARD_WIDTHS; tests/content/test_unit_3_keyboard.py tries every page of the
unit by keyboard at each width and makes each of KEYBOARD_JOURNEYS); the
accessibility statement says them (course/render/statement.py).
Change what a test checks here, and the statement follows.

The tools' versions are pinned where they are installed, and tests hold these
to them: axe-core is the one the pinned axe-playwright-python bundles
(requirements-test.txt), Lighthouse is bench/package.json's.

KNOWN_ISSUES is the one list of what does not work for everyone; the
statement lists each under "How accessible this website is", and those that
fail a WCAG success criterion again under "Non-compliance".
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

WCAG_VERSION = "2.2"
WCAG_LEVEL = "AA"
WCAG_ADDRESS = "https://www.w3.org/TR/WCAG22/"
# axe-core's rule tags: every rule of WCAG 2.0, 2.1 and 2.2 at levels A and AA.
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa")
# Material's colour schemes, as the browser is asked for them (prefers-color-scheme).
COLOUR_SCHEMES = ("light", "dark")
# The narrowest screen every page is opened on, in CSS pixels: WCAG's width for reflow
# (1.4.10); it must not scroll sideways.
PHONE_WIDTH = 320
# The browser's text size every page is also opened with, as a percentage of its
# default (WCAG 1.4.4); it must not scroll sideways either.
TEXT_SIZE = 200
# The widths every page is tried at by keyboard: a laptop's, where the menu is a
# sidebar, and the phone's, where it is a drawer behind the menu button.
KEYBOARD_WIDTHS = (1280, PHONE_WIDTH)

AXE_CORE_VERSION = "4.12.1"  # bundled by axe-playwright-python 0.1.8
LIGHTHOUSE_VERSION = "12.2.3"  # bench/package.json, for bench/lighthouse.py


@dataclass(frozen=True)
class KeyboardJourney:
    """A task done with the keyboard alone, at each of KEYBOARD_WIDTHS (tests/content/test_unit_3_keyboard.py)."""

    name: str  # the test's name for it
    task: str  # what is done: completes "With the keyboard alone, a test does each of these tasks:"


KEYBOARD_JOURNEYS = (
    KeyboardJourney("answer-an-activity", "goes from the Overview to Self-Activity 7 and answers it"),
    KeyboardJourney("self-check", "does the self-check 'Which kind of problem is it?' and has its result read out"),
    KeyboardJourney("my-workbook", "opens My workbook from the menu, downloads the answers, deletes them and confirms"),
    KeyboardJourney("search", "searches, picks a result with the arrow keys and leaves search with Escape"),
    KeyboardJourney("presenter-view", "opens the presenter view from the facilitator's guide, starts the timer and moves to the next activity"),
    KeyboardJourney("simulation", "plays and pauses the flocking simulation"),
    KeyboardJourney("menu", "opens the menu, closes and opens one of its sections, and closes the menu"),
)


@dataclass(frozen=True)
class KnownIssue:
    problem: str  # what does not work, and for whom: completes "We know some parts of this website are not fully accessible:"
    instead: str  # what a reader can do instead
    noted: datetime.date  # when it was found and listed here
    wcag: str | None = None  # the WCAG success criterion it fails ("1.4.10 Reflow"), when it fails one


KNOWN_ISSUES = (
    KnownIssue(
        problem=(
            "pages printed from Firefox or Safari have no running footer (the unit, "
            "'Page N of M', the date and the copyright line): those browsers do not "
            "print the page margins the footer is drawn in"
        ),
        instead="print from Chrome, Chromium or Microsoft Edge, or use the PDFs listed on the Handouts page, which carry the footer",
        noted=datetime.date(2026, 11, 28),
    ),
    KnownIssue(
        problem=(
            "the answer boxes, My workbook's buttons, the self-check 'Which kind of problem is it?' "
            "and the flocking simulation need JavaScript, and answers are kept only if the browser "
            "lets the website store data"
        ),
        instead=(
            "write your answers on paper (the printable workbook has room for them), compare your problem "
            "with the table of problem types, and look at the picture of one run of the simulation on its page"
        ),
        noted=datetime.date(2026, 11, 28),
    ),
    KnownIssue(
        problem=(
            "without JavaScript, on a screen less than 1,220 pixels wide (or with the text made larger), the menu "
            "cannot be opened from the keyboard, and the buttons that open the sections of the menu have no name: "
            "the theme opens them with controls that only a script can make work from the keyboard"
        ),
        instead=(
            "use the Previous and Next links at the foot of every page, which lead through every page in the menu's "
            "order, or the list of the unit's pages on the Overview"
        ),
        noted=datetime.date(2026, 12, 5),
    ),
)
