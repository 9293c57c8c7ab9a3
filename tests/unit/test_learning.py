"""What makes a page teach on its own, on the fixture course: the unit's learning outcomes
(outcomes.yml) mapped to pages, and every bad input located."""

from __future__ import annotations

import re
import shutil

import pytest
from bs4 import BeautifulSoup

from engine import DATA_DIR, DOCS_DIR, macros, outline
from course.checks.teaching import check_teaching
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
    assert "Learning outcomes" not in guide and "### 45 minutes (the usual session)" in guide


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
    problems = [str(p) for p in check_teaching(outline(folder))]
    line = line_of(folder / "unit-1" / "outcomes.yml", "- form.md")
    assert [p.split("/data/", 1)[1] for p in problems] == [
        f"unit-1/outcomes.yml:{line}: outcome 'ways-of-organising': there is no page docs/form.md; did you mean forms.md?"
    ]


def test_an_outcome_on_another_units_page_is_refused(make_data_dir):
    folder = make_data_dir(lambda data: data["outcomes.yml"]["outcomes"][0].update(pages=["unit-2/more.md"]))
    problems = [str(p) for p in check_teaching(outline(folder))]
    line = line_of(folder / "unit-1" / "outcomes.yml", "- unit-2/more.md")
    assert [p.split("/data/", 1)[1] for p in problems] == [
        f"unit-1/outcomes.yml:{line}: outcome 'simple-rule': docs/unit-2/more.md is a page of unit 'unit-2', "
        "not of unit 'unit-1'; name a page of this unit"
    ]


def test_the_fixtures_outcomes_name_real_pages():
    assert check_teaching(outline()) == []


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


# --- The outcomes box and the time to read and do ------------------------------------


def test_a_page_shows_the_outcomes_met_on_it_marked_as_the_sites_with_a_slot_for_its_time():
    box = BeautifulSoup(macros("forms.md").outcomes(), "html.parser").select_one("div.outcomes.site-added")
    assert box.find("p")["class"] == ["site-added__label"]  # the mark comes first
    assert box.select_one(".outcomes__heading").get_text() == "After this page you will be able to:"
    assert [li.get_text() for li in box.select("ul.outcomes__list li")] == ["Compare ways of organising."]
    assert box["data-outcomes"] == "ways-of-organising"
    assert box.select_one("ul")["aria-labelledby"] == box.select_one(".outcomes__heading")["id"]
    assert str(box.select_one(".outcomes__time")) == '<p class="outcomes__time" data-page-time="forms.md"></p>'


def test_the_overview_shows_every_outcome_and_a_slot_for_the_units_time():
    box = BeautifulSoup(macros("index.md").unit_outcomes(), "html.parser").select_one("div.outcomes")
    assert box.select_one(".outcomes__heading").get_text() == "After this unit you will be able to:"
    assert len(box.select("li")) == 3
    assert box.select_one(".outcomes__time")["data-unit-time"] == "unit-1"


def test_outcome_text_is_escaped(make_data_dir):
    folder = make_data_dir(lambda data: data["outcomes.yml"]["outcomes"][1].update(text="<b>Bold</b> & {{ config }}"))
    box = macros("forms.md", folder).outcomes()
    assert "<b>" not in box and "&lt;b&gt;Bold&lt;/b&gt; &amp; {{ config }}" in box


def test_a_page_no_outcome_is_met_on_cannot_show_outcomes():
    with pytest.raises(KeyError, match=r"outcomes\(\): no outcome in \S*data/unit-1/outcomes.yml is met on docs/basics.md; add 'basics.md'"):
        macros("basics.md").outcomes()


def test_a_page_an_outcome_is_met_on_must_show_them_and_end_with_key_points(make_data_dir):
    folder = make_data_dir(lambda data: data["outcomes.yml"]["outcomes"][0].update(pages=["together.md", "basics.md"]))
    problems = [str(p).replace(f"{folder}/", "data/") for p in check_teaching(outline(folder))]
    line = line_of(folder / "unit-1" / "outcomes.yml", "- basics.md")
    last = len((DOCS_DIR / "basics.md").read_text(encoding="utf-8").rstrip().splitlines())
    assert sorted(problems) == [
        f"data/unit-1/outcomes.yml:{line}: outcome 'simple-rule' is met on docs/basics.md, which does not show its outcomes; "
        "add {{ outcomes() }} under the page's title",
        f"docs/basics.md:{last}: the unit's outcomes are met on this page, so it ends with its key points: add "
        "{{ key_points() }} at its end, and three to five points for 'basics.md' in data/unit-1/key_points.yml",
    ]


