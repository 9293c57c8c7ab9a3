"""The accessibility statement, the privacy notice and the report links, on their own.

The statement's data (data/accessibility.yml) with every kind of mistake, located;
the reminders for a given day (never the clock's); the statement and the notice
as rendered from the data and from what the tests check; the "Report a problem"
address. No MkDocs involved.
"""

from __future__ import annotations

import datetime
import json
import re
import shutil
from urllib.parse import parse_qs, urlsplit

import markdown
import pytest
from bs4 import BeautifulSoup

from engine import DATA_DIR, DOCS_DIR, HOSTILE_TEXTS, macros, mkdocs_config, outline
from fixture_course import assembled, course_source
from course.checks import check_course, remind
from course.checks.statement import check_statement_data, check_statement_pages
from course.content.outline import Outline
from course.content.problems import ContentError
from course.content.programme import load_programme
from course.page_macros import PageMacros
from course.paper.plan import plan_paper
from course.publish import conformance
from course.publish.addresses import SiteAddress, missing_page_report, new_issue_url, problem_report

STATEMENT = """\
# The accessibility statement's data.
organisation: Example Health Ltd
contact: repository issues
compliance: not assessed
prepared: 2026-11-28
last_reviewed: 2026-11-28
unconfirmed:
  - organisation
"""


@pytest.fixture
def data_with(tmp_path):
    """A copy of the fixture's data folder with data/accessibility.yml's text replaced (None: the file removed)."""

    def make(text: str | None):
        folder = tmp_path / f"copy-{len(list(tmp_path.iterdir()))}" / "data"
        shutil.copytree(DATA_DIR, folder)
        if text is None:
            (folder / "accessibility.yml").unlink()
        else:
            (folder / "accessibility.yml").write_text(text, encoding="utf-8")
        return folder

    return make


def problems_of(data_dir) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_programme(data_dir)
    return [str(problem) for problem in caught.value.problems]


def html_of(markdown_text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(markdown_text, extensions=["attr_list"]), "html.parser")


def text_of(markdown_text: str) -> str:
    return " ".join(html_of(markdown_text).get_text(" ").split())


