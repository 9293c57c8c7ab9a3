"""The presenter view's macro, rendered without MkDocs: a slide per activity in
the session plan's running order, each readable without JavaScript, and what
the page's script needs; data shown as text; a unit without a plan refused."""

from __future__ import annotations

import json

import pytest
import yaml
from bs4 import BeautifulSoup

from engine import DATA_DIR, DOCS_DIR, HOSTILE_TEXTS, UNIT_3, outline
from course.checks.macro_calls import check_macro_calls
from course.page_macros import PageMacros

PRESENTER_PAGE = "facilitators/present.md"
RUNNING_ORDER = ["flocking", "self-activity-7", "leading-complex-pcn-projects", "self-activity-8"]
SCRIPT_BREAKERS = ["</script><script>alert(1)</script>", "<!--"]


def presenter_view(data_dir=DATA_DIR, page=PRESENTER_PAGE, cache=None) -> str:
    return PageMacros(outline(data_dir), page, cache).presenter_view()


def slides(html: str):
    return BeautifulSoup(html, "html.parser").select("section.presenter__slide")


def session_data() -> dict:
    return yaml.safe_load((DATA_DIR / UNIT_3 / "session.yml").read_text(encoding="utf-8"))


def test_a_slide_for_each_activity_in_the_running_order():
    order = [part["activity"] for part in session_data()["running_order"] if "activity" in part]
    assert order == RUNNING_ORDER, "the session plan this test reads"
    shown = slides(presenter_view())
    assert [slide["id"] for slide in shown] == RUNNING_ORDER
    assert [slide.find(class_="presenter__kind").get_text() for slide in shown] == [
        "Exercise",
        "Self-Activity 7",
        "Discussion",
        "Self-Activity 8",
    ]
    assert [slide.find(class_="presenter__position").get_text() for slide in shown] == [f"Activity {n} of 4" for n in range(1, 5)]


def test_each_slide_shows_the_title_steps_and_prompts_the_room_needs():
    flocking, activity_7, _, activity_8 = slides(presenter_view())
    title = flocking.find("h2")
    assert title.get_text() == "Flocking" and title["id"] == "flocking-heading" and title["tabindex"] == "-1"
    assert flocking["aria-labelledby"] == "flocking-heading"
    assert [li.get_text() for li in flocking.select("ol.presenter__steps > li")] == [
        "This activity requires movement!",
        "Choose two people from around the room.",
        'When the facilitator says "go!", move so that you stay the same distance from both of those two people.',
        "When they move, move to a new place of equal distance.",
        "Stop when you find a steady state.",
    ]
    assert flocking.find(class_="presenter__prompts-heading").get_text() == "Discuss"
    assert [li.get_text() for li in flocking.select(".presenter__prompt-text")] == [
        "What did you notice as the group moved towards a steady state?"
    ]
    assert activity_7.find(class_="presenter__question").get_text() == "What is new and different across our PCN?"
    assert activity_7.find("p", class_="presenter__steps").get_text().startswith("In your workbook")
    assert activity_8.find(class_="presenter__prompts-heading").get_text() == "Write about"
    assert len(activity_8.select(".presenter__prompts > li")) == 2


def test_each_slide_says_who_works_with_whom_and_its_planned_minutes_in_words():
    facts = [(slide.find(class_="presenter__who").get_text(), slide.find(class_="presenter__minutes").get_text()) for slide in slides(presenter_view())]
    assert facts == [
        ("The whole group, standing; it works best with eight or more people.", "15 minutes"),
        ("On your own, then in pairs.", "10 minutes"),
        ("Groups of four to six.", "15 minutes"),
        ("On your own, then in pairs.", "15 minutes"),
    ]


