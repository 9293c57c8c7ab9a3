"""What a page may carry: the HTML it may write, its front matter's text, and how deep it nests.

Markdown keeps the HTML a page writes as it is, so a page could carry code:
a <script>, an inline event handler (onclick=...), a javascript: link. The
Content-Security-Policy stops such code running (publish/csp.py allows only
the theme's own inline scripts), but a page carrying it is refused here, at its
line, so it never reaches a build. The rules (guides/authors.md says the same):

- Code, anywhere on a page, code blocks included (raw HTML around a code block
  can make it run): <script> and the elements that load or hold other
  documents or code (<iframe>, <object>, <embed>, <svg>, <style>, <link>,
  <meta>, <base>, <form>...); any attribute starting with "on"; an address
  starting javascript:, vbscript: or data: in a link or attribute.
- Elsewhere than code: only the elements and attributes of ALLOWED_ELEMENTS
  and ALLOWED_ATTRIBUTES (plain structure and formatting); no style= (the
  policy refuses inline styles) and no data-md-* (the theme's own); an image
  only from the site's own files (the site asks no other host for anything).
- The same rules for attributes set with attr_list ({: .class }).
- Front matter text is written into the page's <head> as it is (Material does
  not escape it): no <, > or " in it. `scripts:` names script files of the
  site (front_matter.py checks which fields a page may have, and their kinds).
- Lists, quotes and HTML elements nested at most MAX_NESTING deep: Python-
  Markdown recurses once per level, and stops with a RecursionError at a few hundred.
"""

from __future__ import annotations

import bisect
import html
import posixpath
import re

from ..content.outline import Outline
from ..content.pages import SourcePage
from ..content.problems import Problem

MAX_NESTING = 20

# Plain structure and formatting.
ALLOWED_ELEMENTS = frozenset(
    "a abbr aside b blockquote br caption cite code col colgroup dd del details dfn div dl dt em figcaption figure "
    "h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp section small span strong sub summary sup "
    "table tbody td tfoot th thead time tr u ul var wbr".split()
)
# Elements that hold or load code or other documents: refused even in code.
CODE_ELEMENTS = frozenset(
    "script noscript style link meta base iframe frame frameset object embed applet svg math form input button "
    "textarea select option template portal slot".split()
)
VOID_ELEMENTS = frozenset("area base br col embed hr img input link meta source track wbr".split())
# Elements whose end tag HTML lets a page leave out: not counted as nesting.
OPTIONAL_END = frozenset("p li dt dd tr td th thead tbody tfoot colgroup".split())
ALLOWED_ATTRIBUTES = {
    "*": frozenset("id class title lang dir hidden markdown role tabindex".split()),
    "a": frozenset("href download rel hreflang".split()),
    "img": frozenset("src alt width height loading decoding".split()),
    "td": frozenset("colspan rowspan headers".split()),
    "th": frozenset("colspan rowspan headers scope abbr".split()),
    "ol": frozenset("start reversed type".split()),
    "li": frozenset(["value"]),
    "time": frozenset(["datetime"]),
    "details": frozenset(["open"]),
    "q": frozenset(["cite"]),
    "blockquote": frozenset(["cite"]),
    "del": frozenset("cite datetime".split()),
    "ins": frozenset("cite datetime".split()),
    "col": frozenset(["span"]),
    "colgroup": frozenset(["span"]),
}
ADDRESS_ATTRIBUTES = frozenset("href src cite".split())
# Schemes a link may use; anything else (javascript:, vbscript:, data:, file:...) is refused.
LINK_SCHEMES = frozenset("http https mailto tel".split())
# Addresses that run code or make a document: refused even in code.
CODE_SCHEMES = ("javascript", "vbscript", "data")
# What the theme writes unescaped into a page's <head> from front matter text.
UNSAFE_IN_FRONT_MATTER = '<>"'

NO_CODE = "a page carries no code (a script it needs is a file in docs/javascripts/, named under 'scripts:' in its front matter)"
GUIDE = "guides/authors.md, 'HTML in a page', lists what a page may write"

