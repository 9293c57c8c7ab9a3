"""The session plan's checks across files: its parts, its versions and the deck.

session.yml lists every part of the session once, at full length (`parts`),
and its running orders (`versions`), each a length in minutes that its lines
add up to. Each version names every part once with a decision, and the
decision must be true of the minutes: a part kept runs at its full length, a
shortened one for less, a cut one not at all (and says what becomes follow-up
work). deck.yml gives each part its slides and speaker notes; a slide or note
may only draw on data the unit has.
"""

from __future__ import annotations

from pathlib import Path

from .problems import Problem
from .yaml_files import line_at, line_of_id, line_of_key

SESSION_FILE = "session.yml"
DECK_FILE = "deck.yml"


def full_minutes(unit, part) -> int:
    """A part's full length: its own minutes, or its activity's (facilitation)."""
    if part.activity is not None:
        return unit.activity(part.activity).facilitation.minutes
    return part.minutes


def check_session(unit, data_dir: Path) -> list[Problem]:
    """The parts name every activity of the unit once, each with notes; every version adds up, with true decisions."""
    file, path = f"{unit.data_folder}/{SESSION_FILE}", data_dir / unit.id / SESSION_FILE
    session, problems = unit.session, []
    known = {activity.id: activity for activity in unit.activities.activities}
    activities_file = f"{unit.data_folder}/activities.yml"
    seen: set[str] = set()
    for index, part in enumerate(session.parts):
        line = line_at(path, ("parts", index))
        if part.key in seen:
            problems.append(Problem(file, line, f"parts: '{part.key}' is listed twice; list each part once"))
        seen.add(part.key)
        if part.activity is None:
            continue
        if part.activity not in known:
            ids = ", ".join(repr(i) for i in known)
            problems.append(Problem(file, line, f"parts: no activity '{part.activity}' in {activities_file}; its activities: {ids}"))
        elif known[part.activity].facilitation is None:
            problems.append(
                Problem(activities_file, line_of_id(data_dir / unit.id / "activities.yml", part.activity), f"activity '{part.activity}' is in the session plan but has no 'facilitation' block; add its facilitator notes")
            )
    for activity_id in known:
        if activity_id not in seen:
            problems.append(
                Problem(file, line_of_key(path, "parts"), f"parts: activity '{activity_id}' is left out; add '- activity: {activity_id}' where it is run")
            )
    if problems:
        return problems
    parts = {part.key: part for part in session.parts}
    defaults = [version for version in session.versions if version.default]
    if len(defaults) != 1:
        problems.append(
            Problem(file, line_of_key(path, "versions"), f"versions: {len(defaults)} are marked 'default: true'; mark exactly one, the one shown first")
        )
    lengths: set[int] = set()
    for number, version in enumerate(session.versions):
        where = ("versions", number)
        if version.minutes in lengths:
            problems.append(Problem(file, line_at(path, where), f"versions: two are {version.minutes} minutes long; give each length once"))
        lengths.add(version.minutes)
        problems += _check_version(unit, version, parts, file, path, where)
    return problems


def _check_version(unit, version, parts: dict, file: str, path: Path, where: tuple) -> list[Problem]:
    """One version: every part once with a decision its minutes bear out, debriefs after their activity, the sum."""
    problems, named, run = [], {}, set()
    name = f"the {version.minutes}-minute version"
    for index, step in enumerate(version.running_order):
        line = line_at(path, (*where, "running_order", index))
        if step.kind == "part":
            if step.part not in parts:
                problems.append(Problem(file, line, f"{name}: no part '{step.part}' in 'parts'; its parts: {', '.join(parts)}"))
                continue
            if step.part in named:
                problems.append(Problem(file, line, f"{name}: part '{step.part}' is named twice; name each part once"))
            named[step.part] = step
            full = full_minutes(unit, parts[step.part])
            if step.decision == "kept" and step.minutes not in (None, full):
                problems.append(
                    Problem(file, line, f"{name}: part '{step.part}' is kept but given {step.minutes} minutes, not its full {full}; "
                            "make it shortened (with 'change'), or leave 'minutes' out")
                )
            if step.decision == "shortened" and step.minutes >= full:
                problems.append(
                    Problem(file, line, f"{name}: part '{step.part}' is shortened to {step.minutes} minutes, but its full length is {full}; "
                            "give it fewer minutes, or make it kept")
                )
            if step.decision != "cut":
                run.add(step.part)
        elif step.kind == "debrief":
            part = parts.get(step.debrief)
            if part is None or part.activity is None:
                problems.append(Problem(file, line, f"{name}: a debrief names '{step.debrief}', which is no activity part in 'parts'"))
            elif step.debrief not in run:
                problems.append(
                    Problem(file, line, f"{name}: the debrief of '{step.debrief}' comes before the activity runs, or it is cut; "
                            "put the debrief after it, or remove the debrief")
                )
    for key in parts:
        if key not in named:
            problems.append(
                Problem(file, line_at(path, where), f"{name}: part '{key}' has no decision; add '- part: {key}' with "
                        "'decision: kept', 'shortened' or 'cut'")
            )
    if not problems:
        total = sum(step_minutes(unit, parts, step) for step in version.running_order)
        if total != version.minutes:
            problems.append(
                Problem(file, line_at(path, (*where, "minutes")), f"{name}: its running order adds up to {total} minutes, not "
                        f"{version.minutes}; change the lines' minutes, or the buffer")
            )
    return problems


