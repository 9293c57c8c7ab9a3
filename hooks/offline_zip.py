"""MkDocs hook: put a zip of the whole site, built for reading offline, in the site.

After the normal build, this runs a second, separate build of the same project
with UNIT_OFFLINE=true (which turns on Material's offline plugin, see mkdocs.yml)
into a temporary folder, and zips that folder into the site at
`extra.offline_copy`. Because the second build is a complete build of the same
configuration, everything any other hook writes (PDFs, for example) is in the
zip too, whatever order the hooks run in. The second build makes no zip of its
own: UNIT_OFFLINE=true is the guard against building copies forever.

Opened from file://, a browser will not start the web worker that runs search,
so the offline plugin swaps in iframe-worker's shim. This hook makes the copy
load the shim vendored in docs/javascripts/vendor/ instead of from a CDN.

`mkdocs serve` makes no zip: it would slow every reload.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

OFFLINE_SWITCH = "UNIT_OFFLINE"
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


def on_post_build(config, **kwargs):
    if is_offline_build(config) or _command == "serve":
        return
    target = Path(config.site_dir) / config.extra["offline_copy"]
    with tempfile.TemporaryDirectory(prefix="offline-site-") as temporary:
        offline_site = Path(temporary) / "site"
        build_offline_copy(config, offline_site)
        count = write_zip(offline_site, target, folder=target.stem)
    log.info("Offline copy: %s (%d files, %d KB)", target.relative_to(config.site_dir), count, target.stat().st_size // 1024)


def build_offline_copy(config, site_dir: Path) -> None:
    """Build the same project, with the offline plugin on, into site_dir."""
    cli = type(config).__module__.split(".")[0]  # "mkdocs", or a drop-in fork's name
    config_file = Path(config.config_file_path)
    result = subprocess.run(
        [sys.executable, "-m", cli, "build", "--strict", "--config-file", str(config_file), "--site-dir", str(site_dir)],
        cwd=config_file.parent,
        env={**os.environ, OFFLINE_SWITCH: "true"},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise PluginError(f"The offline copy's build failed:\n{result.stderr.strip()}")


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
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            entry = zipfile.ZipInfo(f"{folder}/{path.relative_to(source).as_posix()}", date_time=date)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, path.read_bytes(), compresslevel=9)
    return len(files)
