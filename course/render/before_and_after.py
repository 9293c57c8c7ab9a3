"""Before and after the session: the joining note to send, the attendance register, the
evaluation form and the certificate of attendance, from a unit's before_and_after.yml.

Each is a block a page under docs/facilitators/ shows, and each of those pages is
also a PDF (its front matter's `pdf:`), so the register, the form and the
certificate print blank on A4 or US Letter. On screen the evaluation form keeps a
learner's answers in the browser, like the activities' answers (under the id
`schemas.EVALUATION_ID`), and the certificate's fields fill its sheet before it is
printed; docs/javascripts/before-and-after.js does both, and copies the joining note.
Nothing is sent anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..content.programme import Unit
from ..content.schemas import EVALUATION_ID, Evaluation, JoiningNote
from .environment import render

# The engine's own words in the joining note (its text is the data's).
NOTE_WORDS = {
    "subject": "Subject",
    "pre_read": "Before the session, please read:",
    "bring": "Please bring or have ready:",
}
# The words the evaluation form's script shows and writes into its text file.
EVALUATION_MESSAGES = {
    "kept": "Your answers are kept in this browser, on this device, as you choose them; nothing is sent anywhere. "
    "To hand them in, print this page (or save it as a PDF) or download them as a text file.",
    "notKept": "This browser is not letting the site keep anything, so your answers are lost when you leave or reload "
    "this page. Print the page or download your answers before you leave it.",
    "noAnswer": "Not answered",
    "cleared": "The form is empty again: your answers are deleted from this browser.",
    "downloaded": "Your answers are in your downloads: {file}.",
    "statements": "How far do you agree?",
}
# The certificate's fields, in the order the sheet gives them: (id, label, hint on screen).
CERTIFICATE_FIELDS = (
    ("learner", "Name", "The learner's name, as they would like it shown."),
    ("date", "Date", "The day of the session."),
    ("duration", "Duration", "How long the session ran, for example \u201c1 hour 30 minutes\u201d."),
    ("facilitator", "Facilitator", "Who ran the session."),
)


@dataclass(frozen=True)
class PreReadLink:
    title: str  # the page's title, as the menu gives it
    address: str  # its full address online
    why: str


def joining_note_text(note: JoiningNote, pre_read: list[PreReadLink]) -> str:
    """The note as plain text, ready to paste into an e-mail: its paragraphs, the pages to read, what to bring."""
    lines = [*_paragraphs(note.opening), NOTE_WORDS["pre_read"], ""]
    for link in pre_read:
        lines += [f"- {link.title}: {link.address}", f"  {link.why}"]
    lines += ["", NOTE_WORDS["bring"], ""]
    lines += [f"- {item}" for item in note.bring]
    lines += ["", *_paragraphs(note.closing)]
    return "\n".join(lines).rstrip() + "\n"


def _paragraphs(paragraphs: list[str]) -> list[str]:
    lines = []
    for paragraph in paragraphs:
        lines += [" ".join(paragraph.split()), ""]
    return lines


def one_line(text: str) -> Markup:
    """Plain text as one line of HTML, its line ends as character references: inside a <pre> the
    browser shows (and copies) them as line ends, and Markdown, which ends an HTML block at a blank
    line, keeps the note whole."""
    return Markup("&#10;").join(escape(line) for line in text.split("\n"))


def joining_note_html(unit: Unit, pre_read: list[PreReadLink], glossary: dict[str, str]) -> str:
    note = unit.require("before_and_after").joining_note
    return render(
        "joining_note.html", glossary=glossary, note=note, words=NOTE_WORDS, body=one_line(joining_note_text(note, pre_read)), pre_read=pre_read
    )


def attendance_register_html(unit: Unit, programme_title: str, glossary: dict[str, str]) -> str:
    register = unit.require("before_and_after").attendance_register
    return render("attendance_register.html", glossary=glossary, register=register, programme=programme_title, unit_title=unit.heading)


def evaluation_data(unit: Unit, programme_title: str, evaluation: Evaluation) -> dict:
    """What the form's script needs to keep, restore, print and download the answers: every word as plain text."""
    return {
        "id": EVALUATION_ID,
        "title": evaluation.title,
        "unit": unit.heading,
        "programme": programme_title,
        "fileName": f"{unit.id}-evaluation",
        "scale": list(evaluation.scale),
        "statements": [{"id": statement.id, "text": statement.text} for statement in evaluation.statements],
        "questions": [{"id": question.id, "text": question.text} for question in evaluation.questions],
        "messages": EVALUATION_MESSAGES,
    }


def evaluation_form_html(unit: Unit, programme_title: str, glossary: dict[str, str], privacy_href: str | None) -> str:
    evaluation = unit.require("before_and_after").evaluation
    return render(
        "evaluation_form.html",
        glossary=glossary,
        evaluation=evaluation,
        id=EVALUATION_ID,
        programme=programme_title,
        unit_title=unit.heading,
        messages=EVALUATION_MESSAGES,
        data=evaluation_data(unit, programme_title, evaluation),
        privacy_href=privacy_href,
    )


def certificate_html(unit: Unit, programme_title: str, glossary: dict[str, str]) -> str:
    certificate = unit.require("before_and_after").certificate
    return render(
        "certificate.html", glossary=glossary, certificate=certificate, programme=programme_title, unit_title=unit.heading, fields=CERTIFICATE_FIELDS
    )
