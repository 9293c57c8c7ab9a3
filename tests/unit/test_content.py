"""Validation of the data files: every bad input gives a clear, located error."""

from __future__ import annotations

import re

import pytest

from engine import DATA_DIR, outline
from course.content.problems import ContentError
from course.content.programme import load_programme


def problems_for(make_data_dir, edit) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_programme(make_data_dir(edit))
    return [str(problem) for problem in caught.value.problems]


def test_the_programme_reads_each_units_data_in_the_order_programme_yml_lists_them():
    programme = load_programme(DATA_DIR)
    assert [unit.id for unit in programme.units] == ["unit-1", "unit-2"]
    assert [a.id for a in programme.activities] == [
        "walk",
        "reflect",
        "discuss",
        "fixture-first-reflection",
        "fixture-group-talk",
        "fixture-second-reflection",
    ]
    unit = programme.unit("unit-1")
    assert [t.id for t in unit.problem_types.types] == ["critical", "tame", "wicked"]
    assert [f.id for f in unit.organisational_forms.forms] == ["market", "hierarchy", "network"]
    assert [r.name for r in unit.simple_rules.rules] == ["Participative", "Emergent"]
    # A unit needs only its activities: the second has no forms, rules or session plan.
    second = programme.unit("unit-2")
    assert second.organisational_forms is None and second.simple_rules is None and second.session is None


def test_self_activities_are_numbered_on_through_the_programme():
    # programme.yml starts Self-Activities at 3; the second unit's follow on from the first's.
    labels = [a.label for a in outline().programme.activities]
    assert labels == ["Exercise", "Self-Activity 3", "Discussion", "Self-Activity 4", "Discussion", "Self-Activity 5"]


def test_a_misspelt_field_names_file_entry_and_field(make_data_dir):
    def edit(data):
        activity = data["activities.yml"]["activities"][1]
        activity["titel"] = activity.pop("title")

    problems = problems_for(make_data_dir, edit)
    assert any(
        p.startswith("data/unit-1/activities.yml:") and "activity 'reflect'" in p and "field 'titel'" in p and "unknown field" in p
        for p in problems
    ), problems
    assert any("field 'title'" in p and "missing" in p for p in problems), problems


def test_a_wrong_type_in_a_nested_prompt_is_located(make_data_dir):
    def edit(data):
        data["activities.yml"]["activities"][1]["prompts"][1]["lines"] = "six"

    [problem] = problems_for(make_data_dir, edit)
    assert "activity 'reflect'" in problem
    assert "field 'prompts, item 2, lines'" in problem
    assert "integer" in problem


def test_the_error_gives_the_line_of_the_bad_value(make_data_dir):
    folder = make_data_dir(lambda data: data["problem_types.yml"]["types"][2].update(response=""))
    text = (folder / "unit-1" / "problem_types.yml").read_text().splitlines()
    with pytest.raises(ContentError) as caught:
        load_programme(folder)
    [problem] = caught.value.problems
    assert "problem type 'wicked'" in str(problem) and "empty" in str(problem)
    assert "response" in text[problem.line - 1]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda d: d["activities.yml"]["activities"][0].update(prompts=[]), "at least 1 item"),
        (lambda d: d["activities.yml"]["activities"][0].update(mode="pairs"), "'individual' or 'group'"),
        (lambda d: d["activities.yml"]["activities"][0]["prompts"][0].update(lines=0), "greater than or equal to 1"),
        (lambda d: d["organisational_forms.yml"]["forms"][1].update(points="Reliable."), "valid list"),
        (lambda d: d["simple_rules.yml"]["rules"][0].update(name="   "), "empty"),
        (lambda d: d["activities.yml"]["activities"][2].update(id="Not A Slug"), "string should match pattern"),
    ],
)
def test_schema_problems_are_explained(make_data_dir, edit, expected):
    problems = problems_for(make_data_dir, edit)
    assert any(expected in p.lower() for p in problems), problems


def test_duplicate_activity_ids_are_refused(make_data_dir):
    problems = problems_for(make_data_dir, lambda d: d["activities.yml"]["activities"][1].update(id="walk"))
    assert any("data/unit-1/activities.yml" in p and "'walk'" in p and "unique" in p for p in problems), problems


