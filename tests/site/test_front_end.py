"""The front end as built (issue 20): paper's stylesheets linked for print, the scripts deferred in
the head after every stylesheet the first paint needs, each page with only its own script, the
site's own files published without comments, and search that waits to be opened. In Chromium:
a page prints right with no script run, every event is sent once, a dark device sees the page dark
from the start. Timings are never tested here: bench/page_load.py measures them."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml
from bs4 import BeautifulSoup

from course.publish.compact import compact_css, compact_js
from engine import PROJECT_DIR
from browser_pages import wait_until
from site_building import copy_project, mkdocs_build
from test_publish_browser import Watched, address, pages_url  # noqa: F401 (a fixture)
from test_site import PAGES, page_path

PRINT_CSS = yaml.load((PROJECT_DIR / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["extra"]["print_css"]
OWN_SCRIPTS = {"together": ["flocking.js"], "problems": ["problem-check.js"], "my-workbook": ["my-workbook.js", "reflective-record.js"],
               "facilitators/present": ["presenter.js"], "index": [], "404": ["not-found.js"]}


def soup_of(built_site, name: str) -> BeautifulSoup:
    path = built_site / "404.html" if name == "404" else page_path(built_site, name)
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def stylesheets(soup: BeautifulSoup, media: str | None) -> list:
    return [link for link in soup.find_all("link", rel="stylesheet") if link.get("media") == media]


def fetched_scripts(soup: BeautifulSoup) -> list:
    """The scripts with a source the browser fetches (the offline copy's shim waits in an inert <template>)."""
    return [script for script in soup.find_all("script", src=True) if script.find_parent("template") is None]


@pytest.mark.parametrize("name", [*PAGES, "404"])
def test_paper_stylesheets_are_linked_for_print_after_the_screens(built_site, name):
    """Paper's stylesheets are plain links in the head, media="print", after the unit's own (so they
    win), in mkdocs.yml's order: any browser, with or without JavaScript, and WeasyPrint read them.
    No other stylesheet is for one medium, and the unit's own is for every medium."""
    soup = soup_of(built_site, name)
    paper = stylesheets(soup, "print")
    assert [link["href"].rsplit("stylesheets/", 1)[1] for link in paper] == [path.rsplit("/", 1)[1] for path in PRINT_CSS]
    assert all(link.parent.name == "head" for link in paper)
    screen = stylesheets(soup, None)
    assert [link for link in soup.find_all("link", rel="stylesheet") if link not in paper + screen] == []
    assert screen[-1]["href"].endswith("stylesheets/unit.css")
    links = soup.head.find_all("link", rel="stylesheet")
    assert links.index(paper[0]) > links.index(screen[-1])
    assert soup.find("noscript") is None, "nothing waits for a browser without JavaScript"


@pytest.mark.parametrize("name", [*PAGES, "404"])
def test_the_scripts_are_deferred_in_the_head_after_the_stylesheets(built_site, name):
    """Every script the browser fetches is deferred, in the head, after every stylesheet the screen
    needs (the parser reaches it as they arrive: overrides/main.html); course.js first, then
    Material's bundle, then the page's own script, each once. The offline copy's shim waits in an
    inert <template>, deferred too."""
    soup = soup_of(built_site, name)
    scripts = fetched_scripts(soup)
    assert all(script.has_attr("defer") and script.parent.name == "head" for script in scripts), scripts
    elements = soup.head.find_all(True)
    last_stylesheet = elements.index(stylesheets(soup, None)[-1])
    assert all(elements.index(script) > last_stylesheet for script in scripts)
    sources = [script["src"] for script in scripts]
    assert len(set(sources)) == len(sources)
    assert sources[0].endswith("javascripts/course.js") and "/javascripts/bundle." in "/" + sources[1]
    template = soup.find("template", attrs={"data-offline-copy": "only"})
    assert BeautifulSoup(template.decode_contents(), "html.parser").find("script").has_attr("defer")


@pytest.mark.parametrize("name", OWN_SCRIPTS)
def test_a_page_loads_only_its_own_script_beside_the_site_wide_one(built_site, name):
    ours = [script["src"].rsplit("javascripts/", 1)[1] for script in fetched_scripts(soup_of(built_site, name))
            if "assets/javascripts" not in script["src"]]
    assert ours == ["course.js", *OWN_SCRIPTS[name]]


def test_the_favicon_is_the_sites_own_file(built_site):
    """Linked by its address, as Material writes it, and published as written (docs/assets/favicon.svg)."""
    icon = soup_of(built_site, "facilitators/present").find("link", rel="icon")["href"]
    assert icon == "../../assets/favicon.svg"
    assert (built_site / "assets" / "favicon.svg").read_bytes() == (PROJECT_DIR / "docs" / "assets" / "favicon.svg").read_bytes()


def test_the_sites_stylesheets_and_scripts_are_published_without_comments(built_site):
    """What docs/ holds is published compact; what the build generates (the footer's text) and
    what is vendored are published as they are."""
    for folder, compact in (("stylesheets", compact_css), ("javascripts", compact_js)):
        for source in sorted((PROJECT_DIR / "docs" / folder).glob("*.*s")):
            published = (built_site / folder / source.name).read_text(encoding="utf-8")
            assert published == compact(source.read_text(encoding="utf-8")), source.name
            assert "/*" not in published, source.name
    vendored = PROJECT_DIR / "docs" / "javascripts" / "vendor" / "iframe-worker-shim.js"
    assert (built_site / "javascripts" / "vendor" / vendored.name).read_bytes() == vendored.read_bytes()


def test_instant_navigation_is_refused_with_the_reason(tmp_path):
    """Material's instant navigation would show a page without running its own script: the build
    stops at the line that turns it on, saying why, and writes nothing; `make check` says the same."""
    project = copy_project(tmp_path / "project")
    config = project / "base.yml"  # the site's mkdocs.yml, which the fixture's INHERITs: the line is found there
    config.write_text(config.read_text(encoding="utf-8").replace("  features:\n", "  features:\n    - navigation.instant\n", 1), encoding="utf-8")
    line = config.read_text(encoding="utf-8").splitlines().index("    - navigation.instant") + 1
    refused = f"base.yml:{line}: theme.features: 'navigation.instant' is not supported: "
    result = mkdocs_build(tmp_path / "site", project_dir=project, env={"UNIT_PDF": "skip", "UNIT_OFFLINE_ZIP": "off"})
    assert result.returncode != 0
    assert refused in result.stderr and "would not start" in result.stderr and "nothing was built" in result.stderr
    assert not (tmp_path / "site").exists() or not any((tmp_path / "site").iterdir())
    checked = subprocess.run([sys.executable, "-m", "course.checks", str(project)], capture_output=True, text=True, check=False)
    assert checked.returncode == 1 and checked.stdout.startswith(refused), "make check says the same"


# --- In Chromium ----------------------------------------------------------------------

# Counts, in the page, what a page sends and shows: DOMContentLoaded and load, each page Material's
# document$ shows, the site's "answers changed" event; and when Material first showed the page.
COUNT_EVENTS = """
window.__sent = { domContentLoaded: 0, load: 0, shown: 0, answersChanged: 0, firstShownAt: null };
document.addEventListener("DOMContentLoaded", function () { window.__sent.domContentLoaded += 1; }, true);
window.addEventListener("load", function () { window.__sent.load += 1; }, true);
document.addEventListener("course:answers-changed", function () { window.__sent.answersChanged += 1; }, true);
(function () {
  var published;
  Object.defineProperty(window, "document$", {
    configurable: true,
    get: function () { return published; },
    set: function (subject) {
      published = subject;
      subject.subscribe(function () {
        window.__sent.shown += 1;
        if (window.__sent.firstShownAt === null) window.__sent.firstShownAt = performance.now();
      });
    },
  });
})();
"""

# The colour scheme the body had when Material's header first appeared in the page.
SCHEME_AT_HEADER = """
window.__schemeAtHeader = null;
new MutationObserver(function (records, observer) {
  if (!document.querySelector("header.md-header")) return;
  window.__schemeAtHeader = document.body.getAttribute("data-md-color-scheme");
  observer.disconnect();
}).observe(document, { childList: true, subtree: true });
"""


@pytest.fixture
def context_of(browser):
    contexts = []

    def make(**options):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def block_scripts(page) -> None:
    """No script file reaches the page (the inline ones still run): a network that drops them."""
    page.route("**/*.js", lambda route: route.abort())


@pytest.mark.parametrize("case", ["with JavaScript", "without JavaScript", "with no script run"])
def test_a_page_prints_with_its_paper_styles(context_of, pages_url, case):  # noqa: F811
    """Paper's stylesheets are in the page from the start: with JavaScript, without it, or when not
    one script has arrived, print media shows what is only for paper (a handout's lines for a name
    and the date) and hides what is only for the screen."""
    page = context_of(java_script_enabled=case != "without JavaScript").new_page()
    if case == "with no script run":
        block_scripts(page)
    page.goto(address(pages_url, "handouts/reflect"))
    if case != "without JavaScript":
        assert page.evaluate("[...document.querySelectorAll('link[media=print]')].map(link => link.sheet !== null)") == [True] * len(PRINT_CSS)
        ran = page.evaluate("window.document$ !== undefined")
        assert ran == (case == "with JavaScript")
    assert not page.locator(".paper-fields").first.is_visible()
    assert page.locator(".pdf-download").first.is_visible()
    page.emulate_media(media="print")
    assert page.locator(".paper-fields").first.is_visible()
    assert not page.locator(".pdf-download").first.is_visible()
    assert not page.locator(".md-header").first.is_visible()


def test_search_asks_for_its_index_and_worker_only_when_opened(browser, pages_url):  # noqa: F811
    """A first visit fetches neither the search index nor its worker; opening search fetches
    both, and it finds what it should."""
    view = Watched(browser.new_context(viewport={"width": 1280, "height": 900}))
    try:
        view.page.goto(address(pages_url, "basics"))
        view.page.wait_for_load_state("networkidle")
        view.page.wait_for_timeout(300)
        assert not [url for url in view.requests if "search_index" in url or "/workers/search" in url]
        search = view.page.get_by_role("textbox", name="Search")
        search.click()
        search.press_sequentially("wicked")
        view.page.locator(".md-search-result__link[href*='problems']").first.wait_for()
        assert [url for url in view.requests if "search/search_index.json" in url]
        assert [url for url in view.requests if "/workers/search" in url]
        assert view.csp_violations() == []
    finally:
        view.page.context.close()


def test_a_link_from_a_search_result_highlights_at_once(browser, pages_url):  # noqa: F811
    """Arriving with ?h= (search.highlight), the index is fetched straight away and the words are marked."""
    view = Watched(browser.new_context(viewport={"width": 1280, "height": 900}))
    try:
        view.page.goto(address(pages_url, "problems") + "?h=wicked")
        view.page.locator("mark").first.wait_for()
        assert [url for url in view.requests if "search/search_index.json" in url]
    finally:
        view.page.context.close()


def test_the_scripts_run_once_and_send_each_event_once(browser, pages_url):  # noqa: F811
    """The browser sends DOMContentLoaded and load once, and nothing sends them again; Material's
    document$ shows the page once; the site's components are set up once, after Material's (the
    course:ready mark, once): typing one letter in an answer box is saved and announced once. The
    self-check's form has replaced its note, search opens and finds, and nothing is refused."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(COUNT_EVENTS)
    view = Watched(context)
    try:
        page = view.page
        page.goto(address(pages_url, "problems"))
        assert page.locator("#problem-check form").is_visible()
        assert not page.locator(".problem-check__no-js").is_visible()
        sent = page.evaluate("window.__sent")
        assert {key: sent[key] for key in ("domContentLoaded", "load", "shown")} == {"domContentLoaded": 1, "load": 1, "shown": 1}
        ready = page.evaluate("performance.getEntriesByName('course:ready').map(mark => mark.startTime)")
        assert len(ready) == 1 and ready[0] >= sent["firstShownAt"]
        page.locator("textarea.activity__answer-box").first.press_sequentially("x")
        assert page.evaluate("window.__sent.answersChanged") == 1
        search = page.get_by_role("textbox", name="Search")
        search.click()
        search.press_sequentially("wicked")
        page.locator(".md-search-result__link").first.wait_for()
        assert view.csp_violations() == []
        assert not [line for line in view.console if line.startswith("error")]
    finally:
        context.close()


def test_the_page_is_drawn_while_its_scripts_are_on_their_way(browser, pages_url):  # noqa: F811
    """With course.js held back (and so every deferred script after it), the page is read and
    painted; the self-check's note for a browser without JavaScript is hidden in its place, this
    browser running scripts. Once the scripts arrive, the form is there and the answer note says
    where answers are kept."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        held = []
        page.route("**/javascripts/course.js", lambda route: held.append(route))
        page.goto(address(pages_url, "problems"), wait_until="commit")
        wait_until(page, "performance.getEntriesByName('first-contentful-paint').length === 1 && document.readyState === 'interactive'")
        assert held, "course.js was asked for"
        assert page.evaluate("window.document$") is None, "no script file has run"
        assert page.locator(".problem-check__no-js").evaluate("element => getComputedStyle(element).visibility") == "hidden"
        held[0].continue_()
        page.locator("#problem-check form").wait_for()
        note = page.locator(".activity__answers-note").first
        assert note.is_visible() and "kept in this browser" in note.inner_text()
    finally:
        context.close()


@pytest.mark.parametrize("scripts", ["as they come", "blocked"])
def test_a_dark_device_sees_the_page_dark_from_the_start(context_of, pages_url, scripts):  # noqa: F811
    """On a first visit from a device that prefers dark, the body is in the dark scheme before
    Material's header is in the page, so nothing is ever drawn light, whether or not Material's
    bundle ever runs."""
    context = context_of(color_scheme="dark")
    context.add_init_script(SCHEME_AT_HEADER)
    page = context.new_page()
    if scripts == "blocked":
        block_scripts(page)
    page.goto(address(pages_url, "pcn-ethos"))
    assert page.evaluate("window.__schemeAtHeader") == "slate"
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert page.evaluate("window.document$ !== undefined") == (scripts == "as they come")
