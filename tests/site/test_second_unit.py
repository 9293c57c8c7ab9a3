"""A second unit, added with pages and data alone, builds beside the first.

The fixture course's second unit (tests/fixtures/course/docs/unit-2/ and data/unit-2/)
is a tiny unit of its own: four pages (activities, a typology with its self-check,
My workbook) and its own activities, typology and references. Adding it needs no
code change: only the programme's list of units and the navigation, both config.
Each unit's pages draw on that unit's data, and each unit's answers are kept apart
in the learner's browser. It is part of the session's build (`built_site`).
"""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from course.checks import check_project
from engine import SECOND_UNIT, UNIT, fixture_data
from site_building import copy_project
from test_browser import url_of
from test_site import activities

PROGRAMME = fixture_data()["programme.yml"]
FIRST, SECOND = PROGRAMME["units"]
# The first unit's Self-Activities are numbered from here (Self-Activity 3); the second's follow on.
FIRST_SELF_ACTIVITY = PROGRAMME["numbering"]["Self-Activity"]


def page(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name / "index.html").read_text(encoding="utf-8"), "html.parser")


def labels_on(site: Path, name: str) -> dict[str, str]:
    return {s["id"]: s.select_one(".activity__kind").get_text() for s in page(site, name).select("section.activity")}


def test_the_check_passes_with_the_second_unit(fixture_project):
    assert check_project(fixture_project) == []


def test_the_second_units_activities_are_numbered_on_from_the_firsts(built_site):
    assert labels_on(built_site, "together") == {"walk": "Exercise"}
    assert labels_on(built_site, "problems") == {"reflect": f"Self-Activity {FIRST_SELF_ACTIVITY}", "discuss": "Discussion"}
    assert labels_on(built_site, SECOND_UNIT) == {"fixture-first-reflection": f"Self-Activity {FIRST_SELF_ACTIVITY + 1}"}
    assert labels_on(built_site, f"{SECOND_UNIT}/more") == {
        "fixture-group-talk": "Discussion",
        "fixture-second-reflection": f"Self-Activity {FIRST_SELF_ACTIVITY + 2}",
    }


def test_the_second_unit_links_and_cites_across_units(built_site):
    soup = page(built_site, SECOND_UNIT)
    assert soup.find("a", string="A Test Author (2020)")["href"] == "../references/#fixture-source"
    assert soup.find("a", string="Unit 1's exercise")["href"] == "../together/#walk"
    references = (built_site / "references" / "index.html").read_text(encoding="utf-8")
    assert 'id="fixture-source"' in references and 'id="fixture-author-2005"' in references


