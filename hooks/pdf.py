"""MkDocs hook: make the PDFs from the built pages, after every build.

Every page whose front matter names a `pdf:` (the whole unit, the workbook,
each handout) is rendered by WeasyPrint to site/pdf/<name>, tagged PDF/UA-1.
Then the "(N pages, size)" slot beside each link to a PDF is filled in.

PDFs are made unless the author asks otherwise: `extra.pdfs` in mkdocs.yml
comes from the UNIT_PDF environment variable, and only `skip` leaves them
out (`make serve` does, to keep the preview fast). When PDFs are wanted and
WeasyPrint or its libraries are missing, the build stops in on_config,
before anything is written, saying what to install.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

BUILD, SKIP = "build", "skip"

log = logging.getLogger("mkdocs.hooks.pdf")

_mode = BUILD
_pdf_pages: list[tuple[Path, str]] = []  # (built HTML file, PDF name)
_pages_with_links: list[Path] = []


def _macros():
    project_dir = str(Path(__file__).resolve().parent.parent)
    if project_dir not in sys.path:
        sys.path.insert(0, project_dir)
    import macros.pdf
    import macros.printing

    return macros


def on_config(config):
    global _mode
    _pdf_pages.clear()
    _pages_with_links.clear()
    _mode = str(config.extra.get("pdfs", BUILD)).strip().lower()
    if _mode not in (BUILD, SKIP):
        raise PluginError(f"UNIT_PDF (extra.pdfs in mkdocs.yml) is '{_mode}'; use '{BUILD}' (the default) or '{SKIP}'")
    if _mode == BUILD:
        macros = _macros()
        try:
            macros.pdf.check_toolchain()
        except macros.pdf.ToolchainMissing as error:
            raise PluginError(f"This build makes PDFs, but {error}") from None
    return config


def on_post_page(output: str, page, config) -> str:
    destination = Path(config.site_dir) / page.file.dest_uri
    if page.meta.get("pdf"):
        _pdf_pages.append((destination, str(page.meta["pdf"])))
    if "data-pdf-facts=" in output:
        _pages_with_links.append(destination)
    return output


def on_post_build(config) -> None:
    macros = _macros()
    site_dir = Path(config.site_dir)
    facts = {}
    if _mode == SKIP:
        log.info("PDFs not made: UNIT_PDF=skip")
    else:
        for html_file, name in _pdf_pages:
            try:
                rendered = macros.pdf.render_pdf(html_file, site_dir / macros.printing.PDF_DIR / name, site_dir, config.site_url)
            except macros.pdf.PdfError as error:
                raise PluginError(str(error)) from None
            facts[name] = rendered.facts
            pages = f"{rendered.facts.pages} page{'s' if rendered.facts.pages != 1 else ''}"
            log.info(f"PDF {macros.printing.PDF_DIR}/{name}: {pages}, {rendered.facts.size}, {rendered.seconds:.1f} s")
    for html_file in _pages_with_links:
        html = html_file.read_text(encoding="utf-8")
        for _, name in _pdf_pages:
            filled = macros.printing.pdf_facts(name, facts.get(name), skipped=_mode == SKIP)
            html = html.replace(macros.printing.pdf_facts(name), filled)
        html_file.write_text(html, encoding="utf-8")
