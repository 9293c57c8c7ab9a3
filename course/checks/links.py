"""Links between pages: every internal link must reach a page, and every #anchor an id on it.

Anchors come from headings (as the toc extension makes them), from ids written
in the page, and from the ids in macro output (checks/macro_calls.py collects
those). A link to a PDF must name one the build makes (paper/plan.py).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from markdown.extensions.toc import slugify

from ..content.outline import Outline
from ..content.pages import SourcePage
from ..content.problems import Problem
from ..paper.downloads import PDF_FOLDER
from ..paper.plan import PaperPlan

# Every pattern here takes time in proportion to the line (a page can be 200 KB of one line):
# no part can run on past a character that starts the next try ([, {, ().
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_ATTRIBUTES_AT_END = re.compile(r"\{([^{}]*)\}\s*$")
_ID_IN_ATTRIBUTES = re.compile(r"#([\w-]+)")
_LINK = re.compile(r"(?<!!)\[[^\[\]]*\]\(\s*<?([^()\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HREF = re.compile(r"""\bhref=["']([^"']+)["']""")
_ID = re.compile(r"""\bid=["']([^"']+)["']""")


def collect_heading_anchors(page: SourcePage) -> None:
    for _, line in page.prose_lines():
        match = _HEADING.match(line)
        if not match:
            continue
        title = match.group(2).rstrip().rstrip("#").rstrip()  # "## Title ##" is "Title"
        attributes = _ATTRIBUTES_AT_END.search(title)
        custom = _ID_IN_ATTRIBUTES.search(attributes.group(1)) if attributes else None
        if custom:
            page.anchors.add(custom.group(1))
            continue
        title = re.sub(r"\s*\{[^}]*\}\s*$", "", title)  # attr_list: { .screen-only }
        plain = re.sub(r"[*_`]|\[([^\]]*)\]\([^)]*\)", r"\1", title)
        page.anchors.add(slugify(plain, "-"))
    page.anchors.update(_ID.findall(page.text))


def check_links(outline: Outline, plan: PaperPlan, anchors_known: bool) -> list[Problem]:
    """Internal links must reach a page; anchors are checked when every macro could run."""
    by_path = {page.path: page for page in outline.pages}
    generated = {handout.src_uri for handout in plan.handouts}
    problems = []
    for page in outline.pages:
        for number, line in page.prose_lines():
            for target in _LINK.findall(line) + _HREF.findall(line):
                problem = _check_link(page, target, by_path, generated, plan, outline, anchors_known)
                if problem:
                    problems.append(Problem(page.display, number, problem))
    return problems


def _check_link(page, target: str, by_path, generated, plan: PaperPlan, outline: Outline, anchors_known: bool) -> str | None:
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE) or target.startswith("{{"):
        return None  # another site, mailto:, or a macro-made address
    path_part, _, anchor = target.partition("#")
    if path_part:
        if path_part.startswith("/"):
            resolved = _normalise(path_part)  # relative to docs/ (validation.links.absolute_links)
        else:
            resolved = _normalise((PurePosixPath(page.path).parent / path_part).as_posix())
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
    if anchor and anchors_known and anchor not in target_page.anchors:
        return f"link to '{target}': docs/{target_page.path} has no heading or element with the id '{anchor}'"
    return None


def _normalise(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)
