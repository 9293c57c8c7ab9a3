"""Schemas for the unit's structured content (the YAML files under data/).

Every model forbids unknown keys, so a typo such as ``titel`` is an error
rather than a silently ignored field, and every text field must hold text.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


def _unique_ids(entries, what: str):
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise ValueError(f"two {what} have the id '{entry.id}'; ids must be unique")
        seen.add(entry.id)
    return entries


# --- Markets, hierarchies and networks -------------------------------------


class OrganisationalForm(Strict):
    id: Slug
    name: Text
    metaphor: Text
    good_for: Text
    coordination: Text
    invisible_hand: Text
    strengths: list[Text] = Field(min_length=1)
    weaknesses: list[Text] = Field(min_length=1)


class OrganisationalForms(Strict):
    caption: Text
    source: Slug | None = None
    forms: list[OrganisationalForm] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self):
        _unique_ids(self.forms, "forms")
        return self


# --- Grint's typology of problems ------------------------------------------


class ProblemType(Strict):
    id: Slug
    name: Text
    description: Text
    response: Text
    approach: Text
    check_question: Text = Field(description="The self-check's yes/no question for this type")


class ProblemTypes(Strict):
    caption: Text
    source: Slug | None = None
    check_caveat: Text = Field(description="Shown with the self-check's result: the typology is a lens")
    types: list[ProblemType] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self):
        _unique_ids(self.types, "problem types")
        return self


# --- Simple rules -----------------------------------------------------------


class SimpleRule(Strict):
    name: Text
    description: Text


class SimpleRules(Strict):
    heading: Text
    source: Slug | None = None
    rules: list[SimpleRule] = Field(min_length=1)


# --- Activities -------------------------------------------------------------


class Prompt(Strict):
    id: Slug
    text: Text
    lines: int = Field(ge=1, le=30, description="Ruled lines of writing space on paper")


class Activity(Strict):
    id: Slug
    label: Text
    title: Text
    mode: Literal["individual", "group"]
    question: Text | None = None
    instructions: list[Text] = Field(min_length=1)
    prompts: list[Prompt] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self):
        _unique_ids(self.prompts, "prompts")
        return self


class Activities(Strict):
    activities: list[Activity] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self):
        _unique_ids(self.activities, "activities")
        return self


# --- The programme ----------------------------------------------------------


class UnitEntry(Strict):
    id: Slug
    number: int = Field(ge=1, le=99)
    title: Text


class Programme(Strict):
    title: Text
    numbering: dict[Text, int] = Field(default_factory=dict, description="First number of each numbered label")
    units: list[UnitEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self):
        _unique_ids(self.units, "units")
        for label, first in self.numbering.items():
            if first < 1:
                raise ValueError(f"numbering for '{label}' must start at 1 or more, not {first}")
        return self


# --- References -------------------------------------------------------------


class Reference(Strict):
    id: Slug
    author: Text
    year: int = Field(ge=1900, le=2100)
    adapted: bool = False
    used_for: Text


class References(Strict):
    references: list[Reference] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self):
        _unique_ids(self.references, "references")
        return self
