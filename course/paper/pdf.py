"""Render built pages to tagged PDF with WeasyPrint, several at once.

Used by the plugin as each page to print is built, and by bench/pdf.py.
WeasyPrint is imported only here, and only when a PDF is wanted, so a build
that skips PDFs never needs it.

The PDFs are PDF/UA-1 (tagged, with the page's <title> as their title, its
<html lang> as their language, bookmarks from its headings, and the build's
date as their creation and modification dates), and are
made from the built site alone: WeasyPrint may read files inside the site
folder and nothing else, so a PDF can never fetch anything from another host.
Each page is rendered as if from its address online, so the PDF's links lead
to the site, never to the folder it was built in.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import datetime
import logging
import multiprocessing
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from .downloads import PdfFacts

PDF_VARIANT = "pdf/ua-1"

INSTALL_HELP = (
    "PDFs are made with WeasyPrint, which needs Pango: on Debian or Ubuntu, "
    "`apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation`, "
    "then `pip install -r requirements.txt`. "
    "To build the site without PDFs, say so: UNIT_PDF=skip mkdocs build (guides/authors.md: 'PDFs')."
)


class ToolchainMissing(RuntimeError):
    """WeasyPrint, or a system library it needs, cannot be loaded."""


def check_toolchain() -> str:
    """WeasyPrint's version, or ToolchainMissing saying what to install."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: Pango or another library is missing
        raise ToolchainMissing(f"cannot load WeasyPrint ({error}). {INSTALL_HELP}") from None
    return weasyprint.__version__


@dataclass
class SiteOnlyFetcher:
    """Lets WeasyPrint read the built site, and nothing else.

    Pages are rendered as if from their address online (`site_url`), so that
    links in the PDF lead to the site rather than to files on the machine
    that built it; every address under `site_url` is read from the site
    folder instead of the network. Files inside the site folder and data:
    URLs are allowed too. Whatever it refuses is kept in `refused`, so the
    caller can fail loudly rather than ship a PDF that silently lacks
    something.
    """

    site_dir: Path
    site_url: str = ""
    refused: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.site_url = self.site_url.rstrip("/") + "/" if self.site_url else ""

    def local_file(self, url: str) -> Path | None:
        """The file in the site folder that `url` stands for, or None if it is not the site's."""
        parts = urlsplit(url)
        root = self.site_dir.resolve()
        if self.site_url and url.startswith(self.site_url):
            relative = url2pathname(urlsplit(url[len(self.site_url) :]).path)
            path = (root / relative).resolve()
            if path.is_dir() or url.split("#")[0].split("?")[0].endswith("/"):
                path = path / "index.html"
        elif parts.scheme == "file" and parts.netloc in ("", "localhost"):
            path = Path(url2pathname(parts.path)).resolve()
        else:
            return None
        return path if root in path.parents else None

    def allows(self, url: str) -> bool:
        return urlsplit(url).scheme == "data" or self.local_file(url) is not None

    def weasyprint_fetcher(self):
        from weasyprint.urls import URLFetcher

        outer = self

        class Fetcher(URLFetcher):
            def fetch(self, url, headers=None):
                if urlsplit(url).scheme == "data":
                    return super().fetch(url, headers)
                path = outer.local_file(url)
                if path is None:
                    outer.refused.append(url)
                    raise ValueError(f"not part of the site: {url}")
                return super().fetch(path.as_uri(), headers)

        return Fetcher(allowed_protocols={"file", "data"})


@dataclass(frozen=True)
class Rendered:
    path: Path
    facts: PdfFacts
    seconds: float


class PdfError(RuntimeError):
    pass


def online_address(html_file: Path, site_dir: Path, site_url: str) -> str:
    """Where a built page lives online: site/print/index.html -> https://.../print/index.html."""
    return site_url.rstrip("/") + "/" + html_file.resolve().relative_to(site_dir.resolve()).as_posix()


