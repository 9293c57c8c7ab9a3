"""The authors' safety net: the check command, and clear errors for every bad input."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from course.checks import check_project
from engine import PROJECT_DIR
from site_building import copy_project, mkdocs_build


def run_check(project_dir=PROJECT_DIR) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "course.checks", str(project_dir)],
        cwd=PROJECT_DIR,
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


def test_the_check_passes_on_the_unit():
    result = run_check()
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "No problems found."


def test_the_check_reports_every_problem_at_once(project):
    edit_file(
        project / "docs" / "theory-and-practice.md",
        '{{ comparison_table("organisational-forms") }}',
        '{{ comparison_table("organisation-forms") }}\n\n'
        "![](assets/logo.svg)\n\n"
        "The color of the program. See [a](glossary.md#nothing), [b](nowhere.md) and [c](systems-leadership/).\n\n"
        "Try [d](leading-complex-systems.md#self-activity-7).\n\n"
        '{{ actvity("flocking") }}\n',
    )
    edit_file(project / "docs" / "leading-complex-systems.md", '{{ activity("self-activity-7") }}', "")
    edit_file(project / "data" / "unit-3" / "simple_rules.yml", "Participative", "Participative behavior")
    result = run_check(project)
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    expected = [
        ("data/unit-3/activities.yml:", "activity 'self-activity-7' is not used on any page"),
        # The Overview lists only the activities pages show (activity_list()), so a link made by hand stands in.
        ("docs/theory-and-practice.md:", "docs/leading-complex-systems.md has no heading or element with the id 'self-activity-7'"),
        ("data/unit-3/organisational_forms.yml:1:", "table 'organisational-forms' is not used on any page"),
        ("data/unit-3/simple_rules.yml:", "'behavior' is a US spelling; write 'behaviour'"),
        ("docs/theory-and-practice.md:", "no table 'organisation-forms'; known tables: 'organisational-forms'"),
        ("docs/theory-and-practice.md:", "image 'assets/logo.svg' has no alt text"),
        ("docs/theory-and-practice.md:", "'color' is a US spelling; write 'colour'"),
        ("docs/theory-and-practice.md:", "'program' is a US spelling; write 'programme'"),
        ("docs/theory-and-practice.md:", "docs/glossary.md has no heading or element with the id 'nothing'"),
        ("docs/theory-and-practice.md:", "link to 'nowhere.md' does not resolve"),
        ("docs/theory-and-practice.md:", "link to the .md file, not the page's address"),
        ("docs/theory-and-practice.md:", "there is no macro 'actvity'; did you mean 'activity'?"),
    ]
    for prefix, phrase in expected:
        assert any(line.startswith(prefix) and phrase in line for line in lines), (prefix, phrase, lines)
    assert len(lines) == len(expected)
    assert all(line.split(":")[1].isdigit() for line in lines), "every problem gives its line"


def test_anchors_made_by_macros_resolve(project):
    edit_file(project / "docs" / "index.md", "## Activities", "## Activities\n\nSee [the table](theory-and-practice.md#organisational-forms).")
    assert check_project(project) == []


# --- Every kind of bad input: located, explained, and nothing built ------------------------------

BAD_DATA = {
    "a YAML syntax error": ("activities.yml", "    title: Flocking\n", "    title: [Flocking\n", "flocking", "not valid YAML"),
    "a tab": ("activities.yml", "    title: Flocking\n", "\ttitle: Flocking\n", "flocking", "indented with a tab"),
    "a wrong type": ("activities.yml", "        lines: 5\n", "        lines: five\n", "flocking", "valid integer"),
    "an unknown key": ("activities.yml", "    title: Flocking\n", "    titel: Flocking\n", "flocking", "field 'titel': unknown field"),
    "a duplicate key": ("activities.yml", "    title: Flocking\n", "    title: Flocking\n    title: Flock\n", "flocking", "appears twice"),
    "a very long value": ("activities.yml", "    title: Flocking\n", "    title: " + "Flocking " * 400 + "\n", "flocking", "longer than the limit"),
    "non-UTF-8 bytes": ("activities.yml", "    title: Flocking\n", "    title: Flocking \udce9\n", "flocking", "not UTF-8"),
}


@pytest.mark.parametrize("case", BAD_DATA, ids=list(BAD_DATA))
def test_bad_data_is_located_and_explained(project, case):
    name, old, new, entry, phrase = BAD_DATA[case]
    path = project / "data" / "unit-3" / name
    text = path.read_text(encoding="utf-8").replace(old, new, 1)
    path.write_bytes(text.encode("utf-8", errors="surrogateescape"))
    problems = [str(p) for p in check_project(project)]
    assert any(p.startswith(f"data/unit-3/{name}:") and f"'{entry}'" in p and phrase in p for p in problems), problems


@pytest.mark.parametrize(
    ("content", "phrase"),
    [(b"", "the file is empty"), (b"- a list\n- of things\n", "must hold a mapping of fields, not a list")],
)
def test_a_data_file_of_the_wrong_shape_is_named(project, content, phrase):
    (project / "data" / "unit-3" / "simple_rules.yml").write_bytes(content)
    problems = [str(p) for p in check_project(project)]
    assert any(p.startswith("data/unit-3/simple_rules.yml:1:") and phrase in p for p in problems), problems


def test_a_missing_data_file_is_named(project):
    (project / "data" / "unit-3" / "activities.yml").unlink()
    problems = [str(p) for p in check_project(project)]
    assert "data/unit-3/activities.yml: the data file is missing; restore it from git" in problems


def test_a_missing_data_file_that_pages_need_is_named_where_it_is_needed(project):
    (project / "data" / "unit-3" / "problem_types.yml").unlink()
    problems = [str(p) for p in check_project(project)]
    assert any(
        p.startswith("docs/systems-leadership.md:") and "unit 'unit-3' has no problem_types.yml file in its data folder" in p
        for p in problems
    ), problems


@pytest.mark.parametrize(
    ("call", "phrase"),
    [
        ("{{ activity() }}", "activity() was called wrongly (missing a required argument: 'activity_id'); call it as activity(activity_id)"),
        ('{{ activity("flocking", "extra") }}', "activity() was called wrongly (too many positional arguments)"),
        ('{{ activity("flocking", colour="red") }}', "got an unexpected keyword argument 'colour'"),
        ('{{ activity("flocking") }', "macro syntax error"),
    ],
)
def test_a_bad_macro_call_names_the_page_and_line(project, call, phrase):
    page = project / "docs" / "complex-systems.md"
    edit_file(page, '{{ activity("flocking") }}', call)
    line = page.read_text().splitlines().index(call) + 1
    problems = [str(p) for p in check_project(project)]
    assert any(p.startswith(f"docs/complex-systems.md:{line}:") and phrase in p for p in problems), problems


@pytest.mark.parametrize(
    ("path", "old", "new", "message"),
    [
        ("data/unit-3/activities.yml", "    title: Flocking\n", "\ttitle: Flocking\n", "data/unit-3/activities.yml:"),
        ("data/unit-3/activities.yml", "    title: Flocking\n", "    titel: Flocking\n", "field 'titel': unknown field"),
        ("docs/complex-systems.md", '{{ activity("flocking") }}', '{{ activity("flocking", "x") }}', "docs/complex-systems.md:"),
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
    edit_file(project / "data" / "unit-3" / "activities.yml", "    title: Flocking\n", f"    title: '{title}'\n")
    site = tmp_path / "site"
    result = mkdocs_build(site, project_dir=project)
    assert result.returncode == 0, result.stderr
    heading = BeautifulSoup((site / "complex-systems" / "index.html").read_text(), "html.parser").select_one("#flocking h3")
    assert heading.get_text() == title
    assert heading.find("b") is None


# --- Units and paper: new kinds of bad input, each one clear line and nothing built -------------------


def line_of(path, text: str) -> int:
    return path.read_text(encoding="utf-8").splitlines().index(text) + 1


def _page_in_no_unit(project):
    edit_file(project / "docs" / "glossary.md", "---\n", "---\nunit: false\n")


def _unit_without_data(project):
    edit_file(
        project / "data" / "programme.yml",
        "    storage_key: pcn-unit3\n",
        "    storage_key: pcn-unit3\n  - id: unit-5\n    number: 5\n    title: Later\n    pages: unit-5\n    storage_key: pcn-unit5\n",
    )


def _two_units_one_number(project):
    (project / "data" / "unit-4").mkdir()
    shutil.copy(project / "data" / "unit-3" / "references.yml", project / "data" / "unit-4" / "references.yml")
    edit_file(
        project / "data" / "programme.yml",
        "    storage_key: pcn-unit3\n",
        "    storage_key: pcn-unit3\n  - id: unit-4\n    number: 3\n    title: Later\n    pages: unit-4\n    storage_key: pcn-unit4\n",
    )


def _pdf_of_a_page_left_out(project):
    (project / "docs" / "notes.md").write_text("---\npdf: notes.pdf\n---\n\n# Notes\n", encoding="utf-8")
    edit_file(project / "mkdocs.yml", "strict: true\n", "strict: true\nexclude_docs: |\n  notes.md\n")


def _link_to_a_pdf_no_page_makes(project):
    edit_file(project / "docs" / "references.md", "## Copyright", "Download [the slides](pdf/slides.pdf).\n\n## Copyright")


UNIT_AND_PAPER_MISTAKES = {
    "a page in no unit calls a unit macro": (
        _page_in_no_unit,
        "docs/glossary.md:{key_terms}: key_terms() draws from a unit's data, but docs/glossary.md is in no unit; move the page into a unit's folder",
    ),
    "a unit listed without a data folder": (
        _unit_without_data,
        "data/programme.yml:34: unit 'unit-5' has no data folder; add data/unit-5/ with at least activities.yml, or remove the unit",
    ),
    "two units with the same number": (
        _two_units_one_number,
        "data/programme.yml:29: field 'units': units 'unit-3' and 'unit-4' have the same number (3); each unit needs its own",
    ),
    "front matter asks for a PDF of a page the build leaves out": (
        _pdf_of_a_page_left_out,
        "docs/notes.md:1: front matter 'pdf: notes.pdf' asks for a PDF of a page the build leaves out",
    ),
    "a link asks for a PDF no page makes": (
        _link_to_a_pdf_no_page_makes,
        "docs/references.md:{slides}: link to 'pdf/slides.pdf': no page is made into slides.pdf",
    ),
}


@pytest.mark.parametrize("case", UNIT_AND_PAPER_MISTAKES, ids=list(UNIT_AND_PAPER_MISTAKES))
def test_a_unit_or_paper_mistake_is_one_clear_line(project, case):
    break_it, expected = UNIT_AND_PAPER_MISTAKES[case]
    break_it(project)
    lines = {"key_terms": line_of(project / "docs" / "glossary.md", "{{ key_terms() }}")}
    if "{slides}" in expected:
        lines["slides"] = line_of(project / "docs" / "references.md", "Download [the slides](pdf/slides.pdf).")
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


# --- The preview ------------------------------------------------------------------------------


def test_the_preview_serves_the_site_quickly_without_paper_or_the_zip(tmp_path):
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
        cwd=PROJECT_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/unit-3/handouts/", timeout=2) as response:
                    handouts = response.read().decode("utf-8")
                break
            except OSError:
                assert time.monotonic() < deadline, "the preview did not answer within 60 s"
                assert server.poll() is None, "the preview stopped"
                time.sleep(0.1)
        facts = BeautifulSoup(handouts, "html.parser").select("span.pdf-facts")
        assert facts and {span.get_text() for span in facts} == {"(not made in this build)"}
        with pytest.raises(OSError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/unit-3/download/unit-3-offline.zip", timeout=2)
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "[macros]" not in output, "mkdocs-macros' start-up trace is nothing an author can act on"
    assert "Traceback" not in output


# --- The accessibility statement's data: problems stop everything, reminders nothing ------------------

# The statement's last review (data/accessibility.yml), and a year and a day later, as SOURCE_DATE_EPOCH.
ON_THE_DAY = "1795824000"  # 28 November 2026
A_YEAR_AND_A_DAY_LATER = "1827446400"  # 29 November 2027


def run_check_on(project_dir, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "course.checks", str(project_dir)],
        cwd=PROJECT_DIR,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
    )


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
        ("last_reviewed: 2026-11-28", "last_reviewed: 28/11/2026", "field 'last_reviewed': this must be a date, written as YYYY-MM-DD"),
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
    line = data.read_text(encoding="utf-8").splitlines().index("last_reviewed: 2026-11-28") + 1
    on_time = run_check_on(project, SOURCE_DATE_EPOCH=ON_THE_DAY)  # 28 November 2026, the review's own day
    assert on_time.returncode == 0 and "last reviewed" not in on_time.stderr
    late = run_check_on(project, SOURCE_DATE_EPOCH=A_YEAR_AND_A_DAY_LATER)
    assert late.returncode == 0, late.stdout
    assert late.stdout.strip() == "No problems found."
    assert f"data/accessibility.yml:{line}: warning: the accessibility statement was last reviewed on 28 November 2026, more than a year ago" in late.stderr
    built = mkdocs_build(tmp_path / "site", project_dir=project, env={"SOURCE_DATE_EPOCH": A_YEAR_AND_A_DAY_LATER, "UNIT_PDF": "skip", "UNIT_OFFLINE_ZIP": "off"})
    assert built.returncode == 0, "a --strict build is not failed by a reminder"
    assert f"INFO    -  data/accessibility.yml:{line}: warning: the accessibility statement was last reviewed" in built.stderr


def test_unconfirmed_values_are_warnings_until_taken_off_the_list(project):
    warnings = [line for line in run_check_on(project, SOURCE_DATE_EPOCH=ON_THE_DAY).stderr.splitlines() if "'unconfirmed'" in line]
    assert [w.split(": warning: ")[1].split(" (")[0] for w in warnings] == ["'organisation'", "'contact'"]
    edit_file(project / "data" / "accessibility.yml", "unconfirmed:\n  - organisation\n  - contact\n", "")
    result = run_check_on(project, SOURCE_DATE_EPOCH=ON_THE_DAY)
    assert result.returncode == 0 and result.stderr == ""


def test_off_github_the_footer_reports_by_email(tmp_path, project):
    edit_file(project / "data" / "accessibility.yml", "contact: repository issues", "contact: web@example.nhs.uk")
    site = tmp_path / "site"
    built = mkdocs_build(
        site, project_dir=project, env={"SITE_URL": "https://learning.example.nhs.uk/unit-3/", "UNIT_PDF": "skip", "UNIT_OFFLINE_ZIP": "off"}
    )
    assert built.returncode == 0, built.stderr
    footer = BeautifulSoup((site / "glossary" / "index.html").read_text(), "html.parser").find("nav", class_="unit-footer-links")
    report = footer.find("a", string="Report a problem with this page")["href"]
    assert report.startswith("mailto:web@example.nhs.uk?subject=Problem%20with%20the%20page%3A%20Glossary&body=")
    assert "https%3A%2F%2Flearning.example.nhs.uk%2Funit-3%2Fglossary%2F" in report