def section(markdown_text: str, heading: str) -> str:
    """The Markdown under one `## heading`, to the next heading of that level."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", markdown_text, re.MULTILINE | re.DOTALL)
    assert match, f"no section {heading!r}"
    return match[1]


# --- The data file ---------------------------------------------------------------------


def test_the_statement_data_is_read_with_what_is_unconfirmed():
    statement = load_programme(DATA_DIR).accessibility
    assert statement.organisation == "Fixture Organisation Ltd"
    assert statement.contact == "repository issues" and statement.contact_email is None
    assert statement.email == "fixture-contact@example.org" and statement.confirmed_email is None and statement.email_to_confirm
    assert (statement.prepared, statement.last_reviewed) == (datetime.date(2026, 1, 5), datetime.date(2026, 1, 5))
    assert statement.unconfirmed == ["contact", "email"]


def test_a_missing_statement_file_is_named(data_with):
    assert problems_of(data_with(None)) == ["data/accessibility.yml: the data file is missing; restore it from git"]


@pytest.mark.parametrize(
    ("old", "new", "line", "phrase"),
    [
        ("last_reviewed: 2026-11-28", "last_reviewed: 28 November 2026", 6, "field 'last_reviewed': this must be a date, written as YYYY-MM-DD"),
        ("last_reviewed: 2026-11-28", "last_reviewed: 2026-11-27", 6, "cannot be reviewed (2026-11-27) before it was prepared (2026-11-28)"),
        ("contact: repository issues", "contact: the web team", 3, "field 'contact': write 'repository issues' or an email address"),
        ("contact: repository issues", "contact: someone@", 3, "field 'contact': write 'repository issues' or an email address"),
        ("compliance: not assessed", "compliance: mostly", 4, "field 'compliance'"),
        ("organisation: Example", "organisaton: Example", 2, "field 'organisaton': unknown field"),
        ("  - organisation", "  - organisation\n  - phone", 9, "field 'unconfirmed, item 2': input should be 'organisation', 'contact'"),
        ("  - organisation", "  - organisation\n  - organisation", 8, "organisation is listed twice"),
        ("compliance: not", "email: the web team\ncompliance: not", 4, "field 'email': write an email address"),
        ("  - organisation", "  - organisation\n  - email", 8, "'email' is listed, but no email address is given"),
    ],
)
def test_each_mistake_in_the_statement_data_is_located(data_with, old, new, line, phrase):
    assert old in STATEMENT
    problems = problems_of(data_with(STATEMENT.replace(old, new)))
    assert any(p.startswith(f"data/accessibility.yml:{line}: ") and phrase in p for p in problems), problems


def test_a_missing_field_is_named_with_its_file(data_with):
    problems = problems_of(data_with(STATEMENT.replace("last_reviewed: 2026-11-28\n", "")))
    assert any(p.startswith("data/accessibility.yml:") and "field 'last_reviewed': this required field is missing" in p for p in problems)


def test_an_email_address_is_a_contact(data_with):
    statement = load_programme(data_with(STATEMENT.replace("repository issues", "accessibility@example.org"))).accessibility
    assert statement.contact_email == "accessibility@example.org"


EMAIL_TO_CONFIRM = STATEMENT.replace("compliance:", "email: web-team@example.org\ncompliance:").replace(
    "  - organisation\n", "  - organisation\n  - email\n"
)
EMAIL_CONFIRMED = STATEMENT.replace("compliance:", "email: web_team@nhs.example.uk\ncompliance:")


def test_an_email_to_confirm_is_shown_as_such_and_never_as_an_address(data_with):
    statement = load_programme(data_with(EMAIL_TO_CONFIRM)).accessibility
    assert statement.email_to_confirm and statement.confirmed_email is None
    feedback = section(statement_markdown(data_with(EMAIL_TO_CONFIRM)), "Feedback and contact information")
    assert "an email address for anyone without one is still to be confirmed" in text_of(feedback)
    assert "example.org" not in feedback and "mailto:" not in feedback
    notice = privacy_markdown(data_with(EMAIL_TO_CONFIRM))
    assert "an email address for anyone without a GitHub account is still to be confirmed" in text_of(notice)
    assert "example.org" not in notice


def test_a_confirmed_email_is_offered_beside_the_repositorys_issues(data_with):
    feedback = html_of(section(statement_markdown(data_with(EMAIL_CONFIRMED)), "Feedback and contact information"))
    assert [a["href"] for a in feedback.find_all("a")] == ["mailto:web_team@nhs.example.uk", "https://github.com/fixture-programme/course/issues"]
    assert "to be confirmed" not in feedback.get_text()
    notice = html_of(privacy_markdown(data_with(EMAIL_CONFIRMED)))
    assert "mailto:web_team@nhs.example.uk" in [a["href"] for a in notice.find_all("a")]


def test_a_placeholder_email_must_be_listed_as_unconfirmed(data_with):
    assert [str(p) for p in check_statement_data(outline(data_with(EMAIL_TO_CONFIRM)))] == []
    placeholder = EMAIL_TO_CONFIRM.replace("  - email\n", "")
    [problem] = [str(p) for p in check_statement_data(outline(data_with(placeholder)))]
    assert "/data/accessibility.yml:4: field 'email': web-team@example.org is a placeholder" in problem
    assert "list 'email' under 'unconfirmed'" in problem
    assert [str(p) for p in check_statement_data(outline(data_with(EMAIL_CONFIRMED)))] == [], "a real address needs no listing"


def test_a_placeholder_email_is_a_reminder_to_replace_it(data_with):
    folder = data_with(EMAIL_TO_CONFIRM)
    assert reminders_on(folder, datetime.date(2026, 11, 28))[1] == (
        "accessibility.yml:4: warning: 'email' (web-team@example.org) is a placeholder, listed under 'unconfirmed': every page "
        "says the email address is to be confirmed; when the organisation gives one, put it here and take 'email' off that list"
    )


# --- Reminders: a day handed in, never the clock's --------------------------------------


def reminders_on(data_dir, day: datetime.date) -> list[str]:
    """The statement's reminders for `day`, its file named from its data folder (a copy's is elsewhere);
    the fixture's other dated data (changed_since.yml) has tests of its own."""
    found = [str(reminder).split(f"{data_dir}/", 1)[-1] for reminder in remind(outline(data_dir), day)]
    return [reminder for reminder in found if reminder.startswith("accessibility.yml")]


