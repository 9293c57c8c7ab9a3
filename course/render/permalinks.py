"""Headings' permalinks with a name a person can use (mkdocs.yml, markdown_extensions).

The toc extension ends each heading with a link whose only text is "¶", which
is what a screen reader reads, and what a voice-control user would have to say;
its `permalink_title` ("Link to this section") is only a tooltip, which
browsers give as a description at most. This copies that title into the
link's aria-label, so it becomes the link's name, and the pilcrow stays what
sighted readers see. One setting, `permalink_title`, still says the words.

Registered after the toc extension (a lower priority runs later), on the
element tree: no HTML is written here.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

PERMALINK_CLASS = "headerlink"  # the toc extension's default permalink_class


class _NamePermalinks(Treeprocessor):
    def run(self, root: Element) -> None:
        for link in root.iter("a"):
            if PERMALINK_CLASS in link.get("class", "").split() and link.get("title"):
                link.set("aria-label", link.get("title"))


class PermalinkNames(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_NamePermalinks(md), "course_permalink_names", 4)  # toc is 5


def makeExtension(**kwargs) -> PermalinkNames:  # noqa: N802 - the name Python-Markdown looks for
    return PermalinkNames(**kwargs)
