"""US spellings of common words, in pages and data, with the UK spelling to use."""

from __future__ import annotations

import re
from pathlib import Path

from ..content.outline import Outline
from ..content.problems import Problem
from ..content.yaml_files import MAX_DATA_FILE_BYTES

US_TO_UK = {
    "analyze": "analyse",
    "behavior": "behaviour",
    "catalog": "catalogue",
    "center": "centre",
    "color": "colour",
    "defense": "defence",
    "favor": "favour",
    "favorite": "favourite",
    "honor": "honour",
    "labor": "labour",
    "mobilize": "mobilise",
    "neighbor": "neighbour",
    "neighborhood": "neighbourhood",
    "organization": "organisation",
    "organize": "organise",
    "prioritize": "prioritise",
    "program": "programme",
    "realize": "realise",
    "recognize": "recognise",
    "specialize": "specialise",
    "utilize": "use",
}
_US_WORD = re.compile(r"\b(" + "|".join(US_TO_UK) + r")(s|d|ed|es|ing|ation|ations|al)?\b", re.IGNORECASE)


def check_spelling(outline: Outline) -> list[Problem]:
    problems = []
    for page in outline.pages:
        problems.extend(spelling_problems(page.display, page.prose_lines()))
    for path in sorted(outline.project.data_dir.rglob("*.yml")):
        problems.extend(spelling_problems(outline.project.display(path), data_text_lines(path)))
    return problems


def spelling_problems(display: str, lines) -> list[Problem]:
    problems = []
    for number, line in lines:
        line = re.sub(r"\(\s*[^()\s]+\.(md|png|svg|pdf)[^()]*\)|https?://\S+|`[^`]*`", " ", line)
        for match in _US_WORD.finditer(line):
            word = match.group(0)
            stem, ending = match.group(1), match.group(2) or ""
            uk = US_TO_UK[stem.lower()]
            if stem.lower().endswith("ize") and ending.startswith("ation"):
                uk_word = uk[:-1] + ending  # organization -> organisation
            elif uk.endswith("e") and ending[:1] in ("e", "i", "a"):
                uk_word = uk[:-1] + ending  # organized -> organised
            elif stem.lower() == "program" and ending.startswith("m"):
                continue
            else:
                uk_word = uk + ending
            if word[0].isupper():
                uk_word = uk_word[0].upper() + uk_word[1:]
            problems.append(Problem(display, number, f"'{word}' is a US spelling; write '{uk_word}' (UK English)"))
    return problems


def data_text_lines(path: Path):
    """Lines of a YAML file that hold text values (comments skipped); none for a file over the size
    limit, which the loader refuses (yaml_files.MAX_DATA_FILE_BYTES)."""
    with open(path, "rb") as stream:
        raw = stream.read(MAX_DATA_FILE_BYTES + 1)
    if len(raw) > MAX_DATA_FILE_BYTES:
        return
    for number, line in enumerate(raw.decode("utf-8", errors="replace").splitlines(), start=1):
        if line.lstrip().startswith("#"):
            continue
        yield number, re.sub(r"^\s*(-\s*)?[\w-]+:\s*", "", line)
