"""Links between pages: every internal link must reach a page, and every #anchor an id on it.

The ids are the ones MkDocs itself finds once the page is built (rendering.py:
the page rendered as the build renders it), so any anchor MkDocs accepts is
accepted here, and the check refuses only what a strict build would refuse
after writing the site. A link to a PDF must name one the build makes
(paper/plan.py).
"""

from __future__ import annotations

import posixpath
import re

from ..content.outline import Outline
from ..content.pages import SourcePage
from ..content.problems import Problem
from ..paper.downloads import PDF_FOLDER
from ..paper.plan import PaperPlan
from .rendering import RenderedPages

# Every pattern here takes time in proportion to the line (a page can be 200 KB of one line):
# no part can run on past a character that starts the next try ([, {, ().
# A link's address may hold spaces, as Python-Markdown reads it ([x](#A & B) is a link to "#A & B").
_LINK = re.compile(r"(?<!!)\[[^\[\]]*\]\(\s*<?([^()\s>\"](?:[^()>\"]*[^()\s>\"])?)>?(?:\s+\"[^\"]*\")?\s*\)")
_HREF = re.compile(r"""\bhref=["']([^"']+)["']""")


def check_links(outline: Outline, plan: PaperPlan, rendered: RenderedPages | None) -> list[Problem]:
    """Internal links must reach a page; anchors are checked when the data loaded (`rendered`), so macros can run."""
    by_path = {page.path: page for page in outline.pages}
    generated = {handout.src_uri for handout in plan.handouts}
    problems = []
    for page in outline.pages:
        for number, line in page.prose_lines():
            for target in _LINK.findall(line) + _HREF.findall(line):
                problem = _check_link(page, target, by_path, generated, plan, outline, rendered)
                if problem:
                    problems.append(Problem(page.display, number, problem))
    return problems


def _check_link(page, target: str, by_path, generated, plan: PaperPlan, outline: Outline, rendered: RenderedPages | None) -> str | None:
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE) or target.startswith("{{"):
        return None  # another site, mailto:, or a macro-made address
    path_part, _, anchor = target.partition("#")
    if path_part:
        resolved = target_uri(page.path, path_part)
        if resolved.startswith(f"{PDF_FOLDER}/") and resolved.endswith(".pdf"):
            name = resolved.removeprefix(f"{PDF_FOLDER}/")
            if name in plan.pdf_names:
                return None
            return (
                f"link to '{target}': no page is made into {name}; "
                "give the page to print `pdf: " + name + "` in its front matter, or link to a PDF the build makes"
            )
        if resolved in generated:
            return None  # a handout page, made from the data
        if resolved not in by_path:
            if (outline.project.docs_dir / resolved).exists() and not resolved.endswith(".md"):
                return None  # an image or other file in docs/
            hint = " (link to the .md file, not the page's address)" if not path_part.endswith(".md") else ""
            return f"link to '{target}' does not resolve: there is no docs/{resolved}{hint}"
        target_page = by_path[resolved]
    else:
        target_page = page
    if not anchor or rendered is None:
        return None
    ids = rendered.ids(target_page)
    if ids is None or anchor in ids:
        return None  # a page that cannot be rendered has its own problems reported
    return f"link to '{target}': docs/{target_page.path} has no heading or element with the id '{anchor}'"


def target_uri(src_uri: str, link: str) -> str:
    """The file in docs/ a link on the page docs/<src_uri> leads to: MkDocs' own rule
    (mkdocs.structure.pages, _RelativePathTreeprocessor._target_uri); a link starting
    with / is from docs/ itself (validation.links.absolute_links: relative_to_docs)."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), link).lstrip("/"))
