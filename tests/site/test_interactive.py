"""The interactive parts in a real Chromium, on the fixture course: answer boxes,
My workbook, the problem-type self-check and the flocking simulation."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser_pages import wait_until
from engine import PROJECT_DIR, UNIT, fixture_data
from course.publish.conformance import COLOUR_SCHEMES, WCAG_TAGS
from test_browser import url_of
from test_site import activities

FIRST_UNIT = fixture_data()["programme.yml"]["units"][0]
ANSWER_PREFIX = f"{FIRST_UNIT['storage_key']}:answer:"
DOWNLOAD_NAME = f"{UNIT}-my-workbook"
# The exercise (on the page "together"), and the Self-Activity with two prompts (on "problems").
FLOCKING_BOX = "#walk--what-happened-answer"
DEFINE_BOX = "#reflect--define-answer"
ADAPT_BOX = "#reflect--adapt-answer"
REFLECT = next(activity for activity in activities() if activity["id"] == "reflect")
SELF_ACTIVITY = f"Self-Activity {fixture_data()['programme.yml']['numbering']['Self-Activity']}"  # reflect's label
PROMPTS = sum(len(activity["prompts"]) for activity in activities())  # My workbook gathers them all
SELF_CHECK = fixture_data()["self_check.yml"]
HOSTILE_ANSWER = "<img src=x onerror=alert(1)>"
FIGURE = json.loads((PROJECT_DIR / "course" / "render" / "flocking_figure.json").read_text(encoding="utf-8"))


@pytest.fixture
def open_page(browser):
    """A page in a fresh browser context (so fresh storage); errors and dialogs collected."""
    contexts = []

    def open_(path: str | None = None, site_url: str | None = None, *, color_scheme="light", reduced_motion="no-preference", **options):
        context = browser.new_context(
            color_scheme=color_scheme,
            reduced_motion=reduced_motion,
            viewport={"width": 1280, "height": 900},
            accept_downloads=True,
            **options,
        )
        contexts.append(context)
        page = context.new_page()
        page.errors, page.uncaught, page.dialogs = [], [], []
        page.on("pageerror", lambda error: (page.errors.append(str(error)), page.uncaught.append(error.stack or str(error))))
        page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        if path is not None:
            page.goto(url_of(site_url, path) if site_url else path)
        return page

    yield open_
    for context in contexts:
        context.close()


def stored_answers(page) -> dict[str, str]:
    return page.evaluate(
        """prefix => Object.fromEntries(Object.keys(localStorage)
               .filter(key => key.startsWith(prefix)).map(key => [key, localStorage.getItem(key)]))""",
        ANSWER_PREFIX,
    )


# --- Answer boxes -----------------------------------------------------------------------


def test_an_answer_is_saved_as_typed_and_is_there_after_a_reload(open_page, site_url):
    page = open_page("together", site_url)
    box = page.locator(FLOCKING_BOX)
    assert box.is_visible()
    box.press_sequentially("We settled without a leader.")
    assert stored_answers(page) == {f"{ANSWER_PREFIX}walk:what-happened": "We settled without a leader."}
    page.reload()
    assert page.locator(FLOCKING_BOX).input_value() == "We settled without a leader."
    assert page.errors == []


def test_the_answer_box_is_named_by_its_prompt(open_page, site_url):
    page = open_page("problems", site_url)
    box = page.get_by_role("textbox", name=REFLECT["prompts"][0]["text"])
    assert box.get_attribute("id") == DEFINE_BOX.removeprefix("#")


def test_an_answer_shows_on_my_workbook_and_changes_made_there_flow_back(open_page, site_url):
    page = open_page("problems", site_url)
    page.locator(DEFINE_BOX).fill("Mostly wicked.")
    page.goto(url_of(site_url, "my-workbook"))
    assert page.locator(DEFINE_BOX).input_value() == "Mostly wicked."
    assert page.locator("#my-workbook-count").inner_text() == f"You have answered 1 of {PROMPTS} prompts."
    page.locator(ADAPT_BOX).fill("Ask more, tell less.")
    assert page.locator("#my-workbook-count").inner_text() == f"You have answered 2 of {PROMPTS} prompts."
    page.goto(url_of(site_url, "problems"))
    assert page.locator(ADAPT_BOX).input_value() == "Ask more, tell less."


def test_another_tab_showing_the_same_prompt_follows_the_typing(open_page, site_url):
    first = open_page("problems", site_url)
    second = first.context.new_page()
    second.goto(url_of(site_url, "my-workbook"))
    first.locator(DEFINE_BOX).fill("Typed in the first tab.")
    wait_until(second, f"document.querySelector('{DEFINE_BOX}').value === 'Typed in the first tab.'")
    assert second.locator("#my-workbook-count").inner_text() == f"You have answered 1 of {PROMPTS} prompts."


def test_markup_in_an_answer_is_shown_as_text_and_runs_nothing(open_page, site_url):
    page = open_page("problems", site_url)
    page.locator(DEFINE_BOX).fill(HOSTILE_ANSWER)
    page.reload()
    assert page.locator(DEFINE_BOX).input_value() == HOSTILE_ANSWER
    page.goto(url_of(site_url, "my-workbook"))
    assert page.locator(DEFINE_BOX).input_value() == HOSTILE_ANSWER
    printed = page.locator("#reflect--define .activity__answer-print")
    assert printed.evaluate("element => element.textContent") == HOSTILE_ANSWER
    assert printed.evaluate("element => element.children.length") == 0
    assert page.locator("img[src='x']").count() == 0
    # An image made from the answer anywhere, even out of the document, would ask for "x":
    # once the page's requests are done, its onerror would have run.
    page.wait_for_load_state("networkidle")
    assert page.dialogs == [] and page.errors == []


def test_typing_an_answer_sends_no_request(open_page, site_url):
    page = open_page("problems", site_url)
    page.wait_for_load_state("networkidle")
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.locator(DEFINE_BOX).press_sequentially("A private thought about our PCN.", delay=10)
    page.locator(ADAPT_BOX).press_sequentially("Another.", delay=10)
    assert stored_answers(page) == {f"{ANSWER_PREFIX}reflect:define": "A private thought about our PCN.", f"{ANSWER_PREFIX}reflect:adapt": "Another."}
    # A request of the test's own, made after the typing: Chromium reports requests in the order they
    # start, so once this one is seen, any the typing started has been seen too.
    with page.expect_request("**/after-typing.txt"):
        page.evaluate("fetch('after-typing.txt').catch(() => null)")
    typed = [url for url in requests if not url.endswith("/after-typing.txt")]
    # Chromium fetches the tab's icon on its own schedule, sometimes late; it carries nothing typed.
    assert [url for url in typed if not url.endswith("/assets/favicon.svg")] == []


def test_answers_still_save_when_the_site_is_opened_from_file(open_page, built_site):
    page_file = Path(built_site) / "together" / "index.html"
    page = open_page(page_file.as_uri())
    box = page.locator(FLOCKING_BOX)
    box.fill("Saved offline.")
    page.reload()
    assert page.locator(FLOCKING_BOX).input_value() == "Saved offline."
    page.goto((Path(built_site) / "my-workbook" / "index.html").as_uri())
    assert page.locator(FLOCKING_BOX).input_value() == "Saved offline."
    name, markdown = download(page, "My answers (Markdown, .md)")
    assert name == f"{DOWNLOAD_NAME}.md" and "\nSaved offline.\n" in markdown
    # Material's search cannot load its index over file:// (the offline build's job);
    # no script of ours (docs/javascripts/, published at /javascripts/) fails.
    ours = [stack for stack in page.uncaught if re.search(r"(?<!assets)/javascripts/", stack)]
    assert ours == []
    assert all("search_index" in stack for stack in page.uncaught), page.uncaught


def test_without_javascript_pages_read_and_say_answers_cannot_be_kept(open_page, site_url):
    page = open_page("problems", site_url, java_script_enabled=False)
    note = page.locator("#reflect-answers-note")
    assert note.is_visible() and "cannot be kept" in note.inner_text()
    assert page.locator(DEFINE_BOX).is_hidden()
    assert page.locator(".problem-check__no-js").is_visible()
    assert page.locator("#problem-check-form").is_hidden()
    page.goto(url_of(site_url, "my-workbook"))
    assert page.locator("#walk-answers-note").is_visible()
    assert page.locator(".my-workbook__tools").is_hidden()
    page.goto(url_of(site_url, "together"))
    assert page.locator("#flocking-figure").is_visible()
    assert page.locator(".flocking__live").is_hidden()


BLOCK_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("The user has blocked storage", "SecurityError"); },
});
"""


