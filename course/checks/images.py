"""Every image on a page needs alt text, and a Markdown image a file in docs/ to show.

A strict build refuses an image whose file is not among the documentation files
(MkDocs validates images as it does links): checked here first, so the author is
told the page and line before anything is built.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from ..content.outline import Outline
from ..content.problems import Problem
from .links import target_uri

# In time proportional to the line: no part runs on past a [ or ( or < that starts the next try.
_IMAGE_MD = re.compile(r"!\[([^\[\]]*)\]\(([^()]*)\)")
_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)  # another site, or a data: URL
_IMAGE_HTML = re.compile(r"""<img\b(?:"[^"]*"|'[^']*'|[^'"<>])*>""", re.IGNORECASE)


def check_images(outline: Outline) -> list[Problem]:
    problems = []
    for page in outline.pages:
        for number, line in page.prose_lines():
            for alt, src in _IMAGE_MD.findall(line):
                if not alt.strip():
                    problems.append(
                        Problem(page.display, number, f"image '{src}' has no alt text; describe it inside the brackets: ![what it shows]({src})")
                    )
                missing = _missing_file(page.path, src, outline.project.docs_dir)
                if missing:
                    problems.append(Problem(page.display, number, f"image '{src}' does not resolve: {missing}"))
            for tag in _IMAGE_HTML.findall(line):
                if not re.search(r"\balt=", tag, re.IGNORECASE):
                    problems.append(Problem(page.display, number, f"image {tag} has no alt attribute; add alt=\"what it shows\""))
    return problems


def _missing_file(page_path: str, src: str, docs_dir) -> str | None:
    """Why an image's address names no file in docs/; None when it does, or is not ours to check."""
    address = src.strip()
    address = address[1:address.find(">")] if address.startswith("<") and ">" in address else (address.split() or [""])[0]
    address = re.split(r"[?#]", address, maxsplit=1)[0]
    if not address or _EXTERNAL.match(address) or "{{" in address:
        return None  # another site, a data: URL, or a macro-made address
    file = target_uri(page_path, unquote(address))  # as MkDocs reads it: my%20chart.png is 'my chart.png'
    if file == ".." or file.startswith("../"):
        return "it is outside docs/, where the build finds images; put the file in docs/"
    return None if (docs_dir / file).is_file() else f"there is no docs/{file}"
