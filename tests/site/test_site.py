"""Assertions on a real `mkdocs build --strict` of the fixture course (tests/fixtures/course/)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from course.content.abbreviations import read_abbreviations
from engine import ABBREVIATIONS_FILE, PROJECT_DIR, SECOND_UNIT, UNIT, fixture_data, handouts
from fixture_course import fixture_config
from site_building import copy_project, mkdocs_build

# A page by its address in the site: "index" for the Overview, "unit-2" for docs/unit-2/index.md.
# The fixture's first unit (pages in docs/), in navigation order.
UNIT_PAGES = ["index", "basics", "together", "forms", "problems", "my-workbook", "references", "glossary"]
# Its pages made for paper (tests/site/test_print.py), its handout pages generated from the data:
# one per activity, one for the comparison tables and one for the self-check's worksheet.
UNIT_HANDOUT_PAGES = [handout.src_uri.removesuffix(".md") for handout in handouts() if handout.unit_id == UNIT]
PRINT_PAGES = ["workbook", "handouts", "print", *UNIT_HANDOUT_PAGES]
# For whoever runs the unit in a room: the facilitator's guide, the presenter view (tests/site/test_presenter_browser.py),
# a run sheet, and the pages for before and after the session (tests/site/test_before_and_after_browser.py).
FACILITATOR_PAGES = [
    "facilitators",
    "facilitators/present",
    "facilitators/run-sheet-45",
    "facilitators/before-and-after",
    "facilitators/attendance-register",
    "facilitators/evaluation-form",
    "facilitators/certificate",
]
# The second unit (docs/unit-2/), in navigation order, and its handout pages (tests/site/test_second_unit.py).
SECOND_UNIT_PAGES = [SECOND_UNIT, f"{SECOND_UNIT}/more", f"{SECOND_UNIT}/typology", f"{SECOND_UNIT}/my-workbook"]
SECOND_UNIT_HANDOUT_PAGES = [handout.src_uri.removesuffix(".md") for handout in handouts() if handout.unit_id == SECOND_UNIT]
# The website's own pages, in no unit, linked from every page's footer (tests/site/test_public_pages.py).
WEBSITE_PAGES = ["accessibility", "privacy"]
# Every page the build makes (test_every_page_carries_the_copyright_line holds the build to it).
PAGES = UNIT_PAGES + PRINT_PAGES + FACILITATOR_PAGES + SECOND_UNIT_PAGES + SECOND_UNIT_HANDOUT_PAGES + WEBSITE_PAGES
# The fixture's settings, as MkDocs reads them (its own mkdocs.yml over the site's).
CONFIG = fixture_config()


def page_path(site: Path, page: str) -> Path:
    return site / "index.html" if page == "index" else site / page / "index.html"


def page_soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup(page_path(site, page).read_text(encoding="utf-8"), "html.parser")


def normalise(text: str) -> str:
    return " ".join(text.split())


def article_text(site: Path, page: str) -> str:
    return normalise(page_soup(site, page).find("article").get_text(" ")).replace(" ,", ",").replace(" .", ".")


def activities(unit: str = UNIT) -> list[dict]:
    """A unit's activities, as the fixture's data gives them."""
    return fixture_data()["activities.yml" if unit == UNIT else f"{unit}/activities.yml"]["activities"]


def test_every_page_in_the_navigation_is_built(built_site):
    for page in PAGES:
        assert page_path(built_site, page).is_file(), page


def test_every_page_carries_the_copyright_line(built_site, site_pages):
    assert sorted(site_pages) == sorted(page_path(built_site, page) for page in PAGES), "PAGES names every page built"
    for path in site_pages:
        footer = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("footer")
        assert CONFIG["copyright"] in footer.get_text(), path


def test_comparison_tables_are_real_tables(built_site):
    data = fixture_data()
    for page, table_id, columns in (
        ("forms", "organisational-forms", [form["name"] for form in data["organisational_forms.yml"]["forms"]]),
        ("problems", "problem-types", [kind["name"] for kind in data["problem_types.yml"]["types"]]),
        (f"{SECOND_UNIT}/typology", "problem-types", [kind["name"] for kind in data[f"{SECOND_UNIT}/problem_types.yml"]["types"]]),
    ):
        table = page_soup(built_site, page).find(id=table_id).find("table")
        assert table.caption.get_text(strip=True)
        assert [th.get_text(strip=True) for th in table.thead.find_all("th", scope="col")][1:] == columns
        assert table.tbody.find_all("th", scope="row")
        # Every data cell is under a column header and beside a row header.
        for row in table.tbody.find_all("tr"):
            assert len(row.find_all("td")) == len(columns) and row.find("th", scope="row")


def test_every_activity_is_used_somewhere(built_site):
    for unit, pages in ((UNIT, UNIT_PAGES), (SECOND_UNIT, SECOND_UNIT_PAGES)):
        content_pages = [page for page in pages if not page.endswith("my-workbook")]  # which gathers them all
        on_pages = {s["id"] for page in content_pages for s in page_soup(built_site, page).select("section.activity")}
        assert on_pages == {a["id"] for a in activities(unit)}, unit


def test_the_typology_figure_is_inline_svg(built_site):
    figure = page_soup(built_site, "problems").find("figure", id="typology-figure")
    svg = figure.find("svg")
    assert svg.find("title").get_text() and svg.find("desc").get_text()
    responses = [kind["response"] for kind in fixture_data()["problem_types.yml"]["types"]]
    assert [t.get_text() for t in svg.select("text.typology-figure__response")] == responses


def test_abbreviations_are_tooltips_in_prose_and_in_macro_output(built_site):
    meanings = read_abbreviations(ABBREVIATIONS_FILE)
    soup = page_soup(built_site, "basics")  # "A PCN brings practices together", "less pressure on GPs"
    titles = {a.get_text(): a["title"] for a in soup.find("article").find_all("abbr")}
    assert titles == {word: meanings[word] for word in ("PCN", "GPs")}
    activity = page_soup(built_site, "problems").find("section", id="reflect")  # its instructions name a PCN
    assert activity.find("abbr", title=meanings["PCN"])


@pytest.mark.parametrize("name", PAGES)
def test_every_abbreviation_is_spelled_out_at_its_first_use_on_each_page(built_site, name):
    """Its meaning then reaches a keyboard, a screen reader and paper, which its tooltip does not."""
    article = page_soup(built_site, name).find("article")
    for scope in article.select(".whole-unit__page") or [article]:  # each page of the whole unit spells out its own
        _assert_spelled_out_at_first_use(scope, name)


def _assert_spelled_out_at_first_use(scope, name):
    seen = set()
    for abbr in scope.find_all("abbr", title=True):
        if abbr.find_parent(re.compile(r"^h[1-6]$")) or "glossary__abbreviation" in abbr.get("class", []):
            continue
        word = abbr.get_text().removesuffix("s")
        expansion = abbr.find_next_sibling()
        spelled_out = expansion is not None and "abbreviation-expansion" in expansion.get("class", []) and abbr.next_sibling is expansion
        assert spelled_out == (word not in seen), f"{name}: {abbr.get_text()} (first use: {word not in seen})"
        if spelled_out:
            assert expansion.get_text() == f" ({abbr['title']})"
        seen.add(word)


def test_the_glossary_lists_every_abbreviation(built_site):
    terms = [dt.get_text(strip=True) for dt in page_soup(built_site, "glossary").select("dl.glossary")[0].find_all("dt")]
    abbreviations = read_abbreviations(ABBREVIATIONS_FILE)
    plurals = {word for word in abbreviations if word.endswith("s") and word[:-1] in abbreviations}  # PCNs: with PCN
    assert terms == sorted(set(abbreviations) - plurals)


def test_citation_links_resolve(built_site):
    link = page_soup(built_site, "together").find("a", string="The Fixture Centre (2014)")
    assert link["href"] == "../references/#fixture-centre-2014"
    assert page_soup(built_site, "references").find(id="fixture-centre-2014")


def test_navigation_has_previous_and_next_links(built_site):
    footer = page_soup(built_site, "forms").find("nav", class_="md-footer__inner")
    links = {a["aria-label"].split(":")[0].strip(): a["href"] for a in footer.find_all("a")}
    assert links == {"Previous": "../together/", "Next": "../problems/"}


def test_our_own_logo_and_favicon(built_site):
    soup = page_soup(built_site, "index")
    assert soup.find("link", rel="icon")["href"] == "assets/favicon.svg"
    logo = soup.select_one(".md-header__button.md-logo svg[role='img']")  # inlined: overrides/partials/logo.html
    assert logo and logo["aria-label"]
    assert (built_site / "assets" / "logo.svg").is_file()


def test_pages_ask_no_other_host_for_anything(built_site, site_pages):
    for path in site_pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in soup.find_all(tag):
                value = element.get(attribute, "")
                if tag == "link" and "canonical" in element.get("rel", []):
                    continue
                assert not re.match(r"^(https?:)?//", value), f"{path}: {tag} {value}"


def test_search_index_covers_every_page(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {"" if p == "index" else f"{p}/" for p in UNIT_PAGES + SECOND_UNIT_PAGES + ["handouts"]} <= locations
    wicked = [doc for doc in index["docs"] if "wicked" in doc["text"].lower()]
    assert any(doc["location"].startswith("problems/") for doc in wicked)
    typology = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("problems/"))
    critical = fixture_data()["problem_types.yml"]["types"][0]["description"]
    assert critical in typology, "macro output is searchable"


def test_raw_data_is_not_published(built_site):
    assert not list(built_site.rglob("*.yml"))


def test_bad_data_stops_the_build_before_anything_is_written(tmp_path):
    project = copy_project(tmp_path / "project")
    data = project / "data" / UNIT / "activities.yml"
    data.write_text(data.read_text().replace("title: Your own projects", "titel: Your own projects"))
    site = tmp_path / "site"
    result = mkdocs_build(site, project_dir=project)
    assert result.returncode != 0
    assert f"data/{UNIT}/activities.yml:" in result.stderr and "activity 'reflect', field 'titel'" in result.stderr
    assert not site.exists()


def test_an_unknown_activity_id_on_a_page_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "problems.md"
    page.write_text(page.read_text().replace('activity("reflect")', 'activity("reflect-77")'))
    result = mkdocs_build(tmp_path / "site", project_dir=project)
    assert result.returncode != 0
    assert "no activity with id 'reflect-77'" in result.stderr


def test_the_site_was_built_by_the_chosen_builder(built_site):
    from site_building import SITE_BUILDER

    generator = page_soup(built_site, "index").find("meta", attrs={"name": "generator"})["content"]
    expected = {"mkdocs": "mkdocs-1.6.1,", "properdocs": "ProperDocs 1.6.7,"}[SITE_BUILDER]
    assert expected in generator


def test_no_page_repeats_an_id(built_site, site_pages):
    for path in site_pages:
        ids = [element["id"] for element in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all(id=True)]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        assert repeated == [], f"{path}: {repeated}"


def test_mkdocs_yml_gives_no_key_twice():
    # YAML lets a later key silently replace an earlier one (two extra_javascript
    # lists once dropped a script). mkdocs.yml uses tags (!ENV) that course data may
    # not, so its nodes are composed (never constructed) and every mapping's keys compared.
    text = (PROJECT_DIR / "mkdocs.yml").read_text(encoding="utf-8")
    repeated = []
    nodes = [yaml.compose(text, Loader=yaml.SafeLoader)]
    while nodes:
        node = nodes.pop()
        if isinstance(node, yaml.MappingNode):
            keys = [key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)]
            repeated += [(key, node.start_mark.line + 1) for key in sorted(set(keys)) if keys.count(key) > 1]
            nodes += [value for _, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            nodes += node.value
    assert repeated == [], "mkdocs.yml gives these keys twice (key, line of the mapping)"
