"""Building the fixture course again gives the same bytes, PDFs and the offline zip included: on the same
day all of them, on another day all but the files that carry the date."""

from __future__ import annotations

import filecmp
from fnmatch import fnmatch
from pathlib import Path

import pytest

from site_building import BUILD_DAY, copy_project, mkdocs_build
from test_publish import OFFLINE_ZIP

# Files that carry the build date, and so differ between builds on different days.
DATED_FILES = {
    "sitemap.xml",  # <lastmod> of every page
    "sitemap.xml.gz",
    "stylesheets/print-footer.css",  # "Site built <date>" in the printed running footer
    "pdf/*.pdf",  # the same footer, and the PDF's creation date
    OFFLINE_ZIP,  # the offline copy holds all of the above
}
NEXT_DAY = str(int(BUILD_DAY) + 24 * 60 * 60)  # 2 January 2026


def is_dated(name: str) -> bool:
    return any(fnmatch(name, pattern) for pattern in DATED_FILES)


def all_files(root: Path) -> set[str]:
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


def differing(first: Path, second: Path) -> set[str]:
    assert all_files(first) == all_files(second)
    return {name for name in all_files(first) if not filecmp.cmp(first / name, second / name, shallow=False)}


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path]:
    """The fixture built from a fresh copy of its own on the session build's day, and on the next day."""
    sites = {}
    for name, day in (("same day", BUILD_DAY), ("next day", NEXT_DAY)):
        folder = tmp_path_factory.mktemp(name.replace(" ", "-"))
        result = mkdocs_build(folder / "site", project_dir=copy_project(folder / "project"), env={"SOURCE_DATE_EPOCH": day})
        assert result.returncode == 0, result.stderr
        sites[name] = folder / "site"
    return sites


def test_a_build_on_the_same_day_gives_the_same_bytes_pdfs_and_zip_included(builds, built_site):
    """Another copy, in another folder, built on the session build's day: nothing differs."""
    assert differing(built_site, builds["same day"]) == set()
    assert list((built_site / "pdf").glob("*.pdf")) and (built_site / OFFLINE_ZIP).is_file(), "both were made"


def test_a_build_on_another_day_differs_only_in_its_dates(builds):
    changed = differing(builds["same day"], builds["next day"])
    unexpected = sorted(name for name in changed if not is_dated(name))
    assert unexpected == [], f"unexpected differences: {unexpected}"
    assert any(name.startswith("pdf/") for name in changed), "the PDFs carry their date"
    assert "2026-01-01" in (builds["same day"] / "sitemap.xml").read_text()
    assert "2026-01-02" in (builds["next day"] / "sitemap.xml").read_text()
