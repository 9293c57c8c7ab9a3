"""Schemas for the structured content: the YAML files under data/.

Every model forbids unknown keys, so a typo such as ``titel`` is an error
rather than a silently ignored field, and every text field must hold text.
Each class is the shape of one file (``...File``) or of one entry in it.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator, model_validator

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


# --- Words the site adds, with their sources ------------------------------------


class SourcedText(Strict):
    """Words of this site's own (a definition, a point of a dated note), shown marked as the site's,
    with the references they rest on."""

    text: Text
    sources: list[Slug] = Field(min_length=1, description="The references (ids in a references.yml) the words rest on")


# --- Markets, hierarchies and networks -------------------------------------


class OrganisationalForm(Strict):
    id: Slug
    name: Text
    metaphor: Text = Field(description="What the slides liken the form to")
    good_for: Text
    points: list[Text] = Field(min_length=1, description="The slides' points about the form, in their order")
    in_the_slides: Text = Field(description="What the slides make of the form, in a sentence, for the glossary (shown as the slides')")
    definition: SourcedText | None = Field(default=None, description="The form as the literature defines it (the site's words, sourced)")


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
    definition: SourcedText | None = Field(default=None, description="The type as its sources define it (the site's words), beside the slides'")


class FigureAxes(Strict):
    """The typology figure's axis labels: as the source's figure gives them (`source`), or the site's own."""

    horizontal: Text
    vertical: Text
    source: Slug | None = Field(default=None, description="The reference whose figure has these labels; leave out when they are this site's")


class CopyTarget(Strict):
    """The answer box the self-check's result can be copied into."""

    activity: Slug
    prompt: Slug


class ProblemTypesFile(Strict):
    name: Text = Field(description="What the typology is called, as a heading and the figure's title: 'Grint's typology of problems'")
    caption: Text
    source: Slug | None = None
    axes: FigureAxes | None = Field(default=None, description="The figure's axis labels; without them its axes are unlabelled")
    types: list[ProblemType] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self):
        _unique_ids(self.types, "problem types")
        return self


# --- The self-check on the typology (self_check.yml) ----------------------------


def _yaml_boolean_as_answer(value):
    """YAML reads a bare yes or no as true or false: an answer written so means "yes" or "no"."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


# An answer's id ("yes", "no", "not-sure"), in quotes or not.
AnswerId = Annotated[Slug, BeforeValidator(_yaml_boolean_as_answer)]
# The most questions and answers a self-check may have: every combination of answers
# needs a result, and 6 questions of 5 answers are already 15,625 combinations.
MAX_CHECK_QUESTIONS = 6
MAX_CHECK_ANSWERS = 5


class CheckAnswer(Strict):
    id: AnswerId
    label: Text = Field(description="What the learner ticks: 'Yes', 'Not sure'")


class CheckQuestion(Strict):
    id: Slug
    text: Text
    hint: Text | None = Field(default=None, description="A line under the question: what counts as yes")
    answers: list[AnswerId] | None = Field(
        default=None, min_length=2, max_length=MAX_CHECK_ANSWERS, description="The answers this question offers (ids); all of them when left out"
    )


class CheckResult(Strict):
    """What one or more combinations of answers suggest."""

    id: Slug
    when: dict[Slug, AnswerId | Annotated[list[AnswerId], Field(min_length=1)]] = Field(
        default_factory=dict, description="Question id: the answer (or answers) this result is for; a question left out: any answer"
    )
    types: list[Slug] = Field(min_length=1, description="The problem types it suggests (ids in problem_types.yml), in the order they apply")
    headline: Text
    explanation: Text = Field(description="What it means in practice: who does what, now and later")
    reframe: Text = Field(description="How else it could be framed: who gains if it is called this type?")


class ScenarioAnswer(Strict):
    question: Slug
    answer: AnswerId
    why: Text


class ModelAnswer(Strict):
    answers: list[ScenarioAnswer] = Field(min_length=1, description="An answer to every question, with why")
    types: list[Slug] = Field(min_length=1, description="The problem types (ids): those of the result its answers lead to")


class Scenario(Strict):
    """A worked example: a situation, its model answer, and how else it could be framed."""

    id: Slug
    title: Text
    situation: Text
    model_answer: ModelAnswer
    reframe: Text = Field(description="How else could this be framed?")


class SelfCheckFile(Strict):
    caveat: Text = Field(description="Shown with every result: the typology is a lens")
    framing: Text = Field(description="Shown with every result and on paper: the type is partly a choice of framing")
    framing_source: Slug | None = Field(default=None, description="The reference the framing point comes from")
    copy_to: CopyTarget | None = Field(default=None, description="The answer box a result can be copied into")
    answers: list[CheckAnswer] = Field(min_length=2, max_length=MAX_CHECK_ANSWERS)
    questions: list[CheckQuestion] = Field(min_length=1, max_length=MAX_CHECK_QUESTIONS)
    results: list[CheckResult] = Field(min_length=1)
    scenarios: list[Scenario] = Field(default_factory=list)

    @model_validator(mode="after")
    def _ids(self):
        for entries, what in ((self.answers, "answers"), (self.questions, "questions"), (self.results, "results"), (self.scenarios, "scenarios")):
            _unique_ids(entries, what)
        return self

    def offered(self, question: CheckQuestion) -> list[str]:
        """The ids of the answers a question offers, in the order of `answers`."""
        return [a.id for a in self.answers if question.answers is None or a.id in question.answers]


# --- Key terms ---------------------------------------------------------------


class KeyTerm(Strict):
    """A term the unit uses without explaining it, defined in the glossary (the site's words, sourced)."""

    id: Slug
    term: Text
    definition: SourcedText


class KeyTermsFile(Strict):
    terms: list[KeyTerm] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self):
        _unique_ids(self.terms, "terms")
        return self


