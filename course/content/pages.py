"""The course's Markdown pages as written: front matter, text, and the macros they call.

Read without building, so that the check and the build's plan see every page
before MkDocs renders any of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from jinja2 import Environment, TemplateSyntaxError, nodes

from .problems import Problem

# libyaml's loader where PyYAML has it: front matter is read for every page, and it is ten times quicker.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)?---\n", re.DOTALL)
_FENCE = re.compile(r"^\s*(```|~~~)")
_ATTRIBUTES = re.compile(r"\s*\{[^}]*\}\s*$")  # "# Title { .class }": attr_list's attributes


@dataclass
class MacroCall:
    """`{{ name(args) }}` on a page; args is None when they are worked out at build time."""

    page: SourcePage
    line: int
    name: str
    args: tuple | None
    kwargs: dict | None


@dataclass
class SourcePage:
    path: str  # relative to docs/, with forward slashes: "unit-4/index.md"
    display: str  # relative to the project, for messages: "docs/unit-4/index.md"
    text: str  # the Markdown, front matter blanked out (line numbers kept)
    meta: dict  # the front matter
    calls: list[MacroCall] = field(default_factory=list)
    syntax_error: Problem | None = None
    anchors: set[str] = field(default_factory=set)  # ids on the page, filled in by the check

    @property
    def title(self) -> str:
        """The page's title as MkDocs gives it: `title:` in the front matter, else its first heading (without attributes)."""
        if isinstance(self.meta.get("title"), str):
            return self.meta["title"]
        for _, line in self.prose_lines():
            if line.startswith("# "):
                return _ATTRIBUTES.sub("", line[2:]).strip()
        return self.path

    def prose_lines(self):
        """(line number, line) for every line outside fenced code blocks."""
        fenced = False
        for number, line in enumerate(self.text.splitlines(), start=1):
            if _FENCE.match(line):
                fenced = not fenced
                continue
            if not fenced:
                yield number, line


def read_page(path: Path, docs_dir: Path, project_dir: Path, jinja: Environment) -> SourcePage:
    text = path.read_text(encoding="utf-8-sig")
    meta: dict = {}
    front = _FRONT_MATTER.match(text)
    if front:
        try:
            meta = yaml.load(front.group(1) or "", Loader=_LOADER) or {}
        except yaml.YAMLError:
            meta = {}  # MkDocs reports the broken front matter itself
        if not isinstance(meta, dict):
            meta = {}
        text = "\n" * front.group(0).count("\n") + text[front.end() :]
    page = SourcePage(
        path=path.relative_to(docs_dir).as_posix(),
        display=_display(path, project_dir),
        text=text,
        meta=meta,
    )
    if meta.get("render_macros", True) is not False:
        _find_macro_calls(page, jinja)
    return page


def _find_macro_calls(page: SourcePage, jinja: Environment) -> None:
    try:
        tree = jinja.parse(page.text)
    except TemplateSyntaxError as error:
        page.syntax_error = Problem(page.display, error.lineno, f"macro syntax error: {error.message}; check the {{{{ }}}} braces")
        return
    for call in tree.find_all(nodes.Call):
        if not isinstance(call.node, nodes.Name):
            continue
        try:
            args = tuple(arg.as_const() for arg in call.args)
            kwargs = {kw.key: kw.value.as_const() for kw in call.kwargs}
        except nodes.Impossible:
            args, kwargs = None, None
        page.calls.append(MacroCall(page, call.lineno, call.node.name, args, kwargs))


def _display(path: Path, project_dir: Path) -> str:
    try:
        return path.relative_to(project_dir).as_posix()
    except ValueError:
        return path.as_posix()


def read_pages(paths: list[Path], docs_dir: Path, project_dir: Path) -> list[SourcePage]:
    jinja = Environment()
    return [read_page(path, docs_dir, project_dir, jinja) for path in paths]
