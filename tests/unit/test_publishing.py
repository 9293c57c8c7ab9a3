"""Publishing, on its own: the CSP's hashes, addresses from site_url, the
offline copy's re-addressing and its zip, the vendored shim, the versions of
the testing tools the accessibility statement names. No MkDocs involved."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import zipfile
from pathlib import Path

import pytest

from engine import PROJECT_DIR
from course.offline.copy import PageAddress, Readdress, iframe_worker_script, write_zip
from course.publish import conformance
from course.publish.addresses import repository_of, short_address
from course.publish.csp import ThemeCode, fill_in_hashes

SITE_URL = "https://pcn-leadership.github.io/unit-3/"
SHIM = "javascripts/vendor/iframe-worker-shim.js"


def sha256_source(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"


THEME_TEMPLATE = (
    '<script>a=1</script><script type="module">c()</script><script type="application/json">{{ data | tojson }}</script>'
    '<script>scope=new URL("{{ base_url }}",location)</script><script>run({{ page.meta.code }})</script>'
    '<style>p{color:red}</style>'
)
POLICY = '<meta http-equiv="Content-Security-Policy" content="script-src \'self\' __INLINE_SCRIPT_HASHES__; style-src \'self\' __INLINE_STYLE_HASHES__">'


def theme() -> ThemeCode:
    code = ThemeCode()
    code.add_template(THEME_TEMPLATE)
    return code


def test_csp_allows_the_themes_inline_scripts_and_styles_by_hash_and_not_data():
    page = (
        f"{POLICY}<script>a=1</script>"
        '<script type="application/json">{"b": 2}</script><script type="module">c()</script><script src="d.js"></script>'
        '<script>scope=new URL("../..",location)</script><style>p{color:red}</style>'
    )
    filled = fill_in_hashes(page, theme())
    scope = sha256_source('scope=new URL("../..",location)')
    assert f"script-src 'self' {sha256_source('a=1')} {sha256_source('c()')} {scope};" in filled
    assert f"style-src 'self' {sha256_source('p{color:red}')}\"" in filled
    assert "style-src 'self'\"" in fill_in_hashes(page.replace("<style>p{color:red}</style>", ""), theme())


@pytest.mark.parametrize(
    "script",
    [
        "alert(1)",  # no template of the theme writes it
        'scope=new URL("",alert(1),"",location)',  # leaves the string its {{ }} stands in
        "scope=new URL(`${alert(1)}`,location)",
        "run(alert(1))",  # its {{ }} is not in quotes: the template's script is never allowed
        "a=1;alert(1)",
    ],
)
def test_csp_allows_no_inline_script_the_themes_templates_do_not_write(script):
    filled = fill_in_hashes(f"{POLICY}<script>a=1</script><script>{script}</script>", theme())
    assert sha256_source(script) not in filled and sha256_source("a=1") in filled


def test_csp_allows_no_inline_code_in_the_pages_content_even_the_themes():
    content = '<p>Text</p><script>alert(1)</script><script>scope=new URL("x",location)</script><style>p{color:red}</style>'
    page = f"{POLICY}<article>{content}</article><script>a=1</script>"
    filled = fill_in_hashes(page, theme(), content)
    assert f"script-src 'self' {sha256_source('a=1')}; style-src 'self'\"" in filled


@pytest.mark.parametrize(
    ("site_url", "repository"),
    [
        ("https://pcn-leadership.github.io/unit-3/", "https://github.com/pcn-leadership/unit-3"),
        ("https://pcn-leadership.github.io/unit-3", "https://github.com/pcn-leadership/unit-3"),
        ("https://Some-Org.github.io/", "https://github.com/some-org/some-org.github.io"),  # hosts are lower case
        ("https://learning.example.nhs.uk/unit-3/", None),
        ("", None),
    ],
)
def test_repository_is_derived_from_a_github_pages_address(site_url, repository):
    assert repository_of(site_url) == repository


def test_short_address_drops_the_scheme_and_www():
    # One function for every address printed on paper (the handouts' and the site's own).
    assert short_address(SITE_URL) == "pcn-leadership.github.io/unit-3/"
    assert short_address("https://www.example.org/x/handouts/flocking/") == "example.org/x/handouts/flocking/"


def test_the_same_site_always_gives_the_same_zip(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "pages").mkdir(parents=True)
    (site / "index.html").write_text("<h1>Unit 3</h1>")
    (site / "pages" / "a.html").write_text("<p>a</p>")
    (site / "bundle.js.map").write_text("{}")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first, second = tmp_path / "first.zip", tmp_path / "second.zip"
    assert write_zip(site, first, folder="copy") == 2
    (site / "index.html").touch()  # a newer file time must not change the zip
    write_zip(site, second, folder="copy")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert archive.namelist() == ["copy/index.html", "copy/pages/a.html"]
        assert {entry.date_time for entry in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_vendored_shim_is_the_version_the_vendoring_script_pins():
    script = (PROJECT_DIR / "scripts" / "vendor-iframe-worker").read_text()
    version = re.search(r"^VERSION=(\S+)$", script, re.MULTILINE)[1]
    header = (PROJECT_DIR / "docs" / SHIM).read_text().splitlines()[0]
    assert header.startswith(f"/*! iframe-worker {version} | MIT License")
    assert "Copyright (c) 2020-2022 Martin Donath" in (PROJECT_DIR / "docs" / "javascripts" / "vendor" / "iframe-worker.LICENSE.txt").read_text()




# --- The offline copy's addresses -------------------------------------------------------

PAGES = [
    PageAddress("index.html", "./", "index.html"),
    PageAddress("pcn-ethos/index.html", "pcn-ethos/", "pcn-ethos.html"),
    PageAddress("handouts/index.html", "handouts/", "handouts/index.html"),
    PageAddress("handouts/flocking/index.html", "handouts/flocking/", "handouts/flocking.html"),
]


@pytest.mark.parametrize(
    ("page", "online", "offline"),
    [
        (1, "../", "index.html"),
        (1, "..", "index.html"),
        (1, "../handouts/flocking/#flocking", "handouts/flocking.html#flocking"),
        (1, "../stylesheets/unit.css", "stylesheets/unit.css"),
        (1, "./", "pcn-ethos.html"),
        (1, "#benefits", "#benefits"),
        (3, "../../pdf/handout-flocking.pdf", "../pdf/handout-flocking.pdf"),
        (3, "../", "index.html"),
        (3, "../../pcn-ethos/?x=1", "../pcn-ethos.html?x=1"),
        (0, "pcn-ethos/", "pcn-ethos.html"),
        (0, "handouts/", "handouts/index.html"),
        (0, "https://example.org/", "https://example.org/"),
        (0, "/unit-3/", "/unit-3/"),
        (0, "mailto:someone@example.org", "mailto:someone@example.org"),
    ],
)
def test_every_relative_address_is_re_based_for_the_copys_layout(page, online, offline):
    assert Readdress(PAGES).url(online, PAGES[page]) == offline


SCOPE_ONLINE = '__md_scope=new URL("..",location)'
SHIM_TEXT = (PROJECT_DIR / "docs" / SHIM).read_text(encoding="utf-8")


def test_a_page_is_re_addressed_and_what_only_one_copy_needs_is_sorted_out():
    html = (
        '<head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        f"script-src 'self' {sha256_source(SCOPE_ONLINE)}; style-src 'self'\">"
        '<template data-offline-copy="only"><script src="../javascripts/vendor/iframe-worker-shim.js"></script></template>'
        f"<script>{SCOPE_ONLINE}</script>"
        '<script id="__config" type="application/json">{"base": "..", "search": "../assets/search.js"}</script></head>'
        '<nav><ul><li class="md-nav__item"><a href="#kept" class="md-nav__link">Kept</a></li>'
        '<li class="md-nav__item"><a href="#gone" class="md-nav__link">Gone</a><nav><ul><li class="md-nav__item">'
        '<a href="#gone-too" class="md-nav__link">Gone too</a></li></ul></nav></li></ul></nav>'
        '<h2 id="kept">Kept</h2><div data-offline-copy="leave-out"><div><h2 id="gone">Gone</h2>'
        '<a href="../download/x.zip">zip</a></div></div><p><a href="../">home</a></p>'
    )
    copied, left_out = Readdress(PAGES, SHIM_TEXT).page_html(html, PAGES[1])
    assert left_out == {"gone"}
    assert '<script src="javascripts/vendor/iframe-worker-shim.js"></script>' in copied and "<template" not in copied
    scope = '__md_scope=new URL(".",location)'
    assert f"<script>{scope}</script>" in copied
    assert '{"base": ".", "search": "assets/search.js"}' in copied
    assert "Gone" not in copied and "zip" not in copied and 'id="kept"' in copied
    assert '<a href="index.html">home</a>' in copied
    # The policy: the theme's script as the copy re-addressed it, and the frame iframe-worker writes to run search.
    frame = iframe_worker_script(SHIM_TEXT, "assets/search.js")
    assert f"script-src 'self' {sha256_source(scope)} {sha256_source(frame)}; style-src 'self'\"" in copied
    assert "unsafe" not in copied


def test_the_copy_leaves_out_the_inline_code_the_page_did_not_allow():
    html = (
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self' {sha256_source('a=1')}; style-src 'self'\">"
        "<script>a=1</script><p>Text</p><script>alert(1)</script><style>p{color:red}</style>"
    )
    copied, _ = Readdress(PAGES).page_html(html, PAGES[0])
    assert "alert(1)" not in copied and "<style>" not in copied and "<script>a=1</script><p>Text</p>" in copied
    assert f"script-src 'self' {sha256_source('a=1')}; style-src 'self'\"" in copied


def test_the_frame_script_is_what_iframe_worker_writes():
    """The shim writes it as a template literal: its functions' source text, and the worker's address as given."""
    frame = iframe_worker_script(SHIM_TEXT, "../assets/javascripts/workers/search.js")
    assert frame.startswith('postMessage=function c(s,n){parent.postMessage(s,n||"*")};importScripts=function d(...s){')
    assert frame.endswith('{filename:"../assets/javascripts/workers/search.js",error}))})')
    assert "${" not in frame and f"{frame[frame.index('function d'):frame.index(';addEventListener')]}" in SHIM_TEXT


def test_the_copys_search_index_has_its_addresses_and_nothing_left_out():
    index = '{"config":{},"docs":[{"location":"","title":"Home","text":""},{"location":"#gone","title":"Gone","text":""},{"location":"pcn-ethos/#x","title":"X","text":""}]}'
    copied = Readdress(PAGES).search_index(index, {"#gone"})
    assert copied == '{"config":{},"docs":[{"location":"index.html","title":"Home","text":""},{"location":"pcn-ethos.html#x","title":"X","text":""}]}'


# --- What the tests check, said once (course/publish/conformance.py): the tools' versions as pinned ---


def test_axe_core_is_the_version_the_pinned_package_bundles():
    import axe_playwright_python

    bundle = Path(axe_playwright_python.__file__).with_name("axe.min.js")
    header = bundle.read_text(encoding="utf-8")[:200]
    assert re.search(r"axe v(\d+\.\d+\.\d+)", header)[1] == conformance.AXE_CORE_VERSION
    pinned = re.search(r"^axe-playwright-python==(\S+)", (PROJECT_DIR / "requirements-test.txt").read_text(), re.MULTILINE)[1]
    assert f"axe-playwright-python {pinned}" in (PROJECT_DIR / "course" / "publish" / "conformance.py").read_text()


def test_lighthouse_is_the_version_bench_pins():
    package = json.loads((PROJECT_DIR / "bench" / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((PROJECT_DIR / "bench" / "package-lock.json").read_text(encoding="utf-8"))
    assert package["dependencies"]["lighthouse"] == conformance.LIGHTHOUSE_VERSION
    assert lock["packages"]["node_modules/lighthouse"]["version"] == conformance.LIGHTHOUSE_VERSION