# --- What has changed since the slides ------------------------------------------


class ChangedSinceNote(Strict):
    """A dated note of what has changed since the slides, shown beside what it updates."""

    id: Slug
    title: Text = Field(description="Its heading: 'What has changed since 2019'")
    as_of: datetime.date = Field(description="The day its points were last checked against their sources (YYYY-MM-DD)")
    points: list[SourcedText] = Field(min_length=1)


class ChangedSinceFile(Strict):
    notes: list[ChangedSinceNote] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self):
        _unique_ids(self.notes, "notes")
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
    online: list[Text] = Field(
        min_length=1, description="How it runs on Teams or another video call, step by step: breakout rooms, a shared whiteboard, the chat"
    )
    hybrid: list[Text] = Field(
        min_length=1, description="How it runs with some people in the room and some on the call: who does what, who speaks first"
    )


# What an activity's solo version can show between its steps and its prompts, in place of the room.
SOLO_SHOWS = ("flocking-simulation",)


class Solo(Strict):
    """How one person does a group activity on their own."""

    steps: list[Text] = Field(min_length=1, description="What to do, on your own, in order")
    shows: Literal[SOLO_SHOWS] | None = Field(  # type: ignore[valid-type]
        default=None, description="Shown after the steps and before the prompts: 'flocking-simulation'"
    )


