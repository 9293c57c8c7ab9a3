"""The learner's workbook: a cover, then every activity with space to write.

docs/workbook.md calls workbook_cover(...) and workbook_activities(). Both are
drawn from the activities in data/, so an activity added there is in the workbook
(and its PDF) with no other change.
"""

from __future__ import annotations

from pathlib import Path

from .loading import DATA_DIR, load_programme
from .rendering import render


def workbook_cover(programme: str, unit_title: str, data_dir: Path = DATA_DIR) -> str:
    """The cover: programme, unit, title, space for a name and date, and the activities in it."""
    activities = load_programme(data_dir).activities
    return render("workbook_cover.html", programme=programme, unit_title=unit_title, activities=activities)


def workbook_activities(data_dir: Path = DATA_DIR) -> str:
    """Every activity in data order, each headed at level 2 under the workbook's title."""
    return render("workbook_activities.html", activities=load_programme(data_dir).activities)
