"""The accessibility statement and the privacy notice: shown once each, and kept true.

Problems (the build stops): no page, or two pages, showing the statement or
the notice (every page's footer links to them); a contact of 'repository
issues' with no GitHub repository to open issues in; a compliance status the
known issues contradict; a placeholder email address (at a domain reserved
for examples) that is not listed as unconfirmed.

Reminders (never a problem, never a failed build): the statement was last
reviewed more than a year before `today`, or data/accessibility.yml still
lists values for the organisation to confirm. `today` is handed in, so no
check reads the clock (the command line and the build use the build date,
SOURCE_DATE_EPOCH's when it is set).
"""

from __future__ import annotations

import datetime

from ..content.outline import Outline
from ..content.problems import Problem
from ..content.programme import ACCESSIBILITY_FILE
from ..content.schemas import REPOSITORY_ISSUES
from ..content.yaml_files import line_of_key
from ..page_macros import PRIVACY_MACRO, STATEMENT_MACRO
from ..publish import conformance
from ..publish.addresses import SiteAddress
from ..render.environment import long_date

SHOWN_BY = {
    STATEMENT_MACRO: ("the accessibility statement", "accessibility.md"),
    PRIVACY_MACRO: ("the privacy notice", "privacy.md"),
}
# The regulations' guidance: review the statement at least once a year.
REVIEW_EVERY = datetime.timedelta(days=365)
# Domains reserved for examples (RFC 2606, RFC 6761): an address there is a placeholder, and nothing sent to it arrives.
PLACEHOLDER_DOMAINS = ("example.com", "example.org", "example.net", "localhost")
PLACEHOLDER_ENDINGS = (".example", ".invalid", ".test", ".localhost")


def is_placeholder(address: str) -> bool:
    """Whether an email address is at a domain reserved for examples."""
    domain = address.rsplit("@", 1)[-1].lower()
    return domain in PLACEHOLDER_DOMAINS or domain.endswith(PLACEHOLDER_ENDINGS)


def check_statement_pages(outline: Outline) -> list[Problem]:
    """Each of the two pages is shown by exactly one page."""
    problems = []
    docs = outline.project.display(outline.project.docs_dir)
    for macro, (what, page_name) in SHOWN_BY.items():
        calls = outline.calls_of(macro)
        if not calls:
            problems.append(
                Problem(docs, None, f"no page shows {what}, which every page's footer links to; add a page ({docs}/{page_name}) that calls {{{{ {macro}() }}}}")
            )
        for page, line in calls[1:]:
            first = calls[0][0].display
            problems.append(Problem(page.display, line, f"{what} is already shown by {first}; show it on one page only"))
    return problems


def check_statement_data(outline: Outline) -> list[Problem]:
    """What data/accessibility.yml says, against the site and the known issues."""
    programme, project = outline.programme, outline.project
    statement = programme.accessibility
    path = project.data_dir / ACCESSIBILITY_FILE
    file = programme.accessibility_file
    problems = []
    repository = SiteAddress.of(project.site_url, project.repo_url).github_repository if project.site_url else None
    if statement.contact == REPOSITORY_ISSUES and repository is None:
        problems.append(
            Problem(
                file,
                line_of_key(path, "contact"),
                f"field 'contact': '{REPOSITORY_ISSUES}' needs a GitHub repository, but site_url in mkdocs.yml is not a GitHub Pages "
                "address and repo_url does not name one; give an email address, or set repo_url: https://github.com/OWNER/REPO",
            )
        )
    if statement.email and "email" not in statement.unconfirmed and is_placeholder(statement.email):
        problems.append(
            Problem(
                file,
                line_of_key(path, "email"),
                f"field 'email': {statement.email} is a placeholder (its domain is reserved for examples, and nothing sent there "
                "arrives), but it is not listed under 'unconfirmed', so every page would show it as the address to write to; "
                "give the address the organisation reads, or list 'email' under 'unconfirmed'",
            )
        )
    failing = [issue for issue in conformance.KNOWN_ISSUES if issue.wcag]
    where = "KNOWN_ISSUES in course/publish/conformance.py"
    if statement.compliance in ("partially compliant", "not compliant") and not failing:
        problems.append(
            Problem(
                file,
                line_of_key(path, "compliance"),
                f"field 'compliance': '{statement.compliance}' must list the non-compliances, but no known issue names the "
                f"WCAG success criterion it fails; add them to {where} (with 'wcag'), or choose another status",
            )
        )
    if statement.compliance == "fully compliant" and failing:
        criteria = ", ".join(issue.wcag for issue in failing)
        problems.append(
            Problem(
                file,
                line_of_key(path, "compliance"),
                f"field 'compliance': 'fully compliant', but {where} lists failures of WCAG success criteria ({criteria}); "
                "say 'partially compliant' or 'not compliant'",
            )
        )
    return problems


def statement_reminders(outline: Outline, today: datetime.date) -> list[Problem]:
    """What the maintainers should see to, without stopping anything."""
    programme, project = outline.programme, outline.project
    if programme is None or programme.accessibility is None:
        return []
    statement = programme.accessibility
    path = project.data_dir / ACCESSIBILITY_FILE
    file = programme.accessibility_file
    reminders = []
    if today - statement.last_reviewed > REVIEW_EVERY:
        reminders.append(
            Problem(
                file,
                line_of_key(path, "last_reviewed"),
                f"warning: the accessibility statement was last reviewed on {long_date(statement.last_reviewed)}, more than a year "
                "ago; review it against the site (its known issues, contact and compliance status), then set last_reviewed "
                "to the day you did",
            )
        )
    for name in statement.unconfirmed:
        if name == "email" and is_placeholder(statement.email):
            reminders.append(
                Problem(
                    file,
                    line_of_key(path, "email"),
                    f"warning: 'email' ({statement.email}) is a placeholder, listed under 'unconfirmed': every page says the "
                    "email address is to be confirmed; when the organisation gives one, put it here and take 'email' off that list",
                )
            )
            continue
        reminders.append(
            Problem(
                file,
                line_of_key(path, name),
                f"warning: '{name}' ({getattr(statement, name)}) is listed under 'unconfirmed': confirm it with the "
                "organisation, then take it off that list",
            )
        )
    return reminders
