"""Front matter that asks for paper the build cannot make.

The plan (paper/plan.py) reports what it cannot follow in the pages it
builds; this adds the pages the build leaves out (exclude_docs, draft_docs):
one of them asking for a PDF asks for a PDF of a page that will not exist.
"""

from __future__ import annotations

from pathlib import Path

from ..content.outline import Outline
from ..content.pages import read_pages
from ..content.problems import Problem
from ..paper.plan import PaperPlan


def check_paper(outline: Outline, plan: PaperPlan, excluded_pages: list[Path]) -> list[Problem]:
    problems = list(plan.problems)
    project = outline.project
    for page in read_pages(excluded_pages, project.docs_dir, project.root):
        if "pdf" in page.meta:
            problems.append(
                Problem(
                    page.display,
                    1,
                    f"front matter 'pdf: {page.meta['pdf']}' asks for a PDF of a page the build leaves out "
                    "(exclude_docs or draft_docs in mkdocs.yml), so there will be no page to print; "
                    "build the page or remove the line",
                )
            )
    return problems
