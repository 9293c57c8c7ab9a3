"""Read one YAML data file against its schema, with every error located.

Errors are collected, not raised one at a time, and each names the file, the
line, the entry and the field, so an author can fix them all in one pass.
The YAML itself is read under the course's rules (safe_yaml.py: no anchors,
aliases, merge keys or tags, nesting at most MAX_DEPTH deep) from a file of at
most MAX_DATA_FILE_BYTES; each of those refusals is one problem, at its line.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from .problems import ContentError, Problem
from .safe_yaml import DataLoader, Refused

# The largest data file read: Unit 3's biggest is 3 KB, so this is room for a
# unit eighty times the size, read and checked in well under a second.
MAX_DATA_FILE_BYTES = 256 * 1024
# Beyond this many problems in one file, the rest are counted, not listed.
MAX_PROBLEMS_PER_FILE = 50

# What an author calls an item of each list, for messages.
ENTRY_NAMES = {
    "activities": "activity",
    "forms": "form",
    "types": "problem type",
    "references": "reference",
    "rules": "rule",
    "prompts": "prompt",
    "units": "unit",
    "parts": "part",
    "versions": "version",
    "running_order": "line",
    "slides": "slide",
    "account": "part",
    "dimensions": "dimension",
    "touches": "dimension touched",
    "uses": "use",
    "sources": "source",
    "outcomes": "outcome",
    "answers": "answer",
    "questions": "question",
    "results": "result",
    "scenarios": "scenario",
    "pre_read": "page to read",
    "statements": "statement",
}

_ENTRY_START = re.compile(r"^\s*-\s*id:\s*['\"]?([^'\"#\s]+)")


def entry_at(text: str, line: int | None) -> str:
    """'in entry 'x', ' for the list entry (by id) that a line falls in, if any."""
    if not line:
        return ""
    for candidate in reversed(text.splitlines()[:line]):
        match = _ENTRY_START.match(candidate)
        if match:
            return f"in entry '{match.group(1)}', "
        if candidate[:1] not in ("", " ", "\t", "-", "#"):
            return ""  # a field of the file itself, after any list
    return ""


def compose(text: str, file: str) -> yaml.Node:
    """Parse YAML into nodes (which keep line numbers), refusing tabs, duplicate keys and what safe_yaml refuses."""
    tabs = [n for n, line in enumerate(text.splitlines(), start=1) if "\t" in line[: len(line) - len(line.lstrip())]]
    if tabs:
        raise ContentError(
            _at_most(
                [
                    Problem(file, n, f"{entry_at(text, n)}the line is indented with a tab; YAML needs spaces, so replace the tab with spaces")
                    for n in tabs[: MAX_PROBLEMS_PER_FILE + 1]
                ],
                len(tabs),
            )
        )
    loader = None
    try:
        loader = DataLoader(text)  # reads the whole text once: a control character is found here
        node = loader.get_single_node()
    except (ValueError, OverflowError) as error:  # PyYAML's scanner on an escape such as "\U00801000"
        line = loader.line + 1 if loader else 1
        raise ContentError([Problem(file, line, f"{entry_at(text, line)}this is not valid YAML ({error}); check the quotes and escapes on this line")]) from None
    except Refused as refused:
        raise ContentError([Problem(file, refused.line, f"{entry_at(text, refused.line)}{refused.message}")]) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow, such as a control character
        line = text[: error.position].count("\n") + 1
        character = f"U+{error.character:04X}" if isinstance(error.character, int) else repr(error.character)
        message = f"this line has a character YAML does not allow ({character}, a control character); delete it"
        raise ContentError([Problem(file, line, f"{entry_at(text, line)}{message}")]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        hint = "check the indentation, colons and quotes on this line and the one before"
        raise ContentError([Problem(file, line, f"{entry_at(text, line)}this is not valid YAML ({error.problem}); {hint}")]) from None
    finally:
        if loader is not None:
            loader.dispose()
    if node is None:
        raise ContentError([Problem(file, 1, "the file is empty; it must hold a mapping of fields")])
    duplicates = list(_duplicate_keys(node))
    if duplicates:
        raise ContentError(
            _at_most(
                [
                    Problem(file, line, f"{entry_at(text, line)}the key '{key}' appears twice in the same mapping; keep one")
                    for key, line in duplicates[: MAX_PROBLEMS_PER_FILE + 1]
                ],
                len(duplicates),
            )
        )
    return node


def _at_most(problems: list[Problem], found: int) -> list[Problem]:
    """The first MAX_PROBLEMS_PER_FILE problems of a file, and a line counting the rest."""
    if found <= MAX_PROBLEMS_PER_FILE:
        return problems
    listed = problems[:MAX_PROBLEMS_PER_FILE]
    more = found - MAX_PROBLEMS_PER_FILE
    return [*listed, Problem(listed[-1].file, listed[-1].line, f"and {more} more problem(s) like these in this file, not listed; fix these first")]


def _duplicate_keys(node: yaml.Node):
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key, value in node.value:
            if key.value in seen:
                yield key.value, key.start_mark.line + 1
            seen.add(key.value)
            yield from _duplicate_keys(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _duplicate_keys(item)


def _along(node: yaml.Node, loc: tuple):
    """The nodes on the path `loc`, as far as it exists: (the key that names it, or None; the node)."""
    for step in loc:
        if isinstance(node, yaml.MappingNode):
            match = [(key, value) for key, value in node.value if key.value == step]
            if not match:
                return
            key, node = match[0]
            yield key, node
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            yield None, node
        else:
            return


def line_of(node: yaml.Node, loc: tuple) -> int:
    """The line of the deepest node on the path `loc` that exists."""
    for _, node in _along(node, loc):
        pass
    return node.start_mark.line + 1


def key_line_of(node: yaml.Node, loc: tuple) -> int:
    """The line an author looks at for the path `loc`: its last key (`types:`, not the list under it), or list item."""
    line = node.start_mark.line + 1
    for key, found in _along(node, loc):
        line = (key or found).start_mark.line + 1
    return line


def _describe(loc: tuple, raw) -> tuple[str, str]:
    """Split a pydantic error location into (entry, field) in an author's words.

    The entry is the first list item on the path, named by its id when it has
    one: ('activities', 3, 'prompts', 0, 'lines') becomes
    ("activity 'self-activity-8'", "prompts, item 1, lines").
    """
    for index, step in enumerate(loc):
        if isinstance(step, int):
            item = _get(raw, loc[: index + 1])
            if not isinstance(item, dict) and (index == 1 or str(loc[index - 1]) not in ENTRY_NAMES):
                continue  # an item of a list of plain values (a top-level one, a page's key points): a field's item, not an entry
            ident = (item.get("id") or item.get("part")) if isinstance(item, dict) else None
            name = ENTRY_NAMES.get(str(loc[index - 1]), "entry") if index else "entry"
            entry = f"{name} '{ident}'" if isinstance(ident, str) else f"{name} number {step + 1}"
            if isinstance(item, dict) and isinstance(item.get("activity"), str) and not isinstance(ident, str):
                entry += f" (activity '{item['activity']}')"
            return entry, _path_text(loc[index + 1 :])
    return "", _path_text(loc)


def _path_text(loc: tuple) -> str:
    return ", ".join(f"item {step + 1}" if isinstance(step, int) else str(step) for step in loc)


def _get(raw, loc: tuple):
    for step in loc:
        try:
            raw = raw[step]
        except (KeyError, IndexError, TypeError):
            return None
    return raw


def _explain(error: dict) -> str:
    kind, message = error["type"], error["msg"]
    if kind == "extra_forbidden":
        return "unknown field (is it misspelt?); remove it or use one of the fields the schema names"
    if kind == "missing":
        return "this required field is missing; add it"
    if kind == "string_too_short":
        return "this text is empty; write something or remove the entry"
    if kind == "string_too_long":
        return f"this text is longer than the limit; shorten it ({message})"
    if kind.startswith("date_"):
        return "this must be a date, written as YYYY-MM-DD (for example 2026-11-28)"
    message = message.removeprefix("Value error, ")
    return message[0].lower() + message[1:]


def _validate(schema: type[BaseModel], raw, node: yaml.Node, file: str):
    try:
        return schema.model_validate(raw)
    except ValidationError as error:
        problems = []
        details = error.errors()
        for detail in details[: MAX_PROBLEMS_PER_FILE + 1]:
            loc = detail["loc"]
            entry, field = _describe(loc, raw)
            where = ", ".join(part for part in (entry, f"field '{field}'" if field else "") if part)
            problems.append(Problem(file, line_of(node, loc), f"{where or 'top level'}: {_explain(detail)}"))
        raise ContentError(_at_most(problems, len(details))) from None


def read_text(path: Path, file: str, limit: int = MAX_DATA_FILE_BYTES) -> str:
    """The file's text, or ContentError naming the file (missing, too big) or the line (not UTF-8).

    Reads at most `limit` bytes and one more, so even an endless file is refused at once.
    """
    try:
        with open(path, "rb") as stream:
            raw = stream.read(limit + 1)
    except FileNotFoundError:
        raise ContentError([Problem(file, None, "the data file is missing; restore it from git")]) from None
    except IsADirectoryError:
        raise ContentError([Problem(file, None, "this is a folder, where a data file belongs; remove or rename the folder")]) from None
    if len(raw) > limit:
        message = f"the file is over the limit of {limit // 1024} KB for a data file; split it, or shorten it"
        raise ContentError([Problem(file, 1, message)])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        entry = entry_at(raw.decode("utf-8", errors="replace"), line)
        message = f"{entry}this line has bytes that are not UTF-8 text; save the file as UTF-8"
        raise ContentError([Problem(file, line, message)]) from None


def load_file(path: Path, schema: type[BaseModel], file: str):
    """Load one data file against its schema, or raise ContentError; `file` names it in messages."""
    text = read_text(path, file)
    node = compose(text, file)
    raw = _construct(node, text, file)
    if not isinstance(raw, dict):
        raise ContentError([Problem(file, 1, f"the file must hold a mapping of fields, not a {type(raw).__name__}")])
    return _validate(schema, raw, node, file)


class _Constructor(yaml.SafeLoader):
    """PyYAML's safe constructor, whose every failure names the line of the value it failed on."""

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as error:  # a date that is no date, an integer of 5,000 digits...
            raise yaml.constructor.ConstructorError(None, None, str(error), node.start_mark) from None


