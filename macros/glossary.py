"""The glossary page: abbreviations() and key_terms().

Abbreviations come from includes/abbreviations.md, the same file that gives
every page its tooltips; key terms come from the unit's data.
"""

from __future__ import annotations

from pathlib import Path

from .loading import DATA_DIR, load_programme
from .rendering import ABBREVIATIONS_FILE, read_abbreviations, render


def singular_abbreviations(entries: dict[str, str]) -> dict[str, str]:
    """Drop plural forms (PCNs) whose singular (PCN) is listed, sorted A to Z."""
    kept = {abbr: meaning for abbr, meaning in entries.items() if not (abbr.endswith("s") and abbr[:-1] in entries)}
    return dict(sorted(kept.items(), key=lambda entry: entry[0].lower()))


def abbreviations(abbreviations_file: Path = ABBREVIATIONS_FILE) -> str:
    """Every abbreviation the site explains, as a definition list."""
    return render("abbreviations.html", entries=singular_abbreviations(read_abbreviations(abbreviations_file)))


def key_terms(data_dir: Path = DATA_DIR) -> str:
    """Grint's problem types and the three ways of organising, defined from the data."""
    programme = load_programme(data_dir)
    return render(
        "key_terms.html",
        problem_types=programme.content("problem_types").types,
        forms=programme.content("organisational_forms").forms,
    )
