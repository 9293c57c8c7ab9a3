"""Fixtures for every test.

tests/unit/ tests the course engine on its own (tests/engine.py drives it
without MkDocs), on the fixture course (tests/fixtures/course/); tests/site/
builds the fixture course once per run (`built_site`) and tests what was
built, in its files and in Chromium (`browser`); tests/content/ checks Unit 3's
own content and its build (`unit_3_site`).
"""

from __future__ import annotations

import copy
import functools
import http.server
import os
import threading
from pathlib import Path

import pytest
import yaml

from browser_pages import ReadyBrowser, SlowedBrowser
from engine import PROJECT_DIR, data_path, fixture_data
from fixture_course import assembled
from site_building import CHROMIUM_ARGS, SITE_BUILDER, chromium_path, mkdocs_build


@pytest.fixture
def make_data_dir(tmp_path):
    """Write a copy of the fixture's data, changed by `edit(data)`, to a fresh `data` folder.

    `data` maps file names to their parsed content (tests/engine.py, fixture_data):
    "programme.yml" and "accessibility.yml", the first unit's "activities.yml",
    "problem_types.yml" and so on, and "unit-2/activities.yml"...; a file set to None is left out.
    """

    def make(edit=None) -> Path:
        data = copy.deepcopy(fixture_data())
        if edit:
            edit(data)
        folder = tmp_path / f"copy-{len(list(tmp_path.iterdir()))}" / "data"
        for name, content in data.items():
            if content is not None:
                path = folder / data_path(name)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return folder

    return make


@pytest.fixture(scope="session")
def fixture_project() -> Path:
    """The fixture course (tests/fixtures/course/), assembled once per run: read it, never change it."""
    return assembled()


@pytest.fixture(scope="session")
def built_site(fixture_project, tmp_path_factory) -> Path:
    """The fixture course, built once per test run with --strict (BUILT_SITE reuses a build of it),
    dated BUILD_EPOCH (SOURCE_DATE_EPOCH, tests/site_building.py) whatever the day."""
    if os.environ.get("BUILT_SITE"):
        return Path(os.environ["BUILT_SITE"])
    site_dir = tmp_path_factory.mktemp("fixture") / "site"
    result = mkdocs_build(site_dir, project_dir=fixture_project)
    assert result.returncode == 0, f"{SITE_BUILDER} build --strict failed:\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def unit_3_site(tmp_path_factory) -> Path:
    """Unit 3 itself, built once per test run with --strict, for the checks of its content (tests/content/);
    UNIT_3_SITE reuses a build of it."""
    if os.environ.get("UNIT_3_SITE"):
        return Path(os.environ["UNIT_3_SITE"])
    site_dir = tmp_path_factory.mktemp("unit-3") / "site"
    result = mkdocs_build(site_dir, project_dir=PROJECT_DIR)
    assert result.returncode == 0, f"{SITE_BUILDER} build --strict of Unit 3 failed:\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def site_pages(built_site) -> list[Path]:
    """Every HTML page of the unit (not the 404 page)."""
    return sorted(p for p in built_site.rglob("index.html") if "assets" not in p.parts)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site served over HTTP on loopback, as a host would serve it."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        ready = ReadyBrowser(browser)  # navigations return once the page's scripts have run (tests/browser_pages.py)
        slowdown = float(os.environ.get("CHROMIUM_CPU_SLOWDOWN", "1"))
        yield SlowedBrowser(ready, slowdown) if slowdown > 1 else ready
        browser.close()


def pytest_collection_modifyitems(items):
    """Tests that drive Chromium are marked `browser`, so a run can choose them or leave them out.

    Each test is also grouped by the course it reads, for `pytest -n 2 --dist loadgroup` (make
    test-site): Unit 3's content (tests/content/, its build) runs on one worker, the engine's
    tests (the fixture course's build and copies) on the other, so neither build is made twice."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):  # the fixture's closure: page_in and the like too
            item.add_marker(pytest.mark.browser)
        folder = Path(str(item.fspath)).relative_to(Path(__file__).parent).parts[0]
        item.add_marker(pytest.mark.xdist_group("unit-3" if folder == "content" else "engine"))
