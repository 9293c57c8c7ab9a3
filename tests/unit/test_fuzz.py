"""Fuzzing (hypothesis): random YAML, bytes and Markdown with macro calls, through the loader and the check.

Every run must end in success or in problems that each name a file and line: never an exception.
The deadlines are guards against a hang, far above what a run takes (bench/hostile.py measures that).
"""

from __future__ import annotations

import datetime
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings

from course.checks import check_course
from course.content import schemas
from course.content.outline import Outline, Project
from course.content.problems import ContentError
from course.content.programme import UNIT_FILES
from course.content.yaml_files import load_file
from course.paper.plan import plan_paper
from engine import ABBREVIATIONS_FILE, DATA_DIR, DOCS_DIR, FIXTURE_DIR, PROJECT_DIR, SITE_URL
from fixture_course import course_source
from fuzzing import LOCATED, data_files, pages

HANG_GUARD = datetime.timedelta(seconds=10)
FILE = "data/unit-1/activities.yml"


@settings(max_examples=300, deadline=HANG_GUARD, suppress_health_check=[HealthCheck.too_slow])
@given(content=data_files())
@example(content=b"\x1f")  # found by this test: a control character ended the loader with a traceback
@example(content=b'label: "\\U00801000"\n')  # found by this test: PyYAML's scanner raised ValueError
@example(content=b"title: 2024-13-45\nlines: " + b"1" * 5000 + b"\n")
def test_any_data_file_loads_or_gives_located_problems(content):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "activities.yml"
        path.write_bytes(content)
        for schema in (schemas.ActivitiesFile, schemas.SimpleRulesFile, schemas.ProgrammeFile):
            try:
                load_file(path, schema, FILE)
            except ContentError as error:
                assert error.problems
                for problem in error.problems:
                    assert problem.file == FILE and isinstance(problem.line, int) and problem.line >= 1, str(problem)
                    assert LOCATED.match(str(problem)) and "Traceback" not in problem.message, str(problem)


# Linked from every page's footer: the check refuses a site without them.
WEBSITE_PAGES = ["accessibility.md", "privacy.md"]


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Project:
    """A course of the pages every site needs (the glossary, the accessibility statement and the
    privacy notice) and one the fuzzing writes, over a copy of the fixture course's data; the
    accessibility statement names the site by its address (the fixture's site_url)."""
    root = tmp_path_factory.mktemp("fuzzed")
    shutil.copytree(DATA_DIR, root / "data")
    docs = root / "docs"
    (docs / "assets").mkdir(parents=True)
    shutil.copy(PROJECT_DIR / "docs" / "assets" / "logo.svg", docs / "assets" / "logo.svg")  # the site's own image
    (docs / "javascripts").mkdir()
    (docs / "javascripts" / "flocking.js").write_text("// the page's script\n")
    (docs / "glossary.md").write_text("# Glossary\n\n## Key terms\n", encoding="utf-8")
    for website_page in WEBSITE_PAGES:
        shutil.copy(DOCS_DIR / website_page, docs / website_page)
    shutil.copytree(FIXTURE_DIR / "includes", root / "includes")
    snippets = {"base_path": [str(root / "includes")], "check_paths": True}
    return Project(root=root, docs_dir=docs, data_dir=root / "data", abbreviations_file=ABBREVIATIONS_FILE, snippets=snippets, site_url=SITE_URL)


def check_page(course: Project, text: str | bytes) -> list[str]:
    """The check on the course with this as its page."""
    page = course.docs_dir / "page.md"
    page.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", errors="surrogatepass"))
    pages = ["page.md", "glossary.md", *WEBSITE_PAGES]
    outline = Outline.read(course, pages, pages)
    return [str(problem) for problem in check_course(course_source(outline), plan_paper(outline))]


@settings(max_examples=250, deadline=HANG_GUARD, suppress_health_check=[HealthCheck.too_slow])
@given(text=pages())
@example(text="{{ comparison_table([]) }}\n")  # found by this test: a list for a table's id ended the check with a traceback
@example(text="---\ntitle: null\n---\n\n")  # found by the build's fuzzing: mkdocs-macros stopped on a title that is not text
@example(text="---\nactivity: x\n---\n\n{{ activity('walk') }}\n")
@example(text='{{ activity("reflect") }} {{ cite("fixture-author-2005") }} [x](glossary.md#key-terms)\n')
def test_any_page_passes_or_gives_located_problems(course, text):
    for problem in check_page(course, text):
        assert LOCATED.match(problem) and "\n" not in problem, problem
        if problem.startswith("docs/page.md"):
            assert problem.startswith("docs/page.md:"), f"a problem in the page without its line: {problem}"


def test_a_page_with_a_missing_snippet_and_a_link_to_its_own_anchor_gives_located_problems(course):
    """The link check renders the page for its anchors; a snippet that is missing is the snippet check's to report."""
    problems = check_page(course, '[a link](#here)\n\n--8<-- "nothing.md"\n')
    assert problems and all(LOCATED.match(problem) and "\n" not in problem for problem in problems), problems
    assert any("nothing.md" in problem for problem in problems)


@settings(max_examples=100, deadline=HANG_GUARD, suppress_health_check=[HealthCheck.too_slow])
@given(content=data_files())
def test_any_bytes_as_a_page_pass_or_give_located_problems(course, content):
    for problem in check_page(course, content):
        assert LOCATED.match(problem) and problem.startswith(("docs/page.md:", "data/")), problem


def test_the_data_files_the_fuzzing_reads_are_the_units():
    """The loader test above tries every schema a data file can have."""
    assert {schemas.ActivitiesFile, schemas.SimpleRulesFile} <= set(UNIT_FILES.values())
