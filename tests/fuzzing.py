"""Hypothesis strategies for content from strangers: YAML (mostly almost right), bytes, and Markdown pages
with macro calls, HTML, links and front matter, built from the pieces an author or an attacker would use."""

from __future__ import annotations

import re

import yaml
from hypothesis import strategies as st

from course.page_macros import MACRO_NAMES

# --- YAML ------------------------------------------------------------------------------------------

# Field names the schemas know, so that much of what is generated gets past the first error.
FIELDS = [
    "id", "label", "title", "mode", "question", "instructions", "prompts", "text", "lines", "heading", "source",
    "rules", "name", "description", "references", "authors", "year", "units", "number", "pages", "storage_key",
    "activities", "caption", "forms", "types", "titel", "<<", "? x",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.sampled_from(["individual", "group", "walk", "reflect", "", " ", "x" * 2100, "2024-13-45", "1" * 5000]),
    st.text(max_size=30),
)
yaml_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), inner, max_size=4),
    max_leaves=25,
)
# What makes YAML dangerous or broken, to splice in anywhere.
YAML_TOKENS = [
    "&a ", "*a", "<<: ", "!!python/object:os.system ", "!!binary ", "!custom ", "? ", "- ", ": ", "[", "]", "{", "}",
    '"', "'", "|", ">", "\t", "# ", "---\n", "...\n", "%YAML 1.1\n", "\n", "  ", "\x01", "\ufeff", "\\",
]


@st.composite
def yaml_texts(draw) -> str:
    """YAML as a person writes it, then broken in a few places."""
    text = yaml.safe_dump(draw(st.dictionaries(st.sampled_from(FIELDS), yaml_values, max_size=5)), allow_unicode=True, sort_keys=False)
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(YAML_TOKENS) | st.text(max_size=5)) + text[at:]
    return text


def data_files():
    """Any data file's bytes: YAML, broken YAML, random text, random bytes."""
    return st.one_of(
        yaml_texts().map(lambda text: text.encode("utf-8", errors="surrogatepass")),
        st.text(max_size=500).map(lambda text: text.encode("utf-8", errors="surrogatepass")),
        st.binary(max_size=500),
    )


# --- Markdown pages --------------------------------------------------------------------------------

# The fixture course's ids (tests/fixtures/course/), and some it does not have.
IDS = ["walk", "reflect", "discuss", "fixture-first-reflection", "organisational-forms",
       "problem-types", "fixture-author-2005", "fixture-centre-2014", "nothing", ""]
arguments = st.one_of(st.sampled_from(IDS), st.integers(-3, 80), st.none(), st.text(max_size=6), st.lists(st.sampled_from(IDS), max_size=2))


@st.composite
def macro_calls(draw) -> str:
    name = draw(st.sampled_from([*MACRO_NAMES, "actvity", "config", "cycler", "now", "context"]))
    args = draw(st.lists(arguments, max_size=2))
    written = ", ".join(repr(arg) if not isinstance(arg, str) else '"' + arg.replace('"', "") + '"' for arg in args)
    return draw(st.sampled_from(["{{ %s(%s) }}", "{{%s(%s)}}", "{{ %s(%s) }", "{{ %s(%s)"])) % (name, written)


TEMPLATE_PIECES = [
    "{{ config.site_name }}", "{{ config.extra.programme }}", "{{ nothing_here }}", '{{ "{{" }}', "{{ config.__class__ }}",
    "{% if true %}x{% endif %}", "{% raw %}{{ x }}{% endraw %}", "{{", "}}", "{%", "%}", "{#", "#}",
]
HTML_PIECES = [
    "<div markdown>\n\n", "</div>\n", "<p>", "</p>", "<br>", "<abbr title=\"x\">PCN</abbr>", "<details><summary>s</summary>",
    "</details>", "<script>alert(1)</script>", "<img src=\"assets/logo.svg\" alt=\"Logo\">", "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>', "<video>", "<span style=\"color:red\">", "</span>", "<svg>", "<iframe>",
    "<!--", "-->", "<", ">", "&", "&amp;", "&#x3c;", "<a href=\"glossary.md\">g</a>", '<div id="__config">', "<table><tr><td>1</td></tr></table>",
]
MARKDOWN_PIECES = [
    "# ", "## ", "- ", "1. ", "> ", "    ", "*", "**", "_", "`", "```\n", "~~~\n", "---\n", "|", "| a | b |\n|---|---|\n",
    "[a link](glossary.md)", "[a link](glossary.md#key-terms)", "[a link](glossary.md#nowhere)", "[a link](nowhere.md)",
    "[a link](/references.md)", "[a link](#here)", "[a link](https://www.england.nhs.uk/)", "[x](javascript:alert(1))",
    "[a link](pdf/workbook.pdf)", "[a link](pdf/nothing.pdf)", "![A logo](assets/logo.svg)", "![](assets/logo.svg)",
    "![A chart](assets/nothing.png)", "![A chart](https://example.org/x.png)", "[^1]", "[^1]: A note.\n", "*[PCN]: Primary care network\n",
    "{: .screen-only }", "{ onclick=alert(1) }", "!!! note\n    ", "??? note\n    ", "Term\n:   Definition\n", "color", "programme",
    "PCN", "GP", "--8<-- \"abbreviations.md\"\n", "--8<-- \"nothing.md\"\n", "--8<--\n", "\n", "\n\n", " ", "words", "The", "leader",
]


@st.composite
def pages(draw) -> str:
    """A Markdown page: front matter or none, then prose, Markdown, HTML and macro calls in any order."""
    body = draw(
        st.lists(
            st.one_of(
                st.sampled_from(MARKDOWN_PIECES),
                st.sampled_from(HTML_PIECES),
                st.sampled_from(TEMPLATE_PIECES),
                macro_calls(),
                st.text(max_size=8),
            ),
            max_size=30,
        )
    )
    front = draw(
        st.one_of(
            st.just(""),
            st.dictionaries(
                st.sampled_from(["title", "description", "unit", "pdf", "scripts", "whole_unit", "pdf_list", "search", "render_macros"]),
                st.one_of(scalars, st.lists(st.sampled_from(["javascripts/flocking.js", "https://example.org/x.js", "x"]), max_size=2)),
                max_size=3,
            ).map(lambda fields: "---\n" + yaml.safe_dump(fields, allow_unicode=True) + "---\n\n" if fields else ""),
            yaml_texts().map(lambda text: f"---\n{text}---\n\n"),
        )
    )
    return front + "".join(body) + "\n"


LOCATED = re.compile(r"^(data|docs)/[^:\s]+(:\d+)?: \S")
