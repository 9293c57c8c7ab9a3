"""Every image on a page needs alt text."""

from __future__ import annotations

import re

from ..content.outline import Outline
from ..content.problems import Problem

# In time proportional to the line: no part runs on past a [ or ( or < that starts the next try.
_IMAGE_MD = re.compile(r"!\[([^\[\]]*)\]\(([^()]*)\)")
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
            for tag in _IMAGE_HTML.findall(line):
                if not re.search(r"\balt=", tag, re.IGNORECASE):
                    problems.append(Problem(page.display, number, f"image {tag} has no alt attribute; add alt=\"what it shows\""))
    return problems
