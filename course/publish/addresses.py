"""Every public address comes from one place: `site_url` in mkdocs.yml.

From it come the canonical links (MkDocs), the repository link in the header
(a GitHub Pages project site https://OWNER.github.io/REPO/ is built from
https://github.com/OWNER/REPO, unless `repo_url` names the repository), the
"Report a problem with this page" link (a new issue in that repository, its
title and text filled in), the addresses and QR codes printed on handouts,
and the addresses the PDFs' links lead to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

from mkdocs.utils import get_relative_url

GITHUB_PAGES_HOST = re.compile(r"^(?P<owner>[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\.github\.io$", re.IGNORECASE)
GITHUB_REPOSITORY = re.compile(r"^https://(?:www\.)?github\.com/(?P<owner>[A-Za-z0-9-]+)/(?P<name>[A-Za-z0-9._-]+?)(?:\.git)?/?$")


def repository_of(site_url: str) -> str | None:
    """The GitHub repository a GitHub Pages address is published from, or None."""
    parts = urlsplit(site_url)
    match = GITHUB_PAGES_HOST.match(parts.hostname or "")
    if not match:
        return None
    segments = [segment for segment in parts.path.split("/") if segment]
    owner = match["owner"].lower()
    if not segments:  # a user or organisation site, published from OWNER.github.io
        return f"https://github.com/{owner}/{owner}.github.io"
    return f"https://github.com/{owner}/{segments[0]}"


def github_repository(repo_url: str | None) -> str | None:
    """repo_url as https://github.com/OWNER/REPO when it is a GitHub repository, else None."""
    match = GITHUB_REPOSITORY.match((repo_url or "").strip())
    return f"https://github.com/{match['owner']}/{match['name']}" if match else None


def is_github_pages(site_url: str) -> bool:
    """Whether the site is published by GitHub Pages at its own address (OWNER.github.io)."""
    return bool(GITHUB_PAGES_HOST.match(urlsplit(site_url).hostname or ""))


def new_issue_url(repository: str, title: str, body: str) -> str:
    """The address of GitHub's form for a new issue in `repository`, its title and text filled in.

    A link, not a request: nothing is sent until the reader submits the form
    on GitHub. Both fields are percent-encoded (spaces as %20, line breaks as %0A).
    """
    return f"{repository}/issues/new?" + urlencode({"title": title, "body": body}, quote_via=quote)


def new_email_url(email: str, subject: str, body: str) -> str:
    """A mailto: link with its subject and text filled in, percent-encoded as RFC 6068 asks."""
    return f"mailto:{email}?" + urlencode({"subject": subject, "body": body}, quote_via=quote)


def _report(title: str, body: str, repository: str | None, email: str | None) -> str | None:
    if repository:
        return new_issue_url(repository, title, body)
    return new_email_url(email, title, body) if email else None


def problem_report(page_address: str, page_title: str | None, *, repository: str | None, email: str | None) -> str | None:
    """The "Report a problem with this page" link for one page, naming the page and its address:
    a new issue in the GitHub repository, or else an email to the statement's contact (None: neither)."""
    title = f"Problem with the page: {page_title}" if page_title else "Problem with a page"
    body = (
        f"Page: {page_address}\n\n"
        "What is wrong? (For example: a mistake, a broken link, or something you could not read or use.)\n\n"
    )
    return _report(title, body, repository, email)


def missing_page_report(*, repository: str | None, email: str | None) -> str | None:
    """The same link on the page shown for an address with no page, which cannot know the address."""
    body = "The address I tried: \n\nWhere I found the link to it: \n\n"
    return _report("Problem: a page was not found", body, repository, email)


def short_address(url: str) -> str:
    """The address as a person would type it from paper: no scheme, no 'www.'."""
    return url.split("://", 1)[-1].removeprefix("www.")


def online_path(src_uri: str) -> str:
    """A page's path on the published site, which uses directory URLs.

    The offline copy addresses pages as files (handouts/flocking.html), but a
    handout's QR code and address must lead to the page online
    (handouts/flocking/) whichever copy printed it.
    """
    stem = src_uri.removesuffix(".md")
    if stem in ("index", "README") or stem.endswith(("/index", "/README")):
        return stem.rsplit("/", 1)[0] + "/" if "/" in stem else ""
    return stem + "/"


def relative_url(target: str, from_url: str) -> str:
    """The link from the page at `from_url` to `target` (both relative to the site root), by MkDocs' own rule;
    the site's root ("") is a folder, so the link to it ends with "/" as every link to a folder does."""
    return get_relative_url(target or "./", from_url)


@dataclass(frozen=True)
class SiteAddress:
    """The site's public address, normalised once: always ends with one '/'."""

    url: str
    repo_url: str | None = None  # mkdocs.yml's repo_url, when it sets one

    @classmethod
    def of(cls, site_url: str | None, repo_url: str | None = None) -> SiteAddress:
        if not site_url:
            raise ValueError("mkdocs.yml: 'site_url' is not set; handouts, PDFs and the repository link need it")
        return cls(site_url.rstrip("/") + "/", repo_url or None)

    @property
    def path(self) -> str:
        """The site's path on its host: "/unit-3/"."""
        return urlsplit(self.url).path or "/"

    def page(self, path: str) -> str:
        """The absolute address of a path on the site: page("handouts/flocking/")."""
        return self.url + path.lstrip("/")

    def page_of_source(self, src_uri: str) -> str:
        """Where the page built from docs/<src_uri> lives online."""
        return self.page(online_path(src_uri))

    @property
    def repository(self) -> str | None:
        """The repository: repo_url when mkdocs.yml sets it, else the one a GitHub Pages address is published from."""
        return self.repo_url or repository_of(self.url)

    @property
    def github_repository(self) -> str | None:
        """The repository, when it is on GitHub: where "Report a problem" opens a new issue."""
        return github_repository(self.repository)
