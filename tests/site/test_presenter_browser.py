"""The presenter view, the session's deck, in a real Chromium, on the fixture course, as a facilitator
uses it in the room: the timers on a fake clock, the arrow keys and the links in order, the address of
each slide, the version chosen, full screen (F, its button, Esc), the speaker notes' window kept in step,
large type that fits a projector, reduced motion, axe in both schemes, the page without JavaScript, and
the offline copy from file://.

Moving to a slide by a link or the history is a hash change, which the page handles a task later: the
tests wait until the slides shown are the ones they expect (`wait_for_shown`), and each slide's fade
is left out (their pages ask for reduced motion) except where the fade is what is tested."""

from __future__ import annotations

import datetime
import time
import zipfile
from pathlib import Path

import pytest

from browser_pages import wait_until
from course.publish.conformance import COLOUR_SCHEMES
from engine import fixture_data
from test_interactive import axe_violations
from test_browser import url_of
from test_publish import OFFLINE_FOLDER, OFFLINE_ZIP
from test_site import activities

PAGE = "facilitators/present"
ACTIVITIES = {activity["id"]: activity for activity in activities()}
# The deck's slides in the default (45-minute) version, and the 30-minute version's, which cuts the walk
# (tests/unit/test_presenter.py holds these to the data).
SLIDES = [
    "welcome-1", "welcome-2", "welcome-3", "walk", "simple-rules-1", "simple-rules-2", "reflect",
    "kinds-of-problem-1", "kinds-of-problem-2", "kinds-of-problem-3", "discuss-1", "discuss",
]
SHORT_SLIDES = [slide_id for slide_id in SLIDES if slide_id != "walk"]
# Each activity's minutes in the default version: its timer's.
DEFAULT = next(version for version in fixture_data()["session.yml"]["versions"] if version.get("default"))
MINUTES = {
    step["part"]: step.get("minutes", ACTIVITIES[step["part"]]["facilitation"]["minutes"])
    for step in DEFAULT["running_order"]
    if step.get("part") in ACTIVITIES
}
# Each slide's name on its way in and out ("Next: Ground rules").
SELF_ACTIVITY = fixture_data()["programme.yml"]["numbering"]["Self-Activity"]
NAMES = {"welcome-2": "Today", "welcome-3": "Ground rules", "walk": "Exercise: Walking together", "reflect": f"Self-Activity {SELF_ACTIVITY}: Your own projects"}
PROJECTOR = {"width": 1280, "height": 720}

# Every message the live region is given, in order (set before the page's scripts run).
RECORD_ANNOUNCEMENTS = """
window.__announced = [];
new MutationObserver((records) => {
  const region = document.querySelector(".presenter__status");
  if (region && region.textContent && records.some((record) => region.contains(record.target))) {
    window.__announced.push(region.textContent);
  }
}).observe(document, { subtree: true, childList: true, characterData: true });
"""
# The fake clock's start; once the page is there it stands still, moved on only by the test.
T0 = datetime.datetime(2026, 11, 28, 9, 0, tzinfo=datetime.timezone.utc)


@pytest.fixture
def presenter(browser, site_url):
    """The presenter view in a fresh context, asking for reduced motion unless told otherwise; `clock=True`
    installs a fake clock before the page loads."""
    contexts = []

    def open_view(slide: str | None = None, *, clock=False, viewport=PROJECTOR, url: str | None = None, reduced_motion="reduce", **options):
        context = browser.new_context(viewport=viewport, reduced_motion=reduced_motion, **options)
        contexts.append(context)
        context.add_init_script(RECORD_ANNOUNCEMENTS)
        page = context.new_page()
        page.errors = []
        page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        if clock:
            page.clock.install(time=T0)
        page.goto((url or url_of(site_url, PAGE)) + (f"#{slide}" if slide else ""))
        if clock:
            page.clock.pause_at(T0 + datetime.timedelta(hours=1))
        return page

    yield open_view
    for context in contexts:
        context.close()


