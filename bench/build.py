"""Time whole builds against their budgets, beside plain Material in the same run.

    .venv/bin/python bench/build.py [--runs 3] [--pages 1000] [--before REF]

Every figure is a cold build (a fresh process, an empty site folder) of the
whole thing as CI and `make build` make it: PDFs and the offline copy
included. Absolute times move between machines; the ratios to plain Material,
measured in the same run, are what the budgets hold:

- the Unit 3 site: at most 5 times a plain ten-page Material build;
- a 1,000-page course (this project plus 1,000 generated pages): at most 1.5
  times plain Material with navigation.prune on the same pages;
- `mkdocs serve`, with a ready virtual environment: answering in under 3 s.

With --before REF (a commit, e.g. the one before a change), the same rows are
timed for that version too, from a git worktree with a virtual environment of
its own, so before and after come from one run on one machine. A benchmark,
not a test: it prints a table and asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

PROJECT_DIR = Path(__file__).resolve().parent.parent
# What a copy of a version of the project needs to build (the engine is installed in its venv).
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "includes", "macros", "overrides", "hooks")
PAGES_PER_PART = 10
PARTS_PER_UNIT = 10
BUDGETS = {"unit": 5.0, "course": 1.5, "serve": 3.0}
SITE_ONLY = {"UNIT_PDF": "skip", "UNIT_OFFLINE_ZIP": "off"}


@dataclass
class Version:
    """A version of the project to time: where it is and the Python that builds it."""

    name: str
    project: Path
    python: Path
    serve_env: dict[str, str]


# --- Projects to build -------------------------------------------------------------------


def synthetic_page(unit: int, part: int, number: int, macro: bool = True, up: str = "../../", extra: str = "") -> str:
    """A page shaped like the unit's: description, headings, prose with abbreviations, a list, a table, a macro."""
    rules = "{{ simple_rules() }}" if macro else "(the simple rules would be here)"
    return f"""---
description: Synthetic page {number} of part {part} of unit {unit}, for timing the build.
{extra}---

# Unit {unit}, part {part}, page {number}

Leading across a PCN means working with GP practices, community teams and
other NHS organisations that no one of us manages. This page is filler text
of about the length of a page of the unit, for timing the build.

## What is expected

- Work with partners across the network, not only within one organisation.
- Agree simple rules that guide behaviour when the system is complex.
- Notice when a problem is critical, tame or wicked, and lead accordingly.

## How it compares

| Form | Coordinates through | Good for |
| --- | --- | --- |
| Market | Prices | Exchange |
| Hierarchy | Authority | Stable, repeated tasks |
| Network | Trust | Problems no one owns |

The simple rules, drawn by a macro from the unit's data:

{rules}

See the [references]({up}references.md#grint-2005).

## What it means for you

Think about a problem you are working on now. Who else has a part in it,
and what would change if you treated it as a shared problem?
"""


def write_synthetic_pages(docs: Path, pages: int, macro: bool = True, prefix: str = "", extra: str = "") -> list[str]:
    """`pages` generated pages in sections of parts of pages; returns their nav entries."""
    nav = []
    for index in range(pages):
        unit, rest = divmod(index, PAGES_PER_PART * PARTS_PER_UNIT)
        part, number = divmod(rest, PAGES_PER_PART)
        if rest == 0:
            nav.append(f"  - Section {unit + 1}:")
        if number == 0:
            nav.append(f"    - Part {part + 1}:")
        path = Path(f"unit-{unit + 1:02d}") / f"part-{part + 1:02d}" / f"page-{number + 1:02d}.md"
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        up = "../" * (len(path.parts) - 1 + prefix.count("/"))
        (docs / path).write_text(synthetic_page(unit + 1, part + 1, number + 1, macro, up, extra))
        nav.append(f"      - Page {number + 1}: {prefix}{path.as_posix()}")
    return nav


def commit(project: Path) -> None:
    """A git history, as in CI, so "Last updated" dates are read for every page."""
    git = ["git", "-C", str(project), "-c", "user.name=bench", "-c", "user.email=bench@localhost"]
    subprocess.run([*git, "init", "--quiet"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "--quiet", "-m", "For timing"], check=True)


