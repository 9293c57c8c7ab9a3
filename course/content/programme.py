"""The programme: its units, in order, each with its validated data.

data/programme.yml lists the units; each unit's files are in the folder named
after its id (data/unit-3/activities.yml, ...). `load_programme` reads and
validates all of them and reports every problem at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import schemas
from .problems import ContentError, Problem
from .self_check import check_self_check
from .session import check_deck, check_session
from .yaml_files import line_of_id, line_of_key, line_of_mention, line_of_value, load_file

PROGRAMME_FILE = "programme.yml"
# What only people can say in the accessibility statement: who runs the site, the contact, the dates.
ACCESSIBILITY_FILE = "accessibility.yml"

# Which schema each of a unit's data files follows. Only activities.yml is
# required; a unit without, say, a typology simply has none.
REQUIRED_FILES = {"activities.yml"}
UNIT_FILES = {
    "activities.yml": schemas.ActivitiesFile,
    "organisational_forms.yml": schemas.OrganisationalFormsFile,
    "problem_types.yml": schemas.ProblemTypesFile,
    "self_check.yml": schemas.SelfCheckFile,
    "references.yml": schemas.ReferencesFile,
    "key_terms.yml": schemas.KeyTermsFile,
    "changed_since.yml": schemas.ChangedSinceFile,
    "simple_rules.yml": schemas.SimpleRulesFile,
    "session.yml": schemas.SessionFile,
    "reflective_record.yml": schemas.ReflectiveRecordFile,
    "outcomes.yml": schemas.OutcomesFile,
    "key_points.yml": schemas.KeyPointsFile,
    "deck.yml": schemas.DeckFile,
    "before_and_after.yml": schemas.BeforeAndAfterFile,
}
# A label such as "Self-Activity 8", numbered by hand or by the programme.
NUMBERED_LABEL = re.compile(r"\s\d+$")


@dataclass(frozen=True)
class Unit:
    id: str
    number: int
    title: str
    pages: str  # the folder of docs/ holding its pages ("" is docs/ itself)
    storage_key: str  # answers are kept in the browser under "<storage_key>:answer:..."
    data_folder: str  # "data/unit-3", for messages
    activities: schemas.ActivitiesFile
    organisational_forms: schemas.OrganisationalFormsFile | None = None
    problem_types: schemas.ProblemTypesFile | None = None
    self_check: schemas.SelfCheckFile | None = None
    references: schemas.ReferencesFile | None = None
    key_terms: schemas.KeyTermsFile | None = None
    changed_since: schemas.ChangedSinceFile | None = None
    simple_rules: schemas.SimpleRulesFile | None = None
    session: schemas.SessionFile | None = None
    reflective_record: schemas.ReflectiveRecordFile | None = None
    outcomes: schemas.OutcomesFile | None = None
    key_points: schemas.KeyPointsFile | None = None
    deck: schemas.DeckFile | None = None
    before_and_after: schemas.BeforeAndAfterFile | None = None

    @property
    def closing_activity(self) -> schemas.Activity | None:
        """The activity that closes the unit (`closing: true`): the loaded programme has exactly one."""
        return next((activity for activity in self.activities.activities if activity.closing), None)

    @property
    def heading(self) -> str:
        """"Unit 3: How to lead beyond your role?", as the unit is named on paper and in downloads."""
        return f"Unit {self.number}: {self.title}"

    @property
    def my_workbook_file(self) -> str:
        """The name (without extension) of the learner's downloaded answers: unit-3-my-workbook."""
        return f"{self.id}-my-workbook"

    def activity(self, activity_id: str) -> schemas.Activity:
        return _find(self.activities.activities, activity_id, "activity", f"{self.data_folder}/activities.yml")

    def changed_since_note(self, note_id: str) -> schemas.ChangedSinceNote:
        """A dated note of changed_since.yml, or KeyError naming the file to add or the known ids."""
        notes = self.require("changed_since")
        return _find(notes.notes, note_id, "note", f"{self.data_folder}/changed_since.yml")

    def require(self, content: str):
        """The unit's data of one kind (e.g. "problem_types"), or KeyError saying which file to add."""
        found = getattr(self, content)
        if found is None:
            raise KeyError(
                f"unit '{self.id}' has no {content}.yml file in its data folder ({self.data_folder}); "
                "add it, or call this macro from a page of a unit that has one"
            )
        return found