def test_a_review_over_a_year_old_is_a_warning_at_its_line(data_with):
    folder = data_with(STATEMENT.replace("unconfirmed:\n  - organisation\n", ""))
    assert reminders_on(folder, datetime.date(2027, 11, 28)) == [], "a year to the day is not over a year"
    [warning] = reminders_on(folder, datetime.date(2027, 11, 29))
    assert warning.startswith("accessibility.yml:6: warning: the accessibility statement was last reviewed on 28 November 2026")
    assert "more than a year ago" in warning and "set last_reviewed" in warning


def test_each_unconfirmed_value_is_a_warning_at_its_line(data_with):
    folder = data_with(STATEMENT.replace("  - organisation\n", "  - organisation\n  - contact\n"))
    assert reminders_on(folder, datetime.date(2026, 11, 28)) == [
        "accessibility.yml:2: warning: 'organisation' (Example Health Ltd) is listed under 'unconfirmed': "
        "confirm it with the organisation, then take it off that list",
        "accessibility.yml:3: warning: 'contact' (repository issues) is listed under 'unconfirmed': "
        "confirm it with the organisation, then take it off that list",
    ]


def test_reminders_are_never_problems(data_with):
    """However old the review, the check finds no problem: reminders only warn."""
    folder = data_with(STATEMENT)
    found = outline(folder, assembled() / "docs")  # assembled: the pages' scripts and images are the site's
    assert reminders_on(folder, datetime.date(2031, 1, 1))
    assert check_course(course_source(found), plan_paper(found)) == []


# --- What the statement says ---------------------------------------------------------------


def statement_markdown(data_dir=DATA_DIR, **site) -> str:
    return macros("accessibility.md", data_dir).accessibility_statement() if not site else _macros_with_site(data_dir, **site)


def _macros_with_site(data_dir, **site) -> str:
    return PageMacros(outline(data_dir, **site), "accessibility.md").accessibility_statement()


def test_the_statement_has_the_model_statements_sections_in_order():
    headings = re.findall(r"^(#{2,4}) (.+)$", statement_markdown(), re.MULTILINE)
    assert headings == [
        ("##", "How accessible this website is"),
        ("##", "Feedback and contact information"),
        ("##", "Reporting accessibility problems with this website"),
        ("##", "Enforcement procedure"),
        ("##", "Technical information about this website's accessibility"),
        ("###", "Compliance status"),
        ("##", "How we tested this website"),
        ("##", "Preparation of this accessibility statement"),
    ]


def test_the_statement_names_the_site_the_organisation_and_the_enforcement_bodies():
    text = text_of(statement_markdown())
    assert "This accessibility statement applies to the website at fixture-programme.github.io/course/" in text
    assert "This website is run by Fixture Organisation Ltd." in text
    assert "Fixture Organisation Ltd is committed to making its website accessible, in accordance with" in text
    enforcement = text_of(section(statement_markdown(), "Enforcement procedure"))
    assert "The Equality and Human Rights Commission (EHRC) is responsible for enforcing" in enforcement
    assert "in England, Scotland and Wales, and the Equality Commission for Northern Ireland (ECNI) in Northern Ireland" in enforcement
    links = {a.get_text(" ", strip=True): a["href"] for a in html_of(section(statement_markdown(), "Enforcement procedure")).find_all("a")}
    assert links == {
        "contact the Equality Advisory and Support Service (EASS)": "https://www.equalityadvisoryservice.com/",
        "Equality Commission for Northern Ireland (ECNI)": "https://www.equalityni.org/",
    }


def test_the_review_dates_are_the_datas_not_the_build_date(data_with):
    folder = data_with(STATEMENT.replace("prepared: 2026-11-28", "prepared: 2025-03-04").replace("last_reviewed: 2026-11-28", "last_reviewed: 2026-01-02"))
    preparation = text_of(section(statement_markdown(folder), "Preparation of this accessibility statement"))
    assert preparation == "This statement was prepared on 4 March 2025. It was last reviewed on 2 January 2026."


