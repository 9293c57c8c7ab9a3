"""The outline: pages in reading order, the unit of each page, where each
activity is shown, and numbering in the order a reader meets the activities."""

from __future__ import annotations

import shutil

import pytest
import yaml

from course.content.outline import reading_order
from engine import DATA_DIR, DOCS_DIR, macros, outline, run_in_session


def test_reading_order_follows_the_navigation_then_every_other_page():
    nav = [{"Overview": "index.md"}, {"Part": ["b.md", {"A": "a.md"}]}, {"Out": "https://example.org/"}]
    order, listed = reading_order(nav, ["a.md", "b.md", "index.md", "extra/z.md", "extra/index.md"])
    assert order == ["index.md", "b.md", "a.md", "extra/index.md", "extra/z.md"]
    assert listed == {"index.md": "Overview", "b.md": None, "a.md": "A"}  # each with the title the navigation gives it


def test_without_a_navigation_pages_are_read_by_path_index_first():
    order, listed = reading_order(None, ["b.md", "a/x.md", "index.md", "a/index.md"])
    assert order == ["index.md", "a/index.md", "a/x.md", "b.md"]
    assert listed == dict.fromkeys(order)  # every page listed, none with a title of the navigation's


def test_every_page_is_in_the_unit_of_its_folder_but_the_websites_own():
    found = outline()
    own = {"accessibility.md", "privacy.md"}  # front matter `unit: false`: pages of the website, in no unit
    units = {page.path: found.unit_of(page.path).id for page in found.pages if page.path not in own}
    # The first unit's pages are docs/ itself (pages: ""), the second's docs/unit-2/.
    assert {path for path, unit in units.items() if unit == "unit-2"} == {path for path in units if path.startswith("unit-2/")}
    assert set(units.values()) == {"unit-1", "unit-2"}
    assert [found.unit_of(path) for path in sorted(own)] == [None, None]
    assert [page.path for page in found.pages_of(found.programme.unit("unit-1"))][:3] == ["index.md", "basics.md", "together.md"]
    assert [page.path for page in found.pages_of(found.programme.unit("unit-2"))] == [
        "unit-2/index.md",
        "unit-2/more.md",
        "unit-2/typology.md",
        "unit-2/my-workbook.md",
    ]


def line_showing(page: str, activity_id: str) -> int:
    return (DOCS_DIR / page).read_text(encoding="utf-8").splitlines().index(f'{{{{ activity("{activity_id}") }}}}') + 1


def test_activities_are_placed_where_the_pages_show_them():
    found = outline()
    assert {activity: [(page.path, line) for page, line in places] for activity, places in found.showings().items()} == {
        "walk": [("together.md", line_showing("together.md", "walk"))],
        "reflect": [("problems.md", line_showing("problems.md", "reflect"))],
        "discuss": [("problems.md", line_showing("problems.md", "discuss"))],
        "fixture-first-reflection": [("unit-2/index.md", line_showing("unit-2/index.md", "fixture-first-reflection"))],
        "fixture-group-talk": [("unit-2/more.md", line_showing("unit-2/more.md", "fixture-group-talk"))],
        "fixture-second-reflection": [("unit-2/more.md", line_showing("unit-2/more.md", "fixture-second-reflection"))],
    }


@pytest.fixture
def course_copy(tmp_path):
    """A copy of the pages and data to change; returns (docs, data) folders."""
    docs, data = tmp_path / "docs", tmp_path / "data"
    shutil.copytree(DOCS_DIR, docs)
    shutil.copytree(DATA_DIR, data)
    return docs, data


def test_a_new_activity_is_numbered_where_the_reader_meets_it(course_copy):
    """Appended to the data but shown before the first Self-Activity: it becomes Self-Activity 3, and the
    others follow it, the second unit's too."""
    docs, data = course_copy
    activities_file = data / "unit-1" / "activities.yml"
    activities = yaml.safe_load(activities_file.read_text(encoding="utf-8"))
    warm_up = {
        "id": "warm-up",
        "label": "Self-Activity",
        "title": "A warm-up",
        "mode": "individual",
        "minutes": 5,
        "instructions": ["Think."],
        "prompts": [{"id": "first", "text": "What comes to mind?", "lines": 3}],
    }
    activities["activities"].append(warm_up)
    session_file = data / "unit-1" / "session.yml"
    session = yaml.safe_load(session_file.read_text(encoding="utf-8"))
    deck_file = data / "unit-1" / "deck.yml"
    deck = yaml.safe_load(deck_file.read_text(encoding="utf-8"))
    run_in_session(session, warm_up, deck)
    activities_file.write_text(yaml.safe_dump(activities, sort_keys=False), encoding="utf-8")
    session_file.write_text(yaml.safe_dump(session, sort_keys=False), encoding="utf-8")
    deck_file.write_text(yaml.safe_dump(deck, sort_keys=False), encoding="utf-8")
    page = docs / "together.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n{{ activity("warm-up") }}\n', encoding="utf-8")
    found = outline(data, docs)
    labels = {activity.id: activity.label for activity in found.programme.activities}
    assert labels["warm-up"] == "Self-Activity 3"
    assert labels["reflect"] == "Self-Activity 4"
    assert labels["fixture-first-reflection"] == "Self-Activity 5"
    assert labels["fixture-second-reflection"] == "Self-Activity 6"
    unit = found.programme.unit("unit-1")
    assert [a.id for a in found.programme.activities_in_reading_order(unit)] == ["walk", "warm-up", "reflect", "discuss"]