def test_duplicate_activity_labels_are_refused(make_data_dir):
    # A hand-numbered label that clashes with one the programme numbers.
    problems = problems_for(make_data_dir, lambda d: d["activities.yml"]["activities"][0].update(label="Self-Activity 3"))
    assert problems == [
        "data/unit-1/activities.yml: activity 'reflect': the label 'Self-Activity 3' is already used by"
        " activity 'walk'; numbered labels must be unique"
    ]


def test_numbering_starts_where_the_programme_says(make_data_dir):
    folder = make_data_dir(lambda d: d["programme.yml"].update(numbering={"Self-Activity": 1, "Discussion": 3}))
    assert [a.label for a in load_programme(folder).activities] == [
        "Exercise",
        "Self-Activity 1",
        "Discussion 3",
        "Self-Activity 2",
        "Discussion 4",
        "Self-Activity 3",
    ]


def test_a_unit_listed_twice_is_refused(make_data_dir):
    problems = problems_for(make_data_dir, lambda d: d["programme.yml"]["units"].append(dict(d["programme.yml"]["units"][0])))
    assert any(p.startswith("data/programme.yml") and "'unit-1'" in p and "unique" in p for p in problems), problems


def test_a_source_must_be_a_known_reference(make_data_dir):
    problems = problems_for(make_data_dir, lambda d: d["problem_types.yml"].update(source="fixture-author-2050"))
    assert problems == ["data/unit-1/problem_types.yml: field 'source': no reference 'fixture-author-2050' in any references.yml"]


def test_the_figures_axis_labels_name_a_known_source(make_data_dir):
    problems = problems_for(make_data_dir, lambda d: d["problem_types.yml"]["axes"].update(source="fixture-author-2050"))
    assert len(problems) == 1
    assert re.fullmatch(r"data/unit-1/problem_types\.yml:\d+: field 'axes', 'source': no reference 'fixture-author-2050' .*", problems[0])


def test_every_problem_is_reported_at_once(make_data_dir):
    def edit(data):
        data["activities.yml"]["activities"][0]["mode"] = "pairs"
        data["problem_types.yml"]["types"][0]["name"] = ""

    problems = problems_for(make_data_dir, edit)
    assert {p.split(":")[0] for p in problems} == {"data/unit-1/activities.yml", "data/unit-1/problem_types.yml"}


def test_yaml_syntax_errors_give_the_line(make_data_dir):
    folder = make_data_dir()
    (folder / "unit-1" / "simple_rules.yml").write_text("heading: Rules\nrules:\n  - name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_programme(folder)
    [problem] = caught.value.problems
    assert problem.file == "data/unit-1/simple_rules.yml" and problem.line is not None
    assert "not valid YAML" in problem.message


def test_duplicate_keys_are_refused(make_data_dir):
    folder = make_data_dir()
    (folder / "unit-1" / "references.yml").write_text(
        "references:\n  - id: a\n    author: A\n    author: B\n    year: 2000\n    used_for: x\n", encoding="utf-8"
    )
    with pytest.raises(ContentError) as caught:
        load_programme(folder)
    assert [str(p) for p in caught.value.problems] == [
        "data/unit-1/references.yml:4: in entry 'a', the key 'author' appears twice in the same mapping; keep one"
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "the file is empty"),
        (b"- just\n- a list\n", "must hold a mapping of fields, not a list"),
        (b"caption: caf\xe9\n", "not UTF-8 text; save the file as UTF-8"),
    ],
)
def test_files_of_the_wrong_shape_are_refused(make_data_dir, content, expected):
    folder = make_data_dir()
    (folder / "unit-1" / "organisational_forms.yml").write_bytes(content)
    with pytest.raises(ContentError) as caught:
        load_programme(folder)
    [problem] = caught.value.problems
    assert problem.file == "data/unit-1/organisational_forms.yml" and expected in problem.message


def test_a_missing_file_is_named(make_data_dir):
    folder = make_data_dir()
    (folder / "unit-1" / "activities.yml").unlink()
    with pytest.raises(ContentError) as caught:
        load_programme(folder)
    assert [str(p) for p in caught.value.problems] == ["data/unit-1/activities.yml: the data file is missing; restore it from git"]