@dataclass(frozen=True)
class Programme:
    title: str
    script_namespace: str
    offline_copy: str
    numbering: dict[str, int]
    units: tuple[Unit, ...]
    words_per_minute: int = 200  # the reading speed a page's time to read and do counts
    accessibility: schemas.AccessibilityFile | None = None  # data/accessibility.yml
    folder: str = "data"  # for messages
    reading_order: tuple[str, ...] = field(default=())  # activity ids, as pages show them
    data_labels: dict[str, str] = field(default_factory=dict)  # each activity's label as the data writes it

    @property
    def accessibility_file(self) -> str:
        """data/accessibility.yml, as messages name it."""
        return f"{self.folder}/{ACCESSIBILITY_FILE}"

    @property
    def activities(self) -> list[schemas.Activity]:
        """Every activity of every unit, in programme order (unit by unit, in data order)."""
        return [activity for unit in self.units for activity in unit.activities.activities]

    @property
    def references(self) -> list[schemas.Reference]:
        return [ref for unit in self.units if unit.references for ref in unit.references.references]

    def unit(self, unit_id: str) -> Unit:
        return _find(self.units, unit_id, "unit", f"{self.folder}/{PROGRAMME_FILE}")

    def activity(self, activity_id: str) -> schemas.Activity:
        return _find(self.activities, activity_id, "activity", "activities.yml")

    def unit_of_activity(self, activity_id: str) -> Unit:
        for unit in self.units:
            if any(activity.id == activity_id for activity in unit.activities.activities):
                return unit
        self.activity(activity_id)  # raises, naming the known ids
        raise AssertionError("unreachable")

    def reference(self, reference_id: str) -> schemas.Reference:
        return _find(self.references, reference_id, "reference", "references.yml")

    def in_reading_order(self, order: list[str]) -> Programme:
        """The programme with its numbered labels given in this order of activity ids.

        With numbering {"Self-Activity": 7}, the activities labelled "Self-Activity"
        become "Self-Activity 7", "Self-Activity 8", ... in the order the reader
        meets them; activities no page shows follow, in programme order.
        """
        known = {activity.id for activity in self.activities}
        order = list(dict.fromkeys(activity_id for activity_id in order if activity_id in known))
        order += [activity.id for activity in self.activities if activity.id not in order]
        next_number = dict(self.numbering)
        labels = {}
        for activity_id in order:
            label = self.data_labels[activity_id]
            if label in next_number:
                labels[activity_id] = f"{label} {next_number[label]}"
                next_number[label] += 1
        units = []
        for unit in self.units:
            activities = [
                activity.model_copy(update={"label": labels.get(activity.id, self.data_labels[activity.id])})
                for activity in unit.activities.activities
            ]
            units.append(replace(unit, activities=unit.activities.model_copy(update={"activities": activities})))
        return replace(self, units=tuple(units), reading_order=tuple(order))

    def activities_in_reading_order(self, unit: Unit) -> list[schemas.Activity]:
        """The unit's activities, numbered, in the order a reader meets them."""
        numbered = {activity.id: activity for activity in self.unit(unit.id).activities.activities}
        return [numbered[activity_id] for activity_id in self.reading_order if activity_id in numbered]


def _find(entries, wanted: str, what: str, file: str):
    for entry in entries:
        if entry.id == wanted:
            return entry
    known = ", ".join(repr(e.id) for e in entries)
    raise KeyError(f"no {what} with id {wanted!r} in {file}; known ids: {known}")


# --- Loading --------------------------------------------------------------------


