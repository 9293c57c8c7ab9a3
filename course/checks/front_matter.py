"""Front matter: only the fields a page may have, each of its kind.

What a page's front matter holds reaches the theme's templates, mkdocs-macros
(every field becomes a name in the page's template: `activity: x` would hide
the macro) and the search plugin, which stop the build half-way on a kind
they do not expect (`title: null`, `search: 1`). Some fields would change
what the page is (`template: redirect.html` turns it into a redirect to
any address). So the fields are those of schemas.FrontMatter, validated like
the data, each problem at the field's line.
"""

from __future__ import annotations

from pydantic import ValidationError

from ..content.outline import Outline
from ..content.problems import Problem
from ..content.schemas import FrontMatter

FIELDS = ", ".join(FrontMatter.model_fields)


def check_front_matter(outline: Outline) -> list[Problem]:
    problems = []
    for page in outline.pages:
        try:
            FrontMatter.model_validate(page.meta)
        except ValidationError as error:
            for detail in error.errors():
                field, *inside = detail["loc"] or ("?",)
                line = page.meta_lines.get(field, 1)
                if detail["type"] == "extra_forbidden" and not inside:
                    message = f"front matter '{field}' is not a field a page may have; use {FIELDS} (guides/authors.md)"
                else:
                    where = ".".join(str(step) for step in (field, *inside))
                    message = f"front matter '{where}': {_kind(detail)}"
                problems.append(Problem(page.display, line, message))
    return problems


def _kind(detail: dict) -> str:
    kind = detail["type"]
    if kind.startswith("bool"):
        return "must be true or false"
    if kind.startswith("string"):
        return "must be text"
    if kind.startswith("list"):
        return "must be a list"
    if kind == "extra_forbidden":
        return "is not a setting here; remove it"
    return detail["msg"][0].lower() + detail["msg"][1:]
