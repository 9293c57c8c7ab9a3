"""Schemas for the structured content: the YAML files under data/.

Every model forbids unknown keys, so a typo such as ``titel`` is an error
rather than a silently ignored field, and every text field must hold text.
Each class is the shape of one file (``...File``) or of one entry in it.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator, model_validator

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
# A folder of docs/ holding a unit's pages: "" (docs/ itself) or e.g. "unit-4".
Folder = Annotated[str, StringConstraints(pattern=r"^([a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*)?$", max_length=200)]
# A name the browser code uses: a JavaScript identifier.
Identifier = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_$][A-Za-z0-9_$]*$", max_length=60)]


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
    metaphor: Text = Field(description="What the slides liken the form to")
    good_for: Text
    points: list[Text] = Field(min_length=1, description="The slides' points about the form, in their order")
    definition: Text = Field(description="The site's own one-sentence definition, for the glossary")


class OrganisationalFormsFile(Strict):
    name: Text = Field(description="What the comparison is called, as a heading: 'Markets, hierarchies and networks'")
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
    role: Text | None = Field(default=None, description="What the response does ('provides the answer'): the site's words, citing roles_source")
    check_question: Text = Field(description="The self-check's yes/no question for this type")


class CopyTarget(Strict):
    """The answer box the self-check's result can be copied into."""

    activity: Slug
    prompt: Slug


class ProblemTypesFile(Strict):
    name: Text = Field(description="What the typology is called, as a heading and the figure's title: 'Grint's typology of problems'")
    caption: Text
    source: Slug | None = None
    check_caveat: Text = Field(description="Shown with the self-check's result: the typology is a lens")
    check_copy_to: CopyTarget | None = Field(default=None, description="Where the self-check's result can be copied")
    roles_source: Slug | None = Field(default=None, description="The reference the types' roles come from")
    types: list[ProblemType] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self):
        _unique_ids(self.types, "problem types")
        return self


# --- Simple rules -----------------------------------------------------------


class SimpleRule(Strict):
    name: Text
    description: Text


class SimpleRulesFile(Strict):
    heading: Text
    source: Slug | None = None
    rules: list[SimpleRule] = Field(min_length=1)


# --- Activities -------------------------------------------------------------


class Prompt(Strict):
    id: Slug
    text: Text
    lines: int = Field(ge=1, le=30, description="Ruled lines of writing space on paper")


Minutes = Annotated[int, Field(ge=1, le=600, description="Whole minutes, 1 or more")]


class Facilitation(Strict):
    """What the person running the activity in a room needs: the site's own words, never the slides'."""

    purpose: Text = Field(description="Why the activity is here, in a sentence or two")
    group_size: Text = Field(description="Who works with whom: 'On your own, then in pairs', 'Groups of 4 to 6'")
    minutes: Minutes = Field(description="Planned minutes: the session plan's and the presenter view's timer")
    say: list[Text] = Field(min_length=1, description="What to say to the room, step by step")
    access: Text = Field(description="How anyone who cannot do the activity as set takes part")
    safety: Text | None = Field(default=None, description="Where the activity needs it: what keeps people safe")
    if_stuck: Text | None = Field(default=None, description="What to do when the activity does not go as planned")
    debrief: list[Text] = Field(min_length=1, description="Questions for the room afterwards")
    listen_for: list[Text] = Field(min_length=1, description="What to listen for in the debrief")
    bridge: Text = Field(description="How to lead into the next part of the session")


