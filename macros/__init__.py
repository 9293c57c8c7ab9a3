"""Macros for the unit's pages (loaded by mkdocs-macros as `module_name: macros`).

`define_env` only registers plain functions; each lives in the module for its
concern and can be called, and tested, without MkDocs.
"""

from .activities import activity, activity_label
from .figures import typology_figure
from .flocking import flocking_simulation
from .glossary import abbreviations, key_terms
from .problem_check import problem_check
from .references import cite, references
from .rules import simple_rules
from .tables import comparison_table
from .print_workbook import workbook_activities, workbook_cover
from .workbook import workbook

MACROS = (
    abbreviations,
    activity,
    activity_label,
    cite,
    comparison_table,
    flocking_simulation,
    key_terms,
    problem_check,
    references,
    simple_rules,
    typology_figure,
    workbook,
    workbook_activities,
    workbook_cover,
)


def define_env(env) -> None:
    """Check every page and data file before anything is built, then register the macros.

    The check is the one `python -m macros.check` runs; a problem stops the build
    before MkDocs cleans or writes the site folder. Only the standard macros
    contract is used (`env.project_dir`, `env.macro`), which Zensical's macros
    extension also provides.
    """
    from pathlib import Path

    from .check import PROJECT_DIR, check_project
    from .loading import ContentError

    problems = check_project(Path(getattr(env, "project_dir", PROJECT_DIR)))
    if problems:
        listing = "\n".join(str(problem) for problem in problems)
        message = f"{len(problems)} problem(s) found; nothing was built:\n{listing}"
        try:
            from mkdocs.exceptions import PluginError  # MkDocs or ProperDocs print this without a traceback
        except ImportError:
            raise ContentError(problems) from None
        raise PluginError(message)
    for function in MACROS:
        env.macro(function)