def test_a_unit_needs_only_its_activities(make_data_dir):
    folder = make_data_dir(lambda d: d.update({"deck.yml": None}))  # the deck shows the simple rules
    (folder / "unit-1" / "simple_rules.yml").unlink()
    programme = load_programme(folder)
    with pytest.raises(KeyError, match="unit 'unit-1' has no simple_rules.yml file in its data folder"):
        programme.unit("unit-1").require("simple_rules")


def test_edited_data_is_reloaded(make_data_dir):
    folder = make_data_dir()
    assert load_programme(folder).unit("unit-1").simple_rules.heading == "Some simple rules"
    path = folder / "unit-1" / "simple_rules.yml"
    path.write_text(path.read_text().replace("Some simple", "A few simple"), encoding="utf-8")
    assert load_programme(folder).unit("unit-1").simple_rules.heading == "A few simple rules"


# --- The programme: its units and what the browser code keeps -------------------------------


def test_a_unit_listed_without_a_data_folder_is_named(make_data_dir):
    def edit(data):
        data["programme.yml"]["units"].append(
            {"id": "unit-5", "number": 5, "title": "Missing", "pages": "unit-5", "storage_key": "fixture-unit5"}
        )

    # The copy's programme.yml is written by yaml.safe_dump: the new unit's entry starts on line 17.
    assert problems_for(make_data_dir, edit) == [
        "data/programme.yml:17: unit 'unit-5' has no data folder; add data/unit-5/ with at least activities.yml, or remove the unit"
    ]


@pytest.mark.parametrize("field", ["number", "pages", "storage_key"])
def test_two_units_may_not_share_a_number_a_folder_or_a_storage_key(make_data_dir, field):
    def edit(data):
        second = {"id": "unit-4", "number": 4, "title": "Another", "pages": "unit-4", "storage_key": "fixture-unit4"}
        second[field] = data["programme.yml"]["units"][0][field]
        data["programme.yml"]["units"].append(second)

    problems = problems_for(make_data_dir, edit)
    assert any(p.startswith("data/programme.yml:") and f"units 'unit-1' and 'unit-4' have the same {field}" in p for p in problems), problems


def test_the_script_namespace_must_be_a_javascript_name(make_data_dir):
    problems = problems_for(make_data_dir, lambda d: d["programme.yml"].update(script_namespace="pcn-programme"))
    assert any("field 'script_namespace'" in p and "pattern" in p for p in problems), problems


# --- The self-check (self_check.yml): every combination of answers has one result -----------------


def self_check_problems(make_data_dir, edit) -> tuple[list[str], list[str]]:
    """The problems an edit of the fixture's self_check.yml makes, and the edited file's lines (as written)."""
    folder = make_data_dir(edit)
    lines = (folder / "unit-1" / "self_check.yml").read_text(encoding="utf-8").splitlines()
    with pytest.raises(ContentError) as caught:
        load_programme(folder)
    return [str(problem) for problem in caught.value.problems], lines


def line_of(lines: list[str], text: str, after: str | None = None) -> int:
    """The number of the first line holding `text` (after the first holding `after`)."""
    start = next(n for n, line in enumerate(lines) if after in line) if after else 0
    return next(n for n, line in enumerate(lines) if n >= start and text in line) + 1


SELF_CHECK = "data/unit-1/self_check.yml"


def test_the_self_check_copies_into_a_prompt_of_its_own_unit(make_data_dir):
    problems, lines = self_check_problems(make_data_dir, lambda d: d["self_check.yml"]["copy_to"].update(prompt="nope"))
    assert problems == [
        f"{SELF_CHECK}:{line_of(lines, 'copy_to:')}: field 'copy_to': activity 'reflect' has no prompt 'nope'; "
        "its prompts: 'define', 'adapt' (in this unit)"
    ]


def test_a_scenario_without_a_model_answer_is_located(make_data_dir):
    problems, lines = self_check_problems(make_data_dir, lambda d: d["self_check.yml"]["scenarios"][1].pop("model_answer"))
    assert problems == [
        f"{SELF_CHECK}:{line_of(lines, 'id: shared-building')}: scenario 'shared-building', field 'model_answer': "
        "this required field is missing; add it"
    ]


