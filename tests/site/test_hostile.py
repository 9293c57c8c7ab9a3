"""Content from strangers, added to a copy of the fixture course: each hostile or broken contribution is one
clear line from `make check` and from the build, a non-zero exit, no traceback and nothing written."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import test_authoring as authoring  # the bad inputs its tests make
from course.checks import check_project, symlinks
from engine import PROJECT_DIR, UNIT, billion_laughs, nested
from site_building import copy_project, mkdocs_build
from test_publish import OFFLINE_FOLDER, OFFLINE_ZIP

SECRET = "A line from outside the repository"


@pytest.fixture
def project(tmp_path):
    """A copy of the project to break."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def outside(tmp_path):
    """A folder outside the project, holding a file no build may publish."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.md").write_text(f"# Secret\n\n{SECRET}\n", encoding="utf-8")
    return folder


def run_check(project_dir) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "course.checks", str(project_dir)],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,  # a guard against a hang, not a measure of speed (bench/hostile.py measures)
    )


def build_refuses(tmp_path, project, expected: list[str]) -> str:
    """Build the project over a site folder holding the last good build: it must stop with exactly these problems."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "keep.txt").write_text("the last good build")
    result = mkdocs_build(site, project_dir=project, env={"UNIT_PDF": "skip", "UNIT_OFFLINE_ZIP": "off"})
    assert result.returncode != 0
    assert f"{len(expected)} problem(s) found; nothing was built:\n" + "\n".join(expected) in result.stderr, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert [path.name for path in site.iterdir()] == ["keep.txt"], "the last good site is left alone"
    return result.stderr


# --- Symbolic links ----------------------------------------------------------------------------

OUTSIDE = "outside the repository: the build would publish what it points to; put the file itself here, or remove the link"


def _link_in_docs(project, outside):
    os.symlink(outside / "secret.md", project / "docs" / "notes.txt")
    os.symlink(outside / "secret.md", project / "docs" / "assets" / "leak.md")
    return [
        f"docs/assets/leak.md: a symbolic link to {outside / 'secret.md'}, {OUTSIDE}",
        f"docs/notes.txt: a symbolic link to {outside / 'secret.md'}, {OUTSIDE}",
    ]


def _folder_link(project, outside):
    os.symlink(outside, project / "docs" / "more")
    return [f"docs/more: a symbolic link to {outside}, {OUTSIDE}"]


def _links_in_every_source_folder(project, outside):
    for place in (f"data/{UNIT}/extra.yml", "includes/extra.md", "overrides/partials/extra.html", "macros/extra.py"):
        os.symlink(outside / "secret.md", project / place)
    return [f"{place}: a symbolic link to {outside / 'secret.md'}, {OUTSIDE}" for place in (
        f"data/{UNIT}/extra.yml", "includes/extra.md", "macros/extra.py", "overrides/partials/extra.html")]


def _link_through_a_linked_folder(project, outside):
    (project / "shared").mkdir()
    os.symlink(outside / "secret.md", project / "shared" / "secret.md")
    os.symlink("../shared", project / "docs" / "shared")
    return [f"shared/secret.md: a symbolic link to {outside / 'secret.md'}, {OUTSIDE}"]


def _links_to_nothing_and_round_in_circles(project, outside):
    os.symlink("nothing.md", project / "docs" / "gone.md")
    os.symlink(".", project / "docs" / "again")
    os.symlink("..", project / "docs" / "up")
    return [
        "docs/again: a symbolic link to ., a folder that holds the link: the build would go round it for ever; remove it",
        "docs/gone.md: a symbolic link to nothing.md, which does not exist; remove the link, or put the file itself here",
        "docs/up: a symbolic link to .., a folder that holds the link: the build would go round it for ever; remove it",
    ]


SYMLINKS = {
    "links in docs/ to a file outside": _link_in_docs,
    "a link to a folder outside": _folder_link,
    "links in data/, includes/, overrides/ and macros/": _links_in_every_source_folder,
    "a link through a linked folder": _link_through_a_linked_folder,
    "links to nothing and round in circles": _links_to_nothing_and_round_in_circles,
}


@pytest.mark.parametrize("case", SYMLINKS, ids=list(SYMLINKS))
def test_the_check_names_every_link_out_of_the_repository(project, outside, case):
    expected = SYMLINKS[case](project, outside)
    assert [str(problem) for problem in check_project(project)] == expected


def test_the_build_refuses_links_out_of_the_repository_and_publishes_nothing(tmp_path, project, outside):
    expected = _link_in_docs(project, outside) + _folder_link(project, outside)
    stderr = build_refuses(tmp_path, project, sorted(expected))
    assert SECRET not in stderr


