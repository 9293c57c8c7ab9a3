"""Assertions on a real `mkdocs build --strict` of the unit."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from engine import PROJECT_DIR, handouts
from site_building import copy_project, mkdocs_build

# The unit's own pages, in navigation order.
UNIT_PAGES = [
    "index",
    "pcn-ethos",
    "complex-systems",
    "leading-complex-systems",
    "theory-and-practice",
    "systems-leadership",
    "leading-health-and-social-care",
    "my-workbook",
    "references",
    "glossary",
]
# The pages made for paper (tests/test_print.py): the handout pages are
# generated from the data, one per activity plus the comparison tables.
PRINT_PAGES = ["workbook", "handouts", "print"] + [f"handouts/{handout.slug}" for handout in handouts()]
# For whoever runs the unit in a room: the facilitator's guide and the presenter view (tests/site/test_presenter_browser.py).
FACILITATOR_PAGES = ["facilitators", "facilitators/present"]
# The website's own pages, in no unit, linked from every page's footer (tests/site/test_public_pages.py).
WEBSITE_PAGES = ["accessibility", "privacy"]
PAGES = UNIT_PAGES + PRINT_PAGES + FACILITATOR_PAGES + WEBSITE_PAGES


def page_path(site: Path, page: str) -> Path:
    return site / "index.html" if page == "index" else site / page / "index.html"


def page_soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup(page_path(site, page).read_text(encoding="utf-8"), "html.parser")


def normalise(text: str) -> str:
    return " ".join(text.split())


def article_text(site: Path, page: str) -> str:
    return normalise(page_soup(site, page).find("article").get_text(" ")).replace(" ,", ",").replace(" .", ".")


def source_statements() -> list[tuple[str, str]]:
    lines = (PROJECT_DIR / "tests" / "source_statements.txt").read_text(encoding="utf-8").splitlines()
    return [tuple(part.strip() for part in line.split("|", 1)) for line in lines if line.strip() and not line.startswith("#")]


def test_every_page_in_the_navigation_is_built(built_site):
    for page in PAGES:
        assert page_path(built_site, page).is_file(), page


@pytest.mark.parametrize(("page", "statement"), source_statements())
def test_every_statement_of_the_source_is_on_its_page(built_site, page, statement):
    soup = page_soup(built_site, page)
    for expansion in soup.select(".abbreviation-expansion"):  # "PCN (Primary care network)": the site's, not the source's
        expansion.decompose()
    text = normalise(soup.get_text(" "))
    # get_text(" ") puts a space around inline tags such as <abbr> and <strong>
    squashed = re.sub(r"\s+([,.;:?!)])", r"\1", text).replace("( ", "(")
    assert normalise(statement) in squashed


def test_the_pages_follow_the_source_order(built_site):
    order = [page for page, _ in source_statements()]
    first_seen = list(dict.fromkeys(order))
    assert first_seen == [p for p in PAGES if p in first_seen]


def test_every_page_carries_the_copyright_line(built_site, site_pages):
    assert len(site_pages) == len(PAGES)
    for path in site_pages:
        footer = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("footer")
        assert "© 2017 Shared Service Architecture Ltd" in footer.get_text(), path


def test_comparison_tables_are_real_tables(built_site):
    for page, table_id, columns in (
        ("theory-and-practice", "organisational-forms", ["Market", "Hierarchy", "Network"]),
        ("systems-leadership", "problem-types", ["Critical", "Tame", "Wicked"]),
    ):
        table = page_soup(built_site, page).find(id=table_id).find("table")
        assert table.caption.get_text(strip=True)
        assert [th.get_text(strip=True) for th in table.thead.find_all("th", scope="col")][1:] == columns
        assert table.tbody.find_all("th", scope="row")
        # Every data cell is under a column header and beside a row header.
        for row in table.tbody.find_all("tr"):
            assert len(row.find_all("td")) == len(columns) and row.find("th", scope="row")


def test_activities_are_on_their_pages_with_anchors(built_site):
    expected = {
        "complex-systems": ["flocking"],
        "leading-complex-systems": ["self-activity-7"],
        "systems-leadership": ["leading-complex-pcn-projects", "self-activity-8"],
    }
    activities = yaml.safe_load((PROJECT_DIR / "data" / "unit-3" / "activities.yml").read_text())["activities"]
    for page, ids in expected.items():
        sections = page_soup(built_site, page).select("section.activity")
        assert [s["id"] for s in sections] == ids
        for section in sections:
            data = next(a for a in activities if a["id"] == section["id"])
            prompts = section.select("ol.activity__prompts > li")
            assert len(prompts) == len(data["prompts"])


def test_every_activity_is_used_somewhere(built_site):
    activities = yaml.safe_load((PROJECT_DIR / "data" / "unit-3" / "activities.yml").read_text())["activities"]
    content_pages = [page for page in UNIT_PAGES if page != "my-workbook"]  # which gathers them all
    on_pages = {s["id"] for page in content_pages for s in page_soup(built_site, page).select("section.activity")}
    assert on_pages == {a["id"] for a in activities}


def test_the_typology_figure_is_inline_svg(built_site):
    figure = page_soup(built_site, "systems-leadership").find("figure", id="typology-figure")
    svg = figure.find("svg")
    assert svg.find("title").get_text() and svg.find("desc").get_text()
    assert [t.get_text() for t in svg.select("text.typology-figure__response")] == ["Command", "Management", "Leadership"]


def test_abbreviations_are_tooltips_in_prose_and_in_macro_output(built_site):
    soup = page_soup(built_site, "pcn-ethos")
    titles = {a.get_text(): a["title"] for a in soup.find("article").find_all("abbr")}
    assert titles == {"GP": "General practitioner", "NHS": "National Health Service", "PCN": "Primary care network", "PCNs": "Primary care networks", "GPs": "General practitioners"}
    activity = page_soup(built_site, "leading-complex-systems").find("section", id="self-activity-7")
    assert activity.find("abbr", title="Primary care network")


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
    assert terms == ["GP", "NHS", "PCN"]


def test_references_page_lists_both_sources(built_site):
    text = article_text(built_site, "references")
    assert "The Leadership Centre (2014)" in text
    assert "Keith Grint (2005), adapted" in text


def test_citation_links_resolve(built_site):
    link = page_soup(built_site, "complex-systems").find("a", string="The Leadership Centre (2014)")
    assert link["href"] == "../references/#leadership-centre-2014"
    assert page_soup(built_site, "references").find(id="leadership-centre-2014")


def test_navigation_has_previous_and_next_links(built_site):
    footer = page_soup(built_site, "theory-and-practice").find("nav", class_="md-footer__inner")
    links = {a["aria-label"].split(":")[0].strip(): a["href"] for a in footer.find_all("a")}
    assert links == {"Previous": "../leading-complex-systems/", "Next": "../systems-leadership/"}


def test_our_own_logo_and_favicon(built_site):
    soup = page_soup(built_site, "index")
    assert soup.find("link", rel="icon")["href"] == "assets/favicon.svg"
    assert soup.select_one(".md-header__button.md-logo svg[aria-label='Unit 3 logo']")  # inlined: overrides/partials/logo.html
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
    assert {"" if p == "index" else f"{p}/" for p in UNIT_PAGES + ["handouts"]} <= locations
    wicked = [doc for doc in index["docs"] if "wicked" in doc["text"].lower()]
    assert any(doc["location"].startswith("systems-leadership/") for doc in wicked)
    typology = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("systems-leadership/"))
    assert "Threatens survival and needs decisive action." in typology, "macro output is searchable"


def test_raw_data_is_not_published(built_site):
    assert not list(built_site.rglob("*.yml"))


def test_bad_data_stops_the_build_before_anything_is_written(tmp_path):
    project = copy_project(tmp_path / "project")
    activities = project / "data" / "unit-3" / "activities.yml"
    activities.write_text(activities.read_text().replace("title: What kind of problems", "titel: What kind of problems"))
    site = tmp_path / "site"
    result = mkdocs_build(site, project_dir=project)
    assert result.returncode != 0
    assert "data/unit-3/activities.yml:" in result.stderr and "activity 'self-activity-8', field 'titel'" in result.stderr
    assert not site.exists()


def test_an_unknown_activity_id_on_a_page_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "leading-complex-systems.md"
    page.write_text(page.read_text().replace('activity("self-activity-7")', 'activity("self-activity-77")'))
    result = mkdocs_build(tmp_path / "site", project_dir=project)
    assert result.returncode != 0
    assert "no activity with id 'self-activity-77'" in result.stderr


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
