"""The deck's macro, rendered without MkDocs: every part of the session plan with its
slides (the unit's data, points of the site's own marked as added, each activity's
own slide with its timer), each part's speaker notes, each readable without
JavaScript, and what the page's script needs for each version; data shown as
text; a unit without a plan or a deck refused."""

from __future__ import annotations

import json

import pytest
import yaml
from bs4 import BeautifulSoup

from engine import DATA_DIR, DOCS_DIR, HOSTILE_TEXTS, UNIT, outline
from course.checks.macro_calls import check_macro_calls
from course.page_macros import PageMacros

PRESENTER_PAGE = "facilitators/present.md"
# The fixture's deck (data/unit-1/deck.yml), slide by slide, in the session's parts' order.
SLIDES = [
    "welcome-1", "welcome-2", "welcome-3", "walk", "simple-rules-1", "simple-rules-2", "reflect",
    "kinds-of-problem-1", "kinds-of-problem-2", "kinds-of-problem-3", "discuss-1", "discuss",
]
ACTIVITIES = ["walk", "reflect", "discuss"]
SCRIPT_BREAKERS = ["</script><script>alert(1)</script>", "<!--"]


def presenter_view(data_dir=DATA_DIR, page=PRESENTER_PAGE, cache=None) -> str:
    return PageMacros(outline(data_dir), page, cache).presenter_view()


def slides(html: str):
    return BeautifulSoup(html, "html.parser").select("section.presenter__slide")


def by_id(html: str) -> dict:
    return {slide["id"]: slide for slide in slides(html)}


def session_data() -> dict:
    return yaml.safe_load((DATA_DIR / UNIT / "session.yml").read_text(encoding="utf-8"))


def test_every_part_of_the_session_has_its_slides_in_order():
    parts = [part.get("activity") or part["id"] for part in session_data()["parts"]]
    shown = slides(presenter_view())
    assert [slide["id"] for slide in shown] == SLIDES
    assert list(dict.fromkeys(slide["data-part"] for slide in shown)) == parts
    kinds = [slide["class"][1] for slide in shown]
    assert kinds == [
        "presenter__slide--title", "presenter__slide--running-order", "presenter__slide--points", "presenter__slide--activity",
        "presenter__slide--simple-rules", "presenter__slide--key-points", "presenter__slide--activity", "presenter__slide--typology-figure",
        "presenter__slide--typology-table", "presenter__slide--comparison", "presenter__slide--follow-up", "presenter__slide--activity",
    ]
    # Every slide has a heading for a screen reader to land on, and is named by it.
    for slide in shown:
        heading = slide.find("h2")
        assert heading["id"] == f"{slide['id']}-heading" == slide["aria-labelledby"] and heading["tabindex"] == "-1"


def test_an_activitys_slide_shows_the_title_steps_and_prompts_the_room_needs():
    shown = by_id(presenter_view())
    walk, reflect, discuss = (shown[name] for name in ACTIVITIES)
    assert walk.find("h2").get_text() == "Walking together"
    assert [walk.find(class_="presenter__kind").get_text(), reflect.find(class_="presenter__kind").get_text()] == ["Exercise", "Self-Activity 3"]
    assert [li.get_text() for li in walk.select("ol.presenter__steps > li")] == [
        "This activity needs space to walk.",
        "Choose one person in the room.",
        "Keep an arm's length from that person.",
        "Stop when everyone is still.",
    ]
    assert walk.find(class_="presenter__prompts-heading").get_text() == "Discuss"
    assert [span.get_text() for span in walk.select(".presenter__prompt-text")] == ["What did you notice as the group settled?"]
    assert reflect.find(class_="presenter__question").get_text() == "What kind of problem are you working on?"
    assert reflect.find(class_="presenter__prompts-heading").get_text() == "Write about"
    # A single step is a paragraph, not a list of one.
    assert discuss.find("p", class_="presenter__steps").get_text(" ", strip=True).endswith("Discuss these two questions together.")
    # A line the deck adds to an activity's slide (deck.yml's on_screen), marked as the site's.
    [line] = walk.select(".presenter__on-screen")
    assert line.get_text(" ", strip=True) == "Added for this site: Pick them in your head, and tell nobody."


