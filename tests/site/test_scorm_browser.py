"""The SCORM 1.2 package against a real SCORM 1.2 runtime, in Chromium.

A test platform (tests/scorm/platform.html) plays the learning platform with scorm-again (a SCORM
1.2 runtime, pinned in package.json), records every call the package makes, and opens the fixture
course's package in a frame, unzipped under a platform's path (/mod/scorm/123/, as Moodle serves
one) on a loopback server: the order of the calls, the status before and after finishing, the
session's time, the answers in cmi.suspend_data within 4,096 characters with every answer at the
documented length, the warning past it, a relaunch that brings back the answers and the page,
saved state that cannot be read, a platform that refuses, no error code after any call, no request
outside the package, search, and axe inside the frames.
"""

from __future__ import annotations

import functools
import random
import http.server
import json
import re
import shutil
import threading
import zipfile
from pathlib import Path

import pytest

from browser_pages import wait_until
from course.publish.conformance import COLOUR_SCHEMES, WCAG_TAGS
from course.scorm.budget import MINIMUM_ANSWER_LENGTH, SUSPEND_DATA_LIMIT, kept_answers
from course.scorm.package import LAUNCH_PAGE
from engine import PROJECT_DIR, UNIT, fixture_data, outline
from test_publish_browser import RECORD_CSP_VIOLATIONS

PLATFORM_FILES = PROJECT_DIR / "tests" / "scorm"
SCORM_AGAIN = PROJECT_DIR / "node_modules" / "scorm-again" / "dist" / "scorm12.js"
AXE = Path(__import__("axe_playwright_python").__file__).parent / "axe.min.js"
PACKAGE = "/mod/scorm/123/"
TIMESPAN = re.compile(r"^\d{4}:\d{2}:\d{2}\.\d{2}$")
NAMESPACE = fixture_data()["programme.yml"]["script_namespace"]
STORAGE_KEY = fixture_data()["programme.yml"]["units"][0]["storage_key"]
# A first launch, as a platform starts one.
FIRST_LAUNCH = {"core": {"student_id": "learner-1", "student_name": "Learner, Test", "entry": "ab-initio"}}
# Plain English to answer with, none of it repeated: each answer a stretch of its own.
ENGLISH = (
    "Our network brings together five practices, a community pharmacy team and the local hospice. We "
    "agreed to meet the practice managers every month, to share what each practice does well, and to try "
    "one change together before the next meeting. The hardest part was agreeing who leads when nobody is "
    "in charge: the clinical director can convene, but cannot direct the partners of another practice. "
    "We framed the frailty work as a wicked problem, so we asked questions first and listened to the "
    "people who use our services. Next quarter we will review what changed, with whom, and by when, and "
    "we will write down what we learnt so the next project starts from it rather than from scratch. "
    "Two receptionists suggested a shared rota for the winter clinics, which nobody had asked them about "
    "before; it worked better than the plan the partners drew up alone. A pharmacist noticed that repeat "
    "prescriptions for the same patients were being reviewed three times over, by three different people. "
    "Social prescribers told us which community groups had closed since the pandemic, and which had "
    "quietly started up again in church halls and libraries. I now think of my role less as deciding and "
    "more as holding the conversation open long enough for a better answer to appear. It is uncomfortable "
    "not to have the solution ready when colleagues expect one, and I have had to say so out loud. The "
    "district nurses asked for a single telephone number they could ring at the end of the day, and the "
    "practices argued for a month about whose number it should be before settling on a rota of their own. "
)
# Text that compresses poorly (letters in no order), for answers that cannot fit.
NOISE = "".join(random.Random(22).choices("abcdefghijklmnopqrstuvwxyz      ", k=40_000))


def english(length: int, index: int) -> str:
    """The `index`th stretch of `length` characters of ENGLISH, none of it shared with another."""
    assert (index + 1) * length <= len(ENGLISH), "ENGLISH is too short for so many answers"
    return ENGLISH[index * length : (index + 1) * length]


