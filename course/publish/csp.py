"""The Content-Security-Policy's inline-script hashes: exactly the inline scripts and styles each page ships.

overrides/main.html writes a Content-Security-Policy <meta> whose script-src and
style-src carry placeholders. After a page is rendered, the plugin hashes every
inline <script> (that the browser would run) and <style> on that page and puts
the hashes where the placeholders are. The browser then runs those scripts, as
written at build time, and refuses any other inline script or style, such as
one injected into the page later.
"""

from __future__ import annotations

import base64
import hashlib
import re

SCRIPT_PLACEHOLDER = "__INLINE_SCRIPT_HASHES__"
STYLE_PLACEHOLDER = "__INLINE_STYLE_HASHES__"

# Script types the browser executes; others (application/json...) are data.
EXECUTABLE_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


# Regular expressions, not an HTML parser: this runs on every page, and a parser
# is slow on a thousand-page course. The HTML here is the theme's own output, in
# which a script's text ends at the first "</script" (as the HTML standard says).
INLINE_ELEMENT = re.compile(r"<(script|style)(\s[^>]*)?>(.*?)</\1\s*>", re.DOTALL | re.IGNORECASE)
ATTRIBUTE = re.compile(r"""([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")


def inline_code(html: str) -> tuple[list[str], list[str]]:
    """The exact text of each inline script the browser would run, and of each inline style."""
    scripts, styles = [], []
    for match in INLINE_ELEMENT.finditer(html):
        tag, attributes, code = match[1].lower(), _attributes(match[2] or ""), match[3]
        if tag == "style":
            styles.append(code)
        elif "src" not in attributes and attributes.get("type", "").strip().lower() in EXECUTABLE_SCRIPT_TYPES:
            scripts.append(code)
    return scripts, styles


def _attributes(text: str) -> dict[str, str]:
    return {m[1].lower(): next((v for v in m.groups()[1:] if v is not None), "") for m in ATTRIBUTE.finditer(text)}


def csp_hash(code: str) -> str:
    """The CSP source expression that allows exactly this inline code."""
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def fill_in_hashes(html: str) -> str:
    if SCRIPT_PLACEHOLDER not in html and STYLE_PLACEHOLDER not in html:
        return html
    scripts, styles = inline_code(html)
    scripts = " ".join(dict.fromkeys(csp_hash(code) for code in scripts))
    styles = " ".join(dict.fromkeys(csp_hash(code) for code in styles))
    return _put(_put(html, SCRIPT_PLACEHOLDER, scripts), STYLE_PLACEHOLDER, styles)


def _put(html: str, placeholder: str, sources: str) -> str:
    """Replace the placeholder and the space before it, leaving no gap when there are no sources."""
    return html.replace(f" {placeholder}", f" {sources}" if sources else "")
