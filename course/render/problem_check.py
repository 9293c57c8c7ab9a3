"""The self-check "Which kind of problem is it?" on Grint's typology.

Its questions, and the outcomes it can suggest, come from the unit's
problem_types.yml: the form is rendered here, and the types go into the page
as JSON for docs/javascripts/problem-check.js to classify the learner's
answers. When the data names `check_copy_to`, the result can be copied into
that activity's answer box.
"""

from __future__ import annotations

from ..content.programme import Unit
from .environment import render

CHOICES = (("yes", "Yes"), ("no", "No"), ("unsure", "Not sure"))


def problem_check_html(unit: Unit, glossary: dict[str, str]) -> str:
    """`unit` must be numbered in reading order, so the copy button names the activity as the page does."""
    typology = unit.require("problem_types")
    target = typology.check_copy_to
    copy_to = None
    if target is not None:
        activity = unit.activity(target.activity)
        prompt_ids = [prompt.id for prompt in activity.prompts]
        copy_to = {
            "activity": activity.id,
            "prompt": target.prompt,
            "label": activity.label,
            "number": prompt_ids.index(target.prompt) + 1,
        }
    data = {
        "types": [
            {
                "id": t.id,
                "name": t.name,
                "description": t.description,
                "response": t.response,
                "approach": t.approach,
                "question": t.check_question,
            }
            for t in typology.types
        ],
        "copyTo": copy_to,
    }
    return render(
        "problem_check.html",
        glossary=glossary,
        types=typology.types,
        choices=CHOICES,
        caveat=typology.check_caveat,
        copy_label=copy_to["label"] if copy_to else None,
        data=data,
    )