def test_a_result_naming_an_unknown_type_is_located(make_data_dir):
    problems, lines = self_check_problems(make_data_dir, lambda d: d["self_check.yml"]["results"][3]["types"].append("chaotic"))
    assert problems == [
        f"{SELF_CHECK}:{line_of(lines, '- chaotic')}: result 'mess': no problem type 'chaotic' in data/unit-1/problem_types.yml; "
        "use one of 'critical', 'tame', 'wicked'"
    ]


def test_a_scenario_naming_an_unknown_type_is_located(make_data_dir):
    problems, lines = self_check_problems(make_data_dir, lambda d: d["self_check.yml"]["scenarios"][0]["model_answer"].update(types=["crtical"]))
    assert problems == [
        f"{SELF_CHECK}:{line_of(lines, '- crtical')}: scenario 'fire-alarm': no problem type 'crtical' in data/unit-1/problem_types.yml; "
        "use one of 'critical', 'tame', 'wicked'"
    ]


def test_a_combination_of_answers_without_a_result_is_named(make_data_dir):
    def edit(data):
        results = data["self_check.yml"]["results"]
        results[:] = [result for result in results if result["id"] != "mess"]

    problems, lines = self_check_problems(make_data_dir, edit)
    assert problems == [
        f"{SELF_CHECK}:{line_of(lines, 'results:')}: no result for the answers (urgent 'no', agreed 'no'); "
        "add a result, or widen a result's 'when' to cover them"
    ]


def test_many_combinations_without_a_result_are_counted_after_the_first_three(make_data_dir):
    problems, _ = self_check_problems(make_data_dir, lambda d: d["self_check.yml"].update(results=d["self_check.yml"]["results"][:1]))
    assert problems[0].endswith(
        "no result for the answers (urgent 'yes', agreed 'no') and (urgent 'yes', agreed 'not-sure') and (urgent 'no', agreed 'yes') "
        "and 2 more; add a result, or widen a result's 'when' to cover them"
    )


def test_two_results_for_the_same_answers_are_named(make_data_dir):
    problems, lines = self_check_problems(make_data_dir, lambda d: d["self_check.yml"]["results"][3]["when"].update(agreed=["no", "not-sure"]))
    assert problems == [
        f"{SELF_CHECK}:{line_of(lines, 'when:', after='id: ask-first')}: results 'mess' and 'ask-first' are both for the answers "
        "(urgent 'no', agreed 'not-sure'); narrow one's 'when' so each set of answers has one result"
    ]


def test_a_when_naming_an_unknown_question_or_answer_is_located(make_data_dir):
    def edit(data):
        results = data["self_check.yml"]["results"]
        results[0]["when"]["urgnet"] = results[0]["when"].pop("urgent")
        results[2]["when"]["agreed"] = "maybe"

    problems, lines = self_check_problems(make_data_dir, edit)
    assert problems == [
        f"{SELF_CHECK}:{line_of(lines, 'urgnet:')}: result 'emergency': 'when' names the question 'urgnet', "
        "which is not one of the questions; use one of 'urgent', 'agreed'",
        f"{SELF_CHECK}:{line_of(lines, 'agreed: maybe')}: result 'routine': question 'agreed' has no answer 'maybe'; "
        "it offers 'yes', 'no', 'not-sure'",
    ]


def test_an_answer_a_question_does_not_offer_is_refused_in_when(make_data_dir):
    # The first question offers yes and no only.
    problems, lines = self_check_problems(make_data_dir, lambda d: d["self_check.yml"]["results"][0]["when"].update(urgent="not-sure"))
    assert problems == [
        f"{SELF_CHECK}:{line_of(lines, 'urgent: not-sure')}: result 'emergency': question 'urgent' has no answer 'not-sure'; it offers 'yes', 'no'"
    ]


def test_a_question_offering_an_answer_the_file_does_not_list_is_located(make_data_dir):
    problems, lines = self_check_problems(make_data_dir, lambda d: d["self_check.yml"]["questions"][0]["answers"].append("perhaps"))
    assert problems == [f"{SELF_CHECK}:{line_of(lines, '- perhaps')}: question 'urgent': no answer 'perhaps' in 'answers'; use one of 'yes', 'no', 'not-sure'"]


