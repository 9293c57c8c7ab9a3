""""Last updated" dates: when each source file was last changed, from one git call.

One `git log` over the whole history gives every file's last commit, so a
thousand pages cost one process, not a thousand. A page shows the date of its
own Markdown file; a page made from the data (a handout) the date of the data
file it is made from. A file not yet committed shows the build date; a copy
of the project with no git history (a downloaded zip) shows no dates at all,
rather than wrong ones.
"""

from __future__ import annotations

import datetime
import subprocess
from dataclasses import dataclass
from pathlib import Path

COMMIT_MARK = "\x01"


@dataclass(frozen=True)
class LastUpdated:
    """The date a page was last changed: `iso` for <time datetime>, `text` for people ("27 November 2026")."""

    day: datetime.date

    @property
    def iso(self) -> str:
        return self.day.isoformat()

    @property
    def text(self) -> str:
        return f"{self.day.day} {self.day:%B %Y}"


class GitDates:
    """The last commit date (UTC) of every file git knows, read once."""

    def __init__(self, root: Path, last_changed: dict[str, datetime.date], fallback: datetime.date):
        self.root = root.resolve()
        self._last_changed = last_changed  # path relative to the repository's top, with /
        self._fallback = fallback

    @classmethod
    def read(cls, project_dir: Path, fallback: datetime.date) -> GitDates | None:
        """The dates of every committed file, or None when `project_dir` has no git history."""
        try:
            top = _git(project_dir, "rev-parse", "--show-toplevel").strip()
            # Newest commit first, each as \x01<commit time> then the files it changed.
            log = _git(project_dir, "log", f"--format={COMMIT_MARK}%ct", "--name-only", "--no-renames", "-z", "--", ".")
        except (OSError, subprocess.CalledProcessError):
            return None
        last_changed: dict[str, datetime.date] = {}
        day = None
        for field in log.split("\0"):
            if field.startswith(COMMIT_MARK):
                day = datetime.datetime.fromtimestamp(int(field[1:]), tz=datetime.timezone.utc).date()
            elif field.strip("\n") and day is not None:
                last_changed.setdefault(field.strip("\n"), day)  # the first time a file appears is its last change
        dates = cls(Path(top), last_changed, fallback)
        return dates

    def of(self, path: Path) -> LastUpdated:
        """When the file was last committed; the fallback date if it never was."""
        relative = Path(path).resolve().relative_to(self.root).as_posix()
        day = self._last_changed.get(relative)
        return LastUpdated(day or self._fallback)


def _git(folder: Path, *arguments: str) -> str:
    return subprocess.run(
        ["git", "-C", str(folder), *arguments], capture_output=True, text=True, check=True
    ).stdout
