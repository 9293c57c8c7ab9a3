"""The course as mkdocs.yml configures it: where its parts are, which pages a
build makes, and in what order a reader meets them.

The plugin reads it from the configuration it is given; `make check` loads
mkdocs.yml itself and reads the same, so both see exactly the pages a build
would make (exclude_docs and draft_docs respected).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.structure.files import InclusionLevel, get_files

from .content.outline import Outline, Project

PLUGIN_NAME = "course"


@dataclass
class CourseSource:
    """The outline of the pages a build makes, the pages it leaves out, and the configuration
    they are built with (the check renders pages with its Markdown extensions)."""

    outline: Outline
    excluded_pages: list[Path]
    config: object  # mkdocs.config.defaults.MkDocsConfig, loaded


def published_site_url(config) -> str | None:
    """site_url as mkdocs.yml gives it (SITE_URL read), even under `mkdocs serve`, which
    puts the preview's own address in config.site_url: the accessibility statement and
    the report links are about the site as published."""
    from mkdocs.utils.yaml import yaml_load

    with open(config.config_file_path, "rb") as file:
        written = yaml_load(file) or {}
    return written.get("site_url") or config.site_url


def project_of(config, data_dir: str, abbreviations: str, site_url: str | None = None) -> Project:
    """The project's paths; site_url: the published address, when config.site_url is the preview's."""
    root = Path(config.config_file_path).resolve().parent
    return Project(
        root=root,
        docs_dir=Path(config.docs_dir).resolve(),
        data_dir=(root / data_dir).resolve(),
        abbreviations_file=(root / abbreviations).resolve(),
        site_url=site_url or config.site_url or None,
        repo_url=config.repo_url or None,
        copyright=config.copyright or None,
        snippets=snippet_options(config, root),
    )


def snippet_options(config, root: Path) -> dict | None:
    """pymdownx.snippets' options as the build uses them, base_path from the project's folder (where make runs)."""
    if "pymdownx.snippets" not in config.markdown_extensions:
        return None
    options = dict(config.mdx_configs.get("pymdownx.snippets", {}))
    base_path = options.get("base_path", ["."])
    options["base_path"] = [str(root / base) for base in ([base_path] if isinstance(base_path, str) else base_path)]
    return options


def read_course(config, data_dir: str, abbreviations: str, site_url: str | None = None) -> CourseSource:
    """Outline the course from a loaded MkDocs configuration (site_url: as for project_of)."""
    project = project_of(config, data_dir, abbreviations, site_url)
    files = get_files(config)
    built, excluded = [], []
    for file in files.documentation_pages(inclusion=InclusionLevel.all):
        if file.inclusion.is_excluded():
            excluded.append(Path(file.abs_src_path))
        else:
            built.append(file.src_uri)
    return CourseSource(Outline.read(project, built, config.nav), excluded, config)


def load_mkdocs_config(project_dir: Path):
    """mkdocs.yml of a project, loaded as MkDocs loads it (for the check, which builds nothing)."""
    from mkdocs.config import load_config

    return load_config(str(Path(project_dir) / "mkdocs.yml"))


def course_options(config):
    """The course plugin's options (data_dir, abbreviations, ...) from a loaded configuration."""
    plugin = config.plugins.get(PLUGIN_NAME)
    if plugin is None:
        raise ValueError(f"mkdocs.yml: the '{PLUGIN_NAME}' plugin is not listed under plugins:; add it")
    return plugin.config
