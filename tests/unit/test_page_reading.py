"""A page as the check reads it: front matter as MkDocs reads it, in safe YAML; UTF-8; a size limit;
and between {{ }} only macro calls with plain values and settings, never Python."""

from __future__ import annotations

import pytest
from jinja2 import Environment

from course.content.pages import MAX_PAGE_BYTES, read_page
from engine import billion_laughs, nested


def page_of(tmp_path, text: str | bytes):
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    path = docs / "page.md"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return read_page(path, docs, tmp_path, Environment())


def problems_of(tmp_path, text: str | bytes) -> list[str]:
    page = page_of(tmp_path, text)
    return [str(problem) for problem in page.problems + ([page.syntax_error] if page.syntax_error else [])]


# --- Front matter --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front", "line", "phrase"),
    [
        (billion_laughs(9), 2, "front matter: '&a0' is a YAML anchor; course data needs no anchors, aliases or merge keys"),
        ("title: *a\n", 2, "front matter: '*a' is a YAML alias"),
        ("title: x\n" + nested(5000), 3, "front matter: lists and mappings are nested more than 20 deep"),
        ("title: !!python/name:os.system x\n", 2, "front matter: 'tag:yaml.org,2002:python/name:os.system' is a YAML tag"),
        ("title: [x\n", 3, "the front matter is not valid YAML"),
        ("- a list\n", 2, "the front matter must be fields, one per line"),
    ],
)
def test_front_matter_that_could_hurt_or_is_broken_is_one_located_problem(tmp_path, front, line, phrase):
    [problem] = problems_of(tmp_path, f"---\n{front}---\n\n# Page\n")
    assert problem.startswith(f"docs/page.md:{line}: ") and phrase in problem, problem


def test_front_matter_is_found_as_mkdocs_finds_it(tmp_path):
    """MkDocs allows spaces after the dashes and ends front matter with ... too; the check must see the same fields."""
    page = page_of(tmp_path, "--- \ntitle: T\n...\n\n# Page {{ x }}\n")
    assert page.meta == {"title": "T"}
    assert page.text.splitlines()[4] == "# Page {{ x }}", "lines keep their numbers"
    assert [problem.line for problem in page.problems] == [5]


def test_multimarkdown_fields_are_read_as_mkdocs_reads_them(tmp_path):
    page = page_of(tmp_path, "title: T\ndescription: D\n\n# Page\n")
    assert page.meta == {"title": "T", "description": "D"}
    assert page.text.splitlines()[3] == "# Page"


def test_empty_front_matter_is_left_as_mkdocs_leaves_it(tmp_path):
    page = page_of(tmp_path, "---\n\n---\n\n# Page\n")
    assert page.meta == {} and page.problems == [] and page.text.startswith("---")


# --- The text ------------------------------------------------------------------------------


def test_bytes_that_are_not_utf8_name_their_line(tmp_path):
    assert problems_of(tmp_path, b"# Page\n\nCaf\xe9\n") == ["docs/page.md:3: this line has bytes that are not UTF-8 text; save the page as UTF-8"]


def test_a_byte_order_mark_and_windows_newlines_are_read_as_mkdocs_reads_them(tmp_path):
    page = page_of(tmp_path, b"\xef\xbb\xbf---\r\ntitle: T\r\n---\r\n\r\n# Page\r\n")
    assert page.meta == {"title": "T"} and page.problems == []


def test_a_page_over_the_size_limit_is_refused_unread(tmp_path):
    problems = problems_of(tmp_path, "# Page\n\n" + "word " * (MAX_PAGE_BYTES // 5 + 1))
    assert problems == [f"docs/page.md:1: the page is over the limit of {MAX_PAGE_BYTES // 1024} KB; split it into pages of its sections"]


# --- Between {{ }} --------------------------------------------------------------------------


def test_macro_calls_plain_values_and_settings_are_read(tmp_path):
    page = page_of(
        tmp_path,
        '{{ activity("flocking") }} {{ flocking_simulation(people=-5) }} {{ cite(["a", {"b": 1}]) }}\n'
        "{{ config.site_name }} {{ config.extra.offline_copy.zip }} {{ config['extra']['programme'] }} {{ '{{' }}\n"
        "{% raw %}{{ anything }}{% endraw %}\n",
    )
    assert page.problems == []
    assert [(call.name, call.args, call.kwargs) for call in page.calls] == [
        ("activity", ("flocking",), {}),
        ("flocking_simulation", (), {"people": -5}),
        ("cite", (["a", {"b": 1}],), {}),
    ]


ALLOWED = "only a macro call with plain values, such as {{ activity(\"flocking\") }}, or a setting such as {{ config.site_name }}"

REFUSED_TEMPLATES = {
    "a name that is neither": ("{{ nothing_here }}", "'nothing_here' is neither a macro call nor a setting"),
    "Python through an attribute": ("{{ cycler.__init__.__globals__.os.getcwd() }}", ALLOWED),
    "Python through a setting": ("{{ config.__class__ }}", ALLOWED),
    "a setting that is not plain": ("{{ config.plugins }}", ALLOWED),
    "a filter": ("{{ config.site_name | upper }}", ALLOWED),
    "an argument worked out at build time": ("{{ activity(config.site_name) }}", ALLOWED),
    "unpacked arguments": ("{{ activity(*names) }}", ALLOWED),
    "a statement": ("{% set x = 1 %}", "{% %} statements are not used on pages"),
    "an include": ('{% include "secret.md" %}', "{% %} statements are not used on pages"),
    "brackets nested 5,000 deep": ("{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}", "nested too deeply to read"),
}


@pytest.mark.parametrize("case", REFUSED_TEMPLATES, ids=list(REFUSED_TEMPLATES))
def test_anything_else_between_braces_is_one_located_problem(tmp_path, case):
    template, phrase = REFUSED_TEMPLATES[case]
    page = page_of(tmp_path, f"# Page\n\n{template}\n")
    assert [str(problem) for problem in page.problems] == [str(page.problems[0])]
    assert str(page.problems[0]).startswith("docs/page.md:3: ") and phrase in str(page.problems[0]), page.problems
    assert page.calls == []


def test_a_front_matter_title_is_read_as_a_template_too(tmp_path):
    """mkdocs-macros renders a title holding {{ }} with the page's names."""
    page = page_of(tmp_path, '---\ndescription: D\ntitle: "{{ cycler.__init__ }} {{ activity_label(\'flocking\') }}"\n---\n\n# T\n')
    [problem] = page.problems
    assert str(problem).startswith(f"docs/page.md:3: {ALLOWED}") and str(problem).endswith("; write plain text outside them")
    assert [(call.name, call.line) for call in page.calls] == [("activity_label", 3)]


def test_a_page_that_renders_no_macros_is_not_read_as_a_template(tmp_path):
    page = page_of(tmp_path, "---\nrender_macros: false\n---\n\n{{ anything.__class__ }}\n")
    assert page.problems == [] and page.calls == []
