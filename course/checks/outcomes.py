"""Each unit's learning outcomes (outcomes.yml) name pages of that unit that exist."""

from __future__ import annotations

import difflib

from ..content.outline import Outline
from ..content.problems import Problem
from ..content.yaml_files import line_of_item

OUTCOMES_FILE = "outcomes.yml"


def check_outcomes(outline: Outline) -> list[Problem]:
    problems = []
    pages = {page.path for page in outline.pages}
    for unit in outline.programme.units:
        if unit.outcomes is None:
            continue
        path = outline.project.data_dir / unit.id / OUTCOMES_FILE
        file = f"{unit.data_folder}/{OUTCOMES_FILE}"
        own = [page.path for page in outline.pages_of(unit)]
        for outcome in unit.outcomes.outcomes:
            for page_path in outcome.pages:
                line = line_of_item(path, outcome.id, page_path)
                if page_path not in pages:
                    close = difflib.get_close_matches(page_path, own, n=1)
                    hint = f"did you mean {close[0]}?" if close else "name a page of the unit as docs/ names it (pcn-ethos.md, unit-4/index.md)"
                    problems.append(Problem(file, line, f"outcome '{outcome.id}': there is no page docs/{page_path}; {hint}"))
                elif page_path not in own:
                    other = outline.unit_of(page_path)
                    where = f"unit '{other.id}'" if other else "no unit"
                    problems.append(
                        Problem(file, line, f"outcome '{outcome.id}': docs/{page_path} is a page of {where}, not of unit '{unit.id}'; name a page of this unit")
                    )
    return problems