def test_with_storage_blocked_the_boxes_work_and_say_answers_are_not_kept(open_page, site_url):
    page = open_page()
    page.add_init_script(BLOCK_STORAGE)
    page.goto(url_of(site_url, "my-workbook"))
    note = page.locator("#walk-answers-note")
    assert note.is_visible() and "cannot be kept" in note.inner_text()
    page.locator(FLOCKING_BOX).fill("Only for now.")
    assert "not keeping them" in page.locator("#my-workbook-count").inner_text()
    with page.expect_download() as download:
        page.get_by_role("button", name="My answers (text)").click()
    assert "Only for now." in Path(download.value.path()).read_text(encoding="utf-8")


# --- My workbook: downloads, print, delete ------------------------------------------------------------


def type_two_answers(page, site_url):
    page.goto(url_of(site_url, "together"))
    page.locator(FLOCKING_BOX).fill("We moved, then stopped.\nNobody led.")
    page.goto(url_of(site_url, "problems"))
    page.locator(DEFINE_BOX).fill(HOSTILE_ANSWER + " & more")
    page.goto(url_of(site_url, "my-workbook"))


def download(page, button_name: str) -> tuple[str, str]:
    with page.expect_download() as info:
        page.get_by_role("button", name=button_name).click()
    return info.value.suggested_filename, Path(info.value.path()).read_text(encoding="utf-8")


