"""MkDocs hook: every public address comes from `site_url` in mkdocs.yml.

From it this derives, unless mkdocs.yml sets them itself:
- `repo_url` and `repo_name`, the repository's link in the header: a GitHub
  Pages project site https://OWNER.github.io/REPO/ is built from the
  repository https://github.com/OWNER/REPO;
- `extra.short_address`, the site's address without "https://" or the final
  slash (pcn-leadership.github.io/unit-3), for printing on paper.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

GITHUB_PAGES_HOST = re.compile(r"^(?P<owner>[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\.github\.io$", re.IGNORECASE)


def repository_of(site_url: str) -> str | None:
    """The GitHub repository a GitHub Pages address is published from, or None."""
    parts = urlsplit(site_url)
    match = GITHUB_PAGES_HOST.match(parts.hostname or "")
    if not match:
        return None
    segments = [segment for segment in parts.path.split("/") if segment]
    owner = match["owner"]
    if not segments:  # a user or organisation site, published from OWNER.github.io
        return f"https://github.com/{owner}/{owner}.github.io"
    return f"https://github.com/{owner}/{segments[0]}"


def short_address(site_url: str) -> str:
    parts = urlsplit(site_url)
    return f"{parts.netloc}{parts.path}".rstrip("/")


def on_config(config, **kwargs):
    site_url = config.site_url or ""
    if not config.repo_url:
        repository = repository_of(site_url)
        if repository:
            config.repo_url = repository
            config.repo_name = urlsplit(repository).path.strip("/")
    config.extra.setdefault("short_address", short_address(site_url))
    return config
