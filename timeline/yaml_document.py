"""A rule-set YAML file read with its node tree, so every entry and key knows its line.

``yaml.safe_load`` forgets where things were; an error must say "metric
'flood-death-toll' (rules/lexicon/metrics.yaml:42)". So the file is composed
into nodes first (each with its ``start_mark``), and the data is constructed
from those nodes. Walking a pydantic error's location through both gives the
entry's name (from the data) and the line (from the nodes).

Keys written twice in one mapping are an error here, as in yamllint: PyYAML
would silently keep the last one, and an edit would seem to have no effect.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from timeline.config_errors import EntryError, Place, data_loc, display_path, first_error, plain_error
from timeline.errors import ConfigError

# What one entry of each list (or mapping) of entries is called in a message.
ENTRY_KINDS = {
    "entities": "entity",
    "metrics": "metric",
    "subjects": "status subject",
    "states": "state",
    "events": "event type",
    "measures": "measure",
    "transitions": "transition",
    "bands": "band",
}
# Mappings whose every key is an entry of its own ("bands: {percent: ...}").
MAPPED_ENTRIES = {"bands"}
# Keys that name an entry, in order of preference.
NAME_KEYS = ("id", "kind", "state")


# libyaml's parser, when PyYAML was built with it (its wheels are): the rule set's files are read on every
# run, and composing them in Python took about 0.2 s of each start. Python's parser reads a file libyaml
# rejects, so an error keeps the wording and line it always had.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(text: str, loader_type: type) -> tuple[yaml.Node | None, Any]:
    """The node tree and the data built from it, by one loader."""
    loader = loader_type(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def _compose_or_explain(text: str, path: Path) -> tuple[yaml.Node | None, Any]:
    """Python's parser on a file libyaml rejected: its reading if it takes the file, else its error, in plain words."""
    try:
        return _compose(text, yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark, context = getattr(error, "problem_mark", None), getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or "not valid YAML"
        if context is not None and getattr(error, "context", None) and (mark is None or context.line != mark.line):
            problem += f" ({error.context} that starts on line {context.line + 1})"
        raise ConfigError(f"invalid YAML: {problem}", display_path(path), mark.line + 1 if mark else None) from None


@dataclass(frozen=True)
class YamlDocument:
    """One YAML file: its constructed data, its node tree, and how its top level is called in messages.

    ``top`` is empty for a file of several entries (its keys are named
    without an entry; the path in parentheses says where).
    """

    path: Path
    data: Any
    node: yaml.Node | None
    top: str = ""

    @classmethod
    def read(cls, path: Path, whole_entry: str | None = None) -> YamlDocument:
        """Read and compose ``path``; a file that is not YAML is a ``path:line: invalid YAML`` error.

        ``whole_entry`` names what a file holding one entry is ("rule"), so
        that its top level reads "rule 'figure-update'" in messages.
        """
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise ConfigError(f"cannot read: {error.strerror}", display_path(path)) from None
        except UnicodeDecodeError:
            raise ConfigError("not valid UTF-8", display_path(path)) from None
        try:
            node, data = _compose(text, FAST_LOADER)
        except yaml.YAMLError:
            node, data = _compose_or_explain(text, path)
        data = {} if data is None else data
        top = ""
        if whole_entry:
            name = data.get("id") if isinstance(data, dict) else None
            top = f"{whole_entry} '{name}'" if isinstance(name, str) else f"the {whole_entry}"
        document = cls(path=path, data=data, node=node, top=top)
        document.check_duplicate_keys()
        return document

    @property
    def shown(self) -> str:
        return display_path(self.path)

    def mapping(self) -> dict:
        """The data, which must be a mapping of keys at the top level."""
        if not isinstance(self.data, dict):
            raise ConfigError("expected keys and values at the top level, not a list or a single value", self.shown, 1)
        return self.data

    def validate(self, model: type[BaseModel], data: Any = None, prefix: tuple = ()) -> Any:
        """Check ``data`` (by default the whole file; else the part of it at ``prefix``) against ``model``, in plain words."""
        try:
            return model.model_validate(self.data if data is None else data)
        except ValidationError as error:
            detail = first_error(error)
            loc = data_loc(self.data, prefix + tuple(detail["loc"]))
            raise plain_error(detail, self.place(loc), model, loc[len(prefix) :], self.shown) from None

    def line(self, loc: tuple) -> int | None:
        """1-based line of the key (or list item) at ``loc``; of the deepest part found when the rest is missing."""
        node, line = self.node, self.node.start_mark.line + 1 if self.node else None
        for part in loc:
            found = child(node, part)
            if found is None:
                break
            key_node, node = found
            line = key_node.start_mark.line + 1
        return line

    def place(self, loc: tuple) -> Place:
        """The entry that ``loc`` lies in, named by its id, and the line of the key it points at.

        Lists of entries (``metrics:``) and mappings of entries (``bands:``)
        only hold entries; an entry is named by its ``id`` (or ``kind``,
        ``state``, or a band's key); a plain nested mapping (``predicates:``)
        by its key; inside a rule's ``options`` the keys are options.
        """
        entry, named, noun, holder = self.top, False, "key", None
        current: Any = self.data
        for part in loc[:-1]:
            inner = value_at(current, part)
            if isinstance(part, int) or holder in MAPPED_ENTRIES:
                name = entry_name(holder, part, inner)
                entry, named = (f"{name} of {entry}" if named else name), True
            elif part == "options":
                noun = "option"
            elif isinstance(inner, dict) and part not in MAPPED_ENTRIES:
                entry, named = (f"'{part}' of {entry}" if named else f"'{part}'"), True
            holder = part if isinstance(part, str) else holder
            current = inner
        key = loc[-1] if loc else "(top level)"
        return Place(entry=entry, key=key, line=self.line(loc), noun=noun, holder=holder)

    def check_duplicate_keys(self) -> None:
        for loc, key, line, first in duplicate_keys(self.node, ()):
            place = self.place(loc + (key,))
            within = f" in {place.entry}" if place.entry else ""
            raise EntryError(f"key '{key}' is written twice{within}", self.shown, line, f"the first is on line {first}; only one is read")


def child(node: yaml.Node | None, part: Any) -> tuple[yaml.Node, yaml.Node] | None:
    """(node that marks the place, node of the value) for a mapping key or a list position."""
    if isinstance(node, yaml.MappingNode):
        return next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == str(part)), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part], node.value[part]
    return None


