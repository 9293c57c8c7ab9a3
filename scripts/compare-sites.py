#!/usr/bin/env python3
"""Compare two built sites (or two offline zips), to show what a change changed.

    python3 scripts/compare-sites.py BEFORE AFTER

Each of BEFORE and AFTER is a site folder or an offline copy's zip. Prints the
files only one of them has, then, for each file both have but that differ, the
lines that differ. HTML is split at tags first, so a change shows as the
elements it touched; PDFs and other binary files are only named. Build both
with the same SOURCE_DATE_EPOCH so that dates do not differ.
"""

from __future__ import annotations

import difflib
import re
import sys
import zipfile
from pathlib import Path


def files_of(place: Path) -> dict[str, bytes]:
    if place.suffix == ".zip":
        with zipfile.ZipFile(place) as archive:
            return {name.split("/", 1)[1]: archive.read(name) for name in archive.namelist() if not name.endswith("/")}
    return {path.relative_to(place).as_posix(): path.read_bytes() for path in place.rglob("*") if path.is_file()}


def lines_of(data: bytes) -> list[str] | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return [line for line in re.sub(r">\s*<", ">\n<", text).splitlines() if line.strip()]


def main(before: Path, after: Path) -> int:
    old, new = files_of(before), files_of(after)
    for name in sorted(old.keys() - new.keys()):
        print(f"only before: {name}")
    for name in sorted(new.keys() - old.keys()):
        print(f"only after:  {name}")
    for name in sorted(old.keys() & new.keys()):
        if old[name] == new[name]:
            continue
        old_lines, new_lines = lines_of(old[name]), lines_of(new[name])
        if old_lines is None or new_lines is None or name.endswith((".zip", ".gz")):
            print(f"differs:     {name} (binary)")
            continue
        print(f"differs:     {name}")
        for line in difflib.unified_diff(old_lines, new_lines, lineterm="", n=0):
            if not line.startswith(("---", "+++", "@@")):
                print(f"    {line[:160]}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
