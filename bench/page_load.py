"""First paint and usable, as a reader on a slow phone feels them: every page of the unit loaded
in Chromium with applied throttling, beside plain Material loaded the same way in the same run.

    .venv/bin/python bench/page_load.py [--runs 5] [--before REF] [--page NAME] [--trace]

Each load is cold (a fresh browser context: empty cache, no storage) in Debian's Chromium,
driven by Playwright, with the Chrome DevTools Protocol applying the throttling, not
simulating it: 150 ms of latency on every request, 1.6 Mbit/s down and 750 kbit/s up
(Network.emulateNetworkConditions) and a CPU four times slower (Emulation.setCPUThrottlingRate),
on a phone's screen (412 by 823 CSS pixels, as Lighthouse's mobile). The sites are served on
loopback as GitHub Pages serves them, gzip included (bench/sites.py).

- **First paint**: the browser's first contentful paint (the `paint` entry
  `first-contentful-paint`): the first text or image the reader sees.
- **Usable**: Material's bundle has started, its components (search, the colour-scheme
  toggle, the navigation, the tooltips) are set up, and so are the page's own tools. Material's
  part is observed the same way on every site: the bench notes when the bundle's `document$`
  has been handled (the first page it shows, every subscriber run). The site's part is its own
  signal: `course.js` marks `course:ready` (a performance mark) once every component on the
  page is set up, answer boxes filled with the answers kept in this browser, the self-check's
  form shown, the simulation drawn and waiting to play (guides/architecture.md, "The front end").
  Usable is the later of the two.

Pages, and plain Material beside each, are loaded in turn, run after run (the order of the
sites rotating), so a busy machine weighs on all of them alike; each figure is a median of
`--runs` loads. Budgets: first paint at most 0.9 times, usable at most 1.2 times plain
Material's, on every page. With --before REF, the site as it was at an earlier commit is
loaded in the same run. With --trace, each page is loaded once more on each site while
Chromium records a trace, and the renderer's main-thread work until the page was usable is
summed by kind and by script (the traces are kept in bench/results/page-load/ for the
performance panel). A benchmark, not a test: it prints tables and asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from playwright.sync_api import sync_playwright

from sites import BENCH_DIR, CHROME_PATH, chromium_version, machine, served_sites, unit_pages

RESULTS_DIR = BENCH_DIR / "results" / "page-load"
THROTTLING = {"latency_ms": 150, "download_kbit_s": 1600, "upload_kbit_s": 750, "cpu_slowdown": 4}
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
BUDGET = {"first_paint": 0.9, "usable": 1.2}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
MATERIAL_STARTED = "bench:material-started"
SITE_READY = "course:ready"  # docs/javascripts/course.js
TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink.user_timing",
                    "loading", "toplevel", "v8"]

# Runs in every page before its own scripts. Material's bundle ends by publishing its
# `document$` on window; the bench subscribes then, after the bundle's own subscribers, and
# marks the moment once every subscriber has handled the first page (a microtask after them).
OBSERVER = """
(function () {
  var published;
  Object.defineProperty(window, "document$", {
    configurable: true,
    get: function () { return published; },
    set: function (subject) {
      published = subject;
      var seen = false;
      subject.subscribe(function () {
        if (seen) return;
        seen = true;
        queueMicrotask(function () { performance.mark("%s"); });
      });
    },
  });
  window.__benchLcp = null;
  new PerformanceObserver(function (list) {
    var entries = list.getEntries();
    window.__benchLcp = entries[entries.length - 1].startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
})();
""" % MATERIAL_STARTED

# Once the page has loaded and Material's bundle has started: what happened when (ms since the
# navigation started).
READ_TIMINGS = """
([started, ready]) => new Promise((resolve, reject) => {
  const mark = name => { const entry = performance.getEntriesByName(name, "mark")[0]; return entry ? entry.startTime : null; };
  const deadline = performance.now() + 30000;
  function read() {
    if (mark(started) === null || document.readyState !== "complete") {
      if (performance.now() > deadline) return reject(new Error("Material's bundle never started"));
      return setTimeout(read, 50);
    }
    const navigation = performance.getEntriesByType("navigation")[0];
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    resolve({
      firstPaint: paint ? paint.startTime : null,
      largestPaint: window.__benchLcp,
      materialStarted: mark(started),
      siteReady: mark(ready),
      responseEnd: navigation.responseEnd,
      domInteractive: navigation.domInteractive,
      domContentLoaded: navigation.domContentLoadedEventEnd,
      load: navigation.loadEventEnd,
      htmlBytes: navigation.transferSize,
      screenStylesheets: [...document.querySelectorAll("link[rel=stylesheet]")]
        .filter(link => !link.media || matchMedia(link.media).matches).map(link => link.href),
      resources: performance.getEntriesByType("resource").map(entry => ({
        name: entry.name, type: entry.initiatorType, start: entry.startTime, end: entry.responseEnd, bytes: entry.transferSize,
      })),
    });
  }
  read();
})
"""


def throttle(context, page) -> None:
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", {
        "offline": False,
        "latency": THROTTLING["latency_ms"],
        "downloadThroughput": THROTTLING["download_kbit_s"] * 1000 / 8,
        "uploadThroughput": THROTTLING["upload_kbit_s"] * 1000 / 8,
    })
    session.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLING["cpu_slowdown"]})


def load(browser, url: str, trace: Path | None = None) -> dict:
    """One cold load of `url`: its timings, and the bytes it fetched until it was usable."""
    context = browser.new_context(**PHONE)
    try:
        context.add_init_script(OBSERVER)
        page = context.new_page()
        throttle(context, page)
        if trace:
            browser.start_tracing(page=page, path=str(trace), categories=TRACE_CATEGORIES)
        page.goto(url, wait_until="load", timeout=60_000)
        timings = page.evaluate(READ_TIMINGS, [MATERIAL_STARTED, SITE_READY])
        if trace:
            browser.stop_tracing()
    finally:
        context.close()
    usable = max(filter(None, (timings["materialStarted"], timings["siteReady"])))
    before_usable = [r for r in timings["resources"] if r["end"] <= usable]
    return {
        **timings,
        "usable": usable,
        "kb_until_usable": (timings["htmlBytes"] + sum(r["bytes"] for r in before_usable)) / 1024,
        "stylesheets_done": max((r["end"] for r in timings["resources"] if r["name"] in timings["screenStylesheets"]), default=None),
        "scripts_asked": min((r["start"] for r in timings["resources"] if r["name"].endswith(".js")), default=None),
        "scripts_done": max((r["end"] for r in before_usable if r["name"].endswith(".js")), default=None),
    }


def median(loads: list[dict], key: str) -> float | None:
    values = [load[key] for load in loads if load.get(key) is not None]
    return statistics.median(values) if values else None


def measure(browser, sites, pages: list[str], runs: int) -> dict[tuple[str, str], list[dict]]:
    """Every page on every site, `runs` times, interleaved: loads[(site name, page)]."""
    loads: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for run in range(runs):
        for page in pages:
            turn = [(sites.baseline, "")] + [(site, page) for site in (sites.before, sites.now) if site and site.has(page)]
            shift = run % len(turn)
            for site, path in turn[shift:] + turn[:shift]:
                loads[(site.name, page)].append(load(browser, site.url + path))
            print(f"  run {run + 1}/{runs}: {page or 'index'}", file=sys.stderr)
    return loads


def ratio(value: float | None, plain: float | None) -> str:
    return f"{value / plain:.2f}" if value is not None and plain else "–"


def print_tables(loads, sites, pages: list[str], runs: int) -> None:
    throttling = THROTTLING
    print(f"Chromium with applied throttling: {throttling['latency_ms']} ms latency, {throttling['download_kbit_s'] / 1000:g} Mbit/s down, "
          f"{throttling['upload_kbit_s']} kbit/s up, CPU {throttling['cpu_slowdown']}x slower; 412 x 823 phone; cold cache; "
          f"served with gzip on loopback. Median of {runs} loads.")
    print(f"{chromium_version()}; {machine()}.")
    print(f"Budgets: first paint <= {BUDGET['first_paint']} x, usable <= {BUDGET['usable']} x plain Material's, loaded beside each page.\n")
    before = sites.before
    columns = ["Page", "Plain: first paint ms", "usable ms"]
    if before:
        columns += ["First paint / plain, before", "now", "Usable / plain, before", "now"]
    else:
        columns += ["First paint / plain", "Usable / plain"]
    columns += ["Budgets now"]
    print("| " + " | ".join(columns) + " |")
    print("| --- |" + " ---: |" * (len(columns) - 2) + " --- |")
    for page in pages:
        plain = loads[(sites.baseline.name, page)]
        plain_paint, plain_usable = median(plain, "firstPaint"), median(plain, "usable")
        now = loads[(sites.now.name, page)]
        cells = [page.rstrip("/") or "index", f"{plain_paint:.0f}", f"{plain_usable:.0f}"]
        paint_now, usable_now = median(now, "firstPaint"), median(now, "usable")
        if before:
            was = loads.get((before.name, page), [])
            cells += [ratio(median(was, "firstPaint"), plain_paint), ratio(paint_now, plain_paint),
                      ratio(median(was, "usable"), plain_usable), ratio(usable_now, plain_usable)]
        else:
            cells += [ratio(paint_now, plain_paint), ratio(usable_now, plain_usable)]
        missed = []
        if paint_now / plain_paint > BUDGET["first_paint"]:
            missed.append(f"first paint {paint_now / plain_paint - BUDGET['first_paint']:.2f} over")
        if usable_now / plain_usable > BUDGET["usable"]:
            missed.append(f"usable {usable_now / plain_usable - BUDGET['usable']:.2f} over")
        cells.append("; ".join(missed) or "met")
        print("| " + " | ".join(cells) + " |")

    print("\nWhere the time goes: medians in ms since the navigation started; KB fetched until usable.\n")
    keys = ("responseEnd", "stylesheets_done", "firstPaint", "largestPaint", "scripts_asked", "scripts_done",
            "domContentLoaded", "materialStarted", "siteReady", "usable", "kb_until_usable")
    print("| Page | Site | HTML in | Stylesheets in | First paint | Largest paint | Scripts asked for | Scripts in "
          "| DOMContentLoaded | Material started | Site ready | Usable | KB |")
    print("| --- | --- |" + " ---: |" * len(keys))
    for page in pages:
        for site in (sites.baseline, before, sites.now):
            if site is None or not loads.get((site.name, page)):
                continue
            values = [median(loads[(site.name, page)], key) for key in keys]
            shown = ["–" if value is None else (f"{value:.1f}" if key == "kb_until_usable" else f"{value:.0f}")
                     for key, value in zip(keys, values)]
            print(f"| {page.rstrip('/') or 'index'} | {site.name} | " + " | ".join(shown) + " |")


# --- The trace: the renderer's main thread until the page was usable ------------------------------

KINDS = {
    "ParseHTML": "parsing HTML",
    "ParseAuthorStyleSheet": "parsing stylesheets",
    "UpdateLayoutTree": "style", "RecalculateStyles": "style",
    "Layout": "layout",
    "PrePaint": "paint", "Paint": "paint", "Layerize": "paint", "UpdateLayer": "paint", "Commit": "paint",
    "EvaluateScript": "script", "FunctionCall": "script", "v8.compile": "script", "v8.run": "script",
    "V8.CompileCode": "script", "v8.produceCache": "script", "EventDispatch": "script", "TimerFire": "script",
    "FireAnimationFrame": "script", "RunMicrotasks": "script", "v8.evaluateModule": "script",
    "BlinkScheduler_PerformMicrotaskCheckpoint": "script", "V8.BytecodeBudgetInterrupt": "script",
    "v8.newInstance": "script", "v8.callFunction": "script", "V8.StackGuard": "script", "V8.HandleInterrupts": "script",
    "MinorGC": "garbage collection", "MajorGC": "garbage collection", "V8.GC_SCAVENGER": "garbage collection",
}


def main_thread_work(trace: Path, url: str) -> dict:
    """Self time on the page's main thread from its navigation to the last of the usable marks, by kind and by script."""
    data = json.loads(trace.read_text())
    events = data["traceEvents"] if isinstance(data, dict) else data
    navigation = next((e for e in events if e.get("name") == "navigationStart"
                       and e.get("args", {}).get("data", {}).get("documentLoaderURL") == url), None)
    if navigation is None:
        return {}
    thread, start = (navigation["pid"], navigation["tid"]), navigation["ts"]
    mine = [e for e in events if (e.get("pid"), e.get("tid")) == thread]
    end = max((e["ts"] for e in mine if e.get("name") in (MATERIAL_STARTED, SITE_READY)), default=None)
    if end is None:
        return {}
    spans = sorted((e for e in mine if e.get("ph") == "X" and start <= e["ts"] <= end and "dur" in e),
                   key=lambda e: (e["ts"], -e["dur"]))
    by_kind: dict[str, float] = defaultdict(float)
    by_script: dict[str, float] = defaultdict(float)
    stack: list[dict] = []
    for event in spans + [None]:
        while stack and (event is None or event["ts"] >= stack[-1]["ts"] + stack[-1]["dur"]):
            done = stack.pop()
            own = (done["dur"] - done["children"]) / 1000
            by_kind[KINDS.get(done["name"], "other")] += own
            if done["script"]:
                by_script[done["script"]] += own
            if stack:
                stack[-1]["children"] += done["dur"]
        if event is None:
            break
        data_ = event.get("args", {}).get("data", {}) or {}
        script = data_.get("url") if isinstance(data_, dict) else None
        stack.append({"name": event["name"], "ts": event["ts"], "dur": event["dur"], "children": 0,
                      "script": (script or (stack[-1]["script"] if stack else None))})
    return {"until_ms": (end - start) / 1000, "by_kind": dict(by_kind), "by_script": dict(by_script)}


def print_profiles(browser, sites, pages: list[str]) -> None:
    print("\nMain-thread work until usable, from one traced load each (ms of the renderer's main thread, "
          f"CPU {THROTTLING['cpu_slowdown']}x slower; traces in {RESULTS_DIR.relative_to(BENCH_DIR.parent)}/):\n")
    kinds = ["script", "style", "layout", "paint", "parsing HTML", "parsing stylesheets", "garbage collection", "other"]
    print("| Page | Site | Usable at | Busy | " + " | ".join(kinds) + " | Scripts (self time) |")
    print("| --- | --- |" + " ---: |" * (len(kinds) + 2) + " --- |")
    for page in pages:
        for site in (sites.baseline, sites.before, sites.now):
            if site is None or (site is not sites.baseline and not site.has(page)):
                continue
            path = "" if site is sites.baseline else page
            slug = (page.rstrip("/") or "index").replace("/", "-")
            trace = RESULTS_DIR / f"trace-{slug}-{site.name.split()[0]}.json"
            load(browser, site.url + path, trace)
            work = main_thread_work(trace, site.url + path)
            if not work:
                continue
            scripts = sorted(work["by_script"].items(), key=lambda item: -item[1])[:4]
            named = ", ".join(f"{name.rsplit('/', 1)[-1]} {ms:.0f}" for name, ms in scripts)
            print(f"| {page.rstrip('/') or 'index'} | {site.name} | {work['until_ms']:.0f} | {sum(work['by_kind'].values()):.0f} | "
                  + " | ".join(f"{work['by_kind'].get(kind, 0):.0f}" for kind in kinds) + f" | {named} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold loads of each page on each site; the median is shown")
    parser.add_argument("--page", action="append", help="only this page (e.g. index, complex-systems); repeatable")
    parser.add_argument("--before", metavar="REF", help="also load the site as it was at this git commit, in the same run")
    parser.add_argument("--trace", action="store_true", help="then profile each page's main thread from a Chromium trace")
    arguments = parser.parse_args()
    if RESULTS_DIR.exists():
        shutil.rmtree(RESULTS_DIR)
    RESULTS_DIR.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="bench-page-load-") as temporary, served_sites(Path(temporary), arguments.before) as sites:
        pages = [page for page in unit_pages(sites.now.folder) if not arguments.page or (page.rstrip("/") or "index") in arguments.page]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROME_PATH, args=CHROMIUM_ARGS)
            loads = measure(browser, sites, pages, arguments.runs)
            (RESULTS_DIR / "loads.json").write_text(json.dumps({f"{site} | {page}": runs for (site, page), runs in loads.items()}, indent=1))
            print_tables(loads, sites, pages, arguments.runs)
            if arguments.trace:
                print_profiles(browser, sites, pages)
            browser.close()


if __name__ == "__main__":
    main()
