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

from timeline import front_matter
from timeline.decoding import decode
from timeline.errors import InputError
from timeline.extract.dates import DateMention, find_dates
from timeline.models import Article, Precision
from timeline.ruleset import Boilerplate
from timeline.suppression import strip_ignore_markers

ARTICLE_SUFFIXES = {".txt", ".md"}
BROKEN_LINK = "symbolic link to nothing readable (its target is missing, or it points back at itself)"
NOT_NEWLINE = re.compile(r"[^\n]")
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
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES and not hidden(p, path))
            files.extend(p for p in found if p.is_file())
            errors.extend(InputError(BROKEN_LINK, str(p)) for p in found if p.is_symlink() and not p.exists())
        elif path.is_file():
            files.append(path)
        elif path.is_symlink():
            errors.append(InputError(BROKEN_LINK, str(path)))
        else:
            errors.append(InputError("no such file or folder", str(path)))
    first_spelling: dict[Path, Path] = {}
    for path in files:
        first_spelling.setdefault(path.resolve(), path)
    return Discovery(files=list(first_spelling.values()), errors=errors)


def hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces, keeping newlines, so offsets do not move."""
    return blank_spans(text, [(start, end)])


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
    """The body with boilerplate lines and spans blanked, in one pass over each (never once per match)."""
    exact = {line.strip().casefold() for line in boilerplate.lines}
    whole = [re.compile(pattern) for pattern in boilerplate.line_patterns]
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in body.split("\n"):
        trimmed = line.strip()
        if trimmed and (trimmed.casefold() in exact or any(p.fullmatch(trimmed) for p in whole)):
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    body = blank_spans(body, spans)
    for pattern in boilerplate.span_patterns:
        body = blank_spans(body, [match.span() for match in re.finditer(pattern, body)])
    return body


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each of the sorted, non-overlapping ``spans`` blanked as ``blank`` does."""
    if not spans:
        return text
    pieces, last = [], 0
    for start, end in spans:
        pieces += [text[last:start], NOT_NEWLINE.sub(" ", text[start:end])]
        last = end
    return "".join(pieces) + text[last:]


@dataclass(frozen=True)
class Limits:
    """How much one article may hold before it is refused as an input error (see README, "Limits and errors")."""

    max_file_size: int = 5_000_000
    max_line_length: int = 100_000
    max_sentence_length: int = 2_000  # longer sentences are cut into pieces and reported (``extract_article``), not refused


def read_article(path: Path, boilerplate: Boilerplate, raw: bytes | None = None, limits: Limits = Limits()) -> Article:
    """One article, or InputError naming the file (and line) when it cannot be read.

    ``raw`` is the article's bytes when they do not come from ``path`` (stdin, named by ``--stdin-filename``).
    """
    name = str(path)
    if raw is None:
        raw = read_raw(path, limits)
    check_size(len(raw), name, limits)
    text = decode(raw, name)
    check_lines(text, name, limits)
    meta, body_start = front_matter.split_front_matter(text, name)
    body = blank(text, 0, body_start)
    if not body.strip():
        raise InputError("article has no text after its front matter" if body_start else "article is empty", name)
    body, ignore_markers = strip_ignore_markers(body)
    day = front_matter.published(meta, text, name)
    published, how, header = (day, "front-matter", None) if day else header_date(body)
    return Article(
        path=name,
        body=strip_boilerplate(body, boilerplate),
        title=front_matter.text_field(meta, "title"),
        published=published,
        published_source=how,
        source=front_matter.text_field(meta, "source"),
        url=front_matter.text_field(meta, "url"),
        header=header,
        fiscal_year_start=front_matter.fiscal_year_start(meta, text, name),
        ignore_markers=ignore_markers,
    )


def read_raw(path: Path, limits: Limits = Limits()) -> bytes:
    """The article's bytes, or InputError: a file over ``max-file-size`` is refused before it is read."""
    try:
        check_size(path.stat().st_size, str(path), limits)
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", str(path)) from None


def check_size(size: int, path: str, limits: Limits) -> None:
    if size > limits.max_file_size:
        raise InputError(f"file is {size:,} bytes, over the limit of {limits.max_file_size:,} (max-file-size)", path)


def check_lines(text: str, path: str, limits: Limits) -> None:
    """The first line longer than the limit, named by its number; one pass over the text."""
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > limits.max_line_length:
            raise InputError(f"line is {len(line):,} characters, over the limit of {limits.max_line_length:,} (max-line-length)", path, number)
