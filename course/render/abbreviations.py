"""Abbreviations spelled out where a page first uses them, for every medium.

On screen an abbreviation's meaning is in a tooltip, which a pointer reaches
but a keyboard, a screen reader and paper do not; so the first time a page
uses each abbreviation, its meaning follows it in brackets: "PCN (Primary care
network)". Headings are left as they are; the first use in the text after them
is spelled out instead.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

from .environment import render_verbatim

# <abbr title="Primary care network">PCN</abbr>, as Python-Markdown's abbr extension and our templates
# write it. (The glossary's own list writes <abbr class=...>, which is not spelled out again.)
_ABBREVIATION = re.compile(r'<abbr title="([^"]*)">([^<]*)</abbr>')
_HEADING = re.compile(r"<h([1-6])\b.*?</h\1>", re.DOTALL | re.IGNORECASE)


def spell_out_first_use(page_html: str) -> str:
    """The page with each abbreviation's first use (outside headings) followed by its meaning."""
    headings = [match.span() for match in _HEADING.finditer(page_html)]
    seen: set[str] = set()
    pieces, position = [], 0
    for match in _ABBREVIATION.finditer(page_html):
        word = match.group(2).removesuffix("s")  # PCNs is spelled out with PCN
        if word in seen or any(start <= match.start() < end for start, end in headings):
            continue
        seen.add(word)
        expansion = render_verbatim("abbreviation_expansion.html", meaning=html.unescape(match.group(1))).strip()
        pieces += [page_html[position : match.end()], Markup(expansion)]
        position = match.end()
    pieces.append(page_html[position:])
    return "".join(pieces)
