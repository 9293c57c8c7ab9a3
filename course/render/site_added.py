"""The mark on words this site adds to the slides.

An author marks a passage in Markdown with `{ .site-added }` (after a
paragraph) or `<div class="site-added" markdown>`; templates that render the
site's own material (the self-check, the simulation, key terms, facilitator
notes) carry the class themselves. Every such passage gets the same label at
its top, "Added for this site", from templates/_site_added.html, so the mark
looks and reads the same everywhere, on screen, to a screen reader and on paper.
"""

from __future__ import annotations

import re

from .environment import render_verbatim

LABEL_CLASS = "site-added__label"
# An opening <p> or <div> whose classes include site-added.
_MARKED = re.compile(r'<(p|div|figure)((?:\s[^>]*)?\sclass="(?:[^"]*\s)?site-added(?:\s[^"]*)?"[^>]*)>')


def label_site_added(page_html: str) -> str:
    """The page with every marked passage labelled once; a marked paragraph becomes a labelled block."""
    label = render_verbatim("site_added_label.html").strip()
    pieces, position = [], 0
    for match in _MARKED.finditer(page_html):
        tag, attributes = match.group(1), match.group(2)
        after = page_html[match.end() :]
        if after.lstrip().startswith(f'<p class="{LABEL_CLASS}"'):
            continue  # labelled by its template, or already by an earlier pass (the whole unit)
        pieces.append(page_html[position : match.start()])
        if tag == "p":
            # <p class="site-added">text</p> -> <div class="site-added"><p label/><p>text</p></div>
            end = page_html.index("</p>", match.end()) + len("</p>")
            pieces.append(f"<div{attributes}>{label}<p>{page_html[match.end() : end]}</div>")
            position = end
        else:
            pieces.append(f"{match.group(0)}{label}")
            position = match.end()
    pieces.append(page_html[position:])
    return "".join(pieces)
