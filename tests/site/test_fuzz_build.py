"""Fuzzing the build (hypothesis): a random page, with macro calls, HTML, links and front matter, added to a
copy of the project. Whatever the check says, the build agrees: if the check finds problems, the build stops
with exactly those lines and leaves the last good site as it was; if not, the build succeeds. Never a
traceback, never a hang (the time limit is a guard, far above a build's time), never a half-written site.
"""

from __future__ import annotations

import shutil

import pytest
from hypothesis import HealthCheck, example, given, settings

from course.checks import check_project
from fuzzing import pages
from site_building import copy_project, mkdocs_build

SITE_ONLY = {"UNIT_PDF": "skip", "UNIT_OFFLINE_ZIP": "off"}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("fuzzed") / "project")


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=pages())
@example(text="---\ntitle: null\n---\n\n")  # found by this test: the check passed, mkdocs-macros stopped the build
@example(text="---\nsearch: 1\n---\n\n")  # found by this test: the check passed, Material's search stopped the build
@example(text="[a link](pdf/workbook.pdf)\n")  # found by this test: a strict build refused a link to a PDF it makes
@example(text="![A chart](assets/nothing.png)\n")  # found by this test: the check passed an image with no file, a strict build refused it
def test_the_build_does_what_the_check_says(project, tmp_path_factory, text):
    page = project / "docs" / "fuzz.md"
    page.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    site = tmp_path_factory.mktemp("site")
    (site / "keep.txt").write_text("the last good build")
    try:
        problems = [str(problem) for problem in check_project(project)]
        result = mkdocs_build(site, project_dir=project, env=SITE_ONLY)
    finally:
        page.unlink()
    assert "Traceback" not in result.stderr + result.stdout, result.stderr[-3000:]
    if problems:
        assert result.returncode != 0
        assert f"{len(problems)} problem(s) found; nothing was built:\n" + "\n".join(problems) in result.stderr, result.stderr[-3000:]
        assert [path.name for path in site.iterdir()] == ["keep.txt"], "the last good site is left alone"
    else:
        assert result.returncode == 0, result.stderr[-3000:]
        assert (site / "fuzz" / "index.html").is_file()
    shutil.rmtree(site)
