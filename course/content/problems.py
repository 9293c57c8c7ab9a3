"""A problem an author can fix, located by file and line, and the error that carries a list of them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str  # relative to the project, with forward slashes: "data/unit-3/activities.yml"
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {' '.join(self.message.split())}"  # one line, whatever a parser's message held


class ContentError(Exception):
    """One or more problems in the course's pages or data; str() lists them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