class Activity(Strict):
    id: Slug
    label: Text
    title: Text
    mode: Literal["individual", "group"]
    minutes: Minutes = Field(description="About how long one person takes to do it on their own: the page's time counts it")
    question: Text | None = None
    instructions: list[Text] = Field(min_length=1)
    solo: Solo | None = Field(default=None, description="A group activity's way to do it alone (required for a group activity)")
    prompts: list[Prompt] = Field(min_length=1)
    facilitation: Facilitation | None = None
    added_for_site: list[Slug] = Field(
        default_factory=list,
        description="Parts the site adds to the slides: 'activity' (all of it), 'question', 'instructions', 'solo' or a prompt's id",
    )
    closing: bool = Field(default=False, description="The activity that closes the unit: each unit has one, met last")

    @model_validator(mode="after")
    def _ids(self):
        _unique_ids(self.prompts, "prompts")
        if self.mode == "group" and self.solo is None:
            raise ValueError("a group activity needs 'solo': the steps one person follows to do it on their own (its 'steps')")
        if self.mode == "individual" and self.solo is not None:
            raise ValueError("'solo' is for a group activity; an individual activity is done alone as it is: remove 'solo'")
        known = {"activity", "question", "instructions", "solo", *(prompt.id for prompt in self.prompts)}
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
    """One part of the session, at its full length: an activity (its id, title and minutes are the
    activity's) or another part (its own id, title and minutes)."""

    id: Slug | None = Field(default=None, description="The part's id, when it is not an activity")
    activity: Slug | None = Field(default=None, description="An activity's id: the part is the activity, its minutes its facilitation's")
    title: Text | None = Field(default=None, description="What happens, for a part that is not an activity")
    minutes: Minutes | None = Field(default=None, description="Its full length, for a part that is not an activity")
    page: Text | None = Field(default=None, description="The page to open for this part, as docs/ names it (pcn-ethos.md)")
    notes: Text | None = None

    @model_validator(mode="after")
    def _activity_or_part(self):
        if (self.activity is None) == (self.id is None):
            raise ValueError("give either 'activity' (an activity's id) or 'id' with 'title' and 'minutes' (another part), not both or neither")
        if self.activity is not None:
            for field in ("title", "minutes"):
                if getattr(self, field) is not None:
                    raise ValueError(
                        f"'{field}' comes from activity '{self.activity}': set it in activities.yml (minutes in its facilitation block), not here"
                    )
        elif self.title is None or self.minutes is None:
            raise ValueError(f"part '{self.id}' needs a 'title' (what happens) and 'minutes' (its full length, a whole number)")
        return self

    @property
    def key(self) -> str:
        """The part's id: its own, or its activity's."""
        return self.activity or self.id  # type: ignore[return-value]


Decision = Literal["kept", "shortened", "cut"]


class VersionStep(Strict):
    """One line of a version's running order: a part with its decision, an activity's debrief,
    a transition, or the buffer."""

    part: Slug | None = Field(default=None, description="A part's id (in 'parts')")
    decision: Decision | None = Field(default=None, description="For a part: kept (full length), shortened or cut")
    change: Text | None = Field(default=None, description="For a shortened part: what is left out or done faster")
    follow_up: Text | None = Field(default=None, description="For a cut part: what becomes follow-up work, and how")
    debrief: Slug | None = Field(default=None, description="The id of an activity part this debriefs, after it")
    transition: Text | None = Field(default=None, description="A move between parts: 'Back to the tables'")
    buffer: Minutes | None = Field(default=None, description="Minutes kept free for questions and overruns")
    minutes: Minutes | None = None

    @model_validator(mode="after")
    def _one_kind(self):
        kinds = [kind for kind in ("part", "debrief", "transition", "buffer") if getattr(self, kind) is not None]
        if len(kinds) != 1:
            raise ValueError("give one of 'part', 'debrief', 'transition' or 'buffer' in each line of a running order")
        kind = kinds[0]
        if kind != "part":
            extra = [name for name in ("decision", "change", "follow_up") if getattr(self, name) is not None]
            if extra:
                raise ValueError(f"'{extra[0]}' is for a part, not a {kind}")
            if kind == "buffer" and self.minutes is not None:
                raise ValueError("a buffer's minutes are its value ('- buffer: 5'); leave 'minutes' out")
            if kind in ("debrief", "transition") and self.minutes is None:
                raise ValueError(f"a {kind} needs 'minutes' (a whole number, 1 or more)")
            return self
        if self.decision is None:
            raise ValueError(f"part '{self.part}' has no 'decision'; give kept, shortened or cut")
        if self.decision == "cut":
            if self.minutes is not None:
                raise ValueError(f"part '{self.part}' is cut, so it takes no minutes; leave 'minutes' out")
            if self.follow_up is None:
                raise ValueError(f"part '{self.part}' is cut; say in 'follow_up' what becomes follow-up work, and how")
        if self.decision == "shortened" and (self.minutes is None or self.change is None):
            raise ValueError(f"part '{self.part}' is shortened; give its 'minutes' and, in 'change', what is left out or done faster")
        if self.decision != "cut" and self.follow_up is not None:
            raise ValueError(f"'follow_up' is for a part that is cut; part '{self.part}' is {self.decision}")
        if self.decision == "kept" and self.change is not None:
            raise ValueError(f"part '{self.part}' is kept, so nothing changes; leave 'change' out, or make it shortened")
        return self

    @property
    def kind(self) -> str:
        return next(kind for kind in ("part", "debrief", "transition", "buffer") if getattr(self, kind) is not None)