def test_the_timer_waits_for_javascript_and_its_controls_are_buttons():
    for slide in slides(presenter_view()):
        timer = slide.find(class_="presenter__timer")
        assert timer.has_attr("hidden")
        assert timer.find(class_="presenter__clock")["role"] == "timer"
        assert [(b["type"], b["data-timer"], b.get_text()) for b in timer.find_all("button")] == [
            ("button", "toggle", "Start"),
            ("button", "reset", "Reset"),
        ]
        assert timer.find(class_="presenter__bar")["aria-hidden"] == "true"
    page = BeautifulSoup(presenter_view(), "html.parser")
    assert page.find(class_="presenter__keys").has_attr("hidden")
    assert "JavaScript" in page.find(class_="presenter__no-js").get_text()
    assert page.find(class_="presenter__status")["role"] == "status"


def test_previous_and_next_link_the_slides_in_running_order():
    moves = [
        [(a.get_text(), a["href"], a["rel"]) for a in slide.select(".presenter__moves a")] for slide in slides(presenter_view())
    ]
    assert moves == [
        [("Next: Self-Activity 7", "#self-activity-7", ["next"])],
        [("Previous: Exercise", "#flocking", ["prev"]), ("Next: Discussion", "#leading-complex-pcn-projects", ["next"])],
        [("Previous: Self-Activity 7", "#self-activity-7", ["prev"]), ("Next: Self-Activity 8", "#self-activity-8", ["next"])],
        [("Previous: Discussion", "#leading-complex-pcn-projects", ["prev"])],
    ]


def test_each_slide_links_to_the_activity_on_its_page_from_where_the_view_is():
    links = [(a.get_text(), a["href"]) for slide in slides(presenter_view()) for a in slide.select(".presenter__page a")]
    assert links == [
        ("Complex systems, simple rules", "../../complex-systems/#flocking"),
        ("Leading complex systems", "../../leading-complex-systems/#self-activity-7"),
        ("Systems leadership and problem solving", "../../systems-leadership/#leading-complex-pcn-projects"),
        ("Systems leadership and problem solving", "../../systems-leadership/#self-activity-8"),
    ]
    # The output is cached per page, since its links are relative to the page.
    cache: dict = {}
    presenter_view(cache=cache)
    elsewhere = slides(presenter_view(page="present.md", cache=cache))[0].select_one(".presenter__page a")["href"]
    assert elsewhere == "../complex-systems/#flocking"


def test_the_page_script_gets_each_slides_id_name_and_minutes():
    script = BeautifulSoup(presenter_view(), "html.parser").find("script", id="presenter-data", type="application/json")
    assert json.loads(script.string) == {
        "slides": [
            {"id": "flocking", "name": "Exercise: Flocking", "minutes": 15},
            {"id": "self-activity-7", "name": "Self-Activity 7: Leading complex systems – what is the reality across our PCN?", "minutes": 10},
            {"id": "leading-complex-pcn-projects", "name": "Discussion: Leading complex PCN projects", "minutes": 15},
            {"id": "self-activity-8", "name": "Self-Activity 8: What kind of problems are you trying to address across your PCN?", "minutes": 15},
        ]
    }


def test_a_changed_running_order_and_minutes_change_the_slides(make_data_dir):
    def edit(data):
        order = data["session.yml"]["running_order"]
        positions = [i for i, part in enumerate(order) if part.get("activity") in ("flocking", "self-activity-8")]
        order[positions[0]], order[positions[1]] = order[positions[1]], order[positions[0]]
        data["activities.yml"]["activities"][1]["facilitation"]["minutes"] = 1
        data["session.yml"]["total_minutes"] -= 9

    html = presenter_view(make_data_dir(edit))
    assert [slide["id"] for slide in slides(html)] == ["self-activity-8", "self-activity-7", "leading-complex-pcn-projects", "flocking"]
    assert slides(html)[1].find(class_="presenter__minutes").get_text() == "1 minute"
    assert json.loads(BeautifulSoup(html, "html.parser").find("script").string)["slides"][1]["minutes"] == 1


