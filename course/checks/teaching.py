"""What makes a unit's pages teach on their own, held together.

- Each outcome (outcomes.yml) is met on pages of its unit that exist, and each of
  those pages shows its outcomes at the top ({{ outcomes() }}) and ends with its
  key points ({{ key_points() }}).
- Each page in key_points.yml exists, is the unit's, and shows them.

(A page that calls outcomes() or key_points() with nothing in the data for it is
found where the call is, by checks/macro_calls.py.)
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from ..content.outline import Outline
from ..content.problems import Problem
from ..content.programme import Unit
from ..content.yaml_files import line_of_item

OUTCOMES_FILE = "outcomes.yml"
KEY_POINTS_FILE = "key_points.yml"
OUTCOMES_MACRO = "outcomes"
KEY_POINTS_MACRO = "key_points"


def check_teaching(outline: Outline) -> list[Problem]:
    problems = []
    for unit in outline.programme.units:
        problems += _outcomes(outline, unit)
        problems += _key_points(outline, unit)
    return problems


def teaching_pages(unit: Unit) -> set[str]:
    """The pages the unit's outcomes are met on: each shows its outcomes and ends with its key points."""
    return {page for outcome in unit.outcomes.outcomes for page in outcome.pages} if unit.outcomes else set()


def _calls(outline: Outline, macro: str) -> set[str]:
    return {page.path for page, _ in outline.calls_of(macro)}


def not_a_page(outline: Outline, unit: Unit, page_path: str, what: str) -> str | None:
    """What is wrong with naming docs/<page_path> for the unit, or None when it is one of its pages."""
    own = [page.path for page in outline.pages_of(unit)]
    if page_path in own:
        return None
    if page_path in {page.path for page in outline.pages}:
        other = outline.unit_of(page_path)
        where = f"unit '{other.id}'" if other else "no unit"
        return f"{what}: docs/{page_path} is a page of {where}, not of unit '{unit.id}'; name a page of this unit"
    close = difflib.get_close_matches(page_path, own, n=1)
    hint = f"did you mean {close[0]}?" if close else "name a page of the unit as docs/ names it (pcn-ethos.md, unit-4/index.md)"
    return f"{what}: there is no page docs/{page_path}; {hint}"


def _outcomes(outline: Outline, unit: Unit) -> list[Problem]:
    if unit.outcomes is None:
        return []
    path, file = outline.project.data_dir / unit.id / OUTCOMES_FILE, f"{unit.data_folder}/{OUTCOMES_FILE}"
    showing, ending = _calls(outline, OUTCOMES_MACRO), _calls(outline, KEY_POINTS_MACRO)
    problems, teaching_pages = [], []
    for outcome in unit.outcomes.outcomes:
        for page_path in outcome.pages:
            line = line_of_item(path, outcome.id, page_path)
            wrong = not_a_page(outline, unit, page_path, f"outcome '{outcome.id}'")
            if wrong:
                problems.append(Problem(file, line, wrong))
                continue
            if page_path not in showing:
                problems.append(
                    Problem(
                        file,
                        line,
                        f"outcome '{outcome.id}' is met on docs/{page_path}, which does not show its outcomes; "
                        "add {{ outcomes() }} under the page's title",
                    )
                )
            if page_path not in teaching_pages:
                teaching_pages.append(page_path)
    for page_path in teaching_pages:
        if page_path not in ending:
            page = outline.page(page_path)
            problems.append(
                Problem(
                    page.display,
                    max(1, len(page.text.rstrip().splitlines())),
                    f"the unit's outcomes are met on this page, so it ends with its key points: add {{{{ key_points() }}}} "
                    f"at its end, and three to five points for '{page_path}' in {unit.data_folder}/{KEY_POINTS_FILE}",
                )
            )
    return problems


def _key_points(outline: Outline, unit: Unit) -> list[Problem]:
    if unit.key_points is None:
        return []
    path, file = outline.project.data_dir / unit.id / KEY_POINTS_FILE, f"{unit.data_folder}/{KEY_POINTS_FILE}"
    ending = _calls(outline, KEY_POINTS_MACRO)
    problems = []
    for page_path in unit.key_points.key_points:
        line = _line_of_key(path, page_path)
        wrong = not_a_page(outline, unit, page_path, f"key points for '{page_path}'")
        if wrong:
            problems.append(Problem(file, line, wrong))
        elif page_path not in ending and page_path not in teaching_pages(unit):  # else the page's own problem says it
            problems.append(
                Problem(file, line, f"key points for '{page_path}' are shown on no page; add {{{{ key_points() }}}} at the end of docs/{page_path}")
            )
    return problems


def _line_of_key(path: Path, key: str) -> int | None:
    pattern = re.compile(rf"^\s+['\"]?{re.escape(key)}['\"]?\s*:")
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return next((number for number, line in enumerate(lines, start=1) if pattern.match(line)), None)
