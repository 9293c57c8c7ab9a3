"""The course's outline: its pages in reading order, the unit of each page,
and where each activity is shown.

Built once per build (and by `make check`) from the data and the pages as
written. The reading order is the navigation's (`nav:` in mkdocs.yml), then
any page outside it; activities are numbered in the order a reader meets them
there ("Self-Activity 7", "Self-Activity 8", ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .abbreviations import read_abbreviations
from .pages import SourcePage, read_pages
from .problems import ContentError, Problem
from .programme import Programme, Unit, load_programme

# The macro that shows an activity on a page: where it is called places the activity.
SHOW_ACTIVITY = "activity"


@dataclass(frozen=True)
class Project:
    """Where the course's parts are, for one build or check."""

    root: Path
    docs_dir: Path
    data_dir: Path
    abbreviations_file: Path
    site_url: str | None = None  # mkdocs.yml's: where the site is published
    repo_url: str | None = None  # mkdocs.yml's, when it names the repository
    copyright: str | None = None  # mkdocs.yml's copyright line, for the deck's title slide
    # pymdownx.snippets' options when mkdocs.yml uses it (its base_path made absolute), else None.
    snippets: dict | None = None

    def display(self, path: Path) -> str:
        """A path as messages give it: relative to the project, with forward slashes."""
        try:
            return Path(path).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return Path(path).as_posix()


@dataclass
class Outline:
    project: Project
    programme: Programme | None  # None when the data has problems
    pages: list[SourcePage]  # in reading order
    glossary: dict[str, str]
    problems: list[Problem] = field(default_factory=list)
    in_navigation: dict[str, str | None] = field(default_factory=dict)  # pages the navigation lists, with their titles there
    _unit_ids: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def read(cls, project: Project, page_paths: list[str], nav=None) -> Outline:
        """The outline of these pages (docs-relative paths), read in the order of `nav` (mkdocs.yml's)."""
        page_paths, in_navigation = reading_order(nav, page_paths)
        problems: list[Problem] = []
        try:
            programme = load_programme(project.data_dir, project.display(project.data_dir))
        except ContentError as error:
            programme, problems = None, list(error.problems)
        pages = read_pages([project.docs_dir / path for path in page_paths], project.docs_dir, project.root)
        for page in pages:
            page.nav_title = in_navigation.get(page.path)
        outline = cls(project, programme, pages, read_abbreviations(project.abbreviations_file), problems, in_navigation)
        if programme is not None:
            outline._place_pages_in_units()
            outline.programme = programme.in_reading_order(outline.activity_order())
        return outline

    # --- Pages and units -------------------------------------------------------

    def _place_pages_in_units(self) -> None:
        units = {unit.id: unit for unit in self.programme.units}
        for page in self.pages:
            chosen = page.meta.get("unit")
            if chosen is None:
                self._unit_ids[page.path] = _unit_by_folder(self.programme.units, page.path)
            elif isinstance(chosen, str) and chosen in units:
                self._unit_ids[page.path] = chosen
            elif chosen is False:
                self._unit_ids[page.path] = None  # a page of the programme, in no unit
            else:
                known = ", ".join(repr(unit_id) for unit_id in units)
                self.problems.append(
                    Problem(page.display, 1, f"front matter 'unit: {chosen}': there is no such unit in data/programme.yml; use one of {known}, or false")
                )
                self._unit_ids[page.path] = None

    def page(self, path: str) -> SourcePage:
        for page in self.pages:
            if page.path == path:
                return page
        raise KeyError(f"no page docs/{path}")

    def unit_of(self, page_path: str) -> Unit | None:
        """The unit a page belongs to, from its front matter or its folder; None for a page of no unit."""
        if self.programme is None:
            return None
        if page_path not in self._unit_ids:
            self._unit_ids[page_path] = _unit_by_folder(self.programme.units, page_path)
        unit_id = self._unit_ids[page_path]
        return self.programme.unit(unit_id) if unit_id else None

    def pages_of(self, unit: Unit) -> list[SourcePage]:
        """The unit's pages, in reading order."""
        return [page for page in self.pages if self._unit_ids.get(page.path) == unit.id]

    # --- Activities ------------------------------------------------------------------

    def showings(self) -> dict[str, list[tuple[SourcePage, int]]]:
        """Every activity a page shows, with each (page, line) that shows it, in reading order."""
        shown: dict[str, list[tuple[SourcePage, int]]] = {}
        for page in self.pages:
            for call in sorted(page.calls, key=lambda c: c.line):
                if call.name == SHOW_ACTIVITY and call.args and isinstance(call.args[0], str):
                    shown.setdefault(call.args[0], []).append((page, call.line))
        return shown

    def activity_order(self) -> list[str]:
        return list(self.showings())

    def calls_of(self, macro: str) -> list[tuple[SourcePage, int]]:
        """Each (page, line) that calls the macro, in reading order."""
        return [(page, call.line) for page in self.pages for call in sorted(page.calls, key=lambda c: c.line) if call.name == macro]

    def page_calling(self, macro: str) -> SourcePage | None:
        """The first page, in reading order, that calls the macro (the accessibility statement's page, say)."""
        calls = self.calls_of(macro)
        return calls[0][0] if calls else None

    def page_showing(self, activity_id: str) -> SourcePage | None:
        places = self.showings().get(activity_id)
        return places[0][0] if places else None


def _unit_by_folder(units, page_path: str) -> str | None:
    """The unit whose folder holds the page; the deepest folder wins, '' holds every page."""
    best: Unit | None = None
    for unit in units:
        folder = unit.pages.strip("/")
        if folder == "" or page_path.startswith(folder + "/"):
            if best is None or len(folder) > len(best.pages.strip("/")):
                best = unit
    return best.id if best else None


def reading_order(nav, page_paths: list[str]) -> tuple[list[str], dict[str, str | None]]:
    """The pages in reading order (the navigation's, then every other page by path), and those the
    navigation lists, each with the title it gives the page (None where it gives none).

    `nav` is mkdocs.yml's nav: a list of paths, {title: path} and {title: [...]}
    entries; without one, MkDocs lists every page by path, index pages first.
    """
    known = set(page_paths)
    listed: dict[str, str | None] = {}

    def walk(entry, title=None) -> None:
        if isinstance(entry, str):
            path = entry.lstrip("/")
            if path in known and path not in listed:
                listed[path] = title
        elif isinstance(entry, dict):
            for key, value in entry.items():
                walk(value, key if isinstance(value, str) else None)
        elif isinstance(entry, list):
            for item in entry:
                walk(item)

    if nav is None:
        listed = {path: None for path in sorted(page_paths, key=_default_order)}
    else:
        walk(nav)
    others = sorted((path for path in page_paths if path not in listed), key=_default_order)
    return [*listed, *others], listed


def _default_order(path: str) -> tuple:
    parts = path.split("/")
    return tuple((part not in ("index.md", "README.md"), part) for part in parts)
