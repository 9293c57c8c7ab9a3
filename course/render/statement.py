"""The pages a public-sector site carries: the accessibility statement and the privacy notice.

Both are Markdown (so their headings get anchors, a table of contents and
search entries, and MkDocs checks their links to other pages), rendered from
templates: the statement in the structure of the model statement for the
Public Sector Bodies Accessibility Regulations 2018, the notice from what the
site's scripts actually keep. Every fact comes from data/accessibility.yml,
data/programme.yml, mkdocs.yml (site_url, repo_url) or what the tests check
(course/publish/conformance.py, handed in as `testing`); data text is escaped
for Markdown and HTML alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.outline import Outline
from ..content.programme import Programme
from ..content.schemas import EVALUATION_ID, RECORD_ID, AccessibilityFile
from ..publish import conformance
from ..publish.addresses import SiteAddress, is_github_pages, short_address
from .environment import render_verbatim


@dataclass(frozen=True)
class Contact:
    """Where readers ask for another format or report a problem."""

    email: str | None  # an address the organisation reads (the contact, or the confirmed 'email'), and/or
    issues: str | None  # the repository's issues page (https://github.com/OWNER/REPO/issues), when the contact is
    email_to_confirm: bool = False  # an email address is promised for anyone without GitHub, not yet confirmed


@dataclass(frozen=True)
class StatementView:
    site: str  # the site's address, https://pcn-leadership.github.io/unit-3/
    site_short: str  # as a person would type it
    statement: AccessibilityFile
    contact: Contact
    repository: str | None  # where the tests are, when the repository is known
    testing: object  # course.publish.conformance: what the tests check, the tools and versions, the known issues
    reports: str | None  # where every page's "Report a problem with this page" goes: "issue", "email", or None


@dataclass(frozen=True)
class RecordStorage:
    id: str  # the record's words are kept as the answers of this "activity": reflective-record
    parts: list[str]  # the reflective account's parts' ids
    file_name: str  # unit-3-reflective-record (.txt and .docx)


@dataclass(frozen=True)
class UnitStorage:
    heading: str  # "Unit 3: How to lead beyond your role?"
    storage_key: str  # pcn-unit3
    example: str  # one answer's key: pcn-unit3:answer:self-activity-8:define-with-typology
    my_workbook_page: str | None  # docs-relative page with the unit's My workbook, for a link
    download_name: str  # unit-3-my-workbook (.md and .txt)
    record: RecordStorage | None = None  # the unit's reflective record, if it has one
    evaluation: RecordStorage | None = None  # the unit's evaluation form, if it has one: its statements' and questions' ids
    evaluation_page: str | None = None  # docs-relative page showing it, for a link


@dataclass(frozen=True)
class PrivacyView:
    site_path: str  # "/unit-3/": Material keeps the colour scheme under "<site_path>.__palette"
    github_pages: bool  # published by GitHub Pages, which keeps logs of visitors' addresses
    units: list[UnitStorage]
    offline_zip: str  # unit-3-offline.zip
    contact: Contact
    reports: str | None  # as for the statement


def report_channel(statement: AccessibilityFile, site: SiteAddress) -> str | None:
    """Where each page's "Report a problem" link goes (as the plugin makes it): "issue", "email", or None."""
    if site.github_repository:
        return "issue"
    return "email" if statement.contact_email else None


def site_contact(statement: AccessibilityFile, site: SiteAddress) -> Contact:
    """Where readers ask and report: the statement's email address, the repository's issues, or both
    (issues as the contact, and the confirmed 'email' for anyone without a GitHub account)."""
    repository = site.github_repository
    issues = f"{repository}/issues" if repository and not statement.contact_email else None
    contact = Contact(
        email=statement.contact_email or statement.confirmed_email,
        issues=issues,
        email_to_confirm=statement.email_to_confirm and not statement.contact_email,
    )
    if not contact.email and not contact.issues:
        raise KeyError(
            "data/accessibility.yml gives 'contact: repository issues', but the site has no GitHub repository "
            "(site_url is not a GitHub Pages address and repo_url is not set to one); give an email address as the contact"
        )
    return contact


def statement_of(programme: Programme, site: SiteAddress) -> StatementView:
    """The statement's facts: data/accessibility.yml, the site's address and what the tests check."""
    data = programme.accessibility
    return StatementView(
        site=site.url,
        site_short=short_address(site.url),
        statement=data,
        contact=site_contact(data, site),
        repository=site.repository,
        testing=conformance,
        reports=report_channel(data, site),
    )


def privacy_of(outline: Outline, site: SiteAddress, my_workbooks: dict[str, str]) -> PrivacyView:
    """The notice's facts: what each unit keeps in the browser, and under which names; `my_workbooks`
    is the docs-relative page showing each unit's My workbook, by unit id."""
    programme = outline.programme
    units = []
    for unit in programme.units:
        first = unit.activities.activities[0]
        units.append(
            UnitStorage(
                heading=unit.heading,
                storage_key=unit.storage_key,
                example=f"{unit.storage_key}:answer:{first.id}:{first.prompts[0].id}",
                my_workbook_page=my_workbooks.get(unit.id),
                download_name=unit.my_workbook_file,
                record=RecordStorage(RECORD_ID, [part.id for part in unit.reflective_record.account], f"{unit.id}-reflective-record")
                if unit.reflective_record
                else None,
                evaluation=_evaluation_storage(unit),
                evaluation_page=_page_in_unit(outline, "evaluation_form", unit.id),
            )
        )
    return PrivacyView(
        site_path=site.path,
        github_pages=is_github_pages(site.url),
        units=units,
        offline_zip=f"{programme.offline_copy}.zip",
        contact=site_contact(programme.accessibility, site),
        reports=report_channel(programme.accessibility, site),
    )


def _page_in_unit(outline: Outline, macro: str, unit_id: str) -> str | None:
    """The docs-relative page of the unit that calls the macro, if one does."""
    for page, _ in outline.calls_of(macro):
        found = outline.unit_of(page.path)
        if found and found.id == unit_id:
            return page.path
    return None


def _evaluation_storage(unit) -> RecordStorage | None:
    if unit.before_and_after is None:
        return None
    evaluation = unit.before_and_after.evaluation
    ids = [entry.id for entry in [*evaluation.statements, *evaluation.questions]]
    return RecordStorage(EVALUATION_ID, ids, f"{unit.id}-evaluation")


def accessibility_statement_markdown(view: StatementView) -> str:
    """The statement, below the page's own title."""
    non_compliances = [issue for issue in view.testing.KNOWN_ISSUES if issue.wcag]
    return render_verbatim(
        "accessibility_statement.md", view=view, statement=view.statement, testing=view.testing, non_compliances=non_compliances
    )


def privacy_notice_markdown(view: PrivacyView) -> str:
    """The privacy notice, below the page's own title."""
    return render_verbatim("privacy_notice.md", view=view)
