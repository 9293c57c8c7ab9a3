"""What every printed sheet and PDF shares: the running footer, the build
date, the "Download PDF" links and the list of PDFs on the Handouts page.

A PDF's page count and size are known only after the build has made it, so
links are written with an empty facts slot (`pdf_facts(name)`) that
hooks/pdf.py fills in once the PDFs exist (`pdf_facts(name, facts)`); both
come from the same template, so the slot is found exactly.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass

from markupsafe import Markup

from .rendering import render

PDF_DIR = "pdf"


@dataclass(frozen=True)
class PdfPage:
    """A page that is also made into a PDF."""

    title: Markup  # MkDocs page titles are HTML already
    page_url: str  # the page's URL, relative to the site root
    pdf_name: str

    @property
    def pdf_url(self) -> str:
        return f"{PDF_DIR}/{self.pdf_name}"


@dataclass(frozen=True)
class PdfFacts:
    pages: int
    size_bytes: int

    @property
    def size(self) -> str:
        kilobytes = self.size_bytes / 1024
        return f"{kilobytes / 1024:.1f} MB" if kilobytes >= 1024 else f"{max(1, round(kilobytes))} KB"


def build_date() -> datetime.date:
    """Today, or SOURCE_DATE_EPOCH's date when set (for reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc).date()
    return datetime.date.today()


def long_date(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def running_footer_css(unit_title: str, copyright_line: str, built: datetime.date) -> str:
    """The stylesheet giving every printed sheet its footer text (styled in print.css)."""
    return render(
        "print_footer.css",
        glossary={},
        left=f"{unit_title}\n{copyright_line}",
        right=f"\nSite built {long_date(built)}",
    )


def pdf_facts(pdf_name: str, facts: PdfFacts | None = None, skipped: bool = False) -> str:
    """The slot after a PDF link: empty until the PDF is made, then its pages and size."""
    return render("pdf_facts.html", glossary={}, pdf_name=pdf_name, facts=facts, skipped=skipped)


def download_link(pdf: PdfPage, relative_pdf_url: str) -> str:
    """The "Download PDF" bar at the top of a page that is also a PDF."""
    return render("pdf_download.html", pdf=pdf, href=relative_pdf_url, facts_slot=Markup(pdf_facts(pdf.pdf_name)))


def pdf_list(rows: list[tuple[PdfPage, str, str]]) -> str:
    """The table of every PDF: (pdf, relative page URL, relative PDF URL) per row."""
    return render(
        "pdf_list.html",
        rows=[(pdf, page_href, pdf_href, Markup(pdf_facts(pdf.pdf_name))) for pdf, page_href, pdf_href in rows],
    )