class SessionVersion(Strict):
    """A running order for a session of one length: every part once, with a decision."""

    minutes: Minutes = Field(description="The session's length: the running order must add up to it")
    default: bool = Field(default=False, description="The version the guide and the deck show first; exactly one")
    summary: Text = Field(description="Who it suits and what it gives up, in a sentence or two")
    running_order: list[VersionStep] = Field(min_length=1)


class SessionFile(Strict):
    """A unit's session plan, for whoever runs it in a room (its learning outcomes are outcomes.yml's)."""

    title: Text
    materials: list[Text] = Field(min_length=1)
    room: list[Text] = Field(min_length=1, description="How to set the room up")
    parts: list[SessionPart] = Field(min_length=1, description="Every part of the session once, at full length, in order")
    versions: list[SessionVersion] = Field(min_length=1, description="The running orders, one per length")

    @property
    def default_version(self) -> SessionVersion:
        return next((version for version in self.versions if version.default), self.versions[0])

    def version(self, minutes: int) -> SessionVersion:
        for version in self.versions:
            if version.minutes == minutes:
                return version
        known = ", ".join(str(version.minutes) for version in self.versions)
        raise KeyError(f"the session has no {minutes}-minute version; its versions: {known}")


# --- The deck: what each part of the session shows, and its speaker notes ----------------

# What a slide can show from the unit's data (besides its own points, or a page's key points).
DECK_SHOWS = ("title", "running-order", "follow-up", "simple-rules", "comparison", "typology-figure", "typology-table")


class DeckSlide(Strict):
    """One slide: the unit's data it shows (`show`, or a page's `key_points`), or points of the site's own."""

    title: Text | None = Field(default=None, description="The slide's heading; a shown block brings its own when left out")
    show: Literal[DECK_SHOWS] | None = None  # type: ignore[valid-type]
    key_points: Text | None = Field(default=None, description="A page's key points (key_points.yml), as docs/ names it")
    only: list[Annotated[int, Field(ge=1, le=5)]] | None = Field(
        default=None, min_length=1, description="With key_points: which of the page's points (1 for the first), in order"
    )
    points: list[Text] | None = Field(default=None, min_length=1, description="Points of the site's own, marked as added")

    @model_validator(mode="after")
    def _one_content(self):
        given = [name for name in ("show", "key_points", "points") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("give a slide one of 'show' (data of the unit), 'key_points' (a page's) or 'points' (the site's own)")
        if self.only is not None and self.key_points is None:
            raise ValueError("'only' picks some of a page's key points: give it with 'key_points'")
        if self.title is None and self.show is None:
            raise ValueError("a slide of key points or points needs a 'title'")
        return self


class ProblemExample(Strict):
    type: Slug = Field(description="A problem type's id (problem_types.yml)")
    text: Text


class SpeakerNotes(Strict):
    """What the presenter needs for a part: the site's own words, shown only to the presenter."""

    key_messages: list[Text] = Field(min_length=1)
    examples: list[ProblemExample] = Field(default_factory=list, description="A PCN example for a problem type")
    misconceptions: list[Text] = Field(default_factory=list, description="Common misreadings, and what to say")


class DeckPart(Strict):
    part: Slug = Field(description="A part's id in session.yml")
    slides: list[DeckSlide] = Field(default_factory=list, description="Before the activity's own slide, for an activity part")
    on_screen: list[Text] = Field(default_factory=list, description="For an activity part: lines the site adds to its slide, marked")
    notes: SpeakerNotes


class DeckFile(Strict):
    """A unit's deck (data/<unit>/deck.yml): for each part of the session, its slides and speaker notes."""

    parts: list[DeckPart] = Field(min_length=1)


# --- Learning outcomes --------------------------------------------------------


class Outcome(Strict):
    """What a learner will be able to do after the unit, and the pages where they meet it."""

    id: Slug
    text: Text = Field(description="Starts with a verb, to follow 'you will be able to': 'Compare markets, ...'")
    pages: list[Text] = Field(min_length=1, description="The pages it is met on, as docs/ names them (pcn-ethos.md)")

    @field_validator("pages")
    @classmethod
    def _pages_once(cls, pages: list[str]) -> list[str]:
        repeated = sorted({page for page in pages if pages.count(page) > 1})
        if repeated:
            raise ValueError(f"{', '.join(repeated)} is listed twice; list each page once")
        return pages


class OutcomesFile(Strict):
    """A unit's learning outcomes: the facilitator's guide lists them, each page shows those met on it."""

    outcomes: list[Outcome] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self):
        _unique_ids(self.outcomes, "outcomes")
        return self

    def on_page(self, page_path: str) -> list[Outcome]:
        """The outcomes met on the page docs/<page_path>, in data order."""
        return [outcome for outcome in self.outcomes if page_path in outcome.pages]


