"""Publishing, checked on a real build: privacy policy, metadata, dates, addresses and the offline zip."""

from __future__ import annotations

import base64
import hashlib
import json
import importlib.util
import re
import subprocess
import zipfile
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from posixpath import normpath
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup

from course.offline.copy import iframe_worker_script
from engine import PROJECT_DIR, handouts
from site_building import copy_project, mkdocs_build
from test_site import PAGES, page_path, page_soup

SITE_URL = "https://pcn-leadership.github.io/unit-3/"
OFFLINE_ZIP = "download/unit-3-offline.zip"
SHIM = "javascripts/vendor/iframe-worker-shim.js"


def all_pages(site: Path) -> list[Path]:
    return [page_path(site, page) for page in PAGES] + [site / "404.html"]


def page_address(page: str) -> str:
    return SITE_URL if page == "index" else f"{SITE_URL}{page}/"


def csp_of(soup: BeautifulSoup) -> dict[str, list[str]]:
    meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta, "no Content-Security-Policy <meta>"
    policy = {}
    for directive in meta["content"].split(";"):
        name, *sources = directive.split()
        policy[name] = sources
    return policy


def sha256_source(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"


# --- Content-Security-Policy ---------------------------------------------------


@pytest.mark.parametrize("name", [*PAGES, "404"])
def test_csp_allows_only_the_site_and_exactly_the_inline_scripts_on_the_page(built_site, name):
    path = built_site / "404.html" if name == "404" else page_path(built_site, name)
    html = path.read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    policy = csp_of(soup)
    assert policy["default-src"] == ["'none'"]
    inline = [s.string or "" for s in soup.find_all("script") if not s.get("src") and s.get("type") != "application/json"]
    assert inline, "Material's inline scripts are expected on every page"
    assert sorted(policy["script-src"]) == sorted({"'self'", *(sha256_source(code) for code in inline)})
    assert policy["style-src"] == ["'self'"] and not soup.find_all("style") and not soup.select("[style]")
    for directive, sources in policy.items():
        for source in sources:
            assert source in {"'self'", "'none'", "data:"} or source.startswith("'sha256-"), f"{directive} {source}"
    # The policy is in force before the first script or stylesheet is read.
    assert html.index("Content-Security-Policy") < min(html.index("<script"), html.index("<link rel=\"stylesheet\""))


# --- Metadata -------------------------------------------------------------------


def page_description(name: str) -> str:
    """The description in a page's front matter; handout pages are made from the data."""
    for source in (PROJECT_DIR / "docs" / f"{name}.md", PROJECT_DIR / "docs" / name / "index.md"):
        if source.exists():
            return yaml.safe_load(source.read_text(encoding="utf-8").split("---")[1])["description"]
    return next(handout.description for handout in handouts() if f"handouts/{handout.slug}" == name)


def offline_name(page: str) -> str:
    """A page's file in the offline copy: NAME.html, or FOLDER/index.html for a folder's index page."""
    if (PROJECT_DIR / "docs" / page / "index.md").exists():
        return f"{page}/index.html"
    return f"{page}.html"


@pytest.mark.parametrize("name", PAGES)
def test_page_has_description_open_graph_and_canonical_address(built_site, name):
    soup = page_soup(built_site, name)
    description = page_description(name)
    meta = {tag.get("name") or tag.get("property"): tag["content"] for tag in soup.find_all("meta") if tag.get("content")}
    assert meta["description"] == description
    assert meta["og:description"] == description
    title = soup.title.get_text()
    assert meta["og:title"] and meta["og:title"] in title
    assert meta["og:site_name"] == "Unit 3: How to lead beyond your role?"
    assert soup.find("link", rel="canonical")["href"] == page_address(name) == meta["og:url"]


def test_sitemap_lists_every_page_at_its_public_address(built_site):
    sitemap = ElementTree.parse(built_site / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    addresses = [loc.text for loc in sitemap.findall("s:url/s:loc", namespace)]
    assert sorted(addresses) == sorted(page_address(page) for page in PAGES)


def last_commit_date(file: Path) -> str | None:
    """The day (UTC) of the file's last commit; None for a file not yet committed."""
    timestamp = subprocess.run(
        ["git", "log", "-1", "--format=%at", "--", str(file)], cwd=PROJECT_DIR, capture_output=True, text=True, check=True
    ).stdout.strip()
    return datetime.fromtimestamp(int(timestamp), timezone.utc).date().isoformat() if timestamp else None


def build_day(site: Path) -> str:
    """The day the site was built, as its printed footer says (a page not yet committed shows it)."""
    footer = (site / "stylesheets" / "print-footer.css").read_text(encoding="utf-8")
    day = re.search(r"Site built (\d{1,2}) ([A-Z][a-z]+) (\d{4})", footer)
    return datetime.strptime(" ".join(day.groups()), "%d %B %Y").date().isoformat()


def source_files(name: str) -> list[Path]:
    """What a page is made from: its Markdown file, or for a handout the data it is drawn from."""
    for source in (PROJECT_DIR / "docs" / f"{name}.md", PROJECT_DIR / "docs" / name / "index.md"):
        if source.exists():
            return [source]
    handout = next(handout for handout in handouts() if f"handouts/{handout.slug}" == name)
    data = PROJECT_DIR / "data" / handout.unit_id
    return [data / "activities.yml"] if handout.activity_id else [data / "organisational_forms.yml", data / "problem_types.yml"]


@pytest.mark.parametrize("name", PAGES)
def test_last_updated_date_comes_from_the_pages_last_commit(built_site, name):
    time = page_soup(built_site, name).select_one("aside.md-source-file time")
    assert time, "no 'Last updated' date"
    dates = [last_commit_date(source) or build_day(built_site) for source in source_files(name)]
    assert time["datetime"] == max(dates)
    assert time.parent.get_text(" ", strip=True).startswith("Last updated")
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", time.get_text()), "a UK-style date, e.g. 27 November 2026"


def test_a_copy_without_git_history_builds_and_shows_no_date(tmp_path):
    project = copy_project(tmp_path / "project")
    not_git = subprocess.run(["git", "-C", str(project), "rev-parse", "HEAD"], capture_output=True, check=False)
    assert not_git.returncode != 0, "the copy must be outside any git checkout"
    site = tmp_path / "site"
    result = mkdocs_build(site, project_dir=project)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert "No git history" in result.stderr
    soup = page_soup(site, "pcn-ethos")
    assert soup.find("h1") and not soup.select("aside.md-source-file")
    assert (site / OFFLINE_ZIP).is_file()


# --- Addresses: one place -------------------------------------------------------


def test_repository_link_is_derived_and_asks_github_for_nothing(built_site):
    soup = page_soup(built_site, "index")
    links = soup.select("a.md-source")
    assert links and {a["href"] for a in links} == {"https://github.com/pcn-leadership/unit-3"}
    assert "pcn-leadership/unit-3" in links[0].get_text()
    # Material's script asks api.github.com for stars and forks of this component.
    assert not soup.select('[data-md-component="source"]')


def test_another_site_url_moves_every_address(tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://example-trust.github.io/leading-beyond/")
    site = tmp_path / "site"
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    soup = page_soup(site, "pcn-ethos")
    assert soup.find("link", rel="canonical")["href"] == "https://example-trust.github.io/leading-beyond/pcn-ethos/"
    assert soup.find("meta", property="og:url")["content"] == "https://example-trust.github.io/leading-beyond/pcn-ethos/"
    assert soup.select_one("a.md-source")["href"] == "https://github.com/example-trust/leading-beyond"
    assert "https://example-trust.github.io/leading-beyond/" in (site / "sitemap.xml").read_text()
    assert "pcn-leadership" not in (site / "sitemap.xml").read_text()


# --- The offline copy -------------------------------------------------------------


@pytest.fixture(scope="module")
def offline_zip(built_site) -> zipfile.ZipFile:
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        yield archive


def test_offline_zip_holds_one_folder_with_a_page_per_page(offline_zip):
    names = offline_zip.namelist()
    assert {name.split("/")[0] for name in names} == {"unit-3-offline"}
    for page in PAGES:
        assert f"unit-3-offline/{offline_name(page)}" in names, "the offline plugin links pages as NAME.html"
    assert "unit-3-offline/search/search_index.js" in names, "search's index, readable from file://"


def test_offline_pages_allow_their_theme_scripts_and_the_search_frame_and_nothing_else(offline_zip):
    """The copy's policy is the page's: hashes only. Its one extra hash allows the frame iframe-worker writes to run search."""
    shim = (PROJECT_DIR / "docs" / SHIM).read_text(encoding="utf-8")
    for page in PAGES:
        soup = BeautifulSoup(offline_zip.read(f"unit-3-offline/{offline_name(page)}"), "html.parser")
        policy = csp_of(soup)
        inline = [s.string or "" for s in soup.find_all("script") if not s.get("src") and s.get("type") != "application/json"]
        search = json.loads(soup.find("script", id="__config").string)["search"]
        frame = iframe_worker_script(shim, search)
        assert sorted(policy["script-src"]) == sorted({"'self'", sha256_source(frame), *(sha256_source(code) for code in inline)}), page
        assert policy["style-src"] == ["'self'"]


def test_offline_pages_load_the_vendored_shim_and_nothing_from_another_host(offline_zip):
    vendored = (PROJECT_DIR / "docs" / SHIM).read_bytes()
    assert offline_zip.read(f"unit-3-offline/{SHIM}") == vendored
    for page in PAGES:
        soup = BeautifulSoup(offline_zip.read(f"unit-3-offline/{offline_name(page)}"), "html.parser")
        folder = PurePosixPath(offline_name(page)).parent
        sources = [normpath((folder / s["src"]).as_posix()) for s in soup.find_all("script", src=True)]
        assert SHIM in sources
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src")):
            for element in soup.find_all(tag):
                if "canonical" not in element.get("rel", []):
                    assert not urlsplit(element.get(attribute, "")).netloc, f"{page}: {element}"
    # Material's offline plugin would otherwise add the shim from unpkg.com. (Its script bundle
    # also names unpkg.com for polyfills old browsers and diagrams need; the CSP blocks those.)
    assert not any(b"unpkg.com" in offline_zip.read(name) for name in offline_zip.namelist() if name.endswith(".html"))


def test_every_local_link_in_the_offline_copy_resolves(offline_zip):
    names = set(offline_zip.namelist())
    for page in [*PAGES, "404"]:
        name = offline_name(page)
        soup = BeautifulSoup(offline_zip.read(f"unit-3-offline/{name}"), "html.parser")
        for element in soup.find_all(["a", "link", "script", "img"]):
            address = element.get("href") or element.get("src") or ""
            parts = urlsplit(address)
            if page == "404" or parts.scheme or parts.netloc or not parts.path:
                continue  # another host, an anchor on the same page, or the 404 page's absolute links
            target = (PurePosixPath(name).parent / parts.path).as_posix()
            assert f"unit-3-offline/{normpath(target)}" in names, f"{name} links to missing {address}"


def test_offline_zip_holds_everything_else_the_build_writes(built_site, offline_zip):
    """PDFs, images, scripts...: every file the online site has, other than its pages and the zip itself."""
    names = set(offline_zip.namelist())
    for file in built_site.rglob("*"):
        relative = file.relative_to(built_site).as_posix()
        if file.is_file() and not relative.endswith((".html", ".map")) and not relative.startswith("download/"):
            assert f"unit-3-offline/{relative}" in names, relative


def test_the_offline_copy_sends_readers_to_the_pages_online(built_site, offline_zip):
    """Paper printed from the offline copy must lead to the site, not to its file-style addresses."""
    online = "https://pcn-leadership.github.io/unit-3/handouts/flocking/"
    handout = BeautifulSoup(offline_zip.read("unit-3-offline/handouts/flocking.html"), "html.parser")
    assert handout.find("a", class_="handout__link")["href"] == online
    for name in ("handout-flocking.pdf", "whole-unit.pdf", "workbook.pdf"):
        assert offline_zip.read(f"unit-3-offline/pdf/{name}") == (built_site / "pdf" / name).read_bytes()


def test_overview_page_offers_the_zip_and_the_copy_itself_does_not(built_site, offline_zip):
    link = page_soup(built_site, "index").find("a", string=re.compile("download the\\s+unit as a zip file"))
    assert link and link.has_attr("download")
    assert (built_site / link["href"]).is_file()
    offline_index = BeautifulSoup(offline_zip.read("unit-3-offline/index.html"), "html.parser")
    assert not offline_index.find("a", href=re.compile(r"\.zip$"))


@pytest.mark.parametrize("name", [*PAGES, "404"])
def test_materials_script_bundle_is_deferred(built_site, name):
    """So it never holds up the first paint of the content: once, deferred, in the head (overrides/main.html)."""
    path = built_site / "404.html" if name == "404" else page_path(built_site, name)
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    bundles = [s for s in soup.find_all("script", src=True) if "/javascripts/bundle." in "/" + s["src"]]
    assert len(bundles) == 1 and bundles[0].has_attr("defer") and bundles[0].parent.name == "head"


def test_search_dialog_has_a_name(built_site):
    dialog = page_soup(built_site, "index").find(attrs={"data-md-component": "search"})
    assert dialog["role"] == "dialog" and dialog["aria-label"] == "Search"


def test_the_offline_copy_is_made_from_this_build_not_by_building_again(built_site, offline_zip):
    """One build: the copy's pages are this build's, re-addressed; what is marked for the site
    online only (the link to this very zip) is left out, its search entries too."""
    online = page_soup(built_site, "pcn-ethos").find("article").get_text(" ", strip=True)
    offline = BeautifulSoup(offline_zip.read("unit-3-offline/pcn-ethos.html"), "html.parser").find("article")
    assert offline.get_text(" ", strip=True) == online
    index = offline_zip.read("unit-3-offline/search/search_index.json").decode("utf-8")
    assert '"location":"index.html#reading-offline"' not in index and '"location":"pcn-ethos.html"' in index
    assert not BeautifulSoup(offline_zip.read("unit-3-offline/index.html"), "html.parser").find(id="reading-offline")
    assert page_soup(built_site, "index").find(id="reading-offline"), "online, the section is there"


def test_inlined_header_logo_is_the_sites_logo():
    assert (PROJECT_DIR / "overrides" / ".icons" / "unit" / "logo.svg").read_bytes() == (PROJECT_DIR / "docs" / "assets" / "logo.svg").read_bytes()
