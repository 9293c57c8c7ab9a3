"""Every macro call on every page, run as the build would run it.

A call to a macro that does not exist, with the wrong arguments, with an id
the data does not have, or of a unit macro from a page in no unit, becomes a
problem at the page's line.
"""

from __future__ import annotations

import difflib
import typing

from ..content.outline import Outline
from ..content.problems import Problem
from ..page_macros import MACRO_NAMES, PageMacros, signature

# Names mkdocs-macros itself provides to pages; calling them is not a mistake.
BUILT_IN_MACROS = {"context", "fix_url", "macros_info", "now"}


def check_macro_calls(outline: Outline, cache: dict) -> list[Problem]:
    problems = []
    for page in outline.pages:
        if page.syntax_error:
            problems.append(page.syntax_error)
        macros = PageMacros(outline, page.path, cache)
        for call in page.calls:
            where = (page.display, call.line)
            if call.name in BUILT_IN_MACROS:
                continue
            if call.name not in MACRO_NAMES:
                problems.append(Problem(*where, f"there is no macro '{call.name}'; {_suggest(call.name)}"))
                continue
            page_signature = signature(call.name)
            usage = ", ".join(page_signature.parameters)
            try:
                bound = page_signature.bind(*call.args, **call.kwargs)
            except TypeError as error:
                problems.append(Problem(*where, f"{call.name}() was called wrongly ({error}); call it as {call.name}({usage})"))
                continue
            wrong = _wrong_type(call.name, bound.arguments)
            if wrong:
                problems.append(Problem(*where, f"{call.name}() was called wrongly ({wrong}); call it as {call.name}({usage})"))
                continue
            try:
                getattr(macros, call.name)(*call.args, **call.kwargs)
            except (KeyError, ValueError) as error:
                problems.append(Problem(*where, str(error.args[0]) if error.args else repr(error)))
    return problems


def _wrong_type(name: str, arguments: dict) -> str | None:
    """What is wrong with the types of a call's arguments (activity_id must be text...), if anything."""
    hints = typing.get_type_hints(getattr(PageMacros, name))
    for parameter, value in arguments.items():
        expected = hints.get(parameter)
        if expected in (str, int) and (type(value) is not expected):
            kind = "text in quotes" if expected is str else "a whole number"
            shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
            return f"{parameter} must be {kind}, not {shown}"
    return None


def _suggest(name: str) -> str:
    close = difflib.get_close_matches(name, MACRO_NAMES, n=1)
    listing = ", ".join(MACRO_NAMES)
    return f"did you mean '{close[0]}'? (macros: {listing})" if close else f"use one of: {listing}"