# --- Key points ----------------------------------------------------------------

def _three_to_five(points: list[str]) -> list[str]:
    if not 3 <= len(points) <= 5:
        raise ValueError(f"{len(points)} key point(s); give three to five, the page's main points in the site's words")
    return points


KeyPoints = Annotated[list[Text], AfterValidator(_three_to_five)]


class KeyPointsFile(Strict):
    """A unit's key points: three to five for each page that ends with them, keyed by the page as docs/ names it."""

    key_points: dict[Text, KeyPoints] = Field(min_length=1)


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
    words_per_minute: int = Field(
        default=200, ge=50, le=1000, description="The reading speed a page's time to read and do counts, in words a minute"
    )
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
    year: int | None = Field(default=None, ge=1900, le=2100, description="Left out only when the work shows none (cited 'n.d.')")
    title: Text | None = Field(default=None, description="Only where it has been checked against the work itself")
    published_in: Text | None = Field(default=None, description="Journal, volume(issue) and pages, as the work gives them")
    doi: Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$", max_length=200)] | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https://[^\s<>\"]+$", max_length=500)] | None = Field(
        default=None, description="Where to read the work online, for a work with no DOI (https only)"
    )
    adapted: bool = False
    cited_by_slides: bool = Field(default=True, description="False for further reading this site adds")
    used_for: Text


class ReferencesFile(Strict):
    references: list[Reference] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self):
        _unique_ids(self.references, "references")
        return self


# --- The reflective record ----------------------------------------------------

# Where the record keeps the learner's own words in the browser: under
# <storage key>:answer:reflective-record:<part>, beside the activities' answers
# (so deleting a unit's answers deletes them too). No activity may take this id,
# and no part of the account may take the details' ids.
RECORD_ID = "reflective-record"
RECORD_DETAILS = ("date", "time-spent")
# A web address a source was read at.
WebAddress = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https://[^\s<>\"]+$", max_length=500)]


class RecordPart(Strict):
    """One part of the reflective account: an answer box on My workbook, a heading on the record."""

    id: Slug = Field(description="Stable: the learner's words are kept under it; never change it")
    heading: Text
    hint: Text = Field(description="What to write, shown under the heading on screen")
    lines: int = Field(ge=1, le=30, description="Ruled lines on paper where the part is empty")
    draws_on: list[CopyTarget] = Field(
        default_factory=list, description="Answers to the unit's prompts shown under the learner's words, in this order"
    )

    @field_validator("id")
    @classmethod
    def _not_a_detail(cls, part_id: str) -> str:
        if part_id in RECORD_DETAILS:
            raise ValueError(f"'{part_id}' is the id of one of the record's details ({', '.join(RECORD_DETAILS)}); give the part another id")
        return part_id


class RecordSource(Strict):
    """Where a statement about a regulator or the leadership model was read."""

    id: Slug
    publisher: Text
    title: Text
    url: WebAddress | None = Field(default=None, description="The page it was read on (https://...); leave it out if it was not read online")