def test_a_page_can_name_its_unit_or_none(course_copy):
    docs, data = course_copy
    page = docs / "glossary.md"
    page.write_text(page.read_text(encoding="utf-8").replace("---\n", "---\nunit: false\n", 1), encoding="utf-8")
    found = outline(data, docs)
    assert found.unit_of("glossary.md") is None
    assert found.unit_of("basics.md").id == "unit-1"
    with pytest.raises(KeyError, match=r"key_terms\(\) draws from a unit's data, but docs/glossary.md is in no unit"):
        from course.page_macros import PageMacros

        PageMacros(found, "glossary.md").key_terms()
    # Programme-wide macros work from any page.
    assert macros("glossary.md").abbreviations()


def test_an_unknown_unit_in_front_matter_is_a_located_problem(course_copy):
    docs, data = course_copy
    page = docs / "glossary.md"
    page.write_text(page.read_text(encoding="utf-8").replace("---\n", "---\nunit: unit-9\n", 1), encoding="utf-8")
    problems = [str(problem) for problem in outline(data, docs).problems]
    assert problems == [
        "docs/glossary.md:1: front matter 'unit: unit-9': there is no such unit in data/programme.yml; use one of 'unit-1', 'unit-2', or false"
    ]


def test_the_overview_lists_the_units_activities_from_the_data():
    listing = macros("index.md").activity_list()
    assert listing.splitlines()[:2] == [
        "The unit has one activity for you to do on your own and",
        "two activities for a group, each with a way to do it on your own:",
    ]
    items = [line for line in listing.splitlines() if line.startswith("- ")]
    assert items == [
        "- [Walking together](/together.md#walk) (group exercise)",
        "- [Self-Activity 3: Your own projects](/problems.md#reflect)",
        "- [Talking it through](/problems.md#discuss) (group discussion)",
    ]
    second = [line for line in macros("unit-2/index.md").activity_list().splitlines() if line.startswith("- ")]
    assert second[0] == "- [Self-Activity 4: A first reflection for the test unit](/unit-2/index.md#fixture-first-reflection)"
    assert len(second) == 3


def test_markdown_in_an_activity_title_stays_text_in_the_list(make_data_dir):
    data = make_data_dir(lambda d: d["activities.yml"]["activities"][0].update(title="*Not* [a](link) `code` <b>x</b> & y"))
    item = next(line for line in macros("index.md", data).activity_list().splitlines() if "#walk" in line)
    assert item.startswith(r"- [\*Not\* \[a\](link) \`code\` &lt;b&gt;x&lt;/b&gt; &amp; y](/together.md#walk)")


def test_a_pages_title_is_the_one_mkdocs_gives_it(tmp_path):
    """The navigation's title, else the front matter's, else a first-block h1 (ATX or setext), else the file's name."""
    from course.content.pages import read_pages

    pages = {
        "index.md": "Some text first.\n\n# Not the title\n",
        "named.md": "---\ntitle: From the front matter\n---\n\n# Not this\n",
        "atx.md": "# The *first* heading { #x }\n\nText.\n",
        "setext.md": "A setext title\n==============\n\nText.\n",
        "later.md": "Text first.\n\n# A later heading\n",
        "folder/index.md": "No heading.\n",
        "my_notes-page.md": "No heading.\n",
        "listed.md": "# Its own heading\n",
        "fenced.md": "```\n# Not a heading\n```\n\n# Not first\n",
    }
    for name, text in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    read = {page.path: page for page in read_pages([tmp_path / name for name in pages], tmp_path, tmp_path)}
    read["listed.md"].nav_title = "From the navigation"
    assert {path: page.title for path, page in read.items()} == {
        "index.md": "Home",
        "named.md": "From the front matter",
        "atx.md": "The first heading",
        "setext.md": "A setext title",
        "later.md": "Later",
        "folder/index.md": "Folder",
        "my_notes-page.md": "My notes page",
        "listed.md": "From the navigation",
        "fenced.md": "Fenced",
    }
