"""The presenter view in a real Chromium, as a facilitator uses it in the room:
the timer on a fake clock, the arrow keys and the links in running order, the
address of each slide, large type that fits a projector, reduced motion, the
page without JavaScript, and the offline copy from file://. (Its axe, console,
request, CSP and print checks run with every other page: it is in PAGES.)"""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

import pytest

from test_browser import url_of
from test_publish import OFFLINE_ZIP

PAGE = "facilitators/present"
SLIDES = ["flocking", "self-activity-7", "leading-complex-pcn-projects", "self-activity-8"]
PLANNED = {"flocking": "15:00", "self-activity-7": "10:00", "leading-complex-pcn-projects": "15:00", "self-activity-8": "15:00"}
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
    """The presenter view in a fresh context; `clock=True` installs a fake clock before the page loads."""
    contexts = []

    def open_view(slide: str | None = None, *, clock=False, viewport=PROJECTOR, url: str | None = None, **options):
        context = browser.new_context(viewport=viewport, **options)
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


def shown(page) -> list[str]:
    """The ids of the slides on screen."""
    return [section.get_attribute("id") for section in page.locator("section.presenter__slide").all() if section.is_visible()]


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
    page = presenter("leading-complex-pcn-projects", clock=True)
    here = slide(page, "leading-complex-pcn-projects")
    assert clock_text(page, "leading-complex-pcn-projects") == "15:00 left"
    assert here.locator(".presenter__state").inner_text() == "Not started"
    here.get_by_role("button", name="Start").click()
    page.clock.run_for("02:30")
    assert clock_text(page, "leading-complex-pcn-projects") == "12:30 left"
    assert here.locator(".presenter__state").inner_text() == "Running"
    here.get_by_role("button", name="Pause").click()
    assert here.locator(".presenter__state").inner_text() == "Paused"
    page.clock.run_for("05:00")
    assert clock_text(page, "leading-complex-pcn-projects") == "12:30 left", "a paused timer stands still"
    here.get_by_role("button", name="Resume").click()
    page.clock.run_for("12:29")
    assert clock_text(page, "leading-complex-pcn-projects") == "0:01 left"
    page.clock.run_for("00:01")
    assert clock_text(page, "leading-complex-pcn-projects") == "Time is up"
    page.clock.run_for("01:05")
    assert clock_text(page, "leading-complex-pcn-projects") == "Time is up 1:05 over"
    here.get_by_role("button", name="Reset").click()
    assert clock_text(page, "leading-complex-pcn-projects") == "15:00 left"
    assert here.locator(".presenter__state").inner_text() == "Not started"
    assert here.get_by_role("button", name="Start").is_visible()
    assert page.errors == []


def test_time_up_is_said_in_words_and_shown_by_a_frame_not_by_colour_alone(presenter):
    page = presenter("self-activity-7", clock=True)
    timer = slide(page, "self-activity-7").locator(".presenter__timer")
    frame_before = timer.evaluate("element => getComputedStyle(element).borderTopStyle")
    timer.get_by_role("button", name="Start").click()
    page.clock.run_for("10:00")
    assert timer.locator(".presenter__time").inner_text() == "Time is up"
    assert (frame_before, timer.evaluate("element => getComputedStyle(element).borderTopStyle")) == ("solid", "double")


def test_a_screen_reader_hears_each_minute_and_time_up_not_every_second(presenter):
    page = presenter("self-activity-7", clock=True)
    slide(page, "self-activity-7").get_by_role("button", name="Start").click()
    page.clock.run_for("10:30")
    slide(page, "self-activity-7").get_by_role("button", name="Pause").click()
    minutes = [f"{n} minute{'' if n == 1 else 's'} left." for n in range(9, 0, -1)]
    assert announced(page) == ["Timer running: 10 minutes left.", *minutes, "Time is up.", "Timer paused: time is up, 30 seconds over."]
    region = page.locator(".presenter__status")
    assert region.get_attribute("role") == "status"
    assert region.bounding_box()["width"] <= 1, "for a screen reader; the screen shows the same in the timer"


