"""The self-check "Which kind of problem is it?" on a unit's typology, and its worked scenarios.

Its questions, results and scenarios come from the unit's self_check.yml; the
types they name, from its problem_types.yml. The form, the worksheet and key
for paper (and for a browser without JavaScript) and the scenarios are
rendered here; the same words go into the page as JSON, for
docs/javascripts/problem-check.js to show the result of the learner's answers.
The script writes no words of its own: the engine's are MESSAGES, below. When
the data names `copy_to`, the result can be copied into that answer box.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.programme import Unit
from ..content.schemas import SelfCheckFile
from ..content.self_check import accepted, result_for
from .environment import render

# The worksheet's title, as a handout and in the printable workbook.
WORKSHEET_TITLE = "Self-check: which kind of problem is it?"
# The self-check's own words, on the page and in the script's results ({names} are filled in).
MESSAGES = {
    "problem": "Your problem: “{problem}”",
    "incomplete": "Answer every question first.",
    "missing": "Questions still to answer: {numbers}.",
    "none": "These answers have no result in the self-check's data.",  # make check refuses such data
    "typeLabel": "Type:",
    "typesLabel": "Types:",
    "reframeLabel": "How else could it be framed?",
    "same": "Your answers match the model answer for “{title}”.",
    "differ": "Questions where your answers differ from the model answer for “{title}”: {numbers}.",
    "showModel": "Show the model answer",
    "copied": "Copied into {label}, question {number}.",
    "notKept": "It is not kept: this browser is not storing answers.",
    "summary": "Self-check on {typology}: {text}",
    "any": "Any",
    "or": "or",
}


@dataclass(frozen=True)
class QuestionView:
    id: str
    number: int
    text: str
    hint: str | None
    answers: list[tuple[str, str]]  # (id, label), as the question offers them


@dataclass(frozen=True)
class ResultView:
    id: str
    headline: str
    types: str  # "Critical (command), Tame (management)"
    type_count: int
    explanation: str
    reframe: str
    when: dict[str, list[str]]  # every question's id: the answers the result is for
    conditions: list[str]  # per question, in order, for the key on paper: "No", "Yes or Not sure", "Any"


@dataclass(frozen=True)
class ModelLine:
    number: int
    question: str
    answer: str  # the answer's label
    why: str


@dataclass(frozen=True)
class ScenarioView:
    id: str
    title: str
    situation: str
    answers: dict[str, str]  # question id: answer id
    lines: list[ModelLine]
    types: str
    type_count: int
    headline: str  # of the result its answers lead to
    reframe: str


def _types_text(unit: Unit, type_ids: list[str]) -> str:
    """"Critical (command), Tame (management)": each type with the response the typology links to it."""
    types = {problem_type.id: problem_type for problem_type in unit.require("problem_types").types}
    return ", ".join(f"{types[i].name} ({types[i].response[:1].lower()}{types[i].response[1:]})" for i in type_ids)


def _questions(check: SelfCheckFile) -> list[QuestionView]:
    labels = {answer.id: answer.label for answer in check.answers}
    return [
        QuestionView(q.id, number, q.text, q.hint, [(a, labels[a]) for a in check.offered(q)])
        for number, q in enumerate(check.questions, start=1)
    ]


def _results(unit: Unit, check: SelfCheckFile, questions: list[QuestionView]) -> list[ResultView]:
    views = []
    for result in check.results:
        when, conditions = {}, []
        for question in questions:
            offered = [answer_id for answer_id, _ in question.answers]
            wanted = accepted(result, question.id) or offered
            when[question.id] = [answer_id for answer_id in offered if answer_id in wanted]
            labels = [label for answer_id, label in question.answers if answer_id in wanted]
            conditions.append(MESSAGES["any"] if len(labels) == len(offered) else f" {MESSAGES['or']} ".join(labels))
        views.append(
            ResultView(
                result.id, result.headline, _types_text(unit, result.types), len(result.types), result.explanation, result.reframe, when, conditions
            )
        )
    return views


def _scenarios(unit: Unit, check: SelfCheckFile, questions: list[QuestionView]) -> list[ScenarioView]:
    views = []
    for scenario in check.scenarios:
        given = {answer.question: answer for answer in scenario.model_answer.answers}
        lines = [
            ModelLine(question.number, question.text, dict(question.answers)[given[question.id].answer], given[question.id].why)
            for question in questions
        ]
        answers = {question_id: answer.answer for question_id, answer in given.items()}
        model = scenario.model_answer
        result = result_for(check, answers)
        views.append(
            ScenarioView(
                scenario.id, scenario.title, scenario.situation, answers, lines, _types_text(unit, model.types), len(model.types), result.headline, scenario.reframe
            )
        )
    return views


def _copy_to(unit: Unit, check: SelfCheckFile) -> dict | None:
    """The answer box a result can be copied into, named as the page names it; `unit` is numbered in reading order."""
    if check.copy_to is None:
        return None
    activity = unit.activity(check.copy_to.activity)
    prompt_ids = [prompt.id for prompt in activity.prompts]
    return {
        "activity": activity.id,
        "prompt": check.copy_to.prompt,
        "label": activity.label,
        "number": prompt_ids.index(check.copy_to.prompt) + 1,
    }


def problem_check_data(unit: Unit) -> dict:
    """What the page's script needs: every word it shows, as plain text."""
    check = unit.require("self_check")
    questions = _questions(check)
    return {
        "questions": [{"id": q.id, "number": q.number, "answers": [answer_id for answer_id, _ in q.answers]} for q in questions],
        "results": [
            {
                "id": r.id,
                "when": r.when,
                "headline": r.headline,
                "types": r.types,
                "typeCount": r.type_count,
                "explanation": r.explanation,
                "reframe": r.reframe,
            }
            for r in _results(unit, check, questions)
        ],
        "scenarios": [{"id": s.id, "title": s.title, "answers": s.answers} for s in _scenarios(unit, check, questions)],
        "copyTo": _copy_to(unit, check),
        "messages": {**MESSAGES, "summary": MESSAGES["summary"].replace("{typology}", unit.require("problem_types").name)},
    }


