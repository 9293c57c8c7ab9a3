"""Pages that teach on their own, as the fixture course is built and read in Chromium: each
teaching page opens with its outcomes and its time to read and do, worked out from what it
says, and ends with its key points; the overview adds the pages' times up; a learner alone
meets the exercise's steps, then the simulation, then the question."""

from __future__ import annotations

import math
import re

import pytest
from built_pages import page_soup
from engine import fixture_data
from test_browser import url_of
from test_interactive import axe_violations
from course.publish.conformance import COLOUR_SCHEMES
from course.render.page_time import words_read

OUTCOMES = fixture_data()["outcomes.yml"]["outcomes"]
KEY_POINTS = fixture_data()["key_points.yml"]["key_points"]
ACTIVITIES = {activity["id"]: activity for activity in fixture_data()["activities.yml"]["activities"]}
WORDS_PER_MINUTE = fixture_data()["programme.yml"].get("words_per_minute", 200)
# The fixture's teaching pages (the pages its outcomes are met on), by their address.
TEACHING = sorted({page.removesuffix(".md") for outcome in OUTCOMES for page in outcome["pages"]})
TIME = re.compile(r"About (\d+) minutes? to read(?: and do)?: (?:(\d+) minutes? to read )?([\d,]+) words, at (\d+) words a minute")


def text(element) -> str:
    return " ".join(element.get_text(" ").split())


def page_minutes(built_site, name: str) -> int:
    """The page's time as its box gives it, checked against what the page says and shows."""
    soup = page_soup(built_site, name)
    article = soup.select_one("article")
    said = TIME.search(text(article.select_one(".outcomes .outcomes__time")))
    assert said, text(article.select_one(".outcomes"))
    total, words, speed = int(said[1]), int(said[3].replace(",", "")), int(said[4])
    content = "".join(str(child) for child in article.children)
    assert speed == WORDS_PER_MINUTE and words == words_read(content)
    shown = [ACTIVITIES[section["id"]]["minutes"] for section in article.select("section.activity")]
    assert total == max(1, math.ceil(words / speed)) + sum(shown)
    return total


@pytest.mark.parametrize("name", TEACHING)
def test_a_teaching_page_opens_with_its_outcomes_and_time_and_ends_with_its_key_points(built_site, name):
    soup = page_soup(built_site, name)
    article = soup.select_one("article")
    first = article.find("h1").find_next_sibling()
    assert "outcomes" in first["class"], f"{name}: the outcomes box is not the first thing under the title"
    assert text(first.select_one(".site-added__label")) == "Added for this site"
    assert [text(li) for li in first.select("li")] == [o["text"] for o in OUTCOMES if f"{name}.md" in o["pages"]]
    page_minutes(built_site, name)
    headings = article.find_all("h2")
    assert text(headings[-1]).startswith("Key points"), f"{name}: its last section is not its key points"
    assert [text(li) for li in headings[-1].find_next_sibling("div").select("li")] == KEY_POINTS[f"{name}.md"]
    assert soup.select_one(f'nav.md-nav--secondary a[href="#{headings[-1]["id"]}"]'), "the key points are in the page's contents"


def test_the_overview_gives_every_outcome_and_the_units_time_its_pages_added_up(built_site):
    box = page_soup(built_site, "index").select_one("article .outcomes")
    assert [text(li) for li in box.select("li")] == [o["text"] for o in OUTCOMES]
    total = sum(page_minutes(built_site, name) for name in TEACHING)
    assert text(box.select_one(".outcomes__time")).startswith(f"About {total} minutes for the whole unit: the times to read and do of its {len(TEACHING)} pages")


def test_the_whole_unit_and_search_carry_the_times_filled_in(built_site):
    printed = page_soup(built_site, "print")
    assert len(printed.select(".outcomes")) == len(TEACHING) + 1
    assert not printed.select("[data-page-time], [data-unit-time]"), "a slot left empty"
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "to read and do" in index and "data-page-time" not in index


@pytest.fixture
def page_at(browser, site_url):
    contexts = []

    def open_(name: str, *, width=1280, color_scheme="light"):
        context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=color_scheme, reduced_motion="reduce")
        contexts.append(context)
        page = context.new_page()
        page.goto(url_of(site_url, name))
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_a_learner_alone_meets_the_steps_then_the_simulation_then_the_question(page_at, width):
    page = page_at("together", width=width)
    tops = page.evaluate(
        """() => ['#walk .activity__instructions', '#walk .activity__solo', '#flocking-canvas', '#walk .activity__prompts']
            .map((selector) => document.querySelector(selector).getBoundingClientRect().top + window.scrollY)"""
    )
    assert tops == sorted(tops) and len(set(tops)) == 4, tops
    assert page.locator("#walk .activity__solo").is_visible() and page.locator("#flocking-canvas").is_visible()
    assert page.locator("#walk .activity__prompts-heading").inner_text().lower() == "discuss, or on your own write about"


@pytest.mark.parametrize("scheme", COLOUR_SCHEMES)
def test_the_outcomes_key_points_and_solo_version_pass_axe(page_at, scheme):
    page = page_at("together", color_scheme=scheme)
    count, report = axe_violations(page)
    assert count == 0, report