# --- Moving between activities ---------------------------------------------------------------


def test_arrow_keys_move_in_running_order_and_the_address_follows(presenter):
    page = presenter()
    assert shown(page) == ["flocking"]
    for expected in SLIDES[1:]:
        page.keyboard.press("ArrowRight")
        assert shown(page) == [expected]
        assert hash_of(page) == f"#{expected}"
        assert page.evaluate("document.activeElement.id") == f"{expected}-heading", "a screen reader reads the new title"
    page.keyboard.press("ArrowRight")
    assert shown(page) == ["self-activity-8"], "the last stays the last"
    page.keyboard.press("ArrowLeft")
    assert shown(page) == ["leading-complex-pcn-projects"]
    page.keyboard.press("PageUp")  # what a presentation remote sends
    assert shown(page) == ["self-activity-7"]
    page.keyboard.press("PageDown")
    assert shown(page) == ["leading-complex-pcn-projects"]
    assert page.errors == []


def test_the_back_button_goes_back_a_slide_and_a_slide_can_be_linked(presenter):
    page = presenter("self-activity-8")
    assert shown(page) == ["self-activity-8"]
    assert clock_text(page, "self-activity-8") == "15:00 left"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert shown(page) == ["self-activity-7"]
    page.go_back()
    assert shown(page) == ["leading-complex-pcn-projects"]
    page.go_back()
    assert shown(page) == ["self-activity-8"]


def test_the_previous_and_next_buttons_move_too(presenter):
    page = presenter()
    page.get_by_role("link", name="Next: Self-Activity 7").click()
    assert shown(page) == ["self-activity-7"] and hash_of(page) == "#self-activity-7"
    page.get_by_role("link", name="Next: Discussion").click()
    page.get_by_role("link", name="Previous: Self-Activity 7").click()
    assert shown(page) == ["self-activity-7"]