def test_how_we_tested_states_what_the_tests_check_and_the_tools_versions():
    tested = text_of(section(statement_markdown(), "How we tested this website"))
    assert f"axe-core {conformance.AXE_CORE_VERSION} checks every page" in tested
    assert "against the rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA" in tested
    assert "once in the light and once in the dark colour scheme" in tested
    assert (
        f"every page is opened {conformance.PHONE_WIDTH} pixels wide, and again with the browser's text at {conformance.TEXT_SIZE}%, "
        "and must not scroll sideways" in tested
    )
    assert "every page is gone through with the Tab key, forwards and backwards, 1280 and 320 pixels wide" in tested
    assert "not be hidden under the page's header, the \"Back to top\" button or anything else" in tested
    for journey in conformance.KEYBOARD_JOURNEYS:
        assert journey.task in tested
    assert "; and opens the menu, closes and opens one of its sections, and closes the menu, checking at each step" in tested
    assert "Chromium's accessibility tree, which is what a screen reader is given, is checked for the names, roles and states" in tested
    assert f"Lighthouse {conformance.LIGHTHOUSE_VERSION}" in tested
    assert "not each time the website changes" in tested, "Lighthouse is a benchmark, run by hand"
    assert "The website has not yet been audited with a screen reader, or by an accessibility specialist" in tested, "compliance: not assessed"


def test_every_known_issue_is_listed_with_what_to_do_instead():
    listed = [li.get_text(" ", strip=True) for li in html_of(section(statement_markdown(), "How accessible this website is")).find_all("li")]
    assert len(listed) == len(conformance.KNOWN_ISSUES) >= 2
    for item, issue in zip(listed, conformance.KNOWN_ISSUES):
        since = f"{issue.noted.day} {issue.noted:%B %Y}"
        assert " ".join(item.split()) == " ".join(f"{issue.problem} (known since {since}); instead, {issue.instead}".split())
    assert "Firefox or Safari have no running footer" in listed[0]
    assert "(known since 28 November 2026)" in listed[0]


@pytest.mark.parametrize(
    ("compliance", "sentence"),
    [
        ("fully compliant", "This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard."),
        ("partially compliant", "This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances listed below."),
        ("not compliant", "This website is not compliant with the Web Content Accessibility Guidelines version 2.2 AA standard. The non-compliances are listed below."),
        ("not assessed", "It has not yet been audited by hand, and automated checks find only some kinds of problem, so we do not yet say whether it is fully compliant"),
    ],
)
def test_the_compliance_status_uses_the_regulations_wording(data_with, monkeypatch, compliance, sentence):
    failing = conformance.KnownIssue(
        problem="some charts have no text alternative", instead="ask us for the figures", noted=datetime.date(2026, 1, 2), wcag="1.1.1 Non-text Content"
    )
    if compliance in ("partially compliant", "not compliant"):
        monkeypatch.setattr(conformance, "KNOWN_ISSUES", (*conformance.KNOWN_ISSUES, failing))
    folder = data_with(STATEMENT.replace("compliance: not assessed", f"compliance: {compliance}"))
    text = statement_markdown(folder)
    status = section(text, "Technical information about this website's accessibility")
    assert sentence in text_of(status)
    assert html_of(status).find("a", string=re.compile("Web Content Accessibility Guidelines version 2.2"))["href"] == conformance.WCAG_ADDRESS
    if compliance in ("partially compliant", "not compliant"):
        assert "#### Non-compliance with the accessibility regulations" in status
        assert "Some charts have no text alternative. This fails WCAG 2.2 success criterion 1.1.1 Non-text Content." in text_of(status)
    else:
        assert "Non-accessible content" not in status
    assert ("audited by hand" in text) == (compliance == "not assessed")


def test_the_contact_is_the_repositorys_issues_or_an_email_address(data_with):
    feedback = html_of(section(statement_markdown(), "Feedback and contact information"))
    assert feedback.find("a")["href"] == "https://github.com/fixture-programme/course/issues"  # the repository of site_url
    assert "needs a GitHub account" in feedback.get_text()
    folder = data_with(STATEMENT.replace("repository issues", "access_team@example.org"))
    by_email = html_of(section(statement_markdown(folder), "Feedback and contact information"))
    assert by_email.find("a")["href"] == "mailto:access_team@example.org"
    assert by_email.find("a").get_text() == "access_team@example.org", "the underscore is text, not emphasis"


def test_the_issues_follow_repo_url_when_mkdocs_yml_names_the_repository():
    text = statement_markdown(DATA_DIR, site_url="https://learning.example.nhs.uk/unit-3/", repo_url="https://github.com/nhs-example/unit-3")
    assert "(https://github.com/nhs-example/unit-3/issues)" in text