_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"(?<![\\`])`+")
_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
_TEMPLATE_MARKS = (("{{", "}}"), ("{%", "%}"), ("{#", "#}"))
# A tag as a browser reads one: a name, then attributes up to the first > that is not in quotes.
_TAG = re.compile(r"""<(/?)([A-Za-z][^\s/>\x00]*)((?:"[^"]*"|'[^']*'|[^'">])*)(>?)""")
_ATTRIBUTE = re.compile(r"""([^\s/>"'=][^\s/>=]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?""")
# [text](address) and ![alt](address); brackets inside the text are left to the policy (linear time).
_MARKDOWN_LINK = re.compile(r"(!?)\[(?:[^\[\]\\]|\\.)*\]\(\s*<?([^\s)>]*)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\[\]\n]+\]:[ \t]*<?(\S*?)>?(?:\s|$)", re.MULTILINE)
# A key=value of attr_list ({: key=value }), split as attr_list splits them.
_KEY_VALUE = re.compile(r"""([^\s=}{"']+)=("[^"]*"|'[^']*'|[^\s=}]*)""")
_NESTING = re.compile(r"^((?:[ \t]*>)*)([ \t]*)")


def check_html(outline: Outline) -> list[Problem]:
    problems = []
    for page in outline.pages:
        problems.extend(page_problems(page, outline.project.docs_dir))
    return problems


def page_problems(page: SourcePage, docs_dir=None) -> list[Problem]:
    """Everything on one page that it may not carry, each at its line."""
    text = _blank_templates(page.text)  # what stands between {{ }} is the engine's, checked in pages.py
    where = _Where(text)
    found = [
        *_tag_problems(text, where),
        *_link_problems(text, where),
        *_attr_list_problems(text, where),
        *_nesting_problems(text, where),
    ]
    for line, value in page.shown_values:  # {{ "a plain value" }} is written into the page as it is
        found.extend((line, message) for _, message in _tag_problems(value, _Where(value, code=False)))
    found.extend(_front_matter_problems(page, docs_dir))
    return [Problem(page.display, line, message) for line, message in found]


# --- HTML tags ---------------------------------------------------------------------------------


def _tag_problems(text: str, where: _Where):
    depth = 0
    for match in _TAG.finditer(text):
        closing, name, attributes = match[1], match[2].lower(), match[3]
        line = where.line(match.start())
        in_code = where.in_code(match.start())
        name = name if len(name) <= 30 else name[:27] + "..."
        if name in CODE_ELEMENTS:
            if name in ("script", "noscript"):
                yield line, f"<{name}> is refused, even in code: {NO_CODE}"
            else:
                yield line, f"<{name}> is refused, even in code: a page embeds nothing that can hold code or another page; link to it, or show a picture"
            continue
        if in_code:
            for attribute, value in _attributes(attributes):
                if attribute.startswith("on"):
                    yield line, f"{attribute}= is an inline event handler, refused even in code: {NO_CODE}"
                elif attribute in ADDRESS_ATTRIBUTES and _scheme(value) in CODE_SCHEMES:
                    yield line, f"{attribute}={value!r} runs code, refused even in code: {NO_CODE}"
            continue
        if name not in ALLOWED_ELEMENTS:
            yield line, f"<{name}> is not an element a page may write; use Markdown or plain HTML ({GUIDE}), and &lt; for a '<' in text"
            continue
        counted = name not in VOID_ELEMENTS and name not in OPTIONAL_END
        if closing:
            depth = max(depth - counted, 0)
            continue
        if counted and not attributes.rstrip().endswith("/"):
            depth += 1
            if depth == MAX_NESTING + 1:
                yield line, f"HTML elements are nested more than {MAX_NESTING} deep here; Markdown cannot build that: flatten it"
        for attribute, value in _attributes(attributes):
            yield from ((line, message) for message in _attribute_problems(name, attribute, value))


def _attributes(text: str):
    for match in _ATTRIBUTE.finditer(text):
        value = match[2] or ""
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        yield match[1].lower(), html.unescape(value)


