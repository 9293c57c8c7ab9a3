"""Front matter: the fields a page may have, each of its kind (course/checks/front_matter.py)."""

from __future__ import annotations

import pytest
from jinja2 import Environment

from course.checks.front_matter import check_front_matter
from course.content.outline import Outline
from course.content.pages import read_page
from engine import outline

FIELDS = "description, title, scripts, unit, pdf, whole_unit, pdf_list, search, render_macros, template, hide (guides/authors.md)"


def problems_of(tmp_path, front: str) -> list[str]:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_text(f"---\n{front}---\n\n# Page\n", encoding="utf-8")
    page = read_page(docs / "page.md", docs, tmp_path, Environment())
    return [str(problem) for problem in check_front_matter(Outline(None, None, [page], {}))]


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("title: null\n", "docs/page.md:2: front matter 'title': must be text"),
        ("description: D\ntitle: [a]\n", "docs/page.md:3: front matter 'title': must be text"),
        ("description: 12\n", "docs/page.md:2: front matter 'description': must be text"),
        ("scripts: javascripts/flocking.js\n", "docs/page.md:2: front matter 'scripts': must be a list"),
        ("scripts: [1]\n", "docs/page.md:2: front matter 'scripts.0': must be text"),
        ("search: {exclude: 'yes'}\n", "docs/page.md:2: front matter 'search.exclude': must be true or false"),
        ("search: {boost: 2}\n", "docs/page.md:2: front matter 'search.boost': is not a setting here; remove it"),
        ("render_macros: no thanks\n", "docs/page.md:2: front matter 'render_macros': must be true or false"),
        ("pdf_list: 1\n", "docs/page.md:2: front matter 'pdf_list': must be true or false"),
        ("activity: x\n", f"docs/page.md:2: front matter 'activity' is not a field a page may have; use {FIELDS}"),
        ("config: x\n", f"docs/page.md:2: front matter 'config' is not a field a page may have; use {FIELDS}"),
        ("hide: [sidebar]\n", "docs/page.md:2: front matter 'hide.0': input should be 'navigation', 'toc', 'footer', 'path', 'tags' or 'feedback'"),
        ("hide: navigation\n", "docs/page.md:2: front matter 'hide': must be a list"),
        # The theme's templates would change what the page is: redirect.html sends readers anywhere.
        ("template: redirect.html\n", "docs/page.md:2: front matter 'template': input should be 'presenter.html'"),
        ("ignore_macros: true\n", f"docs/page.md:2: front matter 'ignore_macros' is not a field a page may have; use {FIELDS}"),
    ],
)
def test_a_field_a_page_may_not_have_or_of_the_wrong_kind_is_located(tmp_path, front, expected):
    assert problems_of(tmp_path, front) == [expected]


def test_the_fields_of_every_page_of_the_fixture_course_pass():
    assert check_front_matter(outline()) == []


def test_every_field_a_page_may_have_passes(tmp_path):
    front = (
        "description: D\ntitle: T\nscripts: [javascripts/flocking.js]\nunit: unit-1\npdf: x.pdf\nwhole_unit: false\n"
        "pdf_list: false\nsearch: {exclude: true}\nrender_macros: true\ntemplate: presenter.html\nhide: [navigation, toc]\n"
    )
    assert problems_of(tmp_path, front) == []
