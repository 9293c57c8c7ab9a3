"""Lighthouse 12.2.3 on every page of the built site, served as GitHub Pages serves
it (gzip, on loopback), beside a plain Material for MkDocs page as a baseline.
Prints a table of scores, largest contentful paint and first-visit bytes.

    .venv/bin/python bench/lighthouse.py [--runs 1] [--before REF] [--page NAME]

Lighthouse comes from npm (bench/package.json and its lock file; installed into
bench/node_modules on first use) and drives Debian's Chromium (CHROME_PATH).
Lighthouse's mobile defaults: a mid-range phone on a slow 4G connection, with
throttling simulated, so the figures hold on a busy machine.

Budgets: accessibility, best practices and SEO 100; a first visit at most 80 KB
as transferred (gzip). Performance and the simulated paints are printed beside
plain Material's, as hints: how soon a page paints and can be used, as readers
feel it, is bench/page_load.py's budget (in Chromium with applied throttling).

With --before REF, the site as it was at commit REF (a git worktree in a
temporary folder, built with its own engine) is measured in the same run, each
of its pages right after the same page now, so both face the same machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import mimetypes
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from course.publish import conformance
from sites import BENCH_DIR, CHROME_PATH, COMPRESSED_TYPES, PROJECT_DIR, chromium_version, machine, served_sites, unit_pages

LIGHTHOUSE = BENCH_DIR / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_VERSION = conformance.LIGHTHOUSE_VERSION  # bench/package.json's; the accessibility statement names it
RESULTS_DIR = BENCH_DIR / "results" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUDGETED = ("accessibility", "best-practices", "seo")  # performance is simulated: a hint (bench/page_load.py)
BUDGET = {"score": 100, "gzip_kb": 80}


def ensure_lighthouse() -> None:
    installed = subprocess.run([LIGHTHOUSE, "--version"], capture_output=True, text=True, check=False) if LIGHTHOUSE.exists() else None
    if not installed or installed.stdout.strip() != LIGHTHOUSE_VERSION:
        print(f"Installing Lighthouse {LIGHTHOUSE_VERSION} from bench/package-lock.json...", file=sys.stderr)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=BENCH_DIR, check=True)


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


def misses(row: dict) -> list[str]:
    found = [f"{name} {row[name]}" for name in BUDGETED if row[name] < BUDGET["score"]]
    if row["gzip_kb"] > BUDGET["gzip_kb"]:
        found.append(f"{row['gzip_kb']:.1f} KB, {row['gzip_kb'] - BUDGET['gzip_kb']:.1f} over")
    return found


def print_table(rows: list[tuple[str, dict]], runs: int) -> None:
    baseline_lcp_s = rows[-1][1]["lcp_s"]
    print(f"Lighthouse {LIGHTHOUSE_VERSION}, mobile defaults, median of {runs}; served with gzip on loopback.")
    print(f"Chromium: {chromium_version()}; {machine()}.")
    print(
        f"Budgets: accessibility, best practices and SEO {BUDGET['score']}, first visit <= {BUDGET['gzip_kb']} KB gzip. "
        f"Performance and the simulated paints are hints (plain Material's LCP: {baseline_lcp_s:.2f} s in this run).\n"
    )
    print("| Page | Perf | A11y | Best pr. | SEO | LCP s | LCP vs plain | FCP s | First visit KB (raw) | First visit KB (gzip) | Requests | Budget misses (audits short of full marks) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for name, row in rows:
        missed = "; ".join(misses(row)) or "none"
        if row["failed"]:
            missed += f" (audits: {', '.join(row['failed'])})"
        print(
            f"| {name} | {row['performance']:.0f} | {row['accessibility']:.0f} | {row['best-practices']:.0f} | {row['seo']:.0f} "
            f"| {row['lcp_s']:.2f} | {row['lcp_s'] / baseline_lcp_s:.2f} | {row['fcp_s']:.2f} | {row['raw_kb']:.1f} | {row['gzip_kb']:.1f} "
            f"| {row['requests']} | {missed} |"
        )


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
    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as temporary, served_sites(Path(temporary), arguments.before) as sites:
        for page in unit_pages(sites.now.folder):
            name = page.rstrip("/") or "index"
            if arguments.page and name not in arguments.page:
                continue
            print(f"  {name}...", file=sys.stderr)
            rows.append((name, median_run(sites.now.url + page, arguments.runs, RESULTS_DIR / name, sites.now.url, sites.now.folder)))
            if sites.before and sites.before.has(page):
                print(f"  {name}, before...", file=sys.stderr)
                rows.append((f"{name}, {sites.before.name}", median_run(
                    sites.before.url + page, arguments.runs, RESULTS_DIR / "before" / name, sites.before.url, sites.before.folder)))
        print("  baseline...", file=sys.stderr)
        rows.append(("*Baseline: plain Material page*", median_run(
            sites.baseline.url, arguments.runs, RESULTS_DIR / "baseline", sites.baseline.url, sites.baseline.folder)))
    print_table(rows, arguments.runs)
    print(f"\nFull reports: {RESULTS_DIR.relative_to(PROJECT_DIR)}/")


if __name__ == "__main__":
    main()
