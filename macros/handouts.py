"""Printable handouts: one per activity, and one for the comparison tables.

The list of handouts comes from the data, so an activity added to
data/<unit>/activities.yml gets a handout page and a PDF with no new file:
hooks/print_pages.py turns each `Handout` into a page under handouts/.

Each handout carries a QR code (made by segno, as inline SVG) and the short
address of its page online, both computed from the site's `site_url`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import segno
import yaml
from markupsafe import Markup, escape

from .figures import typology_figure
from .loading import DATA_DIR, load_programme
from .rendering import render
from .tables import comparison_table

HANDOUTS_DIR = "handouts"
COMPARISONS_SLUG = "comparison-tables"
COMPARISONS_TITLE = "Markets, hierarchies and networks, and Grint's typology"


@dataclass(frozen=True)
class Handout:
    slug: str
    title: str  # plain text: escaped wherever it is written out
    description: str
    activity_id: str | None = None  # None for the comparison tables

    @property
    def src_uri(self) -> str:
        return f"{HANDOUTS_DIR}/{self.slug}.md"

    @property
    def pdf_name(self) -> str:
        return f"handout-{self.slug}.pdf"


def handouts(data_dir: Path = DATA_DIR) -> list[Handout]:
    """Every handout, activities first in data order, then the comparison tables."""
    programme = load_programme(data_dir)
    found = [
        Handout(
            slug=activity.id,
            title=f"{activity.label}: {activity.title}",
            description=f"Printable handout: {activity.label}, {activity.title}, with space to write.",
            activity_id=activity.id,
        )
        for activity in programme.activities
    ]
    for unit in programme.units:
        if any(activity.id == COMPARISONS_SLUG for activity in unit.activities.activities):
            raise ValueError(
                f"{unit.folder}/activities.yml: activity '{COMPARISONS_SLUG}', field 'id': this id is taken by the "
                "comparison tables handout; choose another id"
            )
    found.append(
        Handout(
            slug=COMPARISONS_SLUG,
            title=COMPARISONS_TITLE,
            description="A printable handout comparing markets, hierarchies and networks, and Grint's critical, tame and wicked problems.",
        )
    )
    return found


def short_address(url: str) -> str:
    """The address as a person would type it: no scheme, no 'www.'."""
    return url.split("://", 1)[-1].removeprefix("www.")


def qr_svg(url: str) -> Markup:
    """A QR code for `url` as inline SVG that scales with its box (segno's own markup)."""
    code = segno.make(url, error="m", micro=False)
    return Markup(code.svg_inline(scale=1, border=4, omitsize=True, svgclass="handout__qr-code", lineclass=None, title=f"QR code for {url}"))


def handout_html(handout: Handout, address: str, programme: str, unit_title: str, data_dir: Path = DATA_DIR) -> str:
    """The body of a handout page: its header with the QR code, then the activity or the tables."""
    context = dict(
        handout=handout,
        address=address,
        short=short_address(address),
        qr=qr_svg(address),
        programme=programme,
        unit_title=unit_title,
    )
    if handout.activity_id is None:
        return render(
            "handout_comparisons.html",
            title=COMPARISONS_TITLE,
            forms_table=Markup(comparison_table("organisational-forms", data_dir=data_dir)),
            figure=Markup(typology_figure(data_dir=data_dir)),
            types_table=Markup(comparison_table("problem-types", data_dir=data_dir)),
            **context,
        )
    return render("handout_activity.html", activity=load_programme(data_dir).activity(handout.activity_id), **context)


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
        "render_macros": False,
        "search": {"exclude": True},
    }
    front_matter = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front_matter}---\n\n{body_html}\n"