def test_both_downloads_hold_every_prompt_and_the_same_answers(open_page, site_url):
    page = open_page()
    type_two_answers(page, site_url)
    markdown_name, markdown = download(page, "My answers (Markdown, .md)")
    text_name, text = download(page, "My answers (text)")
    assert (markdown_name, text_name) == (f"{DOWNLOAD_NAME}.md", f"{DOWNLOAD_NAME}.txt")
    assert f"Your answers were saved as {DOWNLOAD_NAME}.txt" in page.locator("#my-workbook-status").inner_text()

    prompts = page.locator("#my-workbook-answers .activity__prompt-text").all_inner_texts()
    assert len(prompts) == PROMPTS
    for prompt in prompts:
        assert prompt in markdown and prompt in text
    for answer in ("We moved, then stopped.\nNobody led.", HOSTILE_ANSWER + " & more"):
        assert answer in markdown
        assert answer.replace("\n", "\n   ") in text  # indented under its prompt
    assert markdown.count("*No answer yet.*") == PROMPTS - 2 and text.count("(No answer yet.)") == PROMPTS - 2
    assert markdown.startswith("# My workbook\n") and f"## {SELF_ACTIVITY}: {REFLECT['title']}" in markdown
    assert text.startswith(f"MY WORKBOOK\nUnit {FIRST_UNIT['number']}: {FIRST_UNIT['title']}\n")
    saved_on = re.search(r"Saved on (.+)\.", markdown).group(1)
    assert f"Saved on {saved_on}." in text


def test_delete_all_asks_first_and_only_yes_deletes(open_page, site_url):
    page = open_page()
    type_two_answers(page, site_url)
    delete = page.get_by_role("button", name="Delete all answers…")

    delete.click()
    dialog = page.get_by_role("dialog", name="Delete all your answers?")
    assert dialog.is_visible()
    assert page.evaluate("document.activeElement.textContent") == "No, keep them"
    page.get_by_role("button", name="No, keep them").click()
    assert dialog.is_hidden() and len(stored_answers(page)) == 2
    assert page.locator("#my-workbook-status").inner_text() == "Nothing was deleted."

    delete.click()
    page.keyboard.press("Escape")
    assert dialog.is_hidden() and len(stored_answers(page)) == 2

    delete.click()
    page.get_by_role("button", name="Yes, delete my answers").click()
    assert dialog.is_hidden()
    assert stored_answers(page) == {}
    assert page.locator("#my-workbook-status").inner_text() == "Deleted 2 answers."
    assert page.locator(FLOCKING_BOX).input_value() == "" and page.locator(DEFINE_BOX).input_value() == ""
    assert page.locator("#my-workbook-count").inner_text() == f"You have answered 0 of {PROMPTS} prompts."
    assert page.evaluate("document.activeElement.textContent") == "Delete all answers…"
    page.reload()
    assert page.locator(FLOCKING_BOX).input_value() == ""