class LeadershipDimension(Strict):
    id: Slug
    name: Text


class LeadershipModel(Strict):
    name: Text = Field(description="The model's name: 'The Healthcare Leadership Model'")
    source: Slug = Field(description="The source (in 'sources') its dimensions' names were read in")
    dimensions: list[LeadershipDimension] = Field(min_length=1, description="Every dimension, in the model's own order")

    @model_validator(mode="after")
    def _ids(self):
        _unique_ids(self.dimensions, "dimensions")
        return self


class Touch(Strict):
    """A dimension of the model the unit touches, and how: the site's judgement."""

    dimension: Slug
    how: Text


class RecordUse(Strict):
    """Who can use the record, and how: a statement verified in its sources."""

    id: Slug
    who: Text = Field(description="'Nurses, midwives and nursing associates'")
    text: Text
    sources: list[Slug] = Field(min_length=1, description="The sources (in 'sources') that say so")


class ReflectiveRecordFile(Strict):
    """A unit's reflective record (data/<unit>/reflective_record.yml), shown on its My workbook page."""

    title: Text = Field(description="The record's name, on screen, on paper and in the files: 'Reflective record'")
    account: list[RecordPart] = Field(min_length=1, description="The reflective account's parts, in order")
    account_note: Text = Field(description="Where the account's parts come from, shown with them")
    account_source: Slug | None = Field(default=None, description="The source (in 'sources') the parts follow")
    leadership_model: LeadershipModel
    touches: list[Touch] = Field(min_length=1, description="The model's dimensions this unit touches: the site's judgement")
    touches_note: Text = Field(description="Shown with the dimensions touched: whose names they are, and whose judgement the choice is")
    uses: list[RecordUse] = Field(min_length=1, description="Who can use the record for appraisal or revalidation, and how")
    sources: list[RecordSource] = Field(min_length=1)

    @field_validator("account")
    @classmethod
    def _parts_differ(cls, account: list[RecordPart]) -> list[RecordPart]:
        return _unique_ids(account, "parts of the account")

    @field_validator("uses")
    @classmethod
    def _uses_differ(cls, uses: list[RecordUse]) -> list[RecordUse]:
        return _unique_ids(uses, "uses")

    @field_validator("sources")
    @classmethod
    def _sources_differ(cls, sources: list[RecordSource]) -> list[RecordSource]:
        return _unique_ids(sources, "sources")


# --- Before and after the session (before_and_after.yml) --------------------------

# Where the evaluation form keeps a learner's answers in the browser: under
# <storage key>:answer:evaluation:<statement or question id>, beside the activities'
# answers (so deleting a unit's answers deletes them too). No activity may take this id.
EVALUATION_ID = "evaluation"


class PreRead(Strict):
    """A page to read before the session: the joining note gives its title and full address."""

    page: Text = Field(description="The page, as docs/ names it (pcn-ethos.md)")
    why: Text = Field(description="What to read it for, in a line")


class JoiningNote(Strict):
    """The note a facilitator sends before the session, ready to paste into an e-mail."""

    subject: Text
    opening: list[Text] = Field(min_length=1, description="The note's first paragraphs; [words in square brackets] are filled in by the facilitator")
    pre_read: list[PreRead] = Field(min_length=1, description="The pages to read before the session, in order")
    bring: list[Text] = Field(min_length=1, description="What to bring or have ready")
    closing: list[Text] = Field(min_length=1, description="The note's last paragraphs, and the sign-off")


class Register(Strict):
    """The attendance register: a table to print, a row per person."""

    columns: list[Text] = Field(min_length=1, max_length=6, description="The register's columns, after the row number: 'Name', 'Signature'")
    rows: int = Field(ge=1, le=60, description="How many people it has room for (on as many sheets as they need)")


class RatedStatement(Strict):
    id: Slug = Field(description="Stable: the learner's answer is kept under it; never change it")
    text: Text


class WrittenQuestion(Strict):
    id: Slug = Field(description="Stable: the learner's answer is kept under it; never change it")
    text: Text
    lines: int = Field(ge=1, le=12, description="Ruled lines of writing space on paper")