@pytest.mark.parametrize(
    ("change", "found", "message"),
    [
        (lambda answers: answers[0].update(question="urgnet"), "question: urgnet", "no question 'urgnet'; answer one of 'urgent', 'agreed'"),
        (lambda answers: answers[1].update(question="urgent"), "question: urgent", "the question 'urgent' is answered twice; answer it once"),
        (lambda answers: answers[0].update(answer="not-sure"), "answer: not-sure", "question 'urgent' has no answer 'not-sure'; it offers 'yes', 'no'"),
    ],
    ids=["unknown question", "question answered twice", "answer not offered"],
)
def test_a_model_answers_mistakes_are_located(make_data_dir, change, found, message):
    problems, lines = self_check_problems(make_data_dir, lambda d: change(d["self_check.yml"]["scenarios"][0]["model_answer"]["answers"]))
    line = line_of(lines, found, after="id: fire-alarm") if "twice" not in message else line_of(lines, found, after="why: The building")
    assert problems[0] == f"{SELF_CHECK}:{line}: scenario 'fire-alarm': {message}"


def test_a_model_answer_must_answer_every_question(make_data_dir):
    problems, lines = self_check_problems(make_data_dir, lambda d: d["self_check.yml"]["scenarios"][0]["model_answer"]["answers"].pop())
    assert problems == [
        f"{SELF_CHECK}:{line_of(lines, 'answers:', after='id: fire-alarm')}: scenario 'fire-alarm': the model answer does not answer 'agreed'; answer every question"
    ]


def test_a_model_answer_agrees_with_the_result_its_answers_lead_to(make_data_dir):
    problems, lines = self_check_problems(make_data_dir, lambda d: d["self_check.yml"]["scenarios"][1]["model_answer"].update(types=["wicked"]))
    assert problems == [
        f"{SELF_CHECK}:{line_of(lines, 'types:', after='id: shared-building')}: scenario 'shared-building': its answers lead to the result "
        "'ask-first', whose types are 'tame', 'wicked', not 'wicked'; change its answers or its types so the self-check agrees with the model answer"
    ]


def test_the_framing_point_cites_a_known_reference(make_data_dir):
    problems, lines = self_check_problems(make_data_dir, lambda d: d["self_check.yml"].update(framing_source="fixture-author-2050"))
    assert problems == [f"{SELF_CHECK}:{line_of(lines, 'framing_source:')}: field 'framing_source': no reference 'fixture-author-2050' in any references.yml"]


def test_answers_written_as_a_bare_yes_or_no_are_the_answers_yes_and_no(tmp_path, make_data_dir):
    """YAML reads a bare yes or no as true or false; in self_check.yml they mean the answers "yes" and "no"."""
    folder = make_data_dir()
    path = folder / "unit-1" / "self_check.yml"
    path.write_text((DATA_DIR / "unit-1" / "self_check.yml").read_text(encoding="utf-8").replace('"yes"', "yes").replace('"no"', "no"), encoding="utf-8")
    assert 'urgent: yes' in path.read_text(encoding="utf-8")
    assert load_programme(folder).unit("unit-1").self_check == load_programme(DATA_DIR).unit("unit-1").self_check


# --- The session plan and facilitator notes ---------------------------------------


def located(problems: list[str], file: str, *words: str) -> bool:
    """Some problem names the file with a line number and says every one of `words`."""
    return any(p.startswith(f"data/unit-1/{file}:") and p.split(":")[1].isdigit() and all(w in p for w in words) for p in problems)


def test_a_facilitation_block_missing_a_field_is_located(make_data_dir):
    problems = problems_for(make_data_dir, lambda d: d["activities.yml"]["activities"][2]["facilitation"].pop("bridge"))
    assert located(problems, "activities.yml", "activity 'discuss'", "field 'facilitation, bridge'", "missing"), problems


@pytest.mark.parametrize("minutes", [0, -5, 2.5, "ten"])
def test_minutes_must_be_a_positive_whole_number(make_data_dir, minutes):
    problems = problems_for(make_data_dir, lambda d: d["activities.yml"]["activities"][1]["facilitation"].update(minutes=minutes))
    assert located(problems, "activities.yml", "activity 'reflect'", "field 'facilitation, minutes'"), problems
    problems = problems_for(make_data_dir, lambda d: d["session.yml"]["parts"][0].update(minutes=minutes))
    assert located(problems, "session.yml", "part 'welcome'", "field 'minutes'"), problems
    problems = problems_for(make_data_dir, lambda d: d["session.yml"]["versions"][0]["running_order"][2].update(minutes=minutes))
    assert located(problems, "session.yml", "version number 1", "field 'running_order, item 3, minutes'"), problems


