"""Time each hostile or broken contribution through `make check` and the build, and print what each says.

    .venv/bin/python bench/hostile.py [--runs 3] [--case TEXT]

The cases are the ones tests/site/test_hostile.py makes (its HOSTILE and
SYMLINKS tables), each in a fresh copy of the project. For each: the line
`make check` prints; the wall time of `python -m course.checks` and of
`mkdocs build --strict` (fresh processes, as an author runs them, so Python's
start-up and MkDocs' imports are in them: the unchanged project's check is
the first row, for comparison); and the time of the check itself in this
process (check_project), which is what the refusal costs. Median of --runs.
A benchmark, not a test: it prints a table and asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR / "tests"))
sys.path.insert(0, str(PROJECT_DIR / "tests" / "site"))

from course.checks import check_project  # noqa: E402
from site_building import copy_project  # noqa: E402
from test_hostile import HOSTILE, SYMLINKS  # noqa: E402

SITE_ONLY = {"UNIT_PDF": "skip", "UNIT_OFFLINE_ZIP": "off", "NO_MKDOCS_2_WARNING": "1"}


def wall(command: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env={**os.environ, **SITE_ONLY}, check=False, timeout=600)
    return time.perf_counter() - start, result


def measure(name: str, break_it, runs: int, folder: Path) -> dict:
    project = copy_project(folder / f"case-{abs(hash(name))}")
    outside = folder / "outside"
    outside.mkdir(exist_ok=True)
    (outside / "secret.md").write_text("# Secret\n")
    if break_it is not None:
        if break_it in SYMLINKS.values():
            break_it(project, outside)
        else:
            break_it(project)
    checks, builds, in_process, lines, codes = [], [], [], "", set()
    for run in range(runs):
        seconds, result = wall([sys.executable, "-m", "course.checks", str(project)], PROJECT_DIR)
        checks.append(seconds)
        lines = result.stdout.strip()
        codes.add(result.returncode)
        site = folder / f"site-{abs(hash(name))}-{run}"
        seconds, result = wall([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], project)
        builds.append(seconds)
        codes.add(result.returncode)
        assert "Traceback" not in result.stderr, result.stderr[-2000:]
        start = time.perf_counter()
        check_project(project)
        in_process.append(time.perf_counter() - start)
    return {
        "case": name,
        "lines": lines,
        "exit": "/".join(str(code) for code in sorted(codes)),
        "check": statistics.median(checks),
        "in_process": statistics.median(in_process),
        "build": statistics.median(builds),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--case", default="", help="only the cases whose name holds this text")
    args = parser.parse_args()
    cases = {"the unchanged project": None, **HOSTILE, **SYMLINKS}
    cases = {name: break_it for name, break_it in cases.items() if args.case in name}
    print(f"{time.strftime('%d %B %Y')}, {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}; median of {args.runs}\n")
    print("| Case | `make check` prints | Exit (check/build) | `make check` s | the check in-process s | build s |")
    print("| --- | --- | --- | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        for name, break_it in cases.items():
            row = measure(name, break_it, args.runs, Path(folder))
            shown = row["lines"].replace("\n", "<br>").replace("|", "\\|")
            print(f"| {row['case']} | {shown} | {row['exit']} | {row['check']:.2f} | {row['in_process']:.3f} | {row['build']:.2f} |", flush=True)


if __name__ == "__main__":
    main()
