"""The command line: python -m course.checks [PROJECT_DIR] (what `make check` runs)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..paper.footer import build_date
from ..paper.plan import plan_paper
from . import check_course, read_project, remind


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    project_dir = Path(args[0]) if args else Path.cwd()
    if not (project_dir / "mkdocs.yml").is_file():
        print(f"{project_dir}: no mkdocs.yml here; run this from the project's folder or name it", file=sys.stderr)
        return 2
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    problems, source = read_project(project_dir)
    if source is not None:
        problems = check_course(source, plan_paper(source.outline))
        # Warnings go to stderr and change nothing: the exit status is the problems' alone.
        # "Today" is the build date: SOURCE_DATE_EPOCH's day when it is set.
        for reminder in remind(source.outline, build_date()):
            print(reminder, file=sys.stderr)
    for problem in problems:
        print(problem)
    if problems:
        print(f"\n{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    print("No problems found.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