@pytest.mark.parametrize("hostile", HOSTILE_TEXTS + SCRIPT_BREAKERS)
def test_data_is_shown_as_text_and_cannot_break_out_of_the_script(make_data_dir, hostile):
    def edit(data):
        activity = data["activities.yml"]["activities"][0]
        activity["title"] = hostile
        activity["instructions"][0] = hostile
        activity["prompts"][0]["text"] = hostile
        activity["facilitation"]["group_size"] = hostile

    html = presenter_view(make_data_dir(edit))
    page = BeautifulSoup(html, "html.parser")
    scripts = page.find_all("script")
    assert len(scripts) == 1, "no text may open or close a script element"
    assert json.loads(scripts[0].string)["slides"][0]["name"] == f"Exercise: {hostile}"
    flocking = slides(html)[0]
    assert flocking.find("h2").get_text() == hostile
    assert flocking.select("ol.presenter__steps > li")[0].get_text() == hostile
    assert flocking.select(".presenter__prompt-text")[0].get_text() == hostile
    assert flocking.find(class_="presenter__who").get_text() == hostile


def test_a_unit_without_a_session_plan_is_refused_with_what_to_add(make_data_dir):
    def edit(data):
        data["session.yml"] = None  # no session.yml in the unit's folder

    data_dir = make_data_dir(edit)
    with pytest.raises(KeyError, match=r"unit 'unit-3' has none; add .*data/unit-3/session\.yml with its running_order"):
        presenter_view(data_dir)
    problems = check_macro_calls(outline(data_dir), {})

    def call_line(page: str, call: str) -> int:
        lines = (DOCS_DIR / page).read_text(encoding="utf-8").splitlines()
        return next(number for number, line in enumerate(lines, start=1) if call in line)

    # The facilitator's guide follows the same plan, so it is refused too, each at its own line.
    assert [(problem.file, problem.line) for problem in problems] == [
        ("docs/facilitators/index.md", call_line("facilitators/index.md", "facilitator_guide()")),
        ("docs/facilitators/present.md", call_line(PRESENTER_PAGE, "presenter_view()")),
    ]
    assert all("session.yml" in problem.message for problem in problems)


def test_the_page_is_out_of_the_whole_unit_and_of_search_and_loads_its_scripts():
    page = outline().page(PRESENTER_PAGE)
    assert page.meta["whole_unit"] is False and page.meta["search"] == {"exclude": True}
    assert page.meta["template"] == "presenter.html"
    assert page.meta["scripts"] == ["javascripts/presenter.js", "javascripts/presenter-page.js"]
    assert [call.name for call in page.calls] == ["presenter_view"]


def test_a_pages_title_is_its_front_matter_title_or_its_first_heading(tmp_path):
    from course.content.pages import read_pages

    (tmp_path / "a.md").write_text("```\n# Not a heading\n```\n\n# The heading { .class }\n\n# Another\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: From the front matter\n---\n\n# The heading\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("No heading at all.\n", encoding="utf-8")
    titles = [page.title for page in read_pages([tmp_path / name for name in ("a.md", "b.md", "c.md")], tmp_path, tmp_path)]
    assert titles == ["The heading", "From the front matter", "c.md"]


def test_the_sites_own_words_are_marked_on_the_slides_as_on_the_pages():
    flocking, activity_7, discussion, activity_8 = slides(presenter_view())
    # The flocking exercise's question and the discussion's instruction are the site's, not the slides'.
    [flocking_mark] = flocking.select(".site-added__label")
    assert flocking_mark.find_parent("li").get_text(" ", strip=True).startswith("What did you notice")
    [discussion_mark] = discussion.select(".site-added__label")
    assert discussion_mark.get_text() == "Added for this site"
    assert discussion_mark.find_parent(class_="site-added").select_one(".presenter__steps").get_text() == "Discuss these two questions together."
    # Self-Activities 7 and 8 are the slides' words throughout.
    assert not activity_7.select(".site-added__label") and not activity_8.select(".site-added__label")
