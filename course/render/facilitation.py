"""The facilitator's guide: a unit's session plan, each of its versions, and every activity's notes;
and each version's run sheet.

A version's running order is timed from the start, line by line (a part kept or
shortened, a debrief, a transition, the buffer); the parts it cuts are listed
as follow-up work. The guide is Markdown (so its headings get anchors, a table of contents and
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
from ..content.programme import NUMBERED_LABEL, Unit
from ..content.schemas import Activity, Facilitation, OutcomesFile, SessionFile, SessionVersion
from ..content.session import step_minutes
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
    title: str  # "Exercise: Flocking", "Debrief: Flocking", "Back to the tables", or the part's words
    kind: str  # "part", "debrief", "transition" or "buffer"
    decision: str | None  # a part's: "kept" or "shortened"
    change: str | None  # what a shortened part leaves out
    notes_anchor: str | None  # the activity's notes on the guide's page
    open: Link | None  # the page to open for this part
    notes: str | None


@dataclass(frozen=True)
class FollowUp:
    title: str  # the part cut
    follow_up: str  # what becomes follow-up work


@dataclass(frozen=True)
class VersionView:
    """One running order, as the guide, the run sheet and the deck show it."""

    minutes: int
    default: bool
    summary: str
    rows: list[PlanRow]
    follow_ups: list[FollowUp]

    @property
    def anchor(self) -> str:
        return f"version-{self.minutes}"

    @property
    def name(self) -> str:
        return f"{self.minutes} minutes" + (" (the usual session)" if self.default else "")


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
    versions: list[VersionView]  # the default first
    notes: list[ActivityNotes]
    run_sheets: dict[int, Link]  # each version's run sheet, when a page shows it
    present: Link | None  # the deck


@dataclass(frozen=True)
class Handout:
    """An activity's handout, as paper makes it (course/paper/handouts.py), for the guide to print after its notes."""

    page: str  # docs-relative: "handouts/flocking.md"
    html: Markup


def guide_of(
    outline: Outline,
    unit: Unit,
    page_path: str,
    handouts: dict[str, Handout],
    presenter: str | None,
    sheets: dict[int, str] | None = None,
    site: SiteAddress | None = None,
) -> Guide:
    """The guide of a unit, on the page docs/<page_path>: each version's running order, then each activity's
    notes with its handout (`handouts`, by activity id) and links to its page, its handout and the presenter
    view (on docs/<presenter>, when a page shows it); `sheets` are the run sheets' pages, by version. With the
    site's address, each link carries the page's address online, which paper prints beside it."""
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
    notes = []
    for part in unit.session.parts:
        if part.activity is None:
            continue
        activity = activities[part.activity]
        shown = outline.page_showing(activity.id)
        links = [link(shown.path, "Its page")] if shown else []
        links.append(link(handouts[activity.id].page, "Its handout"))
        if presenter:
            present = link(presenter, "Present it")
            links.append(Link(present.text, f"{present.href}#{activity.id}", f"{present.address}#{activity.id}" if present.address else None))
        notes.append(ActivityNotes(activity, activity.facilitation, notes_anchor(activity.id), links, handouts[activity.id].html))
    versions = [version_view(outline, unit, version, page_path, site) for version in sorted(unit.session.versions, key=lambda v: (not v.default, v.minutes))]
    run_sheets = {minutes: link(path, f"Run sheet, {minutes} minutes") for minutes, path in (sheets or {}).items()}
    return Guide(unit.session, unit.outcomes, versions, notes, run_sheets, link(presenter, "Present the session") if presenter else None)


def version_view(outline: Outline, unit: Unit, version: SessionVersion, page_path: str, site: SiteAddress | None = None) -> VersionView:
    """A version's running order, its rows timed from the start, its links relative to docs/<page_path> (with
    the site's address, each with the page's address online, for paper)."""
    activities = {activity.id: activity for activity in outline.programme.activities_in_reading_order(unit)}
    parts = {part.key: part for part in unit.session.parts}

    def link(to: str) -> Link:
        address = short_address(site.page_of_source(to)) if site else None
        return Link(outline.page(to).title, relative_url(online_path(to), online_path(page_path)), address)

    def title_of(key: str) -> str:
        part = parts[key]
        if part.activity is None:
            return part.title
        return f"{activities[key].label}: {activities[key].title}"

    rows, follow_ups, start = [], [], 0
    for step in version.running_order:
        minutes = step_minutes(unit, parts, step)
        if step.kind == "part" and step.decision == "cut":
            follow_ups.append(FollowUp(title_of(step.part), step.follow_up))
            continue
        if step.kind == "part":
            part = parts[step.part]
            shown = outline.page_showing(part.activity) if part.activity else None
            opened = link(shown.path) if shown else (link(_page_of_part(outline, part.page)) if part.page else None)
            anchor = notes_anchor(part.activity) if part.activity else None
            row = PlanRow(start, minutes, title_of(step.part), "part", step.decision, step.change, anchor, opened, part.notes)
        elif step.kind == "debrief":
            activity = activities[step.debrief]
            # "Debrief: Self-Activity 8", or of an activity whose label is not its own ("Exercise"), by its title.
            named = activity.label if NUMBERED_LABEL.search(activity.label) else activity.title
            row = PlanRow(start, minutes, f"Debrief: {named}", "debrief", None, None, f"{notes_anchor(activity.id)}-debrief", None, None)
        elif step.kind == "transition":
            row = PlanRow(start, minutes, step.transition, "transition", None, None, None, None, None)
        else:
            row = PlanRow(start, minutes, "Buffer: for questions and overruns", "buffer", None, None, None, None, None)
        rows.append(row)
        start += minutes
    return VersionView(version.minutes, version.default, version.summary, rows, follow_ups)


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
    running_orders = [running_order_html(version, glossary) for version in guide.versions]
    notes = [Markup(render("facilitation_notes.html", glossary=glossary, notes=entry)) for entry in guide.notes]
    chooser = Markup(render("version_links.html", glossary=glossary, guide=guide, version=None))
    version_links = [Markup(render("version_links.html", glossary=glossary, guide=guide, version=version)) for version in guide.versions]
    return render_verbatim(
        "facilitator_guide.md", guide=guide, session=guide.session, outcomes=guide.outcomes, running_orders=running_orders, notes=notes,
        chooser=chooser, version_links=version_links,
    )


def running_order_html(version: VersionView, glossary: dict[str, str], *, sheet: bool = False) -> Markup:
    """A version's running order as a table; `sheet` for the run sheet's (what changes beside each part)."""
    return Markup(render("running_order.html", glossary=glossary, version=version, clock=clock, sheet=sheet))


def run_sheet_html(unit: Unit, version: VersionView, glossary: dict[str, str]) -> str:
    """A version's one-page run sheet: its running order, what changes, and what becomes follow-up work."""
    return render("run_sheet.html", glossary=glossary, unit=unit, version=version, running_order=running_order_html(version, glossary, sheet=True))
