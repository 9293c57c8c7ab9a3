"""Check every page and data file without building the site.

    python -m macros.check        (or: make check)

Reports every problem at once as `file:line: what is wrong, and how to fix it`
and exits 0 only when there is none. `mkdocs build` runs the same check
before it writes anything (see define_env).
"""

from __future__ import annotations

import difflib
import inspect
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from jinja2 import Environment, TemplateSyntaxError, nodes
from markdown.extensions.toc import slugify

from . import MACROS
from .loading import ContentError, Problem, load_programme
from .tables import TABLES

PROJECT_DIR = Path(__file__).resolve().parent.parent

# Names mkdocs-macros itself provides to pages; calling them is not a mistake.
BUILT_IN_MACROS = {"context", "fix_url", "macros_info", "now"}

# US spellings of common words, and the UK spelling to use instead.
US_TO_UK = {
    "analyze": "analyse",
    "behavior": "behaviour",
    "catalog": "catalogue",
    "center": "centre",
    "color": "colour",
    "defense": "defence",
    "favor": "favour",
    "favorite": "favourite",
    "honor": "honour",
    "labor": "labour",
    "mobilize": "mobilise",
    "neighbor": "neighbour",
    "neighborhood": "neighbourhood",
    "organization": "organisation",
    "organize": "organise",
    "prioritize": "prioritise",
    "program": "programme",
    "realize": "realise",
    "recognize": "recognise",
    "specialize": "specialise",
    "utilize": "use",
}
_US_WORD = re.compile(
    r"\b(" + "|".join(US_TO_UK) + r")(s|d|ed|es|ing|ation|ations|al)?\b",
    re.IGNORECASE,
)

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_HEADING_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HREF = re.compile(r"""\bhref=["']([^"']+)["']""")
_IMAGE_MD = re.compile(r"!\[([^\]]*)\]\(([^)]*)\)")
_IMAGE_HTML = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ID = re.compile(r"""\bid=["']([^"']+)["']""")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


@dataclass
class Page:
    path: str  # relative to docs/, with forward slashes
    display: str  # relative to the project, for messages
    text: str  # the Markdown, front matter blanked out (line numbers kept)
    anchors: set[str] = field(default_factory=set)


@dataclass
class MacroUse:
    page: Page
    line: int
    name: str
    args: tuple
    kwargs: dict


# --- Reading -----------------------------------------------------------------------


def read_pages(docs_dir: Path, project_dir: Path) -> list[Page]:
    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        text = _FRONT_MATTER.sub(lambda m: "\n" * m.group(0).count("\n"), text, count=1)
        pages.append(
            Page(
                path=path.relative_to(docs_dir).as_posix(),
                display=path.relative_to(project_dir).as_posix(),
                text=text,
            )
        )
    return pages


