"""Before and after the session (before_and_after.yml): the joining note's pages to read exist.

Each page the note asks people to read is one of the unit's pages, as docs/ names it,
so its title and address in the note are the page's own. (The file's shape is its
schema's, checked as it is read; a page that calls one of its macros in a unit
without the file is found where the call is, by checks/macro_calls.py.)
"""

from __future__ import annotations

from ..content.outline import Outline
from ..content.problems import Problem
from ..content.yaml_files import line_of_value
from .teaching import not_a_page

BEFORE_AND_AFTER_FILE = "before_and_after.yml"


def check_before_and_after(outline: Outline) -> list[Problem]:
    problems = []
    for unit in outline.programme.units:
        if unit.before_and_after is None:
            continue
        path, file = outline.project.data_dir / unit.id / BEFORE_AND_AFTER_FILE, f"{unit.data_folder}/{BEFORE_AND_AFTER_FILE}"
        for entry in unit.before_and_after.joining_note.pre_read:
            wrong = not_a_page(outline, unit, entry.page, "joining_note, pre_read")
            if wrong:
                problems.append(Problem(file, line_of_value(path, "page", entry.page), wrong))
    return problems
