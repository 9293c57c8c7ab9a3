"""MkDocs hook: put a zip of the whole site, built for reading offline, in the site.

Alongside the normal build, this runs a second, separate build of the same
project with UNIT_OFFLINE=true (which turns on Material's offline plugin, see
mkdocs.yml) into a temporary folder; once both are done it zips that folder into
the site at `extra.offline_copy`. The two builds run at the same time, so on a
machine with two cores the zip adds little to the build's wall time. Because the second build is a complete build of the same
configuration, everything any other hook writes (PDFs, for example) is in the
zip too, whatever order the hooks run in. The second build makes no zip of its
own: UNIT_OFFLINE=true is the guard against building copies forever.

Opened from file://, a browser will not start the web worker that runs search,
so the offline plugin swaps in iframe-worker's shim. This hook makes the copy
load the shim vendored in docs/javascripts/vendor/ instead of from a CDN.

`mkdocs serve` makes no zip: it would slow every reload. Nor does a build with
UNIT_OFFLINE_ZIP=off, for an author who wants a quicker build and says so.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

OFFLINE_SWITCH = "UNIT_OFFLINE"
SKIP_SWITCH = "UNIT_OFFLINE_ZIP"
IFRAME_WORKER_SHIM = "javascripts/vendor/iframe-worker-shim.js"
# Source maps only help someone debugging the theme in developer tools.
LEFT_OUT_OF_ZIP = ("*.map",)
# Zip entries get this date (the earliest a zip can hold) unless SOURCE_DATE_EPOCH
# says otherwise, so that building twice gives the same bytes.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)

log = logging.getLogger("mkdocs.hooks.offline_zip")
_command: str | None = None


def on_startup(command, dirty, **kwargs):
    global _command
    _command = command


def is_offline_build(config) -> bool:
    return bool(config.extra.get("offline"))


@event_priority(100)  # before the offline plugin, which adds the CDN's shim if none is listed
def on_config(config, **kwargs):
    if is_offline_build(config):
        polyfills = list(config.extra.get("polyfills") or [])
        if IFRAME_WORKER_SHIM not in polyfills:
            polyfills.insert(0, IFRAME_WORKER_SHIM)
        config.extra["polyfills"] = polyfills
    return config


def wants_zip(config) -> bool:
    if is_offline_build(config) or _command == "serve":
        return False
    if os.environ.get(SKIP_SWITCH) == "off":
        log.info("No offline copy: %s=off.", SKIP_SWITCH)
        return False
    return True


class OfflineBuild:
    """The offline copy's build, running in its own process while the main build runs."""

    def __init__(self, config):
        self.folder = tempfile.TemporaryDirectory(prefix="offline-site-")
        self.site_dir = Path(self.folder.name) / "site"
        self.log_file = Path(self.folder.name) / "build.log"
        cli = type(config).__module__.split(".")[0]  # "mkdocs", or a drop-in fork's name
        config_file = Path(config.config_file_path)
        with open(self.log_file, "w", encoding="utf-8") as log_output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", cli, "build", "--strict", "--config-file", str(config_file), "--site-dir", str(self.site_dir)],
                cwd=config_file.parent,
                env={**os.environ, OFFLINE_SWITCH: "true"},
                stdout=subprocess.DEVNULL,
                stderr=log_output,
            )

    def finish(self) -> Path:
        """Wait for the build; its site folder, or PluginError with the end of its log."""
        if self.process.wait() != 0:
            output = self.log_file.read_text(encoding="utf-8").strip().splitlines()
            raise PluginError("The offline copy's build failed:\n" + "\n".join(output[-30:]))
        return self.site_dir

    def discard(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.folder.cleanup()


_offline_build: OfflineBuild | None = None


def on_pre_build(config, **kwargs):
    global _offline_build
    if wants_zip(config):
        _offline_build = OfflineBuild(config)


def on_post_build(config, **kwargs):
    global _offline_build
    if _offline_build is None:
        return
    build, _offline_build = _offline_build, None
    target = Path(config.site_dir) / config.extra["offline_copy"]
    try:
        offline_site = build.finish()
        use_the_online_pdfs(Path(config.site_dir), offline_site)
        count = write_zip(offline_site, target, folder=target.stem)
    finally:
        build.discard()
    log.info("Offline copy: %s (%d files, %d KB)", target.relative_to(config.site_dir), count, target.stat().st_size // 1024)


def use_the_online_pdfs(site_dir: Path, offline_site: Path) -> None:
    """Put this build's PDFs in the offline copy in place of its own.

    A PDF's links lead to the site online; rendered from the offline copy's
    pages they would lead to its file-style addresses (flocking.html), which do
    not exist online. The PDFs are the same documents in both copies.
    """
    for pdf in sorted((site_dir / "pdf").glob("*.pdf")):
        target = offline_site / "pdf" / pdf.name
        if target.exists():
            shutil.copyfile(pdf, target)


def on_build_error(error, **kwargs):
    global _offline_build
    if _offline_build is not None:
        _offline_build.discard()
        _offline_build = None


def zip_date() -> tuple[int, ...]:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return ZIP_EPOCH
    import time

    return max(ZIP_EPOCH, tuple(time.gmtime(int(epoch))[:6]))


def write_zip(source: Path, target: Path, folder: str) -> int:
    """Zip every file under source into target, inside one top-level folder.

    Source maps are left out. Entries are sorted and carry a fixed date and permissions, so the same site
    always gives the same zip.
    """
    files = sorted(
        path for path in source.rglob("*") if path.is_file() and not any(path.match(pattern) for pattern in LEFT_OUT_OF_ZIP)
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    date = zip_date()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in files:
            entry = zipfile.ZipInfo(f"{folder}/{path.relative_to(source).as_posix()}", date_time=date)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, path.read_bytes(), compresslevel=6)
    return len(files)
