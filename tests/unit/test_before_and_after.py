"""Before and after the session, and each activity on a video call and in a hybrid room, on
the fixture course, without MkDocs: the joining note, the attendance register, the evaluation
form, the certificate of attendance, the self-check's worksheet on paper, and every bad input
located at its file and line."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from engine import HOSTILE_TEXTS, SITE_URL, fixture_data, handouts, macros, outline
from course.checks.before_and_after import check_before_and_after
from course.content.problems import ContentError
from course.content.programme import load_programme
from course.page_macros import PageMacros

DATA = fixture_data()["before_and_after.yml"]


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def problems_for(make_data_dir, edit) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_programme(make_data_dir(edit))
    return [str(problem) for problem in caught.value.problems]


def located(problems: list[str], file: str, *words: str) -> bool:
    return any(p.startswith(f"data/unit-1/{file}:") and p.split(":")[1].isdigit() and all(w in p for w in words) for p in problems)


# --- Online and hybrid: in every activity's notes ------------------------------------------


@pytest.mark.parametrize("field", ["online", "hybrid"])
def test_every_activity_says_how_it_runs_online_and_in_a_hybrid_room(make_data_dir, field):
    problems = problems_for(make_data_dir, lambda d: d["activities.yml"]["activities"][1]["facilitation"].pop(field))
    assert located(problems, "activities.yml", "activity 'reflect'", f"field 'facilitation, {field}'", "missing"), problems
    problems = problems_for(make_data_dir, lambda d: d["activities.yml"]["activities"][1]["facilitation"].update({field: []}))
    assert located(problems, "activities.yml", "activity 'reflect'", f"field 'facilitation, {field}'"), problems


# --- The joining note -------------------------------------------------------------------------


def joining_note(data_dir=None) -> BeautifulSoup:
    page = macros("facilitators/before-and-after.md", data_dir) if data_dir else macros("facilitators/before-and-after.md")
    return soup(page.joining_note())


def renamed_activity(data, old: str, new: str) -> None:
    """An activity's id changed everywhere the fixture's data names it: its entry, the session's parts and
    versions, and the deck."""
    for activity in data["activities.yml"]["activities"]:
        if activity["id"] == old:
            activity["id"] = new
    for part in data["session.yml"]["parts"]:
        if part.get("activity") == old:
            part["activity"] = new
    for version in data["session.yml"]["versions"]:
        for step in version["running_order"]:
            for key in ("part", "debrief"):
                if step.get(key) == old:
                    step[key] = new
    for entry in data.get("deck.yml", {}).get("parts", []):
        if entry.get("part") == old:
            entry["part"] = new


def test_the_joining_note_is_plain_text_to_paste_with_each_page_to_read_at_its_full_address():
    note = joining_note()
    assert note.select_one("#joining-note-subject").get_text() == DATA["joining_note"]["subject"]
    body = note.select_one("#joining-note-body").get_text()
    assert body == (
        "Hello,\n\nThe session is on [day and date] at [place or link].\n\n"
        "Before the session, please read:\n\n"
        f"- Overview: {SITE_URL}\n  What the unit covers.\n"
        f"- The basics: {SITE_URL}basics/\n  The basics, which the session starts from.\n\n"
        "Please bring or have ready:\n\n- A charged phone.\n\n[Your name]\n"
    )
    # The copy buttons wait for the script; each names the text it copies.
    assert [button["data-copy"] for button in note.select("button")] == ["joining-note-subject", "joining-note-body"]
    assert all(tools.has_attr("hidden") for tools in note.select(".joining-note__tools"))
    assert [a["href"] for a in note.select(".joining-note__pre-read a")] == [SITE_URL, f"{SITE_URL}basics/"]


def test_the_joining_note_keeps_data_as_text(make_data_dir):
    def edit(data):
        data["before_and_after.yml"]["joining_note"]["opening"] = [HOSTILE_TEXTS[0], "A *bold* [link](x)"]

    body = joining_note(make_data_dir(edit)).select_one("#joining-note-body")
    assert not body.find("script") and "<script>" in body.get_text() and "A *bold* [link](x)" in body.get_text()


def test_a_page_to_read_that_does_not_exist_is_located(make_data_dir):
    folder = make_data_dir(lambda d: d["before_and_after.yml"]["joining_note"]["pre_read"][1].update(page="basic.md"))
    [problem] = check_before_and_after(outline(folder))
    assert "data/unit-1/before_and_after.yml:9: joining_note, pre_read: " in str(problem), str(problem)
    assert "there is no page docs/basic.md; did you mean basics.md?" in str(problem), str(problem)
    lines = (folder / "unit-1" / "before_and_after.yml").read_text(encoding="utf-8").splitlines()
    assert lines[problem.line - 1].strip() == "- page: basic.md"
    folder = make_data_dir(lambda d: d["before_and_after.yml"]["joining_note"]["pre_read"][1].update(page="unit-2/index.md"))
    [problem] = check_before_and_after(outline(folder))
    assert "is a page of unit 'unit-2', not of unit 'unit-1'" in str(problem)


# --- The attendance register ----------------------------------------------------------------


def test_the_register_is_a_real_table_with_a_row_for_each_person():
    register = soup(macros("facilitators/attendance-register.md").attendance_register())
    assert register.h1.get_text() == "Attendance register"
    table = register.select_one("table.attendance-register__table")
    assert [th.get_text() for th in table.thead.find_all("th")] == ["No.", *DATA["attendance_register"]["columns"]]
    rows = table.tbody.find_all("tr")
    assert len(rows) == DATA["attendance_register"]["rows"]
    assert [row.th.get_text() for row in rows] == [str(n) for n in range(1, DATA["attendance_register"]["rows"] + 1)]
    assert all(row.th["scope"] == "row" and len(row.find_all("td")) == len(DATA["attendance_register"]["columns"]) for row in rows)
    assert [dt.get_text() for dt in register.select(".attendance-register__details dt")] == ["Date", "Where (room or call)", "Facilitator"]


@pytest.mark.parametrize(("edit", "words"), [
    (lambda r: r.update(rows=0), ["field 'attendance_register, rows'"]),
    (lambda r: r.update(rows=61), ["field 'attendance_register, rows'"]),
    (lambda r: r.update(columns=[]), ["field 'attendance_register, columns'"]),
    (lambda r: r.update(colums=["Name"]), ["field 'attendance_register, colums'", "unknown field"]),
])
def test_a_wrong_register_is_located(make_data_dir, edit, words):
    problems = problems_for(make_data_dir, lambda d: edit(d["before_and_after.yml"]["attendance_register"]))
    assert located(problems, "before_and_after.yml", *words), problems


# --- The evaluation form --------------------------------------------------------------------


def evaluation_form() -> BeautifulSoup:
    return soup(macros("facilitators/evaluation-form.md").evaluation_form())


def test_the_evaluation_form_prints_as_a_table_to_tick_and_questions_to_write_on():
    form = evaluation_form()
    evaluation = DATA["evaluation"]
    assert form.h1.get_text() == evaluation["title"]
    table = form.select_one("table.evaluation-form__table")
    assert [th.get_text() for th in table.thead.find_all("th")] == ["Statement", *evaluation["scale"]]
    statements = [s["text"] for s in evaluation["statements"]]
    assert [row.th.get_text() for row in table.tbody.find_all("tr")] == statements
    cells = table.tbody.tr.select("td.evaluation-form__tick")
    assert [(cell["data-statement"], cell["data-answer"], cell.get_text()) for cell in cells] == [
        ("useful", label, label) for label in evaluation["scale"]
    ], "each box is named by its answer for a screen reader"
    questions = form.select(".evaluation-form__questions > li")
    assert [q.select_one(".activity__prompt-text").get_text() for q in questions] == [q["text"] for q in evaluation["questions"]]
    assert len(questions[0].select(".activity__line")) == evaluation["questions"][0]["lines"]


def test_on_screen_the_form_has_a_choice_for_each_statement_kept_like_the_answers():
    form = evaluation_form()
    evaluation = DATA["evaluation"]
    choices = form.select_one(".evaluation-form__choices")
    assert choices.has_attr("hidden"), "shown by its script"
    fieldsets = choices.find_all("fieldset")
    assert [fs.legend.get_text() for fs in fieldsets] == [s["text"] for s in evaluation["statements"]]
    radios = fieldsets[0].find_all("input", type="radio")
    assert [(r["name"], r["value"], r["data-statement"]) for r in radios] == [("evaluation--useful", label, "useful") for label in evaluation["scale"]]
    # The questions are answer boxes, kept by course.js under the form's id, like the reflective record's.
    box = form.select_one("textarea.activity__answer-box")
    assert (box["data-activity"], box["data-prompt"]) == ("evaluation", "best")
    data = json.loads(form.select_one("script#evaluation-data").string)
    assert data["id"] == "evaluation" and data["fileName"] == "unit-1-evaluation"
    assert [s["id"] for s in data["statements"]] == ["useful", "pace"] and data["scale"] == evaluation["scale"]


@pytest.mark.parametrize(("edit", "words"), [
    (lambda e: e["statements"].append({"id": "useful", "text": "Again."}), ["two statements and questions have the id 'useful'"]),
    (lambda e: e["questions"].append({"id": "pace", "text": "Again?", "lines": 2}), ["id 'pace'"]),
    (lambda e: e.update(scale=["Agree"]), ["field 'evaluation, scale'"]),
    (lambda e: e.update(scale=["Agree", "Agree"]), ["'Agree' twice"]),
    (lambda e: e["questions"][0].update(lines=0), ["question 'best', field 'lines'"]),
])
def test_a_wrong_evaluation_form_is_located(make_data_dir, edit, words):
    problems = problems_for(make_data_dir, lambda d: edit(d["before_and_after.yml"]["evaluation"]))
    assert located(problems, "before_and_after.yml", *words), problems


def test_no_activity_may_take_the_id_the_evaluation_is_kept_under(make_data_dir):
    def edit(data):
        renamed_activity(data, data["activities.yml"]["activities"][1]["id"], "evaluation")

    problems = problems_for(make_data_dir, edit)
    assert located(problems, "activities.yml", "activity 'evaluation'", "the evaluation form keeps the learner's answers under this id"), problems


def test_the_privacy_notice_names_what_the_evaluation_form_keeps():
    notice = macros("privacy.md").privacy_notice()
    assert "`fixture-unit-1:answer:evaluation:useful`" in notice or ":answer:evaluation:useful`" in notice
    assert "unit-1-evaluation.txt" in notice and "Clear the form" in notice


# --- The certificate of attendance ----------------------------------------------------------


def test_the_certificate_has_a_line_for_each_field_and_the_unit_filled_in():
    certificate = soup(macros("facilitators/certificate.md").certificate())
    sheet = certificate.select_one(".certificate__sheet")
    assert sheet.h1.get_text() == DATA["certificate"]["title"]
    assert sheet.select_one(".certificate__unit").get_text() == "Unit 1: Working beyond the team?"
    assert [slot["data-certificate-slot"] for slot in sheet.select("[data-certificate-slot]")] == ["learner", "date", "duration", "facilitator"]
    assert [dt.get_text() for dt in sheet.select("dt")] == ["Date", "Duration", "Facilitator", "Facilitator's signature"]
    assert all(slot.get_text() == "" for slot in sheet.select(".certificate__slot")), "blank lines to write on"
    form = certificate.select_one("form.certificate__form")
    assert form.has_attr("hidden")
    assert [field["data-certificate-field"] for field in form.select("input")] == ["learner", "date", "duration", "facilitator"]
    assert all(form.select_one(f"label[for='{field['id']}']") for field in form.select("input")), "every field has its label"


def test_a_page_of_a_unit_without_the_file_is_told_what_to_add(make_data_dir):
    folder = make_data_dir(lambda d: d.update({"before_and_after.yml": None}))
    with pytest.raises(KeyError, match=r"no before_and_after.yml file"):
        PageMacros(outline(folder), "facilitators/certificate.md").certificate()


# --- The self-check's worksheet on paper -----------------------------------------------------


def test_the_self_check_worksheet_is_a_handout_of_its_own_after_the_comparison_tables():
    first = [h for h in handouts() if h.unit_id == "unit-1"]
    assert [h.slug for h in first][-2:] == ["comparison-tables", "self-check"]
    worksheet = first[-1]
    assert worksheet.kind == "self-check" and worksheet.pdf_name == "handout-self-check.pdf"
    assert worksheet.sources == ("self_check.yml", "problem_types.yml")


def test_the_workbook_has_the_worksheet_before_the_activity_its_result_is_copied_into():
    page = macros("workbook.md")
    body = soup(page.workbook_activities())
    copy_to = fixture_data()["self_check.yml"]["copy_to"]["activity"]
    sheets = [child for child in body.select_one(".workbook-activities").find_all(recursive=False)]
    ids = ["worksheet" if "workbook-activities__worksheet" in (child.get("class") or []) else child["id"] for child in sheets]
    assert ids.index("worksheet") == ids.index(copy_to) - 1
    worksheet = body.select_one(".workbook-activities__worksheet .problem-check--worksheet")
    assert worksheet.select_one(".site-added__label") and worksheet.h2.get_text() == "Self-check: which kind of problem is it?"
    assert worksheet.select_one("table.problem-check__key") and worksheet.select(".tick-box")
    cover = soup(page.workbook_cover())
    assert "Self-check: which kind of problem is it?" in [a.get_text() for a in cover.select(".workbook-cover__contents a")]


def test_no_activity_may_take_the_worksheets_handout_id(make_data_dir):
    from course.paper.plan import plan_paper

    def edit(data):
        renamed_activity(data, data["activities.yml"]["activities"][0]["id"], "self-check")

    problems = [str(p) for p in plan_paper(outline(make_data_dir(edit))).problems]
    assert any("activity 'self-check', field 'id': this id is taken by the self-check's worksheet handout" in p for p in problems), problems
