"""What HTML a page may carry (course/checks/html.py): code is refused at its line, plain structure passes."""

from __future__ import annotations

import pytest
from jinja2 import Environment

from course.checks.html import MAX_NESTING, page_problems
from course.content.pages import read_page
from engine import DATA_DIR, outline
from fixture_course import assembled


def problems_of(tmp_path, text: str) -> list[str]:
    docs = tmp_path / "docs"
    (docs / "javascripts").mkdir(parents=True, exist_ok=True)
    (docs / "javascripts" / "page.js").write_text("// a script of the site\n")
    (docs / "page.md").write_text(text, encoding="utf-8")
    page = read_page(docs / "page.md", docs, tmp_path, Environment())
    return [str(problem) for problem in page.problems + page_problems(page, docs)]


NO_CODE = "a page carries no code (a script it needs is a file in docs/javascripts/, named under 'scripts:' in its front matter)"

REFUSED = {
    # Code, anywhere.
    "a script": ("Text.\n\n<script>alert(1)</script>\n", 3, f"<script> is refused, even in code: {NO_CODE}"),
    "a script in capitals, loading a file": ("<SCRIPT SRC=x.js></SCRIPT>\n", 1, "<script> is refused"),
    "a script with a slash for a space": ("<script/src=x.js>\n", 1, "<script> is refused"),
    "a script in a code block": ("```html\n<script>alert(1)</script>\n```\n", 2, "<script> is refused, even in code"),
    "a script in a code span": ("Write `<script>` here.\n", 1, "<script> is refused, even in code"),
    "a script shown as a plain value": ('{{ "<script>alert(1)</script>" }}\n', 1, "<script> is refused"),
    "an event handler": ("<img src=x.png alt=x onerror=alert(1)>\n", 1, f"onerror= is an inline event handler: {NO_CODE}"),
    "an event handler after a > in quotes": ('<img src="a.png" alt="a>b" onerror="alert(1)">\n', 1, "onerror= is an inline event handler"),
    "an event handler on the next line": ("<p\n  onclick=alert(1)>x</p>\n", 1, "onclick= is an inline event handler"),
    "an event handler in a code block": ("```\n<img onerror=alert(1)>\n```\n", 2, "onerror= is an inline event handler, refused even in code"),
    "an event handler set with attr_list": ("Paragraph.\n{: onclick=\"alert(1)\" }\n", 2, "{: onclick=... }: onclick= is an inline event handler"),
    "an event handler on a heading": ("# Heading { onmouseover=alert(1) }\n", 1, "onmouseover= is an inline event handler"),
    "a javascript: link": ("[Click](javascript:alert(1))\n", 1, "a javascript: address ('javascript:alert(1') is refused"),
    "a javascript: link by reference": ("[Click][r]\n\n[r]: javascript:alert(1)\n", 3, "a javascript: address"),
    "a javascript: link hidden by an entity": ('<a href="jav&#x61;script:alert(1)">x</a>\n', 1, "a javascript: address"),
    "a javascript: link hidden by a tab": ('<a href="java\tscript:alert(1)">x</a>\n', 1, "a javascript: address"),
    "a javascript: link set with attr_list": ('[x](a.md){: href="javascript:alert(1)" }\n', 1, "{: href=... }: a javascript: address"),
    "a data: link": ('<a href="data:text/html,hi">x</a>\n', 1, "a data: address"),
    "an iframe": ('<iframe src="https://example.org/"></iframe>\n', 1, "<iframe> is refused, even in code: a page embeds nothing"),
    "an SVG with a handler": ("<svg onload=alert(1)></svg>\n", 1, "<svg> is refused"),
    "a style sheet": ("<style>p { color: red }</style>\n", 1, "<style> is refused"),
    "a form": ('<form action="https://example.org/"><button>Go</button></form>\n', 1, "<form> is refused"),
    # Not plain structure.
    "an element not on the list": ("<video src=a.mp4></video>\n", 1, "<video> is not an element a page may write"),
    "an inline style": ('<div style="color: red">x</div>\n', 1, "style= is refused by the site's policy"),
    "the theme's attribute": ('<a href="https://github.com/x/y" data-md-component="source">x</a>\n', 1, "data-md-component= is the theme's own"),
    "the theme's id": ('<span id="__config">x</span>\n', 1, "ids starting with __ are the theme's own"),
    "an attribute not on the list": ('<a href="a.md" target="_blank">x</a>\n', 1, "target= is not an attribute a page may use on <a>"),
    "an image from another host": ("![A chart](https://example.org/chart.png)\n", 1, "the image 'https://example.org/chart.png' is not a file of the site"),
    "an image from another host, in HTML": ('<img src="//example.org/chart.png" alt="A chart">\n', 1, "is not a file of the site"),
    # Nesting Markdown cannot build.
    "lists nested too deep": ("".join("    " * level + "- item\n" for level in range(MAX_NESTING + 2)), MAX_NESTING + 2, "nested more than 20 deep"),
    "quotes nested too deep": ("> " * (MAX_NESTING + 1) + "Quote.\n", 1, "nested more than 20 deep"),
    "elements nested too deep": ("<div>" * (MAX_NESTING + 1) + "x" + "</div>" * (MAX_NESTING + 1) + "\n", 1, "HTML elements are nested more than 20 deep"),
    # Front matter, which the theme writes into the page's <head> unescaped.
    "a script in the title": ("---\ntitle: T<script>alert(1)</script>\n---\n\n# T\n", 2, "front matter 'title' holds < >, which the theme writes"),
    "an attribute in the description": ('---\ndescription: x" http-equiv="refresh\n---\n\n# T\n', 2, "front matter 'description' holds \""),
    "a script from another host": ("---\nscripts:\n  - https://example.org/x.js\n---\n\n# T\n", 2, "front matter 'scripts': 'https://example.org/x.js' is not a script file in docs/"),

}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_what_a_page_may_not_carry_is_refused_at_its_line(tmp_path, case):
    text, line, phrase = REFUSED[case]
    problems = problems_of(tmp_path, text)
    assert problems and all(problem.startswith(f"docs/page.md:{line}: ") for problem in problems), problems
    assert any(phrase in problem for problem in problems), problems


