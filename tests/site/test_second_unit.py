"""A second unit, added with pages and data alone, builds beside Unit 3.

The fixture in tests/fixtures/second-unit/ is a tiny unit of its own: four
pages under docs/unit-4/ (activities, a typology with its self-check, My
workbook) and a data folder data/unit-4/ with its own activities, typology and
references. Adding it needs no code change: only the programme's list of units
and the navigation, both config. Each unit's pages draw on that unit's data,
and each unit's answers are kept apart in the learner's browser.
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from course.checks import check_project
from engine import PROJECT_DIR
from site_building import copy_project, mkdocs_build

FIXTURE = PROJECT_DIR / "tests" / "fixtures" / "second-unit"
UNIT_4_NAV = """  - Test unit:
      - unit-4/index.md
      - unit-4/more.md
      - unit-4/typology.md
      - unit-4/my-workbook.md
"""
UNIT_4 = {"id": "unit-4", "number": 4, "title": "A test unit", "pages": "unit-4", "storage_key": "pcn-unit4"}


def add_second_unit(project: Path) -> Path:
    shutil.copytree(FIXTURE / "docs" / "unit-4", project / "docs" / "unit-4")
    shutil.copytree(FIXTURE / "data" / "unit-4", project / "data" / "unit-4")
    programme_file = project / "data" / "programme.yml"
    programme = yaml.safe_load(programme_file.read_text(encoding="utf-8"))
    programme["units"].append(dict(UNIT_4))
    programme_file.write_text(yaml.safe_dump(programme, sort_keys=False), encoding="utf-8")
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index("nav:\n")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].strip() and not lines[i].startswith(" ")), len(lines))
    lines.insert(end, UNIT_4_NAV)
    config.write_text("".join(lines), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def programme_site(tmp_path_factory):
    project = add_second_unit(copy_project(tmp_path_factory.mktemp("programme") / "project"))
    site = project.parent / "site"
    result = mkdocs_build(site, project_dir=project)
    assert result.returncode == 0, result.stderr
    return project, site


def labels_on(site: Path, page: str) -> dict[str, str]:
    soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    return {s["id"]: s.select_one(".activity__kind").get_text() for s in soup.select("section.activity")}


def test_the_check_passes_with_the_second_unit(programme_site):
    project, _ = programme_site
    assert check_project(project) == []


def test_the_second_units_activities_are_numbered_on_from_unit_3s(programme_site):
    _, site = programme_site
    assert labels_on(site, "leading-complex-systems") == {"self-activity-7": "Self-Activity 7"}
    assert labels_on(site, "systems-leadership")["self-activity-8"] == "Self-Activity 8"
    assert labels_on(site, "unit-4") == {"fixture-first-reflection": "Self-Activity 9"}
    assert labels_on(site, "unit-4/more") == {
        "fixture-group-talk": "Discussion",
        "fixture-second-reflection": "Self-Activity 10",
    }


def test_the_second_unit_links_and_cites_across_units(programme_site):
    _, site = programme_site
    soup = BeautifulSoup((site / "unit-4" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find("a", string="A Test Author (2020)")["href"] == "../references/#fixture-source"
    assert soup.find("a", string="Unit 3's flocking exercise")["href"] == "../complex-systems/#flocking"
    references = (site / "references" / "index.html").read_text(encoding="utf-8")
    assert 'id="fixture-source"' in references and 'id="grint-2005"' in references


def test_the_second_unit_is_in_the_navigation_and_search(programme_site):
    _, site = programme_site
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(doc["location"].startswith("unit-4/more/") for doc in index["docs"])
    nav = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("nav.md-nav--primary")
    assert "Test unit" in nav.get_text()


def test_a_clash_between_units_is_named(tmp_path):
    project = add_second_unit(copy_project(tmp_path / "project"))
    activities = project / "data" / "unit-4" / "activities.yml"
    activities.write_text(activities.read_text().replace("id: fixture-group-talk", "id: flocking"))
    problems = [str(p) for p in check_project(project)]
    assert "data/unit-4/activities.yml: the id 'flocking' is also used in unit 'unit-3'; ids must be unique across the programme" in problems


def page(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name / "index.html").read_text(encoding="utf-8"), "html.parser")


def settings_of(soup: BeautifulSoup) -> dict:
    return json.loads(soup.find("script", id="course-settings").string)


def test_each_page_knows_its_unit(programme_site):
    _, site = programme_site
    assert settings_of(page(site, "systems-leadership"))["unit"] == {
        "id": "unit-3",
        "storageKey": "pcn-unit3",
        "myWorkbookFile": "unit-3-my-workbook",
    }
    assert settings_of(page(site, "unit-4/typology"))["unit"] == {
        "id": "unit-4",
        "storageKey": "pcn-unit4",
        "myWorkbookFile": "unit-4-my-workbook",
    }
    assert settings_of(page(site, "unit-4"))["namespace"] == "PcnProgramme"


def test_each_units_self_check_asks_its_own_typology(programme_site):
    _, site = programme_site
    unit_3 = json.loads(page(site, "systems-leadership").find(id="problem-check-data").string)
    unit_4 = json.loads(page(site, "unit-4/typology").find(id="problem-check-data").string)
    assert [t["name"] for t in unit_3["types"]] == ["Critical", "Tame", "Wicked"]
    assert [t["name"] for t in unit_4["types"]] == ["Puzzle", "Mess"]
    assert unit_4["copyTo"] == {"activity": "fixture-second-reflection", "prompt": "notes", "label": "Self-Activity 10", "number": 1}
    figure = page(site, "unit-4/typology").find("figure", id="typology-figure")
    assert [t.get_text() for t in figure.select("text.typology-figure__name")] == ["Puzzle problem", "Mess problem"]


def test_each_units_workbook_and_handouts_hold_its_own_activities(programme_site):
    _, site = programme_site
    unit_3 = [s["id"] for s in page(site, "my-workbook").select("section.activity")]
    unit_4 = [s["id"] for s in page(site, "unit-4/my-workbook").select("section.activity")]
    assert unit_3 == ["flocking", "self-activity-7", "leading-complex-pcn-projects", "self-activity-8"]
    assert unit_4 == ["fixture-first-reflection", "fixture-group-talk", "fixture-second-reflection"]
    for handout in ("fixture-first-reflection", "comparison-tables"):
        assert (site / "unit-4" / "handouts" / handout / "index.html").is_file()
    assert (site / "pdf" / "handout-fixture-first-reflection.pdf").is_file()
    assert (site / "pdf" / "handout-unit-4-comparison-tables.pdf").is_file()
    # Unit 3's own paper holds none of Unit 4's activities.
    whole_unit = page(site, "print").select("section.activity")
    assert not any(s["id"].startswith("fixture-") for s in whole_unit)
    listed = [a.get_text() for a in page(site, "handouts").select("table.pdf-list__table td a")]
    assert not any("fixture" in name or "unit-4" in name for name in listed)


# --- Both units' interactive parts on one site, in Chromium ----------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def programme_url(programme_site):
    _, site = programme_site
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_both_units_keep_their_own_answers_and_self_checks(browser, programme_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page_ = context.new_page()
    errors = []
    page_.on("pageerror", lambda error: errors.append(str(error)))
    try:
        # An answer saved in Unit 3 before this change, under Unit 3's key, still shows.
        page_.goto(f"{programme_url}/systems-leadership/")
        page_.evaluate("localStorage.setItem('pcn-unit3:answer:self-activity-8:define-with-typology', 'Saved earlier.')")
        page_.reload()
        assert page_.locator("#self-activity-8--define-with-typology-answer").input_value() == "Saved earlier."

        page_.goto(f"{programme_url}/unit-4/typology/")
        page_.locator("input[name='problem-check-fixture-mess'][value='yes']").check()
        page_.locator("input[name='problem-check-fixture-puzzle'][value='no']").check()
        page_.get_by_role("button", name="Suggest a type").click()
        assert "mess" in page_.locator(".problem-check__headline").inner_text().lower()
        page_.get_by_role("button", name="Copy into Self-Activity 10").click()
        stored = page_.evaluate("Object.fromEntries(Object.entries(localStorage))")
        assert stored["pcn-unit3:answer:self-activity-8:define-with-typology"] == "Saved earlier."
        assert "Mess" in stored["pcn-unit4:answer:fixture-second-reflection:notes"]

        page_.goto(f"{programme_url}/unit-4/my-workbook/")
        assert page_.locator("#my-workbook-count").inner_text() == "You have answered 1 of 3 prompts."
        with page_.expect_download() as download:
            page_.get_by_role("button", name="Download as Markdown (.md)").click()
        assert download.value.suggested_filename == "unit-4-my-workbook.md"
        page_.get_by_role("button", name="Delete all answers…").click()
        page_.get_by_role("button", name="Yes, delete my answers").click()
        stored = page_.evaluate("Object.fromEntries(Object.entries(localStorage))")
        assert not any(key.startswith("pcn-unit4:") for key in stored)
        assert stored["pcn-unit3:answer:self-activity-8:define-with-typology"] == "Saved earlier.", "Unit 3's answers stay"

        page_.goto(f"{programme_url}/my-workbook/")
        assert page_.locator("#my-workbook-count").inner_text() == "You have answered 1 of 8 prompts."
        assert errors == []
    finally:
        context.close()
