"""Printable handouts: one per activity, and one per unit for its comparison tables and
for its self-check's worksheet.

The list of handouts comes from the data, so an activity added to
data/<unit>/activities.yml gets a handout page and a PDF with no new file: the
plugin turns each `Handout` into a page under the unit's handouts/ folder.

Each handout carries a QR code (made by segno, as inline SVG) and the short
address of its page online, both computed from the site's `site_url`.
"""

from __future__ import annotations

from dataclasses import dataclass

import segno
import yaml
from markupsafe import Markup, escape

from ..content.programme import Programme, Unit
from ..content.problems import Problem
from ..content.schemas import Activity
from ..publish.addresses import short_address
from ..render.activities import solo_shown
from ..render.environment import render
from ..render.figures import typology_figure_html
from ..render.problem_check import WORKSHEET_TITLE, framing_citation, problem_check_worksheet_html
from ..render.tables import citation, comparison_table_html, table_view

HANDOUTS_FOLDER = "handouts"
COMPARISONS_SLUG = "comparison-tables"
SELF_CHECK_SLUG = "self-check"
# The kinds of handout, each made from its own data files (for its "Last updated" date).
KIND_SOURCES = {
    "activity": ("activities.yml",),
    "comparisons": ("organisational_forms.yml", "problem_types.yml"),
    "self-check": ("self_check.yml", "problem_types.yml"),
}
# Handouts that are not an activity's take these ids: no activity may.
TAKEN_SLUGS = {COMPARISONS_SLUG: "the comparison tables handout", SELF_CHECK_SLUG: "the self-check's worksheet handout"}


@dataclass(frozen=True)
class Handout:
    unit_id: str
    unit_folder: str  # the folder of docs/ holding the unit's pages ("" is docs/ itself)
    slug: str
    title: str  # plain text: escaped wherever it is written out
    description: str
    activity_id: str | None = None  # None for the comparison tables and the self-check
    kind: str = "activity"  # "activity", "comparisons" or "self-check"

    @property
    def src_uri(self) -> str:
        """The generated page's path in docs/: handouts/flocking.md, unit-4/handouts/x.md."""
        return "/".join(part for part in (self.unit_folder, HANDOUTS_FOLDER, f"{self.slug}.md") if part)

    @property
    def sources(self) -> tuple[str, ...]:
        """The unit's data files the handout is made from: its "Last updated" date is the latest of theirs."""
        return KIND_SOURCES[self.kind]

    @property
    def pdf_name(self) -> str:
        """handout-<activity id>.pdf (activity ids are unique across the programme), or the unit's tables or worksheet."""
        if self.activity_id is None and self.unit_folder:
            return f"handout-{self.unit_folder.replace('/', '-')}-{self.slug}.pdf"
        return f"handout-{self.slug}.pdf"


def comparisons_title(unit: Unit) -> str | None:
    """"Markets, hierarchies and networks, and Grint's typology of problems": the comparisons' names, from the data."""
    parts = [comparison.name for comparison in (unit.organisational_forms, unit.problem_types) if comparison]
    return ", and ".join(parts) if parts else None


def comparisons_subject(unit: Unit) -> str:
    """"markets, hierarchies and networks, and Grint's typology of problems", from the data."""
    parts = []
    if unit.organisational_forms:
        parts.append(_and([_plural(form.name.lower()) for form in unit.organisational_forms.forms]))
    if unit.problem_types:
        parts.append(unit.problem_types.name)
    return ", and ".join(parts)