def problem_check_html(unit: Unit, glossary: dict[str, str], framing_source: str | None) -> str:
    """The self-check: its form and result for the screen, its worksheet and key for paper.
    `framing_source` is the framing point's citation ("Keith Grint, 2005"), when the data names one."""
    check = unit.require("self_check")
    questions = _questions(check)
    copy_to = _copy_to(unit, check)
    return render(
        "problem_check.html",
        glossary=glossary,
        check=check,
        questions=questions,
        results=_results(unit, check, questions),
        framing_source=framing_source,
        copy_label=copy_to["label"] if copy_to else None,
        messages=MESSAGES,
        data=problem_check_data(unit),
    )


def framing_citation(programme, unit: Unit) -> str | None:
    """The framing point's citation ("Keith Grint, 2005"), when the self-check's data names its source."""
    source = unit.require("self_check").framing_source
    reference = programme.reference(source) if source else None
    return f"{reference.author}, {reference.year}" if reference else None


def problem_check_worksheet_html(unit: Unit, glossary: dict[str, str], framing_source: str | None, heading_level: int = 1, title: str | None = None) -> str:
    """The self-check as a worksheet for paper alone: its questions to tick, its key, the framing and
    the caveat, marked as the site's own; a handout of its own, and a sheet of the printable workbook."""
    check = unit.require("self_check")
    questions = _questions(check)
    return render(
        "problem_check_worksheet.html",
        glossary=glossary,
        check=check,
        questions=questions,
        results=_results(unit, check, questions),
        framing_source=framing_source,
        messages=MESSAGES,
        heading_level=heading_level,
        title=title or WORKSHEET_TITLE,
    )


def problem_check_scenarios_html(unit: Unit, glossary: dict[str, str]) -> str:
    """The worked scenarios: each situation, a button to try it in the self-check, and its model answer."""
    check = unit.require("self_check")
    return render(
        "problem_check_scenarios.html",
        glossary=glossary,
        scenarios=_scenarios(unit, check, _questions(check)),
        messages=MESSAGES,
    )
