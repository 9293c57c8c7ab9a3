"""Building sites for tests: with MkDocs or ProperDocs, the fixture course (a fresh copy of it
for each test that breaks it) or Unit 3 itself (tests/content/)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from fixture_course import assemble

# The site builder: MkDocs by default; `make test` also builds with ProperDocs
# (SITE_BUILDER=properdocs), the maintained fork of MkDocs 1.6.
SITE_BUILDER = os.environ.get("SITE_BUILDER", "mkdocs")

# The date every test build carries unless a test gives another (SOURCE_DATE_EPOCH): 1 January
# 2026, 00:00 UTC. Fixed, so what a test sees never depends on the day it runs, and a second
# build with the same date must give the same bytes (tests/site/test_reproducible.py).
BUILD_EPOCH = 1767225600



def copy_project(destination: Path) -> Path:
    """The fixture course, assembled afresh in `destination`: a project of its own to build or break."""
    return assemble(destination)


def mkdocs_build(
    site_dir: Path, *extra: str, project_dir: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(BUILD_EPOCH), **(env or {})}
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
