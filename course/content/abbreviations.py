"""The abbreviations every page explains: the `*[ABBR]: Meaning` lines of includes/abbreviations.md.

pymdownx.snippets appends that file to every page, so Python-Markdown's abbr
extension marks each abbreviation in the prose; the macros read the same file
to mark the abbreviations in the data they render, and for the glossary.
"""

from __future__ import annotations

import re
from pathlib import Path

from .pages import MAX_PAGE_BYTES

_ABBREVIATION_LINE = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:\s*(?P<meaning>.+?)\s*$")


def read_abbreviations(path: Path) -> dict[str, str]:
    """The abbreviations in file order; none when there is no file."""
    path = Path(path)
    if not path.is_file():
        return {}
    # Read as a page is (at most MAX_PAGE_BYTES); bytes that are not UTF-8 are read as U+FFFD here,
    # and checks/markdown_limits.py names their line.
    entries = {}
    with open(path, "rb") as stream:
        text = stream.read(MAX_PAGE_BYTES).decode("utf-8", errors="replace")
    for line in text.splitlines():
        match = _ABBREVIATION_LINE.match(line.strip())
        if match:
            entries[match["abbr"]] = match["meaning"]
    return entries


def singular_abbreviations(entries: dict[str, str]) -> dict[str, str]:
    """Drop plural forms (PCNs) whose singular (PCN) is listed, sorted A to Z."""
    kept = {abbr: meaning for abbr, meaning in entries.items() if not (abbr.endswith("s") and abbr[:-1] in entries)}
    return dict(sorted(kept.items(), key=lambda entry: entry[0].lower()))
