"""The offline copy: the built site, re-addressed to be read from a folder, zipped into the site.

It is made from the main build's own files, not by building again: every page
moves from NAME/index.html to NAME.html (links to folders do not open
index.html from file://), so every relative address in it is re-based; the
search index gets the same addresses and a script form
(search/search_index.js), which Material's search loads from file://; and the
PDFs are the main build's, byte for byte.

What differs between the copies is marked in the templates, not decided here:

- `<template data-offline-copy="only">...</template>` holds markup only the
  copy uses (the iframe-worker shim that lets search run from file://); inert
  online, unwrapped here.
- `<div data-offline-copy="leave-out">...</div>` holds what only the site
  online can offer (the link to this very zip); removed here, with its
  entries in the search index.
- The Content-Security-Policy is the page's, less nothing and plus one hash.
  Inline code the page's policy did not allow is taken out (it could never
  run); the theme's scripts that the copy re-addresses are hashed again; and
  the inline script iframe-worker writes into its frame to run search from
  file:// is allowed by its hash, made here from the vendored shim and the
  page's address of the search worker. No inline script runs in the copy that
  would not run online.
"""

from __future__ import annotations

import concurrent.futures
import json
import multiprocessing
import os
import posixpath
import re
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils import get_relative_url

from ..publish.csp import rehash, without_disallowed_code

# Source maps only help someone debugging the theme in developer tools.
LEFT_OUT = ("*.map",)
# Zip entries get this date (the earliest a zip can hold) unless SOURCE_DATE_EPOCH
# says otherwise, so that building twice gives the same bytes.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)

_ONLY_IN_COPY = re.compile(r'<template data-offline-copy="only">(.*?)</template>', re.DOTALL)
_LEAVE_OUT_START = re.compile(r'<div\b[^>]*\bdata-offline-copy="leave-out"[^>]*>')
_ID = re.compile(r'\sid="([^"]+)"')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
_CONFIG_URL = re.compile(r'("(?:base|search)": ")([^"]*)(")')
_SCOPE = re.compile(r'(__md_scope=new URL\(")([^"]*)(",location\))')
# The vendored shim (main.html loads it in the copy), as a path in the site.
IFRAME_WORKER_SHIM = "javascripts/vendor/iframe-worker-shim.js"
# The document the shim writes into its frame: an inline script, a template literal with ${...} in it.
_FRAME_SCRIPT = re.compile(r"document\.write\(`<html><body><script>(.*?)<\\/script>", re.DOTALL)
_TEMPLATE_PLACEHOLDER = re.compile(r"\$\{(\w+)\}")


@dataclass(frozen=True)
class PageAddress:
    """Where a page is in the site online, and in the offline copy."""

    online_file: str  # "pcn-ethos/index.html"
    online_url: str  # "pcn-ethos/" ("" for the home page)
    offline_file: str  # "pcn-ethos.html"


class Readdress:
    """Re-bases every relative address of the site's pages for the copy's layout."""

    def __init__(self, pages: list[PageAddress], shim: str = ""):
        # MkDocs gives the home page the address "./"; every key here is a site path without a final "/".
        self.by_url = {_site_path(page.online_url): page for page in pages}
        self.shim = shim  # iframe-worker's shim, whose frame script each page's policy allows

    def target(self, site_path: str) -> str:
        """A site path ("pcn-ethos", "pdf/x.pdf") as the copy addresses it."""
        key = _site_path(site_path)
        key = key.removesuffix("/index.html") if key.endswith("/index.html") else ("" if key == "index.html" else key)
        page = self.by_url.get(key)
        return page.offline_file if page else site_path

    def url(self, url: str, page: PageAddress) -> str:
        """One address written on `page`, as the same page in the copy must write it."""
        if not url or url[0] in "#/" or _SCHEME.match(url):
            return url  # this page, an absolute path (the 404 page's), or another host, mailto: and the like
        path, hash_mark, fragment = url.partition("#")
        path, question_mark, query = path.partition("?")
        if not path:
            return url
        target = self.target(_site_path(posixpath.join(page.online_url, path)))
        if target == ".." or target.startswith("../"):
            return url  # outside the site: leave it as it is
        new = get_relative_url(target, page.offline_file)
        return new + question_mark + query + hash_mark + fragment

    def base(self, page: PageAddress) -> str:
        """The site's root, relative to the page in the copy ("." or "..")."""
        return get_relative_url("", page.offline_file)

    def page_html(self, html: str, page: PageAddress) -> tuple[str, set[str]]:
        """The page as the copy has it, and the ids of what was left out (for the search index)."""
        left_out_ids: set[str] = set()
        html = without_disallowed_code(html)  # decided on the page as built, before anything moves
        if "data-offline-copy" in html:
            html = _ONLY_IN_COPY.sub(lambda match: match[1], html)
            html, left_out_ids = _leave_out(html)
        html = _URL_ATTRIBUTE.sub(lambda match: match[1] + self.url(match[2], page) + match[3], html)

        def config(match: re.Match) -> str:
            def value(url: re.Match) -> str:
                new = self.base(page) if url[1].startswith('"base"') else self.url(url[2], page)
                return url[1] + new + url[3]

            return match[1] + _CONFIG_URL.sub(value, match[2]) + match[3]

        html = _CONFIG.sub(config, html, count=1)
        # Material's inline script that scopes what it keeps in localStorage (the colour scheme) to the site.
        html = _SCOPE.sub(lambda match: match[1] + self.base(page) + match[3], html, count=1)
        worker = _search_worker(html)
        frame = (iframe_worker_script(self.shim, worker),) if self.shim and worker else ()
        return rehash(html, frame), left_out_ids

    def search_index(self, index_json: str, left_out: set[str]) -> str:
        """The search index with the copy's addresses, less the entries of left-out sections."""
        index = json.loads(index_json)
        docs = []
        for doc in index["docs"]:
            path, _, fragment = doc["location"].partition("#")
            if fragment and f"{_site_path(path)}#{fragment}" in left_out:
                continue
            doc["location"] = self.target(path) + (f"#{fragment}" if fragment else "")
            docs.append(doc)
        index["docs"] = docs
        return json.dumps(index, sort_keys=False, separators=(",", ":"), default=str)


