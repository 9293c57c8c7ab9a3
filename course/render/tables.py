"""The unit's comparisons as accessible HTML tables.

Both comparisons (markets / hierarchies / networks, and Grint's typology) are
turned into the same `TableView`, so one template serves them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.programme import Programme, Unit
from .environment import render


@dataclass(frozen=True)
class TableRow:
    label: str
    cells: list[list[str]]  # one list of points per column


@dataclass(frozen=True)
class TableView:
    id: str
    caption: str
    corner: str
    columns: list[str]
    rows: list[TableRow]
    source: str | None = None


def citation(programme: Programme, reference_id: str | None) -> str | None:
    """'Keith Grint (2005), adapted' for a reference id, or None."""
    if reference_id is None:
        return None
    reference = programme.reference(reference_id)
    adapted = ", adapted" if reference.adapted else ""
    return f"{reference.author} ({reference.year or 'n.d.'}){adapted}"


def organisational_forms_table(programme: Programme, unit: Unit) -> TableView:
    data = unit.require("organisational_forms")
    # The slides' structure: what each form is likened to, when it is good, then its points as given.
    aspects = [
        ("Likened to", lambda f: [f.metaphor]),
        ("Good for", lambda f: [f.good_for]),
        ("What the slides say about it", lambda f: f.points),
    ]
    return TableView(
        id="organisational-forms",
        caption=data.caption,
        corner="Aspect",
        columns=[form.name for form in data.forms],
        rows=[TableRow(label, [list(points(form)) for form in data.forms]) for label, points in aspects],
        source=citation(programme, data.source),
    )


def problem_types_table(programme: Programme, unit: Unit) -> TableView:
    data = unit.require("problem_types")
    aspects = [
        ("What the problem is like", lambda t: [t.description]),
        ("Leadership response", lambda t: [t.response]),
        ("Approach", lambda t: [t.approach]),
    ]
    return TableView(
        id="problem-types",
        caption=data.caption,
        corner="Problem type",
        columns=[problem.name for problem in data.types],
        rows=[TableRow(label, [list(points(t)) for t in data.types]) for label, points in aspects],
        source=citation(programme, data.source),
    )


# Each table by the id pages ask for, and the data file (of the page's unit) it is drawn from.
TABLES = {
    "organisational-forms": (organisational_forms_table, "organisational_forms"),
    "problem-types": (problem_types_table, "problem_types"),
}


def table_view(programme: Programme, unit: Unit, table_id: str) -> TableView:
    if table_id not in TABLES:
        known = ", ".join(repr(name) for name in TABLES)
        raise KeyError(f"comparison_table: no table {table_id!r}; known tables: {known}")
    return TABLES[table_id][0](programme, unit)


def comparison_table_html(view: TableView, glossary: dict[str, str]) -> str:
    return render("comparison_table.html", glossary=glossary, table=view)