def copy_of(source: Path, folder: Path) -> Path:
    project = folder / "project"
    project.mkdir(parents=True)
    for part in PROJECT_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif (source / part).is_file():
            shutil.copy(source / part, project / part)
    commit(project)
    return project


def synthetic_course(source: Path, folder: Path, pages: int) -> Path:
    """A copy of a version of the project with `pages` generated pages added to its navigation.

    Where the version has units (data/programme.yml's `pages`), the generated
    pages are a unit of their own (docs/synthetic/, with its own simple rules
    and one activity, on its first page): Unit 3 keeps its pages, and its whole
    unit and PDFs stay what they are. A version without units gets the pages
    inside the one unit it knows. Either way the pages add no paper but one
    handout: what they cost is building pages. (An earlier version's pages
    say `whole_unit: false`, so that its whole unit does not join them.)
    """
    project = copy_of(source, folder)
    has_units = "storage_key:" in (project / "data" / "programme.yml").read_text()
    docs = project / "docs" / "synthetic" if has_units else project / "docs"
    # Without units, the earlier version's whole unit would join all the generated pages: they say not to.
    nav = write_synthetic_pages(docs, pages, prefix="synthetic/" if has_units else "", extra="" if has_units else "whole_unit: false\n")
    if has_units:
        add_synthetic_unit(project)
    config = (project / "mkdocs.yml").read_text()
    config = re.sub(r"^nav:\n", "nav:\n" + "\n".join(nav) + "\n", config, count=1, flags=re.MULTILINE)
    (project / "mkdocs.yml").write_text(config)
    git = ["git", "-C", str(project), "-c", "user.name=bench", "-c", "user.email=bench@localhost"]
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "--quiet", "-m", "Synthetic pages"], check=True)
    return project


def add_synthetic_unit(project: Path) -> None:
    programme_file = project / "data" / "programme.yml"
    programme_file.write_text(
        programme_file.read_text()
        + "  - id: synthetic\n    number: 99\n    title: Synthetic pages\n    pages: synthetic\n    storage_key: synthetic\n"
    )
    data = project / "data" / "synthetic"
    data.mkdir()
    shutil.copy(project / "data" / "unit-3" / "simple_rules.yml", data / "simple_rules.yml")
    (data / "activities.yml").write_text(
        "activities:\n  - id: synthetic-reflection\n    label: Self-Activity\n"
        "    title: A reflection on the synthetic pages\n    mode: individual\n"
        "    instructions:\n      - Think about the pages.\n"
        "    prompts:\n      - id: notes\n        text: What did you notice?\n        lines: 4\n"
    )
    first_page = project / "docs" / "synthetic" / "unit-01" / "part-01" / "page-01.md"
    first_page.write_text(first_page.read_text() + '\n{{ activity("synthetic-reflection") }}\n')


def plain_material(folder: Path, pages: int, prune: bool, markdown: bool = False, theme: bool = False) -> Path:
    """Material for MkDocs with its defaults (system fonts, as here), on generated pages.

    `markdown` adds the unit's Markdown extensions (mkdocs.yml's list, the
    abbreviations appended to every page); `theme` adds the unit's theme
    settings (features, colour schemes, logo, overrides/). Each shows, by
    itself, what that part of the unit's configuration costs.
    """
    project = folder / "plain"
    docs = project / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# A plain site\n\nFor timing the build.\n")
    (docs / "references.md").write_text("# References\n\n## Grint 2005 { #grint-2005 }\n")
    nav = write_synthetic_pages(docs, pages, macro=False)
    unit_config = _unit_config()
    config = {"site_name": "Plain Material", "site_url": "https://example.org/", "theme": {"name": "material", "font": False}}
    config["markdown_extensions"] = ["tables", "attr_list"]
    if prune:
        config["theme"]["features"] = ["navigation.prune"]
    if theme:
        config["theme"] = {**unit_config["theme"], "custom_dir": str(PROJECT_DIR / "overrides")}
        shutil.copytree(PROJECT_DIR / "docs" / "assets", docs / "assets")
    if markdown:
        config["markdown_extensions"] = [
            {"pymdownx.snippets": {"base_path": [str(PROJECT_DIR / "includes")], "auto_append": ["abbreviations.md"]}}
            if isinstance(extension, dict) and "pymdownx.snippets" in extension
            else extension
            for extension in unit_config["markdown_extensions"]
        ]
    config["nav"] = [{"Home": "index.md"}, {"References": "references.md"}]
    text = yaml.safe_dump({key: value for key, value in config.items() if key != "nav"}, sort_keys=False)
    (project / "mkdocs.yml").write_text(text + "nav:\n  - Home: index.md\n  - References: references.md\n" + "\n".join(nav) + "\n")
    return project


