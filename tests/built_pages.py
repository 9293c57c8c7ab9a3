"""A built site's pages, named by their address in the site: "index", "pcn-ethos", "handouts/flocking"."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

# Folders of a built site that hold no pages of the course.
NOT_PAGES = ("assets", "download", "search", "pdf", "javascripts", "stylesheets")


def page_names(site: Path) -> list[str]:
    """Every page of a built site, by its address ("index", "pcn-ethos", "handouts/flocking"): not the 404 page."""
    names = []
    for path in sorted(site.rglob("index.html")):
        relative = path.parent.relative_to(site).as_posix()
        if relative.split("/")[0] not in NOT_PAGES:
            names.append("index" if relative == "." else relative)
    return names


def page_file(site: Path, name: str) -> Path:
    return site / "index.html" if name == "index" else site / name / "index.html"


def page_soup(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup(page_file(site, name).read_text(encoding="utf-8"), "html.parser")


def address(base: str, name: str) -> str:
    """A page's address under a served site's root (which ends with /)."""
    return base if name == "index" else f"{base}{name}/"
