"""Unit 3's pages and PDFs, as the engine plans them from its project (no build needed)."""

from __future__ import annotations

import functools

from engine import PROJECT_DIR


def name_of(src_uri: str) -> str:
    """A page's address from its source in docs/: "handouts/flocking.md" is "handouts/flocking"."""
    return src_uri.removesuffix(".md").removesuffix("index").rstrip("/") or "index"


@functools.cache
def _unit_3_plan():
    from course.paper.plan import plan_paper
    from course.project import course_options, load_mkdocs_config, read_course

    config = load_mkdocs_config(PROJECT_DIR)
    options = course_options(config)
    outline = read_course(config, options.data_dir, options.abbreviations).outline
    return outline, plan_paper(outline)


def unit_3_page_names() -> list[str]:
    """Every page the build makes of Unit 3's project, by address, as the engine plans them (no build needed)."""
    outline, plan = _unit_3_plan()
    return [name_of(page.path) for page in outline.pages] + [name_of(handout.src_uri) for handout in plan.handouts]


def unit_3_pdfs() -> dict[str, str]:
    """Every PDF the build makes of Unit 3's project, and the page it is made from."""
    _, plan = _unit_3_plan()
    return {pdf.pdf_name: name_of(pdf.src_uri) for pdf in plan.pdfs}
