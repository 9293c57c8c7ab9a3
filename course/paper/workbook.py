"""The printable workbook: a cover, then every activity of the unit with space to write.

docs/workbook.md calls workbook_cover() and workbook_activities(). Both are
drawn from the unit's activities, in reading order, so an activity added to
the data is in the workbook (and its PDF) with no other change.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..content.schemas import Activity
from ..render.activities import solo_shown
from ..render.environment import render


@dataclass(frozen=True)
class Worksheet:
    """The self-check's worksheet, a sheet of the workbook before the activity its result is copied into."""

    html: Markup
    title: str
    before: str | None  # the activity's id; None: after the last activity


def workbook_cover_html(
    programme_title: str, unit_heading: str, activities: list[Activity], glossary: dict[str, str], worksheet: Worksheet | None = None
) -> str:
    """The cover: programme, unit, title, space for a name and date, and the activities (and the worksheet) in it."""
    return render(
        "workbook_cover.html",
        glossary=glossary,
        programme=programme_title,
        unit_title=unit_heading,
        activities=activities,
        worksheet=worksheet,
    )


def workbook_activities_html(
    activities: list[Activity], glossary: dict[str, str], privacy_href: str | None, worksheet: Worksheet | None = None
) -> str:
    """Every activity, each headed at level 2 under the workbook's title, with what its solo version shows (on paper,
    the figure); the self-check's worksheet, when the unit has one, on its own sheet before the activity it helps with."""
    shown = {activity.id: solo_shown(activity) for activity in activities}
    return render(
        "workbook_activities.html", glossary=glossary, activities=activities, privacy_href=privacy_href, shown_for=shown, worksheet=worksheet
    )
