"""The one Jinja environment every block of HTML is rendered through.

Autoescape is on for every template, so data can never inject markup, and
undefined names raise instead of rendering as empty text.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .markdown_text import count_words, markdown_text

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class Segment:
    """A run of text; `title` is set when the run is a known abbreviation."""

    text: str
    title: str | None = None


def split_abbreviations(text: str, glossary: dict[str, str]) -> list[Segment]:
    """Cut text into segments so templates can mark abbreviations with <abbr>.

    Python-Markdown's abbr extension cannot see inside the raw HTML the macros
    emit, so the templates do the same job for data fields.
    """
    if not glossary:
        return [Segment(text)]
    # Longest first, so PCNs is found before PCN (re's own cache keeps the pattern between calls).
    words = sorted(glossary, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")
    segments, position = [], 0
    for match in pattern.finditer(text):
        if match.start() > position:
            segments.append(Segment(text[position : match.start()]))
        segments.append(Segment(match[0], glossary[match[0]]))
        position = match.end()
    if position < len(text) or not segments:
        segments.append(Segment(text[position:]))
    return segments


def long_date(day: datetime.date) -> str:
    """A date as the site writes it: 28 November 2026."""
    return f"{day.day} {day:%B %Y}"


def css_string(value: str) -> Markup:
    """`value` as a quoted CSS string, for generated stylesheets.

    Quotes, backslashes, line breaks and every non-ASCII character become
    CSS escapes, so the text can neither end the string nor depend on the
    stylesheet's encoding. A line break stays a line break (`\\a`).
    """
    escaped = "".join(
        char if char.isascii() and char.isprintable() and char not in '"\\' else f"\\{ord(char):x} "
        for char in value
    )
    return Markup(f'"{escaped}"')


@functools.cache
def environment(templates_dir: Path = TEMPLATES_DIR) -> Environment:
    """The engine's one Jinja environment, made on first use and kept for the process: it holds the
    engine's own templates, never the course's content (which the plugin reads afresh for each build),
    and Jinja reloads a template whose file has changed."""
    env = Environment(
        loader=FileSystemLoader(templates_dir),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.globals["split_abbreviations"] = split_abbreviations
    env.globals["count_words"] = count_words
    env.filters["css_string"] = css_string
    env.filters["long_date"] = long_date
    env.filters["markdown_text"] = markdown_text
    return env


def render(template_name: str, *, glossary: dict[str, str], **context) -> str:
    """Render a template, marking the glossary's abbreviations in data text.

    The output has no blank lines, so Python-Markdown keeps it as one raw
    HTML block however the data is worded.
    """
    html = environment().get_template(template_name).render(glossary=glossary, **context)
    return "\n".join(line for line in html.splitlines() if line.strip())


def render_verbatim(template_name: str, **context) -> str:
    """Render a template exactly, blank lines kept: for HTML that goes straight into a built page."""
    return environment().get_template(template_name).render(**context)
