"""MkDocs hook: show "Last updated" dates only when there is git history to read.

mkdocs-git-revision-date-localized-plugin reads each page's last commit. A copy
of the project without its .git folder (a zip or tarball download) has none, so
this turns the plugin off before it runs, and the pages show no date rather
than a wrong one (see overrides/partials/source-file.html).
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

from mkdocs.plugins import event_priority

PLUGIN_NAME = "git-revision-date-localized"
log = logging.getLogger("mkdocs.hooks.git_dates")


def has_git_history(folder: Path) -> bool:
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--verify", "--quiet", "HEAD"],
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:  # git itself is not installed
        return False
    return result.returncode == 0


@event_priority(100)  # before the plugin's own on_config, which already reads git
def on_config(config, **kwargs):
    plugin = config.plugins.get(PLUGIN_NAME)
    if plugin is None or not plugin.config.get("enabled"):
        return config
    project_dir = Path(config.config_file_path).parent
    if not has_git_history(project_dir):
        plugin.config["enabled"] = False
        log.info("No git history in %s: pages will show no 'Last updated' date.", project_dir)
    return config
