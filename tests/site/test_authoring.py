"""The authors' safety net, on the fixture course: the check command, correct content never refused,
and clear errors for every bad input."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from course.checks import check_project
from engine import DOCS_DIR, PROJECT_DIR, SITE_URL, UNIT, fixture_data
from site_building import copy_project, mkdocs_build
from test_site import page_soup

SITE_ONLY = {"UNIT_PDF": "skip", "UNIT_OFFLINE_ZIP": "off"}


def run_check(project_dir, **env) -> subprocess.CompletedProcess:
    """`make check`: python -m course.checks on a project."""
    return subprocess.run(
        [sys.executable, "-m", "course.checks", str(project_dir)],
        cwd=PROJECT_DIR,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def edit_file(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def project(tmp_path):
    """A copy of the project to break."""
    return copy_project(tmp_path / "project")


def warnings_in(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if ": warning: " in line]


@pytest.fixture(scope="module")
def fixture_check(fixture_project) -> subprocess.CompletedProcess:
    """`make check` on the fixture course as it is."""
    return run_check(fixture_project)


def test_the_check_passes_on_the_fixture_course(fixture_check):
    assert fixture_check.returncode == 0, fixture_check.stdout
    assert fixture_check.stdout.strip() == "No problems found."


# --- Correct content is never refused: each case passes the check and the build (issue 19) -------------

# What authors write that the check once refused, each in the fixture's docs/basics.md: (the text, the
# id a link there leads to on the page, or None).
CORRECT_CONTENT = {
    "a journal's title with a US spelling": ("*Journal of Health Organization and\nManagement*", None),
    "a link to a setext heading": ("Further note\n------------", "further-note"),
    "a link to the second of two headings of one name": ("## Example\n\nThe second example, which [a link to it](#example_1)", "example_1"),
    "a link to an attr_list id": ("{ #our-own-id }", "our-own-id"),
}


@pytest.mark.parametrize("case", CORRECT_CONTENT, ids=list(CORRECT_CONTENT))
def test_correct_content_passes_the_check_and_the_build(fixture_check, built_site, case):
    """The fixture holds each case; the check finds no problem and warns of nothing on the page, and the
    session's build (--strict: MkDocs' own anchor validation warns, and a warning fails it) made the page."""
    text, anchor = CORRECT_CONTENT[case]
    assert text in (DOCS_DIR / "basics.md").read_text(encoding="utf-8"), "the fixture still holds the case"
    assert fixture_check.returncode == 0 and fixture_check.stdout.strip() == "No problems found."
    assert not [line for line in fixture_check.stderr.splitlines() if line.startswith("docs/basics.md")], fixture_check.stderr
    if anchor:
        page = page_soup(built_site, "basics").find("article")
        assert page.find("a", href=f"#{anchor}") and page.find(id=anchor), anchor
    else:
        assert "Organization" in page_soup(built_site, "basics").find("article").get_text(), "printed as written"


def test_make_check_and_the_build_print_each_warning_once_and_fail_nothing(tmp_path, project):
    page = project / "docs" / "forms.md"
    line = _append(page, "\nThe color of each way, and its program.\n") + 1
    check = run_check(project)
    assert (check.returncode, check.stdout.strip()) == (0, "No problems found."), check.stdout
    colour = f"docs/forms.md:{line}: warning: 'color' is a US spelling; write 'colour'"
    warnings = warnings_in(check)
    on_the_page = [w for w in warnings if w.startswith("docs/forms.md")]
    assert len(on_the_page) == 1 and on_the_page[0].startswith(colour), "once; 'program' is in data/spelling.yml"
    assert "add 'color' to data/spelling.yml" in on_the_page[0], "says how to keep a spelling that is right"
    assert len(warnings) == len(set(warnings)), "no warning printed twice"
    built = mkdocs_build(tmp_path / "site", project_dir=project, env=SITE_ONLY)
    assert built.returncode == 0, "a --strict build is not failed by a warning"
    assert built.stderr.count(on_the_page[0]) == 1, built.stderr


def test_a_wrong_anchor_is_still_refused_with_its_file_and_line(tmp_path, project):
    page = project / "docs" / "basics.md"
    line = _append(page, "\nSee [the third example](#example_2) and [a glossary term](glossary.md#nothing).\n") + 1
    problems = [str(p) for p in check_project(project)]
    assert problems == [
        f"docs/basics.md:{line}: link to '#example_2': docs/basics.md has no heading or element with the id 'example_2'",
        f"docs/basics.md:{line}: link to 'glossary.md#nothing': docs/glossary.md has no heading or element with the id 'nothing'",
    ]
    built = mkdocs_build(tmp_path / "site", project_dir=project, env=SITE_ONLY)
    assert built.returncode != 0 and "2 problem(s) found; nothing was built:\n" + "\n".join(problems) in built.stderr


def _append(path, text: str) -> int:
    """Add text at the end of a file; the line it starts on."""
    old = path.read_text(encoding="utf-8")
    path.write_text(old + text, encoding="utf-8")
    return old.count("\n") + 1


# --- Every problem at once -------------------------------------------------------------------------


def test_the_check_reports_every_problem_at_once(project):
    edit_file(
        project / "docs" / "forms.md",
        '{{ comparison_table("organisational-forms") }}',
        '{{ comparison_table("organisation-forms") }}\n\n'
        "![](assets/logo.svg)\n\n"
        "The color of the program. See [a](glossary.md#nothing), [b](nowhere.md) and [c](problems/).\n\n"
        "Try [d](problems.md#discuss).\n\n"
        '{{ actvity("walk") }}\n',
    )
    edit_file(project / "docs" / "problems.md", '{{ activity("discuss") }}', "")
    edit_file(project / "data" / UNIT / "simple_rules.yml", "Participative", "Participative behavior")
    result = run_check(project)
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    expected = [
        (f"data/{UNIT}/activities.yml:", "activity 'discuss' is not used on any page"),
        # The Overview lists only the activities pages show (activity_list()), so a link made by hand stands in.
        ("docs/forms.md:", "docs/problems.md has no heading or element with the id 'discuss'"),
        (f"data/{UNIT}/organisational_forms.yml:1:", "table 'organisational-forms' is not used on any page"),
        ("docs/forms.md:", "no table 'organisation-forms'; known tables: 'organisational-forms'"),
        ("docs/forms.md:", "image 'assets/logo.svg' has no alt text"),
        ("docs/forms.md:", "docs/glossary.md has no heading or element with the id 'nothing'"),
        ("docs/forms.md:", "link to 'nowhere.md' does not resolve"),
        ("docs/forms.md:", "link to the .md file, not the page's address"),
        ("docs/forms.md:", "there is no macro 'actvity'; did you mean 'activity'?"),
    ]
    for prefix, phrase in expected:
        assert any(line.startswith(prefix) and phrase in line for line in lines), (prefix, phrase, lines)
    assert len(lines) == len(expected)
    assert all(line.split(":")[1].isdigit() for line in lines), "every problem gives its line"
    # US spellings are warnings beside them, never problems; 'program' is in the word list (data/spelling.yml).
    warnings = warnings_in(result)
    for prefix, phrase in ((f"data/{UNIT}/simple_rules.yml:", "'behavior' is a US spelling; write 'behaviour'"), ("docs/forms.md:", "'color' is a US spelling; write 'colour'")):
        assert [w for w in warnings if w.startswith(prefix) and phrase in w], (prefix, phrase, warnings)
    assert not [w for w in warnings if "'program'" in w]


def test_anchors_made_by_macros_resolve(project):
    edit_file(project / "docs" / "index.md", "## Activities", "## Activities\n\nSee [the table](forms.md#organisational-forms).")
    assert check_project(project) == []


# --- Every kind of bad input: located, explained, and nothing built ------------------------------

# The first activity of the fixture's first unit, and its title line in data/unit-1/activities.yml.
TITLE = "    title: Walking together\n"
# Parts of the fixture's data/unit-1/self_check.yml: a scenario's model answer, and two results.
FIRE_ALARM_MODEL = """    model_answer:
      answers:
        - question: urgent
          answer: "yes"
          why: The building must be left now.
        - question: agreed
          answer: "yes"
          why: Everyone hears the alarm.
      types: [critical]
