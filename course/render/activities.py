"""Activities: the box a page shows, and the Overview's list of them."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..content.programme import NUMBERED_LABEL
from ..content.schemas import Activity
from .environment import render, render_verbatim
from .figures import flocking_simulation_html

# What a solo version can show (schemas.SOLO_SHOWS), drawn after its steps, before the prompts; `marked`
# when it needs its own "Added for this site" (the solo version around it is not marked).
SOLO_SHOWS = {"flocking-simulation": lambda marked: flocking_simulation_html(20, marked=marked)}


def activity_html(activity: Activity, glossary: dict[str, str], heading_level: int = 3, *, privacy_href: str | None) -> str:
    """Label, instructions, prompts, an answer box for each prompt, and ruled lines for paper.

    heading_level: 3 inside a page (the default); 2 in the workbook; 1 where the
    activity is the page (a handout). privacy_href: the link from the page that
    shows it to the privacy notice, which the note under the answer boxes gives.
    """
    return render(
        "activity.html", glossary=glossary, activity=activity, heading_level=heading_level, privacy_href=privacy_href, shown=solo_shown(activity)
    )


def solo_shown(activity: Activity) -> Markup | None:
    """What the activity's solo version shows after its steps (the flocking simulation), or None."""
    shows = activity.solo.shows if activity.solo else None
    return Markup(SOLO_SHOWS[shows]("solo" not in activity.added_for_site)) if shows else None


@dataclass(frozen=True)
class ListedActivity:
    activity: Activity
    page: str  # docs-relative path of the page that shows it

    @property
    def numbered(self) -> bool:
        return bool(NUMBERED_LABEL.search(self.activity.label))


def activity_list_markdown(listed: list[ListedActivity]) -> str:
    """The unit's activities as a Markdown list of links, with how many there are of each mode."""
    return render_verbatim(
        "activity_list.md",
        listed=listed,
        on_your_own=sum(1 for item in listed if item.activity.mode == "individual"),
        in_a_group=sum(1 for item in listed if item.activity.mode == "group"),
    )