def test_links_inside_the_repository_are_followed_and_fine(project):
    os.symlink("logo.svg", project / "docs" / "assets" / "logo-again.svg")
    (project / "shared").mkdir()
    (project / "shared" / "chart.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    os.symlink("../../shared", project / "docs" / "assets" / "shared")
    assert check_project(project) == []


def test_the_engines_templates_may_not_link_out_of_the_engine(tmp_path, project, outside, monkeypatch):
    engine = tmp_path / "engine"
    (engine / "render" / "templates").mkdir(parents=True)
    os.symlink(outside / "secret.md", engine / "render" / "templates" / "activity.html")
    monkeypatch.setattr(symlinks, "TEMPLATES_DIR", engine / "render" / "templates")
    monkeypatch.setattr(symlinks, "ENGINE_DIR", engine)
    assert [str(problem) for problem in check_project(project)] == [
        f"engine/render/templates/activity.html: a symbolic link to {outside / 'secret.md'}, outside the course engine: "
        "the build would publish what it points to; put the file itself here, or remove the link"
    ]


# --- A script that reaches a page anyway ----------------------------------------------------------

RAW = '<script>window.ranRaw = true</script>\n\n<p id="clickme" onclick="window.ranClick = true">Click</p>\n'
TITLE_SCRIPT = "window.ranTitle = true"


@pytest.fixture(scope="module")
def site_without_the_check(tmp_path_factory):
    """A build of a copy whose glossary carries a raw script, an inline handler and a script in its title, with the
    check switched off: as if the check had missed them. Built in this process, to switch the check off."""
    import course.plugin
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    folder = tmp_path_factory.mktemp("unchecked")
    project = copy_project(folder / "project")
    glossary = project / "docs" / "glossary.md"
    text = glossary.read_text(encoding="utf-8").replace("---\n", f"---\ntitle: Glossary<script>{TITLE_SCRIPT}</script>\n", 1)
    glossary.write_text(text + "\n" + RAW, encoding="utf-8")
    site = folder / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(course.plugin, "check_course", lambda *args, **kwargs: [])
        patch.chdir(project)
        patch.setenv("UNIT_PDF", "skip")
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=False))
    return site


def test_a_script_that_reached_a_page_gets_no_hash_online_or_in_the_copy(site_without_the_check):
    import zipfile

    from course.publish.csp import csp_hash, inline_code, policy_hashes

    html = (site_without_the_check / "glossary" / "index.html").read_text(encoding="utf-8")
    scripts = {code.code for code in inline_code(html) if code.tag == "script"}
    assert "window.ranRaw = true" in scripts and TITLE_SCRIPT in scripts, "the scripts reached the page"
    allowed = policy_hashes(html)["script"]
    assert csp_hash("window.ranRaw = true") not in allowed and csp_hash(TITLE_SCRIPT) not in allowed
    assert len(allowed) == 5, "Material's three inline scripts, the site's two (overrides/partials/), and nothing else"
    assert "unsafe" not in html.split("Content-Security-Policy", 1)[1].split(">", 1)[0]
    with zipfile.ZipFile(site_without_the_check / OFFLINE_ZIP) as archive:
        copied = archive.read(f"{OFFLINE_FOLDER}/glossary.html").decode("utf-8")
    assert "window.ranRaw" not in copied and TITLE_SCRIPT not in copied, "the copy leaves out what could never run"
    policy = copied.split("Content-Security-Policy", 1)[1].split(">", 1)[0]
    assert "unsafe" not in policy and csp_hash("window.ranRaw = true") not in policy


def test_in_chromium_the_script_and_the_handler_do_not_run(site_without_the_check, browser):
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site_without_the_check)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context()
    try:
        page = context.new_page()
        violations = []
        page.on("console", lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None)
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/glossary/")
        page.click("#clickme")
        assert page.evaluate("[window.ranRaw, window.ranClick, window.ranTitle]") == [None, None, None]
        assert page.evaluate("typeof __md_scope") == "object", "the theme's own inline scripts ran"
        assert len(violations) >= 3, violations
    finally:
        context.close()
        server.shutdown()


# --- Hostile and broken content: one line from the check, the same from the build ----------------------


def _append(path, text: str) -> int:
    """Add text at the end of a file; the line it starts on."""
    old = path.read_text(encoding="utf-8")
    path.write_text(old + text, encoding="utf-8")
    return old.count("\n") + 1