def load_programme(data_dir: Path, folder: str = "data") -> Programme:
    """All of the programme's data, validated, labels numbered in data order.

    Raises ContentError listing every problem; `folder` is how messages name
    the data folder ("data/unit-3/activities.yml:12: ...").
    """
    data_dir = Path(data_dir)
    programme_file = f"{folder}/{PROGRAMME_FILE}"
    units, problems = [], []
    try:
        accessibility = load_file(data_dir / ACCESSIBILITY_FILE, schemas.AccessibilityFile, f"{folder}/{ACCESSIBILITY_FILE}")
    except ContentError as error:
        accessibility, problems = None, list(error.problems)
    try:
        entries = load_file(data_dir / PROGRAMME_FILE, schemas.ProgrammeFile, programme_file)
    except ContentError as error:
        raise ContentError(problems + error.problems) from None
    for entry in entries.units:
        data_folder = f"{folder}/{entry.id}"
        if not (data_dir / entry.id).is_dir():
            problems.append(
                Problem(
                    programme_file,
                    line_of_id(data_dir / PROGRAMME_FILE, entry.id),
                    f"unit '{entry.id}' has no data folder; add {data_folder}/ with at least activities.yml, or remove the unit",
                )
            )
            continue
        loaded = {}
        for name, schema in UNIT_FILES.items():
            path = data_dir / entry.id / name
            if not path.exists() and name not in REQUIRED_FILES:
                continue
            try:
                loaded[name.removesuffix(".yml")] = load_file(path, schema, f"{data_folder}/{name}")
            except ContentError as error:
                problems.extend(error.problems)
        if "activities" in loaded:
            units.append(
                Unit(
                    id=entry.id,
                    number=entry.number,
                    title=entry.title,
                    pages=entry.pages,
                    storage_key=entry.storage_key,
                    data_folder=data_folder,
                    **loaded,
                )
            )
    if problems:
        raise ContentError(problems)
    programme = Programme(
        title=entries.title,
        script_namespace=entries.script_namespace,
        offline_copy=entries.offline_copy,
        numbering=dict(entries.numbering),
        units=tuple(units),
        words_per_minute=entries.words_per_minute,
        accessibility=accessibility,
        folder=folder,
        data_labels={activity.id: activity.label for unit in units for activity in unit.activities.activities},
    )
    problems = _cross_check(programme, data_dir)
    if problems:
        raise ContentError(problems)
    return programme.in_reading_order([])


def _cross_check(programme: Programme, data_dir: Path) -> list[Problem]:
    """Checks across files and units: known sources, unique ids and labels, the self-check (self_check.py)."""
    problems = []
    known = {r.id for r in programme.references}
    for unit in programme.units:
        for name in ("organisational_forms", "problem_types", "simple_rules"):
            content = getattr(unit, name)
            if content and content.source and content.source not in known:
                problems.append(
                    Problem(f"{unit.data_folder}/{name}.yml", None, f"field 'source': no reference '{content.source}' in any references.yml")
                )
        axes = unit.problem_types.axes if unit.problem_types else None
        if axes and axes.source and axes.source not in known:
            problems.append(
                Problem(
                    f"{unit.data_folder}/problem_types.yml",
                    line_of_key(data_dir / unit.id / "problem_types.yml", "axes"),
                    f"field 'axes', 'source': no reference '{axes.source}' in any references.yml; add it there, "
                    "or leave 'source' out if the labels are this site's",
                )
            )
        problems += _check_definition_sources(unit, data_dir, known)
        if unit.self_check is not None:
            problems += check_self_check(unit, data_dir, known)
    for unit in programme.units:
        problems += _check_closing(unit, data_dir)
        if unit.session is not None:
            problems += check_session(unit, data_dir)
        if unit.deck is not None:
            problems += check_deck(unit, data_dir)
        if unit.reflective_record is not None:
            problems += _check_record(unit, data_dir)
        problems += _check_record_id(unit, data_dir)
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
                            f"{unit.data_folder}/{what}.yml",
                            None,
                            f"the id '{entry.id}' is also used in unit '{owner[entry.id]}'; ids must be unique across the programme",
                        )
                    )
                owner.setdefault(entry.id, unit.id)
    # Numbered labels ("Self-Activity 8") name one activity each; plain ones ("Discussion") may repeat.
    numbered = programme.in_reading_order([])
    labels: dict[str, str] = {}
    for unit in numbered.units:
        for activity in unit.activities.activities:
            if not NUMBERED_LABEL.search(activity.label):
                continue
            if activity.label in labels:
                problems.append(
                    Problem(
                        f"{unit.data_folder}/activities.yml",
                        None,
                        f"activity '{activity.id}': the label '{activity.label}' is already used by activity "
                        f"'{labels[activity.label]}'; numbered labels must be unique",
                    )
                )
            labels.setdefault(activity.label, activity.id)
    return problems


def _check_closing(unit: Unit, data_dir: Path) -> list[Problem]:
    """The unit has one closing activity (`closing: true`): what the learner takes from it, and will do."""
    file, path = f"{unit.data_folder}/activities.yml", data_dir / unit.id / "activities.yml"
    closing = [activity for activity in unit.activities.activities if activity.closing]
    if not closing:
        return [
            Problem(
                file,
                line_of_key(path, "activities"),
                f"unit '{unit.id}' has no closing activity; mark the activity learners meet last, on what they take from "
                "the unit and will do differently, with 'closing: true' (see data/unit-3/activities.yml)",
            )
        ]
    return [
        Problem(
            file,
            line_of_id(path, activity.id),
            f"activity '{activity.id}' is marked 'closing: true', as is activity '{closing[0].id}'; a unit has one closing activity",
        )
        for activity in closing[1:]
    ]


