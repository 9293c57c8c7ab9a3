"""Publishing in a real Chromium, on the fixture course: using a page asks no other host for anything
and breaks no Content-Security-Policy, the 404 page helps, the offline zip works from file://, and
a browser keeps only what the privacy notice names. (That every page of Unit 3 loads without asking
another host is a check of its content: tests/content/.)"""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from engine import PROJECT_DIR, SITE_URL, fixture_data
from course.publish.conformance import COLOUR_SCHEMES, WCAG_TAGS
from test_publish import OFFLINE_FOLDER, OFFLINE_ZIP
from test_site import CONFIG, PAGES

# Runs in every page and frame before the page's own scripts: keeps each CSP violation.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
}, true);
"""


def _pages_server():
    spec = importlib.util.spec_from_file_location("pages_server", PROJECT_DIR / "scripts" / "pages_server.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pages_url(built_site):
    """The built site served as GitHub Pages would: under its site_url's path (/course/), gzip, its own 404 page."""
    with _pages_server().serving(built_site, prefix=urlsplit(SITE_URL).path) as url:
        yield url


class Watched:
    """A browser page whose requests, console messages and CSP violations are recorded."""

    def __init__(self, context):
        context.add_init_script(RECORD_CSP_VIOLATIONS)
        self.page = context.new_page()
        self.requests: list[str] = []
        self.console: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: self.console.append(f"{message.type}: {message.text}"))

    def other_hosts(self, allowed_schemes=("http", "https")) -> list[str]:
        """Every request that left this machine's loopback (or, for file://, left the disk)."""
        leaks = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob"):
                continue
            if parts.scheme not in allowed_schemes or (parts.scheme != "file" and parts.hostname != "127.0.0.1"):
                leaks.append(url)
        return leaks

    def csp_violations(self) -> list[str]:
        found = []
        for frame in self.page.frames:
            found += frame.evaluate("window.__cspViolations || []")
        return found + [line for line in self.console if "Content Security Policy" in line]


@pytest.fixture
def watched(browser):
    contexts = []

    def open_page(color_scheme="light"):
        context = browser.new_context(color_scheme=color_scheme, viewport={"width": 1280, "height": 900})
        contexts.append(context)
        return Watched(context)

    yield open_page
    for context in contexts:
        context.close()


def address(pages_url: str, page: str) -> str:
    return pages_url if page == "index" else f"{pages_url}{page}/"


# --- Over HTTP --------------------------------------------------------------------


def test_searching_hovering_and_switching_scheme_keep_to_the_policy(watched, pages_url):
    view = watched()
    view.page.goto(address(pages_url, "basics"))
    view.page.locator("article abbr").first.hover()  # a tooltip
    view.page.locator("[data-md-component=palette] label:visible").click()  # the colour scheme toggle
    search = view.page.get_by_role("textbox", name="Search")
    search.click()
    search.press_sequentially("wicked")
    view.page.locator(".md-search-result__link").first.wait_for()
    view.page.wait_for_load_state("networkidle")
    assert any("search_index.json" in url for url in view.requests), "search ran"
    assert view.other_hosts() == []
    assert view.csp_violations() == []


def test_404_page_links_to_the_start_of_the_unit(watched, pages_url):
    view = watched()
    response = view.page.goto(f"{pages_url}no/such/page/")
    assert response.status == 404
    assert view.page.locator("h1").inner_text() == "Page not found"
    view.page.get_by_role("link", name="Go to the start of the unit").click()
    view.page.wait_for_url(pages_url)
    assert view.page.locator("h1").inner_text().startswith(CONFIG["site_name"].split(":")[0])  # "Unit 1"


def test_404_page_opens_search(watched, pages_url):
    view = watched()
    view.page.goto(f"{pages_url}an-old-page/")
    button = view.page.get_by_role("button", name="Search the unit")
    button.focus()
    view.page.keyboard.press("Enter")  # works from the keyboard
    view.page.keyboard.type("wicked")
    result = view.page.locator(".md-search-result__link[href*='problems']").first
    result.wait_for()
    result.click()
    view.page.wait_for_url("**/problems/**")
    assert view.csp_violations() == []