def _in_front_matter(path, text: str) -> None:
    old = path.read_text(encoding="utf-8")
    assert old.startswith("---\n")
    path.write_text("---\n" + text + old[4:], encoding="utf-8")


NOT_NEEDED = "course data needs no anchors, aliases or merge keys"


def _billion_laughs_in_data(project):
    line = _append(project / "data" / UNIT / "simple_rules.yml", billion_laughs(9))
    return f"data/{UNIT}/simple_rules.yml:{line}: '&a0' is a YAML anchor; {NOT_NEEDED}: remove it and write each value out in full"


def _billion_laughs_in_the_programme(project):
    line = _append(project / "data" / "programme.yml", billion_laughs(9))
    return f"data/programme.yml:{line}: '&a0' is a YAML anchor; {NOT_NEEDED}: remove it and write each value out in full"


def _merge_key_in_data(project):
    line = _append(project / "data" / UNIT / "references.yml", "extra:\n  <<: {title: x}\n")
    return f"data/{UNIT}/references.yml:{line + 1}: '<<' is a YAML merge key; {NOT_NEEDED}: write the fields out in full"


def _python_tag_in_data(project):
    line = _append(project / "data" / UNIT / "simple_rules.yml", "extra: !!python/object/apply:os.system [echo]\n")
    return (
        f"data/{UNIT}/simple_rules.yml:{line}: 'tag:yaml.org,2002:python/object/apply:os.system' is a YAML tag; "
        "course data needs none: remove it (put text in quotes if it must stay text)"
    )


def _deep_nesting_in_data(project):
    line = _append(project / "data" / UNIT / "simple_rules.yml", nested(5000))
    return (
        f"data/{UNIT}/simple_rules.yml:{line}: lists and mappings are nested more than 20 deep here; course data needs "
        "five levels at most (a list of activities, each with a list of prompts): flatten it"
    )


def _huge_data_file(project):
    _append(project / "data" / UNIT / "simple_rules.yml", "# " + "padding " * 40_000 + "\n")
    return f"data/{UNIT}/simple_rules.yml:1: the file is over the limit of 256 KB for a data file; split it, or shorten it"


def _billion_laughs_in_front_matter(project):
    _in_front_matter(project / "docs" / "glossary.md", billion_laughs(9))
    return f"docs/glossary.md:2: front matter: '&a0' is a YAML anchor; {NOT_NEEDED}: remove it and write each value out in full"


def _deep_nesting_in_front_matter(project):
    _in_front_matter(project / "docs" / "glossary.md", nested(5000))
    return (
        "docs/glossary.md:2: front matter: lists and mappings are nested more than 20 deep here; course data needs "
        "five levels at most (a list of activities, each with a list of prompts): flatten it"
    )


def _script_in_a_page(project):
    line = _append(project / "docs" / "glossary.md", '\n<script>alert("hi")</script>\n')
    return (
        f"docs/glossary.md:{line + 1}: <script> is refused, even in code: a page carries no code "
        "(a script it needs is a file in docs/javascripts/, named under 'scripts:' in its front matter)"
    )


def _event_handler_in_a_page(project):
    line = _append(project / "docs" / "glossary.md", '\n<img src="assets/logo.svg" alt="Logo" onerror="alert(1)">\n')
    return (
        f"docs/glossary.md:{line + 1}: onerror= is an inline event handler: a page carries no code "
        "(a script it needs is a file in docs/javascripts/, named under 'scripts:' in its front matter)"
    )


def _javascript_link_in_a_page(project):
    line = _append(project / "docs" / "glossary.md", "\n[Click here](javascript:alert(1))\n")
    return (
        f"docs/glossary.md:{line + 1}: a javascript: address ('javascript:alert(1') is refused: a page carries no code "
        "(a script it needs is a file in docs/javascripts/, named under 'scripts:' in its front matter); "
        "link to a page, a file or a web address (https:)"
    )


def _script_in_a_title(project):
    _in_front_matter(project / "docs" / "glossary.md", "title: Glossary<script>alert(1)</script>\n")
    return (
        "docs/glossary.md:2: front matter 'title' holds < >, which the theme writes into the page's HTML as it is; "
        "write it without them (curly quotes “ ” instead of \")"
    )


ALLOWED_IN_BRACES = (
    'only a macro call with plain values, such as {{ activity("flocking") }}, or a setting such as '
    "{{ config.site_name }} or {{ config.extra.programme }}, may stand between {{ and }}"
)


def _undefined_name_in_a_page(project):
    line = _append(project / "docs" / "glossary.md", "\n{{ nothing_here }}\n")
    return f"docs/glossary.md:{line + 1}: 'nothing_here' is neither a macro call nor a setting; {ALLOWED_IN_BRACES}"