def test_deleting_keeps_other_settings_in_storage(open_page, site_url):
    page = open_page()
    type_two_answers(page, site_url)
    page.evaluate("localStorage.setItem('someone-else', 'keep me')")
    page.get_by_role("button", name="Delete all answers…").click()
    page.get_by_role("button", name="Yes, delete my answers").click()
    assert page.evaluate("localStorage.getItem('someone-else')") == "keep me"


def test_printing_my_workbook_shows_answers_in_place_of_the_lines(open_page, site_url):
    page = open_page()
    type_two_answers(page, site_url)
    page.emulate_media(media="print")
    answered = page.locator("#walk--what-happened")
    assert answered.locator(".activity__answer-print").is_visible()
    assert answered.locator(".activity__answer-print").inner_text() == "We moved, then stopped.\nNobody led."
    assert answered.locator(".activity__space").is_hidden()
    empty = page.locator("#reflect--adapt")
    assert empty.locator(".activity__space").is_visible()
    assert empty.locator(".activity__line").count() == REFLECT["prompts"][1]["lines"]
    assert empty.locator(".activity__answer-print").is_hidden()
    for hidden in (".my-workbook__tools", "textarea.activity__answer-box", ".activity__answers-note"):
        assert all(not element.is_visible() for element in page.locator(hidden).all()), hidden
    page.get_by_role("button", name="Print my answers")  # exists on screen; window.print itself is the browser's


def test_the_print_button_opens_the_browsers_print(open_page, site_url):
    page = open_page("my-workbook", site_url)
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")
    page.get_by_role("button", name="Print my answers").click()
    assert page.evaluate("window.printed") == 1


# --- Which kind of problem is it? ---------------------------------------------------------------------


def answer_self_check(page, answers: dict[str, str], problem: str = ""):
    if problem:
        page.get_by_label("The problem you have in mind (optional)").fill(problem)
    for question_id, choice in answers.items():
        page.locator(f"input[name='problem-check-{question_id}'][value='{choice}']").check()
    page.get_by_role("button", name="Suggest a type").click()
    return page.locator("#problem-check-result")


def result_of(result_id: str) -> dict:
    return next(result for result in SELF_CHECK["results"] if result["id"] == result_id)


@pytest.mark.parametrize(
    ("answers", "result_id", "types"),
    [
        ({"urgent": "yes", "agreed": "yes"}, "emergency", "Type: Critical (command)"),
        ({"urgent": "yes", "agreed": "not-sure"}, "emergency-in-a-mess", "Types: Critical (command), Wicked (leadership)"),
        ({"urgent": "no", "agreed": "yes"}, "routine", "Type: Tame (management)"),
        ({"urgent": "no", "agreed": "no"}, "mess", "Type: Wicked (leadership)"),
        ({"urgent": "no", "agreed": "not-sure"}, "ask-first", "Types: Tame (management), Wicked (leadership)"),
    ],
    ids=["critical", "critical and wicked", "tame", "wicked", "tame and wicked"],
)
def test_each_combination_of_answers_shows_its_own_result_in_the_status_region(open_page, site_url, answers, result_id, types):
    page = open_page("problems", site_url)
    result = answer_self_check(page, answers, "Rota gap")
    expected = result_of(result_id)
    # The status region holds the whole result, so a screen reader announces it as it appears.
    assert result.get_attribute("role") == "status"
    assert result.locator("p").all_inner_texts() == [
        "Your problem: “Rota gap”",
        expected["headline"],
        types,
        expected["explanation"],
        f"How else could it be framed? {expected['reframe']}",
    ]
    assert page.get_by_role("status").filter(has_text=expected["headline"]).count() == 1
    assert page.get_by_role("button", name=f"Copy into {SELF_ACTIVITY}").is_visible()
    assert page.locator(".problem-check__framing").inner_text().startswith(SELF_CHECK["framing"])
    assert page.locator(".problem-check__caveat").inner_text() == SELF_CHECK["caveat"]