def render_pdf(
    html_file: Path, pdf_file: Path, site_dir: Path, site_url: str, html: str | None = None, built: datetime.date | None = None
) -> Rendered:
    """Render one built page to a tagged PDF whose links lead to the site online.

    `html` is the page as built, when the caller has it before it is written to `html_file`.
    `built`, the build's date, is the PDF's creation and modification date (none without it):
    WeasyPrint writes no other date, and no random identifier, so a PDF is the same bytes
    whenever the same page is rendered on the same date.
    """
    check_toolchain()
    from weasyprint import HTML

    started = time.perf_counter()
    fetcher = SiteOnlyFetcher(site_dir, site_url)
    options = {"pdf_variant": PDF_VARIANT, "pdf_tags": True}
    with _weasyprint_errors() as errors:
        html = HTML(
            string=html if html is not None else html_file.read_text(encoding="utf-8"),
            base_url=online_address(html_file, site_dir, site_url),
            url_fetcher=fetcher.weasyprint_fetcher(),
            media_type="print",
        )
        document = html.render(**options)
        if built is not None:
            document.metadata.created = document.metadata.modified = built.isoformat()
        if fetcher.refused:
            raise PdfError(f"{html_file}: the PDF would need files from outside the site: {', '.join(fetcher.refused)}")
        pdf_file.parent.mkdir(parents=True, exist_ok=True)
        document.write_pdf(pdf_file, **options)
    if errors:
        pdf_file.unlink(missing_ok=True)
        raise PdfError(f"{html_file}: WeasyPrint reported: " + "; ".join(errors))
    facts = PdfFacts(pages=len(document.pages), size_bytes=pdf_file.stat().st_size)
    return Rendered(pdf_file, facts, time.perf_counter() - started)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def _weasyprint_errors():
    """Collect WeasyPrint's errors (a missing language, an image without alt text...).

    Its warnings, one for each CSS rule it does not support (Material's
    stylesheet has many), are expected and would bury the build's own
    messages, so they are not shown.
    """
    logger = logging.getLogger("weasyprint")
    handler = _Collect()
    previous = (logger.level, logger.propagate)
    logger.setLevel(logging.ERROR)
    logger.propagate = False
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous[0])
        logger.propagate = previous[1]


# --- Several at once ------------------------------------------------------------------


def _start_worker() -> None:
    """A worker gives way to the build: the pages come first, PDFs take the time left over."""
    if hasattr(os, "nice"):
        os.nice(10)


def _warm_up() -> None:
    """Load WeasyPrint in a worker before its first page arrives."""
    check_toolchain()


def _render_job(html_file: str, pdf_file: str, site_dir: str, site_url: str, html: str, built: datetime.date | None) -> Rendered:
    return render_pdf(Path(html_file), Path(pdf_file), Path(site_dir), site_url, html, built)


class PdfPool:
    """Renders PDFs in worker processes, so the build goes on while they are made.

    Workers are started as soon as the pool is made, so they are ready when
    the first page arrives; `submit` hands over a page as built; `results`
    waits for every PDF, in the order they were submitted.

    `fork` starts the workers as copies of the build, WeasyPrint already
    loaded: quick, and safe while the build has no threads of its own (a
    `mkdocs build`). Otherwise (`mkdocs serve` runs a server thread) they are
    spawned afresh and load WeasyPrint themselves.
    """

    def __init__(self, site_dir: Path, site_url: str, expected: int, fork: bool = False, built: datetime.date | None = None):
        self.site_dir = Path(site_dir)
        self.site_url = site_url
        self.built = built
        workers = max(1, min(os.cpu_count() or 1, expected))
        context = multiprocessing.get_context("fork" if fork and "fork" in multiprocessing.get_all_start_methods() else "spawn")
        self._executor = concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker)
        for _ in range(workers):
            self._executor.submit(_warm_up)
        self._jobs: list[tuple[str, concurrent.futures.Future]] = []

    def submit(self, pdf_name: str, html_file: Path, html: str, pdf_folder: str) -> None:
        pdf_file = self.site_dir / pdf_folder / pdf_name
        future = self._executor.submit(_render_job, str(html_file), str(pdf_file), str(self.site_dir), self.site_url, html, self.built)
        self._jobs.append((pdf_name, future))

    def results(self):
        """(pdf name, Rendered) for each PDF, in submission order; PdfError if one could not be made."""
        for name, future in self._jobs:
            yield name, future.result()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
