"""How long a page takes to read and do: worked out from the page, never typed by hand.

The time is the page's words, as MkDocs rendered them, read at the programme's
reading speed (`words_per_minute` in data/programme.yml), plus the minutes each
activity on the page takes one person on their own (`minutes` in activities.yml).
The outcomes box (templates/outcomes.html) leaves a slot for it; the plugin fills
the slot once every page's HTML is ready (on_env), so the time follows every edit
of the page and the data, and a unit's overview adds up its pages' times.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup
from markupsafe import Markup

from ..content.outline import Outline
from .environment import render

# What a reader does not read on screen: code, figures drawn as SVG, answer boxes, the outcomes box
# itself (its time would count itself), what only paper shows, and the headings' permalink signs.
UNREAD = "script, style, svg, template, textarea, .outcomes, .print-only, .headerlink"

PAGE_SLOT = re.compile(r'<p class="outcomes__time" data-page-time="([^"]*)"></p>')
UNIT_SLOT = re.compile(r'<p class="outcomes__time" data-unit-time="([^"]*)"></p>')


@dataclass(frozen=True)
class PageTime:
    words: int
    words_per_minute: int
    activity_minutes: tuple[int, ...]  # each activity on the page, for one person on their own

    @property
    def reading_minutes(self) -> int:
        return max(1, math.ceil(self.words / self.words_per_minute))

    @property
    def minutes(self) -> int:
        return self.reading_minutes + sum(self.activity_minutes)


def words_read(html: str) -> int:
    """The words of a page's HTML a reader reads on screen."""
    soup = BeautifulSoup(html, "html.parser")
    for unread in soup.select(UNREAD):
        unread.decompose()
    return len(soup.get_text(" ").split())


def duration(minutes: int) -> str:
    """"1 minute", "25 minutes", "1 hour 5 minutes", as the site writes a time."""
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    if rest or not hours:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)


def fill_page_time(html: str, time: PageTime) -> str:
    """The page's HTML with its time's slot filled in."""
    filled = render("page_time.html", glossary={}, time=time, duration=duration)
    return PAGE_SLOT.sub(lambda _: Markup(filled).strip(), html)


def fill_unit_time(html: str, unit_id: str, times: list[PageTime]) -> str:
    """A unit overview's slot filled with the sum of its pages' times."""
    filled = render("page_time.html", glossary={}, unit_times=times, duration=duration)
    return UNIT_SLOT.sub(lambda match: Markup(filled).strip() if match[1] == unit_id else match[0], html)


def with_times(contents: dict[str, str], outline: Outline) -> dict[str, str]:
    """The pages' HTML (keyed by their docs-relative path, as MkDocs rendered it) with every slot for
    a time filled: each page's own, then each unit overview's, from its pages' times. Pages with no
    slot are left as they are."""
    shown_on: dict[str, list[int]] = {}
    for activity_id, places in outline.showings().items():
        for page, _ in places:
            shown_on.setdefault(page.path, []).append(outline.programme.activity(activity_id).minutes)
    words_per_minute = outline.programme.words_per_minute
    filled, times = dict(contents), {}
    for path, html in contents.items():
        if PAGE_SLOT.search(html):
            times[path] = PageTime(words_read(html), words_per_minute, tuple(shown_on.get(path, ())))
            filled[path] = fill_page_time(html, times[path])
    for path, html in filled.items():
        for unit_id in UNIT_SLOT.findall(html):
            unit = outline.programme.unit(unit_id)
            html = fill_unit_time(html, unit_id, [times[page.path] for page in outline.pages_of(unit) if page.path in times])
        filled[path] = html
    return filled
