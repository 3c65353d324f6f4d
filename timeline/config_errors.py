"""Configuration errors in plain words, never pydantic's.

Someone who mistypes a key in ``rules/`` or in the settings should read what
is wrong, in which entry, where, and what was probably meant::

    unknown key 'phrase' in metric 'flood-death-toll' (rules/lexicon/metrics.yaml:42); did you mean 'phrases'?

An entry is named by its ``id`` (or ``kind``, ``state``), because that is what
the person editing the file searches for; a list index means nothing to them.
The file and line follow in parentheses, then a hint. A file that cannot be
read as YAML or TOML at all keeps the compiler form ``path:line: message``,
like an article that cannot be read.

The wording is built from the error's kind and from the pydantic model the
data is checked against (its keys for "did you mean", its ``Literal`` and
``Enum`` choices for "must be one of"), so a new key or choice needs no change
here. Where the data sits in its file (which entry, which line) is told by
the caller as a :class:`Place`.
"""

from __future__ import annotations

import difflib
import os
import re
import types
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from timeline.errors import ConfigError

# What a value of each pydantic type must be, as a reader says it.
EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "tuple_type": "a list",
    "list_type": "a list",
    "set_type": "a list",
    "iterable_type": "a list",
    "dict_type": "a mapping of keys to values",
    "model_type": "a mapping of keys to values",
    "model_attributes_type": "a mapping of keys to values",
    "none_required": "empty",
}
# How pydantic tags a union member or a validator in an error's location.
TYPE_TAG = re.compile(r"^[a-z_-]+\[.*\]$|^(?:str|int|float|bool|none|list|dict|tuple|set|frozenset|date|datetime)$")
BOUNDS = {"greater_than_equal": ("ge", "at least"), "greater_than": ("gt", "more than"), "less_than_equal": ("le", "at most"), "less_than": ("lt", "less than")}


class EntryError(ConfigError):
    """A configuration entry that is wrong: ``problem (path:line); hint``."""

    def __init__(self, problem: str, path: str, line: int | None = None, hint: str | None = None):
        super().__init__(problem, path, line)
        self.hint = hint

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{self.message} ({where})" + (f"; {self.hint}" if self.hint else "")


@dataclass(frozen=True)
class Place:
    """Where an error points: the entry it is in, the key (or list position) that is wrong, the line.

    ``noun`` is what the keys of that entry are called ("key", or "option"
    inside a rule's options); ``holder`` is the key whose list holds a wrong item.
    """

    entry: str
    key: str | int
    line: int | None
    noun: str = "key"
    holder: str | None = None


def display_path(path: Path | str) -> str:
    """A path as messages show it: relative to the current folder when inside it, else absolute (as ruff does)."""
    absolute = Path(os.path.abspath(path))
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)


def did_you_mean(word: str, known: list[str]) -> str:
    """'did you mean 'phrases'?' for a near miss, else the list of what is known."""
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return f"expected one of: {', '.join(known)}" if known else "nothing is expected here"


def first_error(error: ValidationError) -> ErrorDetails:
    """The error to report: an unknown key before anything else, since a misspelt key also makes the right one missing."""
    details = error.errors()
    return next((d for d in details if d["type"] == "extra_forbidden"), details[0])


def data_loc(data: Any, loc: tuple) -> tuple:
    """An error's location without pydantic's type tags ("function-after[...]", "str"), so that it follows the data."""
    kept, current = [], data
    for part in loc:
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        elif isinstance(part, str) and TYPE_TAG.match(part):
            continue
        else:
            current = None
        kept.append(part)
    return tuple(kept)


def plain_error(detail: ErrorDetails, place: Place, model: type[BaseModel] | None, loc: tuple, path: str) -> EntryError:
    """One pydantic error, at ``loc`` in data checked against ``model``, as a sentence.

    ``loc`` is the error's location with type tags already removed, so that it
    follows the data; the model is walked along it to find the keys and the
    choices that were expected. An entry that is the whole file is not named
    (the file is, in parentheses).
    """
    kind, key = detail["type"], place.key
    within = f" in {place.entry}" if place.entry else ""
    if kind == "extra_forbidden":
        return EntryError(f"unknown {place.noun} '{key}'{within}", path, place.line, did_you_mean(str(key), keys_of(annotation_at(model, loc[:-1]))))
    if kind == "missing":
        return EntryError(f"missing {place.noun} '{key}'{within}", path, place.line)
    subject = f"'{key}'{within}" if isinstance(key, str) else f"item {key + 1} of '{place.holder}'{within}"
    if kind in ("value_error", "assertion_error"):
        return EntryError(f"{subject} is not valid: {detail.get('ctx', {}).get('error', detail['msg'])}", path, place.line)
    return EntryError(f"{subject} must be {expected(detail, annotation_at(model, loc))}, not {shown(detail['input'])}", path, place.line)


def expected(detail: ErrorDetails, annotation: Any) -> str:
    kind, ctx = detail["type"], detail.get("ctx", {})
    if kind in ("literal_error", "enum"):
        allowed = choices(annotation) or [part.strip(" '") for part in ctx.get("expected", "").replace(" or ", ", ").split(",")]
        return "one of " + ", ".join(f"'{choice}'" if " " in choice else choice for choice in allowed)
    if kind in BOUNDS:
        name, words = BOUNDS[kind]
        return f"{words} {ctx.get(name)}"
    if kind in ("string_too_short", "too_short"):
        return "not empty"
    return EXPECTED.get(kind, "something else")


def shown(value: Any) -> str:
    """A YAML or TOML value as the person who wrote it would recognise it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, (int, float)):
        return str(value)
    if value is None:
        return "empty"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return repr(value)


def choices(annotation: Any) -> list[str]:
    """The values a Literal or an Enum allows; severities from the most severe, as everywhere else."""
    if get_origin(annotation) is Literal:
        return [str(arg) for arg in get_args(annotation)]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        members = list(annotation)
        if all(hasattr(member, "rank") for member in members):
            members.sort(key=lambda member: -member.rank)
        return [str(member.value) for member in members]
    return []


def keys_of(annotation: Any) -> list[str]:
    """The keys a model accepts, by the names written in files (aliases)."""
    if not is_model(annotation):
        return []
    return [field.alias or name for name, field in annotation.model_fields.items()]


def is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def unwrap(annotation: Any) -> Any:
    """The type itself, without Annotated metadata or an optional None."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return unwrap(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        arms = [arm for arm in get_args(annotation) if arm is not type(None)]
        models = [arm for arm in arms if is_model(arm)]
        if models or len(arms) == 1:
            return unwrap((models or arms)[0])
    return annotation


def annotation_at(model: Any, loc: tuple) -> Any:
    """The annotation found by walking ``loc`` (field names or aliases, list positions, mapping keys) from ``model``."""
    current = model
    for part in loc:
        current = unwrap(current)
        origin = get_origin(current)
        if isinstance(part, int) and origin in (tuple, list, set, frozenset):
            current = get_args(current)[0]
        elif is_model(current):
            field = next((f for name, f in current.model_fields.items() if part in (name, f.alias)), None)
            if field is None:
                return None
            current = field.annotation
        elif origin is dict:
            current = get_args(current)[1]
        else:
            return None
    return unwrap(current)
