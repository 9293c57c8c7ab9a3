"""MkDocs hook: allow exactly the inline scripts and styles each page ships.

overrides/main.html writes a Content-Security-Policy <meta> whose script-src and
style-src carry placeholders. After a page is rendered, this hook hashes every
inline <script> (that the browser would run) and <style> on that page and puts
the hashes where the placeholders are. The browser then runs those scripts, as
written at build time, and refuses any other inline script or style, such as
one injected into the page later.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

SCRIPT_PLACEHOLDER = "__INLINE_SCRIPT_HASHES__"
STYLE_PLACEHOLDER = "__INLINE_STYLE_HASHES__"

# Script types the browser executes; others (application/json...) are data.
EXECUTABLE_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


class _InlineCodeCollector(HTMLParser):
    """Collects the exact text of each inline script and style element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._open: str | None = None  # "script" or "style" while inside one that counts
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and "src" not in attributes:
            if (attributes.get("type") or "").strip().lower() in EXECUTABLE_SCRIPT_TYPES:
                self._open, self._text = "script", []
        elif tag == "style":
            self._open, self._text = "style", []

    def handle_data(self, data):
        if self._open:
            self._text.append(data)

    def handle_endtag(self, tag):
        if self._open and tag == self._open:
            (self.scripts if tag == "script" else self.styles).append("".join(self._text))
            self._open = None


def csp_hash(code: str) -> str:
    """The CSP source expression that allows exactly this inline code."""
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def fill_in_hashes(html: str) -> str:
    if SCRIPT_PLACEHOLDER not in html and STYLE_PLACEHOLDER not in html:
        return html
    collector = _InlineCodeCollector()
    collector.feed(html)
    collector.close()
    scripts = " ".join(dict.fromkeys(csp_hash(code) for code in collector.scripts))
    styles = " ".join(dict.fromkeys(csp_hash(code) for code in collector.styles))
    return _put(_put(html, SCRIPT_PLACEHOLDER, scripts), STYLE_PLACEHOLDER, styles)


def _put(html: str, placeholder: str, sources: str) -> str:
    """Replace the placeholder and the space before it, leaving no gap when there are no sources."""
    return html.replace(f" {placeholder}", f" {sources}" if sources else "")


def on_post_page(output, page, config, **kwargs):
    return fill_in_hashes(output)


def on_post_template(output_content, template_name, config, **kwargs):
    # The 404 page is a theme template, not a page.
    return fill_in_hashes(output_content)
