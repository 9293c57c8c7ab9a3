"""A property (hypothesis): the link check and MkDocs agree on every anchor (issue 19).

Random pages of headings (ATX, setext, repeated, with attr_list ids) and links to anchors, on
the page and on a second page, are built by MkDocs itself, with the project's Markdown
extensions and anchor validation, and checked by `course.checks` in a copy of the fixture
course. Any page MkDocs builds without an anchor warning passes the link check, and every
anchor MkDocs warns of is one the check refuses: the check refuses no correct content, and lets
through nothing a strict build would stop.
"""

from __future__ import annotations

import logging
import re
import shutil

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig

from course.checks import check_project
from fixture_course import fixture_config
from site_building import copy_project

PAGE, TARGET = "property.md", "property-target.md"

# Heading texts that slugify in different ways: repeated, punctuated, accented, numeric, empty.
HEADING_TEXTS = ["Example", "Example", "Further note", "Grint's typology", "What is a PCN?", "Café society",
                 "2017", "A & B", "Notes — and more", "Über alles", "x", "Key terms"]
OWN_IDS = ["our-own-id", "Mixed_Case", "id-2017", "x"]


def _slug_guesses(text: str) -> list[str]:
    plain = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return [re.sub(r"[-\s]+", "-", plain), text.lower(), text]


ANCHORS = sorted({guess for text in HEADING_TEXTS for guess in _slug_guesses(text)} | set(OWN_IDS)) + [
    "example_1", "example_2", "example-1", "x_1", "nowhere", "further-note_1", "",
]


@st.composite
def blocks(draw) -> str:
    text = draw(st.sampled_from(HEADING_TEXTS))
    kind = draw(st.sampled_from(["atx", "setext", "own-id", "paragraph-id", "paragraph"]))
    if kind == "atx":
        return "#" * draw(st.integers(1, 4)) + " " + text
    if kind == "setext":
        return f"{text}\n{draw(st.sampled_from('=-')) * max(3, len(text))}"
    if kind == "own-id":
        return f"## {text} {{ #{draw(st.sampled_from(OWN_IDS))} }}"
    if kind == "paragraph-id":
        return f"Some words.\n{{ #{draw(st.sampled_from(OWN_IDS))} }}"
    return "Some words about " + text + "."


@st.composite
def links(draw) -> str:
    page = draw(st.sampled_from(["", TARGET]))
    return f"See [this]({page}#{draw(st.sampled_from(ANCHORS))})."


def pages(with_links: bool = True):
    parts = st.one_of(blocks(), links()) if with_links else blocks()
    return st.lists(parts, min_size=1, max_size=8).map("\n\n".join)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("linked") / "project")


def mkdocs_anchor_warnings(folder, page: str, target: str) -> set[str]:
    """The anchors MkDocs warns of when it builds the two pages alone, with the project's Markdown."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    (docs / PAGE).write_text(page, encoding="utf-8")
    (docs / TARGET).write_text(target, encoding="utf-8")
    ours = fixture_config()
    config = MkDocsConfig(config_file_path=str(folder / "mkdocs.yml"))
    config.load_dict({
        "site_name": "Property",
        "docs_dir": str(docs),
        "site_dir": str(folder / "site"),
        "theme": {"name": "mkdocs"},
        "plugins": [],
        "markdown_extensions": [{name: ours.mdx_configs.get(name, {})} for name in ours.markdown_extensions],
        "validation": {"links": {"anchors": "warn"}},
    })
    # Snippets' base path is relative to where MkDocs runs; these pages use none.
    errors, _ = config.validate()
    assert not errors, errors
    warnings = _Warnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(warnings)
    try:
        build(config)
    finally:
        logger.removeHandler(warnings)
    return {match for message in warnings.messages for match in re.findall(r"'#([^']*)'", message)}


class _Warnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(page=pages(), target=pages(with_links=False))
@example(page="Further note\n------------\n\nSee [this](#further-note).", target="x")
@example(page="## Example\n\n## Example\n\nSee [this](#example_1).", target="x")
@example(page="See [this](property-target.md#our-own-id).", target="Some words.\n{ #our-own-id }")
def test_the_check_refuses_an_anchor_exactly_when_mkdocs_warns_of_it(project, tmp_path_factory, page, target):
    warned = mkdocs_anchor_warnings(tmp_path_factory.mktemp("plain"), page, target)
    docs = project / "docs"
    (docs / PAGE).write_text(page, encoding="utf-8")
    (docs / TARGET).write_text(target, encoding="utf-8")
    try:
        problems = [str(problem) for problem in check_project(project)]
    finally:
        (docs / PAGE).unlink()
        (docs / TARGET).unlink()
    refused = {
        anchor
        for problem in problems
        if problem.startswith(f"docs/{PAGE}:")
        for anchor in re.findall(r"has no heading or element with the id '([^']*)'", problem)
    }
    assert refused == warned, f"MkDocs warned of {sorted(warned)}, the check refused {sorted(refused)}:\n" + "\n".join(problems)
    shutil.rmtree(project / "site", ignore_errors=True)