class Evaluation(Strict):
    """The evaluation form: statements rated on a scale, then questions to write about."""

    title: Text
    intro: Text = Field(description="Shown above the form, on screen and on paper")
    scale: list[Text] = Field(min_length=2, max_length=7, description="The answers to each statement, in order: 'Strongly disagree', ...")
    statements: list[RatedStatement] = Field(min_length=1, max_length=12)
    questions: list[WrittenQuestion] = Field(default_factory=list, max_length=8)

    @model_validator(mode="after")
    def _ids(self):
        _unique_ids([*self.statements, *self.questions], "statements and questions")
        repeated = sorted({label for label in self.scale if self.scale.count(label) > 1})
        if repeated:
            raise ValueError(f"the scale gives {', '.join(repr(label) for label in repeated)} twice; give each answer once")
        return self


class Certificate(Strict):
    """The certificate of attendance: the learner, the date, the unit, the duration and the facilitator."""

    title: Text = Field(description="'Certificate of attendance'")
    certifies: Text = Field(description="The words before the learner's name: 'This is to certify that'")
    attended: Text = Field(description="The words between the name and the unit: 'attended a session of'")
    note: Text = Field(description="A line at the foot: what the certificate records, and what it does not")


class BeforeAndAfterFile(Strict):
    """A unit's material for before and after its session, on the facilitators' pages."""

    joining_note: JoiningNote
    attendance_register: Register
    evaluation: Evaluation
    certificate: Certificate


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
    email: Text | None = Field(
        default=None,
        description="An email address the organisation reads, for anyone without a GitHub account: every page's footer, "
        "the statement and the privacy notice show it (as 'to be confirmed' while it is listed under 'unconfirmed')",
    )
    unconfirmed: list[Literal["organisation", "contact", "email", "compliance", "prepared", "last_reviewed"]] = Field(
        default_factory=list, description="Fields the organisation has still to confirm: `make check` reminds until it does"
    )

    @field_validator("contact")
    @classmethod
    def _contact(cls, contact: str) -> str:
        if contact != REPOSITORY_ISSUES and not _EMAIL.match(contact):
            raise ValueError(f"write '{REPOSITORY_ISSUES}' or an email address (name@example.org), not {contact!r}")
        return contact

    @field_validator("email")
    @classmethod
    def _email(cls, email: str | None) -> str | None:
        if email is not None and not _EMAIL.match(email):
            raise ValueError(f"write an email address (name@example.org), not {email!r}")
        return email

    @field_validator("last_reviewed")
    @classmethod
    def _reviewed_after_prepared(cls, reviewed: datetime.date, info: ValidationInfo) -> datetime.date:
        prepared = info.data.get("prepared")
        if prepared is not None and reviewed < prepared:
            raise ValueError(f"the statement cannot be reviewed ({reviewed}) before it was prepared ({prepared}); correct one of the dates")
        return reviewed

    @field_validator("unconfirmed")
    @classmethod
    def _listed_once(cls, fields: list[str], info: ValidationInfo) -> list[str]:
        repeated = sorted({name for name in fields if fields.count(name) > 1})
        if repeated:
            raise ValueError(f"{', '.join(repeated)} is listed twice; list each field once")
        if "email" in fields and "email" in info.data and info.data["email"] is None:
            raise ValueError("'email' is listed, but no email address is given; add 'email: ...' (a placeholder such as "
                             "name@example.org until the organisation gives one), or take 'email' off this list")
        return fields

    @property
    def contact_email(self) -> str | None:
        """The contact, when it is an email address."""
        return None if self.contact == REPOSITORY_ISSUES else self.contact

    @property
    def confirmed_email(self) -> str | None:
        """The email address to show: `email` once it is off the 'unconfirmed' list."""
        return self.email if self.email and "email" not in self.unconfirmed else None

    @property
    def email_to_confirm(self) -> bool:
        """An email address is promised but not yet confirmed: the site says it is to be confirmed."""
        return bool(self.email) and "email" in self.unconfirmed


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