def prose_lines(text: str):
    """(line number, line) for every line outside fenced code blocks."""
    fenced = False
    for number, line in enumerate(text.splitlines(), start=1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield number, line


# --- Macro calls ---------------------------------------------------------------------


def find_macro_calls(page: Page, problems: list[Problem]) -> list[MacroUse]:
    """Every `{{ name(...) }}` on the page, with its literal arguments."""
    try:
        tree = Environment().parse(page.text)
    except TemplateSyntaxError as error:
        problems.append(Problem(page.display, error.lineno, f"macro syntax error: {error.message}; check the {{{{ }}}} braces"))
        return []
    uses = []
    for call in tree.find_all(nodes.Call):
        if not isinstance(call.node, nodes.Name):
            continue
        try:
            args = tuple(arg.as_const() for arg in call.args)
            kwargs = {kw.key: kw.value.as_const() for kw in call.kwargs}
        except nodes.Impossible:
            args, kwargs = None, None
        uses.append(MacroUse(page, call.lineno, call.node.name, args, kwargs))
    return uses


def run_macro_calls(uses: list[MacroUse], data_dir: Path) -> list[Problem]:
    """Call each macro as the build would; any failure becomes a located problem."""
    functions = {function.__name__: function for function in MACROS}
    problems = []
    for use in uses:
        where = (use.page.display, use.line)
        if use.name in BUILT_IN_MACROS:
            continue
        if use.name not in functions:
            problems.append(Problem(*where, f"there is no macro '{use.name}'; {_suggest(use.name, functions)}"))
            continue
        if use.args is None:
            continue  # arguments computed at build time: nothing to check here
        function = functions[use.name]
        full_signature = inspect.signature(function)
        # data_dir is for tests and this check; pages never pass it.
        page_signature = full_signature.replace(
            parameters=[p for p in full_signature.parameters.values() if p.name != "data_dir"]
        )
        try:
            page_signature.bind(*use.args, **use.kwargs)
        except TypeError as error:
            usage = ", ".join(page_signature.parameters)
            problems.append(Problem(*where, f"{use.name}() was called wrongly ({error}); call it as {use.name}({usage})"))
            continue
        extra = {"data_dir": data_dir} if "data_dir" in full_signature.parameters else {}
        try:
            html = function(*use.args, **use.kwargs, **extra)
        except KeyError as error:
            problems.append(Problem(*where, f"{error.args[0]}; fix the id in the page or add it to the data"))
            continue
        use.page.anchors.update(_ID.findall(html))
    return problems


def _suggest(name: str, known) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    listing = ", ".join(sorted(known))
    return f"did you mean '{close[0]}'? (macros: {listing})" if close else f"use one of: {listing}"


def unused_content(uses: list[MacroUse], programme, data_dir: Path, project_dir: Path) -> list[Problem]:
    """Activities and tables defined in the data but shown on no page."""
    used = {(use.name, use.args[0]) for use in uses if use.args}
    problems = []
    for unit in programme.units:
        activities_file = data_dir / unit.id / "activities.yml"
        for activity in unit.activities.activities:
            if ("activity", activity.id) not in used:
                problems.append(
                    Problem(
                        _display(activities_file, project_dir),
                        _line_of_id(activities_file, activity.id),
                        f"activity '{activity.id}' is not used on any page; add {{{{ activity(\"{activity.id}\") }}}} to a page or remove it",
                    )
                )
    for table_id in TABLES:
        if ("comparison_table", table_id) in used:
            continue
        name = table_id.replace("-", "_")  # the table "problem-types" is drawn from problem_types.yml
        owners = [unit for unit in programme.units if getattr(unit, name, None) is not None]
        if owners:
            problems.append(
                Problem(
                    _display(data_dir / owners[0].id / f"{name}.yml", project_dir),
                    1,
                    f"table '{table_id}' is not used on any page; add {{{{ comparison_table(\"{table_id}\") }}}} to a page",
                )
            )
    return problems


def _line_of_id(path: Path, entry_id: str) -> int | None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if re.match(rf"^\s*-?\s*id:\s*['\"]?{re.escape(entry_id)}['\"]?\s*$", line):
            return number
    return None


def _display(path: Path, project_dir: Path) -> str:
    try:
        return path.relative_to(project_dir).as_posix()
    except ValueError:
        return path.as_posix()


# --- Pages: anchors, links, images ----------------------------------------------------------


def collect_heading_anchors(page: Page) -> None:
    for _, line in prose_lines(page.text):
        match = _HEADING.match(line)
        if not match:
            continue
        title = match.group(2)
        custom = _HEADING_ID.search(title)
        if custom:
            page.anchors.add(custom.group(1))
            continue
        plain = re.sub(r"[*_`]|\[([^\]]*)\]\([^)]*\)", r"\1", title)
        page.anchors.add(slugify(plain, "-"))
    page.anchors.update(_ID.findall(page.text))


def check_links(pages: list[Page], docs_dir: Path, anchors_known: bool = True) -> list[Problem]:
    """Internal links must reach a page; anchors are checked when every macro could run."""
    by_path = {page.path: page for page in pages}
    problems = []
    for page in pages:
        for number, line in prose_lines(page.text):
            targets = _LINK.findall(line) + _HREF.findall(line)
            for target in targets:
                problem = _check_link(page, target, by_path, docs_dir, anchors_known)
                if problem:
                    problems.append(Problem(page.display, number, problem))
    return problems


def _check_link(page: Page, target: str, by_path: dict[str, Page], docs_dir: Path, anchors_known: bool) -> str | None:
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE) or target.startswith("{{"):
        return None  # another site, mailto:, or a macro-made address
    path_part, _, anchor = target.partition("#")
    if path_part:
        if path_part.startswith("/"):
            resolved = _normalise(path_part)  # relative to docs/ (validation.links.absolute_links)
        else:
            resolved = _normalise((PurePosixPath(page.path).parent / path_part).as_posix())
        if resolved not in by_path:
            if (docs_dir / resolved).exists() and not resolved.endswith(".md"):
                return None  # an image, PDF or other file in docs/
            hint = " (link to the .md file, not the page's address)" if not path_part.endswith(".md") else ""
            return f"link to '{target}' does not resolve: there is no docs/{resolved}{hint}"
        target_page = by_path[resolved]
    else:
        target_page = page
    if anchor and anchors_known and anchor not in target_page.anchors:
        return f"link to '{target}': docs/{target_page.path} has no heading or element with the id '{anchor}'"
    return None


