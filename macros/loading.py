"""Read the YAML files under data/ and validate them into one `Programme`.

data/programme.yml lists the units in order; each unit's files are in the
folder named after its id (data/unit-3/activities.yml, ...).

Errors are collected, not raised one at a time, and each names the file, the
line, the entry and the field, so an author can fix them all in one pass.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from . import models

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

PROGRAMME_FILE = "programme.yml"

# Which schema each of a unit's data files follows. Only activities.yml is
# required; a unit without, say, a typology simply has none.
REQUIRED_FILES = {"activities.yml"}
SCHEMAS: dict[str, type[BaseModel]] = {
    "activities.yml": models.Activities,
    "organisational_forms.yml": models.OrganisationalForms,
    "problem_types.yml": models.ProblemTypes,
    "references.yml": models.References,
    "simple_rules.yml": models.SimpleRules,
}
ENTRY_NAMES = {
    "activities": "activity",
    "forms": "form",
    "types": "problem type",
    "references": "reference",
    "rules": "rule",
    "prompts": "prompt",
    "units": "unit",
}


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class ContentError(Exception):
    """One or more problems in the unit's data; str() lists them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class Unit:
    id: str
    number: int
    title: str
    folder: str  # e.g. "data/unit-3", for messages
    activities: models.Activities
    organisational_forms: models.OrganisationalForms | None = None
    problem_types: models.ProblemTypes | None = None
    references: models.References | None = None
    simple_rules: models.SimpleRules | None = None


@dataclass(frozen=True)
class Programme:
    title: str
    units: tuple[Unit, ...]

    @property
    def activities(self) -> list[models.Activity]:
        """Every activity of every unit, in programme order, labels numbered."""
        return [activity for unit in self.units for activity in unit.activities.activities]

    @property
    def references(self) -> list[models.Reference]:
        return [ref for unit in self.units if unit.references for ref in unit.references.references]

    def activity(self, activity_id: str) -> models.Activity:
        return _find(self.activities, activity_id, "activity", "activities.yml")

    def reference(self, reference_id: str) -> models.Reference:
        return _find(self.references, reference_id, "reference", "references.yml")

    def content(self, name: str):
        """The first unit's data of this kind, e.g. content("problem_types")."""
        for unit in self.units:
            if getattr(unit, name) is not None:
                return getattr(unit, name)
        raise KeyError(f"no unit has a {name}.yml file in its data folder")


def _find(entries, wanted: str, what: str, file: str):
    for entry in entries:
        if entry.id == wanted:
            return entry
    known = ", ".join(repr(e.id) for e in entries)
    raise KeyError(f"no {what} with id {wanted!r} in any unit's {file}; known ids: {known}")


# --- YAML with positions ----------------------------------------------------


_ENTRY_START = re.compile(r"^\s*-\s*id:\s*['\"]?([^'\"#\s]+)")


def _entry_at(text: str, line: int | None) -> str:
    """'in entry 'x', ' for the list entry (by id) that a line falls in, if any."""
    if not line:
        return ""
    for candidate in reversed(text.splitlines()[:line]):
        match = _ENTRY_START.match(candidate)
        if match:
            return f"in entry '{match.group(1)}', "
    return ""


def _compose(text: str, file: str) -> yaml.Node:
    """Parse YAML into nodes (which keep line numbers), refusing tabs and duplicate keys."""
    tabs = [n for n, line in enumerate(text.splitlines(), start=1) if "\t" in line[: len(line) - len(line.lstrip())]]
    if tabs:
        raise ContentError(
            [
                Problem(file, n, f"{_entry_at(text, n)}the line is indented with a tab; YAML needs spaces, so replace the tab with spaces")
                for n in tabs
            ]
        )
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        hint = "check the indentation, colons and quotes on this line and the one before"
        raise ContentError([Problem(file, line, f"{_entry_at(text, line)}this is not valid YAML ({error.problem}); {hint}")]) from None
    if node is None:
        raise ContentError([Problem(file, 1, "the file is empty; it must hold a mapping of fields")])
    duplicates = list(_duplicate_keys(node))
    if duplicates:
        raise ContentError(
            [
                Problem(file, line, f"{_entry_at(text, line)}the key '{key}' appears twice in the same mapping; keep one")
                for key, line in duplicates
            ]
        )
    return node


