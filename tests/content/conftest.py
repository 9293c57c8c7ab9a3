"""Unit 3 built once per run (`unit_3_site`, tests/conftest.py), served, printed and listed.

Pages are named by their address in the site ("index", "pcn-ethos",
"handouts/flocking": tests/built_pages.py). The pages to check are the ones
the engine plans for Unit 3 (`unit_3_page_names`), so a page an author adds is
checked with no change to the tests.
"""

from __future__ import annotations

import importlib.util
import logging

import pytest
from weasyprint import CSS, HTML

from built_pages import address, page_file
from course.paper.pdf import SiteOnlyFetcher
from engine import PROJECT_DIR
from paper_inspection import sheets

# Where Unit 3 is published (mkdocs.yml's site_url when SITE_URL is not set): PDFs link there.
UNIT_3_URL = "https://pcn-leadership.github.io/unit-3/"
LETTER = CSS(string="@page { size: letter }")


@pytest.fixture(scope="session")
def unit_3_url(unit_3_site):
    """Unit 3 served as GitHub Pages serves it: under its path (/unit-3/), gzip, its own 404 page."""
    spec = importlib.util.spec_from_file_location("pages_server", PROJECT_DIR / "scripts" / "pages_server.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with module.serving(unit_3_site, "/unit-3/") as url:
        yield url


@pytest.fixture(scope="session")
def printed(browser, unit_3_url):
    """Chromium's print of a page, as a reader gets it from the browser's Print, made once a run:
    printed(name, paper="A4", scheme="light") is (the PDF's bytes, its sheets: tests/paper_inspection.py)."""
    contexts, made = {}, {}

    def print_page(name: str, paper: str = "A4", scheme: str = "light"):
        if (name, paper, scheme) not in made:
            if scheme not in contexts:
                contexts[scheme] = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
            page = contexts[scheme].new_page()
            try:
                page.goto(address(unit_3_url, name))
                page.wait_for_load_state("networkidle")
                pdf = page.pdf(format=paper)
            finally:
                page.close()
            made[name, paper, scheme] = (pdf, sheets(pdf, f"{name} (Chromium, {paper}, {scheme})"))
        return made[name, paper, scheme]

    yield print_page
    for context in contexts.values():
        context.close()


@pytest.fixture(scope="session")
def on_letter(unit_3_site):
    """The PDF the build makes of a page, made again on US Letter, once a run: on_letter(name) is its bytes."""
    made = {}

    def make(name: str) -> bytes:
        if name not in made:
            logging.getLogger("weasyprint").setLevel(logging.ERROR)
            html = HTML(
                string=page_file(unit_3_site, name).read_text(encoding="utf-8"),
                base_url=f"{address(UNIT_3_URL, name)}index.html",
                url_fetcher=SiteOnlyFetcher(unit_3_site, UNIT_3_URL).weasyprint_fetcher(),
                media_type="print",
            )
            made[name] = html.write_pdf(stylesheets=[LETTER], pdf_variant="pdf/ua-1", pdf_tags=True)
        return made[name]

    return make

