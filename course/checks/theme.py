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
    """A problem for each feature in theme.features the course refuses, at its line in mkdocs.yml
    (or in the file it INHERITs, where the feature is listed there)."""
    features = config.theme.get("features") or []
    config_file = Path(config.config_file_path)
    problems = []
    for feature, reason in REFUSED.items():
        if feature in features:
            where, line = _line_of_feature(config_file, feature)
            problems.append(Problem(where, line, f"theme.features: '{feature}' is not supported: {reason}"))
    return problems


_INHERIT = re.compile(r"^INHERIT:\s*['\"]?([^'\"#]+?)['\"]?\s*(#.*)?$")


def _line_of_feature(config_file: Path, feature: str) -> tuple[str, int | None]:
    """The file, by its path from the project, and the line listing `feature`: in mkdocs.yml, or else in
    the files it INHERITs, as MkDocs follows them (the file itself when no line lists it)."""
    pattern = re.compile(rf"^\s*-\s*['\"]?{re.escape(feature)}['\"]?\s*(#.*)?$")
    project, current, seen = config_file.parent, config_file, set()
    while current.is_file() and current not in seen:
        seen.add(current)
        inherits = None
        for number, line in enumerate(current.read_text(encoding="utf-8").splitlines(), start=1):
            if pattern.match(line):
                return _shown(current, project), number
            found = _INHERIT.match(line)
            if found:
                inherits = found.group(1).strip()
        if inherits is None:
            break
        current = (current.parent / inherits).resolve()
    return config_file.name, None


def _shown(path: Path, project: Path) -> str:
    try:
        return path.resolve().relative_to(project.resolve()).as_posix()
    except ValueError:
        return path.name