# The ids of the slides on screen, read at one moment (as Playwright's is_visible: a box, not visibility: hidden).
SHOWN = """[...document.querySelectorAll("section.presenter__slide")]
  .filter(slide => slide.getClientRects().length > 0 && getComputedStyle(slide).visibility !== "hidden")
  .map(slide => slide.id)"""


def shown(page) -> list[str]:
    """The ids of the slides on screen."""
    return page.evaluate(SHOWN)


def wait_for_shown(page, expected: list[str], timeout: float = 10) -> None:
    """Return once exactly these slides are on screen; fail, naming what is, if they never are."""
    deadline = time.monotonic() + timeout
    while (now := shown(page)) != expected:
        assert time.monotonic() < deadline, f"shown {now}, not {expected}"
        page.wait_for_timeout(20)


def ms(minutes: float) -> int:
    """Minutes as the fake clock is moved on: in milliseconds."""
    return round(minutes * 60_000)


def clock(minutes: float) -> str:
    """A time as the timer shows it: 10:00, 7:30, 0:01."""
    seconds = round(minutes * 60)
    return f"{seconds // 60}:{seconds % 60:02d}"


def slide(page, slide_id: str):
    return page.locator(f"section#{slide_id}")


def clock_text(page, slide_id: str) -> str:
    return " ".join(slide(page, slide_id).locator(".presenter__clock").inner_text().split())


def announced(page) -> list[str]:
    return page.evaluate("window.__announced")


def hash_of(page) -> str:
    return page.evaluate("location.hash")


# --- The timer -------------------------------------------------------------------------------


def test_the_timer_counts_down_from_the_planned_minutes_pauses_and_says_time_is_up(presenter):
    slide_id = "discuss"
    planned = MINUTES[slide_id]
    page = presenter(slide_id, clock=True)
    here = slide(page, slide_id)
    assert clock_text(page, slide_id) == f"{clock(planned)} left"
    assert here.locator(".presenter__state").inner_text() == "Not started"
    here.get_by_role("button", name="Start").click()
    page.clock.run_for("02:30")
    assert clock_text(page, slide_id) == f"{clock(planned - 2.5)} left"
    assert here.locator(".presenter__state").inner_text() == "Running"
    here.get_by_role("button", name="Pause").click()
    assert here.locator(".presenter__state").inner_text() == "Paused"
    page.clock.run_for("05:00")
    assert clock_text(page, slide_id) == f"{clock(planned - 2.5)} left", "a paused timer stands still"
    here.get_by_role("button", name="Resume").click()
    page.clock.run_for(ms(planned - 2.5) - 1000)
    assert clock_text(page, slide_id) == "0:01 left"
    page.clock.run_for("00:01")
    assert clock_text(page, slide_id) == "Time is up"
    page.clock.run_for("01:05")
    assert clock_text(page, slide_id) == "Time is up 1:05 over"
    here.get_by_role("button", name="Reset").click()
    assert clock_text(page, slide_id) == f"{clock(planned)} left"
    assert here.locator(".presenter__state").inner_text() == "Not started"
    assert here.get_by_role("button", name="Start").is_visible()
    assert page.errors == []


def test_time_up_is_said_in_words_and_shown_by_a_frame_not_by_colour_alone(presenter):
    page = presenter("reflect", clock=True)
    timer = slide(page, "reflect").locator(".presenter__timer")
    frame_before = timer.evaluate("element => getComputedStyle(element).borderTopStyle")
    timer.get_by_role("button", name="Start").click()
    page.clock.run_for(ms(MINUTES["reflect"]))
    assert timer.locator(".presenter__time").inner_text() == "Time is up"
    assert (frame_before, timer.evaluate("element => getComputedStyle(element).borderTopStyle")) == ("solid", "double")