def test_an_activity_says_who_works_with_whom_and_its_minutes_in_the_default_version():
    shown = by_id(presenter_view())
    facts = [(shown[a].find(class_="presenter__who").get_text(), shown[a].find(class_="presenter__minutes").get_text()) for a in ACTIVITIES]
    # The 45-minute version keeps the walk and the discussion (10 minutes each) and shortens the reflection to 7.
    assert facts == [
        ("The whole group, standing.", "10 minutes"),
        ("On your own, then in pairs.", "7 minutes"),
        ("Groups of four to six.", "10 minutes"),
    ]


def test_only_an_activitys_slide_has_a_timer_and_it_waits_for_javascript():
    for slide in slides(presenter_view()):
        timer = slide.find(class_="presenter__timer")
        if "presenter__slide--activity" not in slide["class"]:
            assert timer is None
            continue
        assert timer.has_attr("hidden")
        assert timer.find(class_="presenter__clock")["role"] == "timer"
        assert [(b["type"], b["data-timer"], b.get_text()) for b in timer.find_all("button")] == [("button", "toggle", "Start"), ("button", "reset", "Reset")]
        assert timer.find(class_="presenter__progress")["aria-hidden"] == "true"
    page = BeautifulSoup(presenter_view(), "html.parser")
    bar = page.find(class_="presenter__bar")
    assert bar.has_attr("hidden"), "the version, full screen and notes need the script"
    assert [(b["data-deck"], b["aria-keyshortcuts"], b.get_text()) for b in bar.find_all("button")] == [
        ("fullscreen", "F", "Full screen"),
        ("notes", "S", "Speaker notes"),
    ]
    assert [(o["value"], o.get_text(), o.has_attr("selected")) for o in bar.find("select").find_all("option")] == [
        ("45", "45 minutes", True),
        ("30", "30 minutes", False),
    ]
    assert bar.find("label")["for"] == bar.find("select")["id"]
    assert "JavaScript" in page.find(class_="presenter__no-js").get_text()
    assert page.find(class_="presenter__status")["role"] == "status"


def test_previous_and_next_link_the_slides_in_order():
    shown = slides(presenter_view())
    moves = [[(a.get_text(), a["href"], a["rel"]) for a in slide.select(".presenter__moves a")] for slide in shown]
    assert moves[0] == [("Next: Today", "#welcome-2", ["next"])]
    assert moves[3] == [("Previous: Ground rules", "#welcome-3", ["prev"]), ("Next: Complex systems, simple rules", "#simple-rules-1", ["next"])]
    assert moves[-1] == [("Previous: What next", "#discuss-1", ["prev"])]


def test_a_slide_links_to_its_page_from_where_the_deck_is():
    shown = by_id(presenter_view())
    links = {name: [(a.get_text(), a["href"]) for a in shown[name].select(".presenter__page a")] for name in ("walk", "simple-rules-1", "simple-rules-2")}
    assert links == {
        "walk": [("Moving together", "../../together/#walk")],
        "simple-rules-1": [("Moving together", "../../together/")],
        "simple-rules-2": [("Moving together", "../../together/")],
    }
    # The output is cached per page, since its links are relative to the page.
    cache: dict = {}
    presenter_view(cache=cache)
    elsewhere = by_id(presenter_view(page="present.md", cache=cache))["walk"].select_one(".presenter__page a")["href"]
    assert elsewhere == "../together/#walk"


