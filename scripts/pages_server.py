"""Serve a built site on loopback the way GitHub Pages serves it.

Like GitHub Pages: the site lives under the path of `site_url` (/unit-3/), a
folder's address without its final slash is redirected to it, text files are
sent gzip-compressed to browsers that accept it, and an address with no file
gets the site's own 404.html with status 404.

Used by the browser tests and bench/lighthouse.py; also handy by hand:

    .venv/bin/python scripts/pages_server.py site/ --port 8000
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import mimetypes
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

PROJECT_DIR = Path(__file__).resolve().parent.parent
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


@functools.lru_cache(maxsize=4096)
def _gzipped(file: Path, modified: int) -> bytes:
    """A file's gzip-compressed bytes, kept until it changes: compressing on every request would slow the server."""
    return gzip.compress(file.read_bytes(), compresslevel=6, mtime=0)


def _handler_for(site_dir: Path, prefix: str):
    class PagesHandler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # keep test and bench output quiet
            pass

        def do_HEAD(self):
            self._respond(send_body=False)

        def do_GET(self):
            self._respond(send_body=True)

        def _respond(self, send_body: bool) -> None:
            path = unquote(urlsplit(self.path).path)
            if path == prefix.rstrip("/"):
                return self._redirect(prefix)
            if not path.startswith(prefix):
                return self._not_found(send_body)
            file = (site_dir / path[len(prefix):]).resolve()
            if site_dir not in file.parents and file != site_dir:
                return self._not_found(send_body)
            if file.is_dir():
                if not path.endswith("/"):
                    return self._redirect(path + "/")
                file = file / "index.html"
            if not file.is_file():
                return self._not_found(send_body)
            self._send_file(200, file, send_body)

        def _redirect(self, location: str) -> None:
            self.send_response(301)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _not_found(self, send_body: bool) -> None:
            page = site_dir / "404.html"
            if page.is_file():
                return self._send_file(404, page, send_body)
            self.send_error(404)

        def _send_file(self, status: int, file: Path, send_body: bool) -> None:
            body = file.read_bytes()
            content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            compress = content_type.startswith(COMPRESSED_TYPES) and "gzip" in self.headers.get("Accept-Encoding", "")
            if compress:
                body = _gzipped(file, file.stat().st_mtime_ns)
            self.send_response(status)
            self.send_header("Content-Type", content_type + ("; charset=utf-8" if content_type.startswith("text/") else ""))
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
            if compress:
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            if send_body:
                self.wfile.write(body)

    return PagesHandler


def site_path(project_dir: Path = PROJECT_DIR) -> str:
    """The path part of the project's site_url (/unit-3/), where GitHub Pages puts the site."""
    from mkdocs.utils.yaml import yaml_load

    with open(project_dir / "mkdocs.yml", encoding="utf-8") as file:
        site_url = yaml_load(file)["site_url"]
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


@contextlib.contextmanager
def serving(site_dir: Path, prefix: str | None = None, port: int = 0) -> Iterator[str]:
    """Serve site_dir at http://127.0.0.1:PORT{prefix}; yields that address."""
    prefix = prefix or site_path()
    handler = _handler_for(Path(site_dir).resolve(), prefix)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--prefix", help="path to serve the site under (default: from site_url in mkdocs.yml)")
    arguments = parser.parse_args()
    with serving(arguments.site_dir, arguments.prefix, arguments.port) as url:
        print(f"Serving {arguments.site_dir} at {url} (Ctrl+C to stop)")
        threading.Event().wait()


if __name__ == "__main__":
    main()
