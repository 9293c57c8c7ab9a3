"""The theme's features the course cannot work with, refused with the reason.

Material's instant navigation (theme.features: navigation.instant) shows the next page by
swapping the current one's content, without loading the next page: the scripts and settings
in its head are not read. A page's own script (the simulation, the self-check, My workbook,
the presenter view: front matter `scripts:`, loaded in the head, overrides/main.html) and the
unit a page belongs to (its answers' storage key, in `course-settings`) come only with a page
that loads, so those tools would not start and answers could be kept under another unit's
name. The build stops on it, naming the line, as `make check` does.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..content.problems import Problem

REFUSED = {
    "navigation.instant": (
        "Material's instant navigation shows a page without loading it, so its own script (the simulation, "
        "the self-check, My workbook, the presenter view) would not start and its unit's answers could be kept "
        "under another unit's name; remove it from theme.features in mkdocs.yml"
    ),
}


def check_theme_features(config) -> list[Problem]:
    """A problem for each feature in theme.features the course refuses, at its line in mkdocs.yml."""
    features = config.theme.get("features") or []
    config_file = Path(config.config_file_path)
    return [
        Problem(config_file.name, _line_of_feature(config_file, feature), f"theme.features: '{feature}' is not supported: {reason}")
        for feature, reason in REFUSED.items()
        if feature in features
    ]


def _line_of_feature(config_file: Path, feature: str) -> int | None:
    """The line listing `feature` in the configuration file (None when it comes from a file it INHERITs)."""
    pattern = re.compile(rf"^\s*-\s*['\"]?{re.escape(feature)}['\"]?\s*(#.*)?$")
    for number, line in enumerate(config_file.read_text(encoding="utf-8").splitlines(), start=1):
        if pattern.match(line):
            return number
    return None