def test_words_read_leave_out_what_a_reader_does_not_read():
    from course.render.page_time import words_read

    html = (
        '<h2 id="a">Two words<a class="headerlink" href="#a">¶</a></h2>'
        '<div class="outcomes site-added"><p>Not counted at all</p></div>'
        "<p>Three more words<br>and two</p>"
        '<script>var not = "counted";</script><svg><text>figure text</text></svg>'
        '<div class="print-only"><p>paper only</p></div><textarea>typed</textarea>'
        "<p>One</p>"
    )
    assert words_read(html) == 2 + 3 + 2 + 1


@pytest.mark.parametrize(
    ("words", "activities", "reading", "total"),
    [(0, (), 1, 1), (199, (), 1, 1), (201, (), 2, 2), (640, (10,), 4, 14), (977, (10, 15), 5, 30)],
)
def test_a_pages_time_is_its_words_at_the_reading_speed_plus_its_activities(words, activities, reading, total):
    from course.render.page_time import PageTime

    time = PageTime(words, 200, activities)
    assert (time.reading_minutes, time.minutes) == (reading, total)


@pytest.mark.parametrize(("minutes", "said"), [(1, "1 minute"), (14, "14 minutes"), (60, "1 hour"), (75, "1 hour 15 minutes"), (121, "2 hours 1 minute")])
def test_a_time_reads_as_people_say_it(minutes, said):
    from course.render.page_time import duration

    assert duration(minutes) == said


def test_every_slot_is_filled_each_page_from_its_words_and_activities_the_overview_from_its_pages():
    from course.render.page_time import with_times

    found = outline()
    body = "<p>" + "word " * 450 + "</p>"
    contents = {
        "index.md": macros("index.md").unit_outcomes(),
        "together.md": macros("together.md").outcomes() + body,  # shows the exercise: 5 minutes alone
        "forms.md": macros("forms.md").outcomes() + body,
        "problems.md": macros("problems.md").outcomes() + body,  # two activities: 10 and 5 minutes
        "basics.md": body,
    }
    filled = {path: " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split()) for path, html in with_times(contents, found).items()}
    assert filled["together.md"].endswith(
        "About 8 minutes to read and do: 3 minutes to read 450 words, at 200 words a minute, and 5 minutes for its activity, done on your own. " + "word " * 449 + "word"
    )
    assert "About 3 minutes to read: 450 words, at 200 words a minute." in filled["forms.md"]
    assert "About 18 minutes to read and do: 3 minutes to read 450 words, at 200 words a minute, and 15 minutes for its 2 activities, done on your own." in filled["problems.md"]
    assert filled["index.md"].endswith(
        "About 29 minutes for the whole unit: the times to read and do of its 3 pages, added up. Each page gives its own at its top."
    )
    assert with_times({"basics.md": body}, found) == {"basics.md": body}


def test_the_reading_speed_is_the_programmes(make_data_dir):
    from course.render.page_time import with_times

    folder = make_data_dir(lambda data: data["programme.yml"].update(words_per_minute=100))
    text = with_times({"forms.md": macros("forms.md", folder).outcomes() + "<p>" + "word " * 450 + "</p>"}, outline(folder))["forms.md"]
    assert "About 5 minutes</strong> to read: 450 words, at 100 words a minute." in text
    problems = problems_for(make_data_dir, lambda data: data["programme.yml"].update(words_per_minute=0))
    assert any("programme.yml:" in p and "field 'words_per_minute'" in p for p in problems), problems


# --- Key points -----------------------------------------------------------------------


def test_key_points_end_a_page_under_their_own_heading_marked_as_the_sites():
    markdown = macros("forms.md").key_points()
    heading, html = markdown.split("\n\n", 1)
    assert heading == "## Key points"  # Markdown, so the table of contents lists it
    block = BeautifulSoup(html, "html.parser").select_one("div.key-points.site-added")
    assert block.find("p")["class"] == ["site-added__label"]
    assert [li.get_text() for li in block.select("ul.key-points__list li")] == [
        "Each way of organising is likened to something else.",
        "Markets, hierarchies and networks differ.",
        "Each is good for something.",
    ]
    assert "\n\n" not in html  # one raw HTML block for Markdown


def test_a_page_without_key_points_in_the_data_cannot_show_them():
    with pytest.raises(KeyError, match=r"key_points\(\): \S*data/unit-1/key_points.yml has no key points for docs/basics.md; add three to five under 'basics.md:'"):
        macros("basics.md").key_points()


@pytest.mark.parametrize("points", [[], ["One."], ["One.", "Two."], ["1.", "2.", "3.", "4.", "5.", "6."]])
def test_three_to_five_key_points_a_page(make_data_dir, points):
    folder = make_data_dir(lambda data: data["key_points.yml"]["key_points"].update({"forms.md": points}))
    with pytest.raises(ContentError) as caught:
        load_programme(folder)
    [problem] = caught.value.problems
    assert str(problem).endswith(f"field 'key_points, forms.md': {len(points)} key point(s); give three to five, the page's main points in the site's words")
    # At the page's key, or its list's first point under it.
    assert problem.line - line_of(folder / "unit-1" / "key_points.yml", "forms.md:") in (0, 1)


def test_an_empty_key_point_is_located(make_data_dir):
    problems = problems_for(make_data_dir, lambda data: data["key_points.yml"]["key_points"]["forms.md"].__setitem__(1, " "))
    assert any(re.search(r"key_points\.yml:\d+: field 'key_points, forms\.md, item 2': this text is empty", p) for p in problems), problems


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("form.md", "key points for 'form.md': there is no page docs/form.md; did you mean forms.md?"),
        ("unit-2/more.md", "key points for 'unit-2/more.md': docs/unit-2/more.md is a page of unit 'unit-2', not of unit 'unit-1'"),
        ("basics.md", "key points for 'basics.md' are shown on no page; add {{ key_points() }} at the end of docs/basics.md"),
    ],
)
def test_key_points_name_a_page_of_the_unit_that_shows_them(make_data_dir, page, expected):
    folder = make_data_dir(lambda data: data["key_points.yml"]["key_points"].update({page: ["One.", "Two.", "Three."]}))
    problems = [str(p) for p in check_teaching(outline(folder))]
    line = line_of(folder / "unit-1" / "key_points.yml", f"{page}:")
    assert len(problems) == 1 and f"data/unit-1/key_points.yml:{line}: {expected}" in problems[0], problems


