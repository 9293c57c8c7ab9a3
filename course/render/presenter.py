"""The presenter view: the whole session as a deck, for a projector in the room.

Every part of the session plan (session.yml's `parts`) has its slides, from
deck.yml: the unit's data as the pages show it (the simple rules, the
comparison table, Grint's figure and table, a page's key points), points of
the site's own, and for an activity part the activity's own slide (its label,
title, question, steps and prompts, with a timer). Each part's speaker notes
(deck.yml) are on the page too, hidden, for the presenter's notes window.

The deck follows one of the session's versions: the slides of the parts it
runs, in its order, each activity's timer set to its minutes there. Without
JavaScript every slide shows, in the parts' order, with the default version's
minutes; docs/javascripts/presenter.js shows one slide at a time, in the
chosen version, and keeps the notes window in step. The slides' ids, parts and
each version's order and minutes go into the page as JSON for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from markupsafe import Markup

from ..content.outline import Outline
from ..content.programme import Programme, Unit
from ..content.schemas import Activity, DeckPart, SessionPart, SessionVersion, SpeakerNotes
from ..content.session import step_minutes
from ..publish.addresses import online_path, relative_url
from .environment import render
from .facilitation import VersionView, clock, version_view
from .figures import typology_figure_html
from .references import simple_rules_html
from .tables import comparison_table_html, table_view


@dataclass(frozen=True)
class Slide:
    id: str  # its anchor: an activity's id for its own slide, else "<part>-<n>" (never a shown block's id)
    part: str  # the part's id
    kind: str  # "activity", "points", "key-points", or what deck.yml's `show` names
    title: str | None = None
    activity: Activity | None = None  # an activity's own slide, numbered as the reader meets it
    minutes: int | None = None  # an activity's timer, in the default version
    group_size: str | None = None
    on_screen: tuple[str, ...] = ()  # lines the site adds to an activity's slide
    points: tuple[str, ...] = ()  # the site's own, or a page's key points
    block: Markup | None = None  # a shown block of the unit's data, rendered as its page shows it
    page_title: str | None = None  # the page that shows the part (or the activity)
    page_href: str | None = None

    @property
    def name(self) -> str:
        if self.activity is not None:
            return f"{self.activity.label}: {self.activity.title}"
        return self.title or ""


@dataclass(frozen=True)
class PartNotes:
    part: str
    title: str
    notes: SpeakerNotes
    examples: list[tuple[str, str]]  # (problem type's name, example)


@dataclass(frozen=True)
class Deck:
    unit: Unit
    programme_title: str
    slides: list[Slide]
    notes: list[PartNotes]
    versions: list[VersionView]
    default_minutes: int
    copyright: str | None = None
    data: dict = field(default_factory=dict)


def deck_of(outline: Outline, unit: Unit, page_path: str) -> Deck:
    """The deck of a unit's session, with links from docs/<page_path>."""
    if unit.session is None or unit.deck is None:
        raise KeyError(
            f"presenter_view() shows the unit's session as a deck, but unit '{unit.id}' has no "
            f"{'session.yml' if unit.session is None else 'deck.yml'}; add {unit.data_folder}/session.yml with its parts "
            "and versions and deck.yml with each part's slides and notes (see data/unit-3/)"
        )
    programme = outline.programme
    activities = {activity.id: activity for activity in programme.activities_in_reading_order(unit)}
    entries = {entry.part: entry for entry in unit.deck.parts}
    versions = [version_view(outline, unit, version, page_path) for version in _in_order(unit.session.versions)]
    slides, notes = [], []
    for part in unit.session.parts:
        entry = entries[part.key]
        slides += _slides_of_part(outline, programme, unit, part, entry, activities, page_path)
        notes.append(PartNotes(part.key, _part_title(part, activities), entry.notes, _examples(unit, entry)))
    default = unit.session.default_version
    timers = _version_data(unit, default, slides)["timers"]
    slides = [replace(slide, minutes=timers.get(slide.id, slide.minutes)) for slide in slides]  # without JavaScript: the default's
    data = {
        "slides": [{"id": slide.id, "part": slide.part, "name": slide.name, "minutes": slide.minutes} for slide in slides],
        "versions": [_version_data(unit, version, slides) for version in _in_order(unit.session.versions)],
        "default": default.minutes,
    }
    return Deck(unit, programme.title, slides, notes, versions, default.minutes, outline.project.copyright, data)


