"""The course's Markdown pages as written: front matter, text, and the macros they call.

Read without building, so that the check and the build's plan see every page
before MkDocs renders any of them, and read as MkDocs reads them (its own
pattern for front matter, and its MultiMarkdown fallback), so the check sees
the same fields the theme will print.

What a page may be is limited here, where it is read:

- at most MAX_PAGE_BYTES, in UTF-8 (MkDocs stops on anything else);
- front matter in the course's safe YAML (safe_yaml.py: no anchors, aliases,
  merge keys or tags, no deep nesting);
- between `{{ }}` (in the text and in a front matter title, which mkdocs-macros
  renders too), only a call of a macro with plain values
  (`activity("flocking")`), a plain value (`"{{"`), or a setting of mkdocs.yml
  (`config.site_name`, `config.extra...`); no `{% %}` statements. mkdocs-macros
  renders each page as a Jinja template, and Jinja can reach Python from any
  other expression, so anything else is refused before it is rendered.

Each is a Problem in `page.problems`, at its line.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from jinja2 import Environment, TemplateSyntaxError, nodes
from mkdocs.utils.meta import YAML_RE as FRONT_MATTER
from mkdocs.utils.meta import get_data as multimarkdown_meta

from .problems import Problem
from .safe_yaml import Refused, load_plain

# The longest page read: the longest now is 4 KB. Python-Markdown's time grows
# faster than a page's length on some inputs; this keeps a page to seconds.
MAX_PAGE_BYTES = 200 * 1024
_FENCE = re.compile(r"^\s*(```|~~~)")
# What a page may read of mkdocs.yml between {{ }}: its plain settings, and anything under extra:.
PAGE_SETTINGS = ("site_name", "site_url", "site_description", "site_author", "copyright", "repo_url", "repo_name", "extra")
_ALLOWED = (
    "only a macro call with plain values, such as {{ activity(\"flocking\") }}, or a setting such as "
    "{{ config.site_name }} or {{ config.extra.programme }}, may stand between {{ and }}"
)
_ATTRIBUTES = re.compile(r"\s*\{[^}]*\}\s*$")  # "# Title { .class }": attr_list's attributes
# Inline marks a heading's text loses as a title: emphasis, code, a link's address.
_INLINE_MARKS = re.compile(r"[*_`]+|\[([^\]]*)\]\([^)]*\)")


@dataclass
class MacroCall:
    """`{{ name(args) }}` on a page, its arguments as written (plain values: nothing else is read as a call)."""

    page: SourcePage
    line: int
    name: str
    args: tuple
    kwargs: dict


@dataclass
class SourcePage:
    path: str  # relative to docs/, with forward slashes: "unit-4/index.md"
    display: str  # relative to the project, for messages: "docs/unit-4/index.md"
    text: str  # the Markdown, front matter blanked out (line numbers kept)
    meta: dict  # the front matter
    calls: list[MacroCall] = field(default_factory=list)
    syntax_error: Problem | None = None
    problems: list[Problem] = field(default_factory=list)  # what the page may not be or hold (see above)
    meta_lines: dict[str, int] = field(default_factory=dict)  # the line of each front matter field
    shown_values: list[tuple[int, str]] = field(default_factory=list)  # {{ "plain values" }}, as the page shows them
    nav_title: str | None = None  # the title mkdocs.yml's nav gives the page, if it gives one

    @property
    def title(self) -> str:
        """The page's title by MkDocs' own rule (mkdocs.structure.pages.Page.title): the title the
        navigation gives it; else `title:` in its front matter; else its first block, when that is a
        level-1 heading (`# Title`, or a setext one, underlined with =), without attr_list's
        attributes or inline marks; else its file's name ("Home" for the home page)."""
        if self.nav_title:
            return self.nav_title
        if isinstance(self.meta.get("title"), str):
            return self.meta["title"]
        heading = self._first_block_heading()
        if heading:
            return heading
        if self.path in ("index.md", "README.md"):
            return "Home"
        stem = posixpath.splitext(posixpath.basename(self.path))[0]
        if stem in ("index", "README"):
            stem = posixpath.basename(posixpath.dirname(self.path))
        name = stem.replace("-", " ").replace("_", " ")
        return name.capitalize() if name.lower() == name else name

    def _first_block_heading(self) -> str | None:
        lines = self.text.splitlines()  # a fenced block first is a first block that is not a heading
        start = next((n for n, line in enumerate(lines) if line.strip()), None)
        if start is None:
            return None
        first = lines[start].strip()
        if first.startswith("# "):
            text = first[2:].rstrip().rstrip("#").rstrip()
        elif start + 1 < len(lines) and re.fullmatch(r"=+\s*", lines[start + 1]):
            text = first
        else:
            return None
        text = _ATTRIBUTES.sub("", text)
        return _INLINE_MARKS.sub(r"\1", text).strip() or None

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
    display = _display(path, project_dir)
    text, problem = read_markdown(path, display)
    page = SourcePage(path=path.relative_to(docs_dir).as_posix(), display=display, text=text, meta={})
    if problem:
        page.problems.append(problem)
        return page
    page.meta, page.text, problem = _front_matter(text, display)
    if problem:
        page.problems.append(problem)
    if page.meta:
        page.meta_lines = _field_lines(text, page.meta)
    if page.meta.get("render_macros", True) is not False:
        _find_macro_calls(page, jinja)
    return page


