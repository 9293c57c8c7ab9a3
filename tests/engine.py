"""The course engine driven without MkDocs, for tests: the fixture course's
paths (tests/fixtures/course/), hostile text, the outline and macros of the
fixture's pages over any data folder, and reading QR codes back.

The engine's tests run on the fixture, never on Unit 3's content: an author's
edit to the unit breaks only tests/content/test_unit_3.py."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import segno
import yaml

from course.content.outline import Outline, Project
from course.page_macros import PageMacros
from course.paper.plan import plan_paper

PROJECT_DIR = Path(__file__).resolve().parent.parent
FIXTURE_DIR = PROJECT_DIR / "tests" / "fixtures" / "course"
DATA_DIR = FIXTURE_DIR / "data"
DOCS_DIR = FIXTURE_DIR / "docs"
ABBREVIATIONS_FILE = FIXTURE_DIR / "includes" / "abbreviations.md"
# The fixture's first unit (its pages are docs/ itself) and its second (docs/unit-2/).
UNIT = "unit-1"
SECOND_UNIT = "unit-2"
SITE_URL = "https://fixture-programme.github.io/course/"  # the fixture's site_url, when SITE_URL is not set
# The data files of the whole programme, beside each unit's folder.
PROGRAMME_FILES = ("programme.yml", "accessibility.yml")

# Values a careless or hostile author might put in a data field.
HOSTILE_TEXTS = [
    "<script>alert('x')</script>",
    "Tom & Jerry",
    "a | b | c",
    'She said "yes" and \'no\'',
    "{{ config }}",
    "{% if true %}evaluated{% endif %}",
]


def billion_laughs(levels: int) -> str:
    """YAML anchors and aliases nested `levels` deep: 9 ** levels strings from a few hundred bytes."""
    lines = ['lol0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels + 1):
        lines.append(f"lol{level}: &a{level} [" + ",".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def nested(depth: int) -> str:
    """A YAML field holding lists nested `depth` deep."""
    return "a: " + "[" * depth + "]" * depth + "\n"


# A facilitation block for an activity a test adds: a unit with a session plan runs every activity.
FACILITATION = {
    "purpose": "To try something.",
    "group_size": "On your own.",
    "minutes": 5,
    "say": ["Think."],
    "access": "Anyone can take part as set.",
    "debrief": ["What did you notice?"],
    "listen_for": ["Anything."],
    "bridge": "On to the next part.",
    "online": ["Think, then type in the chat."],
    "hybrid": ["The people on the call speak first."],
}


def run_in_session(session: dict, activity: dict, deck: dict | None = None) -> None:
    """Give a new activity facilitator notes, a part at the end of the unit's session, cut from every
    version as follow-up work (so each keeps its length, and its run sheet), and, in the unit's deck,
    speaker notes."""
    activity["facilitation"] = dict(FACILITATION)
    session["parts"].append({"activity": activity["id"]})
    for version in session["versions"]:
        version["running_order"].append({"part": activity["id"], "decision": "cut", "follow_up": "Done after the session."})
    if deck is not None:
        deck["parts"].append({"part": activity["id"], "notes": {"key_messages": ["Think."]}})


def mkdocs_config() -> dict:
    """The fixture's mkdocs.yml as plain data (its !ENV tags left unread): its navigation."""
    return yaml.load((FIXTURE_DIR / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def outline(data_dir: Path = DATA_DIR, docs_dir: Path = DOCS_DIR, site_url: str = SITE_URL, repo_url: str | None = None) -> Outline:
    """The course's outline from a data folder and the real pages, as a build reads them."""
    project = Project(
        root=docs_dir.parent,
        docs_dir=docs_dir,
        data_dir=data_dir,
        abbreviations_file=ABBREVIATIONS_FILE,
        site_url=site_url,
        repo_url=repo_url,
    )
    pages = sorted(path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md"))
    found = Outline.read(project, pages, mkdocs_config()["nav"])
    assert found.programme is not None, "\n".join(str(p) for p in found.problems)
    return found


def macros(page: str = "index.md", data_dir: Path = DATA_DIR) -> PageMacros:
    """Every macro, as the page docs/<page> calls it."""
    return PageMacros(outline(data_dir), page)


def handouts(data_dir: Path = DATA_DIR):
    """Every handout the build makes, in order."""
    return plan_paper(outline(data_dir)).handouts


def fixture_data() -> dict[str, dict]:
    """Every data file of the fixture, parsed, keyed by its path in data/, the first unit's by file name alone:
    "programme.yml", "activities.yml" (the first unit's), "unit-2/activities.yml"..."""
    files = {}
    for path in sorted(DATA_DIR.rglob("*.yml")):
        name = path.relative_to(DATA_DIR).as_posix()
        files[name.removeprefix(f"{UNIT}/")] = path
    return {name: yaml.safe_load(path.read_text(encoding="utf-8")) for name, path in files.items()}


def data_path(name: str) -> str:
    """Where a file of fixture_data() goes in a data folder."""
    return name if "/" in name or name in PROGRAMME_FILES or name == "spelling.yml" else f"{UNIT}/{name}"


# --- Reading back what paper carries ------------------------------------------------


def qr_modules(svg: str) -> set[tuple[int, int]]:
    """The dark modules of a segno SVG, read back from its path (h = a run of dark modules)."""
    path = re.search(r' d="([^"]+)"', svg)[1]
    dark, x, y = set(), 0.0, 0.0
    for command, numbers in re.findall(r"([MmHh])([-\d. ]+)", path.replace("h", " h").replace("m", " m").replace("M", " M")):
        values = [float(n) for n in numbers.split()]
        if command == "M":
            x, y = values
        elif command == "m":
            x, y = x + values[0], y + values[1]
        else:
            dark.update((int(x) + i, int(y)) for i in range(int(values[0])))
            x += values[0]
    return dark


def expected_modules(url: str, border: int = 4) -> set[tuple[int, int]]:
    code = segno.make(url, error="m", micro=False)
    return {(col + border, row + border) for row, line in enumerate(code.matrix) for col, bit in enumerate(line) if bit}


# --- The self-check's script, run by node on a page's data ----------------------------------

# Reads {"data": the page's JSON, "answers": [sets of answers]} on stdin; writes each set's result id.
_CLASSIFY = """
const check = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const { data, answers } = JSON.parse(input);
  const ids = answers.map((set) => {
    const outcome = check.classify(data, set);
    return outcome.status === "result" ? outcome.result.id : outcome.status;
  });
  process.stdout.write(JSON.stringify(ids));
});
"""


def classified_by_the_script(data: dict, answer_sets: list[dict[str, str]]) -> list[str]:
    """What docs/javascripts/problem-check.js makes of each set of answers, given a page's self-check data:
    the id of its result, or "incomplete" / "none"."""
    script = PROJECT_DIR / "docs" / "javascripts" / "problem-check.js"
    result = subprocess.run(
        ["node", "-e", _CLASSIFY, str(script)],
        input=json.dumps({"data": data, "answers": answer_sets}),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,  # a guard against a hang, not a measure of speed
    )
    return json.loads(result.stdout)
