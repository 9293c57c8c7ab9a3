"""Snippets: every `--8<--` names a file pymdownx.snippets can include, and what it includes is fit for a page.

pymdownx.snippets puts a file of includes/ into a page while Markdown reads it
(after the macros), and stops the build with a traceback when the file is not
there. Its own preprocessor runs here, on each page that has a snippet, so a
missing one is a problem at its line; and each file the snippets can include
is held to the rules of a page's HTML (checks/html.py), as it becomes part of one.
"""

from __future__ import annotations

from pathlib import Path

from markdown import Markdown
from pymdownx.snippets import SnippetMissingError

from ..content.outline import Outline
from ..content.pages import SourcePage, read_markdown
from ..content.problems import Problem
from .html import page_problems

SNIPPET_MARK = "8<-"


def check_snippets(outline: Outline) -> list[Problem]:
    options = outline.project.snippets
    if options is None:
        return []
    bases = [Path(base) for base in options["base_path"]]
    shown = ", ".join(f"{outline.project.display(base)}/" for base in bases)
    problems = []
    preprocessor = None
    for page in outline.pages:
        if SNIPPET_MARK not in page.text:
            continue
        if preprocessor is None:
            preprocessor = Markdown(extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": options}).preprocessors["snippet"]
        lines = page.text.split("\n")
        try:
            preprocessor.run(lines)
        except SnippetMissingError as error:
            path = str(error).removeprefix("Snippet at path '").removesuffix("' could not be found")
            line = next((n for n, text in enumerate(lines, start=1) if SNIPPET_MARK in text and path in text), None)
            line = line or next(n for n, text in enumerate(lines, start=1) if SNIPPET_MARK in text)
            problems.append(Problem(page.display, line, f"the snippet '{path}' is not a file in {shown}; name one that is, or remove the line"))
        except (OSError, UnicodeDecodeError) as error:
            line = next(n for n, text in enumerate(lines, start=1) if SNIPPET_MARK in text)
            problems.append(Problem(page.display, line, f"a snippet here cannot be read ({error}); name a UTF-8 text file in {shown}"))
    for base in bases:
        for path in sorted(base.rglob("*")) if base.is_dir() else []:
            if path.is_file():
                display = outline.project.display(path)
                text, problem = read_markdown(path, display)
                if problem:
                    problems.append(problem)
                    continue
                problems.extend(page_problems(SourcePage(path=path.name, display=display, text=text, meta={})))
    return problems
