"""A second unit, added with pages and data alone, builds beside Unit 3.

The fixture in tests/fixtures/second-unit/ is a tiny unit of its own: two pages
under docs/unit-4/ and a data folder data/unit-4/. Adding it needs no code
change: only the programme's list of units and the navigation, both config.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import PROJECT_DIR, mkdocs_build
from macros.check import check_project
from test_site import copy_project

FIXTURE = PROJECT_DIR / "tests" / "fixtures" / "second-unit"
UNIT_4_NAV = """  - Test unit:
      - unit-4/index.md
      - unit-4/more.md
"""


def add_second_unit(project: Path) -> Path:
    shutil.copytree(FIXTURE / "docs" / "unit-4", project / "docs" / "unit-4")
    shutil.copytree(FIXTURE / "data" / "unit-4", project / "data" / "unit-4")
    programme_file = project / "data" / "programme.yml"
    programme = yaml.safe_load(programme_file.read_text(encoding="utf-8"))
    programme["units"].append({"id": "unit-4", "number": 4, "title": "A test unit"})
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
