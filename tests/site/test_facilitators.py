"""The facilitator's guide, as built: out of the learner's way, in its own PDF, and refusing bad plans."""

from __future__ import annotations

import json

from pypdf import PdfReader

from site_building import copy_project, mkdocs_build
from test_print import pdf_text
from test_site import article_text, page_soup


def test_the_guide_stays_out_of_search_the_whole_unit_and_the_workbook(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith("facilitators/")]
    assert not any("What to listen for" in doc["text"] or "Bridge to the next part" in doc["text"] for doc in index["docs"])
    for learner_page in ("print", "workbook", "my-workbook", "complex-systems"):
        assert "Bridge to the next part" not in article_text(built_site, learner_page), learner_page


def test_the_guide_is_a_section_of_the_navigation(built_site):
    menu = page_soup(built_site, "index").select_one("nav.md-nav--primary")
    labels = [a.get_text(" ", strip=True) for a in menu.select("a.md-nav__link")]
    assert "For facilitators" in " ".join(labels)
    assert (built_site / "facilitators" / "index.html").is_file()


def test_the_guides_pdf_has_the_plan_then_notes_and_handout_for_each_activity(built_site):
    reader = PdfReader(built_site / "pdf" / "facilitator-guide.pdf")
    sheets = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert "Running order" in " ".join(sheets[:2]) and "90 minutes in all" in sheets[0]
    # After the plan: for each activity, a sheet of notes, then its handout with a QR code and Name and Date lines.
    notes_sheets = [n for n, text in enumerate(sheets) if "Bridge to the next part" in text]
    assert len(notes_sheets) == 4
    for sheet in notes_sheets:
        assert "HANDOUT" in sheets[sheet + 1] and "Name" in sheets[sheet + 1] and "Date" in sheets[sheet + 1]
    assert "Clear the floor" in sheets[notes_sheets[0]]  # the flocking exercise's safety line
    text = pdf_text(reader)
    assert "Added for this site" in text or "ADDED FOR THIS SITE" in text


def test_a_session_that_does_not_add_up_stops_the_build_before_anything_is_written(tmp_path):
    project = copy_project(tmp_path / "project")
    session = project / "data" / "unit-3" / "session.yml"
    session.write_text(session.read_text(encoding="utf-8").replace("total_minutes: 90", "total_minutes: 120"), encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(site, project_dir=project)
    assert result.returncode != 0
    assert "data/unit-3/session.yml:" in result.stderr and "adds up to 90 minutes, not 120" in result.stderr
    assert "Traceback" not in result.stderr and not site.exists()