def duplicate_keys(node: yaml.Node | None, loc: tuple):
    """(location of the mapping, key, line, first line) for every key written twice, in file order."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                line = key_node.start_mark.line + 1
                if key_node.value in seen:
                    yield loc, key_node.value, line, seen[key_node.value]
                seen.setdefault(key_node.value, line)
                yield from duplicate_keys(value_node, loc + (key_node.value,))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from duplicate_keys(item, loc + (index,))


def value_at(data: Any, part: Any) -> Any:
    if isinstance(data, dict):
        return data.get(part)
    if isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
        return data[part]
    return None


def entry_name(holder: str | None, part: Any, data: Any) -> str:
    """'metric 'flood-death-toll'', 'transition 'planned -> done'', or 'a metric' when the entry has no name yet."""
    kind = ENTRY_KINDS.get(holder or "", f"entry of '{holder}'" if holder else "entry")
    if isinstance(part, str):
        return f"{kind} '{part}'"
    if isinstance(data, dict):
        if holder == "transitions" and {"from", "to"} <= data.keys():
            return f"{kind} '{data['from']} -> {data['to']}'"
        name = next((data[key] for key in NAME_KEYS if isinstance(data.get(key), (str, int)) and not isinstance(data.get(key), bool)), None)
        if name is not None:
            return f"{kind} '{name}'"
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"
