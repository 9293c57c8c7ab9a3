"""What a page teaches: its learning outcomes at the top, its key points at the end.

A unit's outcomes (outcomes.yml) name the pages they are met on; each such page shows
its own under "After this page you will be able to…", with its time to read and do
(a slot filled by render/page_time.py), and ends with its key points (key_points.yml).
The unit's overview shows them all, with the whole unit's time.
"""

from __future__ import annotations

from ..content.schemas import Outcome
from .environment import render, render_verbatim


def outcomes_html(outcomes: list[Outcome], glossary: dict[str, str], *, page_path: str, unit_id: str | None = None) -> str:
    """The outcomes box: the outcomes and a slot for the page's time (or, with unit_id, the whole unit's)."""
    return render("outcomes.html", glossary=glossary, outcomes=outcomes, page_path=page_path, unit_id=unit_id, heading_id="outcomes-heading")


def key_points_markdown(points: list[str], glossary: dict[str, str]) -> str:
    """The page's key points, under their own "Key points" heading."""
    return render_verbatim("key_points.md", glossary=glossary, points=points)
