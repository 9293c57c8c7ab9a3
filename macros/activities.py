"""activity(id): one activity box, rendered from data/activities.yml."""

from __future__ import annotations

from pathlib import Path

from .loading import DATA_DIR, load_programme
from .rendering import render


def activity_label(activity_id: str, data_dir: Path = DATA_DIR) -> str:
    """An activity's label as the programme numbers it, e.g. "Self-Activity 8", for prose.

    Pages use this rather than writing the number, which moves when an activity
    is added earlier in the programme.
    """
    return load_programme(data_dir).activity(activity_id).label


def activity(activity_id: str, data_dir: Path = DATA_DIR) -> str:
    """Render the activity with this id: label, instructions, prompts and writing space."""
    return render("activity.html", activity=load_programme(data_dir).activity(activity_id))