class Activity(Strict):
    id: Slug
    label: Text
    title: Text
    mode: Literal["individual", "group"]
    question: Text | None = None
    instructions: list[Text] = Field(min_length=1)
    prompts: list[Prompt] = Field(min_length=1)
    facilitation: Facilitation | None = None
    added_for_site: list[Slug] = Field(
        default_factory=list, description="Parts the site adds to the slides: 'question', 'instructions' or a prompt's id"
    )

    @model_validator(mode="after")
    def _ids(self):
        _unique_ids(self.prompts, "prompts")
        known = {"question", "instructions", *(prompt.id for prompt in self.prompts)}
        for part in self.added_for_site:
            if part not in known:
                names = ", ".join(repr(name) for name in sorted(known))
                raise ValueError(f"added_for_site names '{part}', which is not a part of this activity; use one of {names}")
        return self

    def prompt(self, prompt_id: str) -> Prompt:
        for prompt in self.prompts:
            if prompt.id == prompt_id:
                return prompt
        known = ", ".join(repr(p.id) for p in self.prompts)
        raise KeyError(f"activity {self.id!r} has no prompt {prompt_id!r}; its prompts: {known}")


class ActivitiesFile(Strict):
    activities: list[Activity] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self):
        _unique_ids(self.activities, "activities")
        return self


# --- The session plan ------------------------------------------------------


class SessionPart(Strict):
    """One part of the running order: an activity (its minutes are its facilitation's) or another part."""

    activity: Slug | None = Field(default=None, description="An activity's id; its notes give the minutes")
    part: Text | None = Field(default=None, description="What happens, when it is not an activity")
    minutes: Minutes | None = Field(default=None, description="For a part that is not an activity")
    page: Text | None = Field(default=None, description="The page to open for this part, as docs/ names it (pcn-ethos.md)")
    notes: Text | None = None

    @model_validator(mode="after")
    def _activity_or_part(self):
        if (self.activity is None) == (self.part is None):
            raise ValueError("give either 'activity' (an activity's id) or 'part' (what happens), not both or neither")
        if self.activity is not None and self.minutes is not None:
            raise ValueError(
                f"'minutes' comes from activity '{self.activity}': set it in its facilitation block in activities.yml, not here"
            )
        if self.part is not None and self.minutes is None:
            raise ValueError("a part needs 'minutes' (a whole number, 1 or more)")
        return self


class SessionFile(Strict):
    """A unit's session plan, for whoever runs it in a room."""

    title: Text
    learning_outcomes: list[Text] = Field(min_length=1)
    materials: list[Text] = Field(min_length=1)
    room: list[Text] = Field(min_length=1, description="How to set the room up")
    total_minutes: Minutes = Field(description="The session's length: the running order must add up to it")
    running_order: list[SessionPart] = Field(min_length=1)


# --- The programme ----------------------------------------------------------


class UnitEntry(Strict):
    id: Slug = Field(description="Also the name of the unit's data folder, data/<id>/")
    number: int = Field(ge=1, le=99)
    title: Text
    pages: Folder = Field(description="The folder of docs/ holding the unit's pages; '' is docs/ itself")
    storage_key: Slug = Field(
        description="Prefix of the keys the learner's answers are kept under in the browser; never change it"
    )


class ProgrammeFile(Strict):
    title: Text
    script_namespace: Identifier = Field(description="The name the site's scripts share in the browser (window.<name>)")
    offline_copy: Slug = Field(description="Name of the offline copy: download/<name>.zip, holding the folder <name>")
    numbering: dict[Text, int] = Field(default_factory=dict, description="First number of each numbered label")
    units: list[UnitEntry] = Field(min_length=1)

    @field_validator("units")
    @classmethod
    def _units_differ(cls, units: list[UnitEntry]) -> list[UnitEntry]:
        _unique_ids(units, "units")
        for what in ("number", "pages", "storage_key"):
            seen: dict = {}
            for unit in units:
                value = getattr(unit, what)
                if value in seen:
                    raise ValueError(
                        f"units '{seen[value]}' and '{unit.id}' have the same {what} ({value!r}); each unit needs its own"
                    )
                seen[value] = unit.id
        return units

    @model_validator(mode="after")
    def _numbering(self):
        for label, first in self.numbering.items():
            if first < 1:
                raise ValueError(f"numbering for '{label}' must start at 1 or more, not {first}")
        return self


# --- References -------------------------------------------------------------