@pytest.mark.parametrize("scheme", COLOUR_SCHEMES)
def test_axe_finds_no_wcag_22_aa_violations_on_the_404_page(watched, pages_url, scheme):
    view = watched(color_scheme=scheme)
    view.page.goto(f"{pages_url}missing/")
    assert view.page.locator("body").get_attribute("data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
    results = Axe().run(view.page, options={"runOnly": {"type": "tag", "values": list(WCAG_TAGS)}})
    assert results.violations_count == 0, results.generate_report()


# --- The offline copy, from file:// ---------------------------------------------------


@pytest.fixture(scope="module")
def unpacked_copy(built_site, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        archive.extractall(folder)
    return folder / OFFLINE_FOLDER


def test_offline_copy_moves_between_pages_from_file(watched, unpacked_copy):
    view = watched()
    view.page.goto((unpacked_copy / "index.html").as_uri())
    assert view.page.locator(".md-header__button.md-logo svg").bounding_box()["width"] > 0
    view.page.locator(".md-sidebar--primary").get_by_role("link", name="The basics").click()
    view.page.wait_for_url("**/basics.html")
    assert view.page.locator("h1").inner_text().removesuffix("¶") == "The basics"
    view.page.get_by_role("link", name="Next: Moving together").click()
    view.page.wait_for_url("**/together.html")
    view.page.goto((unpacked_copy / "unit-2" / "index.html").as_uri())  # a unit in a folder of its own
    view.page.get_by_role("link", name="Unit 1's overview").click()
    view.page.wait_for_url(f"**/{OFFLINE_FOLDER}/index.html")
    assert view.other_hosts(allowed_schemes=("file",)) == []
    assert view.csp_violations() == []


def test_offline_copy_search_finds_wicked_from_file(watched, unpacked_copy):
    view = watched()
    view.page.goto((unpacked_copy / "glossary.html").as_uri())
    search = view.page.get_by_role("textbox", name="Search")
    search.click()
    search.press_sequentially("wicked")
    result = view.page.locator(".md-search-result__link[href*='problems']").first
    result.wait_for()
    result.click()
    view.page.wait_for_url("**/problems.html*")
    assert view.page.locator("h1").inner_text().removesuffix("¶") == "Kinds of problem"
    assert view.other_hosts(allowed_schemes=("file",)) == []
    assert view.csp_violations() == []


# --- What a browser keeps: exactly what the privacy notice says ------------------------------------


def test_the_site_keeps_only_what_the_privacy_notice_names(browser, pages_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        for name in PAGES:
            page.goto(address(pages_url, name))
            page.wait_for_load_state("networkidle")
        kept = page.evaluate("Object.keys(localStorage)")
        palette = f"{urlsplit(SITE_URL).path}.__palette"  # Material's colour scheme, under the site's path
        assert kept == [palette], "no page keeps anything else until an answer is typed"
        page.goto(address(pages_url, "problems"))
        box = page.locator("textarea.activity__answer-box").first
        box.fill("An answer")
        storage_key = fixture_data()["programme.yml"]["units"][0]["storage_key"]
        key = f"{storage_key}:answer:{box.get_attribute('data-activity')}:{box.get_attribute('data-prompt')}"
        assert sorted(page.evaluate("Object.keys(localStorage)")) == sorted([palette, key])
        assert page.evaluate("Object.keys(sessionStorage)") == []
        assert context.cookies() == [] and page.evaluate("document.cookie") == ""
        # The script's note keeps its link to the notice; the notice names both keys as found.
        link = page.locator(".activity__answers-note").first.get_by_role("link", name="privacy notice")
        link.click()
        page.wait_for_url("**/privacy/")
        notice = page.locator("article").inner_text()
        assert palette in notice and f"{storage_key}:answer:<activity>:<prompt>" in notice
        # Emptying the box deletes the answer's entry, as the notice says.
        page.go_back()
        page.locator("textarea.activity__answer-box").first.fill("")
        assert page.evaluate("Object.keys(localStorage)") == [palette]
    finally:
        context.close()
