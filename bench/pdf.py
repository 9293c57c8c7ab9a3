"""Time the PDF step: pages, size and seconds for each PDF the build makes.

    .venv/bin/python bench/pdf.py [--runs N]

Builds the site once without PDFs (UNIT_PDF=skip) into a temporary folder,
then renders every page that the build would make into a PDF, N times
(default 3), one after another, with the same code the build uses
(course/paper/pdf.py; a build renders them several at once). Also times
a whole `mkdocs build` with and without PDFs. A benchmark, not a test: it
prints numbers and asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from course.paper.pdf import check_toolchain, render_pdf

PROJECT_DIR = Path(__file__).resolve().parent.parent

SITE_URL = "https://example.org/unit-3/"  # any address: only the PDFs' links would show it


def build(site_dir: Path, pdfs: bool) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "UNIT_PDF": "build" if pdfs else "skip"}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
        cwd=PROJECT_DIR,
        env=env,
        check=True,
    )
    return time.perf_counter() - started


def pages_with_pdfs(site_dir: Path) -> list[tuple[Path, str]]:
    """(built page, PDF name) for each page whose Download PDF link points into pdf/."""
    from bs4 import BeautifulSoup

    found = []
    for html_file in sorted(site_dir.rglob("index.html")):
        link = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").find("a", class_="pdf-download__link")
        if link:
            found.append((html_file, Path(link["href"]).name))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    print(f"WeasyPrint {check_toolchain()}, {runs} run(s) per PDF; median seconds\n")
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        without = build(site, pdfs=False)
        rows, total = [], 0.0
        for html_file, name in pages_with_pdfs(site):
            times = []
            for _ in range(runs):
                rendered = render_pdf(html_file, site / "pdf" / name, site, SITE_URL)
                times.append(rendered.seconds)
            median = statistics.median(times)
            total += median
            rows.append((name, rendered.facts.pages, rendered.facts.size, median))
        width = max(len(name) for name, *_ in rows)
        print(f"{'PDF':<{width}}  {'pages':>5}  {'size':>7}  {'seconds':>7}  {'s/page':>6}")
        for name, pages, size, seconds in rows:
            print(f"{name:<{width}}  {pages:>5}  {size:>7}  {seconds:>7.2f}  {seconds / pages:>6.2f}")
        print(f"{'all PDFs':<{width}}  {sum(r[1] for r in rows):>5}  {'':>7}  {total:>7.2f}")
        with_pdfs = build(Path(temp) / "site-with-pdfs", pdfs=True)
        print(f"\nmkdocs build --strict: {without:.1f} s without PDFs (UNIT_PDF=skip), {with_pdfs:.1f} s with them")


if __name__ == "__main__":
    main()
