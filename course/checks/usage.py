"""Content defined in the data but shown on no page (an activity, a table, a dated note), activities
shown twice, and a closing activity met before another.

An activity's number ("Self-Activity 8") follows where a reader meets it, so
a numbered activity must be shown by exactly one page.
"""

from __future__ import annotations

from ..content.outline import Outline
from ..content.problems import Problem
from ..content.programme import NUMBERED_LABEL
from ..content.yaml_files import line_of_id
from ..render.tables import TABLES


def check_usage(outline: Outline) -> list[Problem]:
    programme = outline.programme
    shown = outline.showings()
    used_tables = {
        (outline.unit_of(page.path).id if outline.unit_of(page.path) else None, call.args[0])
        for page in outline.pages
        for call in page.calls
        if call.name == "comparison_table" and call.args and isinstance(call.args[0], str)
    }
    used_notes = {
        (outline.unit_of(page.path).id if outline.unit_of(page.path) else None, call.args[0])
        for page in outline.pages
        for call in page.calls
        if call.name == "changed_since" and call.args and isinstance(call.args[0], str)
    }
    problems = []
    for unit in programme.units:
        activities_file = outline.project.data_dir / unit.id / "activities.yml"
        display = f"{unit.data_folder}/activities.yml"
        for activity in unit.activities.activities:
            places = shown.get(activity.id, [])
            line = line_of_id(activities_file, activity.id)
            if not places:
                problems.append(
                    Problem(
                        display,
                        line,
                        f"activity '{activity.id}' is not used on any page; add {{{{ activity(\"{activity.id}\") }}}} to a page or remove it",
                    )
                )
            elif len(places) > 1 and NUMBERED_LABEL.search(activity.label):
                where = " and ".join(f"{page.display}:{number}" for page, number in places)
                problems.append(
                    Problem(
                        display,
                        line,
                        f"activity '{activity.id}' ({activity.label}) is shown by {where}; a numbered activity is shown once, "
                        "so its number follows where readers meet it: keep one and link to it from the others",
                    )
                )
        problems += _closing_comes_last(outline, unit, shown)
        if unit.changed_since is not None:
            notes_file = outline.project.data_dir / unit.id / "changed_since.yml"
            for note in unit.changed_since.notes:
                if (unit.id, note.id) not in used_notes:
                    problems.append(
                        Problem(
                            f"{unit.data_folder}/changed_since.yml",
                            line_of_id(notes_file, note.id),
                            f"note '{note.id}' is not used on any page; add {{{{ changed_since(\"{note.id}\") }}}} beside what it updates",
                        )
                    )
        for table_id, (_, content) in TABLES.items():
            if getattr(unit, content) is not None and (unit.id, table_id) not in used_tables:
                problems.append(
                    Problem(
                        f"{unit.data_folder}/{content}.yml",
                        1,
                        f"table '{table_id}' is not used on any page; add {{{{ comparison_table(\"{table_id}\") }}}} to a page",
                    )
                )
    return problems


def _closing_comes_last(outline: Outline, unit, shown) -> list[Problem]:
    """The unit's closing activity is the last activity a reader meets in it."""
    closing = unit.closing_activity
    if closing is None or closing.id not in shown:
        return []
    order = [activity.id for activity in outline.programme.activities_in_reading_order(unit) if activity.id in shown]
    later = order[order.index(closing.id) + 1 :]
    if not later:
        return []
    page, line = shown[closing.id][0]
    after_page, after_line = shown[later[0]][0]
    return [
        Problem(
            page.display,
            line,
            f"activity '{closing.id}' closes the unit ('closing: true'), but readers meet activity '{later[0]}' after it "
            f"({after_page.display}:{after_line}); show the closing activity last, at the end of the unit's last page",
        )
    ]
