"""The facilitator's guide: a unit's session plan and every activity's notes.

The guide is Markdown (so its headings get anchors, a table of contents and
bookmarks in its PDF); its blocks (the running order, each activity's notes)
are HTML from templates. Everything in it is the site's own, so it is marked
"Added for this site" like every other passage the site adds. In print, each
activity's notes are followed by its handout, so the guide's PDF hands a
facilitator the notes and the sheet to copy for the room, side by side.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..content.schemas import Activity, Facilitation, SessionFile
from .environment import render, render_verbatim


@dataclass(frozen=True)
class Link:
    text: str
    href: str  # relative to the guide's page


@dataclass(frozen=True)
class PlanRow:
    start: int  # minutes from the start of the session
    minutes: int
    title: str  # "Exercise: Flocking", or the part's words
    notes_anchor: str | None  # the activity's notes on this page
    open: Link | None  # the page to open for this part
    notes: str | None


@dataclass(frozen=True)
class ActivityNotes:
    activity: Activity
    facilitation: Facilitation
    anchor: str  # "notes-flocking"
    links: list[Link]  # its page, its handout, its presenter view
    handout: Markup  # the handout's HTML, printed after the notes


@dataclass(frozen=True)
class Guide:
    session: SessionFile
    rows: list[PlanRow]
    notes: list[ActivityNotes]


def notes_anchor(activity_id: str) -> str:
    return f"notes-{activity_id}"


def clock(minutes: int) -> str:
    """Minutes from the start as a clock a facilitator reads: 0:05, 1:30."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def facilitator_guide_markdown(guide: Guide, glossary: dict[str, str]) -> str:
    """The guide, below its page's title: the session plan, then each activity's notes."""
    running_order = Markup(render("running_order.html", glossary=glossary, rows=guide.rows, clock=clock, total=guide.session.total_minutes))
    notes = [Markup(render("facilitation_notes.html", glossary=glossary, notes=entry)) for entry in guide.notes]
    return render_verbatim("facilitator_guide.md", guide=guide, session=guide.session, running_order=running_order, notes=notes)
