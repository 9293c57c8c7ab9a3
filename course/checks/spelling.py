"""US spellings of common words in pages and data: warnings, with the UK spelling to use.

A warning never fails the check or a build: a spelling is a matter of style,
and some US spellings are right where they stand. Left alone, because they are
not ours to respell:

- proper names and titles: a capitalised word inside a sentence (the *Journal
  of Health Organization and Management*, the World Health Organization);
- quotations ("...", “...”, ‘...’), emphasis and citations (*...*, _..._,
  <cite>, <em>, <i>), code and addresses;
- in data, the fields that hold another work's words (a reference's title and
  where it was published);
- every word in the project's word list, data/spelling.yml (`accepted:`),
  which authors extend: "program" in "a computer program" is UK English too.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..content.outline import Outline
from ..content.problems import ContentError, Problem
from ..content.schemas import SpellingFile
from ..content.yaml_files import MAX_DATA_FILE_BYTES, load_file

# The project's word list, in the data folder.
WORD_LIST = "spelling.yml"

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

# What is not ours to respell, blanked before looking (each in time proportional to the line).
_NOT_OURS = re.compile(
    r"`[^`]*`"  # code
    r"|https?://\S+|\(\s*[^()\s]+\.(?:md|png|svg|pdf)[^()]*\)"  # addresses
    r"|\"[^\"\n]*\"|“[^”\n]*”|‘[^’\n]*’"  # quotations
    r"|(?<![\w*])\*[^*\n]+\*(?!\w)|(?<!\w)_[^_\n]+_(?!\w)"  # emphasis: titles of works
    r"|<(cite|em|i|q)\b[^>]*>.*?</\1>",  # the same, in HTML
    re.IGNORECASE,
)
# Where a sentence starts: a capital there says nothing about a proper name.
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|^\s*(?:[-*+]|\d+[.)]|#+|>)\s+)[\W_]*$")
# Fields of a data file that hold another work's words: its title, where it appeared.
_OTHERS_WORDS = re.compile(r"^\s*(?:-\s*)?(?:title|published_in):")


def spelling_warnings(outline: Outline) -> list[Problem]:
    """A warning for each US spelling of ours in the pages and data, in file and line order."""
    accepted, problems = accepted_words(outline.project.data_dir, outline.project.display(outline.project.data_dir))
    warnings = list(problems)
    for page in outline.pages:
        warnings.extend(spelling_problems(page.display, page.prose_lines(), accepted))
    for path in sorted(outline.project.data_dir.rglob("*.yml")):
        if path.name != WORD_LIST:
            warnings.extend(spelling_problems(outline.project.display(path), data_text_lines(path), accepted))
    return warnings


def accepted_words(data_dir: Path, folder: str) -> tuple[set[str], list[Problem]]:
    """The word list's words, in lower case; or none, with its problems, when it cannot be read."""
    path = data_dir / WORD_LIST
    if not path.is_file():
        return set(), []
    try:
        words = load_file(path, SpellingFile, f"{folder}/{WORD_LIST}").accepted
    except ContentError as error:
        return set(), [Problem(p.file, p.line, f"warning: {p.message}") for p in error.problems]
    return {word.lower() for word in words}, []


def spelling_problems(display: str, lines, accepted: set[str] = frozenset()) -> list[Problem]:
    warnings = []
    for number, line in lines:
        line = _NOT_OURS.sub(lambda match: " " * len(match.group(0)), line)
        for match in _US_WORD.finditer(line):
            word = match.group(0)
            if word.lower() in accepted or match.group(1).lower() in accepted:
                continue
            if word[0].isupper() and not _SENTENCE_START.search(line[: match.start()]):
                continue  # a name or a title: the Journal of Health Organization and Management
            warnings.append(Problem(display, number, f"warning: '{word}' is a US spelling; write '{uk_spelling(match)}' (UK English), "
                                    f"or add '{word.lower()}' to data/{WORD_LIST} if it is right here"))
    return warnings


def uk_spelling(match: re.Match) -> str:
    word, stem, ending = match.group(0), match.group(1), match.group(2) or ""
    uk = US_TO_UK[stem.lower()]
    if stem.lower().endswith("ize") and ending.startswith("ation"):
        uk_word = uk[:-1] + ending  # organization -> organisation
    elif uk.endswith("e") and ending[:1] in ("e", "i", "a"):
        uk_word = uk[:-1] + ending  # organized -> organised
    else:
        uk_word = uk + ending
    return uk_word[0].upper() + uk_word[1:] if word[0].isupper() else uk_word


def data_text_lines(path: Path):
    """Lines of a YAML file that hold our own text (comments, and fields of another work's words, skipped);
    none for a file over the size limit, which the loader refuses (yaml_files.MAX_DATA_FILE_BYTES)."""
    with open(path, "rb") as stream:
        raw = stream.read(MAX_DATA_FILE_BYTES + 1)
    if len(raw) > MAX_DATA_FILE_BYTES:
        return
    for number, line in enumerate(raw.decode("utf-8", errors="replace").splitlines(), start=1):
        if line.lstrip().startswith("#") or _OTHERS_WORDS.match(line):
            continue
        yield number, re.sub(r"^\s*(-\s*)?[\w-]+:\s*", "", line)
