"""The presenter view: the unit's activities, one slide each, for a projector in the room.

The slides follow the session plan's running order (session.yml); each shows
what the room needs to see (the activity's label, title, question, steps and
prompts), who works with whom and the planned minutes from its facilitation
notes, and a link to the activity on its page. The timer, and moving from
slide to slide, are docs/javascripts/presenter-page.js's: the slides' ids,
names and minutes go into the page as JSON for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.schemas import Activity
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


def presenter_view_html(slides: list[Slide], glossary: dict[str, str]) -> str:
    data = {"slides": [{"id": slide.activity.id, "name": slide.name, "minutes": slide.minutes} for slide in slides]}
    return render("presenter_view.html", glossary=glossary, slides=slides, data=data)