def test_an_unfinished_self_check_names_the_missing_question_and_goes_to_it(open_page, site_url):
    page = open_page("problems", site_url)
    result = answer_self_check(page, {"urgent": "no"})
    assert result.locator(".problem-check__headline").inner_text() == "Answer every question first."
    assert result.locator("p").all_inner_texts()[1] == "Questions still to answer: 2."
    assert page.evaluate("document.activeElement.name") == "problem-check-agreed"
    assert page.get_by_role("button", name=f"Copy into {SELF_ACTIVITY}").is_hidden()


@pytest.mark.parametrize("width", [360, 1280])
def test_a_self_check_question_that_wraps_stays_inside_its_box(open_page, site_url, width):
    page = open_page("problems", site_url)
    page.set_viewport_size({"width": width, "height": 900})
    for question in page.locator(".problem-check__question").all():
        fieldset, legend = question.bounding_box(), question.locator("legend").bounding_box()
        # A legend drawn in the border line starts at the box's top edge; inside, it starts below it.
        assert legend["y"] > fieldset["y"] + 2 and legend["x"] + legend["width"] < fieldset["x"] + fieldset["width"]


def test_the_self_check_works_from_the_keyboard(open_page, site_url):
    page = open_page("problems", site_url)
    page.get_by_label("The problem you have in mind (optional)").focus()
    page.keyboard.type("Estates")
    for _ in range(2):  # each question: Tab into its group, Space picks "Yes", an arrow moves to "No"
        page.keyboard.press("Tab")
        page.keyboard.press("Space")
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Suggest a type"
    page.keyboard.press("Enter")
    assert page.locator(".problem-check__headline").inner_text() == result_of("mess")["headline"]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == f"Copy into {SELF_ACTIVITY}"


def test_a_question_with_a_hint_is_described_by_it(open_page, site_url):
    page = open_page("problems", site_url)
    group = page.get_by_role("group", name="2. Do people agree on the problem?")
    assert group.get_attribute("aria-describedby") == "problem-check-agreed-hint"
    assert page.locator("#problem-check-agreed-hint").inner_text() == "Think of everyone involved."


def test_a_worked_scenario_can_be_tried_and_compared_with_its_model_answer(open_page, site_url):
    page = open_page("problems", site_url)
    answer_self_check(page, {"urgent": "no", "agreed": "no"}, "Something else")
    scenario = page.locator("#problem-scenario-shared-building")
    scenario.get_by_role("button", name="Try it in the self-check").click()
    # The scenario's title is the problem, the answers start afresh, and the first question has the focus.
    assert page.get_by_label("The problem you have in mind (optional)").input_value() == "Sharing a building"
    assert page.locator(".problem-check__form input[type=radio]:checked").count() == 0
    assert page.locator("#problem-check-result").inner_text() == ""
    assert page.evaluate("document.activeElement.name") == "problem-check-urgent"
    result = answer_self_check(page, {"urgent": "no", "agreed": "no"})
    assert result.locator(".problem-check__comparison").inner_text().startswith(
        "Questions where your answers differ from the model answer for “Sharing a building”: 2."
    )
    page.locator("input[name='problem-check-agreed'][value='not-sure']").check()
    page.get_by_role("button", name="Suggest a type").click()
    assert result.locator(".problem-check__comparison").inner_text().startswith("Your answers match the model answer for “Sharing a building”.")
    model = scenario.locator("details")
    assert model.get_attribute("open") is None
    result.get_by_role("button", name="Show the model answer").click()
    assert model.get_attribute("open") == ""
    assert page.evaluate("document.activeElement.textContent") == "Model answer"
    assert "No one has asked the teams." in model.inner_text()


def test_a_problem_of_the_learners_own_is_not_compared_with_a_scenario(open_page, site_url):
    page = open_page("problems", site_url)
    page.locator("#problem-scenario-fire-alarm").get_by_role("button", name="Try it in the self-check").click()
    result = answer_self_check(page, {"urgent": "yes", "agreed": "yes"}, "My own problem")
    assert result.locator(".problem-check__headline").inner_text() == result_of("emergency")["headline"]
    assert result.locator(".problem-check__comparison").count() == 0


