"""The stylesheets by medium (issue 12), and the build's compact copies of the site's own files."""

from __future__ import annotations

import re
import subprocess

import pytest

from course.publish.compact import compact_css, compact_js
from engine import PROJECT_DIR

STYLESHEETS = PROJECT_DIR / "docs" / "stylesheets"
UNIT, PRINT = (STYLESHEETS / "unit.css").read_text(encoding="utf-8"), (STYLESHEETS / "print.css").read_text(encoding="utf-8")


def without_comments(css: str) -> str:
    return re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)


def test_unit_css_has_no_print_rules_and_print_css_no_screen_rules():
    """unit.css is for every medium (screen-only rules in @media screen); print.css, linked with
    media="print", is for paper only, so it needs no @media block of its own."""
    assert "@media print" not in without_comments(UNIT)
    assert "@media" not in without_comments(PRINT)


@pytest.mark.parametrize("sheet", sorted(STYLESHEETS.glob("*.css")), ids=lambda path: path.name)
def test_no_page_break_properties_beside_break_ones(sheet):
    assert "page-break-" not in without_comments(sheet.read_text(encoding="utf-8"))


@pytest.mark.parametrize("sheet", sorted(STYLESHEETS.glob("*.css")), ids=lambda path: path.name)
def test_important_only_where_it_resets_every_elements_motion(sheet):
    important = re.findall(r"([\w-]+):[^;{}]*!important", without_comments(sheet.read_text(encoding="utf-8")))
    assert set(important) <= ({"transition", "animation"} if sheet.name == "print.css" else set()), important


def test_one_card_one_label_one_table_rule():
    """Each is written once, for all its components; a variant changes the tokens."""
    css = without_comments(UNIT)
    assert len(re.findall(r"\.md-typeset :is\(\.activity, \.problem-check\) \{", css)) == 1
    assert len(re.findall(r"text-transform: uppercase", css)) == 1
    assert len(re.findall(r"border-collapse: collapse", css)) == 1


def test_compact_css_drops_comments_and_keeps_every_rule():
    css = '/* a comment */\n.a::before {\n  content: "/* not a comment */";\n}\n\n\n@media screen {\n  .b { color: red; } /* after */\n}\n'
    assert compact_css(css) == '.a::before {\ncontent: "/* not a comment */";\n}\n@media screen {\n.b { color: red; }\n}\n'


def test_compact_js_keeps_strings_and_regular_expressions():
    script = (
        '/* A file comment. */\n(function () {\n  "use strict";\n  // a line comment\n'
        '  var a = "// not a comment", b = /\\/\\* [/*] not one either */g;\n'
        '  var c = 4 / 2 / 1; /* two\n  lines */ var d = \'/*\';\n  return /x/.test(a);\n})();\n'
    )
    assert compact_js(script) == (
        '(function(){"use strict";'
        'var a="// not a comment",b=/\\/\\* [/*] not one either */g;'
        "var c=4/2/1;var d='/*';return/x/.test(a);})();\n"
    )


@pytest.mark.parametrize("script", sorted((PROJECT_DIR / "docs" / "javascripts").glob("*.js")), ids=lambda path: path.name)
def test_every_compact_script_still_parses(tmp_path, script):
    compact = tmp_path / script.name
    compact.write_text(compact_js(script.read_text(encoding="utf-8")), encoding="utf-8")
    result = subprocess.run(["node", "--check", str(compact)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