def _unit_config() -> dict:
    """mkdocs.yml, each !ENV tag read as its default."""
    text = re.sub(r"!ENV \[\w+, ([^\]]+)\]", r"\1", (PROJECT_DIR / "mkdocs.yml").read_text())
    return yaml.safe_load(text)


# --- Timing ------------------------------------------------------------------------------


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(python: Path, project: Path, site: Path, switches: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall-clock and CPU seconds (every process) of one cold `mkdocs build --strict`."""
    shutil.rmtree(site, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for switch in ("UNIT_PDF", "UNIT_OFFLINE_ZIP", "UNIT_OFFLINE"):
        env.pop(switch, None)
    env.update(switches or {})
    cpu = _children_cpu()
    start = time.perf_counter()
    result = subprocess.run(
        [str(python), "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )
    wall = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"Build of {project} failed:\n{result.stderr[-3000:]}")
    return wall, _children_cpu() - cpu


def timed_serve(version: Version) -> float:
    """Seconds from starting `mkdocs serve` (as `make serve` does) to its first answer."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **version.serve_env}
    start = time.perf_counter()
    server = subprocess.Popen(
        [str(version.python), "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=version.project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        while time.perf_counter() - start < 120:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/unit-3/", timeout=1) as response:
                    if response.status == 200:
                        return time.perf_counter() - start
            except OSError:
                time.sleep(0.05)
        sys.exit("mkdocs serve did not answer within 120 s")
    finally:
        server.terminate()
        server.wait()


def median_of(runs: int, measure) -> tuple[float, float]:
    results = [measure() for _ in range(runs)]
    if isinstance(results[0], tuple):
        return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)
    return statistics.median(results), float("nan")


# --- Versions ------------------------------------------------------------------------------


def this_version() -> Version:
    return Version("now", PROJECT_DIR, Path(sys.executable), {})


def earlier_version(ref: str, folder: Path) -> Version:
    """The project at `ref`, in a git worktree, with a virtual environment made from its requirements."""
    tree = folder / f"worktree-{ref}"
    subprocess.run(["git", "-C", str(PROJECT_DIR), "worktree", "add", "--detach", "--force", str(tree), ref], check=True, capture_output=True)
    venv = folder / f"venv-{ref}"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    requirements = tree / "requirements.txt"
    subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", "-r", str(requirements)], cwd=tree, check=True)
    # Before the engine was a package, `make serve` asked for no PDFs itself.
    serve_env = {} if (tree / "pyproject.toml").exists() else {"UNIT_PDF": "skip"}
    return Version(ref, tree, venv / "bin" / "python", serve_env)


def remove_worktree(version: Version) -> None:
    subprocess.run(["git", "-C", str(PROJECT_DIR), "worktree", "remove", "--force", str(version.project)], check=False, capture_output=True)


# --- The table -----------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds per row; the median is shown")
    parser.add_argument("--pages", type=int, default=1000, help="pages added to make the large course")
    parser.add_argument("--before", help="also time this git commit (e.g. the one before a change)")
    arguments = parser.parse_args()

    rows: list[tuple[str, int, float, float, str]] = []
    with tempfile.TemporaryDirectory(prefix="bench-build-") as temporary:
        folder = Path(temporary)
        site = folder / "site"
        versions = [this_version()]
        if arguments.before:
            print(f"Preparing {arguments.before} (worktree and virtual environment)...", file=sys.stderr)
            versions.insert(0, earlier_version(arguments.before, folder))

        def row(name, pages, measure, baseline=None, budget=None):
            """Time one row; its ratio to `baseline` (or its seconds) against `budget`."""
            wall, cpu = median_of(arguments.runs, measure)
            judged = wall / baseline if baseline else wall
            note = f"{judged:.2f}" if baseline else ""
            if budget is not None:
                unit = "" if baseline else " s"
                verdict = "met" if judged <= budget else f"missed by {judged - budget:.2f}{unit}"
                note = f"{note} (budget {budget:g}{unit}: {verdict})".strip()
            rows.append((name, pages, wall, cpu, note))
            print(f"  {name}: {wall:.2f} s", file=sys.stderr)
            return wall

        python = Path(sys.executable)
        plain_ten = plain_material(folder / "plain-10", 8, prune=False)  # 8 generated + index + references
        ten = row("Plain Material, 10 pages", 10, lambda: timed_build(python, plain_ten, site))
        for version in versions:
            project = copy_of(version.project, folder / f"unit-{version.name}")
            row(f"Unit 3 site, whole build ({version.name})", 0, lambda: timed_build(version.python, project, site), ten, BUDGETS["unit"])
            if version.name == "now":
                row("  the same, site only (UNIT_PDF=skip UNIT_OFFLINE_ZIP=off)", 0, lambda: timed_build(python, project, site, SITE_ONLY), ten)

        plain_course = plain_material(folder / "plain-course", arguments.pages, prune=True)
        plain = row(f"Plain Material + navigation.prune, {arguments.pages + 2} pages", arguments.pages + 2, lambda: timed_build(python, plain_course, site))
        for version in versions:
            course = synthetic_course(version.project, folder / f"course-{version.name}", arguments.pages)
            row(f"Course of {arguments.pages} more pages, whole build ({version.name})", 0, lambda: timed_build(version.python, course, site), plain, BUDGETS["course"])
        course = synthetic_course(PROJECT_DIR, folder / "course-site-only", arguments.pages)
        # Why the course costs what it does: the same course without PDFs and the offline copy,
        # and plain Material given, one at a time, the unit's Markdown extensions and theme settings.
        row("  the same, site only (UNIT_PDF=skip UNIT_OFFLINE_ZIP=off)", 0, lambda: timed_build(python, course, site, SITE_ONLY), plain)
        with_markdown = plain_material(folder / "plain-markdown", arguments.pages, prune=True, markdown=True)
        row("  plain Material + prune + the unit's Markdown extensions", 0, lambda: timed_build(python, with_markdown, site), plain)
        with_theme = plain_material(folder / "plain-theme", arguments.pages, prune=True, theme=True)
        row("  plain Material + the unit's theme settings and overrides", 0, lambda: timed_build(python, with_theme, site), plain)

        for version in versions:
            row(f"mkdocs serve, first answer ({version.name})", 0, lambda: timed_serve(version), None, BUDGETS["serve"])

        for version in versions:
            if version.name != "now":
                remove_worktree(version)

    load = os.getloadavg()[0]
    print(f"Measured {datetime.date.today():%d %B %Y} on {platform.node() or 'this machine'}: {os.cpu_count()} cores, "
          f"{platform.machine()}, Python {platform.python_version()}; median of {arguments.runs}; load average {load:.1f}.")
    print("Ratios are to the plain Material row above them, timed in this same run.\n")
    print(f"| {'What was built':<58} | {'Wall s':>6} | {'CPU s':>6} | Ratio and budget |")
    print(f"| {'-' * 58} | -----: | -----: | --- |")
    for name, _pages, wall, cpu, ratio in rows:
        cpu_text = "" if cpu != cpu else f"{cpu:.1f}"  # NaN for serve
        print(f"| {name:<58} | {wall:>6.2f} | {cpu_text:>6} | {ratio} |")


if __name__ == "__main__":
    main()
