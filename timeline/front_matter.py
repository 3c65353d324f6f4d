"""YAML front matter: the few fields an article is filed by, read from whatever a publishing system writes.

Front matter is YAML between a first line ``---`` and the next ``---`` (or
``...``) line. ``title``, ``published`` (or ``date``, as Hugo and Jekyll
write it), ``source``, ``url`` and ``fiscal-year-start`` are read; other keys
(tags, author ...) are ignored, since publishing systems add many.

Text pasted from the web must not crash or stall the reader, so:

* dates are never left to YAML's own timestamp type, which raises on an
  impossible day ("2025-02-30") and turns a time with a zone into a
  datetime: every value is read as text, and ``published`` is parsed here.
  A date and time with a zone ("2025-09-02T10:15:00+05:30") is the date as
  stated in that zone, the day the article's readers saw on it;
* aliases (``*name``) are refused before anything is built: nobody files an
  article with them, and a chain of them is the "billion laughs" bomb;
* brackets nested more than 100 deep are refused before parsing (YAML's
  parser recurses into each), and any deeper nesting it still meets is an
  error, not a crash;
* a title, source or url must be text, not a list or a mapping.

Every problem is an InputError naming the file and, where known, the line.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import yaml

from timeline.errors import InputError
from timeline.extract.date_resolvers import parse_explicit
from timeline.yaml_document import FAST_LOADER

YEAR = re.compile(r"\b\d{4}\b")
MAX_DEPTH = 100
BRACKETS = re.compile(r"[\[\]{}]")
CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
TEXT_FIELDS = ("title", "source", "url")


class PlainLoader(yaml.SafeLoader):
    """SafeLoader without the implicit timestamp type: ``2025-02-30`` stays text and is judged here."""


class FastPlainLoader(FAST_LOADER):  # type: ignore[misc,valid-type]
    """The same, on libyaml's parser when PyYAML has it: front matter is read for every article, and
    Python's parser took about a millisecond each. A file it rejects is read again by ``PlainLoader``,
    so an error keeps the line it always had."""


PlainLoader.yaml_implicit_resolvers = FastPlainLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def split_front_matter(text: str, path: str) -> tuple[dict, int]:
    """The front matter's keys and values, and the offset where the body starts (0 when there is none)."""
    if not text.startswith("---\n"):
        return {}, 0
    closing = CLOSING.search(text, 4)
    if closing is None:
        raise InputError("front matter opened with '---' is never closed", path, 1)
    source = text[4 : closing.start()]
    refuse_deep_nesting(source, path)
    refuse_aliases(source, path)
    try:
        data = _load(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise InputError("front matter is not valid YAML", path, (mark.line + 2) if mark else None) from None
    except RecursionError:
        raise InputError("front matter is nested too deeply to read", path) from None
    if not isinstance(data, dict):
        raise InputError("front matter must be a mapping of keys to values", path, 2)
    for key in TEXT_FIELDS:
        if isinstance(data.get(key), (list, dict)):
            raise InputError(f"front matter '{key}' must be text, not a {type(data[key]).__name__}", path, line_of(text, key))
    return data, closing.end()


def _load(source: str) -> object:
    try:
        return yaml.load(source, Loader=FastPlainLoader) or {}
    except yaml.YAMLError:
        return yaml.load(source, Loader=PlainLoader) or {}


def refuse_deep_nesting(source: str, path: str) -> None:
    """Brackets nested deeper than any real front matter would drive the YAML parser's recursion for seconds."""
    depth = 0
    for match in BRACKETS.finditer(source):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_DEPTH:
            line = source.count("\n", 0, match.start()) + 2
            raise InputError(f"front matter is nested more than {MAX_DEPTH} levels deep", path, line)


def refuse_aliases(source: str, path: str) -> None:
    """An InputError at the first alias: tokens are scanned in linear time, before any value is built."""
    try:
        for token in yaml.scan(source, Loader=FastPlainLoader):
            if isinstance(token, yaml.AliasToken):
                raise InputError("front matter uses a YAML alias (*name), which is not supported", path, token.start_mark.line + 2)
    except yaml.YAMLError:
        return  # the parser reports it, with its line


def published(data: dict, text: str, path: str) -> date | None:
    """The publication date from ``published``, else ``date``; None when neither is given."""
    key = "published" if data.get("published") is not None else "date"
    value = data.get(key)
    if value is None:
        return None
    parsed = as_date(value)
    if parsed is None:
        raise InputError(f"front matter '{key}' is not a date: {value!r}", path, line_of(text, key))
    return parsed


def as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    written = value.strip()
    try:
        return datetime.fromisoformat(written.replace("Z", "+00:00")).date()  # the date as stated, in its own zone
    except ValueError:
        pass
    if not YEAR.search(written):
        return None  # "yesterday" or "last Monday" would be read relative to today: never a publication date
    try:
        return parse_explicit(written, True)
    except (ValueError, OverflowError):
        return None


def fiscal_year_start(data: dict, text: str, path: str) -> int | None:
    """``fiscal-year-start``: a month number, 1 (calendar-year fiscal) to 12."""
    value = data.get("fiscal-year-start")
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 12:
        return value
    raise InputError(f"front matter 'fiscal-year-start' must be a month number from 1 to 12, not {value!r}", path, line_of(text, "fiscal-year-start"))


def text_field(data: dict, key: str) -> str | None:
    return str(data[key]) if data.get(key) is not None else None


def line_of(text: str, key: str) -> int:
    found = re.search(rf"^{re.escape(key)}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, found.start()) + 1 if found else 1
