"""The links to PDFs on the pages: a "Download PDF" bar on each page that is
also a PDF, and the table of every PDF on the Handouts page.

A PDF's page count and size are known only after the build has made it, so
links are written with an empty facts slot (`pdf_facts(name)`) that the
plugin fills in once the PDFs exist, from the same template.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..publish.addresses import relative_url
from ..render.environment import render

PDF_FOLDER = "pdf"


@dataclass(frozen=True)
class PdfFacts:
    pages: int
    size_bytes: int

    @property
    def size(self) -> str:
        kilobytes = self.size_bytes / 1024
        return f"{kilobytes / 1024:.1f} MB" if kilobytes >= 1024 else f"{max(1, round(kilobytes))} KB"


@dataclass(frozen=True)
class PdfLink:
    """One row of the PDF list: the page to print, and its PDF, with addresses relative to the listing page."""

    title: Markup  # MkDocs page titles are HTML already
    page_href: str
    pdf_href: str
    pdf_name: str


def pdf_facts(pdf_name: str, facts: PdfFacts | None = None, skipped: bool = False) -> str:
    """The slot after a PDF link: empty until the PDF is made, then its pages and size."""
    return render("pdf_facts.html", glossary={}, pdf_name=pdf_name, facts=facts, skipped=skipped)


@dataclass(frozen=True)
class BackLink:
    title: str
    href: str


def download_link(pdf_name: str, href: str, back: BackLink | None = None) -> str:
    """The "Download PDF" bar at the top of a page that is also a PDF; `back` leads a handout to every handout."""
    return render("pdf_download.html", glossary={}, href=href, back=back, facts_slot=Markup(pdf_facts(pdf_name)))


def pdf_list(links: list[PdfLink]) -> str:
    """The table of every PDF of a unit."""
    return render("pdf_list.html", glossary={}, rows=[(link, Markup(pdf_facts(link.pdf_name))) for link in links])


def pdf_links(plan, unit_id: str, listing, pages: dict) -> list[PdfLink]:
    """The rows of the unit's PDF list on the page `listing` (MkDocs' Page); `pages` are MkDocs' pages by src_uri."""
    links = []
    for pdf in plan.pdfs_of_unit(unit_id):
        page = pages[pdf.src_uri]
        links.append(
            PdfLink(
                title=Markup(page.title),
                page_href=relative_url(page.url, listing.url),
                pdf_href=relative_url(f"{PDF_FOLDER}/{pdf.pdf_name}", listing.url),
                pdf_name=pdf.pdf_name,
            )
        )
    return links


def back_to_handouts(plan, src_uri: str, page, pages: dict) -> BackLink | None:
    """For a handout's page (MkDocs' Page): the link back to the page listing its unit's handouts."""
    handout = plan.handout_of(src_uri)
    listing = plan.pdf_list_of(handout.unit_id) if handout else None
    if listing is None:
        return None
    return BackLink("All handouts", relative_url(pages[listing].url, page.url))
