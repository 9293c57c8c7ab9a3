"""Fixtures for every test.

tests/unit/ tests the course engine on its own (tests/engine.py drives it
without MkDocs); tests/site/ builds the site once per run (`built_site`) and
tests what was built, in its files and in Chromium (`browser`).
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

from browser_pages import ReadyBrowser
from engine import PROGRAMME_FILES, UNIT_3, real_data
from site_building import BUILD_EPOCH, CHROMIUM_ARGS, SITE_BUILDER, chromium_path, mkdocs_build


@pytest.fixture
def make_data_dir(tmp_path):
    """Write a copy of the data, changed by `edit(data)`, to a fresh `data` folder.

    `data` maps file names to their parsed content: "programme.yml" and
    "accessibility.yml", and Unit 3's "activities.yml", "problem_types.yml" and so on.
    """

    def make(edit=None) -> Path:
        data = copy.deepcopy(real_data())
        if edit:
            edit(data)
        folder = tmp_path / f"copy-{len(list(tmp_path.iterdir()))}" / "data"
        (folder / UNIT_3).mkdir(parents=True)
        for name, content in data.items():
            if content is not None:
                path = folder / name if name in PROGRAMME_FILES else folder / UNIT_3 / name
                path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return folder

    return make


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site, built once per test run with --strict into a temporary folder (BUILT_SITE reuses one).

    Dated BUILD_EPOCH (SOURCE_DATE_EPOCH), whatever the day.
    """
    if os.environ.get("BUILT_SITE"):
        return Path(os.environ["BUILT_SITE"])
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(site_dir, env={"SOURCE_DATE_EPOCH": str(BUILD_EPOCH)})
    assert result.returncode == 0, f"{SITE_BUILDER} build --strict failed:\n{result.stderr}"
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
        yield ReadyBrowser(browser)  # navigations return once the page's scripts have run (tests/browser_pages.py)
        browser.close()


def pytest_collection_modifyitems(items):
    """Tests that drive Chromium are marked `browser`, so a run can choose them or leave them out."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):  # the fixture's closure: page_in and the like too
            item.add_marker(pytest.mark.browser)
