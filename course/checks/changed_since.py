"""Dated notes of what has changed since the slides, due for review.

A note (data/<unit>/changed_since.yml) says what was true `as_of` a day. A
year after that day, `make check` and the build remind the maintainers to
check its points against their sources again: a warning, never a problem.
`today` is handed in, as for the accessibility statement, so no check reads
the clock.
"""

from __future__ import annotations

import datetime

from ..content.outline import Outline
from ..content.problems import Problem
from ..content.yaml_files import line_of_key_in_entry
from ..render.environment import long_date

# As for the accessibility statement: what the site says about the world is checked at least once a year.
REVIEW_EVERY = datetime.timedelta(days=365)


def changed_since_reminders(outline: Outline, today: datetime.date) -> list[Problem]:
    """A warning for each note last checked more than a year before `today`."""
    programme, project = outline.programme, outline.project
    if programme is None:
        return []
    reminders = []
    for unit in programme.units:
        notes = unit.changed_since.notes if unit.changed_since else []
        for note in notes:
            if today - note.as_of > REVIEW_EVERY:
                reminders.append(
                    Problem(
                        f"{unit.data_folder}/changed_since.yml",
                        line_of_key_in_entry(project.data_dir / unit.id / "changed_since.yml", note.id, "as_of"),
                        f"warning: the note '{note.id}' (“{note.title}”) is as of {long_date(note.as_of)}, more than a year ago; "
                        "check each point against its sources (and what has changed since), then set as_of to the day you did",
                    )
                )
    return reminders
