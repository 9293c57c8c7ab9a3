"""Figures drawn as inline SVG: Grint's typology (from the data) and one run of
the flocking simulation (from a committed run of its maths).

The typology slide's diagram was lost; this puts each problem type, in data
order, on a rising diagonal, first bottom left. Its axis labels come from the
data (problem_types.yml, `axes`), and the caption says whose they are: the
source's, or this site's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..content.programme import Programme
from ..content.schemas import ProblemTypesFile
from .environment import render
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
    x_label: str | None
    y_label: str | None
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


def typology_figure_html(programme: Programme, typology: ProblemTypesFile, glossary: dict[str, str]) -> str:
    """The figure of the typology, citing its source and, when they are not the site's, its axis labels' source."""
    types, axes = typology.types, typology.axes
    source = citation(programme, typology.source)
    axes_source = citation(programme, axes.source) if axes else None
    pairs = "; ".join(f"{t.name.lower()} problem: {t.response.lower()}" for t in types)
    placed = f"The {len(types)} problem types, placed one above and to the right of the other, each with its response: {pairs}."
    if axes:
        placed += f" Across: {axes.horizontal}. Up: {axes.vertical}."
    caption = f"Problem types and leadership responses. Source: {source}." if source else "Problem types and leadership responses."
    caption += " Redrawn for this site, as the slide's own figure was lost"
    if axes:
        caption += f"; the axis labels are from {axes_source}." if axes_source else "; the axis labels are this site's."
    else:
        caption += "."
    figure = Figure(
        title=typology.name,
        description=placed,
        caption=caption,
        x_label=axes.horizontal if axes else None,
        y_label=axes.vertical if axes else None,
        boxes=layout([(t.id, f"{t.name} problem", t.response) for t in types]),
    )
    return render("typology_figure.html", glossary=glossary, figure=figure)


# --- The flocking simulation's static figure --------------------------------------------------

FLOCKING_FIGURE_FILE = Path(__file__).resolve().parent / "flocking_figure.json"
SCALE = 3  # figure units per room unit
GAP = 40  # between the two panels
TOP = 34  # room above the panels for their titles
EDGE = 8  # round the figure, so a person standing at a wall is drawn whole


@dataclass(frozen=True)
class Panel:
    title: str
    x: float
    points: list[tuple[float, float]]
    highlighted: int
    picks: tuple[int, int]


@dataclass(frozen=True)
class FlockingFigure:
    width: float
    height: float
    room_width: float
    room_height: float
    top: float
    people: int
    steps: int
    panels: list[Panel]


def load_flocking_figure(path: Path = FLOCKING_FIGURE_FILE) -> FlockingFigure:
    """The committed run, scaled for the SVG; a broken file says how to remake it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        room_width = data["room"]["width"] * SCALE
        room_height = data["room"]["height"] * SCALE
        highlighted, picks = int(data["highlighted"]), (int(data["picks"][0]), int(data["picks"][1]))

        def scaled(points, offset):
            return [(round(offset + x * SCALE, 1), round(TOP + y * SCALE, 1)) for x, y in points]

        second = EDGE + room_width + GAP
        panels = [
            Panel("Where they started", EDGE, scaled(data["start"], EDGE), highlighted, picks),
            Panel(f"Settled after {data['steps']} steps", second, scaled(data["settled"], second), highlighted, picks),
        ]
        return FlockingFigure(
            width=second + room_width + EDGE,
            height=TOP + room_height + EDGE,
            room_width=room_width,
            room_height=room_height,
            top=TOP,
            people=len(data["start"]),
            steps=int(data["steps"]),
            panels=panels,
        )
    except (OSError, ValueError, KeyError, IndexError, TypeError) as error:
        raise ValueError(f"{path.name} is missing or damaged ({error}); remake it with: node scripts/flocking-figure.js") from None


def flocking_simulation_html(people: int = 20, figure_file: Path = FLOCKING_FIGURE_FILE, *, marked: bool = True) -> str:
    """The canvas, its controls and status (run by docs/javascripts/flocking.js), and the static figure."""
    if not 5 <= people <= 60:
        raise ValueError(f"flocking_simulation: people must be 5 to 60, not {people}")
    return render("flocking_simulation.html", glossary={}, figure=load_flocking_figure(figure_file), people=people, marked=marked)
