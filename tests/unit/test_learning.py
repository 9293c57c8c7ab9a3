"""What makes a page teach on its own, on the fixture course: the unit's learning outcomes
(outcomes.yml) mapped to pages, and every bad input located."""

from __future__ import annotations

import re
import shutil

import pytest
from bs4 import BeautifulSoup

from engine import DATA_DIR, DOCS_DIR, macros, outline
from course.checks.outcomes import check_outcomes
from course.checks.usage import check_usage
from course.content.problems import ContentError
from course.content.programme import load_programme


def problems_for(make_data_dir, edit) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_programme(make_data_dir(edit))
    return [str(problem) for problem in caught.value.problems]


def line_of(path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if text in line)


# --- Learning outcomes --------------------------------------------------------------


def test_the_outcomes_are_read_with_their_pages():
    outcomes = load_programme(DATA_DIR).unit("unit-1").outcomes
    assert [(o.id, o.pages) for o in outcomes.outcomes] == [
        ("simple-rule", ["together.md"]),
        ("ways-of-organising", ["forms.md"]),
        ("kinds-of-problem", ["problems.md"]),
    ]
    assert [o.id for o in outcomes.on_page("forms.md")] == ["ways-of-organising"]
    assert outcomes.on_page("basics.md") == []
    # outcomes.yml is optional: the second unit has none.
    assert load_programme(DATA_DIR).unit("unit-2").outcomes is None


def test_the_facilitators_guide_lists_the_outcomes_from_outcomes_yml():
    guide = macros("facilitators/index.md").facilitator_guide()
    listed = re.search(r"### Learning outcomes\n\n.*?\n\n((?:- .*\n+)+)", guide)[1]
    assert [line[2:] for line in listed.split("\n") if line] == [
        "Name a simple rule.",
        "Compare ways of organising.",
        "Tell the kinds of problem apart.",
    ]


def test_a_guide_without_outcomes_has_no_outcomes_heading(make_data_dir):
    from course.page_macros import PageMacros

    folder = make_data_dir(lambda data: data.update({"outcomes.yml": None}))
    guide = PageMacros(outline(folder), "facilitators/index.md").facilitator_guide()
    assert "Learning outcomes" not in guide and "### Running order" in guide


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda o: o[0].pop("pages"), "outcome 'simple-rule', field 'pages': this required field is missing"),
        (lambda o: o[0].update(pages=[]), "outcome 'simple-rule', field 'pages'"),
        (lambda o: o[1].update(text=" "), "outcome 'ways-of-organising', field 'text': this text is empty"),
        (lambda o: o[2].update(id="simple-rule"), "two outcomes have the id 'simple-rule'"),
        (lambda o: o[0].update(pages=["together.md", "together.md"]), "together.md is listed twice"),
        (lambda o: o[0].update(outcome="x"), "outcome 'simple-rule', field 'outcome': unknown field"),
    ],
)
def test_a_bad_outcome_is_located(make_data_dir, edit, expected):
    problems = problems_for(make_data_dir, lambda data: edit(data["outcomes.yml"]["outcomes"]))
    assert any(re.search(r"data/unit-1/outcomes\.yml:\d+: ", p) and expected in p for p in problems), problems


def test_the_session_plan_no_longer_holds_the_outcomes(make_data_dir):
    problems = problems_for(make_data_dir, lambda data: data["session.yml"].update(learning_outcomes=["Old."]))
    assert any("session.yml" in p and "field 'learning_outcomes': unknown field" in p for p in problems), problems


def test_an_outcome_on_a_page_that_does_not_exist_is_one_line_at_that_page(make_data_dir):
    folder = make_data_dir(lambda data: data["outcomes.yml"]["outcomes"][1].update(pages=["forms.md", "form.md"]))
    problems = [str(p) for p in check_outcomes(outline(folder))]
    line = line_of(folder / "unit-1" / "outcomes.yml", "- form.md")
    assert [p.split("/data/", 1)[1] for p in problems] == [
        f"unit-1/outcomes.yml:{line}: outcome 'ways-of-organising': there is no page docs/form.md; did you mean forms.md?"
    ]


def test_an_outcome_on_another_units_page_is_refused(make_data_dir):
    folder = make_data_dir(lambda data: data["outcomes.yml"]["outcomes"][0].update(pages=["unit-2/more.md"]))
    problems = [str(p) for p in check_outcomes(outline(folder))]
    line = line_of(folder / "unit-1" / "outcomes.yml", "- unit-2/more.md")
    assert [p.split("/data/", 1)[1] for p in problems] == [
        f"unit-1/outcomes.yml:{line}: outcome 'simple-rule': docs/unit-2/more.md is a page of unit 'unit-2', "
        "not of unit 'unit-1'; name a page of this unit"
    ]


def test_the_fixtures_outcomes_name_real_pages():
    assert check_outcomes(outline()) == []


# --- The closing activity --------------------------------------------------------------


def test_each_unit_has_one_closing_activity():
    programme = outline().programme
    assert [unit.closing_activity.id for unit in programme.units] == ["discuss", "fixture-second-reflection"]


def test_a_unit_without_a_closing_activity_is_one_line(make_data_dir):
    problems = problems_for(make_data_dir, lambda data: data["activities.yml"]["activities"][2].pop("closing"))
    assert len(problems) == 1 and re.search(
        r"data/unit-1/activities\.yml:1: unit 'unit-1' has no closing activity; mark the activity learners meet last, "
        r"on what they take from the unit and will do differently, with 'closing: true'",
        problems[0],
    ), problems


def test_two_closing_activities_are_refused_at_the_second(make_data_dir):
    problems = problems_for(make_data_dir, lambda data: data["activities.yml"]["activities"][1].update(closing=True))
    folder = make_data_dir(lambda data: data["activities.yml"]["activities"][1].update(closing=True))
    line = line_of(folder / "unit-1" / "activities.yml", "- id: discuss")
    assert len(problems) == 1 and problems[0].endswith(
        f"data/unit-1/activities.yml:{line}: activity 'discuss' is marked 'closing: true', as is activity 'reflect'; "
        "a unit has one closing activity"
    ), problems


def test_the_closing_activity_must_be_met_last(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS_DIR, docs)
    page = docs / "problems.md"
    text = page.read_text(encoding="utf-8")
    reflect, discuss = '{{ activity("reflect") }}', '{{ activity("discuss") }}'
    page.write_text(text.replace(reflect, "@@").replace(discuss, reflect).replace("@@", discuss), encoding="utf-8")
    found = outline(DATA_DIR, docs)
    problems = [str(p) for p in check_usage(found)]
    closing_line, reflect_line = line_of(page, discuss), line_of(page, reflect)
    assert problems == [
        f"docs/problems.md:{closing_line}: activity 'discuss' closes the unit ('closing: true'), but readers meet activity "
        f"'reflect' after it (docs/problems.md:{reflect_line}); show the closing activity last, at the end of the unit's last page"
    ]


def test_an_activity_all_the_sites_own_is_labelled_once_at_its_top(make_data_dir):
    folder = make_data_dir(lambda data: data["activities.yml"]["activities"][1].update(added_for_site=["activity"]))
    section = BeautifulSoup(macros("problems.md", folder).activity("reflect"), "html.parser").section
    labels = section.select(".site-added__label")
    assert [label.get_text() for label in labels] == ["Added for this site"]
    assert section.find("p") is labels[0]  # before everything it marks
    closing = BeautifulSoup(macros("problems.md").activity("discuss"), "html.parser").section
    assert "activity--closing" in closing["class"]
