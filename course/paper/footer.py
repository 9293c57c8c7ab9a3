"""The running footer every printed sheet carries: unit, copyright, page N of M, build date.

Its text is a generated stylesheet (stylesheets/print-footer.css) so that it
is written once, from mkdocs.yml, and drawn by CSS `@page` margin boxes in
Chromium's print and in WeasyPrint alike; its look is in print.css.
"""

from __future__ import annotations

import datetime
import os

from ..render.environment import long_date, render

FOOTER_STYLESHEET = "stylesheets/print-footer.css"


def build_date() -> datetime.date:
    """Today, or SOURCE_DATE_EPOCH's date when set (for reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc).date()
    return datetime.date.today()


def running_footer_css(unit_title: str, copyright_line: str, built: datetime.date) -> str:
    """The stylesheet giving every printed sheet its footer text (styled in print.css)."""
    return render(
        "print_footer.css",
        glossary={},
        left=f"{unit_title}\n{copyright_line}",
        right=f"\nSite built {long_date(built)}",
    )
