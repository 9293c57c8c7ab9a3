"""Unit 3's own content: what an edit to its pages or data can change, and what to update.

The engine's tests run on the fixture course (tests/fixtures/course/), so an
edit to Unit 3 breaks no test of the engine. It can break these, and only on
purpose: each failure says which number or sentence to update, and where.

- Every statement of the slides is on its page, in the slides' order
  (tests/content/source_statements.txt).
- The copyright line and the slides' sources.
- Which page shows which activity, and how many prompts the unit asks.
- The self-check: every combination of answers gives its result in the browser's script, and
  its results and worked scenarios are the ones listed here.
- The session's versions (60, 90 and 120 minutes, 90 the usual), and the deck: every part
  with its speaker notes, the misreadings the room brings, the flocking steps as spoken.
- How many sheets of paper each PDF and each printed page takes (SHEETS below):
  a change means looking at the sheets before updating the number.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from built_pages import page_file, page_names, page_soup
from unit_3_pages import unit_3_pdfs
from course.content.programme import load_programme
from course.content.self_check import combinations, result_for
from engine import PROJECT_DIR, classified_by_the_script

UNIT_3_DATA = PROJECT_DIR / "data" / "unit-3"
STATEMENTS = Path(__file__).with_name("source_statements.txt")
COPYRIGHT = "© 2017 Shared Service Architecture Ltd"
# The slides cite these two sources (data/unit-3/references.yml), by author and year.
SLIDES_SOURCES = ["The Leadership Centre (2014)", "Keith Grint (2005), adapted"]

# Which page shows each activity (its id in data/unit-3/activities.yml), in reading order.
ACTIVITIES_ON_PAGES = {
    "pcn-ethos": ["the-ethos-in-your-pcn"],
    "complex-systems": ["flocking"],
    "leading-complex-systems": ["self-activity-7"],
    "systems-leadership": ["leading-complex-pcn-projects", "self-activity-8"],
    "leading-health-and-social-care": ["what-i-will-do-differently"],
}
# Prompts the unit asks across its activities: the learner's "You have answered 0 of N prompts".
PROMPTS = 14

# The session's versions (data/unit-3/session.yml), in minutes, in the data's order; and the parts of
# the session each cuts, which become follow-up work.
SESSION_VERSIONS = [90, 60, 120]
CUT = {
    90: ["self-activity-7"],
    60: ["the-ethos-in-your-pcn", "self-activity-7", "leading-complex-pcn-projects"],
    120: [],
}
# The parts of the session (their ids: other files and the guides refer to them), in order.
SESSION_PARTS = [
    "welcome", "the-ethos-in-your-pcn", "flocking", "simple-rules", "self-activity-7", "markets-hierarchies-networks",
    "leading-complex-pcn-projects", "problem-types", "self-activity-8", "wicked-issues-health-and-social-care",
    "what-i-will-do-differently", "close",
]

# The self-check (data/unit-3/self_check.yml): how many results it has, and its worked scenarios, in order.
SELF_CHECK_RESULTS = 11
SELF_CHECK_SCENARIOS = [
    "collapse-in-the-waiting-room",
    "flu-clinic-rota",
    "health-inequalities",
    "new-roles-in-practices",
    "care-home-cover",
    "extended-access",
    "flooded-practice",
]

# Sheets each PDF the build makes takes: (on A4, as built; on US Letter).
PDF_SHEETS = {
    "whole-unit.pdf": (30, 32),
    "workbook.pdf": (10, 10),
    "handout-the-ethos-in-your-pcn.pdf": (1, 1),
    "handout-flocking.pdf": (1, 1),
    "handout-self-activity-7.pdf": (1, 1),
    "handout-leading-complex-pcn-projects.pdf": (1, 1),
    "handout-self-activity-8.pdf": (1, 1),
    "handout-what-i-will-do-differently.pdf": (1, 1),
    "handout-comparison-tables.pdf": (1, 1),
    "handout-self-check.pdf": (3, 3),
    "facilitator-guide.pdf": (17, 17),
    "slides.pdf": (11, 12),
    "run-sheet-60-minutes.pdf": (1, 1),
    "run-sheet-90-minutes.pdf": (1, 1),
    "run-sheet-120-minutes.pdf": (1, 1),
    "attendance-register.pdf": (1, 1),
    "evaluation-form.pdf": (1, 1),
    "certificate-of-attendance.pdf": (1, 1),
}
# Sheets Chromium's print of each page takes: (on A4, on US Letter).
PRINT_SHEETS = {
    "index": (2, 2),
    "pcn-ethos": (3, 4),
    "complex-systems": (3, 3),
    "leading-complex-systems": (2, 2),
    "theory-and-practice": (2, 2),
    "systems-leadership": (12, 13),
    "leading-health-and-social-care": (2, 2),
    "my-workbook": (9, 9),
    "references": (3, 3),
    "glossary": (3, 4),
    "workbook": (10, 10),
    "handouts": (2, 2),
    "handouts/the-ethos-in-your-pcn": (1, 1),
    "handouts/flocking": (1, 1),
    "handouts/self-activity-7": (1, 1),
    "handouts/leading-complex-pcn-projects": (1, 1),
    "handouts/self-activity-8": (1, 1),
    "handouts/what-i-will-do-differently": (1, 1),
    "handouts/comparison-tables": (1, 1),
    "handouts/self-check": (3, 3),
    "print": (29, 32),
    "facilitators": (17, 17),
    "facilitators/present": (11, 12),
    "facilitators/run-sheet-90": (1, 1),
    "facilitators/run-sheet-60": (1, 1),
    "facilitators/run-sheet-120": (1, 1),
    "facilitators/before-and-after": (2, 2),
    "facilitators/attendance-register": (1, 1),
    "facilitators/evaluation-form": (1, 1),
    "facilitators/certificate": (1, 1),
    "accessibility": (3, 3),
    "privacy": (3, 3),  # with "In a learning platform" (issue 22): the third A4 sheet holds "Reporting a problem"
}


def where(name: str) -> str:
    """`tests/content/test_unit_3.py:LINE`, where the named number is set."""
    lines = Path(__file__).read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, start=1) if text.startswith(f"{name} = "))
    return f"tests/content/test_unit_3.py:{line}"


def source_statements() -> list[tuple[int, str, str]]:
    """(line in source_statements.txt, page, statement), in the slides' order."""
    found = []
    for number, line in enumerate(STATEMENTS.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            page, statement = (part.strip() for part in line.split("|", 1))
            found.append((number, page, statement))
    return found


def page_text(site: Path, name: str) -> str:
    """The page's words as a reader reads them: abbreviations' meanings (the site's) left out, spaces squashed."""
    soup = page_soup(site, name)
    for expansion in soup.select(".abbreviation-expansion"):
        expansion.decompose()
    text = " ".join(soup.get_text(" ").split())
    return re.sub(r"\s+([,.;:?!)])", r"\1", text).replace("( ", "(")  # get_text(" ") spaces out inline tags


# --- The slides, on the pages --------------------------------------------------------


@pytest.mark.parametrize(("line", "page", "statement"), source_statements(), ids=lambda v: str(v)[:40])
def test_every_statement_of_the_slides_is_on_its_page(unit_3_site, line, page, statement):
    assert page_file(unit_3_site, page).is_file(), (
        f"tests/content/source_statements.txt:{line} names the page '{page}', which the build does not make; "
        "name the page the statement is on now"
    )
    assert " ".join(statement.split()) in page_text(unit_3_site, page), (
        f"tests/content/source_statements.txt:{line}: this statement of the slides is not on the page '{page}': "
        f"“{statement}”. Every point of the slides belongs on the site: put it back, or, if you reworded it on purpose "
        "(keeping its meaning), write the new wording on that line"
    )


def test_the_pages_follow_the_slides_order(unit_3_site):
    order = list(dict.fromkeys(page for _, page, _ in source_statements()))
    in_navigation = [name for name in page_names_in_navigation(unit_3_site) if name in order]
    assert in_navigation == order, (
        "the pages holding the slides' statements are no longer in the slides' order in the navigation (mkdocs.yml, nav:); "
        "put them back in order, or, if the order changed on purpose, move the lines of tests/content/source_statements.txt to match"
    )


def page_names_in_navigation(site: Path) -> list[str]:
    menu = page_soup(site, "index").select_one("nav.md-nav--primary")
    names = []
    for link in menu.select("a.md-nav__link[href]"):
        href = link["href"].split("#")[0].strip("./").rstrip("/")
        names.append(href or "index")
    return list(dict.fromkeys(names))


def test_every_page_carries_the_copyright_line(unit_3_site):
    for name in page_names(unit_3_site):
        footer = page_soup(unit_3_site, name).find("footer")
        assert COPYRIGHT in footer.get_text(), f"{name}: the footer has lost “{COPYRIGHT}” (mkdocs.yml, copyright:); keep it"


def test_the_references_give_the_slides_sources(unit_3_site):
    text = page_text(unit_3_site, "references")
    for source in SLIDES_SOURCES:
        assert source in text, f"the references page no longer gives “{source}”, a source the slides cite (data/unit-3/references.yml)"


# --- Activities and prompts --------------------------------------------------------


def test_each_activity_is_on_its_page(unit_3_site):
    shown = {name: [s["id"] for s in page_soup(unit_3_site, name).select("article section.activity")] for name in ACTIVITIES_ON_PAGES}
    assert shown == ACTIVITIES_ON_PAGES, (
        f"the activities are shown on other pages than before: now {shown}. If you moved one on purpose, "
        f"update ACTIVITIES_ON_PAGES ({where('ACTIVITIES_ON_PAGES')})"
    )


def test_the_unit_asks_its_prompts():
    activities = yaml.safe_load((UNIT_3_DATA / "activities.yml").read_text(encoding="utf-8"))["activities"]
    count = sum(len(activity["prompts"]) for activity in activities)
    assert count == PROMPTS, (
        f"data/unit-3/activities.yml now asks {count} prompts, not {PROMPTS}. If you added or removed one on purpose, "
        f"update PROMPTS ({where('PROMPTS')})"
    )


# --- The self-check ------------------------------------------------------------------


def test_every_combination_of_answers_gives_its_result_on_the_page(unit_3_site):
    """Through the page's data and the browser's script, each set of answers a learner can give
    leads to the one result data/unit-3/self_check.yml has for it (make check made sure there is one)."""
    check = load_programme(PROJECT_DIR / "data").unit("unit-3").self_check
    data = json.loads(page_soup(unit_3_site, "systems-leadership").find(id="problem-check-data").string)
    every = list(combinations(check))
    assert classified_by_the_script(data, every) == [result_for(check, answers).id for answers in every]
    assert len(check.results) == SELF_CHECK_RESULTS, (
        f"data/unit-3/self_check.yml now has {len(check.results)} results, not {SELF_CHECK_RESULTS}. If you added or merged "
        f"results on purpose, update SELF_CHECK_RESULTS ({where('SELF_CHECK_RESULTS')})"
    )
    reached = {result_for(check, answers).id for answers in every}
    assert reached == {result.id for result in check.results}, "every result is reached by some answers"


def test_the_self_check_has_its_worked_scenarios_on_the_page(unit_3_site):
    shown = [item["id"].removeprefix("problem-scenario-") for item in page_soup(unit_3_site, "systems-leadership").select(".problem-scenario")]
    assert shown == SELF_CHECK_SCENARIOS, (
        f"the worked scenarios on the page are now {shown}. If you changed them on purpose (data/unit-3/self_check.yml), "
        f"update SELF_CHECK_SCENARIOS ({where('SELF_CHECK_SCENARIOS')})"
    )


# --- The session away from a room, and before and after it --------------------------------


def test_every_activity_says_how_it_runs_on_a_call_and_in_a_hybrid_room(unit_3_site):
    activities = yaml.safe_load((UNIT_3_DATA / "activities.yml").read_text(encoding="utf-8"))["activities"]
    guide = page_soup(unit_3_site, "facilitators")
    for activity in activities:
        notes = guide.find(id=f"notes-{activity['id']}").find_next(class_="facilitation")
        for field, heading in (("online", "On a video call"), ("hybrid", "In a hybrid room")):
            shown = [li.get_text(" ", strip=True) for li in notes.select(f".facilitation__{field} li")]
            assert len(shown) == len(activity["facilitation"][field]) >= 1, (activity["id"], heading)
    flocking = " ".join(next(a for a in activities if a["id"] == "flocking")["facilitation"]["online"])
    assert "simulation" in flocking, "on a call, the flocking simulation is shared on screen in place of the exercise"
    hybrid = [" ".join(a["facilitation"]["hybrid"]) for a in activities]
    assert all("first" in steps for steps in hybrid), "in a hybrid room, the people on the call speak first"


# The pages the joining note asks people to read before the session (data/unit-3/before_and_after.yml).
PRE_READ = ["index.md", "pcn-ethos.md"]


def test_the_joining_note_sends_its_pages_with_their_addresses(unit_3_site):
    data = yaml.safe_load((UNIT_3_DATA / "before_and_after.yml").read_text(encoding="utf-8"))
    pages = [entry["page"] for entry in data["joining_note"]["pre_read"]]
    assert pages == PRE_READ, (
        f"the joining note now asks people to read {pages}. If you changed them on purpose, update PRE_READ ({where('PRE_READ')})"
    )
    body = page_soup(unit_3_site, "facilitators/before-and-after").find(id="joining-note-body").get_text()
    assert "https://pcn-leadership.github.io/unit-3/pcn-ethos/" in body and "[day and date]" in body


# --- Sheets of paper ----------------------------------------------------------------


def changed_sheets(what: str, name: str, counted: tuple[int, int], table: str) -> str:
    look = f"pdftoppm -png -r 80 site/pdf/{name} /tmp/{name.removesuffix('.pdf')}" if table == "PDF_SHEETS" else (
        f"print the page from Chromium on A4 and on Letter"
    )
    return (
        f"{what} now takes {counted[0]} sheets on A4 and {counted[1]} on US Letter, not {globals()[table][name]}. "
        f"Look at every sheet ({look}) and, if they look right, update '{name}' in {table} ({where(table)})"
    )


def test_every_pdf_and_page_has_its_sheet_count(unit_3_site):
    pdfs = sorted(path.name for path in (unit_3_site / "pdf").glob("*.pdf"))
    assert pdfs == sorted(PDF_SHEETS), f"the build makes these PDFs now: {pdfs}; list each in PDF_SHEETS ({where('PDF_SHEETS')})"
    pages = page_names(unit_3_site)
    assert sorted(pages) == sorted(PRINT_SHEETS), f"the build makes these pages now: {pages}; list each in PRINT_SHEETS ({where('PRINT_SHEETS')})"


@pytest.mark.parametrize("pdf_name", PDF_SHEETS)
def test_each_pdf_takes_its_sheets(unit_3_site, on_letter, pdf_name):
    a4 = len(PdfReader(unit_3_site / "pdf" / pdf_name).pages)
    letter = len(PdfReader(io.BytesIO(on_letter(unit_3_pdfs()[pdf_name]))).pages)
    assert (a4, letter) == PDF_SHEETS[pdf_name], changed_sheets(pdf_name, pdf_name, (a4, letter), "PDF_SHEETS")


@pytest.mark.parametrize("name", PRINT_SHEETS)
def test_each_page_prints_on_its_sheets(printed, name):
    counted = (len(printed(name, "A4")[1]), len(printed(name, "Letter")[1]))
    assert counted == PRINT_SHEETS[name], changed_sheets(f"The page '{name}', printed", name, counted, "PRINT_SHEETS")


# --- The session in the room: its versions, and the deck ------------------------------------------


def test_the_session_has_its_parts_and_versions_each_adding_up():
    unit = load_programme(PROJECT_DIR / "data").unit("unit-3")  # the data's own check: every version adds up, every decision true
    session = unit.session
    parts = [part.key for part in session.parts]
    assert parts == SESSION_PARTS, f"the session's parts are now {parts}; update SESSION_PARTS ({where('SESSION_PARTS')}) and the guides that name them"
    versions = [version.minutes for version in session.versions]
    assert versions == SESSION_VERSIONS, f"the versions are now {versions}; update SESSION_VERSIONS ({where('SESSION_VERSIONS')})"
    assert session.default_version.minutes == 90, "the usual session is 90 minutes"
    for version in session.versions:
        cut = [step.part for step in version.running_order if step.kind == "part" and step.decision == "cut"]
        assert cut == CUT[version.minutes], f"the {version.minutes}-minute version cuts {cut}; update CUT ({where('CUT')})"
        kinds = {step.kind for step in version.running_order}
        assert {"part", "debrief", "buffer"} <= kinds, f"the {version.minutes}-minute version needs debrief time and a buffer"
        assert any(step.kind == "transition" and "tables" in step.transition for step in version.running_order), (
            f"the {version.minutes}-minute version needs time to get back to the tables after flocking"
        )
        welcome = next(step for step in version.running_order if step.part == "welcome")
        assert welcome.decision != "cut", "introductions and ground rules are in every version"


def test_every_part_has_speaker_notes_and_the_misreadings_the_room_brings():
    unit = load_programme(PROJECT_DIR / "data").unit("unit-3")
    notes = {entry.part: entry.notes for entry in unit.deck.parts}
    assert sorted(notes) == sorted(SESSION_PARTS)
    problems = notes["problem-types"]
    assert {example.type for example in problems.examples} == {"critical", "tame", "wicked"}, "a PCN example for each type of problem"
    misreadings = " ".join(problems.misconceptions)
    assert "Tame does not mean easy" in misreadings and "Critical is not the same as important" in misreadings


def test_the_deck_projects_the_flocking_steps_as_they_are_spoken(unit_3_site):
    flocking = page_soup(unit_3_site, "facilitators/present").select_one("section#flocking")
    assert "in your head, and don't tell them" in " ".join(flocking.get_text(" ").split())
    # The site's additions are marked by the small mark, never by the label in capitals on a slide.
    deck = page_soup(unit_3_site, "facilitators/present").select_one(".presenter__slides")
    assert not deck.select(".site-added__label:not(figure .site-added__label)")


# --- The SCORM 1.2 package (guides/platforms.md) ---------------------------------------------------

# Answers Unit 3 keeps in a platform's cmi.suspend_data: its prompts, and the reflective record's
# four parts and two details. guides/platforms.md says the number.
SCORM_ANSWERS = 20
# The package's size, at most (download/unit-3-scorm12.zip; 1.3 MB in December 2026): PDFs included, it is uploaded to a
# platform and downloaded by each learner's browser page by page.
SCORM_PACKAGE_BYTES = 3_000_000


def test_unit_3s_answers_fit_a_scorm_platform_at_the_documented_length():
    from course.scorm.budget import MINIMUM_ANSWER_LENGTH, SUSPEND_DATA_LIMIT, kept_answers, suspend_data_length

    answers = kept_answers(load_programme(PROJECT_DIR / "data").unit("unit-3"))
    assert len(answers) == SCORM_ANSWERS, (
        f"Unit 3 now keeps {len(answers)} answers on a learning platform, not {SCORM_ANSWERS}: update SCORM_ANSWERS "
        f"({where('SCORM_ANSWERS')}) and the number in guides/platforms.md"
    )
    needed = suspend_data_length(answers)
    assert needed <= SUSPEND_DATA_LIMIT, f"{needed} characters at {MINIMUM_ANSWER_LENGTH} each (make check says where)"


def test_unit_3s_scorm_package_is_in_the_build_within_its_size(unit_3_site):
    package = unit_3_site / "download" / "unit-3-scorm12.zip"
    assert package.is_file()
    size = package.stat().st_size
    assert size <= SCORM_PACKAGE_BYTES, (
        f"download/unit-3-scorm12.zip is {size:,} bytes, over SCORM_PACKAGE_BYTES ({where('SCORM_PACKAGE_BYTES')}): "
        "look at what grew (the PDFs, most likely) before raising it"
    )