# --- Solo versions ------------------------------------------------------------------------


def test_a_group_activity_needs_a_solo_version(make_data_dir):
    problems = problems_for(make_data_dir, lambda data: data["activities.yml"]["activities"][2].pop("solo"))
    assert any(re.search(r"activities\.yml:\d+: activity 'discuss'.*a group activity needs 'solo'", p) for p in problems), problems
    problems = problems_for(make_data_dir, lambda data: data["activities.yml"]["activities"][1].update(solo={"steps": ["Alone."]}))
    assert any("activity 'reflect'" in p and "'solo' is for a group activity" in p for p in problems), problems
    problems = problems_for(make_data_dir, lambda data: data["activities.yml"]["activities"][0]["solo"].update(shows="a-video"))
    assert any("activity 'walk', field 'solo, shows'" in p and "flocking-simulation" in p for p in problems), problems


def test_every_activity_says_how_long_it_takes_one_person(make_data_dir):
    problems = problems_for(make_data_dir, lambda data: data["activities.yml"]["activities"][1].pop("minutes"))
    assert any("activity 'reflect', field 'minutes': this required field is missing" in p for p in problems), problems


def test_the_solo_version_comes_after_the_rooms_steps_then_what_it_shows_then_the_prompts():
    section = BeautifulSoup(macros("together.md").activity("walk"), "html.parser").section
    order = [
        element
        for element in section.find_all(True)
        if {"activity__instructions", "activity__solo", "flocking", "activity__prompts"} & set(element.get("class", []))
    ]
    assert [element["class"][0] for element in order] == ["activity__instructions", "activity__solo", "flocking", "activity__prompts"]
    solo = section.select_one(".activity__solo")
    assert solo.parent["class"] == ["site-added"]  # the data marks it: added_for_site: [solo]
    assert solo.select_one(".activity__solo-heading").get_text() == "On your own"
    assert [li.get_text() for li in solo.select("ol.activity__solo-steps li")] == [
        "Play the simulation below and watch the dots settle.",
        "Then answer the question after it.",
    ]
    assert section.select_one(".activity__prompts-heading").get_text() == "Discuss, or on your own write about"


def test_a_solo_version_with_one_step_is_a_paragraph_and_shows_nothing_more():
    section = BeautifulSoup(macros("problems.md").activity("discuss"), "html.parser").section
    assert section.select_one("p.activity__solo-steps").get_text() == "Write a few lines in answer to each question."
    assert section.select_one(".flocking") is None


def test_paper_shows_the_solo_version_and_the_figure_my_workbook_the_steps_only():
    from engine import handouts
    from course.page_macros import PageMacros
    from course.paper.handouts import handout_html
    from course.publish.addresses import SiteAddress

    found = outline()
    [walk] = [handout for handout in handouts() if handout.activity_id == "walk"]
    site = SiteAddress.of("https://fixture-programme.github.io/course/", None)
    sheet = BeautifulSoup(handout_html(walk, site.page_of_source(walk.src_uri), found.programme, found.glossary, None), "html.parser")
    assert sheet.select_one(".activity__solo") and sheet.select_one(".flocking figure.flocking__figure")
    workbook = BeautifulSoup(PageMacros(found, "workbook.md").workbook_activities(), "html.parser")
    assert workbook.select_one("#walk .flocking figure") and workbook.select_one("#discuss .flocking") is None
    mine = BeautifulSoup(PageMacros(found, "my-workbook.md").my_workbook(), "html.parser")
    assert mine.select_one("#walk .activity__solo") and mine.select_one(".flocking") is None
