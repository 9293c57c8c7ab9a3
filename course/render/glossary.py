"""The glossary page's blocks: every abbreviation, and the unit's key terms."""

from __future__ import annotations

from ..content.abbreviations import singular_abbreviations
from ..content.programme import Unit
from .environment import render


def abbreviations_html(glossary: dict[str, str]) -> str:
    """Every abbreviation the site explains, as a definition list."""
    return render("abbreviations.html", glossary=glossary, entries=singular_abbreviations(glossary))


def key_terms_html(unit: Unit, glossary: dict[str, str], roles_source: str | None = None) -> str:
    """Grint's problem types and the three ways of organising, defined from the unit's data.

    `roles_source` is the citation ("Keith Grint (2008)") the types' roles are given with.
    """
    return render(
        "key_terms.html",
        glossary=glossary,
        problem_types=unit.require("problem_types").types,
        forms=unit.require("organisational_forms").forms,
        roles_source=roles_source,
    )