def test_the_self_check_result_can_be_copied_into_its_self_activity(open_page, site_url):
    page = open_page("problems", site_url)
    page.locator(DEFINE_BOX).fill("My first thoughts.")
    answer_self_check(page, {"urgent": "no", "agreed": "no"}, "Joining up care")
    page.get_by_role("button", name=f"Copy into {SELF_ACTIVITY}").click()
    expected = (
        "My first thoughts.\n\nSelf-check on The fixture's kinds of problem: Your problem: “Joining up care”. A mess. "
        "Type: Wicked (leadership). How else could it be framed? Who gains if it is called a mess?"
    )
    assert page.locator(DEFINE_BOX).input_value() == expected
    assert page.locator("#problem-check-copy-status").inner_text() == f"Copied into {SELF_ACTIVITY}, question 1."
    page.reload()
    assert page.locator(DEFINE_BOX).input_value() == expected


def test_changing_an_answer_clears_the_stale_result(open_page, site_url):
    page = open_page("problems", site_url)
    answer_self_check(page, {"urgent": "no", "agreed": "no"})
    page.locator("input[name='problem-check-agreed'][value='yes']").check()
    assert page.locator("#problem-check-result").inner_text() == ""
    assert page.get_by_role("button", name=f"Copy into {SELF_ACTIVITY}").is_hidden()


def test_without_javascript_the_self_check_is_a_worksheet_with_its_key_and_the_model_answers(open_page, site_url):
    page = open_page("problems", site_url, java_script_enabled=False)
    assert page.locator(".problem-check__no-js").is_visible() and page.locator("#problem-check-form").is_hidden()
    key = page.locator(".problem-check__key")
    assert key.is_visible()
    assert key.locator("tbody tr").count() == len(SELF_CHECK["results"])
    assert page.locator(".problem-scenario__try").first.is_hidden()
    model = page.locator("#problem-scenario-fire-alarm details")
    model.locator("summary").click()  # a details element opens without JavaScript
    assert "Everyone hears the alarm." in model.inner_text()


# --- The flocking simulation ------------------------------------------------------------------------


# Resolves once the page has drawn `count` frames (the simulation steps once a frame).
WAIT_FOR_FRAMES = """count => new Promise(resolve => {
  const frame = left => left ? requestAnimationFrame(() => frame(left - 1)) : resolve();
  frame(count);
})"""


def progress(page) -> str:
    return page.locator("#flocking-progress").inner_text()


def test_the_simulation_starts_by_itself_and_settles_for_a_fixed_seed(open_page, site_url):
    # The committed figure is seed FIGURE["seed"] with 20 people: the live run must agree with it.
    page = open_page(f"{url_of(site_url, 'together')}?seed={FIGURE['seed']}")
    page.locator("#flocking-canvas").scroll_into_view_if_needed()
    wait_until(page, "document.querySelector('#flocking-status').textContent.startsWith('Steady state')", timeout=60_000)
    assert page.locator("#flocking-status").inner_text() == f"Steady state reached after {FIGURE['steps']} steps."
    assert progress(page) == f"20 people, step {FIGURE['steps']}: steady state."
    assert page.get_by_role("button", name="Play").is_visible()
    assert page.locator("#flocking-figure").is_hidden(), "the live simulation replaces the figure on screen"
    assert page.errors == []


def test_with_reduced_motion_the_simulation_waits_for_play(open_page, site_url):
    page = open_page(f"{url_of(site_url, 'together')}?seed=5", reduced_motion="reduce")
    page.locator("#flocking-canvas").scroll_into_view_if_needed()
    # The simulation moves a step a frame when it plays: after many frames in view, it has not moved.
    page.evaluate(WAIT_FOR_FRAMES, 60)
    assert progress(page) == "20 people, step 0."
    assert page.locator("#flocking-status").inner_text() == "Press Play to start the simulation."
    page.get_by_role("button", name="Play").click()
    wait_until(page, "!document.querySelector('#flocking-progress').textContent.includes('step 0.')")
    page.get_by_role("button", name="Pause").click()
    assert re.fullmatch(r"Paused after \d+ steps\.", page.locator("#flocking-status").inner_text())


