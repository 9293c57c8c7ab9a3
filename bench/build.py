"""Time cold builds: the Unit 3 site, and a synthetic 1,000-page course built with
the project's own configuration, theme, macros and hooks. Prints a table.

    .venv/bin/python bench/build.py [--pages 1000] [--runs 3]

"Cold" means a fresh Python process and an empty site folder, as in CI. The
whole build is two passes: the online site, then the offline copy that
hooks/offline_zip.py builds and zips. Each pass is also timed on its own
(UNIT_OFFLINE_ZIP=off; UNIT_OFFLINE=true). The budget is 10 ms per page for the
1,000-page course.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "data", "includes", "macros", "overrides", "hooks")
DOCS_ASSETS = ("stylesheets", "javascripts", "assets")
# The synthetic course is laid out as a programme: units, each of parts, each of pages.
PAGES_PER_PART = 10
PARTS_PER_UNIT = 10
BUDGET_MS_PER_PAGE = 10


# Which builds to time: the whole build, or one of its two passes.
WHOLE = {}
ONLINE_PASS = {"UNIT_OFFLINE_ZIP": "off"}
OFFLINE_PASS = {"UNIT_OFFLINE": "true"}


# What two choices cost, each measured by turning it off.
VARIANTS = {
    "no navigation.prune": lambda config: config.replace("    - navigation.prune", "    # - navigation.prune"),
    "no git dates": lambda config: config.replace("  - git-revision-date-localized:\n", "  - git-revision-date-localized:\n      enabled: false\n"),
}


def timed_build(project: Path, site: Path, switches: dict[str, str] = WHOLE) -> tuple[float, float]:
    """Wall-clock and CPU seconds (all processes) for one cold `mkdocs build --strict`."""
    shutil.rmtree(site, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **switches}
    cpu_before = _children_cpu()
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"Build of {project} failed:\n{result.stderr}")
    return elapsed, _children_cpu() - cpu_before


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def median_of(runs: int, build) -> tuple[float, float]:
    """Median wall and CPU seconds. CPU time is steadier on a busy, shared machine."""
    times = [build() for _ in range(runs)]
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


def synthetic_page(unit: int, part: int, number: int) -> str:
    """A page shaped like the unit's: description, headings, prose with abbreviations, a list, a table, a macro."""
    return f"""---
description: Synthetic page {number} of part {part} of unit {unit}, for timing the build.
---

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

{{{{ simple_rules() }}}}

See the [references](../../references.md#grint-2005).

## What it means for you

Think about a problem you are working on now. Who else has a part in it,
and what would change if you treated it as a shared problem?
"""


def make_synthetic_course(folder: Path, pages: int, change_config=None) -> Path:
    """A copy of the project whose docs are `pages` generated pages, in units of parts of pages."""
    project = folder / "course"
    project.mkdir()
    for part in PROJECT_PARTS:
        source = PROJECT_DIR / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, project / part)
    docs = project / "docs"
    docs.mkdir()
    for asset in DOCS_ASSETS:
        shutil.copytree(PROJECT_DIR / "docs" / asset, docs / asset)
    shutil.copy(PROJECT_DIR / "docs" / "references.md", docs / "references.md")
    nav = ["  - Overview: index.md", "  - References: references.md"]
    (docs / "index.md").write_text("---\ndescription: A synthetic course.\n---\n\n# A synthetic course\n\nFor timing the build.\n")
    for index in range(pages - 2):
        unit, rest = divmod(index, PAGES_PER_PART * PARTS_PER_UNIT)
        part, number = divmod(rest, PAGES_PER_PART)
        if rest == 0:
            nav.append(f"  - Unit {unit + 1}:")
        if number == 0:
            nav.append(f"    - Part {part + 1}:")
        path = Path(f"unit-{unit + 1:02d}") / f"part-{part + 1:02d}" / f"page-{number + 1:02d}.md"
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(synthetic_page(unit + 1, part + 1, number + 1))
        nav.append(f"      - Page {number + 1}: {path.as_posix()}")
    config = (project / "mkdocs.yml").read_text()
    config = re.sub(r"^nav:\n(?:  - .*\n)+", "nav:\n" + "\n".join(nav) + "\n", config, flags=re.MULTILINE)
    if change_config:
        config = change_config(config)
    (project / "mkdocs.yml").write_text(config)
    # A git history, as in CI, so "Last updated" dates are read for every page.
    git = ["git", "-C", str(project), "-c", "user.name=bench", "-c", "user.email=bench@localhost"]
    subprocess.run([*git, "init", "--quiet"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "--quiet", "-m", "Synthetic course"], check=True)
    return project


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3, help="builds per row; the median is shown")
    arguments = parser.parse_args()

    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-build-") as temporary:
        folder = Path(temporary)
        site = folder / "site"

        def add_row(name: str, project: Path, pages: int, switches: dict[str, str]) -> None:
            rows.append((name, pages, *median_of(arguments.runs, lambda: timed_build(project, site, switches))))
            print(f"  {name}: done", file=sys.stderr)

        unit_pages = len(re.findall(r"^  - .*\.md$", (PROJECT_DIR / "mkdocs.yml").read_text(), flags=re.MULTILINE))
        add_row("Unit 3 site: whole build (site + offline zip)", PROJECT_DIR, unit_pages, WHOLE)
        add_row("Unit 3 site: online pass only", PROJECT_DIR, unit_pages, ONLINE_PASS)

        (folder / "pruned").mkdir()
        course = make_synthetic_course(folder / "pruned", arguments.pages)
        timed_build(course, site, ONLINE_PASS)
        assert count_pages(site) == arguments.pages, f"expected {arguments.pages} pages, built {count_pages(site)}"
        add_row("Synthetic course: whole build (site + offline zip)", course, arguments.pages, WHOLE)
        add_row("Synthetic course: online pass only", course, arguments.pages, ONLINE_PASS)
        add_row("Synthetic course: offline pass only", course, arguments.pages, OFFLINE_PASS)
        for name, change in VARIANTS.items():
            (folder / name).mkdir()
            variant = make_synthetic_course(folder / name, arguments.pages, change)
            add_row(f"Synthetic course: online pass, {name}", variant, arguments.pages, ONLINE_PASS)

    print(f"Cold builds, median of {arguments.runs}; budget {BUDGET_MS_PER_PAGE} ms per page (wall clock) for {arguments.pages} pages.")
    print(f"Load average while running: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.\n")
    print(f"| {'Build':<52} | Pages | Wall s | Wall ms/page | CPU s | CPU ms/page |")
    print(f"| {'-' * 52} | ----: | -----: | -----------: | ----: | ----------: |")
    for name, pages, wall, cpu in rows:
        print(f"| {name:<52} | {pages:>5} | {wall:>6.2f} | {wall * 1000 / pages:>12.1f} | {cpu:>5.1f} | {cpu * 1000 / pages:>11.1f} |")


if __name__ == "__main__":
    main()
