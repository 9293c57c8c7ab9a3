"""The course plugin: the one MkDocs plugin that turns the course engine into a build.

    plugins:
      - search
      - course          # registered by pyproject.toml as the entry point "course"
      - macros: ...

Each event reads and writes the plugin instance, never module globals; the
state is made afresh in on_config for every build (`mkdocs serve` keeps the
instance across rebuilds). What happens when:

- on_config: outline the course (data and pages), plan its paper, and run
  every check; a problem stops the build here, before MkDocs cleans or writes
  the site folder. Then the repository link from site_url, the programme's
  title for the templates, the PDF workers, and the "Last updated" dates from
  one git call.
- on_files: a page for each handout the plan names; the running footer's stylesheet; a
  stand-in for each PDF while the pages are read (taken out in on_env), so links to them hold.
- on_page_context: each page's settings for its scripts, its "Last updated" date,
  and its footer's links: the accessibility statement, the privacy notice and
  "Report a problem with this page" (a new issue in the repository).
- on_env: every page's HTML is ready: each page's time to read and do is filled
  in (and each unit overview's), the whole unit is joined onto its page,
  the PDF list onto the Handouts page, a Download PDF bar onto each page that
  is a PDF.
- on_post_page: the page's CSP hashes (the theme's inline code only); a page that is a PDF goes to the workers.
- on_post_build: each PDF's pages and size fill in the slots beside its
  links; the offline copy is made from the site as built and zipped into it,
  and each unit's SCORM 1.2 package from the same files (course/scorm/).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from markupsafe import Markup
from mkdocs.config import config_options as options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from .checks import check_course, remind
from .checks.symlinks import check_symlinks
from .checks.theme import check_theme_features
from .content.outline import Outline
from .page_macros import MY_WORKBOOK_MACRO, PRIVACY_MACRO, STATEMENT_MACRO, PageMacros, privacy_href
from .paper import downloads
from .paper.footer import FOOTER_STYLESHEET, build_date, running_footer_css
from .paper.handouts import handout_html, handout_source
from .paper.pdf import PdfError, PdfPool, ToolchainMissing, check_toolchain
from .paper.plan import PaperPlan, plan_paper
from .paper.whole_unit import combine, unit_page
from .offline.copy import IFRAME_WORKER_SHIM, OfflineCopy, PageAddress, write_archive
from .project import published_site_url, read_course
from .publish.addresses import SiteAddress, missing_page_report, online_path, problem_report, relative_url
from .publish.compact import published_without_comments
from .publish.csp import ThemeCode, fill_in_hashes
from .publish.dates import GitDates
from .render.abbreviations import spell_out_first_use
from .render.page_time import with_times
from .render.site_added import label_site_added
from .scorm.package import PackagePlan, package_files, package_name

log = logging.getLogger("mkdocs.plugins.course")

# Where the offline copy's zip goes in the site.
DOWNLOAD_FOLDER = "download"


class CourseConfig(Config):
    data_dir = options.Type(str, default="data")
    abbreviations = options.Type(str, default="includes/abbreviations.md")
    # build | skip | auto (auto: made by `mkdocs build`, not by `mkdocs serve`). mkdocs.yml reads UNIT_PDF.
    pdfs = options.Type(str, default="auto")
    # on | off | auto, as for pdfs. mkdocs.yml reads UNIT_OFFLINE_ZIP.
    offline_copy = options.Type((str, bool), default="auto")  # YAML reads a bare off as false
    last_updated = options.Type(bool, default=True)


def _stop_on(problems) -> None:
    """Stop the build, before anything is written, if the check found problems."""
    if problems:
        listing = "\n".join(str(problem) for problem in problems)
        raise PluginError(f"{len(problems)} problem(s) found; nothing was built:\n{listing}")


def _switch(name: str, value, choices: tuple[str, ...], variable: str) -> str:
    if isinstance(value, bool):
        value = "on" if value else "off"
    value = str(value).strip().lower()
    if value not in choices:
        listed = ", ".join(f"'{choice}'" for choice in choices)
        raise PluginError(f"{variable} (the course plugin's '{name}' in mkdocs.yml) is '{value}'; use one of {listed}")
    return value


class CoursePlugin(BasePlugin[CourseConfig]):
    def __init__(self):
        self.command = "build"
        self._start_build()

    def _start_build(self) -> None:
        """Forget everything of the previous build."""
        self.outline: Outline | None = None
        self.plan = PaperPlan()
        self.address: SiteAddress | None = None  # where this build's pages are: the preview's own address under `mkdocs serve`
        self.published: SiteAddress | None = None  # where the site is published: site_url as mkdocs.yml gives it
        self.dates: GitDates | None = None
        self.built = build_date()  # the one date this build carries (SOURCE_DATE_EPOCH's when set)
        self.macro_cache: dict = {}
        self.make_pdfs = False
        self.make_offline_copy = False
        self.pdf_pool: PdfPool | None = None
        self.pages_with_pdf_facts: list[Path] = []
        self.offline_copy: OfflineCopy | None = None
        self.offline_files: dict[str, str] = {}  # each page's source (index.md) to its file in the offline copy
        self.theme_code = ThemeCode()
        self.pdf_stand_ins: list[File] = []

    # --- Events ------------------------------------------------------------------------

    def on_startup(self, *, command, dirty):
        self.command = command
        # mkdocs-macros reports at INFO which modules and names it found: nothing an author can
        # act on. Its warnings and errors still show.
        logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)

    @event_priority(50)  # before mkdocs-macros reads config.extra, and before anything is written
    def on_config(self, config):
        self._start_build()
        serving = self.command == "serve"
        pdfs = _switch("pdfs", self.config.pdfs, ("auto", "build", "skip"), "UNIT_PDF")
        self.make_pdfs = pdfs == "build" or (pdfs == "auto" and not serving)
        offline = _switch("offline_copy", self.config.offline_copy, ("auto", "on", "off"), "UNIT_OFFLINE_ZIP")
        self.make_offline_copy = offline == "on" or (offline == "auto" and not serving)
        # The preview (`mkdocs serve`) puts its own address in site_url; the repository, the
        # statement and the report links are about the site as published.
        published = published_site_url(config) if serving else config.site_url
        try:
            self.address = SiteAddress.of(config.site_url, config.repo_url)
            self.published = SiteAddress.of(published, config.repo_url)
        except ValueError as error:
            raise PluginError(str(error)) from None
        if not config.repo_url and self.published.repository:
            config.repo_url = self.published.repository
            config.repo_name = self.published.repository.split("github.com/", 1)[1]

        # First, and alone: reading the course (MkDocs' walk of docs/ too) follows links, so none may lead
        # out of it; and a theme feature the course's scripts cannot work with stops it too.
        _stop_on(check_theme_features(config) + check_symlinks(config, self.config.data_dir, self.config.abbreviations))
        source = read_course(config, self.config.data_dir, self.config.abbreviations, published)
        self.outline = source.outline
        self.plan = plan_paper(self.outline)
        _stop_on(check_course(source, self.plan, self.macro_cache))
        # Reminders (the statement's review is over a year old, a value still to confirm) never stop a build.
        for reminder in remind(source.outline, self.built):
            log.info("%s", reminder)
        programme = self.outline.programme
        # Every page explains the abbreviations in includes/abbreviations.md: Python-Markdown's
        # abbr extension takes them as its glossary, the same list the macros mark up in data.
        config.mdx_configs.setdefault("abbr", {})["glossary"] = dict(self.outline.glossary)
        config.nav = self.plan.navigation(config.nav)
        # The inline scripts and styles the theme's templates write: the only ones a page's policy allows.
        self.theme_code = ThemeCode.read(config.theme.dirs)
        config.extra["programme"] = programme.title
        config.extra["offline_copy"] = {"zip": f"{DOWNLOAD_FOLDER}/{programme.offline_copy}.zip", "folder": programme.offline_copy}

        if self.make_pdfs:
            try:
                check_toolchain()
            except ToolchainMissing as error:
                raise PluginError(f"This build makes PDFs, but {error}") from None
        if self.make_pdfs and self.plan.pdfs:
            # Started now, so the workers are ready by the time the first page to print is built.
            self.pdf_pool = PdfPool(
                Path(config.site_dir), self.address.url, len(self.plan.pdfs), fork=self.command == "build", built=self.built
            )
        if self.config.last_updated:
            self.dates = GitDates.read(self.outline.project.root, self.built)
            if self.dates is None:
                log.info("No git history in %s: pages will show no 'Last updated' date.", self.outline.project.root)
        return config

    def on_files(self, files: Files, config) -> Files:
        glossary = self.outline.glossary
        for handout in self.plan.handouts:
            body = handout_html(
                handout, self.address.page_of_source(handout.src_uri), self.outline.programme, glossary, privacy_href(self.outline, handout.src_uri)
            )
            files.append(File.generated(config, handout.src_uri, content=handout_source(handout, body)))
        footer = running_footer_css(config.site_name, config.copyright or "", self.built)
        files.append(File.generated(config, FOOTER_STYLESHEET, content=footer))
        # The PDFs, known to MkDocs while it reads the pages, so a link to one is valid in a strict
        # build; taken out again in on_env, before anything is written (the workers write the PDFs).
        self.pdf_stand_ins = [File.generated(config, f"{downloads.PDF_FOLDER}/{pdf.pdf_name}", content=b"") for pdf in self.plan.pdfs]
        for stand_in in self.pdf_stand_ins:
            files.append(stand_in)
        # MkDocs builds pages in the order of `files`: the pages that are PDFs go first, the
        # whole units (the longest to print) before the rest, so the PDF workers start on
        # them while every other page is built. Search keeps build order in its index, but
        # these pages are left out of search, so the index is as it was.
        first = [whole.page for whole in self.plan.whole_units]
        first += [pdf.src_uri for pdf in self.plan.pdfs if pdf.src_uri not in first]
        ordered, moved = [files.get_file_from_path(src_uri) for src_uri in first], set(first)
        # The site's own stylesheets and scripts are published without their comments.
        return published_without_comments([*ordered, *(file for file in files if file.src_uri not in moved)], config)

    def on_page_content(self, html, page, config, files):
        return spell_out_first_use(label_site_added(html))

    def on_page_context(self, context, page, config, nav):
        unit = self.outline.unit_of(page.file.src_uri)
        context["course_settings"] = {
            "namespace": self.outline.programme.script_namespace,
            "unit": {"id": unit.id, "storageKey": unit.storage_key, "myWorkbookFile": unit.my_workbook_file} if unit else None,
        }
        context["last_updated"] = self._last_updated(page.file)
        title = Markup(page.title or "").striptags() or None
        context["course_footer"] = self._footer(problem_report(page.canonical_url, title, **self._report_to()))
        return context

    def on_template_context(self, context, template_name, config):
        """The 404 page, a theme template: the settings and footer of a page in no unit."""
        context["course_settings"] = {"namespace": self.outline.programme.script_namespace, "unit": None}
        context["course_footer"] = self._footer(missing_page_report(**self._report_to()))
        return context

    def on_env(self, env, config, files: Files):
        for stand_in in self.pdf_stand_ins:
            files.remove(stand_in)
        pages = {file.src_uri: file.page for file in files.documentation_pages() if file.page is not None}
        if self.make_offline_copy:
            addresses = [
                PageAddress(file.dest_uri, file.url, File(file.src_uri, config.docs_dir, config.site_dir, False).dest_uri)
                for file in files.documentation_pages()
            ]
            self.offline_files = {
                file.src_uri: address.offline_file for file, address in zip(files.documentation_pages(), addresses)
            }
            shim = Path(config.docs_dir) / IFRAME_WORKER_SHIM
            self.offline_copy = OfflineCopy(addresses, shim.read_text(encoding="utf-8") if shim.is_file() else "")
        # Each page's time to read and do, from its words as rendered; before the whole units join them.
        for src_uri, content in with_times({src_uri: page.content or "" for src_uri, page in pages.items()}, self.outline).items():
            if content != (pages[src_uri].content or ""):
                pages[src_uri].content = content
        # Joined from the pages as MkDocs rendered them, before anything below is added to them.
        joined = {
            whole.page: combine([unit_page(pages[part]) for part in whole.parts], pages[whole.page].url)
            for whole in self.plan.whole_units
        }
        for src_uri, page in pages.items():
            if src_uri in joined:
                page.content += joined[src_uri]
            if src_uri in self.plan.pdf_lists:
                page.content += downloads.pdf_list(downloads.pdf_links(self.plan, self.plan.pdf_lists[src_uri], page, pages))
            pdf = self.plan.pdf_of(src_uri)
            if pdf:
                link = downloads.download_link(
                    pdf.pdf_name,
                    relative_url(f"{downloads.PDF_FOLDER}/{pdf.pdf_name}", page.url),
                    downloads.back_to_handouts(self.plan, src_uri, page, pages),
                )
                page.content = link + "\n" + page.content
        return env

    def on_post_page(self, output: str, page, config) -> str:
        output = fill_in_hashes(output, self.theme_code, page.content)
        destination = Path(config.site_dir) / page.file.dest_uri
        pdf = self.plan.pdf_of(page.file.src_uri)
        if pdf and self.pdf_pool:
            self.pdf_pool.submit(pdf.pdf_name, destination, output, downloads.PDF_FOLDER)
        if "data-pdf-facts=" in output:
            self.pages_with_pdf_facts.append(destination)
        if self.offline_copy:
            self.offline_copy.add(page.file.dest_uri, output)
        return output

    def on_post_template(self, output_content, template_name, config):
        return fill_in_hashes(output_content, self.theme_code)  # the 404 page is a theme template, not a page

    @event_priority(-100)  # after the search plugin has written its index, which the offline copy needs
    def on_post_build(self, config):
        site_dir = Path(config.site_dir)
        facts = self._finish_pdfs()

        def fill(html: str) -> str:
            """The slots beside each link to a PDF, filled with its pages and size."""
            for pdf in self.plan.pdfs:
                filled = downloads.pdf_facts(pdf.pdf_name, facts.get(pdf.pdf_name), skipped=not self.make_pdfs)
                html = html.replace(downloads.pdf_facts(pdf.pdf_name), filled)
            return html

        for html_file in self.pages_with_pdf_facts:
            html_file.write_text(fill(html_file.read_text(encoding="utf-8")), encoding="utf-8")
        if self.offline_copy:
            copy, self.offline_copy = self.offline_copy, None
            name = self.outline.programme.offline_copy
            target = site_dir / DOWNLOAD_FOLDER / f"{name}.zip"
            contents = copy.contents(site_dir, (f"{DOWNLOAD_FOLDER}/",), fill)
            count = write_archive(contents, target, name)
            log.info("Offline copy: %s (%d files, %d KB)", target.relative_to(site_dir).as_posix(), count, target.stat().st_size // 1024)
            self._write_scorm_packages(contents, site_dir)
        elif self.command != "serve":
            log.info("No offline copy: UNIT_OFFLINE_ZIP=off.")

    def _write_scorm_packages(self, contents: dict[str, bytes], site_dir: Path) -> None:
        """Each unit's SCORM 1.2 package (course/scorm/): the offline copy's files, a launch page and a manifest."""
        my_workbooks = [page.path for page, _ in self.outline.calls_of(MY_WORKBOOK_MACRO)]
        for unit in self.outline.programme.units:
            try:
                plan = PackagePlan.of(self.outline, unit, self.offline_files, my_workbooks)
                files = package_files(contents, plan)
            except ValueError as error:
                raise PluginError(f"SCORM package of unit '{unit.id}': {error}") from None
            target = site_dir / DOWNLOAD_FOLDER / package_name(unit)
            count = write_archive(files, target, None)
            log.info("SCORM 1.2 package: %s (%d files, %d KB)", target.relative_to(site_dir).as_posix(), count, target.stat().st_size // 1024)

    def on_build_error(self, *, error):
        for workers in (self.pdf_pool, self.offline_copy):
            if workers is not None:
                workers.close()
        self.pdf_pool = self.offline_copy = None

    # --- For macros/ ------------------------------------------------------------------------

    def page_macros(self, page) -> PageMacros:
        """The macros for the page mkdocs-macros is rendering."""
        return PageMacros(self.outline, page.file.src_uri, self.macro_cache)

    # --- Helpers ----------------------------------------------------------------------------

    def _finish_pdfs(self) -> dict[str, downloads.PdfFacts]:
        facts: dict[str, downloads.PdfFacts] = {}
        if self.pdf_pool is None:
            if not self.make_pdfs and self.command != "serve":
                log.info("PDFs not made: UNIT_PDF=skip")
            return facts
        pool, self.pdf_pool = self.pdf_pool, None
        try:
            for name, rendered in pool.results():
                facts[name] = rendered.facts
                pages = f"{rendered.facts.pages} page{'s' if rendered.facts.pages != 1 else ''}"
                log.info(f"PDF {downloads.PDF_FOLDER}/{name}: {pages}, {rendered.facts.size}, {rendered.seconds:.1f} s")
        except PdfError as error:
            raise PluginError(str(error)) from None
        finally:
            pool.close()
        return facts

    def _report_to(self) -> dict:
        """Where "Report a problem" goes: the GitHub repository, or else the statement's email address."""
        return {"repository": self.published.github_repository, "email": self.outline.programme.accessibility.contact_email}

    def _footer(self, report: str | None) -> dict:
        """The footer's links: each page's address from the site's root (the theme's `url` filter makes it relative), the
        report link, and the email address for anyone without a GitHub account (or that one is to be confirmed)."""
        statement, privacy = (self.outline.page_calling(macro) for macro in (STATEMENT_MACRO, PRIVACY_MACRO))
        accessibility = self.outline.programme.accessibility
        return {
            "accessibility": online_path(statement.path) if statement else None,
            "privacy": online_path(privacy.path) if privacy else None,
            "report": report,
            "email": accessibility.confirmed_email or accessibility.contact_email,
            "email_to_confirm": accessibility.email_to_confirm,
        }

    def _last_updated(self, file: File):
        if self.dates is None:
            return None
        if file.abs_src_path and os.path.exists(file.abs_src_path):
            return self.dates.of(Path(file.abs_src_path))
        handout = self.plan.handout_of(file.src_uri)  # a page made from the data: dated by its data files
        if handout is None:
            return None
        data = self.outline.project.data_dir / handout.unit_id
        return max((self.dates.of(data / name) for name in handout.sources if (data / name).exists()), key=lambda date: date.day)