def _python_in_a_page(project):
    line = _append(project / "docs" / "glossary.md", "\n{{ cycler.__init__.__globals__.os.getcwd() }}\n")
    return f"docs/glossary.md:{line + 1}: {ALLOWED_IN_BRACES}; write plain text outside them"


def _python_in_a_title(project):
    _in_front_matter(project / "docs" / "glossary.md", 'title: "{{ cycler.__init__.__globals__.os.getcwd() }}"\n')
    return f"docs/glossary.md:2: {ALLOWED_IN_BRACES}; write plain text outside them"


FIELDS = "description, title, scripts, unit, pdf, whole_unit, pdf_list, search, render_macros, template, hide (guides/authors.md)"


def _field_that_hides_a_macro(project):
    _in_front_matter(project / "docs" / "glossary.md", "key_terms: Our terms\n")
    return f"docs/glossary.md:2: front matter 'key_terms' is not a field a page may have; use {FIELDS}"


def _redirect_template(project):
    _in_front_matter(project / "docs" / "glossary.md", "template: redirect.html\nlocation: https://example.org/\n")
    # Only the project's own page template may be named: the theme's redirect.html would send readers anywhere.
    return "\n".join(
        [
            "docs/glossary.md:2: front matter 'template': input should be 'presenter.html'",
            f"docs/glossary.md:3: front matter 'location' is not a field a page may have; use {FIELDS}",
        ]
    )


def _title_that_is_not_text(project):
    _in_front_matter(project / "docs" / "glossary.md", "title: null\n")
    return "docs/glossary.md:2: front matter 'title': must be text"


def _search_that_is_not_settings(project):
    _in_front_matter(project / "docs" / "glossary.md", "search: 1\n")
    return "docs/glossary.md:2: front matter 'search': input should be a valid dictionary or instance of SearchSettings"


def _snippet_not_there(project):
    line = _append(project / "docs" / "glossary.md", '\n--8<-- "nothing.md"\n')
    return f"docs/glossary.md:{line + 1}: the snippet 'nothing.md' is not a file in includes/; name one that is, or remove the line"


def _script_in_a_snippet(project):
    (project / "includes" / "extra.md").write_text("Text.\n\n<script>alert(1)</script>\n", encoding="utf-8")
    return (
        "includes/extra.md:3: <script> is refused, even in code: a page carries no code "
        "(a script it needs is a file in docs/javascripts/, named under 'scripts:' in its front matter)"
    )


def _page_not_in_utf8(project):
    page = project / "docs" / "glossary.md"
    line = page.read_bytes().count(b"\n") + 2
    page.write_bytes(page.read_bytes() + b"\nCaf\xe9\n")
    return f"docs/glossary.md:{line}: this line has bytes that are not UTF-8 text; save the page as UTF-8"


def _abbreviations_not_in_utf8(project):
    path = project / "includes" / "abbreviations.md"
    line = path.read_bytes().count(b"\n") + 1
    path.write_bytes(path.read_bytes() + b"*[CAF]: Caf\xe9\n")
    return f"includes/abbreviations.md:{line}: this line has bytes that are not UTF-8 text; save the page as UTF-8"


def _huge_page(project):
    _append(project / "docs" / "glossary.md", "\n" + "Words and more words. " * 10_000 + "\n")
    return "docs/glossary.md:1: the page is over the limit of 200 KB; split it into pages of its sections"


def _lists_nested_300_deep(project):
    line = _append(project / "docs" / "glossary.md", "\n" + "".join("    " * level + "- item\n" for level in range(300)))
    return f"docs/glossary.md:{line + 22}: this line is nested more than 20 deep (indented lists, quotes); Markdown cannot build that: flatten it"


def _brackets_never_closed(project):
    line = _append(project / "docs" / "glossary.md", "\n" + "[" * 50_000 + "\n")
    return (
        f"docs/glossary.md:{line + 1}: the square brackets on this page would take Markdown too long to read (each [ not "
        "closed soon is read again to the end of its paragraph); close each [ with its ] (a link, a footnote), or write \\[ "
        "for a bracket in text"
    )


def _definition_list_of_500(project):
    line = _append(project / "docs" / "glossary.md", "\n" + "Term\n:   Definition\n" * 500)
    return f"docs/glossary.md:{line + 402}: 500 definitions (lines starting ':'), over the limit of 200 a page may have; split the list across pages or use a table"


