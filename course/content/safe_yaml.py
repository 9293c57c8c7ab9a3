"""YAML that cannot hurt: what the course's data files and pages' front matter may hold.

Course data (data/**/*.yml) and front matter are plain YAML: mappings, lists,
text, numbers, true and false. Nothing in them needs the parts of YAML that let
a small file do harm, so those are refused while the text is parsed, before
anything is built from it:

- anchors (&name), aliases (*name) and merge keys (<<): nine levels of aliases
  in one kilobyte are a billion values to whatever walks them ("billion laughs");
- tags (!!python/object, !!binary, !custom): plain values need none;
- a list or mapping used as a key: keys are names, such as `title:`;
- nesting deeper than MAX_DEPTH lists and mappings: parsers and validators
  recurse once per level (the data nests five deep: a file's list of
  activities, each with its list of prompts, each with its fields).

The size of a data file is limited where it is read (yaml_files.MAX_DATA_FILE_BYTES).
Each refusal is the first such thing in the text, with its line, found in one
pass over the parser's events: the same rules for the pure-Python parser that
reads data (its line numbers and messages) and for libyaml, which reads front matter.
"""

from __future__ import annotations

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
)

# Lists and mappings inside one another. The deepest course data is 5; 20 leaves room to grow.
MAX_DEPTH = 20

NOT_NEEDED = "course data needs no anchors, aliases or merge keys"


class Refused(Exception):
    """Something course YAML may not hold, at a line (1-based, of the text parsed)."""

    def __init__(self, line: int, message: str):
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


class EventRules:
    """Sees a parser's events one by one, and raises Refused at the first one the course does not allow."""

    def __init__(self):
        # One [is a mapping, values seen] per open list or mapping: in a mapping, even counts are keys.
        self._open: list[list] = []

    def see(self, event) -> None:
        if isinstance(event, NodeEvent):
            line = event.start_mark.line + 1
            is_key = bool(self._open) and self._open[-1][0] and self._open[-1][1] % 2 == 0
            if isinstance(event, AliasEvent):
                raise Refused(line, f"'*{event.anchor}' is a YAML alias; {NOT_NEEDED}: write the value out in full")
            if event.anchor is not None:
                raise Refused(line, f"'&{event.anchor}' is a YAML anchor; {NOT_NEEDED}: remove it and write each value out in full")
            if event.tag is not None:
                raise Refused(line, f"'{event.tag}' is a YAML tag; course data needs none: remove it (put text in quotes if it must stay text)")
            if isinstance(event, ScalarEvent):
                if is_key and event.value == "<<" and event.implicit[0]:
                    raise Refused(line, f"'<<' is a YAML merge key; {NOT_NEEDED}: write the fields out in full")
                self._count()
            elif isinstance(event, CollectionStartEvent):
                if is_key:
                    raise Refused(line, "a list or mapping is used as a key; a key is a name, such as 'title:'")
                if len(self._open) >= MAX_DEPTH:
                    raise Refused(
                        line,
                        f"lists and mappings are nested more than {MAX_DEPTH} deep here; course data needs five levels "
                        "at most (a list of activities, each with a list of prompts): flatten it",
                    )
                self._open.append([isinstance(event, MappingStartEvent), 0])
        elif isinstance(event, CollectionEndEvent):
            self._open.pop()
            self._count()

    def _count(self) -> None:
        if self._open:
            self._open[-1][1] += 1


class DataLoader(yaml.SafeLoader):
    """PyYAML's safe loader (pure Python: its messages and line numbers) under the course's rules.

    Every event the composer takes passes through EventRules, so a refusal
    comes before the composer recurses into, or follows, anything refused.
    """

    def __init__(self, stream):
        super().__init__(stream)
        self._rules = EventRules()

    def get_event(self):
        event = super().get_event()
        self._rules.see(event)
        return event


# libyaml's loader where PyYAML has it (ten times quicker: front matter is read for every page).
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def check_events(text: str, loader=FAST_LOADER) -> None:
    """Raise Refused at the first thing in `text` the course does not allow; YAMLError if it is not YAML."""
    rules = EventRules()
    for event in yaml.parse(text, Loader=loader):
        rules.see(event)


def load_plain(text: str, loader=FAST_LOADER):
    """Plain YAML (front matter) as Python values: Refused, or YAMLError if it is not YAML.

    The text is parsed twice, once to check its events and once to load it;
    with libyaml both are quick, and nothing refused is ever built.
    """
    check_events(text, loader)
    return yaml.load(text, Loader=loader)
