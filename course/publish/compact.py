"""The site's own stylesheets and scripts as published: without their comments.

docs/stylesheets/ and docs/javascripts/ are written to be read, with a comment
on nearly every rule and function; a reader's browser needs none of it, and on
a first visit the comments were a tenth of the bytes. The build publishes each
file without its comments and with its lines' indentation and blank lines gone,
and nothing else changed: no name is shortened, no line joined (so a script's
line breaks, which can end its statements, stay where they are). Vendored code
(javascripts/vendor/) and the build's own files (the running footer's text) are
published as they are.

CSS is read with tinycss2 (WeasyPrint's own CSS reader). The scripts are ES5
(tests/unit/test_scripts.py holds them to it): a small scanner that knows
strings, regular expressions and comments is enough.
"""

from __future__ import annotations

import re

import tinycss2

_INDENT = re.compile(r"^[ \t]+|[ \t]+$", re.MULTILINE)
_BLANK_LINES = re.compile(r"\n{2,}")
# After these, a "/" starts a regular expression; after anything else it divides.
_BEFORE_REGEX = set("(,=:[!&|?{};")
_KEYWORDS_BEFORE_REGEX = re.compile(r"(?:^|[^\w$])(?:return|typeof|case|throw)$")


def _tidy(text: str) -> str:
    return _BLANK_LINES.sub("\n", _INDENT.sub("", text)).strip("\n") + "\n"


def compact_css(css: str) -> str:
    """The stylesheet without comments, indentation or blank lines."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=False)
    return _tidy(tinycss2.serialize(rules))


def compact_js(script: str) -> str:
    """The script without comments, indentation or blank lines; strings and regular expressions as written."""
    out: list[str] = []
    i, n = 0, len(script)
    last = ""  # the last character that is not white space, outside comments
    while i < n:
        char, pair = script[i], script[i : i + 2]
        if pair == "//":
            end = script.find("\n", i)
            i = n if end == -1 else end
        elif pair == "/*":
            end = script.find("*/", i + 2)
            comment = script[i : n if end == -1 else end + 2]
            out.append("\n" if "\n" in comment else " ")  # a line break may end a statement
            i += len(comment)
        elif char in "'\"" or (char == "/" and (last in _BEFORE_REGEX or last == "" or _KEYWORDS_BEFORE_REGEX.search("".join(out[-12:]).rstrip()))):
            end = _literal_end(script, i)
            out.append(script[i:end])
            i, last = end, "a"
        else:
            out.append(char)
            if not char.isspace():
                last = char
            i += 1
    return _tidy("".join(out))


def _literal_end(script: str, start: int) -> int:
    """Where the string or regular expression starting at `start` ends (after its flags)."""
    quote, i, in_class = script[start], start + 1, False
    while i < len(script):
        char = script[i]
        if char == "\\":
            i += 2
            continue
        if quote == "/" and char in "[]":
            in_class = char == "["
        elif char == quote and not in_class:
            i += 1
            break
        i += 1
    while quote == "/" and i < len(script) and (script[i].isalpha()):
        i += 1
    return i


def published_without_comments(files, config):
    """`files` with each of the site's own stylesheets and scripts replaced by its compact copy."""
    from mkdocs.structure.files import File, Files

    def compact(file):
        path = file.src_uri
        if file.generated_by:  # the build's own (the running footer's text): written as it should be
            return file
        if path.startswith("stylesheets/") and path.endswith(".css"):
            return File.generated(config, path, content=compact_css(file.content_string))
        if path.startswith("javascripts/") and path.endswith(".js") and not path.startswith("javascripts/vendor/"):
            return File.generated(config, path, content=compact_js(file.content_string))
        return file

    return Files([compact(file) for file in files])
