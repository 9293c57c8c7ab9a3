"""The reflective record on My workbook, without MkDocs: its data (data/<unit>/reflective_record.yml)
with every kind of mistake, each one located; the form, the sheet and the uses as rendered; the
data the browser makes the record from."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from engine import DATA_DIR, HOSTILE_TEXTS, UNIT, fixture_data, macros
from course.content.problems import ContentError
from course.content.programme import load_programme
from course.content.schemas import RECORD_ID

RECORD = fixture_data()["reflective_record.yml"]
FILE = f"data/{UNIT}/reflective_record.yml"


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def record_html(data_dir=DATA_DIR, page="my-workbook.md") -> str:
    return macros(page, data_dir).reflective_record()


def record_data(data_dir=DATA_DIR) -> dict:
    return json.loads(soup(record_html(data_dir)).find("script", id=f"{RECORD_ID}-data", type="application/json").string)


def problems_of(data_dir) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_programme(data_dir)
    return [str(problem) for problem in caught.value.problems]


def line_in(data_dir, text: str) -> int:
    lines = (data_dir / UNIT / "reflective_record.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


# --- The data, and each mistake in it, located ----------------------------------------------


def test_the_record_is_read_with_its_parts_model_dimensions_uses_and_sources():
    record = load_programme(DATA_DIR).unit(UNIT).reflective_record
    assert [part.id for part in record.account] == [part["id"] for part in RECORD["account"]]
    assert [dimension.name for dimension in record.leadership_model.dimensions] == [d["name"] for d in RECORD["leadership_model"]["dimensions"]]
    assert [touch.dimension for touch in record.touches] == [touch["dimension"] for touch in RECORD["touches"]]
    assert load_programme(DATA_DIR).unit("unit-2").reflective_record is None, "a unit needs no record"


def _edit(record: dict, change) -> None:
    change(record)


MISTAKES = {
    "a dimension touched that the model lacks": (
        lambda r: r["touches"][0].update(dimension="listening"),
        "dimension: listening",
        "touches: no dimension 'listening' in the leadership model; its dimensions: 'seeing', 'asking', 'keeping'",
    ),
    "a dimension touched twice": (
        lambda r: r["touches"][1].update(dimension=r["touches"][0]["dimension"]),
        None,  # the second naming's line
        "touches: dimension 'seeing' is named twice; name it once",
    ),
    "a use citing a source not listed": (
        lambda r: r["uses"][0].update(sources=["nowhere"]),
        "- id: everyone",
        "use 'everyone', field 'sources': no source 'nowhere' in 'sources'; its sources: 'fixture-guide', 'fixture-model'",
    ),
    "the parts following a source not listed": (
        lambda r: r.update(account_source="nowhere"),
        "account_source:",
        "field 'account_source': no source 'nowhere' in 'sources'",
    ),
    "the model's source not listed": (
        lambda r: r["leadership_model"].update(source="nowhere"),
        "source: nowhere",
        "leadership_model, field 'source': no source 'nowhere' in 'sources'",
    ),
    "an answer drawn on from a prompt that does not exist": (
        lambda r: r["account"][1]["draws_on"][0].update(prompt="adopt"),
        "prompt: adopt",
        "part 'learning', field 'draws_on': activity 'reflect' has no prompt 'adopt'; its prompts: 'define', 'adapt' (in this unit)",
    ),
    "an answer drawn on from an activity of another unit": (
        lambda r: r["account"][1]["draws_on"][0].update(activity="fixture-first-reflection", prompt="notes"),
        "prompt: notes",
        "part 'learning', field 'draws_on': no activity with id 'fixture-first-reflection'",
    ),
    "a part taking the id of the record's date": (
        lambda r: r["account"][0].update(id="date"),
        "- id: date",
        "part 'date', field 'id': 'date' is the id of one of the record's details (date, time-spent); give the part another id",
    ),
    "two parts with one id": (
        lambda r: r["account"][1].update(id=r["account"][0]["id"]),
        "- id: activity",  # the list's start
        "field 'account': two parts of the account have the id 'activity'; ids must be unique",
    ),
    "a part without a heading": (
        lambda r: r["account"][0].pop("heading"),
        "- id: activity",
        "part 'activity', field 'heading': this required field is missing; add it",
    ),
    "a source read at an address that is not https": (
        lambda r: r["sources"][0].update(url="http://example.org/reflection"),
        "url: http://",
        "source 'fixture-guide', field 'url': string should match pattern",
    ),
    "no dimensions touched": (
        lambda r: r.update(touches=[]),
        "touches:",
        "field 'touches': list should have at least 1 item",
    ),
    "the note on the dimensions left out": (
        lambda r: r.pop("touches_note"),
        None,
        "field 'touches_note': this required field is missing; add it",
    ),
}


@pytest.mark.parametrize("case", MISTAKES, ids=list(MISTAKES))
def test_each_mistake_in_the_record_is_one_line_at_its_place(make_data_dir, case):
    change, located_by, message = MISTAKES[case]
    folder = make_data_dir(lambda data: change(data["reflective_record.yml"]))
    [problem] = problems_of(folder)
    file_and_line, found = problem.split(": ", 1)
    assert file_and_line.startswith(f"{FILE}:"), problem
    assert found.startswith(message) if "pattern" not in message else message in found, problem
    line = int(file_and_line.rsplit(":", 1)[1])
    if located_by:
        assert line == line_in(folder, located_by), problem
    elif "twice" in message:
        assert line == [n for n, text in enumerate((folder / UNIT / "reflective_record.yml").read_text().splitlines(), 1) if "dimension: seeing" in text][0]


def test_no_activity_may_take_the_records_id(make_data_dir):
    def rename(data):
        data["activities.yml"]["activities"][0]["id"] = RECORD_ID

    folder = make_data_dir(rename)
    problems = [p for p in problems_of(folder) if "the reflective record keeps" in p]
    line = next(n for n, text in enumerate((folder / UNIT / "activities.yml").read_text().splitlines(), 1) if f"id: {RECORD_ID}" in text)
    assert problems == [
        f"data/{UNIT}/activities.yml:{line}: activity '{RECORD_ID}': the reflective record keeps the learner's own words under this id; "
        "give the activity another id"
    ]


def test_a_unit_without_a_record_says_which_file_to_add():
    with pytest.raises(KeyError, match="unit 'unit-2' has no reflective_record.yml file in its data folder"):
        macros("unit-2/my-workbook.md").reflective_record()


# --- The form, the sheet and the uses --------------------------------------------------------


def test_each_part_of_the_account_is_an_answer_box_kept_under_the_records_id():
    form = soup(record_html())
    boxes = form.select("textarea.activity__answer-box")
    assert [(box["data-activity"], box["data-prompt"]) for box in boxes] == [(RECORD_ID, part["id"]) for part in RECORD["account"]]
    for box, part in zip(boxes, RECORD["account"]):
        assert form.find(id=box["aria-labelledby"]).get_text() == part["heading"]
        hint = form.find(id=box["aria-describedby"].split()[0]).get_text()
        assert hint.startswith(part["hint"])
    drawn = RECORD["account"][1]["draws_on"][0]
    prompt = next(p for a in fixture_data()["activities.yml"]["activities"] if a["id"] == drawn["activity"] for p in a["prompts"] if p["id"] == drawn["prompt"])
    assert f"Your record adds your answer to “{prompt['text']}” below your words." in form.get_text()


def test_the_details_and_buttons_wait_for_javascript_and_say_what_they_do():
    form = soup(record_html())
    details = form.find(class_="reflective-record__details")
    assert details.has_attr("hidden")
    for detail, label in (("date", "Date"), ("time-spent", "Time spent")):
        field = details.find("input", attrs={"data-record-detail": detail})
        assert details.find("label", attrs={"for": field["id"]}).get_text() == label
    assert field["type"] == "text" and details.find("input", attrs={"data-record-detail": "date"})["type"] == "text"
    tools = form.find(class_="reflective-record__tools")
    assert tools.has_attr("hidden")
    assert [b.get_text() for b in tools.find_all("button")] == ["Print or save as PDF", "Reflective record (text)", "Reflective record (Word)"]
    assert tools.find(role="status") is not None
    assert "needs JavaScript" in form.find(class_="activity__answers-note").get_text()


def test_the_sheet_has_the_unit_the_details_the_outcomes_the_parts_and_the_dimensions_touched():
    sheet = soup(record_html()).find(class_="reflective-record__sheet")
    assert sheet.find("h3").get_text() == "Unit 1: Working beyond the team?"
    assert [slot["data-record-slot"] for slot in sheet.select("[data-record-slot]")] == [
        "date",
        "time-spent",
        *[f"account:{part['id']}" for part in RECORD["account"]],
        "answers",
    ]
    outcomes = [outcome["text"] for outcome in fixture_data()["outcomes.yml"]["outcomes"]]
    assert [li.get_text() for li in sheet.select(".reflective-record__section:first-of-type ol li")] == outcomes
    rows = [[cell.get_text() for cell in row.find_all(["th", "td"])] for row in sheet.select(".reflective-record__dimensions tbody tr")]
    names = {d["id"]: d["name"] for d in RECORD["leadership_model"]["dimensions"]}
    assert rows == [[names[touch["dimension"]], touch["how"]] for touch in RECORD["touches"]]
    assert RECORD["touches_note"] in sheet.get_text(), "the choice is said to be the site's"
    for part in RECORD["account"]:
        lines = sheet.find(attrs={"data-record-part": part["id"]}).select(".activity__line")
        assert len(lines) == part["lines"], "an empty part prints lines to write on"


def test_the_record_and_its_uses_are_marked_as_the_sites_own_with_their_sources():
    for html in (record_html(), macros("my-workbook.md").reflective_record_uses()):
        marked = soup(html).find(class_="site-added")
        assert marked.find(class_="site-added__label").get_text() == "Added for this site"
    uses = soup(macros("my-workbook.md").reflective_record_uses())
    [use] = RECORD["uses"]
    entry = uses.find(id=f"{RECORD_ID}-uses--{use['id']}")
    assert entry.find("dt").get_text() == use["who"] and entry.find("dd").find("p").get_text() == use["text"]
    sources = {s["id"]: s for s in RECORD["sources"]}
    assert [a["href"] for a in entry.find_all("a")] == [sources[i]["url"] for i in use["sources"] if sources[i].get("url")]
    assert entry.find("cite").get_text() == sources["fixture-model"]["title"], "a source with no address is named"


def test_the_data_for_the_browser_holds_the_record_in_order():
    data = record_data()
    assert data["id"] == RECORD_ID and data["fileName"] == f"{UNIT}-reflective-record"
    assert data["outcomes"] == [outcome["text"] for outcome in fixture_data()["outcomes.yml"]["outcomes"]]
    assert [part["id"] for part in data["account"]] == [part["id"] for part in RECORD["account"]]
    assert data["account"][1]["drawsOn"] == [{"activity": "reflect", "prompt": "adapt", "text": "How might you adapt your approach?"}]
    assert data["accountSource"] == "Fixture Council, A guide to reflection: https://example.org/reflection"
    assert data["modelSource"] == "Fixture Academy, The Fixture Model"
    assert [activity["id"] for activity in data["activities"]] == [a["id"] for a in fixture_data()["activities.yml"]["activities"]]
    assert data["website"] == "fixture-programme.github.io/course/"


@pytest.mark.parametrize("hostile", HOSTILE_TEXTS + ["</script><script>alert(1)</script>"])
def test_record_text_is_escaped_on_the_page_and_in_its_data(make_data_dir, hostile):
    def edit(data):
        data["reflective_record.yml"]["account"][0]["heading"] = hostile
        data["reflective_record.yml"]["uses"][0]["text"] = hostile

    folder = make_data_dir(edit)
    html = record_html(folder)
    page = soup(html)
    assert [s.get("type") for s in page.find_all("script")] == ["application/json"], "no script from data"
    assert record_data(folder)["account"][0]["heading"] == hostile
    assert page.find(id=f"{RECORD_ID}--activity-text").get_text() == hostile
    uses = soup(macros("my-workbook.md", folder).reflective_record_uses())
    assert uses.find("dd").find("p").get_text() == hostile and not uses.find("script")


def test_my_workbooks_confirmation_names_the_record_only_where_the_unit_has_one():
    with_record = soup(macros("my-workbook.md").my_workbook()).find(id="my-workbook-confirm-text").get_text()
    without = soup(macros("unit-2/my-workbook.md").my_workbook()).find(id="my-workbook-confirm-text").get_text()
    assert "your reflective record's details and account" in with_record and "keep your record" in with_record
    assert "reflective record" not in without


def test_the_end_of_my_workbook_is_one_delete_button_that_waits_for_javascript():
    finish = soup(macros("my-workbook.md").my_workbook_finish()).find(id="my-workbook-finish")
    [button] = finish.find_all("button")
    assert button["data-my-workbook-action"] == "clear" and button["aria-haspopup"] == "dialog"
    assert button.get_text() == "Delete my answers from this computer…"
    assert button.find_parent(attrs={"hidden": True}) is not None
    assert "keep your record first" in finish.get_text()
