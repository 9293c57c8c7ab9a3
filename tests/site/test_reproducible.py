"""Building twice with the same SOURCE_DATE_EPOCH gives the same bytes, every file (PDFs and the
offline zip included); a build dated another day differs only where the date is written.

Two builds of the fixture course besides the session's (`built_site`, dated BUILD_EPOCH): one
the same day, one the next. Under `make test-properdocs` all three are ProperDocs builds.
"""

from __future__ import annotations

import datetime
import filecmp
import gzip
import os
import re
import struct
import zipfile
from fnmatch import fnmatch
from pathlib import Path

import pytest
from pypdf import PdfReader

from site_building import BUILD_EPOCH, SITE_BUILDER, mkdocs_build

ONE_DAY = 24 * 60 * 60
OFFLINE_ZIP = "download/fixture-offline.zip"

# Files that carry the build date, and so differ between builds on different days.
DATED_FILES = (
    "sitemap.xml",  # <lastmod> of every page
    "sitemap.xml.gz",  # the same, and the date in its gzip header
    "stylesheets/print-footer.css",  # "Site built <date>" in the printed running footer
    "pdf/*.pdf",  # the same footer, and the PDF's creation and modification dates
    OFFLINE_ZIP,  # the offline copy holds all of the above, each entry dated
    "download/*-scorm12.zip",  # each unit's SCORM package: the offline copy's files, each entry dated
)
# Beside each link to a PDF, its pages and size: a PDF dated another day may be a kilobyte larger.
PDF_FACTS = re.compile(r'(<span[^>]*data-pdf-facts="[^"]*"[^>]*>)\(\d+ pages?, [\d,.]+ [KM]B\)')


def build(project: Path, site: Path, epoch: int) -> Path:
    result = mkdocs_build(site, project_dir=project, env={"SOURCE_DATE_EPOCH": str(epoch)})
    assert result.returncode == 0, f"{SITE_BUILDER} build --strict failed:\n{result.stderr}"
    return site


@pytest.fixture(scope="module")
def first_site(fixture_project, built_site, tmp_path_factory) -> Path:
    """The session's build, dated BUILD_EPOCH; built here when BUILT_SITE hands the tests a build of unknown date."""
    if os.environ.get("BUILT_SITE"):
        return build(fixture_project, tmp_path_factory.mktemp("reproducible") / "first", BUILD_EPOCH)
    return built_site


def all_files(root: Path) -> set[str]:
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


def differing_files(first: Path, second: Path) -> list[str]:
    """Every file whose bytes differ, and every file only one of the builds has (marked)."""
    ours, theirs = all_files(first), all_files(second)
    only = [f"{name} (only in the first)" for name in ours - theirs] + [f"{name} (only in the second)" for name in theirs - ours]
    changed = [name for name in ours & theirs if not filecmp.cmp(first / name, second / name, shallow=False)]
    return sorted(only + changed)


def zip_entries(path: Path) -> dict[str, tuple[tuple[int, ...], bytes]]:
    """Each entry of a zip: its date and its bytes."""
    with zipfile.ZipFile(path) as archive:
        return {info.filename: (info.date_time, archive.read(info)) for info in archive.infolist()}


def differing_entries(first: dict, second: dict, compare=lambda entry: entry) -> list[str]:
    """The entries two zips do not share, or whose `compare(entry)` differs (by default: date and bytes)."""
    return sorted(name for name in first.keys() | second.keys() if name not in first or name not in second or compare(first[name]) != compare(second[name]))


def test_two_builds_with_the_same_source_date_epoch_are_byte_identical(fixture_project, first_site, tmp_path_factory):
    second = build(fixture_project, tmp_path_factory.mktemp("reproducible") / "same-day", BUILD_EPOCH)
    differing = differing_files(first_site, second)
    detail = ""
    if OFFLINE_ZIP in differing:
        detail = f"; in the offline zip: {differing_entries(zip_entries(first_site / OFFLINE_ZIP), zip_entries(second / OFFLINE_ZIP))}"
    assert differing == [], f"{len(differing)} files differ between two builds dated the same: {differing}{detail}"
    compared = all_files(first_site)
    assert OFFLINE_ZIP in compared and any(fnmatch(name, "pdf/*.pdf") for name in compared), "the PDFs and the zip are compared too"
    assert any(fnmatch(name, "download/*-scorm12.zip") for name in compared), "and the SCORM packages"


def is_dated(name: str) -> bool:
    return any(fnmatch(name, pattern) for pattern in DATED_FILES)


def differs_only_in_pdf_sizes(one: bytes, other: bytes) -> bool:
    return PDF_FACTS.sub(r"\1", one.decode("utf-8", "replace")) == PDF_FACTS.sub(r"\1", other.decode("utf-8", "replace"))


def test_a_build_dated_the_next_day_differs_only_where_the_date_is_written(fixture_project, first_site, tmp_path_factory):
    second = build(fixture_project, tmp_path_factory.mktemp("reproducible") / "next-day", BUILD_EPOCH + ONE_DAY)
    differing = differing_files(first_site, second)
    unexpected = [
        name
        for name in differing
        if not is_dated(name)
        and not (name.endswith(".html") and differs_only_in_pdf_sizes((first_site / name).read_bytes(), (second / name).read_bytes()))
    ]
    assert unexpected == [], (
        f"files that differ a day apart but carry no date: {unexpected} "
        "(a page not yet committed shows the build date as its last update: commit it)"
    )
    dated = sorted(name for name in all_files(first_site) if is_dated(name))
    assert sorted(name for name in differing if is_dated(name)) == dated, "every dated file carries the day it was built"
    # Inside the zip, every entry is dated (its header); its bytes differ only where the site's do.
    one, other = zip_entries(first_site / OFFLINE_ZIP), zip_entries(second / OFFLINE_ZIP)
    folder = OFFLINE_ZIP.rsplit("/", 1)[1].removesuffix(".zip") + "/"
    undated = [
        name
        for name in differing_entries(one, other, compare=lambda entry: entry[1])
        if name not in one
        or name not in other
        or not (is_dated(name.removeprefix(folder)) or (name.endswith(".html") and differs_only_in_pdf_sizes(one[name][1], other[name][1])))
    ]
    assert undated == [], f"entries of the offline zip that differ a day apart but carry no date: {undated}"


def test_every_date_a_build_writes_is_source_date_epochs(first_site):
    """The sitemap, the printed footer, the PDFs' metadata and the zip's entries: one date, SOURCE_DATE_EPOCH's."""
    moment = datetime.datetime.fromtimestamp(BUILD_EPOCH, datetime.timezone.utc)
    day = moment.date()
    sitemap = (first_site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap)) == {day.isoformat()}
    with gzip.open(first_site / "sitemap.xml.gz", "rt", encoding="utf-8") as unzipped:
        assert unzipped.read() == sitemap
    header_time = struct.unpack("<I", (first_site / "sitemap.xml.gz").read_bytes()[4:8])[0]
    assert datetime.datetime.fromtimestamp(header_time, datetime.timezone.utc).date() == day
    footer = (first_site / "stylesheets" / "print-footer.css").read_text(encoding="utf-8")
    assert f"Site built {day.day} {day:%B %Y}" in footer
    pdfs = sorted((first_site / "pdf").glob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        info = PdfReader(pdf).metadata
        assert (info["/CreationDate"], info["/ModDate"]) == (f"D:{day:%Y%m%d}",) * 2, pdf.name
    with zipfile.ZipFile(first_site / OFFLINE_ZIP) as archive:
        assert {info.date_time for info in archive.infolist()} == {moment.timetuple()[:6]}
