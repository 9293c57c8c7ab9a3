"""Pages rendered as the build renders them, for the ids a link may point at.

A link's #anchor is valid when the page it leads to will have that id. Rather
than guess the ids (setext headings, repeated headings, attr_list's `{ #id }`,
ids written in HTML or made by macros, whatever the configured extensions add),
the check renders the page as the build will: its macros by the engine, as
mkdocs-macros would call them, then MkDocs' own `Page.render` with the
project's Markdown extensions, and takes MkDocs' own `present_anchor_ids`, the
set MkDocs validates anchors against in a build.

Only pages that a link with an anchor points at are rendered, once each.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager

from jinja2 import ChainableUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..content.outline import Outline
from ..content.pages import PAGE_SETTINGS, SourcePage
from ..page_macros import MACRO_NAMES, PageMacros


class RenderedPages:
    """The ids each page will have once built; None for a page that cannot be rendered here."""

    def __init__(self, outline: Outline, config, cache: dict):
        self._outline = outline
        self._config = config
        self._cache = cache
        self._ids: dict[str, set[str] | None] = {}
        # Settings a page may show ({{ config.site_name }}); one the plugin adds during a
        # build (config.extra.offline_copy) renders as nothing here: it makes no id.
        self._settings = {name: config.get(name) for name in PAGE_SETTINGS}
        self._jinja = SandboxedEnvironment(undefined=ChainableUndefined, autoescape=False)

    def ids(self, page: SourcePage) -> set[str] | None:
        if page.path not in self._ids:
            self._ids[page.path] = self._render(page)
        return self._ids[page.path]

    def _render(self, page: SourcePage) -> set[str] | None:
        if page.problems or page.syntax_error:
            return None  # the page's own problems are reported; its ids are unknown until they are fixed
        try:
            markdown = self._markdown_after_macros(page)
        except (KeyError, ValueError, TypeError, TemplateError):
            return None  # a macro call that fails is reported by the macro check
        config = self._config
        built = Page(None, File(page.path, config.docs_dir, config.site_dir, config.use_directory_urls), config)
        built.markdown, built.meta = markdown, page.meta
        try:
            with _quiet(logging.getLogger(Page.__module__)), _snippets_from(config, self._outline.project.snippets):
                # Its link warnings are the build's to give (and would fail a strict build here); the
                # logger is named after the module MkDocs (or ProperDocs, which renames it) renders with.
                built.render(config, Files([]))
        except Exception:  # noqa: BLE001 - an extension refusing the page (a missing snippet...): its own check reports it
            return None
        return set(built.present_anchor_ids or ())

    def _markdown_after_macros(self, page: SourcePage) -> str:
        """The page's Markdown as mkdocs-macros leaves it: each {{ }} replaced by what it makes.

        The page was read as safe (content/pages.py: only macro calls with plain values,
        settings and plain values stand between {{ }}), and is rendered in a sandbox all the same.
        """
        if page.meta.get("render_macros", True) is False or not ("{{" in page.text or "{%" in page.text):
            return page.text
        macros = PageMacros(self._outline, page.path, self._cache)
        names = {name: getattr(macros, name) for name in MACRO_NAMES}
        return self._jinja.from_string(page.text).render(**names, config=self._settings)


@contextmanager
def _snippets_from(config, options: dict | None):
    """pymdownx.snippets reading from the project's folders (project.snippets: base_path made absolute),
    as the build does from the project's folder, wherever the check is run from."""
    if options is None:
        yield
        return
    configs = config["mdx_configs"]
    config["mdx_configs"] = {**configs, "pymdownx.snippets": options}
    try:
        yield
    finally:
        config["mdx_configs"] = configs


@contextmanager
def _quiet(logger: logging.Logger):
    def refuse(record: logging.LogRecord) -> bool:
        return False

    logger.addFilter(refuse)
    try:
        yield
    finally:
        logger.removeFilter(refuse)
