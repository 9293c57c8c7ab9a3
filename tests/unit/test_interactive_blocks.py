"""The macros behind the interactive parts: answer boxes, My workbook, the
problem-type self-check and the flocking simulation, rendered without MkDocs."""

from __future__ import annotations

import copy
import json

import pytest
from bs4 import BeautifulSoup

from engine import DATA_DIR, HOSTILE_TEXTS, classified_by_the_script, macros
from course.content.problems import ContentError
from course.content.programme import load_programme
from course.content.self_check import combinations, result_for
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
    assert actions == ["download-text", "download-markdown", "print", "clear"]
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


def problem_check_scenarios(data_dir=DATA_DIR):
    return macros("problems.md", data_dir).problem_check_scenarios()


def test_the_self_check_asks_its_questions_each_with_the_answers_it_offers():
    form = soup(problem_check()).find("form")
    assert form.has_attr("hidden")
    fieldsets = form.find_all("fieldset")
    assert [f.legend.get_text() for f in fieldsets] == ["1. Must someone act within the hour?", "2. Do people agree on the problem?"]
    choices = [[(r["name"], r["value"], r.parent.get_text(strip=True)) for r in f.find_all("input", type="radio")] for f in fieldsets]
    assert choices == [
        [("problem-check-urgent", "yes", "Yes"), ("problem-check-urgent", "no", "No")],  # this question offers no "not sure"
        [("problem-check-agreed", "yes", "Yes"), ("problem-check-agreed", "no", "No"), ("problem-check-agreed", "not-sure", "Not sure")],
    ]
    # A question's hint describes its group of answers.
    assert not fieldsets[0].has_attr("aria-describedby")
    hint = form.find(id=fieldsets[1]["aria-describedby"])
    assert hint.get_text() == "Think of everyone involved." and hint in fieldsets[1].descendants
    assert form.find("label", attrs={"for": "problem-check-problem"})


def test_the_page_data_carries_every_word_the_script_shows():
    data = page_json(problem_check(), "problem-check-data")
    assert data["questions"] == [
        {"id": "urgent", "number": 1, "answers": ["yes", "no"]},
        {"id": "agreed", "number": 2, "answers": ["yes", "no", "not-sure"]},
    ]
    by_id = {result["id"]: result for result in data["results"]}
    assert list(by_id) == ["emergency", "emergency-in-a-mess", "routine", "mess", "ask-first"]
    # Each result's `when` names every question: a question its data leaves out takes any answer it offers.
    assert by_id["emergency-in-a-mess"] == {
        "id": "emergency-in-a-mess",
        "when": {"urgent": ["yes"], "agreed": ["no", "not-sure"]},
        "headline": "An emergency in a mess",
        "types": "Critical (command), Wicked (leadership)",  # each type with its response, from problem_types.yml
        "typeCount": 2,
        "explanation": "Command now, leadership later.",
        "reframe": "Who is calling it an emergency?",
    }
    assert data["scenarios"] == [
        {"id": "fire-alarm", "title": "The fire alarm sounds", "answers": {"urgent": "yes", "agreed": "yes"}},
        {"id": "shared-building", "title": "Sharing a building", "answers": {"urgent": "no", "agreed": "not-sure"}},
    ]
    assert data["copyTo"] == {"activity": "reflect", "prompt": "define", "label": "Self-Activity 3", "number": 1}
    assert data["messages"]["summary"] == "Self-check on The fixture's kinds of problem: {text}"  # the typology's name


@pytest.mark.parametrize("unit", ["unit-1", "unit-2"])
def test_the_script_gives_every_combination_of_answers_the_result_the_data_means(unit):
    """Every set of answers a learner can give, through the page's data and the browser's script: the one
    result make check found for it, never none and never another's (tests/js/problem-check.test.js tests the logic)."""
    page = "problems.md" if unit == "unit-1" else "unit-2/typology.md"
    data = page_json(macros(page).problem_check(), "problem-check-data")
    check = load_programme(DATA_DIR).unit(unit).self_check
    every = list(combinations(check))
    assert len(every) == {"unit-1": 6, "unit-2": 2}[unit]
    assert classified_by_the_script(data, every) == [result_for(check, answers).id for answers in every]


def test_a_result_whose_when_leaves_a_question_out_is_for_any_answer_to_it(make_data_dir):
    def edit(data):
        results = data["self_check.yml"]["results"]
        emergency = {**copy.deepcopy(results[0]), "id": "any-emergency", "when": {"urgent": "yes"}}
        results[:] = [result for result in results if result["when"]["urgent"] == "no"] + [emergency]

    html = problem_check(make_data_dir(edit))
    emergency = next(r for r in page_json(html, "problem-check-data")["results"] if r["id"] == "any-emergency")
    assert emergency["when"] == {"urgent": ["yes"], "agreed": ["yes", "no", "not-sure"]}
    row = soup(html).find(id="problem-check-key-any-emergency")
    assert [cell.get_text() for cell in row.find_all("td")[:2]] == ["Yes", "Any"]


def test_the_key_for_paper_has_a_row_per_result_with_the_answers_it_is_for():
    table = soup(problem_check()).find("table", class_="problem-check__key")
    assert [th.get_text() for th in table.thead.find_all("th")] == ["Question 1", "Question 2", "What it suggests"]
    rows = [[td.get_text(" ", strip=True) for td in row.find_all("td")] for row in table.tbody.find_all("tr")]
    assert [row[:2] for row in rows] == [["Yes", "Yes"], ["Yes", "No or Not sure"], ["No", "Yes"], ["No", "No"], ["No", "Not sure"]]
    assert rows[1][2] == (
        "An emergency in a mess Types: Critical (command), Wicked (leadership) Command now, leadership later. "
        "How else could it be framed? Who is calling it an emergency?"
    )
    assert "Type: Critical (command)" in rows[0][2]  # one type: "Type"