def _check_definition_sources(unit: Unit, data_dir: Path, known: set[str]) -> list[Problem]:
    """Every definition and dated note the site adds names references that exist."""
    sourced = {
        "problem_types.yml": [(t.id, "definition", t.definition) for t in (unit.problem_types.types if unit.problem_types else [])],
        "organisational_forms.yml": [
            (f.id, "definition", f.definition) for f in (unit.organisational_forms.forms if unit.organisational_forms else [])
        ],
        "key_terms.yml": [(t.id, "definition", t.definition) for t in (unit.key_terms.terms if unit.key_terms else [])],
        "changed_since.yml": [
            (n.id, f"point {number}", point)
            for n in (unit.changed_since.notes if unit.changed_since else [])
            for number, point in enumerate(n.points, start=1)
        ],
    }
    problems = []
    for name, listed in sourced.items():
        for entry_id, what, words in listed:
            for source in words.sources if words else []:
                if source not in known:
                    problems.append(
                        Problem(
                            f"{unit.data_folder}/{name}",
                            line_of_mention(data_dir / unit.id / name, source),
                            f"'{entry_id}': its {what}'s sources name '{source}', which no references.yml has; "
                            "add the reference, or correct the id",
                        )
                    )
    return problems


# Ids under which the browser keeps a learner's words beside the activities' answers: no activity may take one.
_KEPT_UNDER = {
    schemas.RECORD_ID: "the reflective record keeps the learner's own words under this id",
    schemas.EVALUATION_ID: "the evaluation form keeps the learner's answers under this id",
}


def _check_record_id(unit: Unit, data_dir: Path) -> list[Problem]:
    """No activity takes an id the reflective record or the evaluation form keeps the learner's words under."""
    return [
        Problem(
            f"{unit.data_folder}/activities.yml",
            line_of_id(data_dir / unit.id / "activities.yml", activity.id),
            f"activity '{activity.id}': {_KEPT_UNDER[activity.id]}; give the activity another id",
        )
        for activity in unit.activities.activities
        if activity.id in _KEPT_UNDER
    ]


def _check_record(unit: Unit, data_dir: Path) -> list[Problem]:
    """The record's sources, dimensions and answers drawn on are ones that exist."""
    record, path = unit.reflective_record, data_dir / unit.id / "reflective_record.yml"
    file = f"{unit.data_folder}/reflective_record.yml"
    problems = []
    sources = [source.id for source in record.sources]
    known_sources = ", ".join(repr(source) for source in sources)

    def source_problem(line, where: str, source_id: str) -> None:
        if source_id not in sources:
            problems.append(Problem(file, line, f"{where}: no source '{source_id}' in 'sources'; its sources: {known_sources}"))

    if record.account_source:
        source_problem(line_of_key(path, "account_source"), "field 'account_source'", record.account_source)
    source_problem(line_of_value(path, "source", record.leadership_model.source), "leadership_model, field 'source'", record.leadership_model.source)
    for use in record.uses:
        for source_id in use.sources:
            source_problem(line_of_id(path, use.id), f"use '{use.id}', field 'sources'", source_id)
    dimensions = [dimension.id for dimension in record.leadership_model.dimensions]
    touched: set[str] = set()
    for touch in record.touches:
        line = line_of_value(path, "dimension", touch.dimension)
        if touch.dimension not in dimensions:
            names = ", ".join(repr(dimension) for dimension in dimensions)
            problems.append(Problem(file, line, f"touches: no dimension '{touch.dimension}' in the leadership model; its dimensions: {names}"))
        elif touch.dimension in touched:
            problems.append(Problem(file, line, f"touches: dimension '{touch.dimension}' is named twice; name it once"))
        touched.add(touch.dimension)
    for part in record.account:
        for target in part.draws_on:
            try:
                unit.activity(target.activity).prompt(target.prompt)
            except KeyError as error:
                line = line_of_value(path, "prompt", target.prompt) or line_of_id(path, part.id)
                problems.append(Problem(file, line, f"part '{part.id}', field 'draws_on': {error.args[0]} (in this unit)"))
    return problems