def test_the_input_slides_show_the_units_data_as_its_pages_do():
    shown = by_id(presenter_view())
    title = shown["welcome-1"]
    assert title.find("h2").get_text() == "Unit 1: Working beyond the team?"
    assert "This mark shows what this site adds" in title.find(class_="presenter__mark-key").get_text()
    assert [li.get_text(" ", strip=True) for li in shown["welcome-2"].select("ol[data-version='45'] li")][:2] == ["0:00 Welcome", "0:05 Exercise: Walking together"]
    # The agenda of every version is there; the default's shows without JavaScript.
    assert shown["welcome-2"].select_one("ol[data-version='30']").has_attr("hidden")
    assert shown["simple-rules-1"].select_one(".simple-rules dl dt")
    # A page's key points, those the deck picks ('only: [1, 2]'), in the page's words.
    assert [li.get_text() for li in shown["simple-rules-2"].select(".presenter__points li")] == [
        "A group following one rule settles into a pattern.",
        "Nobody is in charge of the pattern.",
    ]
    assert shown["kinds-of-problem-1"].select_one("figure.typology-figure svg")
    assert shown["kinds-of-problem-2"].select_one("#problem-types table")
    assert shown["kinds-of-problem-3"].select_one("#organisational-forms table")
    follow_up = shown["discuss-1"]
    assert follow_up.select_one("[data-version='45']").get_text(strip=True) == "Nothing: every part was in the room today."
    assert follow_up.select_one("[data-version='30'] li").get_text(" ", strip=True) == "Exercise: Walking together : Walked at the next team meeting."


def test_the_sites_own_slides_carry_its_mark_and_the_sources_do_not():
    shown = by_id(presenter_view())
    marked = {name for name, slide in shown.items() if slide.find("h2").select(".presenter__added")}
    # The site's points, a page's key points (the site's summary), the agenda and the follow-up work.
    assert marked == {"welcome-2", "welcome-3", "simple-rules-2", "discuss-1"}
    assert shown["welcome-3"].find("h2").get_text(" ", strip=True) == "Added for this site: Ground rules"
    # The walk's prompt is the site's (added_for_site), its steps the slides'.
    assert [li.get_text(" ", strip=True) for li in shown["walk"].select(".presenter__prompts li")] == ["Added for this site: What did you notice as the group settled?"]
    assert not shown["walk"].select(".presenter__steps .presenter__added")
    assert not shown["reflect"].select(".presenter__added")


def test_every_part_has_its_speaker_notes_apart_from_the_slides():
    page = BeautifulSoup(presenter_view(), "html.parser")
    notes = page.select(".presenter__notes-all .presenter__notes")
    assert [section["data-part"] for section in notes] == ["welcome", "walk", "simple-rules", "reflect", "kinds-of-problem", "discuss"]
    assert not page.select(".presenter__slide .presenter__notes"), "the notes are never on a slide"
    kinds = notes[4]
    assert kinds.find("h3").get_text() == "Kinds of problem"
    assert [li.get_text() for li in kinds.select(".presenter__notes-messages li")] == ["Framing shapes the response."]
    assert [(dt.get_text(), dd.get_text()) for dt, dd in zip(kinds.find_all("dt"), kinds.find_all("dd"))] == [
        ("Critical", "A flood on a Monday morning."),
        ("Tame", "The flu clinics."),
        ("Wicked", "Health inequalities."),
    ]
    assert [li.get_text() for li in kinds.select(".presenter__notes-misconceptions li")] == ["Tame is not easy."]
    assert notes[1].find("h3").get_text() == "Exercise: Walking together"


def test_the_page_script_gets_each_slide_and_each_versions_order_and_timers():
    data = json.loads(BeautifulSoup(presenter_view(), "html.parser").find("script", id="presenter-data").string)
    assert [slide["id"] for slide in data["slides"]] == SLIDES
    assert data["slides"][3] == {"id": "walk", "part": "walk", "name": "Exercise: Walking together", "minutes": 10}
    assert data["default"] == 45
    full, short = data["versions"]
    assert (full["minutes"], full["default"], full["slides"]) == (45, True, SLIDES)
    assert full["timers"] == {"walk": 10, "reflect": 7, "discuss": 10}
    # The 30-minute version cuts the walk: its slide is not in the order, and it has no timer.
    assert short["slides"] == [slide for slide in SLIDES if slide != "walk"]
    assert short["timers"] == {"reflect": 7, "discuss": 8}