ALLOWED = {
    "plain structure": '<div markdown data-offline-copy="leave-out">\n\n**Bold** and <abbr title="x">PCN</abbr>\n\n</div>\n',
    "a download link": '<a href="https://example.org/a.zip" download>the zip</a>, <a href="mailto:a@example.org">mail</a>\n',
    "a table": '<table><tr><th scope="col" colspan="2">A</th></tr><tr><td>1</td><td>2</td></tr></table>\n',
    "details": "<details open><summary>More</summary>\n\nText.\n\n</details>\n",
    "an image of the site": '![A chart](assets/chart.png) <img src="assets/chart.png" alt="A chart" width="200">\n',
    "a class with attr_list": "Paragraph.\n{ .screen-only }\n\n# Heading {#custom-id .big}\n",
    "comparisons in prose": "If a < b and c > d, then b > a.\n",
    "a tag shown in a code block": "```html\n<video src=a.mp4></video>\n```\n",
    "a tag shown in a code span": "Use `<kbd>` and `<video>`.\n",
    "braces in prose": "Sets such as {one, two} and {x=1}.\n",
    "macro calls and settings": '{{ activity("flocking") }} {{ config.site_name }} {{ "{{" }}\n',
    "lists nested to the limit": "".join("    " * level + "- item\n" for level in range(MAX_NESTING + 1)),
    "unclosed paragraphs": "<p>One<p>Two" * 30 + "\n",
    "curly quotes and an ampersand in the description": "---\ndescription: The “wicked” problems of Tom & Jerry’s PCN\nscripts: [javascripts/page.js]\n---\n\n# T\n",
}


@pytest.mark.parametrize("case", ALLOWED, ids=list(ALLOWED))
def test_plain_structure_and_formatting_pass(tmp_path, case):
    assert problems_of(tmp_path, ALLOWED[case]) == []


def test_every_page_of_the_fixture_course_passes():
    # Assembled, as it is built: its pages' scripts are the site's, in docs/javascripts/.
    docs = assembled() / "docs"
    for page in outline(DATA_DIR, docs).pages:
        assert page_problems(page, docs) == [], page.display
