"""The macros a page calls, as the engine runs them for one page.

Unit macros (activity, comparison_table, problem_check, ...) draw from the
data of the page's unit, which the outline knows from the page's folder or
front matter; the others (activity_label, cite, references, abbreviations,
flocking_simulation) serve the whole programme. macros/ registers thin
functions for mkdocs-macros that call these; `make check` calls them
directly, page by page, to find every mistake before a build.

The accessibility statement and the privacy notice are programme macros too:
each is shown by one page, which every page's footer links to, and each
answer box's note links to the privacy notice.

A mistake raises KeyError or ValueError with a message that says how to fix
it. Output is cached per unit and arguments for the build, so a thousand
pages calling simple_rules() render it once.
"""

from __future__ import annotations

import inspect

from markupsafe import Markup

from .content.outline import Outline
from .content.programme import Unit
from .paper.handouts import handout_html, handouts_for
from .paper.workbook import Worksheet, workbook_activities_html, workbook_cover_html
from .publish.addresses import SiteAddress, online_path, relative_url, short_address
from .render.activities import ListedActivity, activity_html, activity_list_markdown
from .render.before_and_after import PreReadLink, attendance_register_html, certificate_html, evaluation_form_html, joining_note_html
from .render.changed_since import changed_since_html
from .render.facilitation import Handout, facilitator_guide_markdown, guide_of, run_sheet_html, version_view
from .render.figures import flocking_simulation_html, typology_figure_html
from .render.glossary import abbreviations_html, key_terms_html
from .render.my_workbook import my_workbook_finish_html, my_workbook_html
from .render.outcomes import key_points_markdown, outcomes_html
from .render.presenter import deck_of, presenter_view_html
from .render.problem_check import WORKSHEET_TITLE, framing_citation, problem_check_html, problem_check_scenarios_html, problem_check_worksheet_html
from .render.references import Citation, citations_of, cite_markdown, references_html, simple_rules_html
from .render.reflective_record import RecordView, record_view, reflective_record_html, reflective_record_uses_html
from .render.statement import accessibility_statement_markdown, privacy_notice_markdown, privacy_of, statement_of
from .render.tables import citation, comparison_table_html, table_view

# Macros that list the programme's references: cite() links to the page that calls it.
REFERENCES_MACRO = "references"
# The pages every page's footer links to, each shown by the page that calls its macro.
STATEMENT_MACRO = "accessibility_statement"
PRIVACY_MACRO = "privacy_notice"
MY_WORKBOOK_MACRO = "my_workbook"
# The presenter view, which the facilitator's guide links each activity to when a page shows it.
PRESENTER_MACRO = "presenter_view"
# A version's run sheet, which the facilitator's guide links each version to.
RUN_SHEET_MACRO = "run_sheet"


def privacy_href(outline: Outline, page_path: str) -> str | None:
    """The link from the page at docs/<page_path> to the privacy notice's page, or None when no page shows it."""
    notice = outline.page_calling(PRIVACY_MACRO)
    return relative_url(online_path(notice.path), online_path(page_path)) if notice else None


