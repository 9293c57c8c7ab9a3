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

from ..content.outline import Outline
from ..content.programme import Unit
from ..content.schemas import Activity, Facilitation, OutcomesFile, SessionFile
from ..publish.addresses import SiteAddress, online_path, relative_url, short_address
from .environment import render, render_verbatim


@dataclass(frozen=True)
class Link:
    text: str
    href: str  # relative to the guide's page
    address: str | None = None  # the page's address online, as printed ("pcn-leadership.github.io/unit-3/pcn-ethos/")


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
    outcomes: OutcomesFile | None  # the unit's learning outcomes, listed before the running order
    rows: list[PlanRow]
    notes: list[ActivityNotes]


@dataclass(frozen=True)
class Handout:
    """An activity's handout, as paper makes it (course/paper/handouts.py), for the guide to print after its notes."""

    page: str  # docs-relative: "handouts/flocking.md"
    html: Markup


def guide_of(
    outline: Outline, unit: Unit, page_path: str, handouts: dict[str, Handout], presenter: str | None, site: SiteAddress | None = None
) -> Guide:
    """The guide of a unit, on the page docs/<page_path>: the running order, then each activity's notes
    with its handout (`handouts`, by activity id) and links to its page, its handout and the presenter
    view (on docs/<presenter>, when a page shows it). With the site's address, each link carries the
    page's address online, which paper prints beside it."""
    if unit.session is None:
        raise KeyError(
            f"facilitator_guide(): unit '{unit.id}' has no session plan; add {unit.data_folder}/session.yml "
            "(see data/unit-3/session.yml) and a facilitation block for each of its activities"
        )

    def link(to: str, text: str | None = None) -> Link:
        """A link from the guide's page to another, as raw HTML needs it (relative to where the guide is served)."""
        address = short_address(site.page_of_source(to)) if site else None
        return Link(text or outline.page(to).title, relative_url(online_path(to), online_path(page_path)), address)

    activities = {activity.id: activity for activity in outline.programme.activities_in_reading_order(unit)}
    rows, notes, start = [], [], 0
    for part in unit.session.running_order:
        if part.activity is not None:
            activity = activities[part.activity]
            minutes, title, anchor = activity.facilitation.minutes, f"{activity.label}: {activity.title}", notes_anchor(activity.id)
            shown = outline.page_showing(activity.id)
            opened = link(shown.path) if shown else None
            links = [link(shown.path, "Its page")] if shown else []
            links.append(link(handouts[activity.id].page, "Its handout"))
            if presenter:
                present = link(presenter, "Present it")
                links.append(Link(present.text, f"{present.href}#{activity.id}", f"{present.address}#{activity.id}" if present.address else None))
            notes.append(ActivityNotes(activity, activity.facilitation, anchor, links, handouts[activity.id].html))
        else:
            minutes, title, anchor = part.minutes, part.part, None
            opened = link(_page_of_part(outline, part.page)) if part.page else None
        rows.append(PlanRow(start, minutes, title, anchor, opened, part.notes))
        start += minutes
    return Guide(unit.session, unit.outcomes, rows, notes)


def _page_of_part(outline: Outline, page_path: str) -> str:
    try:
        return outline.page(page_path).path
    except KeyError:
        raise KeyError(f"session.yml: a part opens the page '{page_path}', which is not in docs/; name a page as docs/ does (pcn-ethos.md)") from None


def notes_anchor(activity_id: str) -> str:
    return f"notes-{activity_id}"


def clock(minutes: int) -> str:
    """Minutes from the start as a clock a facilitator reads: 0:05, 1:30."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def facilitator_guide_markdown(guide: Guide, glossary: dict[str, str]) -> str:
    """The guide, below its page's title: the session plan, then each activity's notes."""
    running_order = Markup(render("running_order.html", glossary=glossary, rows=guide.rows, clock=clock, total=guide.session.total_minutes))
    notes = [Markup(render("facilitation_notes.html", glossary=glossary, notes=entry)) for entry in guide.notes]
    return render_verbatim("facilitator_guide.md", guide=guide, session=guide.session, outcomes=guide.outcomes, running_order=running_order, notes=notes)