def _duplicate_keys(node: yaml.Node):
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key, value in node.value:
            if key.value in seen:
                yield key.value, key.start_mark.line + 1
            seen.add(key.value)
            yield from _duplicate_keys(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _duplicate_keys(item)


def _line_of(node: yaml.Node, loc: tuple) -> int:
    """The line of the deepest node on the path `loc` that exists."""
    for step in loc:
        if isinstance(node, yaml.MappingNode):
            match = [value for key, value in node.value if key.value == step]
            if not match:
                break
            node = match[0]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            break
    return node.start_mark.line + 1


def _describe(loc: tuple, raw) -> tuple[str, str]:
    """Split a pydantic error location into (entry, field) in an author's words.

    The entry is the first list item on the path, named by its id when it has
    one: ('activities', 3, 'prompts', 0, 'lines') becomes
    ("activity 'self-activity-8'", "prompts, item 1, lines").
    """
    for index, step in enumerate(loc):
        if isinstance(step, int):
            item = _get(raw, loc[: index + 1])
            ident = item.get("id") if isinstance(item, dict) else None
            name = ENTRY_NAMES.get(str(loc[index - 1]), "entry") if index else "entry"
            entry = f"{name} '{ident}'" if isinstance(ident, str) else f"{name} number {step + 1}"
            return entry, _path_text(loc[index + 1 :])
    return "", _path_text(loc)


def _path_text(loc: tuple) -> str:
    return ", ".join(f"item {step + 1}" if isinstance(step, int) else str(step) for step in loc)


def _get(raw, loc: tuple):
    for step in loc:
        try:
            raw = raw[step]
        except (KeyError, IndexError, TypeError):
            return None
    return raw


def _explain(error: dict) -> str:
    kind, message = error["type"], error["msg"]
    if kind == "extra_forbidden":
        return "unknown field (is it misspelt?); remove it or use one of the fields the schema names"
    if kind == "missing":
        return "this required field is missing; add it"
    if kind == "string_too_short":
        return "this text is empty; write something or remove the entry"
    if kind == "string_too_long":
        return f"this text is longer than the limit; shorten it ({message})"
    message = message.removeprefix("Value error, ")
    return message[0].lower() + message[1:]


def _validate(schema: type[BaseModel], raw, node: yaml.Node, file: str):
    try:
        return schema.model_validate(raw)
    except ValidationError as error:
        problems = []
        for detail in error.errors():
            loc = detail["loc"]
            entry, field = _describe(loc, raw)
            where = ", ".join(part for part in (entry, f"field '{field}'" if field else "") if part)
            problems.append(Problem(file, _line_of(node, loc), f"{where or 'top level'}: {_explain(detail)}"))
        raise ContentError(problems) from None


def load_file(path: Path, schema: type[BaseModel], display_name: str | None = None):
    """Load one data file against its schema, or raise ContentError."""
    file = display_name or path.name
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise ContentError([Problem(file, None, "the data file is missing; restore it from git")]) from None
    except UnicodeDecodeError as error:
        raw = path.read_bytes()
        line = raw[: error.start].count(b"\n") + 1
        entry = _entry_at(raw.decode("utf-8", errors="replace"), line)
        message = f"{entry}this line has bytes that are not UTF-8 text; save the file as UTF-8"
        raise ContentError([Problem(file, line, message)]) from None
    node = _compose(text, file)
    raw = yaml.SafeLoader(text).construct_document(node)
    if not isinstance(raw, dict):
        raise ContentError([Problem(file, 1, f"the file must hold a mapping of fields, not a {type(raw).__name__}")])
    return _validate(schema, raw, node, file)


def _cross_check(programme: Programme) -> list[Problem]:
    """Checks across files and units: known sources, unique ids and labels."""
    problems = []
    known = {r.id for r in programme.references}
    for unit in programme.units:
        for name in ("organisational_forms", "problem_types", "simple_rules"):
            content = getattr(unit, name)
            if content and content.source and content.source not in known:
                problems.append(
                    Problem(f"{unit.folder}/{name}.yml", None, f"field 'source': no reference '{content.source}' in any references.yml")
                )
    for what, entries_of in (
        ("activities", lambda unit: unit.activities.activities),
        ("references", lambda unit: unit.references.references if unit.references else []),
    ):
        owner: dict[str, str] = {}
        for unit in programme.units:
            for entry in entries_of(unit):
                if entry.id in owner:
                    problems.append(
                        Problem(
                            f"{unit.folder}/{what}.yml",
                            None,
                            f"the id '{entry.id}' is also used in unit '{owner[entry.id]}'; ids must be unique across the programme",
                        )
                    )
                owner.setdefault(entry.id, unit.id)
    # Numbered labels ("Self-Activity 8") name one activity each; plain ones
    # ("Discussion") may repeat.
    labels: dict[str, str] = {}
    for unit in programme.units:
        for activity in unit.activities.activities:
            if not re.search(r"\s\d+$", activity.label):
                continue
            if activity.label in labels:
                problems.append(
                    Problem(
                        f"{unit.folder}/activities.yml",
                        None,
                        f"activity '{activity.id}': the label '{activity.label}' is already used by activity '{labels[activity.label]}'; numbered labels must be unique",
                    )
                )
            labels.setdefault(activity.label, activity.id)
    return problems


def number_labels(units: list[Unit], numbering: dict[str, int]) -> list[Unit]:
    """Give each numbered label its running number through the programme.

    With numbering {"Self-Activity": 7}, the activities labelled "Self-Activity"
    become "Self-Activity 7", "Self-Activity 8", ... unit after unit.
    """
    next_number = dict(numbering)
    numbered_units = []
    for unit in units:
        activities = []
        for activity in unit.activities.activities:
            if activity.label in next_number:
                number = next_number[activity.label]
                next_number[activity.label] += 1
                activity = activity.model_copy(update={"label": f"{activity.label} {number}"})
            activities.append(activity)
        numbered_units.append(replace(unit, activities=unit.activities.model_copy(update={"activities": activities})))
    return numbered_units


def _signature(data_dir: Path) -> tuple:
    """Changes whenever a data file changes, so the preview reloads fresh data."""
    return tuple(
        (path.relative_to(data_dir).as_posix(), path.stat().st_mtime_ns, path.stat().st_size)
        for path in sorted(data_dir.rglob("*.yml"))
    ) + ((PROGRAMME_FILE, (data_dir / PROGRAMME_FILE).exists()),)


def load_programme(data_dir: Path = DATA_DIR) -> Programme:
    """All of the programme's data, validated; raises ContentError listing every problem."""
    return _load_programme(Path(data_dir), _signature(Path(data_dir)))


@functools.lru_cache(maxsize=8)
def _load_programme(data_dir: Path, _signature: tuple) -> Programme:
    root = data_dir.name
    programme = load_file(data_dir / PROGRAMME_FILE, models.Programme, f"{root}/{PROGRAMME_FILE}")
    units, problems = [], []
    for entry in programme.units:
        folder = f"{root}/{entry.id}"
        loaded = {}
        for name, schema in SCHEMAS.items():
            path = data_dir / entry.id / name
            if not path.exists() and name not in REQUIRED_FILES:
                continue
            try:
                loaded[name.removesuffix(".yml")] = load_file(path, schema, f"{folder}/{name}")
            except ContentError as error:
                problems.extend(error.problems)
        if "activities" in loaded:
            units.append(Unit(id=entry.id, number=entry.number, title=entry.title, folder=folder, **loaded))
    if problems:
        raise ContentError(problems)
    result = Programme(title=programme.title, units=tuple(number_labels(units, programme.numbering)))
    problems = _cross_check(result)
    if problems:
        raise ContentError(problems)
    return result
