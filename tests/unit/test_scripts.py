"""The browser code's shape (docs/javascripts/, vendored code aside, and the inline scripts of
overrides/partials/): one language level, one wrapper per file, short functions, one component pattern.

A small tokenizer is enough here: the scripts are ours, classic scripts in ES5 syntax (no
arrow functions, `let`, `const`, classes or template strings), each wrapped once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
SCRIPTS_DIR = PROJECT_DIR / "docs" / "javascripts"
SCRIPTS = sorted(path for path in SCRIPTS_DIR.glob("*.js"))
# The site's own inline scripts, each a partial of its own: one <script> whose text is the whole file's code.
INLINE_SCRIPTS = sorted(path for path in (PROJECT_DIR / "overrides" / "partials").glob("*.html") if "<script>" in path.read_text(encoding="utf-8"))
MAX_FUNCTION_LINES = 40

# Syntax newer than ES5, as it looks once strings and comments are blanked out.
NEWER_SYNTAX = {
    "arrow function": re.compile(r"=>"),
    "let or const": re.compile(r"\b(?:let|const)\s+[\w$\[{]"),
    "class": re.compile(r"\bclass\s+\w"),
    "optional chaining or nullish coalescing": re.compile(r"\?\.(?!\d)|\?\?"),
    "spread or rest": re.compile(r"\.\.\."),
    "async or await": re.compile(r"\b(?:async\s+function|await\s)"),
    "for...of": re.compile(r"\bfor\s*\([^;)]*\bof\b"),
    "a trailing comma in a call (ES2017)": re.compile(r",\s*\)"),
}


def blank_out(code: str) -> str:
    """The code with comments, strings and regular expressions replaced by spaces, line breaks kept."""
    out, i, n = [], 0, len(code)
    last = ""  # the last significant character, to tell a regular expression from a division
    while i < n:
        char, pair = code[i], code[i : i + 2]
        word = re.search(r"\b(return|typeof|case|throw)\s*$", "".join(out[-12:])) if char == "/" else None
        if pair in ("//", "/*"):
            end = code.find("\n", i) if pair == "//" else code.find("*/", i + 2) + 2
            end = n if end in (-1, 1) else end
            out.append(re.sub(r"[^\n]", " ", code[i:end]))
            i = end
        elif char in "'\"`" or (char == "/" and (last in "(,=:[!&|?{;" or last == "" or word)):
            j = i + 1
            in_class = False
            while j < n and (code[j] != char or in_class):
                if code[j] == "\\":
                    j += 1
                elif char == "/" and code[j] in "[]":
                    in_class = code[j] == "["
                j += 1
            out.append(char + re.sub(r"[^\n]", " ", code[i + 1 : j]) + char)
            i = j + 1
            last = "a"
        else:
            out.append(char)
            if not char.isspace():
                last = char
            i += 1
    return "".join(out)


@dataclass
class Function:
    name: str
    first_line: int
    last_line: int
    depth: int

    @property
    def lines(self) -> int:
        return self.last_line - self.first_line + 1


def functions(code: str) -> list[Function]:
    """Every function in the code, with its first and last line and how deeply it is nested."""
    blank = blank_out(code)
    found: list[Function] = []
    open_functions: list[tuple[Function, int]] = []  # each open function and the brace depth of its body
    depth = 0
    pending: Function | None = None
    for match in re.finditer(r"\bfunction\b\s*([\w$]*)|[{}]", blank):
        token = match[0]
        line = blank.count("\n", 0, match.start()) + 1
        if token.startswith("function"):
            pending = Function(match[1] or "(anonymous)", line, line, len(open_functions))
        elif token == "{":
            depth += 1
            if pending is not None:
                open_functions.append((pending, depth))
                pending = None
        else:
            if open_functions and open_functions[-1][1] == depth:
                function, _ = open_functions.pop()
                function.last_line = line
                found.append(function)
            depth -= 1
    return found


def test_the_scripts_are_found():
    assert {path.name for path in SCRIPTS} >= {"course.js", "flocking.js", "presenter.js"}


def code_of(script: Path) -> str:
    """A script's code: the file, or the inline script a partial writes."""
    text = script.read_text(encoding="utf-8")
    return text.split("<script>", 1)[1].split("</script>", 1)[0] if script.suffix == ".html" else text


def test_the_inline_scripts_are_found():
    assert {path.name for path in INLINE_SCRIPTS} == {"colour-scheme.html"}


@pytest.mark.parametrize("script", SCRIPTS + INLINE_SCRIPTS, ids=lambda path: path.name)
def test_every_script_is_es5_syntax(script):
    """One language level: classic scripts in ES5 syntax, which node, every browser and file:// run."""
    blank = blank_out(code_of(script))
    newer = [
        f"{script.name}:{blank.count(chr(10), 0, match.start()) + 1}: {what}"
        for what, pattern in NEWER_SYNTAX.items()
        for match in pattern.finditer(blank)
    ]
    assert "`" not in blank, f"{script.name}: a template string"
    assert not newer, newer


@pytest.mark.parametrize("script", SCRIPTS + INLINE_SCRIPTS, ids=lambda path: path.name)
def test_every_script_has_one_wrapper_and_short_functions(script):
    """One wrapper per file (its `(function (root) { ... })(self)`), and inside it no function over 40 lines."""
    found = functions(code_of(script))
    wrappers = [function for function in found if function.depth == 0]
    assert len(wrappers) == 1, f"{script.name}: {len(wrappers)} outermost functions, one wrapper wanted"
    long = [f"{script.name}:{f.first_line}: {f.name}, {f.lines} lines" for f in found if f.depth > 0 and f.lines > MAX_FUNCTION_LINES]
    assert not long, long


def test_the_tokenizer_sees_nested_functions_and_ignores_braces_in_strings():
    code = 'var a = "{";\n(function (root) {\n  function inner() {\n    return /}/.test("}");\n  }\n})(self);\n'
    found = {function.name: function for function in functions(code)}
    assert (found["inner"].first_line, found["inner"].last_line, found["inner"].depth) == (3, 5, 1)
    assert (found["(anonymous)"].first_line, found["(anonymous)"].last_line, found["(anonymous)"].depth) == (2, 6, 0)
