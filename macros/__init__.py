"""The macros pages call, for mkdocs-macros (`module_name: macros` in mkdocs.yml).

Only what mkdocs-macros loads lives here: `define_env` registers these plain
functions, and each hands its arguments to the course engine
(course/page_macros.py), for the page being rendered. Unit macros draw from
the data of the page's unit; the docstrings say what each draws.
"""

from __future__ import annotations

from jinja2 import pass_context

from course.project import PLUGIN_NAME


def _for_page(context):
    """The engine's macros for the page mkdocs-macros is rendering."""
    plugin = context["config"].plugins.get(PLUGIN_NAME)
    if plugin is None:
        raise RuntimeError(f"mkdocs.yml: these macros need the '{PLUGIN_NAME}' plugin; list it under plugins:")
    return plugin.page_macros(context["page"])


@pass_context
def activity(context, activity_id: str) -> str:
    """An activity of the page's unit: label, instructions, prompts, answer boxes and lines for paper."""
    return _for_page(context).activity(activity_id)


@pass_context
def outcomes(context) -> str:
    """The top of a unit page: what a learner will be able to do after it, and how long it takes to read and do."""
    return _for_page(context).outcomes()


@pass_context
def unit_outcomes(context) -> str:
    """The top of a unit's overview: every outcome of the unit, and how long the whole unit takes."""
    return _for_page(context).unit_outcomes()


@pass_context
def key_points(context) -> str:
    """The end of a unit page: its key points, from the unit's key_points.yml."""
    return _for_page(context).key_points()


@pass_context
def activity_list(context) -> str:
    """The page's unit's activities, in reading order, as a list of links, with how many of each kind."""
    return _for_page(context).activity_list()


@pass_context
def activity_label(context, activity_id: str) -> str:
    """An activity's label as the programme numbers it, e.g. "Self-Activity 8", for prose."""
    return _for_page(context).activity_label(activity_id)


@pass_context
def changed_since(context, note_id: str) -> str:
    """A dated note of what has changed since the slides, from the page's unit's changed_since.yml."""
    return _for_page(context).changed_since(note_id)


@pass_context
def comparison_table(context, table_id: str) -> str:
    """A comparison table of the page's unit: "organisational-forms" or "problem-types"."""
    return _for_page(context).comparison_table(table_id)


@pass_context
def typology_figure(context) -> str:
    """Grint's typology of the page's unit, drawn as SVG."""
    return _for_page(context).typology_figure()


@pass_context
def problem_check(context) -> str:
    """The self-check "Which kind of problem is it?" on the page's unit's typology."""
    return _for_page(context).problem_check()


@pass_context
def problem_check_scenarios(context) -> str:
    """The worked scenarios of the page's unit's self-check, each with its model answer."""
    return _for_page(context).problem_check_scenarios()


@pass_context
def simple_rules(context) -> str:
    """The page's unit's simple rules."""
    return _for_page(context).simple_rules()


@pass_context
def key_terms(context) -> str:
    """The page's unit's key terms, defined from its data."""
    return _for_page(context).key_terms()


@pass_context
def my_workbook(context) -> str:
    """My workbook: every prompt of the page's unit with the learner's answers."""
    return _for_page(context).my_workbook()


@pass_context
def my_workbook_finish(context) -> str:
    """The end of My workbook: keep your record, then delete your answers from this computer."""
    return _for_page(context).my_workbook_finish()


@pass_context
def reflective_record(context) -> str:
    """The page's unit's reflective record: the details, the reflective account, and the record to print or download."""
    return _for_page(context).reflective_record()


@pass_context
def reflective_record_uses(context) -> str:
    """Who can use the page's unit's reflective record for appraisal or revalidation, with sources."""
    return _for_page(context).reflective_record_uses()


@pass_context
def joining_note(context) -> str:
    """The joining note to send before the session, from the page's unit's before_and_after.yml."""
    return _for_page(context).joining_note()


@pass_context
def attendance_register(context) -> str:
    """The attendance register to print, from the page's unit's before_and_after.yml."""
    return _for_page(context).attendance_register()


@pass_context
def evaluation_form(context) -> str:
    """The evaluation form, on paper and on screen, from the page's unit's before_and_after.yml."""
    return _for_page(context).evaluation_form()


@pass_context
def certificate(context) -> str:
    """The certificate of attendance, from the page's unit's before_and_after.yml."""
    return _for_page(context).certificate()


@pass_context
def workbook_cover(context) -> str:
    """The printable workbook's cover, for the page's unit."""
    return _for_page(context).workbook_cover()


@pass_context
def workbook_activities(context) -> str:
    """The printable workbook's activities, for the page's unit."""
    return _for_page(context).workbook_activities()


@pass_context
def presenter_view(context) -> str:
    """The deck of the page's unit: every part of the session with its slides and speaker notes, timers on its activities."""
    return _for_page(context).presenter_view()


@pass_context
def cite(context, reference_id: str) -> str:
    """An in-text citation linking to the programme's list of references."""
    return _for_page(context).cite(reference_id)


@pass_context
def references(context) -> str:
    """Every source of the programme."""
    return _for_page(context).references()


@pass_context
def abbreviations(context) -> str:
    """Every abbreviation the site explains."""
    return _for_page(context).abbreviations()


@pass_context
def accessibility_statement(context) -> str:
    """The accessibility statement: data/accessibility.yml and what the tests check."""
    return _for_page(context).accessibility_statement()


@pass_context
def privacy_notice(context) -> str:
    """The privacy notice: what the website keeps in the browser, and how to delete it."""
    return _for_page(context).privacy_notice()


@pass_context
def facilitator_guide(context) -> str:
    """The session plan and every activity's facilitator notes, for the page's unit."""
    return _for_page(context).facilitator_guide()


@pass_context
def run_sheet(context, minutes: int) -> str:
    """The one-page run sheet of the session's version of this many minutes."""
    return _for_page(context).run_sheet(minutes)


@pass_context
def flocking_simulation(context, people: int = 20) -> str:
    """The flocking exercise as a live simulation, with its static figure."""
    return _for_page(context).flocking_simulation(people)


MACROS = (
    abbreviations,
    accessibility_statement,
    activity,
    activity_label,
    activity_list,
    attendance_register,
    certificate,
    changed_since,
    cite,
    comparison_table,
    evaluation_form,
    facilitator_guide,
    flocking_simulation,
    joining_note,
    key_points,
    key_terms,
    my_workbook,
    my_workbook_finish,
    outcomes,
    presenter_view,
    privacy_notice,
    problem_check,
    problem_check_scenarios,
    references,
    reflective_record,
    reflective_record_uses,
    run_sheet,
    simple_rules,
    typology_figure,
    unit_outcomes,
    workbook_activities,
    workbook_cover,
)


def define_env(env) -> None:
    """Register every macro. The checks ran before this, in the course plugin."""
    for function in MACROS:
        env.macro(function)
