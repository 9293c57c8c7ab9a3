"""Each unit's SCORM 1.2 package in the fixture course's build, as a platform unzips it: the
manifest at the zip's root, parsing, listing every file and only those, one SCO, no mastery score;
the offline copy's files inside, byte for byte; and the package's script on no page of the site."""

from __future__ import annotations

import zipfile
import xml.etree.ElementTree as ElementTree

import pytest

from course.scorm.package import LAUNCH_PAGE, MANIFEST
from engine import SECOND_UNIT, UNIT
from test_publish import OFFLINE_FOLDER, OFFLINE_ZIP

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"


def package(built_site, unit: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(built_site / "download" / f"{unit}-scorm12.zip")


@pytest.mark.parametrize("unit", [UNIT, SECOND_UNIT])
def test_the_manifest_at_the_root_lists_every_file_of_one_sco(built_site, unit):
    with package(built_site, unit) as archive:
        names = [entry.filename for entry in archive.infolist()]
        manifest = ElementTree.fromstring(archive.read(MANIFEST))
    assert MANIFEST in names, "imsmanifest.xml at the zip's root, not in a folder"
    assert manifest.find(f"{CP}metadata/{CP}schema").text == "ADL SCORM"
    assert manifest.find(f"{CP}metadata/{CP}schemaversion").text == "1.2"
    assert len(manifest.findall(f"{CP}organizations/{CP}organization")) == 1
    assert len(manifest.findall(f".//{CP}item")) == 1
    resources = manifest.findall(f"{CP}resources/{CP}resource")
    assert [(r.get(f"{ADLCP}scormtype"), r.get("href")) for r in resources] == [("sco", LAUNCH_PAGE)]
    assert manifest.find(f".//{ADLCP}masteryscore") is None
    listed = [file.get("href") for file in resources[0].findall(f"{CP}file")]
    assert sorted(listed) == sorted(set(names) - {MANIFEST}), "every file listed, and only files there are"
    assert len(listed) == len(set(listed))


def test_the_package_is_the_offline_copy_with_a_launch_page_and_a_manifest(built_site):
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as copy, package(built_site, UNIT) as scorm:
        offline = {entry.filename.removeprefix(f"{OFFLINE_FOLDER}/"): copy.read(entry) for entry in copy.infolist()}
        packaged = {entry.filename: scorm.read(entry) for entry in scorm.infolist()}
    assert set(packaged) - set(offline) == {LAUNCH_PAGE, MANIFEST}
    assert set(offline) == set(packaged) - {LAUNCH_PAGE, MANIFEST}
    assert all(packaged[name] == offline[name] for name in offline), "the same pages, PDFs and search"
    assert not any(name.startswith("download/") for name in packaged), "no zip inside the zip"


def test_the_second_units_package_opens_at_its_own_first_page(built_site):
    with package(built_site, SECOND_UNIT) as archive:
        launch = archive.read(LAUNCH_PAGE).decode("utf-8")
    assert '"firstPage": "unit-2/index.html"' in launch and '"storageKey": "fixture-unit2"' in launch


def test_the_packages_script_is_on_no_page_of_the_site(built_site):
    """The site's pages (and so their first visit's weight) are as they were without the package."""
    pages = [path for path in built_site.rglob("*.html")]
    assert pages
    assert not [path for path in pages if "scorm.js" in path.read_text(encoding="utf-8") or "fflate" in path.read_text(encoding="utf-8")]
