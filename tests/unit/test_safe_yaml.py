"""YAML that cannot hurt: data files and front matter refuse what course data never needs, in one located line."""

from __future__ import annotations

import pytest
import yaml

from course.content import schemas
from course.content.problems import ContentError
from course.content.safe_yaml import MAX_DEPTH, Refused, check_events
from course.content.yaml_files import MAX_DATA_FILE_BYTES, MAX_PROBLEMS_PER_FILE, load_file
from engine import billion_laughs, nested

FILE = "data/unit-1/simple_rules.yml"
RULES = "heading: Simple rules\nrules:\n  - name: About leading\n    description: Lead.\n"


def problems_of(tmp_path, text: str | bytes) -> list[str]:
    path = tmp_path / "simple_rules.yml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with pytest.raises(ContentError) as caught:
        load_file(path, schemas.SimpleRulesFile, FILE)
    return [str(problem) for problem in caught.value.problems]


NOT_NEEDED = "course data needs no anchors, aliases or merge keys"

REFUSED = {
    "a billion laughs, nine levels": (RULES + billion_laughs(9), 5, f"'&a0' is a YAML anchor; {NOT_NEEDED}"),
    "an alias": (RULES + "heading2: *somewhere\n", 5, f"'*somewhere' is a YAML alias; {NOT_NEEDED}: write the value out in full"),
    "an anchor on a value": ("heading: &h Simple rules\nrules: []\n", 1, f"'&h' is a YAML anchor; {NOT_NEEDED}"),
    "a merge key": (RULES + "extra:\n  <<: {a: 1}\n", 6, f"'<<' is a YAML merge key; {NOT_NEEDED}: write the fields out in full"),
    "a Python tag": ("heading: !!python/object/apply:os.system [echo]\n", 1, "'tag:yaml.org,2002:python/object/apply:os.system' is a YAML tag"),
    "a local tag": ("heading: !custom Simple rules\n", 1, "'!custom' is a YAML tag; course data needs none"),
    "a list as a key": ("? [a, b]\n: c\n", 1, "a list or mapping is used as a key"),
    "nesting 5,000 deep": (nested(5000), 1, f"lists and mappings are nested more than {MAX_DEPTH} deep here"),
    "a block mapping nested 50 deep": ("".join("  " * level + f"k{level}:\n" for level in range(50)) + "  " * 50 + "v\n", 21, "nested more than"),
}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_what_course_data_never_needs_is_one_located_problem(tmp_path, case):
    text, line, phrase = REFUSED[case]
    [problem] = problems_of(tmp_path, text)
    assert problem.startswith(f"{FILE}:{line}: ") and phrase in problem, problem


def test_the_refusal_comes_before_anything_is_built_from_the_aliases(tmp_path):
    """A billion laughs is refused at its first anchor: nothing walks the aliases."""
    text = RULES + billion_laughs(9).replace("&a0 ", "").replace(
        "lol1: &a1 [" + ",".join(["*a0"] * 9), "lol1: &a1 [" + ",".join(["lol"] * 9)
    )
    [problem] = problems_of(tmp_path, text)
    assert problem.startswith(f"{FILE}:6: '&a1' is a YAML anchor")


def test_nesting_up_to_the_limit_is_read_and_validated(tmp_path):
    [problem] = problems_of(tmp_path, RULES.replace("heading: Simple rules", nested(MAX_DEPTH - 1).rstrip().replace("a: ", "heading: ")))
    assert "field 'heading'" in problem and "nested" not in problem, problem
    [problem] = problems_of(tmp_path, RULES.replace("heading: Simple rules", nested(MAX_DEPTH).rstrip().replace("a: ", "heading: ")))
    assert f"nested more than {MAX_DEPTH} deep" in problem


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path):
    text = RULES + "# " + "x" * MAX_DATA_FILE_BYTES + "\n"
    [problem] = problems_of(tmp_path, text)
    assert problem == f"{FILE}:1: the file is over the limit of {MAX_DATA_FILE_BYTES // 1024} KB for a data file; split it, or shorten it"


def test_a_file_at_the_size_limit_is_read(tmp_path):
    text = RULES + "# " + "x" * (MAX_DATA_FILE_BYTES - len(RULES) - 3) + "\n"
    path = tmp_path / "simple_rules.yml"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size == MAX_DATA_FILE_BYTES
    assert load_file(path, schemas.SimpleRulesFile, FILE).heading == "Simple rules"


@pytest.mark.parametrize(
    ("value", "phrase"),
    [
        ("1" * 5000, "this value cannot be read (Exceeds the limit (4300 digits)"),
        ("2024-13-45", "this value cannot be read (month must be in 1..12); put it in quotes if it is text"),
    ],
)
def test_a_value_yaml_cannot_make_names_its_line(tmp_path, value, phrase):
    [problem] = problems_of(tmp_path, RULES + f"    source: {value}\n")
    assert problem.startswith(f"{FILE}:5: ") and phrase in problem, problem


def test_a_control_character_names_its_line(tmp_path):
    [problem] = problems_of(tmp_path, RULES.replace("Lead.", "Lead\x01"))
    assert problem == f"{FILE}:4: this line has a character YAML does not allow (U+0001, a control character); delete it"


def test_a_folder_where_a_data_file_belongs_is_named(tmp_path):
    (tmp_path / "simple_rules.yml").mkdir()
    with pytest.raises(ContentError) as caught:
        load_file(tmp_path / "simple_rules.yml", schemas.SimpleRulesFile, FILE)
    assert [str(p) for p in caught.value.problems] == [f"{FILE}: this is a folder, where a data file belongs; remove or rename the folder"]


def test_a_thousand_mistakes_are_fifty_lines_and_a_count(tmp_path):
    text = "heading: Rules\nrules:\n" + "".join(f"  - {n}\n" for n in range(1000))
    problems = problems_of(tmp_path, text)
    assert len(problems) == MAX_PROBLEMS_PER_FILE + 1
    assert problems[-1].endswith(f"and {1000 - MAX_PROBLEMS_PER_FILE} more problem(s) like these in this file, not listed; fix these first")


def test_a_thousand_tabs_are_fifty_lines_and_a_count(tmp_path):
    problems = problems_of(tmp_path, "heading: Rules\nrules:\n" + "\t- x\n" * 1000)
    assert len(problems) == MAX_PROBLEMS_PER_FILE + 1 and "indented with a tab" in problems[0]


@pytest.mark.parametrize("loader", [yaml.SafeLoader, yaml.CSafeLoader], ids=["PyYAML", "libyaml"])
def test_both_parsers_follow_the_same_rules(loader):
    for text, line, phrase in REFUSED.values():
        with pytest.raises(Refused) as caught:
            check_events(text, loader)
        assert caught.value.line == line and phrase in caught.value.message
    check_events(RULES + "extra:\n  '<<': quoted, so a plain key\n", loader)
