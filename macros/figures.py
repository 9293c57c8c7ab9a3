"""typology_figure(): Grint's typology redrawn as inline SVG from the data.

The slide's diagram was lost; this puts each problem type, in data order, on
a rising diagonal: more uncertainty to the right, a more collaborative
response higher up.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .loading import DATA_DIR, load_programme
from .rendering import render
from .tables import citation

WIDTH, HEIGHT = 600, 420
ORIGIN_X, ORIGIN_Y = 40, 370
BOX_WIDTH, BOX_HEIGHT = 170, 84


@dataclass(frozen=True)
class Box:
    id: str
    name: str
    response: str
    x: float
    y: float
    width: int = BOX_WIDTH
    height: int = BOX_HEIGHT


@dataclass(frozen=True)
class Figure:
    title: str
    description: str
    caption: str
    x_label: str
    y_label: str
    boxes: list[Box]
    width: int = WIDTH
    height: int = HEIGHT
    origin_x: int = ORIGIN_X
    origin_y: int = ORIGIN_Y


def layout(names_and_responses: list[tuple[str, str, str]]) -> list[Box]:
    """Place boxes evenly on the diagonal, first type bottom left."""
    count = len(names_and_responses)
    span_x = WIDTH - ORIGIN_X - 30 - BOX_WIDTH
    span_y = ORIGIN_Y - 30 - BOX_HEIGHT - 20
    boxes = []
    for index, (type_id, name, response) in enumerate(names_and_responses):
        step = index / (count - 1) if count > 1 else 0.5
        boxes.append(
            Box(
                id=type_id,
                name=name,
                response=response,
                x=round(ORIGIN_X + 20 + step * span_x),
                y=round(ORIGIN_Y - 20 - BOX_HEIGHT - step * span_y),
            )
        )
    return boxes


def typology_figure(data_dir: Path = DATA_DIR) -> str:
    programme = load_programme(data_dir)
    typology = programme.content("problem_types")
    types = typology.types
    source = citation(programme, typology.source)
    pairs = "; ".join(f"{t.name.lower()} problems call for {t.response.lower()}" for t in types)
    figure = Figure(
        title="Grint's typology of problems",
        description=(
            f"The {len(types)} problem types placed against rising uncertainty: {pairs}. "
            "The more uncertain the problem, the more collaborative the response."
        ),
        caption=f"Problem types and leadership responses. Source: {source}." if source else "Problem types and leadership responses.",
        x_label="Rising uncertainty about the problem",
        y_label="More collaborative response",
        boxes=layout([(t.id, f"{t.name} problem", t.response) for t in types]),
    )
    return render("typology_figure.html", figure=figure)