class Reference(Strict):
    id: Slug
    author: Text
    year: int = Field(ge=1900, le=2100)
    title: Text | None = Field(default=None, description="Only where it has been checked against the work itself")
    published_in: Text | None = Field(default=None, description="Journal, volume(issue) and pages, as the work gives them")
    doi: Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$", max_length=200)] | None = None
    adapted: bool = False
    cited_by_slides: bool = Field(default=True, description="False for further reading this site adds")
    used_for: Text


class ReferencesFile(Strict):
    references: list[Reference] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self):
        _unique_ids(self.references, "references")
        return self


# --- The accessibility statement ---------------------------------------------

# The statement's contact: the repository's issues (its address comes from site_url), or an email address.
REPOSITORY_ISSUES = "repository issues"
_EMAIL = re.compile(r"^[^@\s<>\"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
# The compliance status, in the regulations' words, or "not assessed" until someone audits the site by hand.
Compliance = Literal["not assessed", "fully compliant", "partially compliant", "not compliant"]


class AccessibilityFile(Strict):
    """data/accessibility.yml: what only people can say in the accessibility statement."""

    organisation: Text = Field(description="Who runs the website, as the statement names them")
    contact: Text = Field(description=f"'{REPOSITORY_ISSUES}', or an email address that reads requests and reports")
    compliance: Compliance
    prepared: datetime.date = Field(description="The day the statement was first published")
    last_reviewed: datetime.date = Field(description="The day someone last checked the statement against the site")
    unconfirmed: list[Literal["organisation", "contact", "compliance", "prepared", "last_reviewed"]] = Field(
        default_factory=list, description="Fields the organisation has still to confirm: `make check` reminds until it does"
    )

    @field_validator("contact")
    @classmethod
    def _contact(cls, contact: str) -> str:
        if contact != REPOSITORY_ISSUES and not _EMAIL.match(contact):
            raise ValueError(f"write '{REPOSITORY_ISSUES}' or an email address (name@example.org), not {contact!r}")
        return contact

    @field_validator("last_reviewed")
    @classmethod
    def _reviewed_after_prepared(cls, reviewed: datetime.date, info: ValidationInfo) -> datetime.date:
        prepared = info.data.get("prepared")
        if prepared is not None and reviewed < prepared:
            raise ValueError(f"the statement cannot be reviewed ({reviewed}) before it was prepared ({prepared}); correct one of the dates")
        return reviewed

    @field_validator("unconfirmed")
    @classmethod
    def _listed_once(cls, fields: list[str]) -> list[str]:
        repeated = sorted({name for name in fields if fields.count(name) > 1})
        if repeated:
            raise ValueError(f"{', '.join(repeated)} is listed twice; list each field once")
        return fields

    @property
    def email(self) -> str | None:
        return None if self.contact == REPOSITORY_ISSUES else self.contact


# --- The spelling check's word list (data/spelling.yml) --------------------------

Word = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[\w'-]+$", max_length=60)]


class SpellingFile(Strict):
    accepted: list[Word] = Field(default_factory=list, max_length=5000, description="Words the spelling check leaves alone")


# --- A page's front matter -----------------------------------------------------


class SearchSettings(Strict):
    exclude: bool = False


class FrontMatter(Strict):
    """The fields a page may have (guides/authors.md). The theme, mkdocs-macros and the search
    read them too, and stop the build on a kind they do not expect, so every kind is checked.
    `unit`, `pdf` and `whole_unit` are checked where they are followed (outline, paper plan)."""

    description: str = ""
    title: str = ""
    scripts: list[str] = Field(default_factory=list)
    unit: object = None
    pdf: object = None
    whole_unit: object = None
    pdf_list: bool = False
    search: SearchSettings = Field(default_factory=SearchSettings)
    render_macros: bool = True
    # A page template of the project's own (overrides/), never one of the theme's (redirect.html
    # would send readers anywhere): add a new page template's name here.
    template: Literal["presenter.html"] | None = None
    hide: list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]] = Field(default_factory=list)
