"""US spellings (course/checks/spelling.py): a warning with the UK spelling, never a problem; proper names,
titles, quotations, emphasis, code, another work's words and the project's word list left alone."""

from __future__ import annotations

import datetime
import shutil

import pytest

from course.checks import check_course, remind
from course.checks.__main__ import main as check_main
from course.checks.spelling import data_text_lines, spelling_problems, spelling_warnings
from course.paper.plan import plan_paper
from engine import outline
from fixture_course import assembled, course_source

ADVICE = "(UK English), or add '{word}' to data/spelling.yml if it is right here"


def warnings_for(text: str, accepted: frozenset[str] = frozenset()) -> list[str]:
    """The warnings for `text` as a page's prose lines, each as `file:line: message`."""
    return [str(warning) for warning in spelling_problems("docs/page.md", enumerate(text.splitlines(), start=1), accepted)]


@pytest.fixture
def project(tmp_path):
    """A copy of the assembled fixture course, to edit; `edit(path, old, new)` changes one of its files."""
    root = tmp_path / "project"
    shutil.copytree(assembled(), root)
    return root


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def warnings_in(root) -> list[str]:
    return [str(warning) for warning in spelling_warnings(outline(root / "data", root / "docs"))]


# --- A US spelling of ours: warned, with the UK spelling --------------------------------------


@pytest.mark.parametrize(
    ("sentence", "word", "uk"),
    [
        ("We organize the rota together.", "organize", "organise"),
        ("The organization of the day matters.", "organization", "organisation"),
        ("Teams organized by the network.", "organized", "organised"),
        ("Notice the behaviors that help.", "behaviors", "behaviours"),
        ("Color is what a reader notices first.", "Color", "Colour"),  # a capital that starts a sentence is no name
        ("- Prioritize the wicked problems.", "Prioritize", "Prioritise"),  # nor one that starts a list item
        ("We will utilize the room.", "utilize", "use"),
    ],
)
def test_a_us_spelling_in_a_sentence_is_warned_with_the_uk_spelling_at_its_line(sentence, word, uk):
    assert warnings_for(f"# A page\n\n{sentence}\n") == [
        f"docs/page.md:3: warning: '{word}' is a US spelling; write '{uk}' " + ADVICE.format(word=word.lower())
    ]


# --- What is not ours to respell ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Published in the Journal of Health Organization and Management, 2005.",  # a capitalised name mid-sentence
        "The World Health Organization says so.",
        'She wrote "we organize care differently" in the report.',  # quotations, straight and curly
        "He called it “the center of gravity” once.",
        "The report, ‘Analyzing behavior’, came out in 2014.",
        "The book *on organizing teams* is a classic.",  # emphasis: a title of a work
        "The book _on organizing teams_ is a classic.",
        "A <cite>study of behavior</cite> and an <em>organized</em> note.",
        "Set the CSS `color` property, or `organize()` in code.",  # code
        "See https://example.org/behavior-center/ for more.",  # an address
    ],
)
def test_names_titles_quotations_emphasis_and_code_are_left_alone(text):
    assert warnings_for(text) == []


def test_only_the_word_outside_what_is_left_alone_is_warned():
    [warning] = warnings_for('The Journal of Health Organization said "organize" and we organize.')
    assert warning.startswith("docs/page.md:1: warning: 'organize' is a US spelling; write 'organise'")


def test_a_word_in_the_word_list_is_left_alone_in_all_its_forms():
    text = "A computer program, two programs.\nThe center holds.\n"
    [warning] = warnings_for(text, frozenset({"program"}))
    assert warning.startswith("docs/page.md:2: warning: 'center' is a US spelling")


def test_a_fenced_code_block_is_left_alone(project):
    page = project / "docs" / "basics.md"
    edit(page, "The first example.", "The first example.\n\n```\ncolor = organize(behavior)\n```\n\nBut we organize it.")
    assert warnings_in(project) == [
        "docs/basics.md:28: warning: 'organize' is a US spelling; write 'organise' " + ADVICE.format(word="organize")
    ]


def test_in_data_another_works_title_and_where_it_appeared_are_left_alone(tmp_path):
    references = tmp_path / "references.yml"
    references.write_text(
        "# behavior, in a comment\n"
        "references:\n"
        "  - id: a-2005\n"
        "    title: On organizational behavior\n"
        "    published_in: Journal of Organizational Behavior, 1(2)\n"
        "    used_for: How teams organize.\n",
        encoding="utf-8",
    )
    lines = list(data_text_lines(references))
    assert [number for number, _ in lines] == [2, 3, 6], "the comment, the title and published_in are not ours"
    [warning] = [str(w) for w in spelling_problems("data/unit-1/references.yml", lines)]
    assert warning.startswith("data/unit-1/references.yml:6: warning: 'organize' is a US spelling; write 'organise'")


# --- The fixture course, and its word list ----------------------------------------------------------


def test_the_fixture_courses_names_titles_and_word_list_give_no_warning():
    """basics.md names the Journal of Health Organization and Management and the World Health Organization,
    and a reference's published_in names the journal too: none is ours to respell."""
    assert spelling_warnings(outline()) == []


def test_authors_extend_the_word_list_in_data_spelling_yml(project):
    page = project / "docs" / "basics.md"
    edit(page, "The first example.", "The first example, at the center of the program.")
    assert warnings_in(project) == [
        "docs/basics.md:22: warning: 'center' is a US spelling; write 'centre' " + ADVICE.format(word="center")
    ]  # "program" is in the fixture's word list
    edit(project / "data" / "spelling.yml", "  - program\n", "  - program\n  - center\n")
    assert warnings_in(project) == []


def test_a_word_list_that_cannot_be_read_is_a_warning_at_its_line(project):
    (project / "data" / "spelling.yml").write_text("accepted:\n  - two words\n", encoding="utf-8")
    [warning] = warnings_in(project)
    assert warning.startswith("data/spelling.yml:2: warning: ") and "accepted" in warning, warning


# --- Warnings never fail anything ---------------------------------------------------------------


def test_spelling_warnings_never_fail_the_check(project, capsys):
    edit(project / "docs" / "basics.md", "The first example.", "The first example, on behavior.")
    edit(project / "data" / "unit-1" / "simple_rules.yml", "Able to work with uncertainty.", "Able to organize around uncertainty.")
    found = outline(project / "data", project / "docs")
    assert check_course(course_source(found), plan_paper(found)) == []
    warnings = [str(w) for w in remind(found, datetime.date(2026, 1, 6)) if "US spelling" in str(w)]
    assert [w.split(": warning: ")[0] for w in warnings] == ["data/unit-1/simple_rules.yml:8", "docs/basics.md:22"]
    # make check prints each warning once, on stderr, and passes.
    assert check_main([str(project)]) == 0
    printed = capsys.readouterr()
    assert "No problems found." in printed.out
    assert [line for line in printed.err.splitlines() if "US spelling" in line] == warnings