def test_a_changed_session_changes_the_deck(make_data_dir):
    def edit(data):
        parts = data["session.yml"]["parts"]
        parts.insert(1, parts.pop(5))  # the discussion straight after the welcome
        data["activities.yml"]["activities"][1]["facilitation"]["minutes"] = 8
        data["session.yml"]["versions"][0]["running_order"][5].update(minutes=1)  # the reflection, shortened further
        data["session.yml"]["versions"][0]["minutes"] -= 6

    html = presenter_view(make_data_dir(edit))
    assert [slide["id"] for slide in slides(html)][3:5] == ["discuss-1", "discuss"]
    assert by_id(html)["reflect"].find(class_="presenter__minutes").get_text() == "1 minute"
    assert json.loads(BeautifulSoup(html, "html.parser").find("script").string)["versions"][0]["timers"]["reflect"] == 1


@pytest.mark.parametrize("hostile", HOSTILE_TEXTS + SCRIPT_BREAKERS)
def test_data_is_shown_as_text_and_cannot_break_out_of_the_script(make_data_dir, hostile):
    def edit(data):
        activity = data["activities.yml"]["activities"][0]
        activity["title"] = hostile
        activity["instructions"][0] = hostile
        activity["prompts"][0]["text"] = hostile
        activity["facilitation"]["group_size"] = hostile
        data["deck.yml"]["parts"][0]["slides"][2]["points"][0] = hostile
        data["deck.yml"]["parts"][0]["notes"]["key_messages"][0] = hostile

    html = presenter_view(make_data_dir(edit))
    page = BeautifulSoup(html, "html.parser")
    scripts = page.find_all("script")
    assert len(scripts) == 1, "no text may open or close a script element"
    assert json.loads(scripts[0].string)["slides"][3]["name"] == f"Exercise: {hostile}"
    walk = by_id(html)["walk"]
    assert walk.find("h2").get_text() == hostile
    assert walk.select("ol.presenter__steps > li")[0].get_text() == hostile
    assert walk.select(".presenter__prompt-text")[0].get_text() == hostile
    assert walk.find(class_="presenter__who").get_text() == hostile
    assert by_id(html)["welcome-3"].select_one(".presenter__points li").get_text() == hostile
    assert page.select_one(".presenter__notes-messages li").get_text() == hostile


@pytest.mark.parametrize("missing", ["session.yml", "deck.yml"])
def test_a_unit_without_a_session_plan_or_a_deck_is_refused_with_what_to_add(make_data_dir, missing):
    def edit(data):
        data[missing] = None
        if missing == "session.yml":
            data["deck.yml"] = None  # a deck without a session is refused by the data's check

    data_dir = make_data_dir(edit)
    with pytest.raises(KeyError, match=rf"unit 'unit-1' has no {missing}; add .*data/unit-1/session\.yml with its parts"):
        presenter_view(data_dir)
    problems = check_macro_calls(outline(data_dir), {})

    def call_line(page: str, call: str) -> int:
        lines = (DOCS_DIR / page).read_text(encoding="utf-8").splitlines()
        return next(number for number, line in enumerate(lines, start=1) if call in line)

    refused = [(problem.file, problem.line) for problem in problems]
    assert ("docs/facilitators/present.md", call_line(PRESENTER_PAGE, "presenter_view()")) in refused
    assert all("session.yml" in problem.message for problem in problems)


def test_the_page_is_out_of_the_whole_unit_and_of_search_loads_its_script_and_is_a_pdf():
    page = outline().page(PRESENTER_PAGE)
    assert page.meta["whole_unit"] is False and page.meta["search"] == {"exclude": True}
    assert page.meta["template"] == "presenter.html"
    assert page.meta["scripts"] == ["javascripts/presenter.js"]
    assert page.meta["pdf"] == "slides.pdf"
    assert [call.name for call in page.calls] == ["presenter_view"]
