"""Every public address comes from one place: `site_url` in mkdocs.yml.

From it come the canonical links (MkDocs), the repository link in the header
(a GitHub Pages project site https://OWNER.github.io/REPO/ is built from
https://github.com/OWNER/REPO), the addresses and QR codes printed on
handouts, and the addresses the PDFs' links lead to.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

GITHUB_PAGES_HOST = re.compile(r"^(?P<owner>[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\.github\.io$", re.IGNORECASE)


def repository_of(site_url: str) -> str | None:
    """The GitHub repository a GitHub Pages address is published from, or None."""
    parts = urlsplit(site_url)
    match = GITHUB_PAGES_HOST.match(parts.hostname or "")
    if not match:
        return None
    segments = [segment for segment in parts.path.split("/") if segment]
    owner = match["owner"].lower()
    if not segments:  # a user or organisation site, published from OWNER.github.io
        return f"https://github.com/{owner}/{owner}.github.io"
    return f"https://github.com/{owner}/{segments[0]}"


def short_address(url: str) -> str:
    """The address as a person would type it from paper: no scheme, no 'www.'."""
    return url.split("://", 1)[-1].removeprefix("www.")


def online_path(src_uri: str) -> str:
    """A page's path on the published site, which uses directory URLs.

    The offline copy addresses pages as files (handouts/flocking.html), but a
    handout's QR code and address must lead to the page online
    (handouts/flocking/) whichever copy printed it.
    """
    stem = src_uri.removesuffix(".md")
    if stem in ("index", "README") or stem.endswith(("/index", "/README")):
        return stem.rsplit("/", 1)[0] + "/" if "/" in stem else ""
    return stem + "/"


def relative_url(target: str, from_url: str) -> str:
    """The link from the page at `from_url` to `target` (both relative to the site root)."""
    base = from_url.rsplit("/", 1)[0] if "/" in from_url else ""
    relative = posixpath.relpath("/" + target, "/" + base)
    if (target == "" or target.endswith("/")) and not relative.endswith("/"):
        relative += "/"
    return relative


@dataclass(frozen=True)
class SiteAddress:
    """The site's public address, normalised once: always ends with one '/'."""

    url: str

    @classmethod
    def of(cls, site_url: str | None) -> SiteAddress:
        if not site_url:
            raise ValueError("mkdocs.yml: 'site_url' is not set; handouts, PDFs and the repository link need it")
        return cls(site_url.rstrip("/") + "/")

    def page(self, path: str) -> str:
        """The absolute address of a path on the site: page("handouts/flocking/")."""
        return self.url + path.lstrip("/")

    def page_of_source(self, src_uri: str) -> str:
        """Where the page built from docs/<src_uri> lives online."""
        return self.page(online_path(src_uri))

    @property
    def repository(self) -> str | None:
        return repository_of(self.url)
