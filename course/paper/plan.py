"""The one plan for paper: which pages are printed, which PDFs are made, what
each unit's whole unit holds.

Decided once per build (and by `make check`), from the data (a handout per
activity, and one for each unit's comparison tables) and from the pages'
front matter:

- `pdf: workbook.pdf` makes the page a PDF (and gives it a Download PDF link);
- `whole_unit: true` marks the page that joins every page of its unit, to
  print; `whole_unit: false` leaves a page out of it;
- `pdf_list: true` marks the page that lists every PDF of its unit.

The download links, the Handouts table, the PDF renderer and the offline copy
all read this plan; nothing else decides what becomes paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import escape

from ..content.outline import Outline
from ..content.problems import Problem
from .handouts import Handout, handout_problems, handouts_for

_PDF_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.pdf$")


@dataclass(frozen=True)
class PdfPage:
    """A page that is also made into a PDF."""

    src_uri: str
    pdf_name: str
    unit_id: str | None


@dataclass(frozen=True)
class WholeUnit:
    """The page that joins a unit's pages, and those pages, in reading order."""

    unit_id: str
    page: str
    parts: tuple[str, ...]


@dataclass
class PaperPlan:
    handouts: list[Handout] = field(default_factory=list)
    pdfs: list[PdfPage] = field(default_factory=list)  # in reading order, then the handouts
    whole_units: list[WholeUnit] = field(default_factory=list)
    pdf_lists: dict[str, str] = field(default_factory=dict)  # page listing PDFs -> its unit
    problems: list[Problem] = field(default_factory=list)

    def pdf_of(self, src_uri: str) -> PdfPage | None:
        return next((pdf for pdf in self.pdfs if pdf.src_uri == src_uri), None)

    def handout_of(self, src_uri: str) -> Handout | None:
        """The handout a generated page shows, if it is one."""
        return next((handout for handout in self.handouts if handout.src_uri == src_uri), None)

    def pdf_list_of(self, unit_id: str) -> str | None:
        """The page that lists every PDF of the unit (its handouts among them), if one does."""
        return next((src_uri for src_uri, listed in self.pdf_lists.items() if listed == unit_id), None)

    def pdfs_of_unit(self, unit_id: str) -> list[PdfPage]:
        return [pdf for pdf in self.pdfs if pdf.unit_id == unit_id]

    def whole_unit_on(self, src_uri: str) -> WholeUnit | None:
        return next((whole for whole in self.whole_units if whole.page == src_uri), None)

    @property
    def pdf_names(self) -> set[str]:
        return {pdf.pdf_name for pdf in self.pdfs}

    def navigation(self, nav):
        """mkdocs.yml's `nav` with each unit's handouts listed under the page that lists its PDFs.

        The handouts are made from the data, so the navigation cannot name them:
        `- Handouts: handouts/index.md` becomes a section that opens with that
        page and goes on through every handout, in order, with previous and
        next links between them.
        """
        if nav is None:
            return None
        listed_in = {page: [h for h in self.handouts if h.unit_id == unit_id] for page, unit_id in self.pdf_lists.items()}

        def expand(entry):
            if isinstance(entry, dict):
                return {title: expand_value(title, value) for title, value in entry.items()}
            if isinstance(entry, list):
                return [expand(item) for item in entry]
            return entry

        def expand_value(title, value):
            if isinstance(value, str) and listed_in.get(value.lstrip("/")):
                # Escaped: MkDocs and Material write navigation titles out as they are.
                return [value, *({str(escape(handout.title)): handout.src_uri} for handout in listed_in[value.lstrip("/")])]
            return expand(value)

        return expand(nav)


def plan_paper(outline: Outline) -> PaperPlan:
    """The plan for the outlined course; its `problems` say what an author must fix."""
    plan = PaperPlan()
    programme = outline.programme
    if programme is None:
        return plan
    plan.problems.extend(handout_problems(programme))
    for unit in programme.units:
        plan.handouts.extend(handouts_for(unit, programme.activities_in_reading_order(unit)))
    generated = {handout.src_uri for handout in plan.handouts}
    owners: dict[str, str] = {}

    def add_pdf(src_uri: str, name, unit_id: str | None, display: str) -> None:
        if not isinstance(name, str) or not _PDF_NAME.match(name):
            plan.problems.append(
                Problem(display, 1, f"front matter 'pdf: {name}' must be a file name ending in .pdf, such as 'pdf: workbook.pdf'")
            )
            return
        if name in owners:
            plan.problems.append(Problem(display, 1, f"front matter 'pdf: {name}': {owners[name]} makes a PDF of that name already; choose another"))
            return
        owners[name] = display
        plan.pdfs.append(PdfPage(src_uri, name, unit_id))

    for page in outline.pages:
        unit = outline.unit_of(page.path)
        if page.path in generated:
            plan.problems.append(
                Problem(page.display, None, "this file is in the way of the handout made from the data at the same address; remove it")
            )
        if "pdf" in page.meta:
            add_pdf(page.path, page.meta["pdf"], unit.id if unit else None, page.display)
        whole_unit = page.meta.get("whole_unit")
        if whole_unit is not None and not isinstance(whole_unit, bool):
            plan.problems.append(Problem(page.display, 1, f"front matter 'whole_unit: {whole_unit}' must be true or false"))
        for flag in ("whole_unit", "pdf_list"):
            if page.meta.get(flag) is True and unit is None:
                plan.problems.append(
                    Problem(page.display, 1, f"front matter '{flag}: true' needs a unit, but this page is in no unit; give it one ('unit: <id>')")
                )
        if unit is None:
            continue
        if whole_unit is True:
            if any(whole.unit_id == unit.id for whole in plan.whole_units):
                plan.problems.append(
                    Problem(page.display, 1, f"unit '{unit.id}' already has a page with 'whole_unit: true'; keep one")
                )
                continue
            parts = tuple(
                part.path
                for part in outline.pages_of(unit)
                if part.path in outline.in_navigation and "whole_unit" not in part.meta
            )
            plan.whole_units.append(WholeUnit(unit.id, page.path, parts))
        if page.meta.get("pdf_list") is True:
            plan.pdf_lists[page.path] = unit.id
    for handout in plan.handouts:
        add_pdf(handout.src_uri, handout.pdf_name, handout.unit_id, f"{programme.unit(handout.unit_id).data_folder}/activities.yml")
    return plan
