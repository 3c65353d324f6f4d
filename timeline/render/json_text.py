"""JSON text as ``json.dumps(value, indent=2, ensure_ascii=False)`` writes it, at about twice its speed.

The standard library's C encoder is used only without ``indent``; with it,
every value goes through a chain of Python generators, which on a report
of thousands of claims cost more than a second. This writer walks the
document once, with the C string encoder for every key and string, and
gives byte-for-byte the same text (tests/test_json_text.py holds it to
``json.dumps`` on generated documents). A value JSON does not know, or a
key that is not a string, is left to ``json.dumps`` itself, so errors and
conversions stay the standard library's.

``stream`` writes a report object whose lists may be generators, one item at
a time, so that a report of 50,000 claims never holds every record and all of
its text at once; its pieces join to ``pretty``'s text.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any, Iterable, Iterator

INDENT = "  "


class _NotPlain(Exception):
    """A value the fast path does not write: the document goes to json.dumps."""


def pretty(document: Any) -> str:
    """``document`` as indented JSON text, without a final newline."""
    parts: list[str] = []
    try:
        _write(document, "", parts.append)
    except _NotPlain:
        return json.dumps(document, indent=2, ensure_ascii=False)
    return "".join(parts)


def _write(value: Any, pad: str, write) -> None:
    if isinstance(value, str):
        write(encode_basestring(value))
    elif value is None:
        write("null")
    elif value is True:
        write("true")
    elif value is False:
        write("false")
    elif isinstance(value, int):
        write(int.__repr__(value))
    elif isinstance(value, float):
        write(float.__repr__(value) if value == value and value not in (float("inf"), float("-inf")) else json.dumps(value))
    elif isinstance(value, dict):
        _write_object(value, pad, write)
    elif isinstance(value, (list, tuple)):
        _write_array(value, pad, write)
    else:
        raise _NotPlain


def _write_object(value: dict, pad: str, write) -> None:
    if not value:
        write("{}")
        return
    inner = pad + INDENT
    opening = "{\n" + inner
    for key, item in value.items():
        if not isinstance(key, str):
            raise _NotPlain  # json.dumps turns numbers and None into keys its own way
        write(opening + encode_basestring(key) + ": ")
        opening = ",\n" + inner
        _write(item, inner, write)
    write("\n" + pad + "}")


def _write_array(value: list | tuple, pad: str, write) -> None:
    if not value:
        write("[]")
        return
    inner = pad + INDENT
    opening = "[\n" + inner
    for item in value:
        write(opening)
        opening = ",\n" + inner
        _write(item, inner, write)
    write("\n" + pad + "]")


def stream(document: dict[str, Any]) -> Iterator[str]:
    """``pretty(document)`` in pieces, each list or iterator among its values one item at a time.

    An item is written as ``pretty`` writes it alone, then indented to its depth:
    JSON text holds no raw line break inside a string, so indenting every line
    gives the nested text exactly. An item ``pretty`` leaves to ``json.dumps``
    goes there alone, and the rest of the report is still streamed.
    """
    if not document:
        yield "{}"
        return
    opening = "{\n" + INDENT
    for key, value in document.items():
        if not isinstance(key, str):
            raise TypeError(f"a streamed report's keys are text, not {type(key).__name__}")
        yield opening + encode_basestring(key) + ": "
        opening = ",\n" + INDENT
        if isinstance(value, (list, tuple)) or isinstance(value, Iterator):
            yield from _stream_array(value)
        else:
            yield _nested(pretty(value), INDENT)
    yield "\n}"


def _stream_array(items: Iterable[Any]) -> Iterator[str]:
    inner = INDENT * 2
    opening = "[\n" + inner
    for item in items:
        yield opening + _nested(pretty(item), inner)
        opening = ",\n" + inner
    yield "[]" if opening.startswith("[") else "\n" + INDENT + "]"


def _nested(text: str, pad: str) -> str:
    return text.replace("\n", "\n" + pad)
