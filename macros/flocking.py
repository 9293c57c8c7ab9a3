"""flocking_simulation(): the flocking exercise as a live simulation, with a static figure.

The live part (a canvas and its controls) is drawn by
docs/javascripts/flocking-page.js. The static figure, shown in print and
without JavaScript, is drawn here from macros/flocking_figure.json: one run of
the same maths (docs/javascripts/flocking.js), written by
scripts/flocking-figure.js.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .rendering import render

FIGURE_FILE = Path(__file__).resolve().parent / "flocking_figure.json"
SCALE = 3  # figure units per room unit
GAP = 40  # between the two panels
TOP = 34  # room above the panels for their titles


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


def load_figure(path: Path = FIGURE_FILE) -> FlockingFigure:
    """The committed run, scaled for the SVG; a broken file says how to remake it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        room_width = data["room"]["width"] * SCALE
        room_height = data["room"]["height"] * SCALE
        highlighted, picks = int(data["highlighted"]), (int(data["picks"][0]), int(data["picks"][1]))

        def scaled(points, offset):
            return [(round(offset + x * SCALE, 1), round(TOP + y * SCALE, 1)) for x, y in points]

        panels = [
            Panel("Where they started", 0, scaled(data["start"], 0), highlighted, picks),
            Panel(f"Settled after {data['steps']} steps", room_width + GAP, scaled(data["settled"], room_width + GAP), highlighted, picks),
        ]
        return FlockingFigure(
            width=2 * room_width + GAP,
            height=TOP + room_height,
            room_width=room_width,
            room_height=room_height,
            top=TOP,
            people=len(data["start"]),
            steps=int(data["steps"]),
            panels=panels,
        )
    except (OSError, ValueError, KeyError, IndexError, TypeError) as error:
        raise ValueError(f"{path.name} is missing or damaged ({error}); remake it with: node scripts/flocking-figure.js") from None


def flocking_simulation(people: int = 20, figure_file: Path = FIGURE_FILE) -> str:
    """The canvas, its controls and status, and the static figure."""
    if not 5 <= people <= 60:
        raise ValueError(f"flocking_simulation: people must be 5 to 60, not {people}")
    return render("flocking_simulation.html", figure=load_figure(figure_file), people=people)