def _construct(node: yaml.Node, text: str, file: str):
    """The Python values of composed nodes (a tree: safe_yaml refused aliases), or ContentError at the bad value."""
    try:
        return _Constructor("").construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        hint = "put it in quotes if it is text"
        raise ContentError([Problem(file, line, f"{entry_at(text, line)}this value cannot be read ({error.problem}); {hint}")]) from None


def _first_line(path: Path, pattern: str) -> int | None:
    """The number of the first line of a data file that matches `pattern`, for messages about it."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(pattern, line):
            return number
    return None


def line_of_key(path: Path, key: str) -> int | None:
    """The line of a top-level key (`last_reviewed:`), for messages about its value."""
    return _first_line(path, rf"^{re.escape(key)}\s*:")


def line_at(path: Path, loc: tuple) -> int | None:
    """The line of the path `loc` in a data file already read (("versions", 0, "running_order", 2) is that
    line of the first version), as key_line_of finds it; None when the file cannot be read."""
    try:
        return key_line_of(compose(path.read_text(encoding="utf-8"), str(path)), loc)
    except (OSError, ContentError):
        return None


def line_of_id(path: Path, entry_id: str) -> int | None:
    """The line where the list entry with this id starts, for messages about the entry."""
    return _first_line(path, rf"^\s*-?\s*id:\s*['\"]?{re.escape(entry_id)}['\"]?\s*$")


def line_of_value(path: Path, key: str, value: str) -> int | None:
    """The first line reading `key: value` at any depth (`- activity: flocking`), for messages about it."""
    return _first_line(path, rf"^\s*-?\s*{re.escape(key)}:\s*['\"]?{re.escape(value)}['\"]?\s*(#.*)?$")


def line_of_item(path: Path, entry_id: str, value: str) -> int | None:
    """The line of a value in the list entry with this id (a page in `pages:`), else the entry's line."""
    start = line_of_id(path, entry_id)
    if start is None:
        return None
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return start
    alone = re.compile(rf"(?<![\w./-]){re.escape(value)}(?![\w./-])")
    for number in range(start, len(lines) + 1):
        line = lines[number - 1]
        if number > start and _ENTRY_START.match(line):
            break
        if alone.search(line.split("#", 1)[0]):
            return number
    return start


def line_of_mention(path: Path, word: str) -> int | None:
    """The first line naming `word` whole, outside a comment (`- powell-1990`, `sources: [a, powell-1990]`), for messages."""
    return _first_line(path, rf"^[^#]*(?<![\w-]){re.escape(word)}(?![\w-])")


def line_of_key_in_entry(path: Path, entry_id: str, key: str) -> int | None:
    """The line of `key:` in the list entry with this id, or the entry's own line when it has none."""
    start = line_of_id(path, entry_id)
    if start is None:
        return None
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    dash = len(lines[start - 1]) - len(lines[start - 1].lstrip(" "))  # where this entry's "- " stands
    for number, line in enumerate(lines[start:], start=start + 1):
        indent = len(line) - len(line.lstrip(" "))
        if line.strip() and (indent < dash or (indent == dash and line.lstrip().startswith("- "))):
            break  # the next entry, or the end of the list
        if re.match(rf"^\s*{re.escape(key)}\s*:", line):
            return number
    return start