def read_markdown(path: Path, display: str) -> tuple[str, Problem | None]:
    """The page's text as MkDocs reads it (UTF-8, an initial BOM dropped, any newline as \\n), or a problem."""
    with open(path, "rb") as stream:
        raw = stream.read(MAX_PAGE_BYTES + 1)
    if len(raw) > MAX_PAGE_BYTES:
        return "", Problem(display, 1, f"the page is over the limit of {MAX_PAGE_BYTES // 1024} KB; split it into pages of its sections")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return "", Problem(display, line, "this line has bytes that are not UTF-8 text; save the page as UTF-8")
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def _front_matter(text: str, display: str) -> tuple[dict, str, Problem | None]:
    """(fields, the text with its front matter blanked, a problem): the fields MkDocs will give the page.

    Blanking keeps every line where it was, so problems name the lines an author sees.
    """
    front = FRONT_MATTER.match(text)
    if not front:
        rest, meta = multimarkdown_meta(text)  # "key: value" lines at the top, with no ---: MkDocs reads these too
        if not meta:
            return {}, text, None
        removed = text[: len(text) - len(rest)].count("\n")
        return meta, "\n" * removed + rest, None
    try:
        meta = load_plain(front.group(1))
    except Refused as refused:
        return {}, _blank(text, front), Problem(display, refused.line + 1, f"front matter: {refused.message}")
    except yaml.reader.ReaderError as error:  # a character YAML does not allow, such as a control character
        line = front.group(1)[: error.position].count("\n") + 2
        character = f"U+{error.character:04X}" if isinstance(error.character, int) else repr(error.character)
        message = f"the front matter has a character YAML does not allow ({character}, a control character); delete it"
        return {}, _blank(text, front), Problem(display, line, message)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 2) if mark else 1
        message = f"the front matter is not valid YAML ({error.problem}); check the indentation, colons and quotes"
        return {}, _blank(text, front), Problem(display, line, message)
    except (yaml.YAMLError, ValueError, OverflowError) as error:
        message = f"the front matter cannot be read ({error}); write plain fields, such as 'title: A title', quoting text that could be misread"
        return {}, _blank(text, front), Problem(display, 1, message)
    if not isinstance(meta, dict):
        if meta is None:
            return {}, text, None  # empty: MkDocs leaves the lines in the page, as rules
        message = "the front matter must be fields, one per line ('description: ...'), not a single value or a list"
        return {}, text, Problem(display, 2, message)
    return meta, _blank(text, front), None


def _field_lines(text: str, meta: dict) -> dict[str, int]:
    """The line where each top-level field of the front matter starts."""
    lines = {}
    for number, line in enumerate(text.split("\n"), start=1):
        key = line.split(":", 1)[0].strip().strip("'\"")
        if line[:1] not in (" ", "\t", "-", "#") and key in meta and key not in lines:
            lines[key] = number
        if len(lines) == len(meta):
            break
    return lines


def _blank(text: str, front: re.Match) -> str:
    return "\n" * front.group(0).count("\n") + text[front.end() :]


def _find_macro_calls(page: SourcePage, jinja: Environment) -> None:
    """The page's text, and its front matter title (mkdocs-macros renders that too), read as templates."""
    _read_template(page, page.text, jinja, 1)
    title = page.meta.get("title")
    if isinstance(title, str) and any(start in title for start in ("{{", "{%", "{#")):
        _read_template(page, title, jinja, page.meta_lines.get("title", 1))


