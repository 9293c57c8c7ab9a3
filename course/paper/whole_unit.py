"""The whole unit on one page: every page's real content, in reading order.

The plugin hands over each page's rendered HTML; this module
namespaces it so the pages can share one document: every id gets the page's
slug in front (`pcn-ethos--benefits`), every reference to an id follows, links
between the unit's pages become links within the page, other site links are
re-based on the print page, and headings move one level down under the print
page's own title.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from markupsafe import Markup

from ..publish.addresses import relative_url
from ..render.environment import render_verbatim

# A base for resolving the site's relative links; never requested.
_SITE = "http://site.invalid/"
# Attributes that hold one or more ids, separated by spaces.
_ID_LIST_ATTRIBUTES = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "headers", "list")
_URL_REFERENCE = re.compile(r"url\(\s*#([^)\s]+)\s*\)")
_HEADING = re.compile(r"^h([1-6])$")


@dataclass(frozen=True)
class UnitPage:
    slug: str
    title: Markup  # MkDocs page titles are HTML already
    url: str  # relative to the site root, as MkDocs gives it ("pcn-ethos/", "" for the home page)
    html: str


@dataclass(frozen=True)
class Part:
    anchor: str
    title: Markup
    html: Markup
    has_heading: bool


def unit_page(page) -> UnitPage:
    """A page of the unit as MkDocs rendered it (its Page), to join."""
    return UnitPage(slug=page_slug(page.file.src_uri), title=Markup(page.title), url=page.url, html=page.content)


def page_slug(src_uri: str) -> str:
    """'pcn-ethos.md' -> 'pcn-ethos'; 'handouts/index.md' -> 'handouts-index'."""
    return posixpath.splitext(src_uri)[0].replace("/", "-")


def page_anchor(slug: str) -> str:
    return f"page-{slug}"


def combine(pages: list[UnitPage], print_page_url: str) -> str:
    """The contents list and every page, ready to append to the print page."""
    by_url = {page.url: page for page in pages}
    parts = []
    for page in pages:
        html, has_heading = _namespace(page, by_url, print_page_url)
        parts.append(Part(page_anchor(page.slug), page.title, Markup(html), has_heading))
    # Verbatim, blank lines kept: dropping them (for Markdown's sake, as render()
    # does) would change any <pre> in the pages; this HTML goes straight to the page.
    return render_verbatim("whole_unit.html", parts=parts)


def _namespace(page: UnitPage, by_url: dict[str, UnitPage], print_page_url: str) -> tuple[str, bool]:
    soup = BeautifulSoup(page.html, "html.parser")
    has_heading = soup.find("h1") is not None

    def local(identifier: str) -> str:
        return f"{page.slug}--{identifier}"

    for element in soup.find_all(True):
        if element.has_attr("id"):
            element["id"] = local(element["id"])
        for attribute in _ID_LIST_ATTRIBUTES:
            if element.has_attr(attribute):
                value = element[attribute]
                ids = value if isinstance(value, list) else value.split()
                element[attribute] = " ".join(local(identifier) for identifier in ids)
        for attribute, value in list(element.attrs.items()):
            if isinstance(value, str) and "url(#" in value.replace(" ", ""):
                element[attribute] = _URL_REFERENCE.sub(lambda match: f"url(#{local(match[1])})", value)
        for attribute in ("href", "xlink:href", "src"):
            if element.has_attr(attribute):
                element[attribute] = _rebase(element[attribute], page, by_url, print_page_url)
        if level := _HEADING.match(element.name):
            element.name = f"h{min(int(level[1]) + 1, 6)}"
    return str(soup), has_heading


def _rebase(url: str, page: UnitPage, by_url: dict[str, UnitPage], print_page_url: str) -> str:
    """Where a link on `page` should point once the page is part of the print page."""
    if url.startswith("#"):
        return f"#{page.slug}--{url[1:]}" if len(url) > 1 else f"#{page_anchor(page.slug)}"
    absolute = urljoin(_SITE + page.url, url)
    if not absolute.startswith(_SITE):
        return url  # another host, mailto: and so on: leave it
    parts = urlsplit(absolute)
    path = parts.path.removeprefix("/")
    target = by_url.get(path) or by_url.get(path.removesuffix("index.html"))
    if target is not None:
        return f"#{target.slug}--{parts.fragment}" if parts.fragment else f"#{page_anchor(target.slug)}"
    return relative_url(path, print_page_url) + (f"#{parts.fragment}" if parts.fragment else "")
