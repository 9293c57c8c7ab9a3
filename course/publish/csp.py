"""The Content-Security-Policy's inline-script hashes: exactly the theme's own inline scripts and styles.

overrides/main.html writes a Content-Security-Policy <meta> whose script-src and
style-src carry placeholders. After a page is rendered, the plugin puts there
the hash of each inline <script> (that the browser would run) and <style> on
the page that is the theme's own, and of no other. The browser runs those
scripts, as written at build time, and refuses any other inline script, style
or event handler: one a page's Markdown carried past the check, one injected
later.

Which inline code is the theme's? Code that meets both of these:

- Its text is one of the inline scripts (or styles) in the theme's templates
  (Material's and overrides/, `ThemeCode.read(config.theme.dirs)`), character
  for character, where each `{{ ... }}` of the template may be filled only
  with text that cannot end a JavaScript string: a template whose `{{ }}`
  stands anywhere but inside "quotes", or that has {% %} in its script, gives
  no pattern, so its script is never allowed. The engine's own templates
  (course/render/templates) write data (type="application/json"), never code.
- It is outside the page's content (what Markdown and the macros made): no
  code there is allowed because of where it stands, only because the theme
  writes the very same text elsewhere on the page (one hash allows both).

So a page whose front matter or Markdown smuggled a script into the theme's
part of the page (the check refuses both: checks/html.py) still gets no hash
for it, and neither does a script in its content.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

SCRIPT_PLACEHOLDER = "__INLINE_SCRIPT_HASHES__"
STYLE_PLACEHOLDER = "__INLINE_STYLE_HASHES__"

# Script types the browser executes; others (application/json...) are data.
EXECUTABLE_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


# Regular expressions, not an HTML parser: this runs on every page, and a parser
# is slow on a thousand-page course. The HTML here is the theme's own output, in
# which a script's text ends at the first "</script" (as the HTML standard says).
INLINE_ELEMENT = re.compile(r"<(script|style)(\s[^>]*)?>(.*?)</\1\s*>", re.DOTALL | re.IGNORECASE)
ATTRIBUTE = re.compile(r"""([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
# A template's {{ expression }}; and what may fill one that stands inside a JavaScript string's quotes.
_SLOT = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_STRING_TEXT = r"""[^"'`\\<>\r\n\u2028\u2029]*"""
_POLICY = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")')
_SOURCES = re.compile(r"\b(script|style)-src 'self'((?: '[^']*')*)")


@dataclass(frozen=True)
class InlineCode:
    tag: str  # "script" or "style"
    code: str  # its text, exactly
    start: int  # where its element starts in the page


def inline_code(html: str) -> list[InlineCode]:
    """Each inline script the browser would run, and each inline style, with its exact text."""
    found = []
    for match in INLINE_ELEMENT.finditer(html):
        tag, attributes = match[1].lower(), _attributes(match[2] or "")
        if tag == "style" or ("src" not in attributes and attributes.get("type", "").strip().lower() in EXECUTABLE_SCRIPT_TYPES):
            found.append(InlineCode(tag, match[3], match.start()))
    return found


def _attributes(text: str) -> dict[str, str]:
    return {m[1].lower(): next((v for v in m.groups()[1:] if v is not None), "") for m in ATTRIBUTE.finditer(text)}


def csp_hash(code: str) -> str:
    """The CSP source expression that allows exactly this inline code."""
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@dataclass
class ThemeCode:
    """The inline scripts and styles the theme's templates write: exact texts, and patterns for those with {{ }}."""

    exact: set[tuple[str, str]] = field(default_factory=set)  # (tag, text)
    patterns: list[tuple[str, re.Pattern]] = field(default_factory=list)  # (tag, pattern of the whole text)

    @classmethod
    def read(cls, template_dirs) -> ThemeCode:
        """Every inline script and style in the templates under these folders (config.theme.dirs)."""
        theme = cls()
        for folder in template_dirs:
            for path in sorted(Path(folder).rglob("*.html")):
                source = path.read_text(encoding="utf-8", errors="replace")
                if "<script" in source or "<style" in source:
                    theme.add_template(source)
        return theme

    def add_template(self, source: str) -> None:
        for code in inline_code(source):
            if "{%" in code.code or "{#" in code.code:
                continue  # a script built by template logic: no pattern can say what it will be
            literals = _SLOT.split(code.code)
            if len(literals) == 1:
                self.exact.add((code.tag, code.code))
                continue
            if any(not before.endswith('"') or not after.startswith('"') for before, after in zip(literals, literals[1:])):
                continue  # a {{ }} outside "quotes" could write code: never allowed
            if any(slot.startswith("{{-") or slot.endswith("-}}") for slot in _SLOT.findall(code.code)):
                continue  # whitespace control changes the literal text around it
            pattern = _STRING_TEXT.join(re.escape(literal) for literal in literals)
            self.patterns.append((code.tag, re.compile(pattern, re.DOTALL)))

    def allows(self, tag: str, code: str) -> bool:
        return (tag, code) in self.exact or any(kind == tag and pattern.fullmatch(code) for kind, pattern in self.patterns)


def fill_in_hashes(html: str, theme: ThemeCode, content: str = "") -> str:
    """The page's policy allows the theme's inline scripts and styles on it, each by its hash, and nothing else.

    `content` is the page's content as the theme placed it in the page (page.content):
    no code inside it is allowed, whatever its text.
    """
    if SCRIPT_PLACEHOLDER not in html and STYLE_PLACEHOLDER not in html:
        return html
    start = html.find(content) if content else -1
    end = start + len(content) if start >= 0 else -1
    allowed: dict[str, list[str]] = {"script": [], "style": []}
    for code in inline_code(html):
        if not (start <= code.start < end) and theme.allows(code.tag, code.code):
            allowed[code.tag].append(csp_hash(code.code))
    scripts = " ".join(dict.fromkeys(allowed["script"]))
    styles = " ".join(dict.fromkeys(allowed["style"]))
    return _put(_put(html, SCRIPT_PLACEHOLDER, scripts), STYLE_PLACEHOLDER, styles)


def _put(html: str, placeholder: str, sources: str) -> str:
    """Replace the placeholder and the space before it, leaving no gap when there are no sources."""
    return html.replace(f" {placeholder}", f" {sources}" if sources else "")


# --- For the offline copy, which changes pages after their policy is made -------------------------


def policy_hashes(html: str) -> dict[str, set[str]]:
    """The hashes a built page's policy allows, for script-src and style-src."""
    found: dict[str, set[str]] = {"script": set(), "style": set()}
    policy = _POLICY.search(html)
    for match in _SOURCES.finditer(policy[2] if policy else ""):
        found[match[1]].update(re.findall(r"'sha256-[^']*'", match[2]))
    return found


def without_disallowed_code(html: str) -> str:
    """The page less every inline script and style its policy does not allow (they could never run)."""
    allowed = policy_hashes(html)
    for code in reversed(inline_code(html)):
        if csp_hash(code.code) not in allowed[code.tag]:
            end = INLINE_ELEMENT.match(html, code.start).end()
            html = html[: code.start] + html[end:]
    return html


def rehash(html: str, extra_scripts: tuple[str, ...] = ()) -> str:
    """The page's policy made again for every inline script and style it now holds, and `extra_scripts`.

    For a page whose code was changed after it was built (re-addressed), once
    everything its policy did not allow has been taken out (without_disallowed_code).
    """
    codes = inline_code(html)
    sources = {
        "script": " ".join(dict.fromkeys([*(csp_hash(c.code) for c in codes if c.tag == "script"), *map(csp_hash, extra_scripts)])),
        "style": " ".join(dict.fromkeys(csp_hash(c.code) for c in codes if c.tag == "style")),
    }

    def directive(match: re.Match) -> str:
        return f"{match[1]}-src 'self'" + (f" {sources[match[1]]}" if sources[match[1]] else "")

    return _POLICY.sub(lambda policy: policy[1] + _SOURCES.sub(directive, policy[2]) + policy[3], html, count=1)