def _attribute_problems(element: str | None, attribute: str, value: str | None):
    """What is wrong with one attribute (of `element`, or of anything for attr_list), in words."""
    if attribute.startswith("on"):
        yield f"{attribute}= is an inline event handler: {NO_CODE}"
        return
    if attribute == "style":
        yield "style= is refused by the site's policy on every page; give the element a class and style it in docs/stylesheets/"
        return
    if attribute.startswith("data-md-"):
        yield f"{attribute}= is the theme's own; remove it"
        return
    allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(element, frozenset())
    if element is None:
        allowed = frozenset().union(*ALLOWED_ATTRIBUTES.values())
    if attribute not in allowed and not attribute.startswith(("data-", "aria-")):
        where = f" on <{element}>" if element else ""
        yield f"{attribute}= is not an attribute a page may use{where} ({GUIDE})"
        return
    if attribute == "id" and value and value.startswith("__"):
        yield f"id={value!r}: ids starting with __ are the theme's own; choose another"
    if attribute in ADDRESS_ATTRIBUTES and value is not None:
        yield from _address_problems(value, image=attribute == "src")


def _address_problems(address: str, image: bool):
    scheme = _scheme(address)
    if image and (scheme or address.strip().startswith("//")):
        yield f"the image {address!r} is not a file of the site; the site asks no other host for anything: put the image in docs/assets/"
    elif scheme in CODE_SCHEMES:
        yield f"a {scheme}: address ({address!r}) is refused: {NO_CODE}; link to a page, a file or a web address (https:)"
    elif scheme and scheme not in LINK_SCHEMES:
        yield f"a {scheme}: address ({address!r}) is not one a page links to; link to a page, a file of the site or a web address (https:)"


def _scheme(address: str) -> str | None:
    """The scheme of an address as a browser reads it (entities decoded, spaces and control characters dropped)."""
    cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(address))
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return match[1].lower() if match else None


# --- Markdown links and attr_list ---------------------------------------------------------------


def _link_problems(text: str, where: _Where):
    for pattern, image in ((_MARKDOWN_LINK, None), (_REFERENCE, False)):
        for match in pattern.finditer(text):
            if where.in_code(match.start()):
                continue
            address = match[2] if image is None else match[1]
            for message in _address_problems(address, image=bool(match[1]) if image is None else image):
                yield where.line(match.start()), message


def _attr_list_problems(text: str, where: _Where):
    """key=value between braces ({: onclick=... }), as attr_list would set it on an element."""
    offset = 0
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        first, last = line.find("{"), line.rfind("}")
        if first < 0 or last < first or where.in_code(start + first):
            continue
        for match in _KEY_VALUE.finditer(line, first, last):
            name, value = match[1].lower(), match[2]
            if value[:1] in ("'", '"') and len(value) > 1 and value[-1] == value[0]:
                value = value[1:-1]
            if name.startswith("on") or name == "style" or name.startswith("data-md-") or name in ADDRESS_ATTRIBUTES:
                for message in _attribute_problems(None, name, html.unescape(value)):
                    yield where.line(start), f"{{: {match[1]}=... }}: {message}"


# --- Nesting -----------------------------------------------------------------------------------


def _nesting_problems(text: str, where: _Where):
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        start, offset = offset, offset + len(line) + 1
        if not line.strip() or where.in_code(start + len(line) - len(line.lstrip())):
            continue
        quotes, indent = _NESTING.match(line).groups()
        depth = quotes.count(">") + len(indent.expandtabs(4)) // 4
        if depth > MAX_NESTING:
            yield number, f"this line is nested more than {MAX_NESTING} deep (indented lists, quotes); Markdown cannot build that: flatten it"
            return  # one line says it


# --- Front matter ------------------------------------------------------------------------------


def _front_matter_problems(page: SourcePage, docs_dir):
    for key, value in page.meta.items():
        line = page.meta_lines.get(key, 1)
        for text in _strings(value):
            unsafe = sorted({character for character in text if character in UNSAFE_IN_FRONT_MATTER})
            if unsafe:
                listed = " ".join(unsafe)
                yield line, (
                    f"front matter '{key}' holds {listed}, which the theme writes into the page's HTML as it is; "
                    "write it without them (curly quotes “ ” instead of \")"
                )
                break
    if "scripts" in page.meta:
        yield from _scripts_problems(page.meta["scripts"], page.meta_lines.get("scripts", 1), docs_dir)


