"""Check every page and data file without building the site.

    make check        (or: .venv/bin/python -m course.checks [PROJECT_DIR])

Reports every problem at once as `file:line: what is wrong, and how to fix it`.
The build runs the same checks first and stops before it writes anything.
One module per kind of check; `check_course` runs them all. `remind` gives
the warnings that never stop anything (an accessibility statement or a dated
note due for its yearly review, values still to confirm, US spellings): for a given day, never
the clock's.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from ..content.problems import Problem
from ..paper.plan import PaperPlan, plan_paper
from ..project import CourseSource
from .before_and_after import check_before_and_after
from .changed_since import changed_since_reminders
from .front_matter import check_front_matter
from .html import check_html
from .images import check_images
from .links import check_links
from .macro_calls import check_macro_calls
from .markdown_limits import check_markdown_limits
from .teaching import check_teaching
from .paper import check_paper
from .rendering import RenderedPages
from .scorm import check_scorm_budget
from .snippets import check_snippets
from .spelling import spelling_warnings
from .statement import check_statement_data, check_statement_pages, statement_reminders
from .symlinks import check_symlinks
from .theme import check_theme_features
from .usage import check_usage


def check_course(source: CourseSource, plan: PaperPlan, cache: dict | None = None) -> list[Problem]:
    """Every problem in the course's pages and data, in file and line order."""
    outline = source.outline
    cache = {} if cache is None else cache
    problems: list[Problem] = list(outline.problems)
    problems.extend(problem for page in outline.pages for problem in page.problems)
    data_loaded = outline.programme is not None
    if data_loaded:
        problems.extend(check_macro_calls(outline, cache))
        problems.extend(check_usage(outline))
        problems.extend(check_teaching(outline))
        problems.extend(check_before_and_after(outline))
        problems.extend(check_paper(outline, plan, source.excluded_pages))
        problems.extend(check_statement_data(outline))
        problems.extend(check_scorm_budget(outline))
    else:
        problems.extend(page.syntax_error for page in outline.pages if page.syntax_error)
    rendered = RenderedPages(outline, source.config, cache) if data_loaded else None
    problems.extend(check_links(outline, plan, rendered))
    problems.extend(check_images(outline))
    problems.extend(check_front_matter(outline))
    problems.extend(check_html(outline))
    problems.extend(check_markdown_limits(outline))
    problems.extend(check_snippets(outline))
    problems.extend(check_statement_pages(outline))
    return sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.message))


def remind(outline, today: datetime.date) -> list[Problem]:
    """Warnings, as of `today`: each a `file:line: warning: ...` that fails nothing, once, in file and line order."""
    warnings = statement_reminders(outline, today) + changed_since_reminders(outline, today) + spelling_warnings(outline)
    return sorted(set(warnings), key=lambda p: (p.file, p.line or 0, p.message))


def read_project(project_dir: Path) -> tuple[list[Problem], CourseSource | None]:
    """The course a project's mkdocs.yml describes, loaded as a build would load it; or, when a
    symbolic link leads out of the project (reading the course would follow it) or the theme has
    a feature the course refuses, those problems and no course."""
    from ..project import course_options, load_mkdocs_config, read_course

    config = load_mkdocs_config(Path(project_dir))
    options = course_options(config)
    problems = check_theme_features(config) + check_symlinks(config, options.data_dir, options.abbreviations)
    if problems:
        return problems, None
    return [], read_course(config, options.data_dir, options.abbreviations)


def check_project(project_dir: Path) -> list[Problem]:
    """Load the project's mkdocs.yml as a build would, and check the course it describes."""
    problems, source = read_project(project_dir)
    if source is None:
        return problems
    return check_course(source, plan_paper(source.outline))