def test_keys_typed_into_search_or_with_a_modifier_do_not_move(presenter):
    page = presenter("self-activity-7")
    page.keyboard.press("Alt+ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    assert shown(page) == ["self-activity-7"]
    page.evaluate("scrollTo(0, 0)")
    search = page.get_by_role("textbox", name="Search")
    search.click()
    search.press_sequentially("wicked")
    search.press("ArrowLeft")
    search.press("ArrowRight")
    assert shown(page) == ["self-activity-7"] and hash_of(page) == "#self-activity-7"


def test_moving_away_pauses_the_timer_and_each_slide_keeps_its_own(presenter):
    page = presenter("flocking", clock=True)
    slide(page, "flocking").get_by_role("button", name="Start").click()
    page.clock.run_for("01:00")
    page.keyboard.press("ArrowRight")
    assert clock_text(page, "self-activity-7") == "10:00 left"
    assert slide(page, "self-activity-7").locator(".presenter__state").inner_text() == "Not started"
    assert announced(page)[-1] == "The timer of Exercise: Flocking is paused. Activity 2 of 4. Timer not started: 10 minutes."
    page.clock.run_for("03:00")
    page.keyboard.press("ArrowLeft")
    assert clock_text(page, "flocking") == "14:00 left", "no timer runs out of sight"
    assert slide(page, "flocking").locator(".presenter__state").inner_text() == "Paused"
    assert slide(page, "flocking").get_by_role("button", name="Resume").is_visible()


def test_every_slide_has_its_way_back_and_its_activitys_page_on_screen(presenter, site_url):
    page = presenter()
    for slide_id in SLIDES:
        page.goto(f"{url_of(site_url, PAGE)}#{slide_id}")
        back = page.get_by_role("link", name="Back to the facilitator's guide")
        assert back.is_visible() and in_view(back)
        assert in_view(slide(page, slide_id).locator(".presenter__page a"))
    back.click()
    page.wait_for_url("**/facilitators/")
    assert page.locator("h1").inner_text().removesuffix("¶").strip() == "Facilitator's guide"
    page.go_back()
    page.get_by_role("link", name="Systems leadership and problem solving").click()
    page.wait_for_url("**/systems-leadership/#self-activity-8")


# --- For a projector ----------------------------------------------------------------------------


def in_view(locator, viewport=PROJECTOR) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["x"] >= 0 and box["y"] + box["height"] <= viewport["height"] + 0.5 and box["x"] + box["width"] <= viewport["width"] + 0.5


@pytest.mark.parametrize(("width", "height", "smallest"), [(1280, 720, 24), (1920, 1080, 36)])
def test_each_slide_fits_the_projector_in_type_readable_from_the_back(presenter, width, height, smallest):
    viewport = {"width": width, "height": height}
    page = presenter(viewport=viewport, reduced_motion="reduce")  # measured where it comes to rest
    for slide_id in SLIDES:
        page.evaluate(f"location.hash = '#{slide_id}'")
        here = slide(page, slide_id)
        for part in (".presenter__text", ".presenter__timer", ".presenter__moves"):
            assert in_view(here.locator(part), viewport), f"{slide_id}: {part} is off the screen"
        for text in here.locator(".presenter__steps, .presenter__steps li, .presenter__prompts li, .presenter__question").all():
            size = float(text.evaluate("element => getComputedStyle(element).fontSize").removesuffix("px"))
            assert size >= smallest, f"{slide_id}: {size}px"
        title = float(here.locator("h2").evaluate("element => getComputedStyle(element).fontSize").removesuffix("px"))
        assert title >= 1.5 * smallest
        assert float(here.locator(".presenter__time").evaluate("element => getComputedStyle(element).fontSize").removesuffix("px")) >= 2.5 * smallest


@pytest.mark.parametrize(("motion", "animation"), [("no-preference", "presenter-in"), ("reduce", "none")])
def test_slides_fade_in_only_for_readers_who_do_not_ask_for_less_motion(presenter, motion, animation):
    page = presenter(reduced_motion=motion)
    page.keyboard.press("ArrowRight")
    assert slide(page, "self-activity-7").evaluate("element => getComputedStyle(element).animationName") == animation


# --- Without JavaScript, and from file:// ---------------------------------------------------------


def test_without_javascript_every_activity_follows_the_last_with_its_planned_time(presenter):
    page = presenter(java_script_enabled=False)
    assert shown(page) == SLIDES
    for slide_id in SLIDES:
        here = slide(page, slide_id)
        assert here.locator(".presenter__minutes").inner_text() == f"{int(PLANNED[slide_id].split(':')[0])} minutes"
        assert not here.locator(".presenter__timer").is_visible()
    assert page.locator(".presenter__no-js").is_visible()
    page.get_by_role("link", name="Next: Discussion").click()
    assert page.url.endswith("#leading-complex-pcn-projects")
    assert in_view(slide(page, "leading-complex-pcn-projects").locator("h2"))


@pytest.fixture(scope="module")
def offline_presenter(built_site, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        archive.extractall(folder)
    return folder / "unit-3-offline" / "facilitators" / "present.html"


def test_the_offline_copy_presents_from_file_with_its_timer_and_keys(presenter, offline_presenter):
    page = presenter(clock=True, url=offline_presenter.as_uri())
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    assert shown(page) == ["flocking"]
    page.keyboard.press("ArrowRight")
    assert shown(page) == ["self-activity-7"] and hash_of(page) == "#self-activity-7"
    slide(page, "self-activity-7").get_by_role("button", name="Start").click()
    page.clock.run_for("10:00")
    assert clock_text(page, "self-activity-7") == "Time is up"
    back = page.get_by_role("link", name="Back to the facilitator's guide")
    assert back.get_attribute("href") == "index.html"
    slide_link = slide(page, "self-activity-7").locator(".presenter__page a")
    assert slide_link.get_attribute("href") == "../leading-complex-systems.html#self-activity-7"
    assert all(url.startswith("file://") for url in requests), requests
    assert page.errors == []
