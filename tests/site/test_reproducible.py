"""Building twice gives the same bytes, apart from the dates listed here."""

from __future__ import annotations

import filecmp
from fnmatch import fnmatch
from pathlib import Path

from site_building import mkdocs_build

# Files that carry the build date, and so differ between builds on different days.
DATED_FILES = {
    "sitemap.xml",  # <lastmod> of every page
    "sitemap.xml.gz",
    "stylesheets/print-footer.css",  # "Site built <date>" in the printed running footer
    "pdf/*.pdf",  # the same footer, and the PDF's creation date
    "download/unit-3-offline.zip",  # the offline copy holds all of the above
}


def is_dated(name: str) -> bool:
    return any(fnmatch(name, pattern) for pattern in DATED_FILES)


def all_files(root: Path) -> set[str]:
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


def test_two_builds_on_different_days_differ_only_in_their_dates(tmp_path):
    sites = []
    for name, day in (("first", "1767225600"), ("second", "1767312000")):  # 1 and 2 January 2026
        site = tmp_path / name
        result = mkdocs_build(site, env={"SOURCE_DATE_EPOCH": day})
        assert result.returncode == 0, result.stderr
        sites.append(site)
    first, second = sites
    assert all_files(first) == all_files(second)
    differing = {
        name for name in all_files(first) if not filecmp.cmp(first / name, second / name, shallow=False)
    }
    unexpected = sorted(name for name in differing if not is_dated(name))
    assert unexpected == [], f"unexpected differences: {unexpected}"
    assert any(name.startswith("pdf/") for name in differing), "the PDFs carry their date"
    assert "2026-01-01" in (first / "sitemap.xml").read_text()
    assert "2026-01-02" in (second / "sitemap.xml").read_text()
