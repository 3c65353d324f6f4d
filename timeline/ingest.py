"""Read articles from disk: discovery, decoding, front matter, publication date, boilerplate.

The article body keeps every character at the offset it had in the file (after
CRLF -> LF and BOM removal, which move no line or column), so provenance maps
straight back to ``file:line:column``. Front matter, inline ignore markers
(``<!-- timeline: ignore RULE -->``, see ``timeline/suppression.py``) and
boilerplate are blanked with spaces rather than cut out for the same reason.
Files are only read, never written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from timeline.errors import InputError
from timeline.extract.date_resolvers import parse_explicit
from timeline.extract.dates import DateMention, find_dates
from timeline.models import Article, Precision
from timeline.ruleset import Boilerplate
from timeline.suppression import strip_ignore_markers

ARTICLE_SUFFIXES = {".txt", ".md"}
DATE_MARKER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Discovery:
    files: list[Path]
    errors: list[InputError]


def discover(paths: list[Path]) -> Discovery:
    """Article files under the given paths: folders recursively, sorted, each file once.

    "Once" by the file itself, not its spelling: ``seeds`` and
    ``/abs/seeds/a.txt`` read ``a.txt`` once, under the first spelling met.
    """
    files: list[Path] = []
    errors: list[InputError] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            files.extend(p for p in found if not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.is_file():
            files.append(path)
        else:
            errors.append(InputError("no such file or folder", str(path)))
    first_spelling: dict[Path, Path] = {}
    for path in files:
        first_spelling.setdefault(path.resolve(), path)
    return Discovery(files=list(first_spelling.values()), errors=errors)


def decode(raw: bytes, path: str) -> str:
    """UTF-8 with or without BOM; LF, CRLF or CR line endings become LF."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError(f"not valid UTF-8 (byte 0x{raw[error.start]:02x})", path, line) from None
    if "\x00" in text:
        raise InputError("looks like a binary file (contains NUL bytes)", path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces, keeping newlines, so offsets do not move."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def split_front_matter(text: str, path: str) -> tuple[dict, str]:
    """YAML between a first line ``---`` and the next ``---`` (or ``...``) line.

    title, published, source, url and fiscal-year-start are read; other keys
    (tags, author ...) are ignored, since publishing systems add many.
    """
    if not text.startswith("---\n"):
        return {}, text
    closing = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4:], re.MULTILINE)
    if closing is None:
        raise InputError("front matter opened with '---' is never closed", path, 1)
    end = 4 + closing.end()
    try:
        data = yaml.safe_load(text[4 : 4 + closing.start()]) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise InputError("front matter is not valid YAML", path, (mark.line + 2) if mark else 1) from None
    if not isinstance(data, dict):
        raise InputError("front matter must be a mapping of keys to values", path, 2)
    return data, blank(text, 0, end)


def front_matter_date(value: object, path: str, line: int) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        parsed = parse_explicit(value.strip(), True)
        if parsed:
            return parsed
    raise InputError(f"front matter 'published' is not a date: {value!r}", path, line)


def front_matter_month(value: object, path: str, line: int) -> int:
    """``fiscal-year-start``: a month number, 1 (calendar-year fiscal) to 12."""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 12:
        return value
    raise InputError(f"front matter 'fiscal-year-start' must be a month number from 1 to 12, not {value!r}", path, line)


def _line_of(text: str, key: str) -> int:
    return next((i + 1 for i, l in enumerate(text.split("\n")) if l.startswith(key)), 1)


def header_date(body: str) -> tuple[date | None, str | None, tuple[int, int] | None]:
    """Publication date from the first non-blank line: ``date 2025-06-17 ...`` or a dateline.

    Returns the date, how it was found, and the span of the date text in the body.
    """
    first_line = re.search(r"^[ \t]*\S.*$", body, re.MULTILINE)
    if first_line is None:
        return None, None, None
    first, offset = first_line.group(0), first_line.start()
    marker = DATE_MARKER.match(first)
    if marker:
        try:
            return date.fromisoformat(marker.group(1)), "date-marker", (offset + marker.start(1), offset + marker.end(1))
        except ValueError:
            return None, None, None
    dateline = find_dates(first, None)
    if len(dateline) == 1 and _is_whole_line_day(first, dateline[0]):
        return dateline[0].value.start, "dateline", (offset, offset + len(first))
    return None, None, None


def _is_whole_line_day(line: str, mention: DateMention) -> bool:
    """A dateline is a line that is one explicit day and nothing else."""
    value = mention.value
    return value.precision is Precision.DAY and value.start is not None and not (line[: mention.start] + line[mention.end :]).strip()


def strip_boilerplate(body: str, boilerplate: Boilerplate) -> str:
    exact = {line.strip().casefold() for line in boilerplate.lines}
    whole = [re.compile(pattern) for pattern in boilerplate.line_patterns]
    spans = [re.compile(pattern) for pattern in boilerplate.span_patterns]
    offset = 0
    for line in body.split("\n"):
        trimmed = line.strip()
        if trimmed and (trimmed.casefold() in exact or any(p.fullmatch(trimmed) for p in whole)):
            body = blank(body, offset, offset + len(line))
        offset += len(line) + 1
    for pattern in spans:
        for match in list(pattern.finditer(body)):
            body = blank(body, match.start(), match.end())
    return body


def read_article(path: Path, boilerplate: Boilerplate, raw: bytes | None = None) -> Article:
    """One article, or InputError naming the file (and line) when it cannot be read.

    ``raw`` is the article's bytes when they do not come from ``path`` (stdin, named by ``--stdin-filename``).
    """
    name = str(path)
    try:
        raw = path.read_bytes() if raw is None else raw
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", name) from None
    text = decode(raw, name)
    meta, body = split_front_matter(text, name)
    body, ignore_markers = strip_ignore_markers(body)
    if meta.get("published") is not None:
        published, how, header = front_matter_date(meta["published"], name, _line_of(text, "published")), "front-matter", None
    else:
        published, how, header = header_date(body)
    fiscal = meta.get("fiscal-year-start")
    fiscal_year_start = front_matter_month(fiscal, name, _line_of(text, "fiscal-year-start")) if fiscal is not None else None
    return Article(
        path=name,
        body=strip_boilerplate(body, boilerplate),
        title=str(meta["title"]) if meta.get("title") is not None else None,
        published=published,
        published_source=how,
        source=str(meta["source"]) if meta.get("source") is not None else None,
        url=str(meta["url"]) if meta.get("url") is not None else None,
        header=header,
        fiscal_year_start=fiscal_year_start,
        ignore_markers=ignore_markers,
    )
