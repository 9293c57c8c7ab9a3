"""Shared fixtures: a throwaway data folder for unit tests, and one real build."""

from __future__ import annotations

import copy
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "data"

# Values a careless or hostile author might put in a data field.
HOSTILE_TEXTS = [
    "<script>alert('x')</script>",
    "Tom & Jerry",
    "a | b | c",
    'She said "yes" and \'no\'',
    "{{ config }}",
    "{% if true %}evaluated{% endif %}",
]


UNIT_3 = "unit-3"


def real_data() -> dict[str, dict]:
    """The programme file and Unit 3's data files, parsed, keyed by file name."""
    files = {"programme.yml": DATA_DIR / "programme.yml"}
    files.update({path.name: path for path in sorted((DATA_DIR / UNIT_3).glob("*.yml"))})
    return {name: yaml.safe_load(path.read_text(encoding="utf-8")) for name, path in files.items()}


@pytest.fixture
def make_data_dir(tmp_path):
    """Write a copy of the data, changed by `edit(data)`, to a fresh `data` folder.

    `data` maps file names to their parsed content: "programme.yml", and Unit 3's
    "activities.yml", "problem_types.yml" and so on.
    """

    def make(edit=None) -> Path:
        data = copy.deepcopy(real_data())
        if edit:
            edit(data)
        folder = tmp_path / f"copy-{len(list(tmp_path.iterdir()))}" / "data"
        (folder / UNIT_3).mkdir(parents=True)
        for name, content in data.items():
            if content is not None:
                path = folder / name if name == "programme.yml" else folder / UNIT_3 / name
                path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return folder

    return make


# --- A real build -------------------------------------------------------------

# The site builder: MkDocs by default; `make test` runs the build tests again with
# SITE_BUILDER=properdocs, the maintained fork of MkDocs 1.6.
SITE_BUILDER = os.environ.get("SITE_BUILDER", "mkdocs")


def mkdocs_build(
    site_dir: Path, *extra: str, project_dir: Path = PROJECT_DIR, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", SITE_BUILDER, "build", "--strict", "--site-dir", str(site_dir), *extra],
        cwd=project_dir,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site, built once per test run with --strict into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(site_dir)
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


# --- The browser ----------------------------------------------------------------

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """Debian's Chromium when installed; otherwise Playwright's own download."""
    for candidate in (os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