def _strings(value, depth: int = 0):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _scripts_problems(scripts, line: int, docs_dir):
    if not isinstance(scripts, list) or not all(isinstance(script, str) for script in scripts):
        return  # front_matter.py says what kind it must be
    for script in scripts:
        path = posixpath.normpath(script.lstrip("/")) if not _scheme(script) else ""
        if not path or path.startswith("..") or not path.endswith(".js") or (docs_dir is not None and not (docs_dir / path).is_file()):
            yield line, f"front matter 'scripts': {script!r} is not a script file in docs/; name one, such as 'javascripts/flocking.js'"


# --- Where things are ---------------------------------------------------------------------------


class _Where:
    """The line of an offset in the text, and whether it is in code (fenced blocks and code spans)."""

    def __init__(self, text: str, code: bool = True):
        self._line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
        regions = _code_regions(text) if code else []
        self._starts = [start for start, _ in regions]
        self._ends = [end for _, end in regions]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset)

    def in_code(self, offset: int) -> bool:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._ends[index]


def _code_regions(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of fenced code blocks and code spans, in order, none overlapping."""
    fences = []
    offset, fence, fence_start = 0, None, 0
    for line in text.split("\n"):
        match = _FENCE.match(line)
        if fence is None and match:
            fence, fence_start = match[2][0] * len(match[2]), offset
        elif fence is not None and match and match[2].startswith(fence) and not line[match.end() :].strip():
            fences.append((fence_start, offset + len(line)))
            fence = None
        offset += len(line) + 1
    if fence is not None:
        fences.append((fence_start, len(text)))
    spans, outside = [], 0
    block_ends = [match.start() for match in _BLOCK_BREAK.finditer(text)] + [len(text)]
    for start, end in [*fences, (len(text), len(text))]:
        spans.extend(_code_spans(text, outside, start, block_ends))
        outside = end
    return sorted(fences + spans)


def _code_spans(text: str, start: int, end: int, block_ends: list[int]) -> list[tuple[int, int]]:
    """Code spans between two offsets: a run of backticks, to the next run as long in its paragraph."""
    runs = [(match.start(), len(match[0])) for match in _BACKTICKS.finditer(text, start, end)]
    of_length: dict[int, list[int]] = {}
    for index, (_, length) in enumerate(runs):
        of_length.setdefault(length, []).append(index)
    spans, index = [], 0
    while index < len(runs):
        position, length = runs[index]
        same = of_length[length]
        later = bisect.bisect_right(same, index)
        paragraph_end = block_ends[bisect.bisect_left(block_ends, position)]
        if later < len(same) and runs[same[later]][0] < paragraph_end:
            spans.append((position, runs[same[later]][0] + length))
            index = same[later] + 1
        else:
            index += 1
    return spans


def _blank_templates(text: str) -> str:
    """The text with each {{ }}, {% %} and {# #} blanked (lines kept), in one pass: each search
    starts where the last one of its kind ended, and a mark never closed ends its kind."""
    pieces, position = [], 0
    upcoming = {marks: text.find(marks[0]) for marks in _TEMPLATE_MARKS}
    while True:
        upcoming = {marks: start for marks, start in upcoming.items() if start >= 0}
        if not upcoming:
            break
        (opening, closing), start = min(upcoming.items(), key=lambda item: item[1])
        end = text.find(closing, start + 2)
        if end < 0:
            del upcoming[(opening, closing)]
            continue
        position_before, position = position, end + 2
        pieces.append(text[position_before:start])
        pieces.append(re.sub(r"[^\n]", " ", text[start:position]))
        upcoming = {marks: (found if found >= position else text.find(marks[0], position)) for marks, found in upcoming.items()}
    pieces.append(text[position:])
    return "".join(pieces)


