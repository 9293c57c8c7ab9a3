"""The self-check's rules (self_check.yml): which result a learner's answers lead to, and the
checks that every combination of answers leads to exactly one.

A result's `when` gives, for some questions, the answer (or answers) it is for; a question
it leaves out may have any answer. The check enumerates every combination of the answers
the questions offer, so a combination no result covers, or two results cover, is found
before a build, never by a learner. docs/javascripts/problem-check.js applies the same
rule in the browser (`matches`), on the page's JSON.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from . import schemas
from .problems import ContentError, Problem
from .yaml_files import compose, key_line_of, read_text

FILE = "self_check.yml"
# Combinations listed in one message before the rest are counted.
LISTED_COMBINATIONS = 3


def accepted(result: schemas.CheckResult, question_id: str) -> list[str] | None:
    """The answers `result` is for on one question, or None for any answer."""
    wanted = result.when.get(question_id)
    if wanted is None:
        return None
    return [wanted] if isinstance(wanted, str) else list(wanted)


def matches(result: schemas.CheckResult, answers: dict[str, str]) -> bool:
    """Whether the result is for these answers (question id: answer id)."""
    return all(answers.get(question) in (accepted(result, question) or []) for question in result.when)


def result_for(check: schemas.SelfCheckFile, answers: dict[str, str]) -> schemas.CheckResult:
    """The one result for a full set of answers (the check makes sure there is exactly one)."""
    return next(result for result in check.results if matches(result, answers))


def combinations(check: schemas.SelfCheckFile):
    """Every full set of answers a learner can give, as {question id: answer id}, in the questions' order."""
    offered = [check.offered(question) for question in check.questions]
    for chosen in itertools.product(*offered):
        yield dict(zip((question.id for question in check.questions), chosen))


def check_self_check(unit, data_dir: Path, references: set[str]) -> list[Problem]:
    """Everything about a unit's self_check.yml that one entry cannot say alone, each at its line."""
    check = unit.self_check
    file = f"{unit.data_folder}/{FILE}"
    try:
        node = compose(read_text(Path(data_dir) / unit.id / FILE, file), file)
    except ContentError as error:  # it loaded a moment ago; only a change since could fail
        return list(error.problems)

    def at(*loc) -> int:
        return key_line_of(node, loc)

    problems = _answers_and_questions(check, file, at)
    problems += _types(unit, check, file, at)
    if check.framing_source and check.framing_source not in references:
        problems.append(Problem(file, at("framing_source"), f"field 'framing_source': no reference '{check.framing_source}' in any references.yml"))
    if check.copy_to is not None:
        try:
            unit.activity(check.copy_to.activity).prompt(check.copy_to.prompt)
        except KeyError as error:
            problems.append(Problem(file, at("copy_to"), f"field 'copy_to': {error.args[0]} (in this unit)"))
    if problems:  # the results cannot be read against questions or answers that are wrong
        return problems
    problems += _coverage(check, file, at)
    return problems or _scenarios(check, file, at)


def _names(ids) -> str:
    return ", ".join(f"'{i}'" for i in ids)


def _answers_and_questions(check: schemas.SelfCheckFile, file: str, at) -> list[Problem]:
    """Each question offers answers the file lists; each result's `when` names questions and answers they offer."""
    problems = []
    known = [answer.id for answer in check.answers]
    for q, question in enumerate(check.questions):
        for a, answer in enumerate(question.answers or []):
            if answer not in known:
                problems.append(
                    Problem(file, at("questions", q, "answers", a), f"question '{question.id}': no answer '{answer}' in 'answers'; use one of {_names(known)}")
                )
    questions = {question.id: check.offered(question) for question in check.questions}
    for r, result in enumerate(check.results):
        for question_id in result.when:
            where = at("results", r, "when", question_id)
            if question_id not in questions:
                problems.append(
                    Problem(file, where, f"result '{result.id}': 'when' names the question '{question_id}', which is not one of the questions; use one of {_names(questions)}")
                )
                continue
            for answer in accepted(result, question_id):
                if answer not in questions[question_id]:
                    problems.append(
                        Problem(
                            file,
                            where,
                            f"result '{result.id}': question '{question_id}' has no answer '{answer}'; it offers {_names(questions[question_id])}",
                        )
                    )
    return problems


