"""references() and cite(id): the unit's sources, from data/references.yml."""

from __future__ import annotations

from pathlib import Path

from .loading import DATA_DIR, load_unit
from .rendering import render
from .tables import citation


def references(data_dir: Path = DATA_DIR) -> str:
    """The list of every source, each with an anchor that cite() links to."""
    return render("references.html", references=load_unit(data_dir).references.references)


def cite(reference_id: str, data_dir: Path = DATA_DIR) -> str:
    """An in-text citation as a Markdown link to the references page."""
    return render("cite.md", text=citation(load_unit(data_dir), reference_id), anchor=reference_id)