def _read_template(page: SourcePage, text: str, jinja: Environment, first_line: int) -> None:
    """Every {{ }} in `text` (which starts on line `first_line` of the page): calls kept, anything else a problem."""

    def at(lineno: int) -> int:
        return first_line + lineno - 1

    try:
        tree = jinja.parse(text)
    except TemplateSyntaxError as error:
        problem = Problem(page.display, at(error.lineno), f"macro syntax error: {error.message}; check the {{{{ }}}} braces")
        if page.syntax_error is None:
            page.syntax_error = problem
        else:
            page.problems.append(problem)
        return
    except RecursionError:
        line = at(text[: text.find("{")].count("\n") + 1)
        page.problems.append(Problem(page.display, line, "the {{ }} on this page are nested too deeply to read; " + _ALLOWED))
        return
    for statement in tree.body:
        if not isinstance(statement, nodes.Output):
            message = "{% %} statements are not used on pages; the course's macros do the logic, and " + _ALLOWED
            page.problems.append(Problem(page.display, at(statement.lineno), message))
            continue
        for expression in statement.nodes:
            if isinstance(expression, nodes.TemplateData):
                continue
            call = _macro_call(page, expression, at(expression.lineno))
            if call:
                page.calls.append(call)
            elif isinstance(expression, nodes.Name):
                message = f"'{expression.name}' is neither a macro call nor a setting; {_ALLOWED}"
                page.problems.append(Problem(page.display, at(expression.lineno), message))
            elif _is_literal(expression):
                page.shown_values.append((at(expression.lineno), str(expression.as_const())))
            elif not _is_setting(expression):
                page.problems.append(Problem(page.display, at(expression.lineno), _ALLOWED + "; write plain text outside them"))


def _macro_call(page: SourcePage, expression: nodes.Expr, line: int) -> MacroCall | None:
    """`name(plain values)`, as a MacroCall; None for anything else."""
    if not (isinstance(expression, nodes.Call) and isinstance(expression.node, nodes.Name)):
        return None
    if expression.dyn_args is not None or expression.dyn_kwargs is not None:
        return None
    if not all(_is_literal(arg) for arg in expression.args) or not all(_is_literal(kw.value) for kw in expression.kwargs):
        return None
    args = tuple(arg.as_const() for arg in expression.args)
    kwargs = {kw.key: kw.value.as_const() for kw in expression.kwargs}
    return MacroCall(page, line, expression.node.name, args, kwargs)


def _is_literal(expression: nodes.Expr) -> bool:
    """A plain value: text, a number, true, false, none, or a list, tuple or mapping of them."""
    if isinstance(expression, nodes.Const):
        return True
    if isinstance(expression, (nodes.List, nodes.Tuple)):
        return all(_is_literal(item) for item in expression.items)
    if isinstance(expression, nodes.Dict):
        return all(_is_literal(pair.key) and _is_literal(pair.value) for pair in expression.items)
    if isinstance(expression, (nodes.Neg, nodes.Pos)):
        return isinstance(expression.node, nodes.Const) and isinstance(expression.node.value, (int, float))
    return False


def _is_setting(expression: nodes.Expr) -> bool:
    """config.<setting>, or config.extra.<name>... (attributes or ["keys"], never a name starting with _)."""
    names = []
    while isinstance(expression, (nodes.Getattr, nodes.Getitem)):
        if isinstance(expression, nodes.Getattr):
            names.append(expression.attr)
        elif isinstance(expression.arg, nodes.Const) and isinstance(expression.arg.value, str):
            names.append(expression.arg.value)
        else:
            return False
        expression = expression.node
    names.reverse()
    if not (isinstance(expression, nodes.Name) and expression.name == "config" and names):
        return False
    if names[0] not in PAGE_SETTINGS or (len(names) > 1 and names[0] != "extra"):
        return False
    return not any(name.startswith("_") for name in names)


def _display(path: Path, project_dir: Path) -> str:
    try:
        return path.relative_to(project_dir).as_posix()
    except ValueError:
        return path.as_posix()


def read_pages(paths: list[Path], docs_dir: Path, project_dir: Path) -> list[SourcePage]:
    jinja = Environment()
    return [read_page(path, docs_dir, project_dir, jinja) for path in paths]
