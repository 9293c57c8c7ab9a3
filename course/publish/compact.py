"""The site's own stylesheets and scripts as published: without their comments.

docs/stylesheets/ and docs/javascripts/ are written to be read, with a comment
on nearly every rule and function; a reader's browser needs none of it, and on
a first visit the comments were a tenth of the bytes. Vendored code
(javascripts/vendor/) and the build's own files (the running footer's text) are
published as they are.

- Scripts: rjsmin drops comments and white space, and shortens no name.
- Stylesheets: tinycss2 (WeasyPrint's own CSS reader) drops the comments, then
  indentation and blank lines go; nothing else changes. Not a CSS minifier:
  rcssmin 1.3.0, tried, turned `target-counter(attr(href url), page)` into
  invalid CSS, and WeasyPrint then dropped the rest of print.css.
"""

from __future__ import annotations

import re

import rjsmin
import tinycss2

_INDENT = re.compile(r"^[ \t]+|[ \t]+$", re.MULTILINE)
_BLANK_LINES = re.compile(r"\n{2,}")


def compact_css(css: str) -> str:
    """The stylesheet without comments, indentation or blank lines."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=False)
    return _BLANK_LINES.sub("\n", _INDENT.sub("", tinycss2.serialize(rules))).strip("\n") + "\n"


def compact_js(script: str) -> str:
    """The script without comments or white space; strings and regular expressions as written."""
    return rjsmin.jsmin(script) + "\n"


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
