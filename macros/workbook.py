"""workbook(): the "My workbook" page, every activity's prompts with the learner's answers.

The answers themselves never reach the server: they live in the learner's
browser, and docs/javascripts/workbook-page.js fills them in. This renders the
activities (with the same template as their own pages), the page's buttons,
and the prompts as JSON for the Markdown and plain-text downloads.
"""

from __future__ import annotations

from pathlib import Path

from .loading import DATA_DIR, load_programme
from .rendering import render


def workbook_data(unit_title: str, programme: str, activities) -> dict:
    """What the downloads need: plain text only, in the order the unit meets them."""
    return {
        "unit": unit_title,
        "programme": programme,
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


def workbook(unit_title: str, programme: str = "", data_dir: Path = DATA_DIR) -> str:
    """Every activity with answer boxes, plus download, print and delete buttons.

    Pages call it as {{ workbook(config.site_name, config.extra.programme) }}.
    """
    activities = load_programme(data_dir).activities
    return render(
        "workbook.html",
        activities=activities,
        data=workbook_data(unit_title, programme, activities),
    )
