"""The engine's layers, as guides/architecture.md draws them: each package imports only those below it."""

from __future__ import annotations

import ast
from pathlib import Path

from engine import PROJECT_DIR

ENGINE = PROJECT_DIR / "course"
# What each part of the engine may import from the rest of it (guides/architecture.md, "The packages").
MAY_IMPORT = {
    "content": set(),
    "publish": set(),
    "render": {"content", "publish"},
    "paper": {"content", "publish", "render"},
    "offline": {"publish"},
    "scorm": {"content", "publish", "render", "offline"},
    "page_macros": {"content", "publish", "render", "paper"},
    "project": {"content"},
    "checks": {"content", "publish", "render", "paper", "page_macros", "project", "scorm"},
    "plugin": {"content", "publish", "render", "paper", "offline", "scorm", "page_macros", "project", "checks"},
}


def part_of(path: Path) -> str:
    relative = path.relative_to(ENGINE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imported_parts(path: Path) -> set[str]:
    """The parts of the engine a module imports (relative imports resolved)."""
    package = path.relative_to(ENGINE).parent.parts
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[: len(package) - (node.level - 1)]) if node.level > 1 else list(package)
                target = base + (node.module.split(".") if node.module else [])
                names = [target] if node.module else [base + [alias.name] for alias in node.names]
            elif node.module and node.module.split(".")[0] == "course":
                names = [node.module.split(".")[1:]]
            else:
                continue
            found |= {name[0] for name in names if name}
        elif isinstance(node, ast.Import):
            found |= {alias.name.split(".")[1] for alias in node.names if alias.name.startswith("course.")}
    return found


def test_each_part_imports_only_the_layers_below_it():
    wrong = []
    for path in sorted(ENGINE.rglob("*.py")):
        part = part_of(path)
        if part in ("__init__", "__main__"):
            continue
        assert part in MAY_IMPORT, f"{path.relative_to(PROJECT_DIR)}: a part the layers do not name; add it to MAY_IMPORT and the guide"
        for other in imported_parts(path) - {part}:
            if other not in MAY_IMPORT[part]:
                wrong.append(f"{path.relative_to(PROJECT_DIR)} imports {other}")
    assert wrong == []


def test_the_rule_catches_an_import_upwards(tmp_path):
    module = ENGINE / "content" / "pages.py"
    assert "render" not in imported_parts(module)
    assert imported_parts(ENGINE / "paper" / "handouts.py") >= {"content", "render"}