@pytest.fixture(scope="module")
def platform_url(built_site, tmp_path_factory):
    """The test platform and the fixture's first package, unzipped under PACKAGE, served on loopback."""
    root = tmp_path_factory.mktemp("platform")
    with zipfile.ZipFile(built_site / "download" / f"{UNIT}-scorm12.zip") as archive:
        archive.extractall(root / PACKAGE.strip("/"))
    for name in ("platform.html", "platform.js"):
        shutil.copy(PLATFORM_FILES / name, root / name)
    shutil.copy(SCORM_AGAIN, root / "scorm-again.js")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class Platform:
    """A learner's browser on the test platform: the package launched, every request and call kept."""

    def __init__(self, browser, url: str, cmi: dict | None = None, color_scheme: str = "light", context=None, refuse: str | None = None):
        self.url = url
        self.context = context or browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=color_scheme)
        self.context.add_init_script(RECORD_CSP_VIOLATIONS)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.console: list[str] = []
        self.page.on("console", lambda message: self.console.append(f"{message.type}: {message.text}"))
        self.page.on("pageerror", lambda error: self.console.append(f"error: {error}"))
        self.page.goto(f"{url}/platform.html")
        self.page.evaluate("([address, cmi, refuse]) => platform.launch(address, cmi, refuse)", [f"{PACKAGE}{LAUNCH_PAGE}", cmi or FIRST_LAUNCH, refuse])
        self.wait_for_page()

    def calls(self) -> list[dict]:
        return self.page.evaluate("platform.calls")

    def lms_calls(self) -> list[tuple]:
        """The calls other than the error functions: (name, element, value)."""
        return [(c["name"], *c["args"]) for c in self.calls() if c["name"] not in ("LMSGetLastError", "LMSGetErrorString", "LMSGetDiagnostic")]

    def count(self, name: str, element: str | None = None) -> int:
        return sum(1 for call in self.lms_calls() if call[0] == name and (element is None or call[1:2] == (element,)))

    def wait_for(self, name: str, element: str | None = None, count: int = 1) -> None:
        predicate = f"c.name === {json.dumps(name)}" + (f" && c.args[0] === {json.dumps(element)}" if element else "")
        wait_until(self.page, f"platform.calls.filter(c => {predicate}).length >= {count}")

    def set_values(self, element: str) -> list[str]:
        return [call[2] for call in self.lms_calls() if call[0] == "LMSSetValue" and call[1] == element]

    @property
    def launch(self):
        return next(frame for frame in self.page.frames if frame.url.endswith(LAUNCH_PAGE))

    @property
    def unit(self):
        return self.launch.child_frames[0]

    def wait_for_page(self, name: str = "") -> None:
        """Until the unit's frame shows a page of the package (`name`, if given) with its tools set up."""
        wait_until(self.page, "document.querySelector('#sco') !== null")
        wait_until(self.page, f"(() => {{ const f = document.querySelector('#sco').contentDocument; const u = f && f.querySelector('#scorm-frame'); const w = u && u.contentWindow; return !!(w && w.location.pathname.startsWith({json.dumps(PACKAGE)}) && w.location.pathname.endsWith({json.dumps(name)}) && w.document.readyState === 'complete' && w.performance.getEntriesByName('course:ready').length); }})()")

    def go_to(self, name: str) -> None:
        self.unit.goto(f"{self.url}{PACKAGE}{name}")
        self.wait_for_page(name)

    def errors(self) -> list[str]:
        """Every LMSGetLastError that answered anything but "0"."""
        return [c["result"] for c in self.calls() if c["name"] == "LMSGetLastError" and c["result"] != "0"]

    def alert(self) -> str:
        return self.launch.locator("#scorm-alert").inner_text()

    def other_requests(self) -> list[str]:
        """Requests outside the package, but for the test platform's own three files."""
        own = {f"{self.url}/{name}" for name in ("platform.html", "platform.js", "scorm-again.js")}
        return [url for url in self.requests if url not in own and not url.startswith(f"{self.url}{PACKAGE}")]

    def csp_violations(self) -> list[str]:
        return [violation for frame in self.page.frames for violation in frame.evaluate("window.__cspViolations || []")]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def learner(browser, platform_url):
    opened = []

    def open_platform(**options):
        platform = Platform(browser, platform_url, **options)
        opened.append(platform)
        return platform

    yield open_platform
    for platform in opened:
        platform.context.close()


