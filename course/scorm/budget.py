"""What a unit's answers need of SCORM 1.2's cmi.suspend_data, which holds 4,096 characters.

docs/javascripts/scorm.js keeps the unit's answers (the answers store of course.js:
every prompt, and the reflective record's parts and details) in cmi.suspend_data as

    FORMAT_PREFIX + base64(raw DEFLATE(UTF-8(JSON.stringify({"t": <ms>, "a": answers}))))

The check counts that JSON *uncompressed*, every answer MINIMUM_ANSWER_LENGTH
characters long: a unit passes only if its answers fit at that length even if
compression saved nothing. Compression (DEFLATE, in base64: characters every
platform stores as they are) only makes room for more: on Unit 3's answers in
plain English, about a third (scripts/vendor-fflate; the browser tests measure it,
tests/site/test_scorm_browser.py). When the learner's answers
outgrow the limit all the same, the script says so and sends nothing cut.
"""

from __future__ import annotations

import json

from ..content.programme import Unit
from ..content.schemas import RECORD_DETAILS, RECORD_ID

# SCORM 1.2's CMIString4096: what cmi.suspend_data holds (Moodle refuses more).
SUSPEND_DATA_LIMIT = 4096
# Every answer a unit keeps must fit at this length (about 25 words), uncompressed.
MINIMUM_ANSWER_LENGTH = 150
# The start of what scorm.js writes (its FORMAT): the format's name and version.
FORMAT_PREFIX = "u1:"
# The widest stamp scorm.js writes (Date.now(): milliseconds, 13 digits until the year 2286).
_WIDEST_STAMP = 10**13 - 1


def kept_answers(unit: Unit) -> list[tuple[str, str]]:
    """Every (activity id, prompt id) whose answer the unit keeps, in the data's order: each
    activity's prompts, then the reflective record's parts and details (kept under RECORD_ID)."""
    answers = [(activity.id, prompt.id) for activity in unit.activities.activities for prompt in activity.prompts]
    if unit.reflective_record is not None:
        answers += [(RECORD_ID, part.id) for part in unit.reflective_record.account]
        answers += [(RECORD_ID, detail) for detail in RECORD_DETAILS]
    return answers


def suspend_data_length(answers: list[tuple[str, str]], answer_length: int = MINIMUM_ANSWER_LENGTH) -> int:
    """The characters of cmi.suspend_data for these answers, each `answer_length` long, uncompressed."""
    nested: dict[str, dict[str, str]] = {}
    for activity, prompt in answers:
        nested.setdefault(activity, {})[prompt] = "x" * answer_length
    return len(FORMAT_PREFIX) + len(json.dumps({"t": _WIDEST_STAMP, "a": nested}, separators=(",", ":"), ensure_ascii=False))


def first_over_budget(answers: list[tuple[str, str]], answer_length: int = MINIMUM_ANSWER_LENGTH) -> tuple[str, str] | None:
    """The first answer, in order, with which the answers pass the limit; None when they all fit."""
    if suspend_data_length(answers, answer_length) <= SUSPEND_DATA_LIMIT:
        return None
    for count in range(1, len(answers) + 1):
        if suspend_data_length(answers[:count], answer_length) > SUSPEND_DATA_LIMIT:
            return answers[count - 1]
    return answers[-1]