class PageMacros:
    """Every macro, for the page at docs/<page_path>."""

    def __init__(self, outline: Outline, page_path: str, cache: dict | None = None):
        self._outline = outline
        self._page_path = page_path
        self._cache = cache if cache is not None else {}

    # --- Macros of the page's unit ----------------------------------------------------

    def activity(self, activity_id: str) -> str:
        """An activity's box: label, instructions, prompts, answer boxes and ruled lines for paper."""
        unit = self._unit("activity")
        privacy = self._privacy_href
        return self._cached(
            "activity", unit, (activity_id, privacy), lambda: activity_html(unit.activity(activity_id), self._glossary, privacy_href=privacy)
        )

    def outcomes(self) -> str:
        """The top of a unit page: the outcomes met on it (outcomes.yml) and how long it takes to read and do."""
        unit = self._unit("outcomes")

        def box():
            outcomes = unit.require("outcomes")
            met = outcomes.on_page(self._page_path)
            if not met:
                pages = {page.path for page in self._outline.pages}
                if any(page not in pages for outcome in outcomes.outcomes for page in outcome.pages):
                    return ""  # a mistyped page in outcomes.yml, which checks/teaching.py reports there: said once
                raise KeyError(
                    f"outcomes(): no outcome in {unit.data_folder}/outcomes.yml is met on docs/{self._page_path}; "
                    f"add '{self._page_path}' to the pages of the outcomes a learner meets here"
                )
            return outcomes_html(met, self._glossary, page_path=self._page_path)

        return self._cached("outcomes", unit, self._page_path, box)

    def unit_outcomes(self) -> str:
        """The top of a unit's overview: every outcome of the unit, and how long the whole unit takes."""
        unit = self._unit("unit_outcomes")
        return self._cached(
            "unit_outcomes",
            unit,
            self._page_path,
            lambda: outcomes_html(unit.require("outcomes").outcomes, self._glossary, page_path=self._page_path, unit_id=unit.id),
        )

    def key_points(self) -> str:
        """The end of a unit page: its key points (key_points.yml), under a "Key points" heading."""
        unit = self._unit("key_points")

        def points():
            found = unit.require("key_points").key_points.get(self._page_path)
            if found is None:
                raise KeyError(
                    f"key_points(): {unit.data_folder}/key_points.yml has no key points for docs/{self._page_path}; "
                    f"add three to five under '{self._page_path}:'"
                )
            return key_points_markdown(found, self._glossary)

        return self._cached("key_points", unit, self._page_path, points)

    def activity_list(self) -> str:
        """The unit's activities, in reading order, as a list of links with how many of each kind."""
        unit = self._unit("activity_list")

        def listing():
            pages = {activity_id: places[0][0].path for activity_id, places in self._outline.showings().items()}
            listed = [
                ListedActivity(activity, pages[activity.id])
                for activity in self._programme.activities_in_reading_order(unit)
                if activity.id in pages
            ]
            return activity_list_markdown(listed)

        return self._cached("activity_list", unit, None, listing)

    def comparison_table(self, table_id: str) -> str:
        """One of the unit's comparison tables ("organisational-forms" or "problem-types"), as an HTML table."""
        unit = self._unit("comparison_table")
        return self._cached(
            "comparison_table", unit, table_id, lambda: comparison_table_html(table_view(self._programme, unit, table_id), self._glossary)
        )

    def typology_figure(self) -> str:
        """Grint's typology, drawn as SVG from the unit's problem types."""
        unit = self._unit("typology_figure")

        def figure():
            typology = unit.require("problem_types")
            return typology_figure_html(self._programme, typology, self._glossary)

        return self._cached("typology_figure", unit, None, figure)

    def problem_check(self) -> str:
        """The self-check "Which kind of problem is it?" on the unit's typology (data/<unit>/self_check.yml)."""
        unit = self._unit("problem_check")

        def check():
            return problem_check_html(unit, self._glossary, framing_citation(self._programme, unit))

        return self._cached("problem_check", unit, None, check)

    def problem_check_scenarios(self) -> str:
        """The self-check's worked scenarios, each with its model answer."""
        unit = self._unit("problem_check_scenarios")
        return self._cached("problem_check_scenarios", unit, None, lambda: problem_check_scenarios_html(unit, self._glossary))

    def simple_rules(self) -> str:
        """The unit's simple rules, as a definition list."""
        unit = self._unit("simple_rules")
        return self._cached("simple_rules", unit, None, lambda: simple_rules_html(unit, self._glossary))

    def key_terms(self) -> str:
        """The unit's key terms: problem types, ways of organising and the terms of key_terms.yml, defined from the data."""
        unit = self._unit("key_terms")
        # Its citations link to the references from this page.
        return self._cached("key_terms", unit, self._page_path, lambda: key_terms_html(unit, self._glossary, self._citations))

    def changed_since(self, note_id: str) -> str:
        """A dated note of what has changed since the slides (changed_since.yml), each point with its sources."""
        unit = self._unit("changed_since")
        return self._cached(
            "changed_since", unit, (note_id, self._page_path), lambda: changed_since_html(unit, note_id, self._glossary, self._citations)
        )

    def my_workbook(self) -> str:
        """My workbook: every prompt of the unit with the learner's answers, to download, print or delete."""
        unit = self._unit("my_workbook")
        privacy = self._privacy_href
        return self._cached(
            "my_workbook",
            unit,
            privacy,
            lambda: my_workbook_html(
                unit.heading, self._programme.title, self._activities(unit), self._glossary, privacy, unit.reflective_record is not None
            ),
        )

    def my_workbook_finish(self) -> str:
        """The end of My workbook: keep your record, then delete your answers from this computer (My workbook's confirmation)."""
        self._unit("my_workbook_finish")
        return self._cached("my_workbook_finish", None, None, lambda: my_workbook_finish_html(self._glossary))

    def reflective_record(self) -> str:
        """The unit's reflective record (data/<unit>/reflective_record.yml): details, reflective account, print and downloads."""
        unit = self._unit("reflective_record")
        privacy = self._privacy_href
        return self._cached(
            "reflective_record",
            unit,
            privacy,
            lambda: reflective_record_html(self._record(unit), self._activities(unit), self._glossary, privacy),
        )

    def reflective_record_uses(self) -> str:
        """Who can use the unit's reflective record for appraisal or revalidation, and how, with sources."""
        unit = self._unit("reflective_record_uses")
        return self._cached("reflective_record_uses", unit, None, lambda: reflective_record_uses_html(self._record(unit), self._glossary))

    def joining_note(self) -> str:
        """The joining note to send before the session (before_and_after.yml): plain text to paste into an e-mail."""
        unit = self._unit("joining_note")

        def note():
            site = self._site("joining_note")
            pre_read = [
                PreReadLink(self._outline.page(entry.page).title, site.page_of_source(entry.page), entry.why)
                for entry in unit.require("before_and_after").joining_note.pre_read
            ]
            return joining_note_html(unit, pre_read, self._glossary)

        return self._cached("joining_note", unit, None, note)

    def attendance_register(self) -> str:
        """The attendance register to print (before_and_after.yml): a row per person."""
        unit = self._unit("attendance_register")
        return self._cached("attendance_register", unit, None, lambda: attendance_register_html(unit, self._programme.title, self._glossary))

    def evaluation_form(self) -> str:
        """The evaluation form (before_and_after.yml): on paper, and on screen kept in the browser."""
        unit = self._unit("evaluation_form")
        privacy = self._privacy_href
        return self._cached(
            "evaluation_form", unit, privacy, lambda: evaluation_form_html(unit, self._programme.title, self._glossary, privacy)
        )

    def certificate(self) -> str:
        """The certificate of attendance (before_and_after.yml): lines to fill in, or fields on screen, then print."""
        unit = self._unit("certificate")
        return self._cached("certificate", unit, None, lambda: certificate_html(unit, self._programme.title, self._glossary))

    def workbook_cover(self) -> str:
        """The printable workbook's cover: programme, unit, name and date lines, the activities in it."""
        unit = self._unit("workbook_cover")
        return self._cached(
            "workbook_cover",
            unit,
            None,
            lambda: workbook_cover_html(self._programme.title, unit.heading, self._activities(unit), self._glossary, self._worksheet(unit)),
        )

    def workbook_activities(self) -> str:
        """The printable workbook's body: every activity of the unit with ruled lines to write on."""
        unit = self._unit("workbook_activities")
        privacy = self._privacy_href
        return self._cached(
            "workbook_activities",
            unit,
            privacy,
            lambda: workbook_activities_html(self._activities(unit), self._glossary, privacy, self._worksheet(unit)),
        )

    def facilitator_guide(self) -> str:
        """The unit's session plan (data/<unit>/session.yml) and every activity's facilitator notes, with its handout for print."""
        unit = self._unit("facilitator_guide")

        def guide():
            presenter = self._outline.page_calling(PRESENTER_MACRO)
            sheets = {
                call.args[0]: page.path
                for page in self._outline.pages_of(unit)
                for call in page.calls
                if call.name == RUN_SHEET_MACRO and call.args and isinstance(call.args[0], int)
            }
            site = self._site("facilitator_guide")
            made = guide_of(self._outline, unit, self._page_path, self._handouts(unit), presenter and presenter.path, sheets, site)
            return facilitator_guide_markdown(made, self._glossary)

        return self._cached("facilitator_guide", unit, self._page_path, guide)

    def presenter_view(self) -> str:
        """The deck: every part of the session plan with its slides and speaker notes, in the chosen version, timers on its activities."""
        unit = self._unit("presenter_view")

        def view():
            return presenter_view_html(deck_of(self._outline, unit, self._page_path), self._glossary)

        # Its links are relative to the page that shows it.
        return self._cached("presenter_view", unit, self._page_path, view)

    def run_sheet(self, minutes: int) -> str:
        """The one-page run sheet of the session's version of this many minutes (data/<unit>/session.yml)."""
        unit = self._unit("run_sheet")

        def sheet():
            if unit.session is None:
                raise KeyError(f"run_sheet(): unit '{unit.id}' has no session plan; add {unit.data_folder}/session.yml (see data/unit-3/session.yml)")
            if isinstance(minutes, bool) or not isinstance(minutes, int):
                raise KeyError(f"run_sheet(): give a version's length in whole minutes, such as run_sheet(90), not {minutes!r}")
            version = unit.session.version(minutes)
            return run_sheet_html(unit, version_view(self._outline, unit, version, self._page_path), self._glossary)

        return self._cached("run_sheet", unit, (self._page_path, minutes), sheet)

    # --- Macros of the programme ------------------------------------------------------

    def activity_label(self, activity_id: str) -> str:
        """An activity's label as the programme numbers it ("Self-Activity 8"), for prose."""
        return self._programme.activity(activity_id).label

    def cite(self, reference_id: str) -> str:
        """An in-text citation: a link to the reference on the page that lists them."""

        def citation_link():
            listing = next(
                (page.path for page in self._outline.pages for call in page.calls if call.name == REFERENCES_MACRO),
                None,
            )
            if listing is None:
                raise KeyError("cite(): no page lists the references; add {{ references() }} to one")
            return cite_markdown(self._programme, reference_id, listing)

        return self._cached("cite", None, reference_id, citation_link)

    def references(self) -> str:
        """Every source of the programme, each with an anchor for cite()."""
        return self._cached("references", None, None, lambda: references_html(self._programme, self._glossary))

    def abbreviations(self) -> str:
        """Every abbreviation the site explains (includes/abbreviations.md), as a definition list."""
        return self._cached("abbreviations", None, None, lambda: abbreviations_html(self._glossary))

    def flocking_simulation(self, people: int = 20) -> str:
        """The flocking exercise as a live simulation, with a static figure for print and no JavaScript."""
        return self._cached("flocking_simulation", None, people, lambda: flocking_simulation_html(people))

    def accessibility_statement(self) -> str:
        """The accessibility statement, in the model statement's structure, from data/accessibility.yml and what the tests check."""

        def statement():
            return accessibility_statement_markdown(statement_of(self._programme, self._site(STATEMENT_MACRO)))

        return self._cached(STATEMENT_MACRO, None, None, statement)

    def privacy_notice(self) -> str:
        """The privacy notice: what the website keeps in the browser, under which names, and how to delete it."""

        def notice():
            my_workbooks = {}
            for page, _ in self._outline.calls_of(MY_WORKBOOK_MACRO):
                unit = self._outline.unit_of(page.path)
                if unit:
                    my_workbooks.setdefault(unit.id, page.path)
            return privacy_notice_markdown(privacy_of(self._outline, self._site(PRIVACY_MACRO), my_workbooks))

        return self._cached(PRIVACY_MACRO, None, None, notice)

    # --- Plumbing -----------------------------------------------------------------------------

    @property
    def _programme(self):
        return self._outline.programme

    @property
    def _glossary(self) -> dict[str, str]:
        return self._outline.glossary

    @property
    def _citations(self) -> dict[str, Citation]:
        """Each reference of the programme cited as in text ("Keith Grint (2005), adapted"), by id, linked from this page."""
        listing = self._outline.page_calling(REFERENCES_MACRO)
        href = relative_url(online_path(listing.path), online_path(self._page_path)) if listing else None
        return citations_of(self._programme, href)

    @property
    def _privacy_href(self) -> str | None:
        return privacy_href(self._outline, self._page_path)

    def _site(self, macro: str) -> SiteAddress:
        project = self._outline.project
        if not project.site_url:
            raise KeyError(f"{macro}() needs the site's address: set site_url in mkdocs.yml")
        return SiteAddress.of(project.site_url, project.repo_url)

    def _handouts(self, unit: Unit) -> dict[str, Handout]:
        """Each activity's handout as the facilitator's guide prints it: under the notes' h3 heading,
        so the guide keeps one h1 and its PDF's bookmarks nest."""
        site = self._site("facilitator_guide")
        made = {}
        for handout in handouts_for(unit, self._activities(unit)):
            if handout.activity_id:
                html = handout_html(handout, site.page_of_source(handout.src_uri), self._programme, self._glossary, self._privacy_href, heading_level=4)
                made[handout.activity_id] = Handout(handout.src_uri, Markup(html))
        return made

    def _worksheet(self, unit: Unit) -> Worksheet | None:
        """The self-check's worksheet for the printable workbook, before the activity its result is copied into."""
        if unit.self_check is None or unit.problem_types is None:
            return None
        html = problem_check_worksheet_html(unit, self._glossary, framing_citation(self._programme, unit), heading_level=2)
        copy_to = unit.self_check.copy_to
        return Worksheet(Markup(html), WORKSHEET_TITLE, copy_to.activity if copy_to else None)

    def _unit(self, macro: str) -> Unit:
        unit = self._outline.unit_of(self._page_path)
        if unit is None:
            raise KeyError(
                f"{macro}() draws from a unit's data, but docs/{self._page_path} is in no unit; "
                "move the page into a unit's folder (data/programme.yml, 'pages') or name its unit in the front matter ('unit: <id>')"
            )
        return unit

    def _record(self, unit: Unit) -> RecordView:
        site_url = self._outline.project.site_url
        website = short_address(SiteAddress.of(site_url, self._outline.project.repo_url).url) if site_url else None
        return record_view(unit, self._programme.title, self._activities(unit), website)

    def _activities(self, unit: Unit):
        return self._programme.activities_in_reading_order(unit)

    def _cached(self, macro: str, unit: Unit | None, argument, make) -> str:
        key = (macro, unit.id if unit else None, argument)
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

MACRO_NAMES = sorted(
    name for name, member in inspect.getmembers(PageMacros, inspect.isfunction) if not name.startswith("_")
)


def signature(name: str) -> inspect.Signature:
    """The macro's signature as a page calls it (without self)."""
    full = inspect.signature(getattr(PageMacros, name))
    return full.replace(parameters=list(full.parameters.values())[1:])