def summary(calls: list[tuple]) -> list[str]:
    """The calls as the report lists them: suspend data by its length."""
    return [
        f"{name}({', '.join(repr(a) if not str(a).startswith('u1:') else f'<{len(a)} characters>' for a in args)})" for name, *args in calls
    ]


def answer_box(platform, activity: str, prompt: str):
    return platform.unit.locator(f"textarea.activity__answer-box[data-activity='{activity}'][data-prompt='{prompt}']").first


def fill_answers(platform, answers: dict[tuple[str, str], str]) -> None:
    """Write answers through the page's own answers store, as typing does, and say they changed."""
    platform.unit.evaluate(
        f"""(answers) => {{
            const store = window[{json.dumps(NAMESPACE)}].answerBoxes.store();
            for (const [activity, prompt, text] of answers) store.set(activity, prompt, text);
            document.dispatchEvent(new CustomEvent("course:answers-changed"));
        }}""",
        [[activity, prompt, text] for (activity, prompt), text in answers.items()],
    )


def decoded(platform, data: str) -> dict:
    return platform.launch.evaluate("(data) => JSON.parse(fflate.strFromU8(fflate.inflateSync(Uint8Array.from(atob(data.slice(3)), (c) => c.charCodeAt(0)))))", data)


# --- A first launch, a finish, and a relaunch ---------------------------------------------------------