def _in_order(versions: list[SessionVersion]) -> list[SessionVersion]:
    """The default version first, then the others, shortest first."""
    return sorted(versions, key=lambda version: (not version.default, version.minutes))


def _part_title(part: SessionPart, activities: dict[str, Activity]) -> str:
    if part.activity is not None:
        activity = activities[part.activity]
        return f"{activity.label}: {activity.title}"
    return part.title


def _examples(unit: Unit, entry: DeckPart) -> list[tuple[str, str]]:
    names = {t.id: t.name for t in unit.problem_types.types} if unit.problem_types else {}
    return [(names[example.type], example.text) for example in entry.notes.examples]


def _page_link(outline: Outline, path: str | None, page_path: str, anchor: str = "") -> tuple[str | None, str | None]:
    if path is None:
        return None, None
    try:
        page = outline.page(path)
    except KeyError:
        return None, None
    return page.title, relative_url(online_path(page.path), online_path(page_path)) + anchor


def _slides_of_part(outline, programme: Programme, unit: Unit, part: SessionPart, entry: DeckPart, activities, page_path: str) -> list[Slide]:
    slides = []
    page_title, page_href = _page_link(outline, part.page, page_path)
    key_points = unit.key_points.key_points if unit.key_points else {}
    for number, shown in enumerate(entry.slides, start=1):
        slide_id = f"{part.key}-{number}"
        if shown.points is not None:
            slides.append(Slide(slide_id, part.key, "points", shown.title, points=tuple(shown.points), page_title=page_title, page_href=page_href))
        elif shown.key_points is not None:
            title, href = _page_link(outline, shown.key_points, page_path)
            points = key_points[shown.key_points]
            chosen = tuple(points[number - 1] for number in shown.only) if shown.only else tuple(points)
            slides.append(Slide(slide_id, part.key, "key-points", shown.title, points=chosen, page_title=title, page_href=href))
        else:
            slides.append(
                Slide(slide_id, part.key, shown.show, shown.title or _shown_title(unit, shown.show), block=_block(programme, unit, shown.show, outline.glossary),
                      page_title=page_title, page_href=page_href)
            )
    if part.activity is not None:
        activity = activities[part.activity]
        shown_on = outline.page_showing(activity.id)
        title, href = _page_link(outline, shown_on.path if shown_on else None, page_path, f"#{activity.id}")
        slides.append(
            Slide(
                activity.id, part.key, "activity", activity=activity, minutes=activity.facilitation.minutes, group_size=activity.facilitation.group_size,
                on_screen=tuple(entry.on_screen), page_title=title, page_href=href,
            )
        )
    return slides


def _shown_title(unit: Unit, show: str) -> str | None:
    titles = {
        "title": unit.heading,
        "running-order": "Today",
        "follow-up": "What next",
        "simple-rules": "Complex systems, simple rules",
        "comparison": unit.organisational_forms.name if unit.organisational_forms else None,
        "typology-figure": "Leadership and problem solving",
        "typology-table": unit.problem_types.name if unit.problem_types else None,
    }
    return titles[show]


def _block(programme: Programme, unit: Unit, show: str, glossary: dict[str, str]) -> Markup | None:
    """The unit's data a slide shows, rendered as its page renders it; None for what the deck's template draws."""
    if show == "simple-rules":
        return Markup(simple_rules_html(unit, glossary))
    if show == "comparison":
        return Markup(comparison_table_html(table_view(programme, unit, "organisational-forms"), glossary))
    if show == "typology-figure":
        return Markup(typology_figure_html(programme, unit.problem_types, glossary))
    if show == "typology-table":
        return Markup(comparison_table_html(table_view(programme, unit, "problem-types"), glossary))
    return None


def _version_data(unit: Unit, version: SessionVersion, slides: list[Slide]) -> dict:
    """A version for the script: its slides in order (those of the parts it runs) and each activity's minutes."""
    parts = {part.key: part for part in unit.session.parts}
    run = [step for step in version.running_order if step.kind == "part" and step.decision != "cut"]
    minutes = {step.part: step_minutes(unit, parts, step) for step in run}
    order = [slide.id for step in run for slide in slides if slide.part == step.part]
    return {
        "minutes": version.minutes,
        "default": version.default,
        "slides": order,
        "timers": {slide.id: minutes[slide.part] for slide in slides if slide.kind == "activity" and slide.part in minutes},
    }


def presenter_view_html(deck: Deck, glossary: dict[str, str]) -> str:
    return render("presenter_view.html", glossary=glossary, deck=deck, data=deck.data, clock=clock)
