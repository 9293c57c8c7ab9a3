"""simple_rules(): the simple rules for leading complex systems."""

from __future__ import annotations

from pathlib import Path

from .loading import DATA_DIR, load_programme
from .rendering import render


def simple_rules(data_dir: Path = DATA_DIR) -> str:
    """The rules as a definition list; the page cites their source beside them."""
    return render("simple_rules.html", rules=load_programme(data_dir).content("simple_rules"))