def test_step_reset_and_number_of_people(open_page, site_url):
    page = open_page(f"{url_of(site_url, 'together')}?seed=5", reduced_motion="reduce")
    step = page.get_by_role("button", name="Step")
    step.click()
    step.click()
    assert progress(page) == "20 people, step 2."
    assert page.locator("#flocking-status").inner_text() == "Step 2."
    page.get_by_role("button", name="Reset with a new pick").click()
    assert progress(page) == "20 people, step 0."
    assert page.locator("#flocking-status").inner_text() == "New random pick of 20 people. Press Play to start."

    people = page.get_by_label("Number of people (5 to 60)")
    people.fill("45")
    people.press("Enter")
    assert progress(page) == "45 people, step 0."
    people.fill("200")
    people.press("Enter")
    assert people.input_value() == "60"
    assert progress(page) == "60 people, step 0."
    assert page.locator("#flocking-status").inner_text().startswith("The number of people can be 5 to 60.")


def test_a_seed_replays_the_same_run_and_reset_gives_another(open_page, site_url):
    def settle(page) -> str:
        page.get_by_role("button", name="Play").click()
        wait_until(page, "/^(Steady|No steady)/.test(document.querySelector('#flocking-status').textContent)", timeout=60_000)
        return page.locator("#flocking-status").inner_text()

    page = open_page(f"{url_of(site_url, 'together')}?seed=11", reduced_motion="reduce")
    first = settle(page)
    page.reload()
    assert settle(page) == first
    canvas_before = page.locator("#flocking-canvas").evaluate("canvas => canvas.toDataURL()")
    page.get_by_role("button", name="Reset with a new pick").click()
    assert page.locator("#flocking-canvas").evaluate("canvas => canvas.toDataURL()") != canvas_before


def test_print_shows_the_static_figure_not_the_canvas(open_page, site_url):
    page = open_page("together", site_url, reduced_motion="reduce")
    # course.js links paper's stylesheets once the page has loaded: wait until the browser has read them.
    wait_until(page, "[...document.querySelectorAll('head > link[media=print]')].filter(link => link.sheet !== null).length === 2")
    page.emulate_media(media="print")
    assert page.locator("#flocking-figure").is_visible()
    assert page.locator(".flocking__live").is_hidden()


# --- Accessibility of the states a page only reaches by using it ----------------------------------


def axe_violations(page):
    """Axe's report on the page at rest. Its context asks for reduced motion, so neither Material's
    header nor the site fades anything in (axe would measure a fade half-way); any animation left
    is waited out, a frame after the last action, when it would have started."""
    page.evaluate(WAIT_FOR_FRAMES, 2)
    wait_until(page, "document.getAnimations().every(animation => animation.playState !== 'running')")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": list(WCAG_TAGS)}})
    return results.violations_count, results.generate_report()


@pytest.mark.parametrize("scheme", COLOUR_SCHEMES)
def test_axe_finds_nothing_in_the_used_states(open_page, site_url, scheme):
    page = open_page("problems", site_url, color_scheme=scheme, reduced_motion="reduce")
    page.locator(DEFINE_BOX).fill("An answer")
    page.locator("#problem-scenario-fire-alarm").get_by_role("button", name="Try it in the self-check").click()
    answer_self_check(page, {"urgent": "yes", "agreed": "no"})
    page.get_by_role("button", name=f"Copy into {SELF_ACTIVITY}").click()
    page.get_by_role("button", name="Show the model answer").click()
    count, report = axe_violations(page)
    assert count == 0, report

    page.goto(url_of(site_url, "my-workbook"))
    page.get_by_role("button", name="Delete all answers…").click()
    count, report = axe_violations(page)
    assert count == 0, report

    page.goto(f"{url_of(site_url, 'together')}?seed=3")
    page.get_by_role("button", name="Step").click()
    count, report = axe_violations(page)
    assert count == 0, report


def test_search_leaves_out_the_notes_buttons_and_confirmation(built_site):
    index = json.loads((Path(built_site) / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    for left_out in ("cannot be kept", "needs JavaScript", "Delete all", "My answers (Markdown", "Print or save as PDF", "Delete my answers from this computer"):
        assert left_out not in text, left_out
    assert "Every prompt of the unit, with the answers you have typed." in text, "My workbook's own words are searchable"
