"""Lighthouse 12.2.3 on every page of the built site, served as GitHub Pages serves
it (gzip, on loopback), beside a plain Material for MkDocs page as a baseline.
Prints a table of scores, largest contentful paint and first-visit bytes.

    .venv/bin/python bench/lighthouse.py [--runs 1] [--before REF] [--page NAME]

Lighthouse comes from npm (bench/package.json and its lock file; installed into
bench/node_modules on first use) and drives Debian's Chromium (CHROME_PATH).
Lighthouse's mobile defaults: a mid-range phone on a slow 4G connection, with
throttling simulated, so the figures hold on a busy machine.

Budgets (issue 12): performance, accessibility, best practices and SEO 100;
largest contentful paint at most 0.8 times the plain Material page's, measured
in the same run; first visit at most 80 KB as transferred (gzip).

With --before REF, the site as it was at commit REF (a git worktree in a
temporary folder, built with its own engine) is measured in the same run, each
of its pages right after the same page now, so both face the same machine.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import mimetypes
import os
import shutil
import socket
import importlib.util
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from course.publish import conformance

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent


def _load_pages_server():
    """scripts/pages_server.py, the Pages-like server, loaded from its file."""
    spec = importlib.util.spec_from_file_location("pages_server", PROJECT_DIR / "scripts" / "pages_server.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_pages_server = _load_pages_server()
COMPRESSED_TYPES, serving, site_path = _pages_server.COMPRESSED_TYPES, _pages_server.serving, _pages_server.site_path

LIGHTHOUSE = BENCH_DIR / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_VERSION = conformance.LIGHTHOUSE_VERSION  # bench/package.json's; the accessibility statement names it
RESULTS_DIR = BENCH_DIR / "results" / "lighthouse"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUDGET = {"score": 100, "lcp_ratio": 0.8, "gzip_kb": 80}
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


def ensure_lighthouse() -> None:
    installed = subprocess.run([LIGHTHOUSE, "--version"], capture_output=True, text=True, check=False) if LIGHTHOUSE.exists() else None
    if not installed or installed.stdout.strip() != LIGHTHOUSE_VERSION:
        print(f"Installing Lighthouse {LIGHTHOUSE_VERSION} from bench/package-lock.json...", file=sys.stderr)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=BENCH_DIR, check=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


PUBLISHED_REPOSITORY = "https://github.com/pcn-leadership/unit-3"  # what the published address gives


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
        config = project / ".bench-lighthouse-mkdocs.yml"
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
def checkout(ref: str, folder: Path):
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


def first_visit_bytes(request_urls: list[str], site_root_url: str, site_dir: Path) -> tuple[float, float]:
    """KB of the files a first visit fetched: as stored, and gzip-compressed as the server sends them.

    Counted from the files themselves, not from Lighthouse's transfer sizes, which
    miss the search worker's script (it reports only its headers).
    """
    raw = compressed = 0
    for url in request_urls:
        if not url.startswith(site_root_url):
            continue  # data: URLs, which are inside the stylesheet already counted
        relative = url[len(site_root_url):].split("?")[0].split("#")[0]
        file = site_dir / relative
        if file.is_dir() or relative == "":
            file = file / "index.html"
        body = file.read_bytes()
        raw += len(body)
        content_type = mimetypes.guess_type(file.name)[0] or ""
        compressed += len(gzip.compress(body, 6, mtime=0)) if content_type.startswith(COMPRESSED_TYPES) else len(body)
    return raw / 1024, compressed / 1024


def lighthouse(url: str, report: Path) -> dict:
    report.parent.mkdir(parents=True, exist_ok=True)  # pages in folders: handouts/flocking
    subprocess.run(
        [
            LIGHTHOUSE, url, "--quiet", "--output=json", f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}",
        ],
        env={**os.environ, "CHROME_PATH": CHROME_PATH},
        check=True,
    )
    result = json.loads(report.read_text())
    requests = result["audits"]["network-requests"]["details"]["items"]
    return {
        **{name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES},
        "lcp_s": result["audits"]["largest-contentful-paint"]["numericValue"] / 1000,
        "urls": [item["url"] for item in requests],
        "requests": len(requests),
        "fcp_s": result["audits"]["first-contentful-paint"]["numericValue"] / 1000,
        "benchmark_index": result["environment"]["benchmarkIndex"],
        "failed": [audit["id"] for audit in result["audits"].values() if audit.get("score") is not None and audit["score"] < 1
                   and audit.get("scoreDisplayMode") in ("binary", "numeric") and _in_categories(result, audit["id"])],
    }


def _in_categories(result: dict, audit_id: str) -> bool:
    return any(ref["id"] == audit_id and ref.get("weight", 0) > 0 for name in CATEGORIES for ref in result["categories"][name]["auditRefs"])


def median_run(url: str, runs: int, report_stem: Path, site_root_url: str, site_dir: Path) -> dict:
    results = [lighthouse(url, report_stem.with_name(f"{report_stem.name}-{run + 1}.json")) for run in range(runs)]
    middle = sorted(results, key=lambda r: r["lcp_s"])[len(results) // 2]
    raw_kb, gzip_kb = first_visit_bytes(middle["urls"], site_root_url, site_dir)
    return {
        **middle,
        **{key: statistics.median(r[key] for r in results) for key in (*CATEGORIES, "lcp_s")},
        "raw_kb": raw_kb,
        "gzip_kb": gzip_kb,
    }


def misses(row: dict, baseline_lcp_s: float) -> list[str]:
    found = [f"{name} {row[name]}" for name in CATEGORIES if row[name] < BUDGET["score"]]
    ratio = row["lcp_s"] / baseline_lcp_s
    if ratio > BUDGET["lcp_ratio"]:
        found.append(f"LCP {ratio:.2f}x plain, {ratio - BUDGET['lcp_ratio']:.2f} over")
    if row["gzip_kb"] > BUDGET["gzip_kb"]:
        found.append(f"{row['gzip_kb']:.1f} KB, {row['gzip_kb'] - BUDGET['gzip_kb']:.1f} over")
    return found


def print_table(rows: list[tuple[str, dict]], runs: int) -> None:
    baseline_lcp_s = rows[-1][1]["lcp_s"]
    print(f"Lighthouse {LIGHTHOUSE_VERSION}, mobile defaults, median of {runs}; served with gzip on loopback.")
    print(f"Chromium: {chromium_version()}; {machine()}.")
    print(
        f"Budgets: every score {BUDGET['score']}, LCP <= {BUDGET['lcp_ratio']} x plain Material's "
        f"({baseline_lcp_s:.2f} s in this run), first visit <= {BUDGET['gzip_kb']} KB gzip.\n"
    )
    print("| Page | Perf | A11y | Best pr. | SEO | LCP s | LCP vs plain | FCP s | First visit KB (raw) | First visit KB (gzip) | Requests | Budget misses (audits short of full marks) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for name, row in rows:
        missed = "; ".join(misses(row, baseline_lcp_s)) or "none"
        if row["failed"]:
            missed += f" (audits: {', '.join(row['failed'])})"
        print(
            f"| {name} | {row['performance']:.0f} | {row['accessibility']:.0f} | {row['best-practices']:.0f} | {row['seo']:.0f} "
            f"| {row['lcp_s']:.2f} | {row['lcp_s'] / baseline_lcp_s:.2f} | {row['fcp_s']:.2f} | {row['raw_kb']:.1f} | {row['gzip_kb']:.1f} "
            f"| {row['requests']} | {missed} |"
        )


def chromium_version() -> str:
    result = subprocess.run([CHROME_PATH, "--version"], capture_output=True, text=True, check=False)
    return result.stdout.strip() or "unknown"


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), "unknown CPU") if Path("/proc/cpuinfo").exists() else "unknown CPU"
    return f"{os.cpu_count()} CPUs ({model})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page; the median is shown")
    parser.add_argument("--page", action="append", help="only this page (e.g. index, glossary); repeatable")
    parser.add_argument("--before", metavar="REF", help="also measure the site as it was at this git commit, in the same run")
    arguments = parser.parse_args()
    ensure_lighthouse()
    if RESULTS_DIR.exists():
        shutil.rmtree(RESULTS_DIR)
    RESULTS_DIR.mkdir(parents=True)

    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as temporary:
        folder = Path(temporary)
        unit_port, baseline_port, before_port = free_port(), free_port(), free_port()
        unit_url = f"http://127.0.0.1:{unit_port}{site_path()}"
        before_url = f"http://127.0.0.1:{before_port}{site_path()}"
        baseline_url = f"http://127.0.0.1:{baseline_port}/baseline/"
        build(PROJECT_DIR, folder / "site", unit_url, PUBLISHED_REPOSITORY)
        build(make_baseline(folder / "baseline", baseline_url), folder / "baseline-site", baseline_url)
        with contextlib.ExitStack() as stack:
            if arguments.before:
                before = stack.enter_context(checkout(arguments.before, folder / "before"))
                build(before, folder / "before-site", before_url, PUBLISHED_REPOSITORY)
                stack.enter_context(serving(folder / "before-site", port=before_port))
            stack.enter_context(serving(folder / "site", port=unit_port))
            stack.enter_context(serving(folder / "baseline-site", prefix="/baseline/", port=baseline_port))
            for page in unit_pages(folder / "site"):
                name = page.rstrip("/") or "index"
                if arguments.page and name not in arguments.page:
                    continue
                print(f"  {name}...", file=sys.stderr)
                rows.append((name, median_run(unit_url + page, arguments.runs, RESULTS_DIR / name, unit_url, folder / "site")))
                if arguments.before and (folder / "before-site" / page / "index.html").exists():
                    print(f"  {name}, before...", file=sys.stderr)
                    rows.append((f"{name}, before ({arguments.before})", median_run(
                        before_url + page, arguments.runs, RESULTS_DIR / "before" / name, before_url, folder / "before-site")))
            print("  baseline...", file=sys.stderr)
            rows.append(("*Baseline: plain Material page*", median_run(baseline_url, arguments.runs, RESULTS_DIR / "baseline", baseline_url, folder / "baseline-site")))
    print_table(rows, arguments.runs)
    print(f"\nFull reports: {RESULTS_DIR.relative_to(PROJECT_DIR)}/")


if __name__ == "__main__":
    main()
