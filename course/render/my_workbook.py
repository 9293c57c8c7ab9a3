"""My workbook: every activity's prompts with the learner's answers (the online workbook).

The answers themselves never reach the server: they live in the learner's
browser, and docs/javascripts/my-workbook.js fills them in. This renders
the activities (with the same template as their own pages), the page's
buttons, and the prompts as JSON for the Markdown and plain-text downloads.
"""

from __future__ import annotations

from ..content.schemas import Activity
from .environment import render


def my_workbook_data(unit_heading: str, programme_title: str, activities: list[Activity]) -> dict:
    """What the downloads need: plain text only, in the order the unit meets them."""
    return {
        "unit": unit_heading,
        "programme": programme_title,
        "activities": [
            {
                "id": activity.id,
                "label": activity.label,
                "title": activity.title,
                "prompts": [{"id": prompt.id, "text": prompt.text} for prompt in activity.prompts],
            }
            for activity in activities
        ],
    }


def my_workbook_html(
    unit_heading: str,
    programme_title: str,
    activities: list[Activity],
    glossary: dict[str, str],
    privacy_href: str | None,
    has_record: bool = False,
) -> str:
    """Every activity with answer boxes, plus download, print and delete buttons; `has_record`: the unit
    has a reflective record, whose details and account the delete button deletes too."""
    return render(
        "my_workbook.html",
        glossary=glossary,
        activities=activities,
        data=my_workbook_data(unit_heading, programme_title, activities),
        privacy_href=privacy_href,
        has_record=has_record,
    )


def my_workbook_finish_html(glossary: dict[str, str]) -> str:
    """The end of My workbook: advice for a shared computer, and the button that deletes every answer."""
    return render("my_workbook_finish.html", glossary=glossary)
