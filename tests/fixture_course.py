"""The fixture course (tests/fixtures/course/), assembled into a project that builds.

The fixture holds only content: pages, data and abbreviations, and a
mkdocs.yml that inherits the site's own. Assembling adds what the site gives
every course: its mkdocs.yml (as base.yml), overrides/, macros/ and the
stylesheets, scripts and images in docs/. So the engine is tested on the
fixture's content with the site's real configuration, and an edit to Unit 3's
content changes nothing here.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

from engine import FIXTURE_DIR, PROJECT_DIR

# What every course gets from the site: the configuration the fixture inherits, the theme's
# overrides, the macros mkdocs-macros loads, and the published files beside the pages.
SITE_PARTS = ("overrides", "macros")
SITE_FILES_IN_DOCS = ("stylesheets", "javascripts", "assets")
FIXTURE_PARTS = ("mkdocs.yml", "docs", "data", "includes")


def assemble(destination: Path) -> Path:
    """The fixture course as a project in `destination` (made afresh), ready to check or build."""
    destination.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__")
    for name in FIXTURE_PARTS:
        source = FIXTURE_DIR / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=ignore)
        else:
            shutil.copy(source, destination / name)
    shutil.copy(PROJECT_DIR / "mkdocs.yml", destination / "base.yml")
    for name in SITE_PARTS:
        shutil.copytree(PROJECT_DIR / name, destination / name, ignore=ignore)
    for name in SITE_FILES_IN_DOCS:
        shutil.copytree(PROJECT_DIR / "docs" / name, destination / "docs" / name, ignore=ignore)
    return destination


@functools.cache
def assembled() -> Path:
    """The fixture course assembled once per test run, in a temporary folder removed at exit: read it, never change it."""
    folder = Path(tempfile.mkdtemp(prefix="fixture-course-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return assemble(folder / "project")


@functools.cache
def fixture_config():
    """The fixture's mkdocs.yml, loaded as MkDocs loads it (its Markdown extensions, for the check)."""
    from course.project import load_mkdocs_config

    return load_mkdocs_config(assembled())


def course_source(outline):
    """An outline as the check takes it (course.project.CourseSource), with the fixture's configuration."""
    from course.project import CourseSource

    return CourseSource(outline, [], fixture_config())