def test_the_self_check_gives_the_framing_point_with_its_source_and_the_caveat():
    check = soup(problem_check())
    assert check.find(class_="problem-check__framing").get_text() == "The kind is partly a choice of framing. (Ann Author, 2005)"
    assert check.find(class_="problem-check__caveat").get_text() == "The kinds are a lens, not a verdict."


def test_the_result_is_a_live_region_and_without_javascript_the_worksheet_is_the_way():
    check = soup(problem_check())
    assert check.find(id="problem-check-result")["role"] == "status"
    note = check.find(class_="problem-check__no-js").get_text()
    assert "needs JavaScript" in note and "worksheet below" in note


def test_each_scenario_has_its_situation_a_button_to_try_it_and_its_model_answer():
    scenarios = soup(problem_check_scenarios())
    assert scenarios.select_one(".problem-scenarios")["class"] == ["problem-scenarios", "site-added"]
    items = scenarios.select(".problem-scenario")
    assert [item["id"] for item in items] == ["problem-scenario-fire-alarm", "problem-scenario-shared-building"]
    shared = items[1]
    assert shared.find("h4").get_text() == "Sharing a building"
    assert shared.select_one(".problem-scenario__situation").get_text() == "Two teams are to share one building."
    button = shared.find("button")
    assert (button["data-scenario"], button.parent.has_attr("hidden")) == ("shared-building", True)  # the script shows it
    model = shared.find("details")
    assert model["id"] == "problem-scenario-shared-building-model" and not model.has_attr("open")
    assert model.summary.get_text() == "Model answer"
    assert [li.get_text(" ", strip=True) for li in model.find_all("li")] == [
        "Must someone act within the hour? No. The move is months away.",
        "Do people agree on the problem? Not sure. No one has asked the teams.",
    ]
    paragraphs = [p.get_text(" ", strip=True) for p in model.find_all("p")]
    assert paragraphs == [
        "Types: Tame (management), Wicked (leadership). The self-check’s result: “Ask first”.",
        "How else could this be framed? Framed as a move, it is routine; framed as two teams becoming one, it is a mess.",
    ]


def test_copying_to_a_prompt_that_does_not_exist_names_the_prompts(make_data_dir):
    def copy_to(activity, prompt):
        def edit(data):
            data["self_check.yml"]["copy_to"] = {"activity": activity, "prompt": prompt}

        with pytest.raises(ContentError) as caught:
            load_programme(make_data_dir(edit))
        return str(caught.value)

    assert "no prompt 'nope'; its prompts: 'define', 'adapt'" in copy_to("reflect", "nope")
    assert "no activity with id 'reflection'" in copy_to("reflection", "define")


def test_without_a_box_to_copy_into_the_self_check_offers_no_copy(make_data_dir):
    html = problem_check(make_data_dir(lambda data: data["self_check.yml"].pop("copy_to")))
    assert page_json(html, "problem-check-data")["copyTo"] is None
    assert not soup(html).find(id="problem-check-copy")


def test_without_scenarios_the_scenarios_list_is_empty_and_the_data_has_none(make_data_dir):
    folder = make_data_dir(lambda data: data["self_check.yml"].pop("scenarios"))
    assert page_json(problem_check(folder), "problem-check-data")["scenarios"] == []
    assert soup(problem_check_scenarios(folder)).select(".problem-scenario") == []


@pytest.mark.parametrize("hostile", HOSTILE_TEXTS + SCRIPT_BREAKERS)
def test_self_check_text_is_escaped(make_data_dir, hostile):
    def edit(data):
        check = data["self_check.yml"]
        check["questions"][0]["text"] = hostile
        check["questions"][1]["hint"] = hostile
        check["caveat"] = check["framing"] = hostile
        check["results"][0].update(headline=hostile, explanation=hostile, reframe=hostile)
        check["scenarios"][0].update(title=hostile, situation=hostile, reframe=hostile)
        check["scenarios"][0]["model_answer"]["answers"][0]["why"] = hostile

    folder = make_data_dir(edit)
    html, scenarios = problem_check(folder), problem_check_scenarios(folder)
    check = soup(html)
    assert len(check.find_all("script")) == 1 and not soup(scenarios).find("script")
    assert check.find("legend").get_text() == f"1. {hostile}"
    assert check.find(class_="problem-check__hint").get_text() == hostile
    assert check.find(class_="problem-check__caveat").get_text() == hostile
    assert check.find(class_="problem-check__framing").get_text().startswith(hostile)
    assert check.find(class_="problem-check__key-headline").get_text() == hostile
    data = page_json(html, "problem-check-data")
    assert data["results"][0]["headline"] == data["results"][0]["explanation"] == data["scenarios"][0]["title"] == hostile
    first = soup(scenarios).select_one(".problem-scenario")
    assert first.find("h4").get_text() == first.select_one(".problem-scenario__situation").get_text() == hostile
    assert first.find("li").get_text().endswith(hostile)


def test_a_scenario_without_its_model_answer_is_a_located_error(make_data_dir):
    folder = make_data_dir(lambda data: data["self_check.yml"]["scenarios"][0].pop("model_answer"))
    with pytest.raises(ContentError) as caught:
        load_programme(folder)
    [problem] = caught.value.problems
    assert str(problem).startswith("data/unit-1/self_check.yml:") and "scenario 'fire-alarm'" in str(problem)
    assert "field 'model_answer'" in str(problem) and "missing" in str(problem)

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
