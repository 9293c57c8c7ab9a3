"""What Python-Markdown reads too slowly, or not at all: limits a page (and the glossary) stays within.

Measured with the site's extensions (bench/hostile.py has the cases): a link
start `[` that is not closed soon is read again from there to the end of its
paragraph, so a hundred of them in a 20 KB paragraph take a second, and a
page of them an hour; a definition list of 500 terms ends Markdown with a
RecursionError; each abbreviation is a pattern tried on the whole page. The
limits keep every page to well under a second of Markdown:

- the characters Markdown reads again after each `[` (up to the next `]`, or
  the paragraph's end) at most BRACKET_READING on a page;
- at most MAX_DEFINITIONS definitions (`:   ...` lines) on a page;
- at most MAX_PAGE_ABBREVIATIONS abbreviations defined on a page (they belong in
  includes/abbreviations.md), and at most MAX_GLOSSARY there;
- at most MAX_HEADINGS headings on a page (the table of contents makes each id
  unique by trying the ids before it: 12,500 headings "# a" took 21 s), each
  at most MAX_HEADING_LENGTH characters (a heading is read once per character).

(Lists, quotes and HTML nested too deep are refused by checks/html.py.)
"""

from __future__ import annotations

import bisect
import re

from ..content.outline import Outline
from ..content.pages import read_markdown
from ..content.problems import Problem

BRACKET_READING = 1_000_000
MAX_DEFINITIONS = 200
MAX_PAGE_ABBREVIATIONS = 50
MAX_GLOSSARY = 200
MAX_HEADINGS = 500
MAX_HEADING_LENGTH = 1000

_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
_OPEN_BRACKET = re.compile(r"(?<!\\)\[")
_CLOSE_BRACKET = re.compile(r"\]")
_DEFINITION = re.compile(r"^:[ \t]+\S", re.MULTILINE)
_ABBREVIATION = re.compile(r"^\*\[[^\[\]\n]+\]:", re.MULTILINE)
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)", re.MULTILINE)


def check_markdown_limits(outline: Outline) -> list[Problem]:
    problems = []
    for page in outline.pages:
        problems.extend(_page_problems(page.display, page.text))
    glossary_file = outline.project.abbreviations_file
    if glossary_file.is_file():
        _, problem = read_markdown(glossary_file, outline.project.display(glossary_file))
        if problem:
            problems.append(problem)
    if len(outline.glossary) > MAX_GLOSSARY:
        problems.append(
            Problem(
                outline.project.display(outline.project.abbreviations_file),
                1,
                f"{len(outline.glossary)} abbreviations, over the limit of {MAX_GLOSSARY}: Markdown looks for each one on every page; "
                "keep those the unit uses",
            )
        )
    return problems


def _page_problems(display: str, text: str) -> list[Problem]:
    problems = []
    reading, worst = _bracket_reading(text)
    if reading > BRACKET_READING:
        problems.append(
            Problem(
                display,
                text.count("\n", 0, worst) + 1,
                "the square brackets on this page would take Markdown too long to read (each [ not closed soon is read "
                "again to the end of its paragraph); close each [ with its ] (a link, a footnote), or write \\[ for a bracket in text",
            )
        )
    for pattern, limit, what, how in (
        (_DEFINITION, MAX_DEFINITIONS, "definitions (lines starting ':')", "split the list across pages or use a table"),
        (_ABBREVIATION, MAX_PAGE_ABBREVIATIONS, "abbreviations defined on the page", "define them once, in includes/abbreviations.md"),
        (_HEADING, MAX_HEADINGS, "headings", "split the page"),
    ):
        found = [match.start() for match in pattern.finditer(text)]
        if len(found) > limit:
            line = text.count("\n", 0, found[limit]) + 1
            problems.append(Problem(display, line, f"{len(found)} {what}, over the limit of {limit} a page may have; {how}"))
    for match in _HEADING.finditer(text):
        end = text.find("\n", match.start())
        if (end if end >= 0 else len(text)) - match.start() > MAX_HEADING_LENGTH:
            line = text.count("\n", 0, match.start()) + 1
            problems.append(Problem(display, line, f"this heading is over {MAX_HEADING_LENGTH} characters; shorten it"))
            break
    return problems


def _bracket_reading(text: str) -> tuple[int, int]:
    """How many characters Markdown reads again after the [ on the page, and where the costliest [ is."""
    opens = [match.start() for match in _OPEN_BRACKET.finditer(text)]
    if not opens:
        return 0, 0
    closes = [match.start() for match in _CLOSE_BRACKET.finditer(text)]
    ends = [match.start() for match in _BLOCK_BREAK.finditer(text)] + [len(text)]
    total, worst, worst_at = 0, -1, 0
    for position in opens:
        block_end = ends[bisect.bisect_left(ends, position)]
        after = bisect.bisect_left(closes, position)
        end = min(closes[after], block_end) if after < len(closes) else block_end
        total += end - position
        if end - position > worst:
            worst, worst_at = end - position, position
    return total, worst_at