def test_hostile_organisation_text_is_shown_as_typed(data_with):
    for hostile in [*HOSTILE_TEXTS, "*starred* and _underlined_"]:
        folder = data_with(STATEMENT.replace("organisation: Example Health Ltd", f"organisation: {json.dumps(hostile)}"))
        html = html_of(statement_markdown(folder))
        assert not html.find(["script", "em", "strong"])
        assert f"This website is run by {hostile}." in " ".join(html.get_text().split()), hostile


# --- Problems in the statement's setting ----------------------------------------------------


def test_repository_issues_need_a_github_repository(data_with):
    found = outline(data_with(STATEMENT), site_url="https://learning.example.nhs.uk/unit-3/")
    [problem] = [str(p) for p in check_statement_data(found)]
    assert "/data/accessibility.yml:3: field 'contact': 'repository issues' needs a GitHub repository" in problem
    with pytest.raises(KeyError, match="give an email address as the contact"):
        _macros_with_site(data_with(STATEMENT), site_url="https://learning.example.nhs.uk/unit-3/")


@pytest.mark.parametrize(("compliance", "phrase"), [("partially compliant", "must list the non-compliances"), ("not compliant", "must list the non-compliances")])
def test_a_status_with_non_compliances_needs_them_listed(data_with, compliance, phrase):
    found = outline(data_with(STATEMENT.replace("compliance: not assessed", f"compliance: {compliance}")))
    [problem] = [str(p) for p in check_statement_data(found)]
    assert "/data/accessibility.yml:4: field 'compliance'" in problem and phrase in problem


def test_fully_compliant_cannot_stand_beside_a_known_failure(data_with, monkeypatch):
    failing = conformance.KnownIssue(problem="x", instead="y", noted=datetime.date(2026, 1, 2), wcag="2.4.4 Link Purpose (In Context)")
    monkeypatch.setattr(conformance, "KNOWN_ISSUES", (failing,))
    found = outline(data_with(STATEMENT.replace("compliance: not assessed", "compliance: fully compliant")))
    [problem] = [str(p) for p in check_statement_data(found)]
    assert "'fully compliant', but" in problem and "2.4.4 Link Purpose (In Context)" in problem


def test_the_statement_and_the_notice_must_each_have_a_page():
    pages = sorted(p.relative_to(DOCS_DIR).as_posix() for p in DOCS_DIR.rglob("*.md") if p.name not in ("accessibility.md", "privacy.md"))
    found = Outline.read(outline().project, pages, mkdocs_config()["nav"])
    assert [str(p) for p in check_statement_pages(found)] == [
        "docs: no page shows the accessibility statement, which every page's footer links to; add a page (docs/accessibility.md) that calls {{ accessibility_statement() }}",
        "docs: no page shows the privacy notice, which every page's footer links to; add a page (docs/privacy.md) that calls {{ privacy_notice() }}",
    ]
    assert check_statement_pages(outline()) == []


# --- The privacy notice ------------------------------------------------------------------------


def privacy_markdown(data_dir=DATA_DIR) -> str:
    return macros("privacy.md", data_dir).privacy_notice()


def test_the_privacy_notice_names_every_key_the_site_keeps():
    text = text_of(privacy_markdown())
    # Each unit's answers under its own storage key (programme.yml), with an example from its first activity.
    assert "fixture-unit1:answer:<activity>:<prompt>" in text and "for example fixture-unit1:answer:walk:what-happened" in text
    assert "fixture-unit2:answer:<activity>:<prompt>" in text
    assert "for example fixture-unit2:answer:fixture-first-reflection:notes" in text
    assert "fixture-unit1:storage-check" in text
    assert "under the name /course/.__palette" in text, "Material's key: the site's path from site_url"
    assert "It sets no cookies." in text
    assert "unit-1-my-workbook.md" in text and "unit-1-my-workbook.txt" in text and "unit-2-my-workbook.md" in text
    assert "fixture-offline.zip" in text


def test_the_privacy_notice_links_my_workbook_and_githubs_statements():
    anchors = html_of(privacy_markdown()).find_all("a")
    # Each unit's My workbook, by a link MkDocs checks and rewrites.
    assert [a["href"] for a in anchors if a.get_text() == "My workbook"] == ["/my-workbook.md", "/unit-2/my-workbook.md"]
    links = {a.get_text(" ", strip=True): a["href"] for a in anchors}
    assert links["GitHub Pages' data collection"].startswith("https://docs.github.com/en/pages/")
    assert links["the website's issues page on GitHub"] == "https://github.com/fixture-programme/course/issues"


