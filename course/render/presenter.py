"""The presenter view: the unit's activities, one slide each, for a projector in the room.

The slides follow the session plan's running order (session.yml); each shows
what the room needs to see (the activity's label, title, question, steps and
prompts), who works with whom and the planned minutes from its facilitation
notes, and a link to the activity on its page. The timer, and moving from
slide to slide, are docs/javascripts/presenter.js's: the slides' ids,
names and minutes go into the page as JSON for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.outline import Outline
from ..content.programme import Unit
from ..content.schemas import Activity
from ..publish.addresses import online_path, relative_url
from .environment import render


@dataclass(frozen=True)
class Slide:
    activity: Activity  # numbered as the reader meets it ("Self-Activity 7")
    minutes: int  # planned, from its facilitation notes: the timer's
    group_size: str
    page_title: str | None = None  # the page that shows the activity
    page_href: str | None = None  # the link to it there (#<activity id>), from the presenter's page

    @property
    def name(self) -> str:
        return f"{self.activity.label}: {self.activity.title}"


def slides_of(outline: Outline, unit: Unit, page_path: str) -> list[Slide]:
    """A slide for each activity of the unit's session plan, in its running order, with links from docs/<page_path>."""
    if unit.session is None:
        raise KeyError(
            f"presenter_view() follows the unit's session plan, but unit '{unit.id}' has none; "
            f"add {unit.data_folder}/session.yml with its running_order (see data/unit-3/session.yml), "
            "and a facilitation block for each of its activities"
        )
    slides = []
    for part in unit.session.running_order:
        if part.activity is None:
            continue
        activity = unit.activity(part.activity)
        shown = outline.page_showing(activity.id)
        slides.append(
            Slide(
                activity=activity,
                minutes=activity.facilitation.minutes,
                group_size=activity.facilitation.group_size,
                page_title=shown.title if shown else None,
                page_href=f"{relative_url(online_path(shown.path), online_path(page_path))}#{activity.id}" if shown else None,
            )
        )
    return slides


def presenter_view_html(slides: list[Slide], glossary: dict[str, str]) -> str:
    data = {"slides": [{"id": slide.activity.id, "name": slide.name, "minutes": slide.minutes} for slide in slides]}
    return render("presenter_view.html", glossary=glossary, slides=slides, data=data)