def _normalise(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def check_images(pages: list[Page]) -> list[Problem]:
    problems = []
    for page in pages:
        for number, line in prose_lines(page.text):
            for alt, src in _IMAGE_MD.findall(line):
                if not alt.strip():
                    problems.append(
                        Problem(page.display, number, f"image '{src}' has no alt text; describe it inside the brackets: ![what it shows]({src})")
                    )
            for tag in _IMAGE_HTML.findall(line):
                if not re.search(r"\balt=", tag, re.IGNORECASE):
                    problems.append(Problem(page.display, number, f"image {tag} has no alt attribute; add alt=\"what it shows\""))
    return problems


# --- Spelling ----------------------------------------------------------------------------------


def check_spelling(display: str, lines) -> list[Problem]:
    problems = []
    for number, line in lines:
        line = re.sub(r"\(\s*[^)\s]+\.(md|png|svg|pdf)[^)]*\)|https?://\S+|`[^`]*`", " ", line)
        for match in _US_WORD.finditer(line):
            word = match.group(0)
            stem, ending = match.group(1), match.group(2) or ""
            uk = US_TO_UK[stem.lower()]
            if stem.lower().endswith("ize") and ending.startswith("ation"):
                uk_word = uk[:-1] + ending  # organization -> organisation
            elif uk.endswith("e") and ending[:1] in ("e", "i", "a"):
                uk_word = uk[:-1] + ending  # organized -> organised
            elif stem.lower() == "program" and ending.startswith("m"):
                continue
            else:
                uk_word = uk + ending
            if word[0].isupper():
                uk_word = uk_word[0].upper() + uk_word[1:]
            problems.append(Problem(display, number, f"'{word}' is a US spelling; write '{uk_word}' (UK English)"))
    return problems


def data_text_lines(path: Path):
    """Lines of a YAML file that hold text values (comments skipped)."""
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        if line.lstrip().startswith("#"):
            continue
        yield number, re.sub(r"^\s*(-\s*)?[\w-]+:\s*", "", line)


# --- The whole check ---------------------------------------------------------------------------


def check_project(project_dir: Path = PROJECT_DIR) -> list[Problem]:
    """Every problem in the project's pages and data, in file and line order."""
    project_dir = Path(project_dir)
    docs_dir, data_dir = project_dir / "docs", project_dir / "data"
    problems: list[Problem] = []
    try:
        programme = load_programme(data_dir)
    except ContentError as error:
        programme = None
        problems.extend(_relocate(error.problems, data_dir, project_dir))
    pages = read_pages(docs_dir, project_dir)
    uses = []
    for page in pages:
        uses.extend(find_macro_calls(page, problems))
        collect_heading_anchors(page)
        problems.extend(check_spelling(page.display, prose_lines(page.text)))
    if programme is not None:
        problems.extend(run_macro_calls(uses, data_dir))
        problems.extend(unused_content(uses, programme, data_dir, project_dir))
    problems.extend(check_links(pages, docs_dir, anchors_known=programme is not None))
    problems.extend(check_images(pages))
    for path in sorted(data_dir.rglob("*.yml")):
        problems.extend(check_spelling(_display(path, project_dir), data_text_lines(path)))
    return sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.message))


def _relocate(problems: list[Problem], data_dir: Path, project_dir: Path) -> list[Problem]:
    """Loading names files from the data folder ('data/unit-3/x.yml'); give the path from the project."""
    prefix = _display(data_dir, project_dir)
    return [Problem(p.file.replace(f"{data_dir.name}/", f"{prefix}/", 1), p.line, p.message) for p in problems]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    project_dir = Path(args[0]) if args else PROJECT_DIR
    problems = check_project(project_dir)
    for problem in problems:
        print(problem)
    if problems:
        print(f"\n{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    print("No problems found.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
