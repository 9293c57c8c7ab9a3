"""A dated note of what has changed since the slides (changed_since.yml), on its own: drawn from the
data and marked as the site's, each point with its sources; every mistake in its data located; a
reminder when it is due for review, for a day handed in (never the clock's). No MkDocs involved."""

from __future__ import annotations

import copy
import datetime
import re

import pytest
from bs4 import BeautifulSoup

from engine import HOSTILE_TEXTS, macros, outline
from course.checks import remind
from course.checks.usage import check_usage
from course.content.problems import ContentError
from course.content.programme import load_programme


def note(data_dir=None, note_id="basics"):
    found = macros("basics.md", data_dir) if data_dir else macros("basics.md")
    return BeautifulSoup(found.changed_since(note_id), "html.parser")


def test_the_note_is_the_sites_labelled_first_dated_and_each_point_sourced():
    html = note()
    section = html.find("section", class_="changed-since")
    assert "site-added" in section["class"]
    # The label, then the title (the section's name), then the day it holds for, then the points.
    assert [child.name for child in section.find_all(recursive=False)] == ["p", "h3", "p", "ul"]
    assert section.find("p")["class"] == ["site-added__label"] and section.find("p").get_text() == "Added for this site"
    title = section.find("h3")
    assert section["aria-labelledby"] == title["id"] and title.get_text() == "What has changed since the fixture's slides"
    as_of = section.find(class_="changed-since__as-of")
    assert as_of.get_text() == "As of 15 January 2026:" and as_of.time["datetime"] == "2026-01-15"
    # The words as read (get_text spaces out the links, so the space before a stop goes).
    assert [re.sub(r" ([;)])", r"\1", li.get_text(" ", strip=True)) for li in section.find_all("li")] == [
        "The fixture's target rose from ten to twelve. (Source: Ann Author (2008))",
        "A fixture body became statutory. (Sources: Ann Author (2008); The Fixture Trust (n.d.))",
    ]
    # Each source links to its entry in the references, from the page that shows the note.
    assert [a["href"] for a in section.select("li a.citation")] == [
        "../references/#fixture-author-2008",
        "../references/#fixture-author-2008",
        "../references/#fixture-web-page",
    ]


@pytest.mark.parametrize("hostile", HOSTILE_TEXTS)
def test_the_notes_words_are_shown_as_typed(make_data_dir, hostile):
    def edit(data):
        data["changed_since.yml"]["notes"][0]["title"] = hostile
        data["changed_since.yml"]["notes"][0]["points"][0]["text"] = hostile

    html = note(make_data_dir(edit))
    assert html.find("h3").get_text() == hostile and html.find("li").get_text().startswith(hostile)
    assert not html.find("script") and not html.find("b")


def test_an_unknown_note_says_which_there_are():
    with pytest.raises(KeyError, match=r"no note with id 'nothing' in data/unit-1/changed_since\.yml; known ids: 'basics'"):
        macros("basics.md").changed_since("nothing")


def problems_for(make_data_dir, edit) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_programme(make_data_dir(edit))
    return [str(problem) for problem in raised.value.problems]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda n: n.pop("as_of"), "entry 'basics', field 'as_of': this required field is missing; add it"),
        (lambda n: n.update(as_of="soon"), "entry 'basics', field 'as_of': this must be a date, written as YYYY-MM-DD"),
        (lambda n: n.update(points=[]), "entry 'basics', field 'points': list should have at least 1 item"),
        (lambda n: n["points"][0].update(sources=[]), "entry 'basics', field 'points, item 1, sources': list should have at least 1 item"),
        (lambda n: n["points"][0].pop("sources"), "entry 'basics', field 'points, item 1, sources': this required field is missing"),
    ],
    ids=["no date", "not a date", "no points", "a point without sources", "a point with no sources field"],
)
def test_each_mistake_in_a_note_is_one_line_at_its_file(make_data_dir, edit, expected):
    problems = problems_for(make_data_dir, lambda data: edit(data["changed_since.yml"]["notes"][0]))
    assert len(problems) == 1, problems
    assert re.match(r"data/unit-1/changed_since\.yml:\d+: ", problems[0]) and expected in problems[0], problems[0]


def test_a_points_sources_must_be_known_references(make_data_dir):
    def edit(data):
        data["changed_since.yml"]["notes"][0]["points"][1]["sources"] = ["fixture-author-2008", "nobody-2050"]

    [problem] = problems_for(make_data_dir, edit)
    assert re.fullmatch(
        r"data/unit-1/changed_since\.yml:\d+: 'basics': its point 2's sources name 'nobody-2050', which no "
        r"references\.yml has; add the reference, or correct the id",
        problem,
    )


def test_a_note_no_page_shows_is_a_problem(make_data_dir):
    def edit(data):
        data["changed_since.yml"]["notes"].append({**copy.deepcopy(data["changed_since.yml"]["notes"][0]), "id": "unshown"})

    folder = make_data_dir(edit)
    lines = (folder / "unit-1" / "changed_since.yml").read_text(encoding="utf-8").splitlines()
    line = lines.index("- id: unshown") + 1
    assert [str(p).split("/data/", 1)[-1] for p in check_usage(outline(folder))] == [
        f"unit-1/changed_since.yml:{line}: note 'unshown' is not used on any page; "
        "add {{ changed_since(\"unshown\") }} beside what it updates"
    ]


# --- Due for review: a day handed in, never the clock's ---------------------------------------


def reminders_on(data_dir, day: datetime.date) -> list[str]:
    found = [str(reminder).split("/data/", 1)[-1] for reminder in remind(outline(data_dir), day)]
    return [reminder for reminder in found if "changed_since.yml" in reminder]


def test_a_note_checked_over_a_year_ago_is_a_warning_at_its_date(make_data_dir):
    folder = make_data_dir()
    assert reminders_on(folder, datetime.date(2027, 1, 15)) == [], "a year to the day is not over a year"
    [warning] = reminders_on(folder, datetime.date(2027, 1, 16))
    lines = (folder / "unit-1" / "changed_since.yml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, start=1) if text.strip().startswith("as_of:"))
    assert warning == (
        f"unit-1/changed_since.yml:{line}: warning: the note 'basics' (“What has changed since the fixture's slides”) is as of "
        "15 January 2026, more than a year ago; check each point against its sources (and what has changed since), "
        "then set as_of to the day you did"
    )


def test_each_note_is_reminded_at_its_own_date(make_data_dir):
    def edit(data):
        notes = data["changed_since.yml"]["notes"]
        notes.append({**copy.deepcopy(notes[0]), "id": "later", "as_of": datetime.date(2026, 6, 1)})

    folder = make_data_dir(edit)
    warnings = reminders_on(folder, datetime.date(2027, 3, 1))
    assert len(warnings) == 1 and "'basics'" in warnings[0]
    assert len(reminders_on(folder, datetime.date(2027, 6, 2))) == 2