def _plural(word: str) -> str:
    return word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def handouts_for(unit: Unit, activities: list[Activity]) -> list[Handout]:
    """The unit's handouts: its activities (in reading order), then its comparison tables, if it has any."""
    found = [
        Handout(
            unit_id=unit.id,
            unit_folder=unit.pages,
            slug=activity.id,
            title=f"{activity.label}: {activity.title}",
            description=f"Printable handout: {activity.label}, {activity.title}, with space to write.",
            activity_id=activity.id,
        )
        for activity in activities
    ]
    title = comparisons_title(unit)
    if title:
        found.append(
            Handout(
                unit_id=unit.id,
                unit_folder=unit.pages,
                slug=COMPARISONS_SLUG,
                title=title,
                description=f"A printable handout comparing {comparisons_subject(unit)}.",
                kind="comparisons",
            )
        )
    if unit.self_check and unit.problem_types:
        found.append(
            Handout(
                unit_id=unit.id,
                unit_folder=unit.pages,
                slug=SELF_CHECK_SLUG,
                title=WORKSHEET_TITLE,
                description=f"A printable worksheet: the self-check on {unit.problem_types.name}, with its key.",
                kind="self-check",
            )
        )
    return found


def handout_problems(programme: Programme) -> list[Problem]:
    """An activity may not take the id of the comparison tables' handout or the self-check's."""
    return [
        Problem(
            f"{unit.data_folder}/activities.yml",
            None,
            f"activity '{activity.id}', field 'id': this id is taken by {TAKEN_SLUGS[activity.id]}; choose another id",
        )
        for unit in programme.units
        for activity in unit.activities.activities
        if activity.id in TAKEN_SLUGS
    ]


def qr_svg(url: str) -> Markup:
    """A QR code for `url` as inline SVG that scales with its box (segno's own markup)."""
    code = segno.make(url, error="m", micro=False)
    return Markup(code.svg_inline(scale=1, border=4, omitsize=True, svgclass="handout__qr-code", lineclass=None, title=f"QR code for {url}"))


def handout_html(
    handout: Handout,
    address: str,
    programme: Programme,
    glossary: dict[str, str],
    privacy_href: str | None,
    heading_level: int = 1,
) -> str:
    """The body of a handout page: its header with the QR code, then the activity or the tables.

    privacy_href: the link from the handout's page to the privacy notice, for the note under the answer boxes.
    heading_level: the activity's title is the page's h1 on its own page; lower inside another page (the facilitator's guide).
    """
    unit = programme.unit(handout.unit_id)
    context = dict(
        handout=handout,
        address=address,
        short=short_address(address),
        qr=qr_svg(address),
        programme=programme.title,
        unit_title=unit.heading,
    )
    if handout.kind == "self-check":
        return render(
            "handout_self_check.html",
            glossary=glossary,
            worksheet=Markup(problem_check_worksheet_html(unit, glossary, framing_citation(programme, unit), heading_level=heading_level)),
            **context,
        )
    if handout.activity_id is None:
        typology = unit.problem_types
        return render(
            "handout_comparisons.html",
            glossary=glossary,
            title=handout.title,
            forms_name=unit.organisational_forms.name if unit.organisational_forms else None,
            types_name=typology.name if typology else None,
            forms_table=Markup(comparison_table_html(table_view(programme, unit, "organisational-forms"), glossary))
            if unit.organisational_forms
            else None,
            figure=Markup(typology_figure_html(programme, typology, glossary)) if typology else None,
            types_table=Markup(comparison_table_html(table_view(programme, unit, "problem-types"), glossary)) if typology else None,
            **context,
        )
    activity = unit.activity(handout.activity_id)
    return render(
        "handout_activity.html",
        glossary=glossary,
        activity=activity,
        shown=solo_shown(activity),
        privacy_href=privacy_href,
        activity_heading_level=heading_level,
        **context,
    )


def handout_source(handout: Handout, body_html: str) -> str:
    """The Markdown source of a generated handout page: front matter, then the HTML.

    `render_macros: false` keeps mkdocs-macros from reading data text as Jinja;
    the title is HTML-escaped because MkDocs and Material write titles out as
    they are.
    """
    meta = {
        "title": str(escape(f"Handout – {handout.title}")),
        "description": handout.description,
        "pdf": handout.pdf_name,
        "unit": handout.unit_id,
        "whole_unit": False,
        "render_macros": False,
        "search": {"exclude": True},
    }
    front_matter = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front_matter}---\n\n{body_html}\n"