def _types(unit, check: schemas.SelfCheckFile, file: str, at) -> list[Problem]:
    """Every type a result or a model answer names is one of the unit's problem types. Without
    problem_types.yml there are none to check against: the page that shows the self-check says it is missing."""
    if unit.problem_types is None:
        return []
    known = [problem_type.id for problem_type in unit.problem_types.types]
    named = [(("results", r, "types", t), f"result '{result.id}'", type_id) for r, result in enumerate(check.results) for t, type_id in enumerate(result.types)]
    named += [
        (("scenarios", s, "model_answer", "types", t), f"scenario '{scenario.id}'", type_id)
        for s, scenario in enumerate(check.scenarios)
        for t, type_id in enumerate(scenario.model_answer.types)
    ]
    return [
        Problem(file, at(*loc), f"{owner}: no problem type '{type_id}' in {unit.data_folder}/problem_types.yml; use one of {_names(known)}")
        for loc, owner, type_id in named
        if type_id not in known
    ]


def _described(answers: dict[str, str]) -> str:
    """One set of answers: "(time 'yes', agreed 'no')"."""
    return "(" + ", ".join(f"{question} '{answer}'" for question, answer in answers.items()) + ")"


def _listed(combos: list[dict[str, str]]) -> str:
    """Sets of answers, the first few listed and the rest counted."""
    listed = " and ".join(_described(combo) for combo in combos[:LISTED_COMBINATIONS])
    more = len(combos) - LISTED_COMBINATIONS
    return listed + (f" and {more} more" if more > 0 else "")


def _coverage(check: schemas.SelfCheckFile, file: str, at) -> list[Problem]:
    """Every combination of answers leads to exactly one result."""
    uncovered, shared = [], {}
    for combo in combinations(check):
        found = [r for r, result in enumerate(check.results) if matches(result, combo)]
        if not found:
            uncovered.append(combo)
        elif len(found) > 1:
            shared.setdefault((found[0], found[1]), []).append(combo)
    problems = []
    if uncovered:
        problems.append(
            Problem(file, at("results"), f"no result for the answers {_listed(uncovered)}; add a result, or widen a result's 'when' to cover them")
        )
    for (first, second), combos in shared.items():
        names = f"'{check.results[first].id}' and '{check.results[second].id}'"
        problems.append(
            Problem(
                file,
                at("results", second, "when"),
                f"results {names} are both for the answers {_listed(combos)}; narrow one's 'when' so each set of answers has one result",
            )
        )
    return problems


def _scenarios(check: schemas.SelfCheckFile, file: str, at) -> list[Problem]:
    """Each model answer answers every question once, with an answer it offers, and names its result's types."""
    problems = []
    offered = {question.id: check.offered(question) for question in check.questions}
    for s, scenario in enumerate(check.scenarios):
        model, found = scenario.model_answer, len(problems)
        given: dict[str, str] = {}
        for a, answer in enumerate(model.answers):
            loc, owner = ("scenarios", s, "model_answer", "answers", a), f"scenario '{scenario.id}'"
            if answer.question not in offered:
                problems.append(Problem(file, at(*loc, "question"), f"{owner}: no question '{answer.question}'; answer one of {_names(offered)}"))
            elif answer.question in given:
                problems.append(Problem(file, at(*loc, "question"), f"{owner}: the question '{answer.question}' is answered twice; answer it once"))
            elif answer.answer not in offered[answer.question]:
                problems.append(
                    Problem(
                        file,
                        at(*loc, "answer"),
                        f"{owner}: question '{answer.question}' has no answer '{answer.answer}'; it offers {_names(offered[answer.question])}",
                    )
                )
            given[answer.question] = answer.answer
        missing = [question for question in offered if question not in given]
        if missing:
            problems.append(Problem(file, at("scenarios", s, "model_answer", "answers"), f"scenario '{scenario.id}': the model answer does not answer {_names(missing)}; answer every question"))
        if len(problems) > found:
            continue
        result = result_for(check, given)
        if list(model.types) != list(result.types):
            problems.append(
                Problem(
                    file,
                    at("scenarios", s, "model_answer", "types"),
                    f"scenario '{scenario.id}': its answers lead to the result '{result.id}', whose types are {_names(result.types)}, "
                    f"not {_names(model.types)}; change its answers or its types so the self-check agrees with the model answer",
                )
            )
    return problems
