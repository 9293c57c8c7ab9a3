"""A dated note of what has changed since the slides, beside the slides' figures it updates.

Its points and their sources come from the unit's changed_since.yml; its date
(`as_of`) is the day they were last checked, which `make check` compares with
the build date to remind the maintainers when the note is due for review
(course/checks/changed_since.py).
"""

from __future__ import annotations

from ..content.programme import Unit
from .environment import render
from .references import Citation


def changed_since_html(unit: Unit, note_id: str, glossary: dict[str, str], citations: dict[str, Citation]) -> str:
    """The note, marked as the site's, each point with the references it rests on (cited from `citations`)."""
    return render("changed_since.html", glossary=glossary, note=unit.changed_since_note(note_id), citations=citations)
