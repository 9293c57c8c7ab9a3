"""Building the site for tests: with MkDocs or ProperDocs, from the project or a copy of it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from engine import PROJECT_DIR

# The site builder: MkDocs by default; `make test` also builds with ProperDocs
# (SITE_BUILDER=properdocs), the maintained fork of MkDocs 1.6.
SITE_BUILDER = os.environ.get("SITE_BUILDER", "mkdocs")

# The date the session's build of the site carries (`built_site`): 1 January 2026, 00:00 UTC.
# Fixed, so what it shows never depends on the day the tests run, and a second build with
# the same SOURCE_DATE_EPOCH must give the same bytes (tests/site/test_reproducible.py).
BUILD_EPOCH = 1767225600

# What a copy of the project needs to build: everything but the engine, which is installed.
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "includes", "macros", "overrides")


def copy_project(destination: Path) -> Path:
    """A copy of everything the build reads, to break without touching the real one."""
    destination.mkdir()
    for name in PROJECT_PARTS:
        source = PROJECT_DIR / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, destination / name)
    return destination


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
