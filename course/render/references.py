"""The programme's sources: the list, the simple rules they back, and in-text citations."""

from __future__ import annotations

from ..content.programme import Programme, Unit
from .environment import render, render_verbatim
from .tables import citation


def references_html(programme: Programme, glossary: dict[str, str]) -> str:
    """Every source of every unit, each with an anchor that cite() links to."""
    return render("references.html", glossary=glossary, references=programme.references)


def cite_markdown(programme: Programme, reference_id: str, references_page: str) -> str:
    """An in-text citation as a Markdown link to the page that lists the references.

    The link starts with / so it resolves from a page at any depth (mkdocs.yml
    sets validation.links.absolute_links to relative_to_docs).
    """
    text = citation(programme, reference_id)
    return render_verbatim("cite.md", text=text, page=references_page, anchor=reference_id).strip()


def simple_rules_html(unit: Unit, glossary: dict[str, str]) -> str:
    """The rules as a definition list; the page cites their source beside them."""
    return render("simple_rules.html", glossary=glossary, rules=unit.require("simple_rules"))
