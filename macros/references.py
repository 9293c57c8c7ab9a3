"""references() and cite(id): the unit's sources, from data/references.yml."""

from __future__ import annotations

from pathlib import Path

from .loading import DATA_DIR, load_programme
from .rendering import render
from .tables import citation


def references(data_dir: Path = DATA_DIR) -> str:
    """The list of every source, each with an anchor that cite() links to."""
    return render("references.html", references=load_programme(data_dir).references)


def cite(reference_id: str, data_dir: Path = DATA_DIR) -> str:
    """An in-text citation as a Markdown link to the references page.

    The link starts with / so it resolves from a page at any depth (mkdocs.yml
    sets validation.links.absolute_links to relative_to_docs).
    """
    return render("cite.md", text=citation(load_programme(data_dir), reference_id), anchor=reference_id)
