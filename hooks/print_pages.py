"""MkDocs hook: the pages made for paper.

- on_files: a handout page for every activity in the data and one for the
  comparison tables (no file in docs/ needed), and the stylesheet holding the
  running footer's text (unit title, copyright line, build date).
- on_env (every page's HTML is ready by then): the whole unit appended to the
  page whose front matter says `whole_unit: true`; the list of PDFs appended
  to the page that says `pdf_list: true`; a "Download PDF" bar at the top of
  every page whose front matter names a `pdf:`.

hooks/pdf.py then renders those pages to PDF after the build.
"""

from __future__ import annotations

import sys
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation

FOOTER_STYLESHEET = "stylesheets/print-footer.css"

_nav: Navigation | None = None


def _macros():
    """The project's macros package, importable whatever the working directory."""
    project_dir = str(Path(__file__).resolve().parent.parent)
    if project_dir not in sys.path:
        sys.path.insert(0, project_dir)
    import macros.handouts
    import macros.printing
    import macros.whole_unit

    return macros


def on_files(files: Files, config) -> Files:
    macros = _macros()
    programme = config.extra.get("programme", "")
    try:
        handouts = macros.handouts.handouts()
    except ValueError as error:
        raise PluginError(str(error)) from None
    for handout in handouts:
        if files.get_file_from_path(handout.src_uri) is not None:
            raise PluginError(
                f"docs/{handout.src_uri} is in the way of the handout generated from the data; "
                "remove the file (handout pages are made by hooks/print_pages.py)"
            )
        file = File.generated(config, handout.src_uri, content="")
        address = _absolute(config.site_url, online_path(handout.src_uri))
        body = macros.handouts.handout_html(handout, address, programme, config.site_name)
        file.content_string = macros.handouts.handout_source(handout, body)
        files.append(file)
    footer = macros.printing.running_footer_css(config.site_name, config.copyright or "", macros.printing.build_date())
    files.append(File.generated(config, FOOTER_STYLESHEET, content=footer))
    return files


def on_nav(nav: Navigation, config, files: Files) -> Navigation:
    global _nav
    _nav = nav
    return nav


def on_env(env, config, files: Files):
    macros = _macros()
    pages = [file.page for file in files.documentation_pages() if file.page is not None]
    pdfs = _pdf_pages(pages, macros)
    # Joined from the pages as MkDocs rendered them, before this hook adds anything.
    whole_unit = macros.whole_unit.combine
    unit_pages = _unit_pages(macros)
    for page in pages:
        if page.meta.get("whole_unit") is True:
            page.content += whole_unit(unit_pages, page.url)
        if page.meta.get("pdf_list") is True:
            rows = [(pdf, _relative(pdf.page_url, page.url, macros), _relative(pdf.pdf_url, page.url, macros)) for pdf in pdfs.values()]
            page.content += macros.printing.pdf_list(rows)
        if pdf := pdfs.get(page.file.src_uri):
            link = macros.printing.download_link(pdf, _relative(pdf.pdf_url, page.url, macros))
            page.content = link + "\n" + page.content
    return env


def _pdf_pages(pages, macros) -> dict:
    """Every page that is also a PDF, keyed by source path: navigation order first, then the rest."""
    in_nav = [page for page in (_nav.pages if _nav else []) if page.meta.get("pdf")]
    nav_uris = {page.file.src_uri for page in in_nav}
    ordered = in_nav + [page for page in pages if page.meta.get("pdf") and page.file.src_uri not in nav_uris]
    names = [page.meta["pdf"] for page in ordered]
    for page, name in zip(ordered, names):
        if names.count(name) > 1 or not str(name).endswith(".pdf") or "/" in str(name):
            raise PluginError(
                f"docs/{page.file.src_uri}: front matter 'pdf: {name}' must be a file name ending in .pdf, "
                "and no other page may use it"
            )
    return {page.file.src_uri: macros.printing.PdfPage(Markup(page.title), page.url, page.meta["pdf"]) for page in ordered}


def _unit_pages(macros) -> list:
    """The unit's pages in navigation order, less the print pages themselves."""
    unit = []
    for page in _nav.pages if _nav else []:
        if page.meta.get("whole_unit") in (True, False):
            continue  # `true`: the print page itself; `false`: a page about printing
        unit.append(
            macros.whole_unit.UnitPage(
                slug=macros.whole_unit.page_slug(page.file.src_uri),
                title=Markup(page.title),
                url=page.url,
                html=page.content,
            )
        )
    return unit


def online_path(src_uri: str) -> str:
    """A page's path on the published site, which uses directory URLs.

    The offline copy is built with file URLs (handouts/flocking.html), but a
    handout's QR code and address must lead to the page online
    (handouts/flocking/) whichever build printed it.
    """
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def _absolute(site_url: str | None, url: str) -> str:
    if not site_url:
        raise PluginError("mkdocs.yml: 'site_url' is not set; handouts need it for their QR codes and addresses")
    return site_url.rstrip("/") + "/" + url


def _relative(target: str, from_url: str, macros) -> str:
    return macros.whole_unit.relative_url(target, from_url)