HOSTILE = {
    "a billion laughs in a data file": _billion_laughs_in_data,
    "a billion laughs in programme.yml": _billion_laughs_in_the_programme,
    "a merge key in a data file": _merge_key_in_data,
    "a Python tag in a data file": _python_tag_in_data,
    "nesting 5,000 deep in a data file": _deep_nesting_in_data,
    "a data file over 256 KB": _huge_data_file,
    "a billion laughs in front matter": _billion_laughs_in_front_matter,
    "nesting 5,000 deep in front matter": _deep_nesting_in_front_matter,
    "a script in a page": _script_in_a_page,
    "an inline event handler in a page": _event_handler_in_a_page,
    "a javascript: link in a page": _javascript_link_in_a_page,
    "a script in a page's title": _script_in_a_title,
    "an undefined name between braces": _undefined_name_in_a_page,
    "Python between braces": _python_in_a_page,
    "Python in a page's title": _python_in_a_title,
    "a front matter field that hides a macro": _field_that_hides_a_macro,
    "a title that is not text": _title_that_is_not_text,
    "search settings that are not settings": _search_that_is_not_settings,
    "a front matter field that makes the page a redirect": _redirect_template,
    "a snippet that is not there": _snippet_not_there,
    "a script in a file snippets include": _script_in_a_snippet,
    "a page not in UTF-8": _page_not_in_utf8,
    "a page over 200 KB": _huge_page,
    "the abbreviations not in UTF-8": _abbreviations_not_in_utf8,
    "lists nested 300 deep": _lists_nested_300_deep,
    "square brackets never closed": _brackets_never_closed,
    "a definition list of 500 terms": _definition_list_of_500,
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_the_check_finds_exactly_the_line(project, case):
    expected = HOSTILE[case](project)
    assert [str(problem) for problem in check_project(project)] == expected.split("\n")


@pytest.mark.parametrize("case", ["a billion laughs in a data file", "a script in a page", "Python between braces"])
def test_make_check_prints_the_line_and_fails(project, case):
    """`make check` runs `python -m course.checks`: what check_project finds, one line each, and exit 1."""
    expected = HOSTILE[case](project)
    result = run_check(project)
    # Warnings (the accessibility statement's values still to confirm) go to stderr too, and fail nothing.
    summary = [line for line in result.stderr.splitlines() if ": warning: " not in line]
    assert (result.returncode, result.stdout, summary) == (1, expected + "\n", ["", "1 problem(s) found."])


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_the_build_prints_the_same_line_and_writes_nothing(tmp_path, project, case):
    expected = HOSTILE[case](project)
    build_refuses(tmp_path, project, expected.split("\n"))


# --- Every bad input the check knows stops the build the same way --------------------------------------


def _bad_data(case):
    def break_it(project):
        name, old, new, _, _ = authoring.BAD_DATA[case]
        path = project / "data" / UNIT / name
        path.write_bytes(path.read_text(encoding="utf-8").replace(old, new, 1).encode("utf-8", errors="surrogateescape"))

    return break_it


def _bad_call(call):
    def break_it(project):
        authoring.edit_file(project / "docs" / "together.md", '{{ activity("walk") }}', call)

    return break_it


def _write(relative, content: bytes):
    return lambda project: (project / relative).write_bytes(content)


EXISTING = {
    **{f"data: {case}": _bad_data(case) for case in authoring.BAD_DATA},
    "data: an empty file": _write(f"data/{UNIT}/simple_rules.yml", b""),
    "data: a list where fields belong": _write(f"data/{UNIT}/simple_rules.yml", b"- a list\n"),
    "data: a missing file": lambda project: (project / "data" / UNIT / "activities.yml").unlink(),
    "page: no macro of that name": _bad_call('{{ actvity("walk") }}'),
    "page: a macro called wrongly": _bad_call('{{ activity("walk", "extra") }}'),
    "page: an argument of the wrong type": _bad_call("{{ activity(8) }}"),
    "page: a macro syntax error": _bad_call('{{ activity("walk") }'),
    "page: a link that does not resolve": _bad_call("[a link](nowhere.md)"),
    **{f"unit or paper: {case}": break_it for case, (break_it, _) in authoring.UNIT_AND_PAPER_MISTAKES.items()},
}


@pytest.mark.parametrize("case", EXISTING, ids=list(EXISTING))
def test_every_bad_input_the_check_finds_stops_the_build_with_the_same_lines(tmp_path, project, case):
    EXISTING[case](project)
    expected = [str(problem) for problem in check_project(project)]
    assert expected and all(line.split(":")[0].startswith(("data/", "docs/")) for line in expected), expected
    build_refuses(tmp_path, project, expected)
