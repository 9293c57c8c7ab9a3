"""The facilitator's guide, as built: out of the learner's way, in its own PDF, and refusing bad plans."""

from __future__ import annotations

import json

from pypdf import PdfReader

from engine import UNIT, fixture_data
from site_building import copy_project, mkdocs_build
from test_print import pdf_text
from test_site import article_text, page_soup


def test_the_guide_stays_out_of_search_the_whole_unit_and_the_workbook(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith("facilitators/")]
    assert not any("What to listen for" in doc["text"] or "Bridge to the next part" in doc["text"] for doc in index["docs"])
    for learner_page in ("print", "workbook", "my-workbook", "together"):
        assert "Bridge to the next part" not in article_text(built_site, learner_page), learner_page


def test_the_guide_is_a_section_of_the_navigation(built_site):
    menu = page_soup(built_site, "index").select_one("nav.md-nav--primary")
    labels = [a.get_text(" ", strip=True) for a in menu.select("a.md-nav__link")]
    assert "For facilitators" in " ".join(labels)
    assert (built_site / "facilitators" / "index.html").is_file()


def test_the_guides_pdf_has_the_plan_then_notes_and_handout_for_each_activity(built_site):
    session = fixture_data()["session.yml"]
    run = [part["activity"] for part in session["parts"] if "activity" in part]
    activities = {activity["id"]: activity for activity in fixture_data()["activities.yml"]["activities"]}
    reader = PdfReader(built_site / "pdf" / "facilitator-guide.pdf")
    sheets = [" ".join(page.extract_text().split()) for page in reader.pages]
    plan = " ".join(sheets[:3])
    for version in session["versions"]:
        assert f"Running order: {version['minutes']} minutes in all" in plan
    # After the plan: for each activity run, a sheet of notes, then its handout with a QR code and Name and Date lines.
    notes_sheets = [n for n, text in enumerate(sheets) if "Bridge to the next part" in text]
    assert len(notes_sheets) == len(run)
    for sheet, activity_id in zip(notes_sheets, run):
        assert activities[activity_id]["facilitation"]["purpose"] in sheets[sheet], activity_id
        assert "HANDOUT" in sheets[sheet + 1] and "Name" in sheets[sheet + 1] and "Date" in sheets[sheet + 1]
        assert activities[activity_id]["title"] in sheets[sheet + 1], activity_id
    safety = [(sheet, activities[a]["facilitation"]["safety"]) for sheet, a in zip(notes_sheets, run) if "safety" in activities[a]["facilitation"]]
    assert safety, "the fixture has an activity with a safety line"
    for sheet, line in safety:
        assert line in sheets[sheet]
    text = pdf_text(reader)
    assert "Added for this site" in text or "ADDED FOR THIS SITE" in text


def test_each_run_sheet_is_one_sheet_with_its_running_order_and_follow_up_work(built_site):
    reader = PdfReader(built_site / "pdf" / "run-sheet-45-minutes.pdf")
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Running order: 45 minutes in all" in text and "Shortened: On your own only." in text


def test_the_deck_is_a_pdf_of_its_slides_two_to_a_sheet_without_the_notes(built_site):
    reader = PdfReader(built_site / "pdf" / "slides.pdf")
    sheets = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert 6 <= len(sheets) <= 12, "the deck's twelve slides, two to a sheet where they fit, one where they do not"
    assert "Walking together" in " ".join(sheets)
    assert not any("Speaker notes" in sheet or "Framing shapes the response." in sheet for sheet in sheets)


def test_a_version_that_does_not_add_up_stops_the_build_with_one_line_before_anything_is_written(tmp_path):
    project = copy_project(tmp_path / "project")
    session = project / "data" / UNIT / "session.yml"
    text = session.read_text(encoding="utf-8")
    assert "  - minutes: 45\n" in text
    session.write_text(text.replace("  - minutes: 45\n", "  - minutes: 75\n"), encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(site, project_dir=project)
    assert result.returncode != 0
    [line] = [line for line in result.stderr.splitlines() if f"data/{UNIT}/session.yml:" in line]
    assert "the 75-minute version: its running order adds up to 45 minutes, not 75" in line
    assert "Traceback" not in result.stderr and not site.exists()


def test_speaker_notes_missing_for_a_part_stop_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    deck = project / "data" / UNIT / "deck.yml"
    text = deck.read_text(encoding="utf-8")
    start = text.index("  - part: reflect\n")
    deck.write_text(text[:start] + text[text.index("  - part: kinds-of-problem\n"):], encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(site, project_dir=project)
    assert result.returncode != 0
    assert f"data/{UNIT}/deck.yml:" in result.stderr and "part 'reflect' of the session has no slides or speaker notes" in result.stderr
    assert "Traceback" not in result.stderr and not site.exists()