def test_the_answer_note_links_to_the_privacy_notice_from_any_depth():
    note = BeautifulSoup(macros("together.md").activity("walk"), "html.parser").find(class_="activity__answers-note")
    assert note.find("a")["href"] == "../privacy/" and note.find("a").get_text() == "privacy notice"
    handout_note = BeautifulSoup(macros("handouts/walk.md").activity("walk"), "html.parser").find(class_="activity__answers-note")
    assert handout_note.find("a")["href"] == "../../privacy/"
    home = BeautifulSoup(macros("index.md").activity("walk"), "html.parser").find(class_="activity__answers-note")
    assert home.find("a")["href"] == "privacy/"


# --- Report a problem -------------------------------------------------------------------------


def test_a_report_link_is_a_prefilled_new_issue_properly_encoded():
    address = "https://pcn-leadership.github.io/unit-3/systems-leadership/"
    link = problem_report(address, "Tom & Jerry: 50% #1? – yes", repository="https://github.com/pcn-leadership/unit-3", email="a@example.org")
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "github.com", "/pcn-leadership/unit-3/issues/new")
    assert " " not in link and "\n" not in link and "&body=" in link and "#" not in link
    fields = parse_qs(parts.query)
    assert fields["title"] == ["Problem with the page: Tom & Jerry: 50% #1? – yes"]
    assert fields["body"][0].startswith(f"Page: {address}\n\nWhat is wrong?")


def test_the_page_shown_for_a_missing_address_reports_without_one():
    fields = parse_qs(urlsplit(missing_page_report(repository="https://github.com/o/r", email=None)).query)
    assert fields["title"] == ["Problem: a page was not found"] and "The address I tried:" in fields["body"][0]
    assert new_issue_url("https://github.com/o/r", "a", "b") == "https://github.com/o/r/issues/new?title=a&body=b"


def test_without_a_github_repository_a_report_is_an_email_to_the_contact():
    link = problem_report("https://learning.example.nhs.uk/unit-3/", "Overview", repository=None, email="web@example.nhs.uk")
    parts = urlsplit(link)
    assert (parts.scheme, parts.path) == ("mailto", "web@example.nhs.uk")
    fields = parse_qs(parts.query)
    assert fields["subject"] == ["Problem with the page: Overview"]
    assert fields["body"][0].startswith("Page: https://learning.example.nhs.uk/unit-3/\n\n")
    assert " " not in link
    assert problem_report("https://x.example/", None, repository=None, email=None) is None
    assert missing_page_report(repository=None, email=None) is None


def test_the_statement_says_where_each_pages_report_goes(data_with):
    by_issue = text_of(statement_markdown())
    assert "opens a new issue for that page with its address filled in" in by_issue
    folder = data_with(STATEMENT.replace("repository issues", "web@example.nhs.uk"))
    by_email = text_of(statement_markdown(folder, site_url="https://learning.example.nhs.uk/unit-3/"))
    assert "starts an email to us about that page with its address filled in" in by_email
    notice = PageMacros(outline(folder, site_url="https://learning.example.nhs.uk/unit-3/"), "privacy.md").privacy_notice()
    assert "starts an email in your own email program" in text_of(notice)
    assert "GitHub Pages" not in text_of(notice), "published elsewhere: the host is not GitHub"


@pytest.mark.parametrize(
    ("site_url", "repo_url", "repository"),
    [
        ("https://pcn-leadership.github.io/unit-3/", None, "https://github.com/pcn-leadership/unit-3"),
        ("https://learning.example.nhs.uk/unit-3/", "https://github.com/nhs-example/unit-3.git", "https://github.com/nhs-example/unit-3"),
        ("https://pcn-leadership.github.io/unit-3/", "https://gitlab.com/o/r", None),  # issues are opened on GitHub only
        ("https://learning.example.nhs.uk/unit-3/", None, None),
    ],
)
def test_reports_go_to_the_github_repository_of_site_url_or_repo_url(site_url, repo_url, repository):
    assert SiteAddress.of(site_url, repo_url).github_repository == repository