def test_the_second_unit_is_in_the_navigation_and_search(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(doc["location"].startswith(f"{SECOND_UNIT}/more/") for doc in index["docs"])
    nav = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("nav.md-nav--primary")
    assert f"Unit {SECOND['number']}: {SECOND['title']}" in nav.get_text(" ", strip=True)


def test_a_clash_between_units_is_named(tmp_path):
    project = copy_project(tmp_path / "project")
    data = project / "data" / SECOND_UNIT / "activities.yml"
    data.write_text(data.read_text().replace("id: fixture-group-talk", "id: walk"))
    problems = [str(p) for p in check_project(project)]
    assert f"data/{SECOND_UNIT}/activities.yml: the id 'walk' is also used in unit '{UNIT}'; ids must be unique across the programme" in problems


def settings_of(soup: BeautifulSoup) -> dict:
    return json.loads(soup.find("script", id="course-settings").string)


def test_each_page_knows_its_unit(built_site):
    for name, unit in (("problems", FIRST), (f"{SECOND_UNIT}/typology", SECOND)):
        assert settings_of(page(built_site, name))["unit"] == {
            "id": unit["id"],
            "storageKey": unit["storage_key"],
            "myWorkbookFile": f"{unit['id']}-my-workbook",
        }
    assert settings_of(page(built_site, SECOND_UNIT))["namespace"] == PROGRAMME["script_namespace"]


def test_each_units_self_check_asks_its_own_questions_about_its_own_typology(built_site):
    first = json.loads(page(built_site, "problems").find(id="problem-check-data").string)
    second = json.loads(page(built_site, f"{SECOND_UNIT}/typology").find(id="problem-check-data").string)
    first_check, second_check = fixture_data()["self_check.yml"], fixture_data()[f"{SECOND_UNIT}/self_check.yml"]
    for data, check in ((first, first_check), (second, second_check)):
        assert [q["id"] for q in data["questions"]] == [q["id"] for q in check["questions"]]
        assert [r["id"] for r in data["results"]] == [r["id"] for r in check["results"]]
    # Each result names its types from its own unit's typology.
    assert [r["types"] for r in second["results"]] == ["Puzzle (solve)", "Mess (explore)"]
    assert second["scenarios"] == []
    assert second["copyTo"] == {
        **second_check["copy_to"],
        "label": f"Self-Activity {FIRST_SELF_ACTIVITY + 2}",
        "number": 1,
    }
    figure = page(built_site, f"{SECOND_UNIT}/typology").find("figure", id="typology-figure")
    assert [t.get_text() for t in figure.select("text.typology-figure__name")] == ["Puzzle problem", "Mess problem"]


def test_each_units_workbook_and_handouts_hold_its_own_activities(built_site):
    first = [s["id"] for s in page(built_site, "my-workbook").select("section.activity")]
    second = [s["id"] for s in page(built_site, f"{SECOND_UNIT}/my-workbook").select("section.activity")]
    assert first == [a["id"] for a in activities(UNIT)] == ["walk", "reflect", "discuss"]
    assert second == [a["id"] for a in activities(SECOND_UNIT)]
    for handout in ("fixture-first-reflection", "comparison-tables"):
        assert (built_site / SECOND_UNIT / "handouts" / handout / "index.html").is_file()
    assert (built_site / "pdf" / "handout-fixture-first-reflection.pdf").is_file()
    assert (built_site / "pdf" / f"handout-{SECOND_UNIT}-comparison-tables.pdf").is_file()
    # The first unit's own paper holds none of the second's activities.
    whole_unit = page(built_site, "print").select("section.activity")
    assert whole_unit and not any(s["id"].startswith("fixture-") for s in whole_unit)
    listed = [a.get_text() for a in page(built_site, "handouts").select("table.pdf-list__table td a")]
    assert listed and not any("fixture" in name or SECOND_UNIT in name for name in listed)


# --- Both units' interactive parts on one site, in Chromium ----------------------------------


def test_both_units_keep_their_own_answers_and_self_checks(browser, site_url):
    first_key, second_key = FIRST["storage_key"], SECOND["storage_key"]
    first_prompts = sum(len(a["prompts"]) for a in activities(UNIT))
    second_prompts = sum(len(a["prompts"]) for a in activities(SECOND_UNIT))
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page_ = context.new_page()
    errors = []
    page_.on("pageerror", lambda error: errors.append(str(error)))
    try:
        # An answer saved earlier in the first unit, under its key, shows.
        page_.goto(url_of(site_url, "problems"))
        page_.evaluate(f"localStorage.setItem('{first_key}:answer:reflect:define', 'Saved earlier.')")
        page_.reload()
        assert page_.locator("#reflect--define-answer").input_value() == "Saved earlier."

        page_.goto(url_of(site_url, f"{SECOND_UNIT}/typology"))
        page_.locator("input[name='problem-check-fixture-one-answer'][value='no']").check()
        page_.get_by_role("button", name="Suggest a type").click()
        assert page_.locator(".problem-check__headline").inner_text() == "A fixture mess"
        page_.get_by_role("button", name=f"Copy into Self-Activity {FIRST_SELF_ACTIVITY + 2}").click()
        stored = page_.evaluate("Object.fromEntries(Object.entries(localStorage))")
        assert stored[f"{first_key}:answer:reflect:define"] == "Saved earlier."
        assert "Mess" in stored[f"{second_key}:answer:fixture-second-reflection:notes"]

        page_.goto(url_of(site_url, f"{SECOND_UNIT}/my-workbook"))
        assert page_.locator("#my-workbook-count").inner_text() == f"You have answered 1 of {second_prompts} prompts."
        with page_.expect_download() as download:
            page_.get_by_role("button", name="My answers (Markdown, .md)").click()
        assert download.value.suggested_filename == f"{SECOND_UNIT}-my-workbook.md"
        page_.get_by_role("button", name="Delete all answers…").click()
        page_.get_by_role("button", name="Yes, delete my answers").click()
        stored = page_.evaluate("Object.fromEntries(Object.entries(localStorage))")
        assert not any(key.startswith(f"{second_key}:") for key in stored)
        assert stored[f"{first_key}:answer:reflect:define"] == "Saved earlier.", "the first unit's answers stay"

        page_.goto(url_of(site_url, "my-workbook"))
        assert page_.locator("#my-workbook-count").inner_text() == f"You have answered 1 of {first_prompts} prompts."
        assert errors == []
    finally:
        context.close()
