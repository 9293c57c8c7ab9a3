"""The front end as built (issue 12): stylesheets by medium, scripts that never hold up the first
paint, the site's own files published without comments, and search that waits to be opened.
Timings are never tested here: bench/lighthouse.py measures them."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
import yaml
from bs4 import BeautifulSoup

from course.publish.compact import compact_css, compact_js
from engine import PROJECT_DIR
from test_publish_browser import Watched, address, pages_url  # noqa: F401 (a fixture)
from test_site import PAGES, page_path

PRINT_CSS = yaml.load((PROJECT_DIR / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["extra"]["print_css"]


def soup_of(built_site, name: str) -> BeautifulSoup:
    path = built_site / "404.html" if name == "404" else page_path(built_site, name)
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("name", [*PAGES, "404"])
def test_paper_stylesheets_are_print_media_only_and_screen_ones_are_not(built_site, name):
    """Paper's stylesheets wait in <noscript id="print-styles"> (course.js adds them once the page has
    loaded), each media="print"; no other stylesheet is for print, and the unit's own is for every medium."""
    soup = soup_of(built_site, name)
    holder = soup.find("noscript", id="print-styles")
    assert holder is not None and holder.parent.name == "head"
    held = BeautifulSoup(holder.decode_contents(), "html.parser").find_all("link")
    assert [link["href"].rsplit("stylesheets/", 1)[1] for link in held] == [path.rsplit("/", 1)[1] for path in PRINT_CSS]
    assert all(link.get("media") == "print" and link["rel"] == ["stylesheet"] for link in held)
    screen = [link for link in soup.head.find_all("link", rel="stylesheet") if link.find_parent("noscript") is None]
    assert not [link["href"] for link in screen if link.get("media")], "a stylesheet the screen loads is for every medium"
    assert not [link["href"] for link in screen if "print" in link["href"]]
    assert any(link["href"].endswith("stylesheets/unit.css") for link in screen)


def started_scripts(soup: BeautifulSoup) -> list[str]:
    """The sources of the scripts the page starts after its first paint, in order (overrides/main.html)."""
    return [script["src"] for script in soup.find("template", id="course-scripts").find_all("script", src=True)]


@pytest.mark.parametrize("name", [*PAGES, "404"])
def test_no_script_is_fetched_while_the_page_is_read(built_site, name):
    """Every script with a source waits in an inert <template>: the page's in #course-scripts, started
    by the inline script after it; the offline copy's shim in its own (deferred once unwrapped).
    course.js comes before Material's bundle, each once."""
    soup = soup_of(built_site, name)
    assert [script["src"] for script in soup.find_all("script", src=True) if script.find_parent("template") is None] == []
    starter = soup.find("template", id="course-scripts").find_next_sibling()
    assert starter.name == "script" and not starter.has_attr("src") and "course-scripts" in starter.string
    template = soup.find("template", attrs={"data-offline-copy": "only"})
    shim = BeautifulSoup(template.decode_contents(), "html.parser").find("script")
    assert shim.has_attr("defer")
    sources = started_scripts(soup)
    course = next(i for i, src in enumerate(sources) if src.endswith("javascripts/course.js"))
    bundle = next(i for i, src in enumerate(sources) if "/javascripts/bundle." in "/" + src)
    assert course < bundle and sources.count(sources[course]) == 1 and sources.count(sources[bundle]) == 1


@pytest.mark.parametrize("name", ["together", "problems", "my-workbook", "facilitators/present", "index"])
def test_a_page_loads_only_its_own_script_beside_the_site_wide_one(built_site, name):
    ours = [src.rsplit("javascripts/", 1)[1] for src in started_scripts(soup_of(built_site, name))
            if "javascripts/" in src and "assets/javascripts" not in src]
    own = {"together": ["flocking.js"], "problems": ["problem-check.js"], "my-workbook": ["my-workbook.js"],
           "facilitators/present": ["presenter.js"], "index": []}[name]
    assert ours == ["course.js", *own]


