"""problem_check(): "Which kind of problem is it?", a self-check on Grint's typology.

Its questions, and the outcomes it can suggest, come from
data/problem_types.yml: the form is rendered here, and the types go into the
page as JSON for docs/javascripts/problem-check-page.js to classify the
learner's answers. It can copy its result into an activity's answer box
(Self-Activity 8's first prompt by default).
"""

from __future__ import annotations

from pathlib import Path

from .loading import DATA_DIR, load_programme
from .rendering import render

CHOICES = (("yes", "Yes"), ("no", "No"), ("unsure", "Not sure"))


def problem_check(
    copy_to_activity: str = "self-activity-8",
    copy_to_prompt: str = "define-with-typology",
    data_dir: Path = DATA_DIR,
) -> str:
    programme = load_programme(data_dir)
    typology = programme.content("problem_types")
    activity = programme.activity(copy_to_activity)
    prompt_ids = [prompt.id for prompt in activity.prompts]
    if copy_to_prompt not in prompt_ids:
        known = ", ".join(repr(p) for p in prompt_ids)
        raise KeyError(f"problem_check: activity {copy_to_activity!r} has no prompt {copy_to_prompt!r}; its prompts: {known}")
    types = typology.types
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
            for t in types
        ],
        "copyTo": {
            "activity": activity.id,
            "prompt": copy_to_prompt,
            "label": activity.label,
            "number": prompt_ids.index(copy_to_prompt) + 1,
        },
    }
    return render(
        "problem_check.html",
        types=types,
        choices=CHOICES,
        caveat=typology.check_caveat,
        copy_label=activity.label,
        data=data,
    )