def test_a_screen_reader_hears_each_minute_and_time_up_not_every_second(presenter):
    planned = MINUTES["reflect"]
    page = presenter("reflect", clock=True)
    slide(page, "reflect").get_by_role("button", name="Start").click()
    page.clock.run_for(ms(planned + 0.5))
    slide(page, "reflect").get_by_role("button", name="Pause").click()
    minutes = [f"{n} minute{'' if n == 1 else 's'} left." for n in range(planned - 1, 0, -1)]
    assert announced(page) == [f"Timer running: {planned} minutes left.", *minutes, "Time is up.", "Timer paused: time is up, 30 seconds over."]
    region = page.locator(".presenter__status")
    assert region.get_attribute("role") == "status"
    assert region.bounding_box()["width"] <= 1, "for a screen reader; the screen shows the same in the timer"


# --- Moving between activities ---------------------------------------------------------------


def test_arrow_keys_move_in_running_order_and_the_address_follows(presenter):
    page = presenter()
    wait_for_shown(page, SLIDES[:1])
    for expected in SLIDES[1:]:
        page.keyboard.press("ArrowRight")
        wait_for_shown(page, [expected])
        assert hash_of(page) == f"#{expected}"
        assert page.evaluate("document.activeElement.id") == f"{expected}-heading", "a screen reader reads the new title"
    page.keyboard.press("ArrowRight")
    assert shown(page) == SLIDES[-1:], "the last stays the last"
    page.keyboard.press("ArrowLeft")
    wait_for_shown(page, [SLIDES[-2]])
    page.keyboard.press("PageUp")  # what a presentation remote sends
    wait_for_shown(page, [SLIDES[-3]])
    page.keyboard.press("PageDown")
    wait_for_shown(page, [SLIDES[-2]])
    assert page.errors == []


def test_the_back_button_goes_back_a_slide_and_a_slide_can_be_linked(presenter):
    last, before = SLIDES[-1], SLIDES[-2]
    page = presenter(last)
    wait_for_shown(page, [last])
    assert clock_text(page, last) == f"{clock(MINUTES[last])} left"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    wait_for_shown(page, [SLIDES[-3]])
    page.go_back()
    wait_for_shown(page, [before])
    page.go_back()
    wait_for_shown(page, [last])


def test_the_previous_and_next_buttons_move_too(presenter):
    first, second, third = SLIDES[:3]
    page = presenter()
    wait_for_shown(page, [first])
    page.get_by_role("link", name=f"Next: {NAMES[second]}").click()
    wait_for_shown(page, [second])
    assert hash_of(page) == f"#{second}"
    page.get_by_role("link", name=f"Next: {NAMES[third]}").click()
    wait_for_shown(page, [third])
    page.get_by_role("link", name=f"Previous: {NAMES[second]}").click()
    wait_for_shown(page, [second])


