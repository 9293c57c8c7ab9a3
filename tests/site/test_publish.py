"""Publishing, checked on a real build of the fixture course: privacy policy, metadata, dates, addresses and the offline zip."""

from __future__ import annotations

import base64
import hashlib
import json
import os
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
from engine import DATA_DIR, DOCS_DIR, PROJECT_DIR, SITE_URL, UNIT, fixture_data, handouts
from site_building import BUILD_EPOCH, copy_project, mkdocs_build
from test_site import CONFIG, PAGES, page_path, page_soup

# The offline copy: one folder, named in the programme's data, zipped.
OFFLINE_FOLDER = fixture_data()["programme.yml"]["offline_copy"]
OFFLINE_ZIP = f"download/{OFFLINE_FOLDER}.zip"
SHIM = "javascripts/vendor/iframe-worker-shim.js"
# The repository the fixture's site_url names (https://OWNER.github.io/NAME/).
REPOSITORY = "https://github.com/fixture-programme/course"


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


def page_source(name: str) -> Path | None:
    """A page's Markdown file in the fixture; None for a page made from the data (a handout)."""
    for source in (DOCS_DIR / f"{name}.md", DOCS_DIR / name / "index.md"):
        if source.exists():
            return source
    return None


def handout_of(name: str):
    return next(handout for handout in handouts() if handout.src_uri.removesuffix(".md") == name)


def page_description(name: str) -> str:
    """The description in a page's front matter; handout pages are made from the data."""
    source = page_source(name)
    if source:
        return yaml.safe_load(source.read_text(encoding="utf-8").split("---")[1])["description"]
    return handout_of(name).description


def offline_name(page: str) -> str:
    """A page's file in the offline copy: NAME.html, or FOLDER/index.html for a folder's index page."""
    if (DOCS_DIR / page / "index.md").exists():
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
    assert meta["og:site_name"] == CONFIG["site_name"]
    assert soup.find("link", rel="canonical")["href"] == page_address(name) == meta["og:url"]


