"""The sites the page benches load (bench/page_load.py, bench/lighthouse.py), built and served
the way GitHub Pages serves them, and the machine they were measured on.

- the Unit 3 site as it is now, built strictly with this project's engine;
- with a `before` commit, the site as it was then (a git worktree in a temporary folder,
  removed afterwards, built with that commit's own engine);
- the baseline: plain Material for MkDocs, a one-page site with the theme's defaults and
  `font: false` (no request to a font host, as on the unit).

Each is served on loopback by scripts/pages_server.py: gzip, under the path of its site_url.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
PUBLISHED_REPOSITORY = "https://github.com/pcn-leadership/unit-3"  # what the published address gives
BASELINE_PAGE = """# A plain Material page

This page is built by Material for MkDocs with its default configuration and
`font: false`, as a baseline for the Unit 3 pages.

## A section

Lorem ipsum is not used here: this is plain prose of about the length of a
short page, with a list:

- one item
- another item
- a third item
"""


def _load_pages_server():
    """scripts/pages_server.py, the Pages-like server, loaded from its file."""
    spec = importlib.util.spec_from_file_location("pages_server", PROJECT_DIR / "scripts" / "pages_server.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_pages_server = _load_pages_server()
COMPRESSED_TYPES, serving, site_path = _pages_server.COMPRESSED_TYPES, _pages_server.serving, _pages_server.site_path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build(project: Path, site: Path, site_url: str, repo_url: str | None = None) -> None:
    """A strict build whose site_url is the loopback address it is served at (so canonical links match).

    A loopback address names no GitHub repository, which the accessibility statement's
    contact needs: `repo_url` gives the one the published address would (a configuration
    that INHERITs mkdocs.yml, beside it so its relative paths hold, removed afterwards).
    The project's own engine is used (PYTHONPATH), so an earlier commit builds as it did.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url, "PYTHONPATH": str(project)}
    config = project / "mkdocs.yml"
    if repo_url:
        config = project / ".bench-mkdocs.yml"
        config.write_text(f"INHERIT: mkdocs.yml\nrepo_url: {repo_url}\nrepo_name: {repo_url.split('github.com/', 1)[1]}\n")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "--site-dir", str(site)],
            cwd=project, env=env, capture_output=True, text=True, check=False,
        )
    finally:
        if repo_url:
            config.unlink()
    if result.returncode != 0:
        sys.exit(f"Build of {project} failed:\n{result.stderr}")


@contextlib.contextmanager
def checkout(ref: str, folder: Path) -> Iterator[Path]:
    """The project as it was at `ref`, in a git worktree removed afterwards."""
    subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(folder), ref], cwd=PROJECT_DIR, check=True)
    try:
        yield folder
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(folder)], cwd=PROJECT_DIR, check=False)


def make_baseline(folder: Path, site_url: str) -> Path:
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text(BASELINE_PAGE)
    (folder / "mkdocs.yml").write_text(
        f"site_name: Baseline\nsite_url: {site_url}\ntheme:\n  name: material\n  font: false\n"
    )
    return folder


def unit_pages(site: Path) -> list[str]:
    """Each page's path under the site, from the built site (the 404 page aside)."""
    return sorted(
        "" if path.parent == site else f"{path.parent.relative_to(site).as_posix()}/"
        for path in site.rglob("index.html")
        if "assets" not in path.parts
    )


@dataclass(frozen=True)
class Site:
    """A built site and the address it is served at."""

    name: str
    folder: Path
    url: str

    def has(self, page: str) -> bool:
        return (self.folder / page / "index.html").is_file()


@dataclass(frozen=True)
class Sites:
    now: Site
    baseline: Site
    before: Site | None


@contextlib.contextmanager
def served_sites(folder: Path, before_ref: str | None = None) -> Iterator[Sites]:
    """The unit now, plain Material and (with `before_ref`) the unit at that commit, built into
    `folder` and served on loopback, each on a port of its own, for as long as the block runs."""
    now_port, baseline_port, before_port = free_port(), free_port(), free_port()
    now = Site("now", folder / "site", f"http://127.0.0.1:{now_port}{site_path()}")
    baseline = Site("plain Material", folder / "baseline-site", f"http://127.0.0.1:{baseline_port}/baseline/")
    print("Building the unit and plain Material...", file=sys.stderr)
    build(PROJECT_DIR, now.folder, now.url, PUBLISHED_REPOSITORY)
    build(make_baseline(folder / "baseline", baseline.url), baseline.folder, baseline.url)
    with contextlib.ExitStack() as stack:
        before = None
        if before_ref:
            print(f"Building the unit as it was at {before_ref}...", file=sys.stderr)
            before = Site(f"before ({before_ref})", folder / "before-site", f"http://127.0.0.1:{before_port}{site_path()}")
            build(stack.enter_context(checkout(before_ref, folder / "before")), before.folder, before.url, PUBLISHED_REPOSITORY)
            stack.enter_context(serving(before.folder, port=before_port))
        stack.enter_context(serving(now.folder, port=now_port))
        stack.enter_context(serving(baseline.folder, prefix="/baseline/", port=baseline_port))
        yield Sites(now, baseline, before)


def chromium_version() -> str:
    result = subprocess.run([CHROME_PATH, "--version"], capture_output=True, text=True, check=False)
    return result.stdout.strip() or "unknown"


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                  if line.startswith("model name")), "unknown CPU") if cpuinfo.exists() else "unknown CPU"
    load = f", load average {os.getloadavg()[0]:.1f} at the end" if hasattr(os, "getloadavg") else ""
    return f"{os.cpu_count()} CPUs ({model}){load}"
