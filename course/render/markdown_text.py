"""Data text inside Markdown that a template writes (a link's words, say).

Most blocks are HTML, where autoescape is enough. A few (citations, the list
of activities) are Markdown, so that MkDocs checks and rewrites their links;
there, data text must also not be read as Markdown: `*`, `_`, `[`... are
backslash-escaped, then the text is HTML-escaped as everywhere else.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# The characters that would start Markdown inline syntax inside a link's words
# (emphasis, code, another link) or an attribute list at the end of a heading
# ({ #id }); `<` and `&` become entities through autoescape.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]{}])")

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def markdown_text(value: str) -> Markup:
    return Markup(escape(_MARKDOWN_PUNCTUATION.sub(r"\\\1", str(value))))


def count_words(count: int, singular: str, plural: str) -> str:
    """"two self-activities", "one activity": small counts in words, as prose writes them."""
    number = NUMBER_WORDS[count] if 0 <= count < len(NUMBER_WORDS) else str(count)
    return f"{number} {singular if count == 1 else plural}"
