"""The reflective record on My workbook: the learner's evidence for appraisal and revalidation.

From the unit's data/<unit>/reflective_record.yml: the reflective account's
parts (answer boxes, kept in the browser like an activity's answers, under the
id schemas.RECORD_ID), the dimensions of the leadership model the unit touches,
and who can use the record, each statement with its sources. The record itself
is made in the browser (docs/javascripts/reflective-record.js), from the
learner's answers and the JSON rendered here: the sheet that prints (its
headings and fixed text rendered by reflective_record.html, its slots filled
by the script), a text file and a Word document.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.programme import Unit
from ..content.schemas import RECORD_DETAILS, RECORD_ID, Activity, RecordSource, ReflectiveRecordFile
from .environment import render
from .my_workbook import my_workbook_data


# The record's own headings and labels: the sheet that prints (reflective_record.html)
# and the files the script makes (its data's "labels") say them alike.
LABELS = {
    "date": "Date",
    "timeSpent": "Time spent",
    "website": "Website",
    "outcomes": "The unit's learning outcomes",
    "outcomesLead": "After the unit, you will be able to:",
    "account": "Reflective account",
    "touched": "the dimensions this unit touches",
    "dimension": "Dimension",
    "how": "Where the unit touches it",
    "answers": "My answers to the unit's activities",
    "source": "Source",
    "notGiven": "Not given",
    "notWritten": "Not written yet.",
    "noAnswers": "No answers yet.",
}


@dataclass(frozen=True)
class Touched:
    name: str  # the dimension's name, as the model gives it
    how: str  # where the unit touches it: the site's judgement


@dataclass(frozen=True)
class RecordView:
    record: ReflectiveRecordFile
    unit_heading: str  # "Unit 3: How to lead beyond your role?"
    programme: str
    website: str | None  # the site's address as a person would type it, for the record's "Website" row
    outcomes: list[str]
    touched: list[Touched]
    sources: dict[str, RecordSource]
    prompts: dict[tuple[str, str], str]  # (activity, prompt) -> the prompt's text, for the answers drawn on
    file_name: str  # unit-3-reflective-record (.txt, .docx)

    @property
    def storage_id(self) -> str:
        return RECORD_ID

    @property
    def details(self) -> tuple[str, ...]:
        return RECORD_DETAILS

    @property
    def account_source(self) -> RecordSource | None:
        return self.sources[self.record.account_source] if self.record.account_source else None

    @property
    def model_source(self) -> RecordSource:
        return self.sources[self.record.leadership_model.source]


def record_view(unit: Unit, programme_title: str, activities: list[Activity], website: str | None) -> RecordView:
    """What the record shows for `unit` (which has a reflective_record.yml), its activities in reading order."""
    record = unit.require("reflective_record")
    names = {dimension.id: dimension.name for dimension in record.leadership_model.dimensions}
    return RecordView(
        record=record,
        unit_heading=unit.heading,
        programme=programme_title,
        website=website,
        outcomes=[outcome.text for outcome in unit.outcomes.outcomes] if unit.outcomes else [],
        touched=[Touched(names[touch.dimension], touch.how) for touch in record.touches],
        sources={source.id: source for source in record.sources},
        prompts={(activity.id, prompt.id): prompt.text for activity in activities for prompt in activity.prompts},
        file_name=f"{unit.id}-reflective-record",
    )


def _citation(source: RecordSource) -> str:
    return f"{source.publisher}, {source.title}" + (f": {source.url}" if source.url else "")


def reflective_record_data(view: RecordView, activities: list[Activity]) -> dict:
    """What the script needs to make the record: plain text only, in the record's order."""
    record = view.record
    return {
        "id": view.storage_id,
        "labels": LABELS,
        "title": record.title,
        "unit": view.unit_heading,
        "programme": view.programme,
        "website": view.website,
        "fileName": view.file_name,
        "outcomes": view.outcomes,
        "account": [
            {
                "id": part.id,
                "heading": part.heading,
                "drawsOn": [
                    {"activity": target.activity, "prompt": target.prompt, "text": view.prompts[(target.activity, target.prompt)]}
                    for target in part.draws_on
                ],
            }
            for part in record.account
        ],
        "accountNote": record.account_note,
        "accountSource": _citation(view.account_source) if view.account_source else None,
        "model": record.leadership_model.name,
        "touched": [{"name": touched.name, "how": touched.how} for touched in view.touched],
        "touchesNote": record.touches_note,
        "modelSource": _citation(view.model_source),
        "activities": my_workbook_data(view.unit_heading, view.programme, activities)["activities"],  # as My workbook's downloads list them
    }


def reflective_record_html(view: RecordView, activities: list[Activity], glossary: dict[str, str], privacy_href: str | None) -> str:
    """The record's form (date, time spent, the account's answer boxes), its buttons, and the sheet that prints."""
    return render(
        "reflective_record.html",
        view=view,
        record=view.record,
        labels=LABELS,
        data=reflective_record_data(view, activities),
        glossary=glossary,
        privacy_href=privacy_href,
    )


def reflective_record_uses_html(view: RecordView, glossary: dict[str, str]) -> str:
    """Who can use the record for appraisal or revalidation, and how, each with its sources."""
    return render("reflective_record_uses.html", view=view, record=view.record, glossary=glossary)
