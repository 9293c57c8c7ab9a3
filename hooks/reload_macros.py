"""MkDocs hook: forget the macros package after each build.

mkdocs-macros imports `macros` once per process, so without this `mkdocs serve`
would keep running the old Python after an author edits a macro. Dropping the
modules makes the next rebuild import the edited code.
"""

import sys


def _forget_macros() -> None:
    for name in [name for name in sys.modules if name == "macros" or name.startswith("macros.")]:
        del sys.modules[name]


def on_post_build(config, **kwargs) -> None:
    _forget_macros()


def on_build_error(error, **kwargs) -> None:
    _forget_macros()
