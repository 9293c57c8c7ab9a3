"""What Python-Markdown reads too slowly or not at all is refused (course/checks/markdown_limits.py);
pages within the limits pass."""

from __future__ import annotations

import pytest

from course.checks.markdown_limits import (
    BRACKET_READING,
    MAX_DEFINITIONS,
    MAX_GLOSSARY,
    MAX_HEADING_LENGTH,
    MAX_HEADINGS,
    MAX_PAGE_ABBREVIATIONS,
    _page_problems,
    check_markdown_limits,
)
from course.content.outline import Outline, Project
from engine import outline

BRACKETS = "the square brackets on this page would take Markdown too long to read"


def problems_of(text: str) -> list[str]:
    return [str(problem) for problem in _page_problems("docs/page.md", text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Intro.\n\n" + "[" * 20_000, f"docs/page.md:3: {BRACKETS}"),
        ("[a " * 200 + "word " * 1000, f"docs/page.md:1: {BRACKETS}"),
        ("![" * 5_000, f"docs/page.md:1: {BRACKETS}"),
        ("a\n:   b\n" * (MAX_DEFINITIONS + 1), f"docs/page.md:{2 * MAX_DEFINITIONS + 2}: {MAX_DEFINITIONS + 1} definitions (lines starting ':'), over the limit"),
        ("".join(f"*[A{n}]: x\n" for n in range(MAX_PAGE_ABBREVIATIONS + 1)), f"docs/page.md:{MAX_PAGE_ABBREVIATIONS + 1}: {MAX_PAGE_ABBREVIATIONS + 1} abbreviations defined on the page"),
        ("# a\n" * (MAX_HEADINGS + 1), f"docs/page.md:{MAX_HEADINGS + 1}: {MAX_HEADINGS + 1} headings, over the limit of {MAX_HEADINGS}"),
        ("Text.\n\n## " + "a " * MAX_HEADING_LENGTH + "\n", f"docs/page.md:3: this heading is over {MAX_HEADING_LENGTH} characters; shorten it"),
    ],
)
def test_what_markdown_cannot_read_in_time_is_refused_at_its_line(text, expected):
    [problem] = problems_of(text)
    assert problem.startswith(expected), problem


@pytest.mark.parametrize(
    "text",
    [
        "[a link](glossary.md) and [another](index.md#top) " * 2_000,  # closed at once: read no further
        "\\[ " * 20_000,  # escaped: text, not link starts
        "[a " * 30 + "word " * 1000,
        "a\n:   b\n" * MAX_DEFINITIONS,
        "# a\n" * MAX_HEADINGS,
    ],
)
def test_long_pages_within_the_limits_pass(text):
    assert problems_of(text) == []


def test_the_bracket_reading_is_counted_within_paragraphs():
    """A [ not closed is read to the end of its paragraph, not of the page."""
    paragraph = "[a " + "word " * 1000 + "\n\n"
    assert problems_of(paragraph * (BRACKET_READING // 5000 - 1)) == []


def test_the_glossary_has_a_limit(tmp_path):
    project = Project(root=tmp_path, docs_dir=tmp_path, data_dir=tmp_path, abbreviations_file=tmp_path / "includes" / "abbreviations.md")
    glossary = {f"A{n}": "x" for n in range(MAX_GLOSSARY + 1)}
    [problem] = check_markdown_limits(Outline(project, None, [], glossary))
    assert str(problem).startswith(f"includes/abbreviations.md:1: {MAX_GLOSSARY + 1} abbreviations, over the limit of {MAX_GLOSSARY}")


def test_every_page_of_the_fixture_course_is_within_the_limits():
    assert check_markdown_limits(outline()) == []