def test_the_parts_cannot_name_an_activity_that_does_not_exist(make_data_dir):
    problems = problems_for(make_data_dir, lambda d: d["session.yml"]["parts"][1].update(activity="walking"))
    assert located(problems, "session.yml", "parts: no activity 'walking'", "'walk'"), problems
    assert located(problems, "session.yml", "activity 'walk' is left out"), problems


def test_the_parts_cannot_leave_an_activity_out_or_name_it_twice(make_data_dir):
    def edit(data):
        parts = data["session.yml"]["parts"]
        parts[:] = [part for part in parts if part.get("activity") != "discuss"] + [{"activity": "walk"}]

    problems = problems_for(make_data_dir, edit)
    assert located(problems, "session.yml", "activity 'discuss' is left out"), problems
    assert located(problems, "session.yml", "'walk' is listed twice"), problems


def refused(make_data_dir, edit) -> tuple[str, str]:
    """The one problem an edit of the fixture's data makes, and the line of session.yml it points to."""
    folder = make_data_dir(edit)
    with pytest.raises(ContentError) as caught:
        load_programme(folder)
    [problem] = caught.value.problems
    lines = (folder / "unit-1" / problem.file.rsplit("/", 1)[1]).read_text(encoding="utf-8").splitlines()
    return str(problem), lines[problem.line - 1].strip()


def test_a_version_whose_minutes_do_not_add_up_is_refused_at_its_length(make_data_dir):
    problem, line = refused(make_data_dir, lambda d: d["session.yml"]["versions"][0].update(minutes=50))
    assert problem.startswith("data/unit-1/session.yml:")
    assert problem.endswith("the 50-minute version: its running order adds up to 45 minutes, not 50; change the lines' minutes, or the buffer")
    assert line == "- minutes: 50"


def test_a_version_that_names_an_unknown_part_is_refused_at_that_line(make_data_dir):
    problem, line = refused(make_data_dir, lambda d: d["session.yml"]["versions"][1]["running_order"].insert(2, {"part": "rules", "decision": "kept"}))
    assert "the 30-minute version: no part 'rules' in 'parts'" in problem and line == "- part: rules"


def test_every_part_needs_a_decision_in_every_version(make_data_dir):
    problem, line = refused(make_data_dir, lambda d: d["session.yml"]["versions"][1]["running_order"].pop(1))
    assert "the 30-minute version: part 'walk' has no decision; add '- part: walk' with 'decision: kept', 'shortened' or 'cut'" in problem
    assert line == "- minutes: 30"
    problems = problems_for(make_data_dir, lambda d: d["session.yml"]["versions"][0]["running_order"][0].pop("decision"))
    assert located(problems, "session.yml", "version number 1", "part 'welcome' has no 'decision'; give kept, shortened or cut"), problems


@pytest.mark.parametrize(
    ("line", "change", "says"),
    [
        (0, {"minutes": 4}, "part 'welcome' is kept but given 4 minutes, not its full 5"),
        (4, {"minutes": 6}, "part 'simple-rules' is shortened to 6 minutes, but its full length is 5"),
    ],
)
def test_a_decision_must_be_true_of_its_minutes(make_data_dir, line, change, says):
    def edit(data):
        data["session.yml"]["versions"][0]["running_order"][line].update(change)
        data["session.yml"]["versions"][0]["minutes"] += change["minutes"] - (5 if line == 0 else 3)

    problem, _ = refused(make_data_dir, edit)
    assert says in problem, problem


def test_a_cut_part_takes_no_minutes_and_says_what_becomes_follow_up_work(make_data_dir):
    problems = problems_for(make_data_dir, lambda d: d["session.yml"]["versions"][1]["running_order"][1].pop("follow_up"))
    assert located(problems, "session.yml", "part 'walk' is cut; say in 'follow_up' what becomes follow-up work"), problems
    problems = problems_for(make_data_dir, lambda d: d["session.yml"]["versions"][1]["running_order"][1].update(minutes=3))
    assert located(problems, "session.yml", "part 'walk' is cut, so it takes no minutes"), problems


