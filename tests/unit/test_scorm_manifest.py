"""The SCORM 1.2 package, without MkDocs: its manifest and launch page from the fixture course, and
the check that a unit's answers fit cmi.suspend_data at the documented length per answer."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree

from bs4 import BeautifulSoup

from course.checks.scorm import check_scorm_budget
from course.content.schemas import RECORD_ID
from course.scorm.budget import (
    FORMAT_PREFIX,
    MINIMUM_ANSWER_LENGTH,
    SUSPEND_DATA_LIMIT,
    first_over_budget,
    kept_answers,
    suspend_data_length,
)
from course.scorm.package import LAUNCH_PAGE, MANIFEST, SCRIPTS, STYLESHEET, PackagePlan, package_files, package_name
from engine import UNIT, outline

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
XSI = "{http://www.w3.org/2001/XMLSchema-instance}"


def fixture_package(copy: dict[str, bytes] | None = None) -> dict[str, bytes]:
    found = outline()
    unit = found.programme.unit(UNIT)
    offline = {page.path: page.path.removesuffix(".md") + ".html" for page in found.pages}  # as the offline copy names them
    copy = copy or {name: b"<html></html>" for name in offline.values()} | {name: b"" for name in (*SCRIPTS, STYLESHEET)}
    return package_files(copy, PackagePlan.of(found, unit, offline, ["my-workbook.md"]))


# --- The manifest -------------------------------------------------------------------------


def test_the_manifest_is_scorm_1_2_with_one_sco_listing_every_file_and_no_mastery_score():
    files = fixture_package()
    manifest = ElementTree.fromstring(files[MANIFEST])
    assert manifest.tag == f"{CP}manifest"
    assert manifest.find(f"{CP}metadata/{CP}schema").text == "ADL SCORM"
    assert manifest.find(f"{CP}metadata/{CP}schemaversion").text == "1.2"
    assert manifest.get(f"{XSI}schemaLocation").split() == [
        "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "imscp_rootv1p1p2.xsd",
        "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1", "imsmd_rootv1p2p1.xsd",
        "http://www.adlnet.org/xsd/adlcp_rootv1p2", "adlcp_rootv1p2.xsd",
    ]
    organisations = manifest.findall(f"{CP}organizations/{CP}organization")
    assert len(organisations) == 1 and manifest.find(f"{CP}organizations").get("default") == organisations[0].get("identifier")
    items = organisations[0].findall(f"{CP}item")
    assert len(items) == 1 and items[0].find(f"{CP}title").text == "Unit 1: Working beyond the team?"
    assert manifest.find(f".//{ADLCP}masteryscore") is None
    resources = manifest.findall(f"{CP}resources/{CP}resource")
    assert len(resources) == 1 and items[0].get("identifierref") == resources[0].get("identifier")
    assert resources[0].get(f"{ADLCP}scormtype") == "sco" and resources[0].get("type") == "webcontent"
    assert resources[0].get("href") == LAUNCH_PAGE
    listed = [file.get("href") for file in resources[0].findall(f"{CP}file")]
    assert listed == sorted(set(files) - {MANIFEST})


def test_identifiers_are_xml_ids_and_titles_are_escaped(make_data_dir):
    data = make_data_dir(lambda d: d["programme.yml"]["units"][0].update(id="1st-unit", title='Tom & "Jerry" <b>'))
    (data / "unit-1").rename(data / "1st-unit")
    found = outline(data)
    unit = found.programme.units[0]
    offline = {page.path: "index.html" if page.path == "index.md" else "x.html" for page in found.pages}
    copy = {"index.html": b"", "x.html": b""} | {name: b"" for name in (*SCRIPTS, STYLESHEET)}
    files = package_files(copy, PackagePlan.of(found, unit, offline, []))
    manifest = ElementTree.fromstring(files[MANIFEST])
    assert manifest.find(f".//{CP}item/{CP}title").text == 'Unit 1: Tom & "Jerry" <b>'
    for element in manifest.iter():
        if element.get("identifier"):
            assert re.match(r"^[A-Za-z_][\w.-]*$", element.get("identifier")), element.get("identifier")
    assert package_name(unit) == "1st-unit-scorm12.zip"


def test_a_page_with_the_launch_pages_name_is_refused():
    copy = {LAUNCH_PAGE: b"", "index.html": b""} | {name: b"" for name in (*SCRIPTS, STYLESHEET)}
    try:
        fixture_package(copy)
    except ValueError as error:
        assert f"the site has a file {LAUNCH_PAGE}" in str(error)
    else:
        raise AssertionError("a page named as the launch page was accepted")


# --- The launch page ------------------------------------------------------------------------


def test_the_launch_page_loads_the_scripts_in_order_with_the_units_settings_and_no_inline_code():
    page = BeautifulSoup(fixture_package()[LAUNCH_PAGE], "html.parser")
    assert [script["src"] for script in page.select("script[src]")] == list(SCRIPTS)
    assert all(script.has_attr("defer") for script in page.select("script[src]"))
    assert {script.get("type") for script in page.select("script:not([src])")} == {"application/json"}
    policy = page.select_one("meta[http-equiv=Content-Security-Policy]")["content"]
    assert "'unsafe-inline'" not in policy and "script-src 'self';" in policy and "frame-src 'self'" in policy
    settings = json.loads(page.select_one("#scorm-settings").string)
    assert settings["firstPage"] == "index.html" and settings["closingActivity"] == "discuss"
    assert settings["myWorkbook"] == "my-workbook.html" and "index.html" in settings["pages"]
    assert settings["limit"] == SUSPEND_DATA_LIMIT
    course = json.loads(page.select_one("#course-settings").string)
    assert course["unit"]["storageKey"] == "fixture-unit1"
    frame = page.select_one("iframe#scorm-frame")
    assert frame["title"] == "Unit 1: Working beyond the team?" and not frame.has_attr("src")
    assert page.select_one("noscript a")["href"] == "index.html"


# --- The answers' budget ----------------------------------------------------------------------


def test_the_budget_counts_every_prompt_and_the_records_parts_uncompressed():
    unit = outline().programme.unit(UNIT)
    answers = kept_answers(unit)
    assert ("reflect", "define") in answers and (RECORD_ID, "date") in answers
    nested: dict = {}
    for activity, prompt in answers:
        nested.setdefault(activity, {})[prompt] = "é" * 10
    expected = len(FORMAT_PREFIX) + len(json.dumps({"t": 10**13 - 1, "a": nested}, separators=(",", ":"), ensure_ascii=False))
    assert suspend_data_length(answers, 10) == expected
    assert first_over_budget(answers) is None


def test_a_unit_whose_answers_cannot_fit_is_refused_with_the_numbers(make_data_dir):
    def crowd(data):
        data["activities.yml"]["activities"][1]["prompts"] += [
            {"id": f"more-{number}", "text": f"Question {number}?", "lines": 2} for number in range(30)
        ]

    found = outline(make_data_dir(crowd))
    unit = found.programme.unit(UNIT)
    needed = suspend_data_length(kept_answers(unit))
    culprit = first_over_budget(kept_answers(unit))
    assert culprit[0] == "reflect"
    activities = found.project.data_dir / UNIT / "activities.yml"
    line = next(n for n, text in enumerate(activities.read_text(encoding="utf-8").splitlines(), 1) if f"id: {culprit[1]}" in text)
    problems = [str(problem) for problem in check_scorm_budget(found)]
    assert problems == [
        f"{found.project.display(activities)}:{line}: unit 'unit-1' keeps {len(kept_answers(unit))} answers; at "
        f"{MINIMUM_ANSWER_LENGTH} characters each they need {needed:,} characters of the 4,096 a SCORM 1.2 platform keeps "
        f"for them (cmi.suspend_data), and pass it at activity 'reflect', prompt '{culprit[1]}'; merge or remove prompts "
        "until they fit (guides/platforms.md, 'Answers on the platform')"
    ]


def test_the_fixture_course_fits():
    assert check_scorm_budget(outline()) == []


def test_the_vendored_fflate_is_the_version_the_vendoring_script_pins():
    from engine import PROJECT_DIR

    version = re.search(r"^VERSION=(\S+)$", (PROJECT_DIR / "scripts" / "vendor-fflate").read_text(), re.MULTILINE)[1]
    vendor = PROJECT_DIR / "docs" / "javascripts" / "vendor"
    assert (vendor / "fflate.min.js").read_text(encoding="utf-8").startswith(f"/*! fflate {version} | MIT License")
    assert "MIT License" in (vendor / "fflate.LICENSE.txt").read_text(encoding="utf-8")
