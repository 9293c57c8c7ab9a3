"""A unit's SCORM 1.2 package: the offline copy's files, a launch page and imsmanifest.xml, zipped.

The package is the offline copy (course/offline/copy.py: every page at NAME.html,
every address relative, search from a script form of its index), made from the
same build, with two files more at the zip's root:

- LAUNCH_PAGE, the one SCO: it finds the platform's API (docs/javascripts/scorm.js)
  and shows the unit's pages in a frame, so the platform's session (one
  LMSInitialize, one LMSFinish) lasts while the learner moves between pages.
  Opened with no platform, it hands over to the unit's first page: the files
  then work as the offline copy does.
- MANIFEST, imsmanifest.xml: ADL SCORM 1.2, one organisation, one item, one
  resource of adlcp:scormtype "sco" listing every file, and no mastery score
  (the unit asks for reflection; it does not score).

Both are rendered from templates (render/templates/scorm_launch.html and
scorm_manifest.xml), with autoescape.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from ..content.outline import Outline
from ..content.programme import Programme, Unit
from ..render.environment import render_verbatim
from .budget import MINIMUM_ANSWER_LENGTH, SUSPEND_DATA_LIMIT

LAUNCH_PAGE = "scorm-launch.html"
MANIFEST = "imsmanifest.xml"
# The package's own script and what it needs, as the site publishes them (docs/).
SCRIPTS = ("javascripts/course.js", "javascripts/vendor/fflate.min.js", "javascripts/scorm.js")
STYLESHEET = "stylesheets/scorm.css"
# The launch page's Content-Security-Policy: the site's (overrides/main.html), with no inline code
# at all, and the package's own pages allowed in its frame.
LAUNCH_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; frame-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'self'; form-action 'self'"
)


def package_name(unit: Unit) -> str:
    """download/<this>: unit-3-scorm12.zip."""
    return f"{unit.id}-scorm12.zip"


@dataclass(frozen=True)
class PackagePlan:
    """One unit's package: the unit, and its pages as the offline copy names them."""

    unit: Unit
    namespace: str  # the scripts' shared name in the browser (data/programme.yml)
    first_page: str  # the unit's first page in reading order: "index.html", "unit-2/index.html"
    my_workbook: str | None  # the unit's My workbook page, where answers are downloaded

    @classmethod
    def of(cls, outline: Outline, unit: Unit, offline_files: dict[str, str], my_workbook_pages: list[str]) -> PackagePlan:
        """`offline_files`: each page's source (index.md) to its file in the copy; `my_workbook_pages`:
        the sources of the pages that show My workbook."""
        pages = [page.path for page in outline.pages_of(unit) if page.path in offline_files]
        if not pages:
            raise ValueError(f"unit '{unit.id}' has no page to open its SCORM package at")
        workbook = next((path for path in my_workbook_pages if path in pages), None)
        programme: Programme = outline.programme
        return cls(unit, programme.script_namespace, offline_files[pages[0]], offline_files[workbook] if workbook else None)


@dataclass(frozen=True)
class LaunchView:
    title: str
    policy: str
    first_page: str
    stylesheet: str
    scripts: tuple[str, ...]
    course_settings: dict  # what course.js reads (the plugin's on_page_context gives pages the same)
    scorm_settings: dict  # what scorm.js reads


@dataclass(frozen=True)
class ManifestView:
    identifier: str
    organisation: str
    item: str
    resource: str
    title: str
    launch: str
    files: list[str]  # every file but the manifest, percent-encoded


def launch_view(plan: PackagePlan, pages: list[str]) -> LaunchView:
    unit = plan.unit
    closing = unit.closing_activity
    return LaunchView(
        title=unit.heading,
        policy=LAUNCH_POLICY,
        first_page=plan.first_page,
        stylesheet=STYLESHEET,
        scripts=SCRIPTS,
        course_settings={
            "namespace": plan.namespace,
            "unit": {"id": unit.id, "storageKey": unit.storage_key, "myWorkbookFile": unit.my_workbook_file},
        },
        scorm_settings={
            "firstPage": plan.first_page,
            "pages": pages,
            "myWorkbook": plan.my_workbook,
            "closingActivity": closing.id if closing else None,
            "limit": SUSPEND_DATA_LIMIT,
            "minimumAnswer": MINIMUM_ANSWER_LENGTH,
        },
    )


def manifest_view(unit: Unit, files: list[str]) -> ManifestView:
    # Identifiers are XML IDs: they start with a letter, whatever the unit's id.
    return ManifestView(
        identifier=f"manifest-{unit.id}",
        organisation=f"organisation-{unit.id}",
        item=f"item-{unit.id}",
        resource=f"resource-{unit.id}",
        title=unit.heading,
        launch=LAUNCH_PAGE,
        files=[quote(name, safe="/") for name in sorted(files)],
    )


def package_files(copy: dict[str, bytes], plan: PackagePlan) -> dict[str, bytes]:
    """The package's files ({path: bytes}): the offline copy's (`copy`), the launch page and the manifest."""
    taken = [name for name in (LAUNCH_PAGE, MANIFEST) if name in copy]
    if taken:
        raise ValueError(f"the site has a file {taken[0]}, the name the SCORM package gives its own; rename the page")
    missing = [name for name in (*SCRIPTS, STYLESHEET) if name not in copy]
    if missing:
        raise ValueError(f"the SCORM package needs {missing[0]}, which the site did not publish (docs/{missing[0]})")
    pages = sorted(name for name in copy if name.endswith(".html"))
    files = dict(copy)
    files[LAUNCH_PAGE] = render_verbatim("scorm_launch.html", view=launch_view(plan, pages)).encode("utf-8")
    files[MANIFEST] = render_verbatim("scorm_manifest.xml", view=manifest_view(plan.unit, list(files))).encode("utf-8")
    return files
