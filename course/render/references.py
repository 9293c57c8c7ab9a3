"""The programme's sources: the list, the simple rules they back, and in-text citations."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.programme import Programme, Unit
from .environment import render, render_verbatim
from .tables import citation


@dataclass(frozen=True)
class Citation:
    """A reference as cited in text ("Keith Grint (2008)"), linked to its entry in the list when a page lists them."""

    text: str
    href: str | None


def citations_of(programme: Programme, references_href: str | None) -> dict[str, Citation]:
    """Every reference of the programme, cited, by id; `references_href` is the link to the page that lists them."""
    return {
        reference.id: Citation(citation(programme, reference.id), f"{references_href}#{reference.id}" if references_href else None)
        for reference in programme.references
    }


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