def test_a_first_launch_a_finish_and_a_resume(learner):
    first = learner()
    assert first.lms_calls()[:10] == [
        ("LMSInitialize", ""),
        ("LMSGetValue", "cmi.core.entry"),
        ("LMSGetValue", "cmi.core.lesson_status"),
        ("LMSGetValue", "cmi.core.lesson_location"),
        ("LMSGetValue", "cmi.suspend_data"),
        ("LMSSetValue", "cmi.core.lesson_status", "incomplete"),
        ("LMSCommit", ""),
        ("LMSSetValue", "cmi.core.lesson_location", "index.html"),
        ("LMSSetValue", "cmi.suspend_data", first.set_values("cmi.suspend_data")[0]),
        ("LMSCommit", ""),
    ]
    assert first.page.evaluate("platform.runtime.cmi.core.lesson_status") == "incomplete"
    # Every call is followed by LMSGetLastError.
    names = [call["name"] for call in first.calls()]
    assert all(names[index + 1] == "LMSGetLastError" for index, name in enumerate(names) if name.startswith("LMS") and name not in ("LMSGetLastError", "LMSGetErrorString"))

    # A page with the closing activity: typed, the answer is saved once typing pauses, never per keystroke.
    first.go_to("problems.html")
    assert first.set_values("cmi.core.lesson_location")[-1] == "problems.html"
    saved_before, commits_before = first.count("LMSSetValue", "cmi.suspend_data"), first.count("LMSCommit")
    answer_box(first, "reflect", "define").press_sequentially("Leading when nobody is in charge.", delay=5)
    first.wait_for("LMSSetValue", "cmi.suspend_data", saved_before + 1)
    first.wait_for("LMSCommit", count=commits_before + 1)
    assert first.count("LMSSetValue", "cmi.suspend_data") == saved_before + 1, "one save for the whole answer"
    assert decoded(first, first.set_values("cmi.suspend_data")[-1])["a"] == {"reflect": {"define": "Leading when nobody is in charge."}}
    elsewhere = first.unit.evaluate("[...document.querySelectorAll('a[href^=\"http\"]')].filter(a => a.origin !== location.origin).map(a => a.target)")
    assert elsewhere and set(elsewhere) == {"_blank"}, "another site opens in a tab of its own, not in the platform's frame"
    note = first.unit.locator(".activity__answers-note").first.inner_text()
    assert "saved on your learning platform" in note and "nothing is sent anywhere" not in note

    # Finishing: "completed", only when the learner says so.
    assert first.page.evaluate("platform.runtime.cmi.core.lesson_status") == "incomplete"
    finish = first.unit.get_by_role("button", name="I have finished this unit")
    assert "NHS Learning Hub" in first.unit.locator(".scorm-finish").inner_text()
    finish.click()
    first.wait_for("LMSSetValue", "cmi.core.lesson_status", 2)
    assert first.set_values("cmi.core.lesson_status") == ["incomplete", "completed"]
    assert first.page.evaluate("platform.runtime.cmi.core.lesson_status") == "completed"
    assert "recorded this unit as completed" in first.unit.locator(".scorm-finish__status").inner_text()

    # Leaving: the session's time, "suspend", a last commit, then LMSFinish, once.
    first.page.evaluate("platform.close()")
    first.wait_for("LMSFinish")
    tail = first.lms_calls()[-4:]
    assert [call[:2] for call in tail] == [
        ("LMSSetValue", "cmi.core.session_time"),
        ("LMSSetValue", "cmi.core.exit"),
        ("LMSCommit", ""),
        ("LMSFinish", ""),
    ]
    assert TIMESPAN.match(tail[0][2]) and tail[1][2] == "suspend"
    assert first.count("LMSInitialize") == 1 and first.count("LMSFinish") == 1
    assert first.errors() == []
    assert first.other_requests() == [] and first.csp_violations() == []
    print("\nA first launch, a finish and a leave:", *summary(first.lms_calls()), sep="\n  ")

    # A relaunch, on another computer (a browser that has kept nothing): the answers and the page come back.
    kept = {
        "core": {"student_id": "learner-1", "student_name": "Learner, Test", "entry": "resume",
                 "lesson_status": "completed", "lesson_location": first.set_values("cmi.core.lesson_location")[-1]},
        "suspend_data": first.set_values("cmi.suspend_data")[-1],
    }
    again = learner(cmi=kept)
    again.wait_for_page("problems.html")
    assert answer_box(again, "reflect", "define").input_value() == "Leading when nobody is in charge."
    assert again.count("LMSSetValue", "cmi.core.lesson_status") == 0, "a completed unit stays completed"
    assert "already has this unit as completed" in again.unit.locator(".scorm-finish__status").inner_text()
    assert again.errors() == [] and again.other_requests() == []
    print("A resume:", *summary(again.lms_calls()), sep="\n  ")


# --- The answers within 4,096 characters --------------------------------------------------------------


def test_every_answer_at_the_documented_length_fits_and_past_the_limit_the_learner_is_told(learner):
    platform = learner()
    answers = kept_answers(outline().programme.unit(UNIT))
    at_minimum = {key: english(MINIMUM_ANSWER_LENGTH, index) for index, key in enumerate(answers)}
    sent = platform.count("LMSSetValue", "cmi.suspend_data")
    fill_answers(platform, at_minimum)
    platform.wait_for("LMSSetValue", "cmi.suspend_data", sent + 1)
    data = platform.set_values("cmi.suspend_data")[-1]
    assert len(data) <= SUSPEND_DATA_LIMIT
    back = decoded(platform, data)["a"]
    assert {(activity, prompt): text for activity, prompts in back.items() for prompt, text in prompts.items()} == at_minimum
    print(f"\nsuspend_data with {len(answers)} answers of {MINIMUM_ANSWER_LENGTH} characters: {len(data)} characters")

    # Past the limit: told in words, nothing cut, nothing sent past 4,096.
    long = {key: NOISE[index * 1500 : (index + 1) * 1500] for index, key in enumerate(answers)}
    fill_answers(platform, long)
    try:
        wait_until(platform.launch, "document.querySelector('#scorm-alert').textContent.includes('too long')")
    except AssertionError:
        raise AssertionError(f"{platform.console} {platform.lms_calls()[-3:]}")
    assert "Nothing is cut" in platform.alert()
    assert all(len(value) <= SUSPEND_DATA_LIMIT for value in platform.set_values("cmi.suspend_data"))
    assert platform.set_values("cmi.suspend_data")[-1] == data, "the platform keeps the answers it had"
    stored = platform.unit.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('{STORAGE_KEY}:answer:')).length")
    assert stored == len(answers), "every answer still in the browser"
    # Shortened again: saved, and the warning goes.
    fill_answers(platform, at_minimum | {answers[0]: "Shorter."})
    wait_until(platform.launch, "document.querySelector('#scorm-alert').textContent === ''")
    assert decoded(platform, platform.set_values("cmi.suspend_data")[-1])["a"][answers[0][0]][answers[0][1]] == "Shorter."
    assert platform.errors() == []