def test_the_favicon_is_inside_the_page(built_site):
    """No request for it before the first paint: the page carries docs/assets/favicon.svg as a data: URL."""
    icon = soup_of(built_site, "index").find("link", rel="icon")["href"]
    assert icon.startswith("data:image/svg+xml,")
    drawn = " ".join(unquote(icon.split(",", 1)[1]).split())
    written = " ".join((PROJECT_DIR / "docs" / "assets" / "favicon.svg").read_text(encoding="utf-8").split())
    assert drawn == written.replace("> <", "><")


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


# --- In Chromium ----------------------------------------------------------------------


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


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without JavaScript"])
def test_printing_applies_the_paper_stylesheets(context_of, pages_url, javascript):  # noqa: F811
    """With JavaScript, course.js links paper's stylesheets once the page has loaded; without it, the
    browser reads them from the <noscript>. Either way print media shows what is only for paper
    (a handout's lines for a name and the date) and hides what is only for the screen."""
    page = context_of(java_script_enabled=javascript).new_page()
    page.goto(address(pages_url, "handouts/reflect"))
    page.wait_for_load_state("networkidle")
    if javascript:
        linked = page.evaluate("[...document.querySelectorAll('head > link[media=print]')].map(l => l.sheet !== null)")
        assert linked == [True] * len(PRINT_CSS)
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


def test_the_scripts_start_after_the_first_paint_and_run_as_deferred_scripts_do(browser, pages_url):  # noqa: F811
    """The page's scripts are asked for only once its first content is painted; then each runs, in
    order, as if deferred: the self-check's form replaces its no-JavaScript note (problem-check.js on
    course.js's components) and search opens and finds (Material's bundle)."""
    view = Watched(browser.new_context(viewport={"width": 1280, "height": 900}))
    try:
        page = view.page
        page.goto(address(pages_url, "problems"))
        page.locator("#problem-check form").wait_for()
        assert not page.locator(".problem-check__no-js").is_visible()
        started = page.evaluate(
            """() => ({
              paint: performance.getEntriesByName("first-contentful-paint")[0].startTime,
              scripts: performance.getEntriesByType("resource").filter(entry => entry.initiatorType === "script")
                .map(entry => [entry.name.split("/").pop(), entry.startTime]),
            })"""
        )
        names = sorted(name.split(".")[0] for name, _ in started["scripts"])  # the order they run in: test_no_script_is_fetched...
        assert names == ["bundle", "course", "problem-check"], started
        assert all(start > started["paint"] for _, start in started["scripts"]), started
        search = page.get_by_role("textbox", name="Search")
        search.click()
        search.press_sequentially("wicked")
        page.locator(".md-search-result__link").first.wait_for()
        assert view.csp_violations() == []
        assert not [line for line in view.console if line.startswith("error")]
    finally:
        view.page.context.close()


def test_while_the_scripts_are_on_their_way_the_self_check_does_not_say_it_needs_javascript(browser, pages_url):  # noqa: F811
    """Between the first paint and the scripts (held back here), the page is marked `js` and the
    self-check's note for a browser without JavaScript is hidden in its place; once the scripts
    run, the self-check's form is there and the answer note says where answers are kept."""
    context = browser.launched.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        held = []
        page.route("**/javascripts/course.js", lambda route: held.append(route))
        page.goto(address(pages_url, "problems"))
        page.wait_for_timeout(200)
        assert held, "the scripts were asked for after the first paint"
        assert page.evaluate("document.documentElement.className") == "js"
        assert page.locator(".problem-check__no-js").evaluate("element => getComputedStyle(element).visibility") == "hidden"
        held[0].continue_()
        page.locator("#problem-check form").wait_for()
        note = page.locator(".activity__answers-note").first
        assert note.is_visible() and "kept in this browser" in note.inner_text()
    finally:
        context.close()
