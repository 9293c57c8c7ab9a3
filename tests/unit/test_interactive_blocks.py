"""The macros behind the interactive parts: answer boxes, My workbook, the
problem-type self-check and the flocking simulation, rendered without MkDocs."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from engine import DATA_DIR, HOSTILE_TEXTS, macros
from course.content.problems import ContentError
from course.content.programme import load_programme
from course.render.figures import flocking_simulation_html as flocking_simulation
from course.render.figures import load_flocking_figure as load_figure


def activity(activity_id):
    return macros("problems.md").activity(activity_id)


def problem_check(data_dir=DATA_DIR):
    return macros("problems.md", data_dir).problem_check()


def my_workbook(data_dir=DATA_DIR):
    return macros("my-workbook.md", data_dir).my_workbook()

# Text that would end a <script> element early if it were not escaped inside JSON.
SCRIPT_BREAKERS = ["</script><script>alert(1)</script>", "<!--", "&amp; 'quote'"]


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def page_json(html: str, element_id: str):
    return json.loads(soup(html).find("script", id=element_id, type="application/json").string)


# --- Answer boxes in every activity ---------------------------------------------------


def test_every_prompt_has_an_answer_box_labelled_by_the_prompt():
    section = soup(activity("reflect")).find("section")
    prompts = section.select("li.activity__prompt")
    assert [prompt["data-prompt"] for prompt in prompts] == ["define", "adapt"]
    for prompt in prompts:
        box = prompt.find("textarea")
        label = section.find(id=box["aria-labelledby"])
        assert label is prompt.find(class_="activity__prompt-text")
        assert box["id"] == f"{prompt['id']}-answer"
        assert (box["data-activity"], box["data-prompt"]) == ("reflect", prompt["data-prompt"])
        assert section.find(id=box["aria-describedby"])["class"] == ["activity__answers-note"]


def test_answer_boxes_wait_for_javascript_and_the_note_says_answers_cannot_be_kept_without_it():
    section = soup(activity("walk")).find("section")
    assert section.find(class_="activity__answer").has_attr("hidden")
    note = section.find(class_="activity__answers-note").get_text()
    assert "cannot be kept" in note and "JavaScript" in note


def test_the_ruled_lines_for_paper_are_kept():
    section = soup(activity("reflect")).find("section")
    for prompt in section.select("li.activity__prompt"):
        space = prompt.find(class_="activity__space")
        assert space["aria-hidden"] == "true"
        assert len(space.find_all(class_="activity__line")) == int(prompt["data-lines"])
        assert prompt.find(class_="activity__answer-print").get_text() == ""


# --- My workbook ------------------------------------------------------------------------


def test_my_workbook_shows_every_activity_of_its_unit_with_its_answer_boxes():
    html = my_workbook()
    page = soup(html).find(id="my-workbook-answers")
    assert [s["id"] for s in page.select("section.activity")] == ["walk", "reflect", "discuss"]  # not the second unit's
    assert [box["id"] for box in page.select("textarea.activity__answer-box")] == [
        "walk--what-happened-answer",
        "reflect--define-answer",
        "reflect--adapt-answer",
        "discuss--problems-answer",
        "discuss--response-answer",
    ]
    second = soup(macros("unit-2/my-workbook.md").my_workbook()).find(id="my-workbook-answers")
    assert [s["id"] for s in second.select("section.activity")] == [
        "fixture-first-reflection",
        "fixture-group-talk",
        "fixture-second-reflection",
    ]


def test_my_workbook_data_lists_every_prompt_in_order_for_the_downloads():
    data = page_json(my_workbook(), "my-workbook-data")
    assert data["unit"] == "Unit 1: Working beyond the team?" and data["programme"] == "Fixture Leadership Programme"
    assert [(a["id"], a["label"], a["title"]) for a in data["activities"]] == [
        ("walk", "Exercise", "Walking together"),
        ("reflect", "Self-Activity 3", "Your own projects"),
        ("discuss", "Discussion", "Talking it through"),
    ]
    assert data["activities"][1]["prompts"] == [
        {"id": "define", "text": "How would you define your problem?"},
        {"id": "adapt", "text": "How might you adapt your approach?"},
    ]


def test_my_workbook_buttons_and_confirmation_wait_for_javascript():
    page = soup(my_workbook()).find(id="my-workbook-answers")
    tools = page.find(class_="my-workbook__tools")
    assert tools.has_attr("hidden")
    actions = [b["data-my-workbook-action"] for b in tools.find_all("button")]
    assert actions == ["download-markdown", "download-text", "print", "clear"]
    dialog = page.find("dialog")
    assert not dialog.has_attr("open")
    assert dialog.find(id=dialog["aria-labelledby"]).get_text() == "Delete all your answers?"
    assert [b.get_text() for b in dialog.find_all("button")] == ["Yes, delete my answers", "No, keep them"]


@pytest.mark.parametrize("hostile", HOSTILE_TEXTS + SCRIPT_BREAKERS)
def test_my_workbook_data_cannot_break_out_of_its_script(make_data_dir, hostile):
    def edit(data):
        data["activities.yml"]["activities"][0]["prompts"][0]["text"] = hostile
        data["activities.yml"]["activities"][0]["title"] = hostile
        data["programme.yml"]["title"] = hostile
        data["programme.yml"]["units"][0]["title"] = hostile

    html = my_workbook(make_data_dir(edit))
    scripts = soup(html).find_all("script")
    assert len(scripts) == 1, "no text may open or close a script element"
    data = json.loads(scripts[0].string)
    assert data["unit"] == f"Unit 1: {hostile}" and data["programme"] == hostile
    assert data["activities"][0]["prompts"][0]["text"] == hostile
    assert "</script" not in scripts[0].string.lower() and "<!--" not in scripts[0].string


# --- Which kind of problem is it? -----------------------------------------------------------


def test_the_self_check_asks_each_types_question_with_yes_no_and_not_sure():
    form = soup(problem_check()).find("form")
    assert form.has_attr("hidden")
    fieldsets = form.find_all("fieldset")
    assert [f.legend.get_text() for f in fieldsets] == [
        "1. Does it threaten survival, with little time to act?",
        "2. Are its causes known, so that existing knowledge applies?",
        "3. Is it messy, with only partial solutions?",
    ]
    for fieldset, type_id in zip(fieldsets, ["critical", "tame", "wicked"]):
        radios = fieldset.find_all("input", type="radio")
        assert {r["name"] for r in radios} == {f"problem-check-{type_id}"}
        assert [(r["value"], r.parent.get_text(strip=True)) for r in radios] == [("yes", "Yes"), ("no", "No"), ("unsure", "Not sure")]
    assert form.find("label", attrs={"for": "problem-check-problem"})


def test_the_self_check_outcomes_come_from_the_typology_data():
    html = problem_check()
    data = page_json(html, "problem-check-data")
    types = load_programme(DATA_DIR).unit("unit-1").problem_types.types
    assert [(t["id"], t["name"], t["response"], t["approach"], t["description"], t["question"]) for t in data["types"]] == [
        (t.id, t.name, t.response, t.approach, t.description, t.check_question) for t in types
    ]
    assert data["copyTo"] == {"activity": "reflect", "prompt": "define", "label": "Self-Activity 3", "number": 1}
    assert soup(html).find(id="problem-check-copy").get_text() == "Copy into Self-Activity 3"


def test_the_self_check_gives_the_datas_caveat():
    caveat = soup(problem_check()).find(class_="problem-check__caveat").get_text()
    assert caveat == "The kinds are a lens, not a verdict."  # problem_types.yml's check_caveat


def test_the_result_is_a_live_region_and_the_no_javascript_note_is_there():
    check = soup(problem_check())
    assert check.find(id="problem-check-result")["role"] == "status"
    assert "needs JavaScript" in check.find(class_="problem-check__no-js").get_text()


def test_copying_to_a_prompt_that_does_not_exist_names_the_prompts(make_data_dir):
    def copy_to(activity, prompt):
        def edit(data):
            data["problem_types.yml"]["check_copy_to"] = {"activity": activity, "prompt": prompt}

        with pytest.raises(ContentError) as caught:
            load_programme(make_data_dir(edit))
        return str(caught.value)

    assert "no prompt 'nope'; its prompts: 'define', 'adapt'" in copy_to("reflect", "nope")
    assert "no activity with id 'reflection'" in copy_to("reflection", "define")


def test_without_a_box_to_copy_into_the_self_check_offers_no_copy(make_data_dir):
    html = problem_check(make_data_dir(lambda data: data["problem_types.yml"].pop("check_copy_to")))
    assert page_json(html, "problem-check-data")["copyTo"] is None
    assert not soup(html).find(id="problem-check-copy")


@pytest.mark.parametrize("hostile", HOSTILE_TEXTS + SCRIPT_BREAKERS)
def test_self_check_text_is_escaped(make_data_dir, hostile):
    def edit(data):
        data["problem_types.yml"]["types"][0]["check_question"] = hostile
        data["problem_types.yml"]["check_caveat"] = hostile

    html = problem_check(make_data_dir(edit))
    check = soup(html)
    assert len(check.find_all("script")) == 1
    assert check.find("legend").get_text() == f"1. {hostile}"
    assert check.find(class_="problem-check__caveat").get_text() == hostile
    assert page_json(html, "problem-check-data")["types"][0]["question"] == hostile


def test_a_problem_type_without_its_question_is_a_located_error(make_data_dir):
    folder = make_data_dir(lambda data: data["problem_types.yml"]["types"][1].pop("check_question"))
    with pytest.raises(ContentError) as caught:
        load_programme(folder)
    [problem] = caught.value.problems
    assert "data/unit-1/problem_types.yml" in str(problem)
    assert "problem type 'tame'" in str(problem) and "field 'check_question'" in str(problem) and "missing" in str(problem)


# --- The flocking simulation ---------------------------------------------------------------


def test_the_simulation_has_labelled_controls_and_a_live_status_hidden_until_javascript():
    block = soup(flocking_simulation()).find(id="flocking-simulation")
    live = block.find(class_="flocking__live")
    assert live.has_attr("hidden")
    assert [b.get_text() for b in live.find_all("button")] == ["Play", "Step", "Reset with a new pick"]
    people = live.find("input", id="flocking-people")
    assert (people["type"], people["min"], people["max"], people["value"]) == ("number", "5", "60", "20")
    assert live.find("label", attrs={"for": "flocking-people"}).get_text() == "Number of people (5 to 60)"
    assert live.find(id="flocking-status")["role"] == "status"
    canvas = live.find("canvas")
    assert canvas["role"] == "img" and canvas["aria-label"]
    assert "flocking-how" in canvas["aria-describedby"].split()
    assert "same distance from both" in block.find(id="flocking-how").get_text()


def test_the_static_figure_shows_the_start_and_the_settled_group_from_the_committed_run():
    figure_data = load_figure()
    svg = soup(flocking_simulation()).find("figure").find("svg")
    assert svg["role"] == "img"
    assert svg.find("title").get_text() and str(figure_data.steps) in svg.find("desc").get_text()
    panels = svg.select("g.flocking__panel")
    assert [p.find("text").get_text() for p in panels] == ["Where they started", f"Settled after {figure_data.steps} steps"]
    for panel in panels:
        assert len(panel.find_all("circle")) == figure_data.people
        assert len(panel.select("circle.flocking__person--highlighted")) == 1
        assert len(panel.find_all("line")) == 2


def test_the_number_of_people_must_be_5_to_60():
    for people in (4, 61):
        with pytest.raises(ValueError, match="5 to 60"):
            flocking_simulation(people)


def test_a_damaged_figure_file_says_how_to_remake_it(tmp_path):
    broken = tmp_path / "flocking_figure.json"
    broken.write_text('{"seed": 3}', encoding="utf-8")
    with pytest.raises(ValueError, match="node scripts/flocking-figure.js"):
        flocking_simulation(figure_file=broken)
