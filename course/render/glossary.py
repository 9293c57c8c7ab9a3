"""The glossary page's blocks: every abbreviation, and the unit's key terms."""

from __future__ import annotations

from ..content.abbreviations import singular_abbreviations
from ..content.programme import Unit
from .environment import render
from .references import Citation


def abbreviations_html(glossary: dict[str, str]) -> str:
    """Every abbreviation the site explains, as a definition list."""
    return render("abbreviations.html", glossary=glossary, entries=singular_abbreviations(glossary))


def key_terms_html(unit: Unit, glossary: dict[str, str], citations: dict[str, Citation]) -> str:
    """The unit's key terms: its problem types and ways of organising, as the slides give them and as
    their sources define them, then the terms of key_terms.yml. `citations` cites each reference by id."""
    return render(
        "key_terms.html",
        glossary=glossary,
        problem_types=unit.problem_types.types if unit.problem_types else [],
        forms=unit.organisational_forms.forms if unit.organisational_forms else [],
        terms=unit.key_terms.terms if unit.key_terms else [],
        citations=citations,
    )
