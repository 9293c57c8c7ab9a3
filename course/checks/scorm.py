"""Each unit's answers fit SCORM 1.2's cmi.suspend_data (4,096 characters) at the documented
minimum length per answer (course/scorm/budget.py), or the unit is refused with the numbers."""

from __future__ import annotations

import re

from ..content.outline import Outline
from ..content.problems import Problem
from ..content.schemas import RECORD_ID
from ..content.yaml_files import line_of_id
from ..scorm.budget import MINIMUM_ANSWER_LENGTH, SUSPEND_DATA_LIMIT, first_over_budget, kept_answers, suspend_data_length


def check_scorm_budget(outline: Outline) -> list[Problem]:
    problems = []
    for unit in outline.programme.units:
        answers = kept_answers(unit)
        culprit = first_over_budget(answers)
        if culprit is None:
            continue
        activity, prompt = culprit
        if activity == RECORD_ID:
            file, line = f"{unit.data_folder}/reflective_record.yml", line_of_id(outline.project.data_dir / unit.id / "reflective_record.yml", prompt)
            where = f"the reflective record's '{prompt}'"
        else:
            file, line = f"{unit.data_folder}/activities.yml", _line_of_prompt(outline.project.data_dir / unit.id / "activities.yml", activity, prompt)
            where = f"activity '{activity}', prompt '{prompt}'"
        needed = suspend_data_length(answers)
        problems.append(
            Problem(
                file,
                line,
                f"unit '{unit.id}' keeps {len(answers)} answers; at {MINIMUM_ANSWER_LENGTH} characters each they need "
                f"{needed:,} characters of the {SUSPEND_DATA_LIMIT:,} a SCORM 1.2 platform keeps for them (cmi.suspend_data), "
                f"and pass it at {where}; merge or remove prompts until they fit (guides/platforms.md, 'Answers on the platform')",
            )
        )
    return problems


def _line_of_prompt(path, activity_id: str, prompt_id: str) -> int | None:
    """The line of a prompt's `id:` in the activity with this id (the activity's own line if not found)."""
    start = line_of_id(path, activity_id)
    if start is None:
        return None
    wanted = re.compile(rf"^\s*-?\s*id:\s*['\"]?{re.escape(prompt_id)}['\"]?\s*$")
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return next((number for number in range(start + 1, len(lines) + 1) if wanted.match(lines[number - 1])), start)