"""
EMERGENCY = """  - id: emergency
    when:
      urgent: "yes"
      agreed: "yes"
    types: [critical]
"""
MESS = """  - id: mess
    when:
      urgent: "no"
      agreed: "no"
    types: [wicked]
    headline: A mess
    explanation: Leadership asks the questions.
    reframe: Who gains if it is called a mess?
"""
BAD_DATA = {
    "a YAML syntax error": ("activities.yml", TITLE, "    title: [Walking together\n", "walk", "not valid YAML"),
    "a tab": ("activities.yml", TITLE, "\ttitle: Walking together\n", "walk", "indented with a tab"),
    "a wrong type": ("activities.yml", "        lines: 5\n", "        lines: five\n", "walk", "valid integer"),
    "an unknown key": ("activities.yml", TITLE, "    titel: Walking together\n", "walk", "field 'titel': unknown field"),
    "a duplicate key": ("activities.yml", TITLE, TITLE + "    title: Walking\n", "walk", "appears twice"),
    "a very long value": ("activities.yml", TITLE, "    title: " + "Walking " * 400 + "\n", "walk", "longer than the limit"),
    "non-UTF-8 bytes": ("activities.yml", TITLE, "    title: Walking \udce9\n", "walk", "not UTF-8"),
    # The self-check (self_check.yml): checked across its questions, results, scenarios and the typology.
    "a scenario without a model answer": ("self_check.yml", FIRE_ALARM_MODEL, "", "fire-alarm", "field 'model_answer': this required field is missing"),
    "a result naming an unknown type": ("self_check.yml", EMERGENCY, EMERGENCY.replace("[critical]", "[crisis]"), "emergency", "no problem type 'crisis'"),
    "a result naming an unknown question": ("self_check.yml", EMERGENCY, EMERGENCY.replace("urgent:", "urgnet:"), "emergency", "names the question 'urgnet'"),
    "answers no result is for": ("self_check.yml", MESS, "", "no", "no result for the answers (urgent 'no', agreed 'no')"),
}


@pytest.mark.parametrize("case", BAD_DATA, ids=list(BAD_DATA))
def test_bad_data_is_located_and_explained(project, case):
    name, old, new, entry, phrase = BAD_DATA[case]
    path = project / "data" / UNIT / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_bytes(text.replace(old, new, 1).encode("utf-8", errors="surrogateescape"))
    problems = [str(p) for p in check_project(project)]
    assert any(p.startswith(f"data/{UNIT}/{name}:") and f"'{entry}'" in p and phrase in p for p in problems), problems


@pytest.mark.parametrize(
    ("content", "phrase"),
    [(b"", "the file is empty"), (b"- a list\n- of things\n", "must hold a mapping of fields, not a list")],
)
def test_a_data_file_of_the_wrong_shape_is_named(project, content, phrase):
    (project / "data" / UNIT / "simple_rules.yml").write_bytes(content)
    problems = [str(p) for p in check_project(project)]
    assert any(p.startswith(f"data/{UNIT}/simple_rules.yml:1:") and phrase in p for p in problems), problems


def test_a_missing_data_file_is_named(project):
    (project / "data" / UNIT / "activities.yml").unlink()
    problems = [str(p) for p in check_project(project)]
    assert f"data/{UNIT}/activities.yml: the data file is missing; restore it from git" in problems


def test_a_missing_data_file_that_pages_need_is_named_where_it_is_needed(project):
    (project / "data" / UNIT / "problem_types.yml").unlink()
    problems = [str(p) for p in check_project(project)]
    # Named where it is needed: the page that shows the typology, or (checked first, with the data) the
    # deck's slide and notes that draw on it.
    needing = [p for p in problems if "problem_types.yml" in p]
    assert needing and all(p.split(":", 1)[0] in ("docs/problems.md", f"data/{UNIT}/deck.yml") for p in needing), problems
    assert any(f"unit '{UNIT}' has no problem_types.yml file in its data folder" in p or "has no problem_types.yml" in p for p in needing), problems


@pytest.mark.parametrize(
    ("call", "phrase"),
    [
        ("{{ activity() }}", "activity() was called wrongly (missing a required argument: 'activity_id'); call it as activity(activity_id)"),
        ('{{ activity("walk", "extra") }}', "activity() was called wrongly (too many positional arguments)"),
        ('{{ activity("walk", colour="red") }}', "got an unexpected keyword argument 'colour'"),
        ('{{ activity("walk") }', "macro syntax error"),
    ],
)
def test_a_bad_macro_call_names_the_page_and_line(project, call, phrase):
    page = project / "docs" / "together.md"
    edit_file(page, '{{ activity("walk") }}', call)
    line = page.read_text().splitlines().index(call) + 1
    problems = [str(p) for p in check_project(project)]
    assert any(p.startswith(f"docs/together.md:{line}:") and phrase in p for p in problems), problems


@pytest.mark.parametrize(
    ("path", "old", "new", "message"),
    [
        (f"data/{UNIT}/activities.yml", TITLE, "\ttitle: Walking together\n", f"data/{UNIT}/activities.yml:"),
        (f"data/{UNIT}/activities.yml", TITLE, "    titel: Walking together\n", "field 'titel': unknown field"),
        ("docs/together.md", '{{ activity("walk") }}', '{{ activity("walk", "x") }}', "docs/together.md:"),
    ],
)
def test_the_build_stops_before_writing_anything(tmp_path, project, path, old, new, message):
    edit_file(project / path, old, new)
    site = tmp_path / "site"
    site.mkdir()
    (site / "keep.txt").write_text("the last good build")
    result = mkdocs_build(site, project_dir=project)
    assert result.returncode != 0
    assert message in result.stderr and "nothing was built" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert [p.name for p in site.iterdir()] == ["keep.txt"], "the last good site is left alone"


def test_templates_and_html_in_data_are_shown_literally(tmp_path, project):
    title = "{{ config.site_name }} {% if true %}yes{% endif %} <b>bold</b> & co"
    edit_file(project / "data" / UNIT / "activities.yml", TITLE, f"    title: '{title}'\n")
    site = tmp_path / "site"
    result = mkdocs_build(site, project_dir=project, env=SITE_ONLY)
    assert result.returncode == 0, result.stderr
    heading = BeautifulSoup((site / "together" / "index.html").read_text(), "html.parser").select_one("#walk h3")
    assert heading.get_text() == title
    assert heading.find("b") is None


# --- Units and paper: new kinds of bad input, each one clear line and nothing built -------------------


def line_of(path, text: str) -> int:
    return path.read_text(encoding="utf-8").splitlines().index(text) + 1


def _page_in_no_unit(project):
    edit_file(project / "docs" / "glossary.md", "---\n", "---\nunit: false\n")


# The last unit the fixture's programme lists, whose entry a test adds another after.
LAST_UNIT = "    storage_key: fixture-unit2\n"


def _unit_without_data(project):
    edit_file(
        project / "data" / "programme.yml",
        LAST_UNIT,
        LAST_UNIT + "  - id: unit-5\n    number: 5\n    title: Later\n    pages: unit-5\n    storage_key: fixture-unit5\n",
    )


def _two_units_one_number(project):
    (project / "data" / "unit-4").mkdir()
    shutil.copy(project / "data" / UNIT / "references.yml", project / "data" / "unit-4" / "references.yml")
    edit_file(
        project / "data" / "programme.yml",
        LAST_UNIT,
        LAST_UNIT + "  - id: unit-4\n    number: 1\n    title: Later\n    pages: unit-4\n    storage_key: fixture-unit4\n",
    )


def _pdf_of_a_page_left_out(project):
    (project / "docs" / "notes.md").write_text("---\npdf: notes.pdf\n---\n\n# Notes\n", encoding="utf-8")
    _append(project / "mkdocs.yml", "exclude_docs: |\n  notes.md\n")


def _link_to_a_pdf_no_page_makes(project):
    _append(project / "docs" / "references.md", "\nDownload [the poster](pdf/poster.pdf).\n")


def _outcome_on_a_page_that_does_not_exist(project):
    edit_file(project / "data" / UNIT / "outcomes.yml", "      - forms.md\n", "      - form.md\n")


def _record_touches_an_unknown_dimension(project):
    edit_file(project / "data" / UNIT / "reflective_record.yml", "  - dimension: asking\n", "  - dimension: listening\n")


def _no_closing_activity(project):
    edit_file(project / "data" / UNIT / "activities.yml", "    closing: true\n", "")


def _teaching_page_without_key_points(project):
    edit_file(project / "docs" / "forms.md", "{{ key_points() }}\n", "")


def _empty_key_points(project):
    path = project / "data" / UNIT / "key_points.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  forms.md:\n")
    end = text.index("  problems.md:\n")
    path.write_text(text[:start] + "  forms.md: []\n" + text[end:], encoding="utf-8")


UNIT_AND_PAPER_MISTAKES = {
    "a reflective record touching a dimension its model lacks": (
        _record_touches_an_unknown_dimension,
        f"data/{UNIT}/reflective_record.yml:{{touched}}: touches: no dimension 'listening' in the leadership model; "
        "its dimensions: 'seeing', 'asking', 'keeping'",
    ),
    "a teaching page without key points": (
        _teaching_page_without_key_points,
        "docs/forms.md:{forms_end}: the unit's outcomes are met on this page, so it ends with its key points: add {{{{ key_points() }}}} at its end",
    ),
    "a page's key points empty": (
        _empty_key_points,
        f"data/{UNIT}/key_points.yml:{{forms_points}}: field 'key_points, forms.md': 0 key point(s); give three to five",
    ),
    "a unit without a closing activity": (
        _no_closing_activity,
        f"data/{UNIT}/activities.yml:2: unit '{UNIT}' has no closing activity; mark the activity learners meet last",
    ),
    "an outcome met on a page that does not exist": (
        _outcome_on_a_page_that_does_not_exist,
        f"data/{UNIT}/outcomes.yml:{{outcome_page}}: outcome 'ways-of-organising': there is no page docs/form.md; did you mean forms.md?",
    ),
    "a page in no unit calls a unit macro": (
        _page_in_no_unit,
        "docs/glossary.md:{key_terms}: key_terms() draws from a unit's data, but docs/glossary.md is in no unit; move the page into a unit's folder",
    ),
    "a unit listed without a data folder": (
        _unit_without_data,
        "data/programme.yml:{unit_5}: unit 'unit-5' has no data folder; add data/unit-5/ with at least activities.yml, or remove the unit",
    ),
    "two units with the same number": (
        _two_units_one_number,
        f"data/programme.yml:{{first_unit}}: field 'units': units '{UNIT}' and 'unit-4' have the same number (1); each unit needs its own",
    ),
    "front matter asks for a PDF of a page the build leaves out": (
        _pdf_of_a_page_left_out,
        "docs/notes.md:1: front matter 'pdf: notes.pdf' asks for a PDF of a page the build leaves out",
    ),
    "a link asks for a PDF no page makes": (
        _link_to_a_pdf_no_page_makes,
        "docs/references.md:{slides}: link to 'pdf/poster.pdf': no page is made into poster.pdf",
    ),
}


@pytest.mark.parametrize("case", UNIT_AND_PAPER_MISTAKES, ids=list(UNIT_AND_PAPER_MISTAKES))
def test_a_unit_or_paper_mistake_is_one_clear_line(project, case):
    break_it, expected = UNIT_AND_PAPER_MISTAKES[case]
    break_it(project)
    programme = project / "data" / "programme.yml"
    lines = {"key_terms": line_of(project / "docs" / "glossary.md", "{{ key_terms() }}"), "first_unit": line_of(programme, f"  - id: {UNIT}")}  # the list of units, at its first
    if "{unit_5}" in expected:
        lines["unit_5"] = line_of(programme, "  - id: unit-5")
    if "{forms_end}" in expected:
        lines["forms_end"] = len((project / "docs" / "forms.md").read_text(encoding="utf-8").rstrip().splitlines())
    if "{forms_points}" in expected:
        lines["forms_points"] = line_of(project / "data" / UNIT / "key_points.yml", "  forms.md: []")
    if "{outcome_page}" in expected:
        lines["outcome_page"] = line_of(project / "data" / UNIT / "outcomes.yml", "      - form.md")
    if "{touched}" in expected:
        lines["touched"] = line_of(project / "data" / UNIT / "reflective_record.yml", "  - dimension: listening")
    if "{slides}" in expected:
        lines["slides"] = line_of(project / "docs" / "references.md", "Download [the poster](pdf/poster.pdf).")
    expected = expected.format(**lines)
    problems = [str(p) for p in check_project(project)]
    assert len(problems) == 1 and problems[0].startswith(expected), problems


def test_a_page_in_no_unit_calling_a_unit_macro_stops_the_build(tmp_path, project):
    _page_in_no_unit(project)
    result = mkdocs_build(tmp_path / "site", project_dir=project)
    assert result.returncode != 0
    line = line_of(project / "docs" / "glossary.md", "{{ key_terms() }}")
    assert "1 problem(s) found; nothing was built" in result.stderr and f"docs/glossary.md:{line}: key_terms()" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "site").exists()


def test_a_mistake_in_the_reflective_record_stops_the_build_with_one_line(tmp_path, project):
    edit_file(project / "data" / UNIT / "reflective_record.yml", "        prompt: adapt\n", "        prompt: adopt\n")
    result = mkdocs_build(tmp_path / "site", project_dir=project)
    assert result.returncode != 0
    line = line_of(project / "data" / UNIT / "reflective_record.yml", "        prompt: adopt")
    expected = f"data/{UNIT}/reflective_record.yml:{line}: part 'learning', field 'draws_on': activity 'reflect' has no prompt 'adopt'"
    assert "1 problem(s) found; nothing was built" in result.stderr and expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "site").exists()
    checked = run_check(project)
    assert checked.returncode == 1 and expected in checked.stdout, "make check says the same"


# --- The preview ------------------------------------------------------------------------------


def test_the_preview_serves_the_site_quickly_without_paper_or_the_zip(fixture_project):
    """`make serve` runs `mkdocs serve`: the pages, but no PDFs and no offline copy, so it is quick."""
    import socket
    import time
    import urllib.request

    from site_building import SITE_BUILDER

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("UNIT_PDF", None)
    server = subprocess.Popen(
        [sys.executable, "-m", SITE_BUILDER, "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=fixture_project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    served = f"http://127.0.0.1:{port}{urlsplit(SITE_URL).path}"  # under the site's path, as online
    offline_zip = fixture_data()["programme.yml"]["offline_copy"] + ".zip"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{served}handouts/", timeout=2) as response:
                    handouts = response.read().decode("utf-8")
                break
            except OSError:
                assert time.monotonic() < deadline, "the preview did not answer within 60 s"
                assert server.poll() is None, "the preview stopped"
                time.sleep(0.1)
        facts = BeautifulSoup(handouts, "html.parser").select("span.pdf-facts")
        assert facts and {span.get_text() for span in facts} == {"(not made in this build)"}
        with pytest.raises(OSError):
            urllib.request.urlopen(f"{served}download/{offline_zip}", timeout=2)
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "[macros]" not in output, "mkdocs-macros' start-up trace is nothing an author can act on"
    assert "Traceback" not in output


# --- The accessibility statement's data: problems stop everything, reminders nothing ------------------

STATEMENT = fixture_data()["accessibility.yml"]
REVIEWED: datetime.date = STATEMENT["last_reviewed"]


def epoch(day: datetime.date) -> str:
    """A day as SOURCE_DATE_EPOCH (midnight UTC)."""
    return str(int(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc).timestamp()))


# The statement's last review (data/accessibility.yml), and a year and a day later, as SOURCE_DATE_EPOCH.
ON_THE_DAY = epoch(REVIEWED)
A_YEAR_AND_A_DAY_LATER = epoch(REVIEWED.replace(year=REVIEWED.year + 1) + datetime.timedelta(days=1))


def test_a_missing_statement_file_fails_the_check_and_the_build(tmp_path, project):
    (project / "data" / "accessibility.yml").unlink()
    result = run_check(project)
    assert result.returncode == 1
    assert "data/accessibility.yml: the data file is missing; restore it from git" in result.stdout.splitlines()
    built = mkdocs_build(tmp_path / "site", project_dir=project)
    assert built.returncode != 0 and "data/accessibility.yml: the data file is missing" in built.stderr
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    ("old", "new", "phrase"),
    [
        (f"last_reviewed: {REVIEWED:%Y-%m-%d}", f"last_reviewed: {REVIEWED:%d/%m/%Y}", "field 'last_reviewed': this must be a date, written as YYYY-MM-DD"),
        ("contact: repository issues", "contact: ask the team", "field 'contact': write 'repository issues' or an email address"),
        ("compliance: not assessed", "compliance: compliant", "field 'compliance'"),
    ],
)
def test_malformed_statement_data_is_located(project, old, new, phrase):
    path = project / "data" / "accessibility.yml"
    edit_file(path, old, new)
    line = path.read_text(encoding="utf-8").splitlines().index(new) + 1
    result = run_check(project)
    assert result.returncode == 1
    assert any(p.startswith(f"data/accessibility.yml:{line}: ") and phrase in p for p in result.stdout.splitlines()), result.stdout


def test_two_pages_showing_the_statement_are_a_problem(project):
    (project / "docs" / "statement-again.md").write_text("---\nunit: false\n---\n\n# Again\n\n{{ accessibility_statement() }}\n")
    problems = [str(p) for p in check_project(project)]
    assert problems == ["docs/statement-again.md:7: the accessibility statement is already shown by docs/accessibility.md; show it on one page only"]


def test_a_review_over_a_year_old_is_a_warning_that_fails_nothing(tmp_path, project):
    """The day is handed in (SOURCE_DATE_EPOCH, the build date), never read from the clock."""
    data = project / "data" / "accessibility.yml"
    line = data.read_text(encoding="utf-8").splitlines().index(f"last_reviewed: {REVIEWED:%Y-%m-%d}") + 1
    on_time = run_check(project, SOURCE_DATE_EPOCH=ON_THE_DAY)  # the review's own day
    assert on_time.returncode == 0 and "last reviewed" not in on_time.stderr
    late = run_check(project, SOURCE_DATE_EPOCH=A_YEAR_AND_A_DAY_LATER)
    assert late.returncode == 0, late.stdout
    assert late.stdout.strip() == "No problems found."
    reviewed = f"{REVIEWED.day} {REVIEWED:%B %Y}"
    assert f"data/accessibility.yml:{line}: warning: the accessibility statement was last reviewed on {reviewed}, more than a year ago" in late.stderr
    built = mkdocs_build(tmp_path / "site", project_dir=project, env={"SOURCE_DATE_EPOCH": A_YEAR_AND_A_DAY_LATER, **SITE_ONLY})
    assert built.returncode == 0, "a --strict build is not failed by a reminder"
    assert f"INFO    -  data/accessibility.yml:{line}: warning: the accessibility statement was last reviewed" in built.stderr


def test_unconfirmed_values_are_warnings_until_taken_off_the_list(project):
    warnings = [line for line in run_check(project, SOURCE_DATE_EPOCH=ON_THE_DAY).stderr.splitlines() if "'unconfirmed'" in line]
    assert [w.split(": warning: ")[1].split(" (")[0] for w in warnings] == [f"'{field}'" for field in STATEMENT["unconfirmed"]]
    edit_file(project / "data" / "accessibility.yml", "unconfirmed:\n" + "".join(f"  - {field}\n" for field in STATEMENT["unconfirmed"]), "")
    placeholder = run_check(project, SOURCE_DATE_EPOCH=ON_THE_DAY)
    assert placeholder.returncode == 1, "a placeholder email address off the list would be shown as real"
    assert f"field 'email': {STATEMENT['email']} is a placeholder" in placeholder.stdout
    edit_file(project / "data" / "accessibility.yml", STATEMENT["email"], "web-team@nhs.example.uk")
    result = run_check(project, SOURCE_DATE_EPOCH=ON_THE_DAY)
    assert result.returncode == 0 and result.stderr == ""


def test_the_footer_gives_the_email_address_once_it_is_confirmed(tmp_path, project):
    footer_of = lambda site: BeautifulSoup((site / "glossary" / "index.html").read_text(), "html.parser").find("nav", class_="unit-footer-links")  # noqa: E731
    assert "email" in STATEMENT["unconfirmed"], "the fixture's email address is a placeholder, to confirm"
    built = mkdocs_build(tmp_path / "unconfirmed", project_dir=project, env=SITE_ONLY)
    assert built.returncode == 0, built.stderr
    items = [" ".join(li.get_text().split()) for li in footer_of(tmp_path / "unconfirmed").find_all("li")]
    assert items[-1] == "Email us: address to be confirmed"
    assert STATEMENT["email"] not in str(footer_of(tmp_path / "unconfirmed")), "a placeholder is never shown"
    edit_file(project / "data" / "accessibility.yml", STATEMENT["email"], "web-team@nhs.example.uk")
    edit_file(project / "data" / "accessibility.yml", "  - email\n", "")
    built = mkdocs_build(tmp_path / "confirmed", project_dir=project, env=SITE_ONLY)
    assert built.returncode == 0, built.stderr
    email = footer_of(tmp_path / "confirmed").find("a", href="mailto:web-team@nhs.example.uk")
    assert email.get_text() == "web-team@nhs.example.uk" and email.parent.get_text().startswith("Email us:")


def test_off_github_the_footer_reports_by_email(tmp_path, project):
    edit_file(project / "data" / "accessibility.yml", "contact: repository issues", "contact: web@example.nhs.uk")
    site = tmp_path / "site"
    built = mkdocs_build(
        site, project_dir=project, env={"SITE_URL": "https://learning.example.nhs.uk/unit-1/", **SITE_ONLY}
    )
    assert built.returncode == 0, built.stderr
    footer = BeautifulSoup((site / "glossary" / "index.html").read_text(), "html.parser").find("nav", class_="unit-footer-links")
    report = footer.find("a", string="Report a problem with this page")["href"]
    assert report.startswith("mailto:web@example.nhs.uk?subject=Problem%20with%20the%20page%3A%20Glossary&body=")
    assert "https%3A%2F%2Flearning.example.nhs.uk%2Funit-1%2Fglossary%2F" in report
