"""Nothing from outside the repository: no symbolic link out of the folders the site is built from.

MkDocs copies whatever docs/ holds into the site, following symbolic links
(its walk follows them), and puts every page it finds in the search index;
the theme, the macros and the engine read templates, snippets and data the
same way. A link whose target lies outside the project (the folder of
mkdocs.yml) would publish that file, whatever it is, so every link under
those folders is checked before anything is read or written:

- a link whose target is outside the project is refused, naming the link;
- so is a link to nothing (MkDocs would stop half-way), and a link to a
  folder that holds it (its walk would go round it for ever);
- a link to a file or folder inside the project is fine, and a linked folder
  is checked in its turn.

The engine's own templates are checked the same way against the engine's
folder. This runs first, in the build and in `make check`: the walks that read
the course (MkDocs' own among them) follow links, so it must come before them.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..content.problems import Problem
from ..render.environment import TEMPLATES_DIR

# The course engine's package (course/): its templates must stay inside it.
ENGINE_DIR = Path(TEMPLATES_DIR).resolve().parent.parent


def source_folders(config, data_dir: str, abbreviations: str) -> list[tuple[str, Path]]:
    """(where it is set, folder) for every folder of the project the site is built from."""
    root = Path(config.config_file_path).parent
    folders = [
        ("docs_dir", Path(config.docs_dir)),
        ("the course plugin's data_dir", root / data_dir),
        ("the course plugin's abbreviations", (root / abbreviations).parent),
    ]
    base_path = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", ["."])
    for base in [base_path] if isinstance(base_path, str) else base_path:
        folders.append(("pymdownx.snippets' base_path", root / base))
    if config.theme.custom_dir:
        folders.append(("theme.custom_dir", Path(config.theme.custom_dir)))
    macros = config.plugins.get("macros")
    if macros is not None:
        module = root / (macros.config.get("module_name") or "main")
        folders.append(("the macros plugin's module_name", module if os.path.lexists(module) else module.with_name(module.name + ".py")))
        if macros.config.get("include_dir"):
            folders.append(("the macros plugin's include_dir", root / macros.config["include_dir"]))
    return folders


def check_symlinks(config, data_dir: str, abbreviations: str) -> list[Problem]:
    """Every link out of the project (or the engine's templates out of the engine), to nothing, or round in a circle."""
    root = Path(os.path.realpath(Path(config.config_file_path).parent))
    problems: list[Problem] = []
    for setting, folder in source_folders(config, data_dir, abbreviations):
        problems.extend(_check_folder(setting, Path(folder), root, "the repository", root))
    problems.extend(_check_folder("the course engine's templates", TEMPLATES_DIR, ENGINE_DIR, "the course engine", ENGINE_DIR.parent))
    return sorted(set(problems), key=lambda problem: problem.file)


def _check_folder(setting: str, folder: Path, root: Path, inside: str, shown_from: Path) -> list[Problem]:
    """Problems of the folder itself, and of every link under it; `shown_from` is where messages' paths start."""
    if not os.path.lexists(folder):
        return []  # other checks say what is missing
    real = Path(os.path.realpath(folder))
    if not real.is_relative_to(root):
        return [Problem(_display(folder, shown_from), None, f"{setting} is {real}, outside {inside}; build only from folders in it")]
    if real.is_file():
        return []  # a module file (macros.py), checked above
    problems = []
    seen = {real}
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.is_symlink():
                problem = _link_problem(path, root, inside, shown_from)
                if problem:
                    problems.append(problem)
                    continue
            if entry.is_dir(follow_symlinks=True):
                target = Path(os.path.realpath(path))
                if target not in seen:
                    seen.add(target)
                    stack.append(path)
    return problems


def _link_problem(link: Path, root: Path, inside: str, shown_from: Path) -> Problem | None:
    shown = _display(link, shown_from)
    written = os.readlink(link)
    target = Path(os.path.realpath(link))
    if not os.path.exists(link):
        return Problem(shown, None, f"a symbolic link to {written}, which does not exist; remove the link, or put the file itself here")
    if not target.is_relative_to(root):
        return Problem(
            shown,
            None,
            f"a symbolic link to {written}, outside {inside}: the build would publish what it points to; "
            "put the file itself here, or remove the link",
        )
    holder = Path(os.path.realpath(link.parent))
    if target.is_dir() and holder.is_relative_to(target):
        return Problem(shown, None, f"a symbolic link to {written}, a folder that holds the link: the build would go round it for ever; remove it")
    return None


def _display(path: Path, shown_from: Path) -> str:
    """The path as messages give it: the link itself (not its target), from the project's folder."""
    real = Path(os.path.realpath(path.parent)) / path.name
    try:
        return real.relative_to(os.path.realpath(shown_from)).as_posix()
    except ValueError:
        return real.as_posix()
