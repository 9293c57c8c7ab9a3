"""Macros for the unit's pages (loaded by mkdocs-macros as `module_name: macros`).

`define_env` only registers plain functions; each lives in the module for its
concern and can be called, and tested, without MkDocs.
"""

from .activities import activity
from .figures import typology_figure
from .glossary import abbreviations, key_terms
from .loading import ContentError, load_unit
from .references import cite, references
from .rules import simple_rules
from .tables import comparison_table
from .workbook import workbook_activities, workbook_cover

MACROS = (
    abbreviations,
    activity,
    cite,
    comparison_table,
    key_terms,
    references,
    simple_rules,
    typology_figure,
    workbook_activities,
    workbook_cover,
)


def define_env(env) -> None:
    """Validate the data before any page is built, then register the macros."""
    from mkdocs.exceptions import PluginError  # only needed inside a build

    try:
        load_unit()
    except ContentError as error:
        raise PluginError(f"The unit's data has {len(error.problems)} problem(s):\n{error}") from None
    for function in MACROS:
        env.macro(function)