# --- What goes wrong ----------------------------------------------------------------------------------


def test_saved_state_that_cannot_be_read_is_reported_and_the_browsers_answers_kept(learner):
    first = learner()
    first.go_to("problems.html")
    answer_box(first, "reflect", "define").fill("Kept in this browser.")
    first.wait_for("LMSSetValue", "cmi.suspend_data", 2)
    damaged = {"core": {"entry": "resume", "lesson_status": "incomplete", "lesson_location": "problems.html"}, "suspend_data": "u1:%%%not-what-was-saved"}
    again = learner(cmi=damaged, context=first.context)
    again.wait_for_page("problems.html")
    assert "cannot read" in again.alert() and "as they were" in again.alert()
    assert answer_box(again, "reflect", "define").input_value() == "Kept in this browser."


def test_a_platform_that_refuses_is_reported_in_words(learner):
    platform = learner(refuse="LMSCommit")
    alert = platform.alert()
    assert "did not save your progress" in alert and "error 101" in alert and "still kept in this browser" in alert
    assert platform.launch.locator("#scorm-alert").get_attribute("role") == "alert"


@pytest.mark.parametrize("where", ["http", "file"])
def test_without_a_platform_the_package_opens_its_first_page(browser, platform_url, built_site, tmp_path, where):
    """Served on its own, or unzipped and opened from the disk: it works as the offline copy does."""
    if where == "file":
        with zipfile.ZipFile(built_site / "download" / f"{UNIT}-scorm12.zip") as archive:
            archive.extractall(tmp_path)
        address = (tmp_path / LAUNCH_PAGE).as_uri()
    else:
        address = f"{platform_url}{PACKAGE}{LAUNCH_PAGE}"
    page = browser.new_page()
    try:
        page.goto(address)
        page.wait_for_url(address.removesuffix(LAUNCH_PAGE) + "index.html")
        assert page.locator("h1").first.inner_text().removesuffix("¶")
    finally:
        page.close()


# --- Inside the platform's frame: search, requests, accessibility -----------------------------------


def test_search_works_inside_the_platforms_frame(learner):
    platform = learner()
    search = platform.unit.get_by_role("textbox", name="Search")
    search.click()
    search.press_sequentially("wicked")
    result = platform.unit.locator(".md-search-result__link[href*='problems']").first
    result.wait_for()
    result.click()
    platform.wait_for_page("problems.html")
    assert platform.other_requests() == [] and platform.csp_violations() == []


@pytest.mark.parametrize("scheme", COLOUR_SCHEMES)
def test_axe_finds_nothing_inside_the_frames(learner, scheme):
    platform = learner(color_scheme=scheme)
    platform.go_to("problems.html")
    axe = AXE.read_text(encoding="utf-8")
    for frame in (platform.launch, platform.unit):
        frame.evaluate(axe)
        result = frame.evaluate("(tags) => axe.run(document, { runOnly: { type: 'tag', values: tags } })", list(WCAG_TAGS))
        assert result["violations"] == [], f"{frame.url}: {[v['id'] for v in result['violations']]}"