def test_a_debrief_follows_its_activity_in_the_version(make_data_dir):
    def edit(data):
        order = data["session.yml"]["versions"][0]["running_order"]
        order.insert(0, order.pop(3))  # the walk's debrief, before the walk

    problem, line = refused(make_data_dir, edit)
    assert "the debrief of 'walk' comes before the activity runs, or it is cut" in problem and line == "- debrief: walk"


def test_exactly_one_version_is_the_default(make_data_dir):
    problem, line = refused(make_data_dir, lambda d: d["session.yml"]["versions"][1].update(default=True))
    assert "versions: 2 are marked 'default: true'; mark exactly one" in problem and line == "versions:"


def test_a_part_is_an_activity_or_a_timed_part_never_both(make_data_dir):
    problems = problems_for(make_data_dir, lambda d: d["session.yml"]["parts"][1].update(minutes=15))
    assert located(problems, "session.yml", "(activity 'walk')", "set it in activities.yml"), problems
    problems = problems_for(make_data_dir, lambda d: d["session.yml"]["parts"][0].pop("minutes"))
    assert located(problems, "session.yml", "part 'welcome'", "needs a 'title' (what happens) and 'minutes'"), problems


# --- The deck ----------------------------------------------------------------------------


def test_every_part_needs_speaker_notes(make_data_dir):
    problem, line = refused(make_data_dir, lambda d: d["deck.yml"]["parts"].pop(3))
    assert problem.startswith("data/unit-1/deck.yml:")
    assert "part 'reflect' of the session has no slides or speaker notes; add '- part: reflect' with its notes" in problem
    assert line == "parts:"
    problems = problems_for(make_data_dir, lambda d: d["deck.yml"]["parts"][3].pop("notes"))
    assert located(problems, "deck.yml", "part 'reflect'", "field 'notes'", "missing"), problems


def test_a_deck_entry_names_a_part_of_the_session(make_data_dir):
    problem, line = refused(make_data_dir, lambda d: d["deck.yml"]["parts"].append({"part": "lunch", "notes": {"key_messages": ["Eat."]}}))
    assert "parts: no part 'lunch' in data/unit-1/session.yml" in problem and line == "- part: lunch"


@pytest.mark.parametrize(
    ("edit", "says"),
    [
        (lambda d: d["deck.yml"]["parts"][2]["slides"][1].update(key_points="nowhere.md"), "slide 2: it shows the key points of 'nowhere.md', which key_points.yml does not have"),
        (lambda d: d.update({"simple_rules.yml": None}), "slide 1: it shows 'simple-rules', but data/unit-1 has no simple_rules.yml"),
        (lambda d: d["deck.yml"]["parts"][4]["notes"]["examples"][0].update(type="urgent"), "example 1: no problem type 'urgent' in problem_types.yml"),
        (lambda d: d["deck.yml"]["parts"][2]["slides"][1].update(only=[2, 4]), "slide 2: 'only' asks for key point 4 of 'together.md', which has 3"),
    ],
)
def test_a_slide_or_note_may_only_draw_on_data_that_exists(make_data_dir, edit, says):
    problems = problems_for(make_data_dir, edit)
    [problem] = [p for p in problems if "deck.yml" in p]
    assert says in problem, problems
    assert located(problems, "deck.yml", says)


def test_a_slide_shows_one_thing(make_data_dir):
    problems = problems_for(make_data_dir, lambda d: d["deck.yml"]["parts"][0]["slides"][2].update(show="title"))
    assert located(problems, "deck.yml", "part 'welcome'", "give a slide one of 'show'"), problems


def test_an_activity_in_the_session_needs_facilitator_notes(make_data_dir):
    problems = problems_for(make_data_dir, lambda d: d["activities.yml"]["activities"][2].pop("facilitation"))
    assert located(problems, "activities.yml", "activity 'discuss' is in the session plan but has no 'facilitation' block"), problems


def test_added_for_site_names_parts_of_its_activity(make_data_dir):
    problems = problems_for(make_data_dir, lambda d: d["activities.yml"]["activities"][0].update(added_for_site=["debrief"]))
    assert located(problems, "activities.yml", "activity 'walk'", "added_for_site names 'debrief'", "'what-happened'"), problems