def _search_worker(html: str) -> str | None:
    """The address of the search worker that Material passes to `new Worker()` on this page (its __config's "search")."""
    config = _CONFIG.search(html)
    if not config:
        return None
    try:
        return json.loads(config[2]).get("search")
    except ValueError:
        return None


def iframe_worker_script(shim: str, worker_url: str) -> str:
    """The inline script iframe-worker writes into its frame to run the worker at `worker_url`, as the browser hashes it.

    In the shim it is a template literal: each ${name} that is a function of the
    shim becomes that function's source text (what Function.prototype.toString
    gives), the other one the worker's address as given to `new Worker()`.
    """
    template = _FRAME_SCRIPT.search(shim)
    if not template:
        raise ValueError("the iframe-worker shim writes no frame script this code knows; see scripts/vendor-iframe-worker")
    names = set(_TEMPLATE_PLACEHOLDER.findall(template[1]))
    functions = {name: _function_source(shim, name) for name in names}
    addresses = [name for name, source in functions.items() if source is None]
    if len(addresses) != 1:
        raise ValueError(f"the iframe-worker shim's frame script has {len(addresses)} values that are not functions; expected 1")
    return _TEMPLATE_PLACEHOLDER.sub(lambda match: functions[match[1]] or worker_url, template[1])


def _function_source(script: str, name: str) -> str | None:
    """The source text of `function name(...){...}` in a script, braces matched outside strings; None if there is none."""
    start = script.find(f"function {name}(")
    if start < 0:
        return None
    depth, quote, position = 0, None, script.index("{", start)
    for position in range(position, len(script)):
        character = script[position]
        if quote:
            if character == "\\":
                continue
            if character == quote and script[position - 1] != "\\":
                quote = None
        elif character in "\"'`":
            quote = character
        elif character == "{":
            depth += 1
        elif character == "}":
            depth -= 1
            if depth == 0:
                return script[start : position + 1]
    return None


def _site_path(path: str) -> str:
    """A path from the site's root, normalised: "pcn-ethos", "pdf/x.pdf", "" for the root."""
    normal = posixpath.normpath(path) if path else "."
    return "" if normal == "." else normal.rstrip("/")


def _leave_out(html: str) -> tuple[str, set[str]]:
    """Remove every <div data-offline-copy="leave-out"> with what it holds, and the
    table-of-contents entries that lead into it; the ids it held."""
    ids: set[str] = set()
    while (start := _LEAVE_OUT_START.search(html)) is not None:
        end = _element_end(html, start.start(), "div")
        ids.update(_ID.findall(html[start.start() : end]))
        html = html[: start.start()] + html[end:]
    for identifier in ids:
        entry = re.compile(rf'<li class="md-nav__item">\s*<a href="#{re.escape(identifier)}"')
        while (start := entry.search(html)) is not None:
            html = html[: start.start()] + html[_element_end(html, start.start(), "li") :]
    return html, ids


def _element_end(html: str, start: int, tag: str) -> int:
    """Where the element that opens at `start` closes, counting nested elements of the same tag."""
    depth = 0
    for match in re.finditer(rf"<(/?){tag}\b[^>]*>", html[start:], re.IGNORECASE):
        depth += -1 if match[1] else 1
        if depth == 0:
            return start + match.end()
    return len(html)


def zip_date() -> tuple[int, ...]:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return ZIP_EPOCH
    return max(ZIP_EPOCH, tuple(time.gmtime(int(epoch))[:6]))


def _entry(archive: zipfile.ZipFile, name: str, data: bytes, date: tuple[int, ...]) -> None:
    entry = zipfile.ZipInfo(name, date_time=date)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    archive.writestr(entry, data, compresslevel=6)