def test_keys_typed_into_search_or_with_a_modifier_do_not_move(presenter):
    page = presenter("reflect")
    wait_for_shown(page, ["reflect"])
    page.keyboard.press("Alt+ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    assert shown(page) == ["reflect"]
    page.evaluate("scrollTo(0, 0)")
    search = page.get_by_role("textbox", name="Search")
    search.click()
    search.press_sequentially("wicked")
    search.press("ArrowLeft")
    search.press("ArrowRight")
    # An arrow key that moved would have moved at once (the keys are handled as they are pressed).
    assert shown(page) == ["reflect"] and hash_of(page) == "#reflect"


def test_moving_away_pauses_the_timer_and_each_slide_keeps_its_own(presenter):
    page = presenter("walk", clock=True)
    slide(page, "walk").get_by_role("button", name="Start").click()
    page.clock.run_for("01:00")
    page.keyboard.press("ArrowRight")
    wait_for_shown(page, ["simple-rules-1"])
    name = f"Exercise: {ACTIVITIES['walk']['title']}"
    assert announced(page)[-1] == f"The timer of {name} is paused. Slide 5 of {len(SLIDES)}."
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    wait_for_shown(page, ["reflect"])
    assert clock_text(page, "reflect") == f"{clock(MINUTES['reflect'])} left"
    assert slide(page, "reflect").locator(".presenter__state").inner_text() == "Not started"
    assert announced(page)[-1] == f"Slide 7 of {len(SLIDES)}. Timer not started: {MINUTES['reflect']} minutes."
    page.clock.run_for("03:00")
    for _ in range(3):
        page.keyboard.press("ArrowLeft")
    wait_for_shown(page, ["walk"])
    assert clock_text(page, "walk") == f"{clock(MINUTES['walk'] - 1)} left", "no timer runs out of sight"
    assert slide(page, "walk").locator(".presenter__state").inner_text() == "Paused"
    assert slide(page, "walk").get_by_role("button", name="Resume").is_visible()


def test_every_slide_has_its_way_back_and_its_activitys_page_on_screen(presenter, site_url):
    page = presenter()
    for slide_id in SLIDES:
        page.goto(f"{url_of(site_url, PAGE)}#{slide_id}")
        wait_for_shown(page, [slide_id])
        back = page.get_by_role("link", name="Back to the facilitator's guide")
        assert back.is_visible() and in_view(back)
        if slide_id in ACTIVITIES:
            assert in_view(slide(page, slide_id).locator(".presenter__page a"))
    back.click()
    page.wait_for_url("**/facilitators/")
    assert page.locator("h1").inner_text().removesuffix("¶").strip() == "Facilitator's guide"
    page.go_back()
    wait_for_shown(page, SLIDES[-1:])
    page.get_by_role("link", name="Kinds of problem").click()  # the page the last activity is on
    page.wait_for_url(f"**/problems/#{SLIDES[-1]}")


# --- For a projector ----------------------------------------------------------------------------


def in_view(locator, viewport=PROJECTOR) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["x"] >= 0 and box["y"] + box["height"] <= viewport["height"] + 0.5 and box["x"] + box["width"] <= viewport["width"] + 0.5


@pytest.mark.parametrize(("width", "height", "smallest"), [(1280, 720, 24), (1920, 1080, 36)])
def test_each_slide_fits_the_projector_in_type_readable_from_the_back(presenter, width, height, smallest):
    viewport = {"width": width, "height": height}
    page = presenter(viewport=viewport)  # measured where it comes to rest: no fade
    for slide_id in SLIDES:
        page.evaluate(f"location.hash = '#{slide_id}'")
        wait_for_shown(page, [slide_id])
        here = slide(page, slide_id)
        for part in (".presenter__text", ".presenter__timer", ".presenter__moves"):
            if here.locator(part).count():
                assert in_view(here.locator(part), viewport), f"{slide_id}: {part} is off the screen"
        for text in here.locator(".presenter__steps, .presenter__steps li, .presenter__prompts li, .presenter__question, .presenter__points li").all():
            size = float(text.evaluate("element => getComputedStyle(element).fontSize").removesuffix("px"))
            assert size >= smallest, f"{slide_id}: {size}px"
        title = float(here.locator("h2").evaluate("element => getComputedStyle(element).fontSize").removesuffix("px"))
        assert title >= 1.5 * smallest
        if slide_id in ACTIVITIES:
            assert float(here.locator(".presenter__time").evaluate("element => getComputedStyle(element).fontSize").removesuffix("px")) >= 2.5 * smallest


def test_a_slide_with_a_question_shows_it_in_large_type(presenter):
    """The projector test above must not pass on slides without a question alone."""
    with_question = [slide_id for slide_id in SLIDES if slide_id in ACTIVITIES and ACTIVITIES[slide_id].get("question")]
    assert with_question, "the fixture has an activity with a question"
    page = presenter(with_question[0])
    wait_for_shown(page, with_question[:1])
    question = slide(page, with_question[0]).locator(".presenter__question")
    assert question.inner_text() == ACTIVITIES[with_question[0]]["question"]


@pytest.mark.parametrize(("motion", "animation"), [("no-preference", "presenter-in"), ("reduce", "none")])
def test_slides_fade_in_only_for_readers_who_do_not_ask_for_less_motion(presenter, motion, animation):
    page = presenter(reduced_motion=motion)
    page.keyboard.press("ArrowRight")
    wait_for_shown(page, [SLIDES[1]])
    assert slide(page, SLIDES[1]).evaluate("element => getComputedStyle(element).animationName") == animation


# --- Without JavaScript, and from file:// ---------------------------------------------------------


def test_without_javascript_every_slide_follows_the_last_each_activity_with_its_time(presenter):
    page = presenter(java_script_enabled=False)
    assert shown(page) == SLIDES
    for slide_id in MINUTES:
        here = slide(page, slide_id)
        assert here.locator(".presenter__minutes").inner_text() == f"{MINUTES[slide_id]} minutes"
        assert not here.locator(".presenter__timer").is_visible()
    assert page.locator(".presenter__no-js").is_visible()
    assert not page.locator(".presenter__bar").is_visible()
    page.get_by_role("link", name=f"Next: {NAMES[SLIDES[2]]}").click()
    assert page.url.endswith(f"#{SLIDES[2]}")
    assert in_view(slide(page, SLIDES[2]).locator("h2"))


@pytest.fixture(scope="module")
def offline_presenter(built_site, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        archive.extractall(folder)
    return folder / OFFLINE_FOLDER / "facilitators" / "present.html"


def test_the_offline_copy_presents_from_file_with_its_timer_keys_and_notes(presenter, offline_presenter):
    page = presenter("welcome-3", clock=True, url=offline_presenter.as_uri())
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    wait_for_shown(page, ["welcome-3"])
    page.keyboard.press("ArrowRight")
    wait_for_shown(page, ["walk"])
    assert hash_of(page) == "#walk"
    slide(page, "walk").get_by_role("button", name="Start").click()
    page.clock.run_for(ms(MINUTES["walk"]))
    assert clock_text(page, "walk") == "Time is up"
    back = page.get_by_role("link", name="Back to the facilitator's guide")
    assert back.get_attribute("href") == "index.html"
    assert slide(page, "walk").locator(".presenter__page a").get_attribute("href") == "../together.html#walk"  # the page the activity is on
    assert all(url.startswith("file://") for url in requests), requests
    assert page.errors == []


def test_the_offline_copy_keeps_the_notes_window_in_step_from_file(presenter, offline_presenter):
    page = presenter("walk", url=offline_presenter.as_uri())
    wait_for_shown(page, ["walk"])
    with page.expect_popup() as opened:
        page.keyboard.press("s")
    notes = opened.value
    assert notes.url.startswith("file://") and "notes" in notes.url
    wait_until(notes, "document.querySelector('#presenter.presenter--notes-view') !== null")
    page.bring_to_front()  # keys go to the window in front, as for a presenter at the keyboard
    page.keyboard.press("ArrowRight")
    wait_until(notes, "location.hash === '#simple-rules-1'")
    assert page.errors == []


# --- The version, full screen and the speaker notes --------------------------------------------------


def test_the_deck_follows_the_version_in_its_address_and_the_one_chosen(presenter, site_url):
    page = presenter(url=f"{url_of(site_url, PAGE)}?minutes=30")
    wait_for_shown(page, SHORT_SLIDES[:1])
    seen = [shown(page)[0]]
    for _ in SHORT_SLIDES[1:]:
        page.keyboard.press("ArrowRight")
        wait_until(page, f"location.hash !== '#{seen[-1]}'")
        seen.append(shown(page)[0])
    assert seen == SHORT_SLIDES, "the walk is cut in the 30-minute version"
    # Its timers follow its minutes, and its agenda and follow-up work are its own.
    assert clock_text(page, "discuss") == "8:00 left"
    page.evaluate("location.hash = '#welcome-2'")
    wait_for_shown(page, ["welcome-2"])
    assert slide(page, "welcome-2").locator("ol[data-version='30']").is_visible()
    assert not slide(page, "welcome-2").locator("ol[data-version='45']").is_visible()
    # Choosing another version puts it in the address, and its slides in the order.
    page.get_by_label("Session").select_option("45")
    assert "minutes=45" in page.url and page.url.endswith("#welcome-2")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    wait_for_shown(page, ["walk"])
    assert slide(page, "walk").locator(".presenter__move--previous").get_attribute("href") == "#welcome-3"
    assert page.errors == []


def fullscreen_element(page) -> str | None:
    return page.evaluate("document.fullscreenElement && document.fullscreenElement.id")


def test_f_or_its_button_puts_the_slides_alone_on_the_screen_and_esc_leaves(presenter):
    page = presenter("reflect")
    wait_for_shown(page, ["reflect"])
    page.keyboard.press("f")
    wait_until(page, "document.fullscreenElement !== null")
    assert fullscreen_element(page) == "presenter"
    assert not page.evaluate("document.activeElement.matches('input')"), "F is the deck's, not the theme's key to search"
    # The slide, and nothing of the site around it: no header, no bar, no way back.
    box = slide(page, "reflect").bounding_box()
    assert (box["x"], box["y"]) == (0, 0) and box["width"] == PROJECTOR["width"] and box["height"] >= PROJECTOR["height"]
    assert not page.locator(".presenter__bar").is_visible() and not slide(page, "reflect").locator(".presenter__moves").is_visible()
    page.keyboard.press("ArrowRight")
    wait_for_shown(page, ["kinds-of-problem-1"])
    assert fullscreen_element(page) == "presenter", "moving keeps the slides full screen"
    page.keyboard.press("Escape")
    wait_until(page, "document.fullscreenElement === null")
    page.get_by_role("button", name="Full screen").click()
    wait_until(page, "document.fullscreenElement !== null")
    page.keyboard.press("F")
    wait_until(page, "document.fullscreenElement === null")
    assert page.errors == []


def test_the_speaker_notes_open_in_a_window_of_their_own_kept_in_step(presenter):
    page = presenter("kinds-of-problem-1")
    wait_for_shown(page, ["kinds-of-problem-1"])
    # The room never sees the notes.
    assert not page.locator(".presenter__notes-all").is_visible()
    with page.expect_popup() as opened:
        page.get_by_role("button", name="Speaker notes").click()
    notes = opened.value
    wait_until(notes, "document.querySelector('#presenter.presenter--notes-view') !== null")
    visible = notes.locator(".presenter__notes:visible")
    assert visible.count() == 1 and visible.get_attribute("data-part") == "kinds-of-problem"
    assert "Framing shapes the response." in visible.inner_text() and "Tame is not easy." in visible.inner_text()
    # The deck moves: so do the notes, to the next part's. (Keys go to the window in front.)
    page.bring_to_front()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    wait_for_shown(page, ["discuss-1"])
    wait_until(notes, "location.hash === '#discuss-1'")
    assert notes.locator(".presenter__notes:visible").get_attribute("data-part") == "discuss"
    # A move in the notes' window moves the deck; a timer started there runs in both.
    notes.bring_to_front()
    notes.keyboard.press("ArrowRight")
    wait_for_shown(page, ["discuss"])
    slide(notes, "discuss").get_by_role("button", name="Start").click()
    wait_until(page, "document.querySelector('#discuss').dataset.timer === 'running'")
    # S again comes back to the same window rather than opening another.
    page.bring_to_front()
    page.keyboard.press("s")
    assert len(page.context.pages) == 2
    assert page.errors == []


@pytest.mark.parametrize("scheme", COLOUR_SCHEMES)
@pytest.mark.parametrize("slide_id", ["welcome-1", "welcome-2", "kinds-of-problem-1", "kinds-of-problem-3", "walk"])
def test_axe_finds_nothing_on_the_slides(presenter, scheme, slide_id):
    page = presenter(slide_id, color_scheme=scheme)
    wait_for_shown(page, [slide_id])
    count, report = axe_violations(page)
    assert count == 0, report


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 720}, {"width": 1920, "height": 1080}])
def test_every_slide_fits_a_projector_full_screen(presenter, viewport):
    page = presenter("welcome-1", viewport=viewport)
    wait_for_shown(page, ["welcome-1"])
    page.keyboard.press("f")
    wait_until(page, "document.fullscreenElement !== null")
    for slide_id in SLIDES:
        page.evaluate(f"location.hash = '#{slide_id}'")
        wait_for_shown(page, [slide_id])
        assert in_view(slide(page, slide_id).locator(".presenter__text"), viewport), f"{slide_id} at {viewport}"
