"""The presenter view's macro, rendered without MkDocs: a slide per activity in
the session plan's running order, each readable without JavaScript, and what
the page's script needs; data shown as text; a unit without a plan refused."""

from __future__ import annotations

import json

import pytest
import yaml
from bs4 import BeautifulSoup

from engine import DATA_DIR, DOCS_DIR, HOSTILE_TEXTS, UNIT, outline
from course.checks.macro_calls import check_macro_calls
from course.page_macros import PageMacros

PRESENTER_PAGE = "facilitators/present.md"
RUNNING_ORDER = ["walk", "reflect", "discuss"]
SCRIPT_BREAKERS = ["</script><script>alert(1)</script>", "<!--"]


def presenter_view(data_dir=DATA_DIR, page=PRESENTER_PAGE, cache=None) -> str:
    return PageMacros(outline(data_dir), page, cache).presenter_view()


def slides(html: str):
    return BeautifulSoup(html, "html.parser").select("section.presenter__slide")


def session_data() -> dict:
    return yaml.safe_load((DATA_DIR / UNIT / "session.yml").read_text(encoding="utf-8"))


def test_a_slide_for_each_activity_in_the_running_order():
    order = [part["activity"] for part in session_data()["running_order"] if "activity" in part]
    assert order == RUNNING_ORDER, "the session plan this test reads"
    shown = slides(presenter_view())
    assert [slide["id"] for slide in shown] == RUNNING_ORDER
    assert [slide.find(class_="presenter__kind").get_text() for slide in shown] == ["Exercise", "Self-Activity 3", "Discussion"]
    assert [slide.find(class_="presenter__position").get_text() for slide in shown] == [f"Activity {n} of 3" for n in range(1, 4)]


def test_each_slide_shows_the_title_steps_and_prompts_the_room_needs():
    walk, reflect, discuss = slides(presenter_view())
    title = walk.find("h2")
    assert title.get_text() == "Walking together" and title["id"] == "walk-heading" and title["tabindex"] == "-1"
    assert walk["aria-labelledby"] == "walk-heading"
    assert [li.get_text() for li in walk.select("ol.presenter__steps > li")] == [
        "This activity needs space to walk.",
        "Choose one person in the room.",
        "Keep an arm's length from that person.",
        "Stop when everyone is still.",
    ]
    assert walk.find(class_="presenter__prompts-heading").get_text() == "Discuss"
    assert [li.get_text() for li in walk.select(".presenter__prompt-text")] == ["What did you notice as the group settled?"]
    assert reflect.find(class_="presenter__question").get_text() == "What kind of problem are you working on?"
    assert reflect.find(class_="presenter__prompts-heading").get_text() == "Write about"
    # A single step is a paragraph, not a list of one.
    assert discuss.find("p", class_="presenter__steps").get_text() == "Discuss these two questions together."
    assert len(reflect.select(".presenter__prompts > li")) == 2


def test_each_slide_says_who_works_with_whom_and_its_planned_minutes_in_words():
    facts = [(slide.find(class_="presenter__who").get_text(), slide.find(class_="presenter__minutes").get_text()) for slide in slides(presenter_view())]
    assert facts == [
        ("The whole group, standing.", "10 minutes"),
        ("On your own, then in pairs.", "10 minutes"),
        ("Groups of four to six.", "10 minutes"),
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
        [("Next: Self-Activity 3", "#reflect", ["next"])],
        [("Previous: Exercise", "#walk", ["prev"]), ("Next: Discussion", "#discuss", ["next"])],
        [("Previous: Self-Activity 3", "#reflect", ["prev"])],
    ]


def test_each_slide_links_to_the_activity_on_its_page_from_where_the_view_is():
    links = [(a.get_text(), a["href"]) for slide in slides(presenter_view()) for a in slide.select(".presenter__page a")]
    assert links == [
        ("Moving together", "../../together/#walk"),
        ("Kinds of problem", "../../problems/#reflect"),
        ("Kinds of problem", "../../problems/#discuss"),
    ]
    # The output is cached per page, since its links are relative to the page.
    cache: dict = {}
    presenter_view(cache=cache)
    elsewhere = slides(presenter_view(page="present.md", cache=cache))[0].select_one(".presenter__page a")["href"]
    assert elsewhere == "../together/#walk"


def test_the_page_script_gets_each_slides_id_name_and_minutes():
    script = BeautifulSoup(presenter_view(), "html.parser").find("script", id="presenter-data", type="application/json")
    assert json.loads(script.string) == {
        "slides": [
            {"id": "walk", "name": "Exercise: Walking together", "minutes": 10},
            {"id": "reflect", "name": "Self-Activity 3: Your own projects", "minutes": 10},
            {"id": "discuss", "name": "Discussion: Talking it through", "minutes": 10},
        ]
    }


def test_a_changed_running_order_and_minutes_change_the_slides(make_data_dir):
    def edit(data):
        order = data["session.yml"]["running_order"]
        positions = [i for i, part in enumerate(order) if part.get("activity") in ("walk", "discuss")]
        order[positions[0]], order[positions[1]] = order[positions[1]], order[positions[0]]
        data["activities.yml"]["activities"][1]["facilitation"]["minutes"] = 1
        data["session.yml"]["total_minutes"] -= 9

    html = presenter_view(make_data_dir(edit))
    assert [slide["id"] for slide in slides(html)] == ["discuss", "reflect", "walk"]
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
    walk = slides(html)[0]
    assert walk.find("h2").get_text() == hostile
    assert walk.select("ol.presenter__steps > li")[0].get_text() == hostile
    assert walk.select(".presenter__prompt-text")[0].get_text() == hostile
    assert walk.find(class_="presenter__who").get_text() == hostile


def test_a_unit_without_a_session_plan_is_refused_with_what_to_add(make_data_dir):
    def edit(data):
        data["session.yml"] = None  # no session.yml in the unit's folder

    data_dir = make_data_dir(edit)
    with pytest.raises(KeyError, match=r"unit 'unit-1' has none; add .*data/unit-1/session\.yml with its running_order"):
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
    assert page.meta["scripts"] == ["javascripts/presenter.js"]
    assert [call.name for call in page.calls] == ["presenter_view"]


def test_the_sites_own_words_are_marked_on_the_slides_as_on_the_pages():
    walk, reflect, discussion = slides(presenter_view())
    # What added_for_site names is the site's, not the slides': the exercise's prompt, the discussion's instruction.
    [walk_mark] = walk.select(".site-added__label")
    # The label comes first, then the words it marks, as everywhere.
    assert walk_mark.find_parent("li").get_text(" ", strip=True).startswith("Added for this site What did you notice")
    [discussion_mark] = discussion.select(".site-added__label")
    assert discussion_mark.get_text() == "Added for this site"
    assert discussion_mark.find_parent(class_="site-added").select_one(".presenter__steps").get_text() == "Discuss these two questions together."
    # The Self-Activity marks nothing as added: the slides' words throughout.
    assert not reflect.select(".site-added__label")