def copy_contents(
    site_dir: Path,
    pages: list[PageAddress],
    leave_out: tuple[str, ...] = (),
    copied_pages: dict[str, tuple[str, set[str]]] | None = None,
) -> dict[str, bytes]:
    """Every file of the site in `site_dir`, re-addressed for reading from a folder: {path: bytes}.

    Paths under `leave_out` (the zips' own folder) and source maps are not
    copied. `copied_pages` holds pages already re-addressed (by OfflineCopy,
    while the site was built), by their file in the site; the others are read
    and re-addressed here. The SCORM package (course/scorm/) is these files too.
    """
    shim = site_dir / IFRAME_WORKER_SHIM
    readdress = Readdress(pages, shim.read_text(encoding="utf-8") if shim.is_file() else "")
    by_file = {page.online_file: page for page in pages}
    copied_pages = copied_pages or {}
    files = sorted(
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*")
        if path.is_file() and not any(path.match(pattern) for pattern in LEFT_OUT)
    )
    files = [name for name in files if not name.startswith(leave_out)]
    contents: dict[str, bytes] = {}
    left_out_ids: set[str] = set()
    for name in files:
        page = by_file.get(name)
        if page is not None:
            html, ids = copied_pages.get(name) or readdress.page_html((site_dir / name).read_text(encoding="utf-8"), page)
            left_out_ids.update(f"{_site_path(page.online_url)}#{identifier}" for identifier in ids)
            contents[page.offline_file] = html.encode("utf-8")
        elif name != "search/search_index.json":
            contents[name] = (site_dir / name).read_bytes()
    index_file = site_dir / "search" / "search_index.json"
    if index_file.is_file():
        index = readdress.search_index(index_file.read_text(encoding="utf-8"), left_out_ids)
        contents["search/search_index.json"] = index.encode("utf-8")
        contents["search/search_index.js"] = f"var __index = {index}".encode("utf-8")
    return contents


def write_archive(contents: dict[str, bytes], target: Path, folder: str | None) -> int:
    """Zip `contents` ({path: bytes}) into `target`, inside one top-level `folder` (None: at the zip's root).

    Entries are sorted and carry a fixed date and permissions, so the same
    files always give the same zip. Returns the number of files.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    date = zip_date()
    prefix = f"{folder}/" if folder else ""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name in sorted(contents):
            _entry(archive, f"{prefix}{name}", contents[name], date)
    return len(contents)


def write_offline_copy(
    site_dir: Path,
    pages: list[PageAddress],
    target: Path,
    folder: str,
    leave_out: tuple[str, ...] = (),
    copied_pages: dict[str, tuple[str, set[str]]] | None = None,
) -> int:
    """Zip the site in `site_dir`, re-addressed for reading from a folder, into `target`, inside one
    top-level `folder` (copy_contents says which files). Returns the number of files."""
    return write_archive(copy_contents(site_dir, pages, leave_out, copied_pages), target, folder)


def write_zip(source: Path, target: Path, folder: str) -> int:
    """Zip every file under `source` as it is (source maps left out), inside one top-level folder."""
    return write_offline_copy(source, [], target, folder)


# --- Made while the site is built ---------------------------------------------------------

# A worker's one Readdress, set when it starts (each worker process holds its own).
_worker_readdress: Readdress | None = None


def _start_worker(pages: list[PageAddress], shim: str) -> None:
    global _worker_readdress
    _worker_readdress = Readdress(pages, shim)
    if hasattr(os, "nice"):
        os.nice(10)  # the pages being built come first


def _copy_page(page: PageAddress, html: str) -> tuple[str, set[str]]:
    return _worker_readdress.page_html(html, page)


class OfflineCopy:
    """The offline copy's pages, re-addressed in a worker process as the build makes them.

    `add` hands over each page as built (the build goes on); `write` waits for
    them and zips the copy, `fill` applied to each page first (the PDFs' page
    counts and sizes, known only at the end).
    """

    def __init__(self, pages: list[PageAddress], shim: str = ""):
        self.pages = pages
        self._by_file = {page.online_file: page for page in pages}
        # Spawned: by now the build runs the PDF workers' manager thread, and forking a process
        # with threads can copy a lock that is held. Starting afresh costs a fraction of a second.
        self._executor = concurrent.futures.ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker, initargs=(pages, shim)
        )
        self._jobs: dict[str, concurrent.futures.Future] = {}

    def add(self, online_file: str, html: str) -> None:
        """The page built to `online_file` (pcn-ethos/index.html), as built."""
        self._jobs[online_file] = self._executor.submit(_copy_page, self._by_file[online_file], html)

    def contents(self, site_dir: Path, leave_out: tuple[str, ...], fill) -> dict[str, bytes]:
        """Every file of the copy, {path: bytes}, once the pages are re-addressed (copy_contents)."""
        try:
            copied = {}
            for name, job in self._jobs.items():
                html, ids = job.result()
                copied[name] = (fill(html), ids)
        finally:
            self.close()
        return copy_contents(site_dir, self.pages, leave_out, copied)

    def write(self, site_dir: Path, target: Path, folder: str, leave_out: tuple[str, ...], fill) -> int:
        return write_archive(self.contents(site_dir, leave_out, fill), target, folder)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