def test_sitemap_lists_every_page_at_its_public_address(built_site):
    sitemap = ElementTree.parse(built_site / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    addresses = [loc.text for loc in sitemap.findall("s:url/s:loc", namespace)]
    assert sorted(addresses) == sorted(page_address(page) for page in PAGES)


# A copy of the fixture with a git history of its own, so that pages differ in their dates: everything
# committed on one day, a page and the first unit's activities changed on a later day, one page never committed.
FIRST_DAY = "2025-03-02"
LATER_DAY = "2025-06-15"
CHANGED_LATER = ("docs/basics.md", f"data/{UNIT}/activities.yml")
NOT_COMMITTED = "docs/glossary.md"
BUILD_DAY_ISO = datetime.fromtimestamp(BUILD_EPOCH, timezone.utc).date().isoformat()  # what an uncommitted page shows


def commit(project: Path, day: str, message: str) -> None:
    moment = f"{day}T12:00:00+00:00"
    who = {"GIT_AUTHOR_NAME": "Fixture", "GIT_AUTHOR_EMAIL": "fixture@example.org", "GIT_COMMITTER_NAME": "Fixture", "GIT_COMMITTER_EMAIL": "fixture@example.org"}
    subprocess.run(
        ["git", "-C", str(project), "-c", "commit.gpgsign=false", "commit", "--quiet", "--no-verify", "-m", message],
        env={**os.environ, **who, "GIT_AUTHOR_DATE": moment, "GIT_COMMITTER_DATE": moment},
        check=True,
    )


@pytest.fixture(scope="module")
def site_with_history(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("history")
    project = copy_project(folder / "project")
    git = ["git", "-C", str(project)]
    subprocess.run([*git, "init", "--quiet"], check=True)
    subprocess.run([*git, "add", "--all"], check=True)
    subprocess.run([*git, "rm", "--cached", "--quiet", "--", *CHANGED_LATER, NOT_COMMITTED], check=True)
    commit(project, FIRST_DAY, "The course")
    subprocess.run([*git, "add", "--", *CHANGED_LATER], check=True)
    commit(project, LATER_DAY, "A page and the activities change")
    site = folder / "site"
    result = mkdocs_build(site, project_dir=project, env={"UNIT_PDF": "skip", "UNIT_OFFLINE_ZIP": "off"})
    assert result.returncode == 0, result.stderr
    return site


def source_files(name: str) -> list[str]:
    """What a page is made from, relative to the project: its Markdown file, or for a handout the data it is drawn from."""
    source = page_source(name)
    if source:
        return [source.relative_to(DOCS_DIR.parent).as_posix()]
    handout = handout_of(name)
    data = f"data/{handout.unit_id}"
    if handout.activity_id:
        return [f"{data}/activities.yml"]
    return [f"{data}/{file}" for file in ("organisational_forms.yml", "problem_types.yml") if (DATA_DIR / handout.unit_id / file).exists()]


def last_changed(source: str) -> str:
    """The day the history above last changed a file: the build's day for one never committed."""
    return BUILD_DAY_ISO if source == NOT_COMMITTED else LATER_DAY if source in CHANGED_LATER else FIRST_DAY


def test_the_history_gives_pages_different_dates():
    """The parametrised test below must not pass on one date alone."""
    days = {max(last_changed(source) for source in source_files(name)) for name in PAGES}
    assert days == {FIRST_DAY, LATER_DAY, BUILD_DAY_ISO}
    assert max(map(last_changed, source_files("handouts/walk"))) == LATER_DAY, "a handout has its data's date"


@pytest.mark.parametrize("name", PAGES)
def test_last_updated_date_comes_from_the_pages_last_commit(site_with_history, name):
    time = page_soup(site_with_history, name).select_one("aside.md-source-file time")
    assert time, "no 'Last updated' date"
    assert time["datetime"] == max(last_changed(source) for source in source_files(name))
    assert time.parent.get_text(" ", strip=True).startswith("Last updated")
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", time.get_text()), "a UK-style date, e.g. 27 November 2026"


def test_a_copy_without_git_history_builds_and_shows_no_date(tmp_path, built_site, fixture_project):
    """The session's build is of such a copy: no page shows a date, and it has everything else (its PDFs, its zip)."""
    for project in (fixture_project, copy_project(tmp_path / "project")):
        not_git = subprocess.run(["git", "-C", str(project), "rev-parse", "HEAD"], capture_output=True, check=False)
        assert not_git.returncode != 0, "the copy must be outside any git checkout"
    for name in PAGES:
        soup = page_soup(built_site, name)
        assert soup.find("h1") and not soup.select("aside.md-source-file"), name
    assert (built_site / OFFLINE_ZIP).is_file() and list((built_site / "pdf").glob("*.pdf"))
    # What the author is told: the build's note, and no warning.
    result = mkdocs_build(tmp_path / "site", project_dir=tmp_path / "project", env={"UNIT_PDF": "skip", "UNIT_OFFLINE_ZIP": "off"})
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert "No git history" in result.stderr


# --- Addresses: one place -------------------------------------------------------


def test_repository_link_is_derived_and_asks_github_for_nothing(built_site):
    soup = page_soup(built_site, "index")
    links = soup.select("a.md-source")
    assert links and {a["href"] for a in links} == {REPOSITORY}
    assert REPOSITORY.removeprefix("https://github.com/") in links[0].get_text()
    # Material's script asks api.github.com for stars and forks of this component.
    assert not soup.select('[data-md-component="source"]')


def test_another_site_url_moves_every_address(tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://example-trust.github.io/leading-beyond/")
    site = tmp_path / "site"
    result = mkdocs_build(site, project_dir=copy_project(tmp_path / "project"), env={"UNIT_PDF": "skip", "UNIT_OFFLINE_ZIP": "off"})
    assert result.returncode == 0, result.stderr
    soup = page_soup(site, "basics")
    assert soup.find("link", rel="canonical")["href"] == "https://example-trust.github.io/leading-beyond/basics/"
    assert soup.find("meta", property="og:url")["content"] == "https://example-trust.github.io/leading-beyond/basics/"
    assert soup.select_one("a.md-source")["href"] == "https://github.com/example-trust/leading-beyond"
    assert "https://example-trust.github.io/leading-beyond/" in (site / "sitemap.xml").read_text()
    assert urlsplit(SITE_URL).hostname not in (site / "sitemap.xml").read_text()


# --- The offline copy -------------------------------------------------------------


@pytest.fixture(scope="module")
def offline_zip(built_site) -> zipfile.ZipFile:
    with zipfile.ZipFile(built_site / OFFLINE_ZIP) as archive:
        yield archive


def test_offline_zip_holds_one_folder_with_a_page_per_page(offline_zip):
    names = offline_zip.namelist()
    assert {name.split("/")[0] for name in names} == {OFFLINE_FOLDER}
    for page in PAGES:
        assert f"{OFFLINE_FOLDER}/{offline_name(page)}" in names, "the offline plugin links pages as NAME.html"
    assert f"{OFFLINE_FOLDER}/search/search_index.js" in names, "search's index, readable from file://"


def test_offline_pages_allow_their_theme_scripts_and_the_search_frame_and_nothing_else(offline_zip):
    """The copy's policy is the page's: hashes only. Its one extra hash allows the frame iframe-worker writes to run search."""
    shim = (PROJECT_DIR / "docs" / SHIM).read_text(encoding="utf-8")
    for page in PAGES:
        soup = BeautifulSoup(offline_zip.read(f"{OFFLINE_FOLDER}/{offline_name(page)}"), "html.parser")
        policy = csp_of(soup)
        inline = [s.string or "" for s in soup.find_all("script") if not s.get("src") and s.get("type") != "application/json"]
        search = json.loads(soup.find("script", id="__config").string)["search"]
        frame = iframe_worker_script(shim, search)
        assert sorted(policy["script-src"]) == sorted({"'self'", sha256_source(frame), *(sha256_source(code) for code in inline)}), page
        assert policy["style-src"] == ["'self'"]


def test_offline_pages_load_the_vendored_shim_and_nothing_from_another_host(offline_zip):
    vendored = (PROJECT_DIR / "docs" / SHIM).read_bytes()
    assert offline_zip.read(f"{OFFLINE_FOLDER}/{SHIM}") == vendored
    for page in PAGES:
        soup = BeautifulSoup(offline_zip.read(f"{OFFLINE_FOLDER}/{offline_name(page)}"), "html.parser")
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
        soup = BeautifulSoup(offline_zip.read(f"{OFFLINE_FOLDER}/{name}"), "html.parser")
        for element in soup.find_all(["a", "link", "script", "img"]):
            address = element.get("href") or element.get("src") or ""
            parts = urlsplit(address)
            if page == "404" or parts.scheme or parts.netloc or not parts.path:
                continue  # another host, an anchor on the same page, or the 404 page's absolute links
            target = (PurePosixPath(name).parent / parts.path).as_posix()
            assert f"{OFFLINE_FOLDER}/{normpath(target)}" in names, f"{name} links to missing {address}"


def test_offline_zip_holds_everything_else_the_build_writes(built_site, offline_zip):
    """PDFs, images, scripts...: every file the online site has, other than its pages and the zip itself."""
    names = set(offline_zip.namelist())
    for file in built_site.rglob("*"):
        relative = file.relative_to(built_site).as_posix()
        if file.is_file() and not relative.endswith((".html", ".map")) and not relative.startswith("download/"):
            assert f"{OFFLINE_FOLDER}/{relative}" in names, relative


def test_the_offline_copy_sends_readers_to_the_pages_online(built_site, offline_zip):
    """Paper printed from the offline copy must lead to the site, not to its file-style addresses."""
    online = f"{SITE_URL}handouts/walk/"
    handout = BeautifulSoup(offline_zip.read(f"{OFFLINE_FOLDER}/handouts/walk.html"), "html.parser")
    assert handout.find("a", class_="handout__link")["href"] == online
    for name in ("handout-walk.pdf", "whole-unit.pdf", "workbook.pdf"):
        assert offline_zip.read(f"{OFFLINE_FOLDER}/pdf/{name}") == (built_site / "pdf" / name).read_bytes()


def test_overview_page_offers_the_zip_and_the_copy_itself_does_not(built_site, offline_zip):
    link = page_soup(built_site, "index").find("a", href=re.compile(r"\.zip$"))
    assert link and link.has_attr("download") and "zip file" in link.get_text()
    assert (built_site / link["href"]).resolve() == (built_site / OFFLINE_ZIP).resolve()
    offline_index = BeautifulSoup(offline_zip.read(f"{OFFLINE_FOLDER}/index.html"), "html.parser")
    assert not offline_index.find("a", href=re.compile(r"\.zip$"))


@pytest.mark.parametrize("name", [*PAGES, "404"])
def test_materials_script_bundle_waits_for_the_first_paint(built_site, name):
    """So it never holds up the first paint of the content: it is started, once, after it (overrides/main.html)."""
    path = built_site / "404.html" if name == "404" else page_path(built_site, name)
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    bundles = [s for s in soup.find_all("script", src=True) if "/javascripts/bundle." in "/" + s["src"]]
    assert len(bundles) == 1 and bundles[0].find_parent("template")["id"] == "course-scripts"


def test_search_dialog_has_a_name(built_site):
    dialog = page_soup(built_site, "index").find(attrs={"data-md-component": "search"})
    assert dialog["role"] == "dialog" and dialog["aria-label"] == "Search"


def test_the_offline_copy_is_made_from_this_build_not_by_building_again(built_site, offline_zip):
    """One build: the copy's pages are this build's, re-addressed; what is marked for the site
    online only (the link to this very zip) is left out, its search entries too."""
    online = page_soup(built_site, "basics").find("article").get_text(" ", strip=True)
    offline = BeautifulSoup(offline_zip.read(f"{OFFLINE_FOLDER}/basics.html"), "html.parser").find("article")
    assert offline.get_text(" ", strip=True) == online
    index = offline_zip.read(f"{OFFLINE_FOLDER}/search/search_index.json").decode("utf-8")
    assert '"location":"index.html#reading-offline"' not in index and '"location":"basics.html"' in index
    assert not BeautifulSoup(offline_zip.read(f"{OFFLINE_FOLDER}/index.html"), "html.parser").find(id="reading-offline")
    assert page_soup(built_site, "index").find(id="reading-offline"), "online, the section is there"


def test_inlined_header_logo_is_the_sites_logo():
    assert (PROJECT_DIR / "overrides" / ".icons" / "unit" / "logo.svg").read_bytes() == (PROJECT_DIR / "docs" / "assets" / "logo.svg").read_bytes()