def step_minutes(unit, parts: dict, step) -> int:
    """The minutes a line of a running order takes: 0 for a cut part; a kept part's full length unless given."""
    if step.kind == "buffer":
        return step.buffer
    if step.kind == "part":
        if step.decision == "cut":
            return 0
        return step.minutes if step.minutes is not None else full_minutes(unit, parts[step.part])
    return step.minutes


def check_deck(unit, data_dir: Path) -> list[Problem]:
    """Every part of the session has notes in deck.yml, which names no other; each slide and note draws on data that exists."""
    file, path = f"{unit.data_folder}/{DECK_FILE}", data_dir / unit.id / DECK_FILE
    deck = unit.deck
    if unit.session is None:
        return [Problem(file, 1, f"a deck follows the session's parts, but {unit.data_folder} has no {SESSION_FILE}; add one, or remove the deck")]
    parts = {part.key: part for part in unit.session.parts}
    problems, covered = [], set()
    for index, entry in enumerate(deck.parts):
        line = line_at(path, ("parts", index))
        if entry.part not in parts:
            problems.append(Problem(file, line, f"parts: no part '{entry.part}' in {unit.data_folder}/{SESSION_FILE}; its parts: {', '.join(parts)}"))
            continue
        if entry.part in covered:
            problems.append(Problem(file, line, f"parts: '{entry.part}' is listed twice; give each part one entry"))
        covered.add(entry.part)
        if entry.on_screen and parts[entry.part].activity is None:
            problems.append(Problem(file, line_at(path, ("parts", index, "on_screen")), f"part '{entry.part}': 'on_screen' adds lines to an activity's slide, and this part is no activity"))
        if not entry.slides and parts[entry.part].activity is None:
            problems.append(Problem(file, line, f"part '{entry.part}' has no slides; give it at least one (an activity part has its activity's)"))
        for number, slide in enumerate(entry.slides):
            missing = _missing_data(unit, slide)
            if missing:
                problems.append(Problem(file, line_at(path, ("parts", index, "slides", number)), f"part '{entry.part}', slide {number + 1}: {missing}"))
        types = [t.id for t in unit.problem_types.types] if unit.problem_types else []
        for number, example in enumerate(entry.notes.examples):
            if example.type not in types:
                problems.append(
                    Problem(file, line_at(path, ("parts", index, "notes", "examples", number, "type")),
                            f"part '{entry.part}', example {number + 1}: no problem type '{example.type}' in problem_types.yml; "
                            f"its types: {', '.join(types) or 'none (the unit has no problem_types.yml)'}")
                )
    for key in parts:
        if key not in covered:
            problems.append(
                Problem(file, line_of_key(path, "parts"), f"part '{key}' of the session has no slides or speaker notes; add '- part: {key}' with its notes")
            )
    return problems


# The data file each shown block needs.
_SHOWN_FROM = {
    "simple-rules": "simple_rules",
    "comparison": "organisational_forms",
    "typology-figure": "problem_types",
    "typology-table": "problem_types",
}


def _missing_data(unit, slide) -> str | None:
    """What a slide draws on that the unit lacks, in words; None when it is all there."""
    if slide.show in _SHOWN_FROM and getattr(unit, _SHOWN_FROM[slide.show]) is None:
        return f"it shows '{slide.show}', but {unit.data_folder} has no {_SHOWN_FROM[slide.show]}.yml; add it, or show something else"
    if slide.key_points is not None:
        points = unit.key_points.key_points if unit.key_points else {}
        if slide.key_points not in points:
            return f"it shows the key points of '{slide.key_points}', which key_points.yml does not have; its pages: {', '.join(points) or 'none'}"
        beyond = [number for number in slide.only or [] if number > len(points[slide.key_points])]
        if beyond:
            return f"'only' asks for key point {beyond[0]} of '{slide.key_points}', which has {len(points[slide.key_points])}"
    return None
