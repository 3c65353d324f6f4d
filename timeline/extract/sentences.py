"""Split an article body into sentences without losing offsets.

Every extractor works sentence by sentence (a figure's metric, a status's
subject and an event's date are looked for in the same sentence), and quotes
in findings are whole sentences, so this is the one place that decides where
a sentence ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = {
    "rs", "mr", "mrs", "ms", "dr", "no", "nos", "st", "vs", "etc", "inc", "ltd", "co", "corp", "govt",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "u.s", "u.k",
    "sr", "jr", "prof", "gen", "col", "lt", "hon", "approx", "est", "fig",
}  # fmt: skip
WORD_BEFORE_DOT = re.compile(r"[A-Za-z.]+$")
LONGEST_ABBREVIATION = 16  # a run of letters and dots longer than this before a full stop is no abbreviation
BOUNDARY = re.compile(r"[.!?][\"”’)\]]*\s+(?=[“\"'‘(A-Z0-9₹$])")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    cut_from: int = 0
    """The length of the sentence this is a piece of, when it was longer than the limit and cut; else 0."""
    piece: int = 0
    """Which piece of a cut sentence this is, from 0."""


MAX_SENTENCE_LENGTH = 2_000


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation ("Dr.", "e.g.", "U.S."). Only the few characters
    before the dot are read, so that testing every full stop of a long line stays linear."""
    low = max(0, dot - LONGEST_ABBREVIATION - 1)
    word = WORD_BEFORE_DOT.search(text, low, dot)
    if not word or (word.start() == low and low > 0):
        return False
    token = word.group(0).lower().strip(".")
    return token in ABBREVIATIONS or len(token) == 1


def split_sentences(body: str, max_length: int = MAX_SENTENCE_LENGTH) -> list[Sentence]:
    """Sentences in text order; a line break always ends a sentence (paragraphs are lines).

    A sentence longer than ``max_length`` characters (a table pasted as one
    line, a list with no full stop) is cut into pieces of at most that length,
    at the last space before the limit where there is one. Every extractor
    reads a sentence as a whole, several times over for a sentence of many
    figures, so the cut is what keeps a run linear in the text's length; the
    pieces carry ``cut_from`` so that the cut is reported (``max-sentence-length``).
    """
    sentences: list[Sentence] = []
    paragraph = 0
    offset = 0
    for line in body.split("\n"):
        if line.strip():
            start = 0
            for match in BOUNDARY.finditer(line):
                if line[match.start()] == "." and _is_abbreviation(line, match.start()):
                    continue
                sentences.extend(_make(line, start, match.end(), offset, paragraph, max_length))
                start = match.end()
            sentences.extend(_make(line, start, len(line), offset, paragraph, max_length))
            paragraph += 1
        offset += len(line) + 1
    return sentences


def _make(line: str, start: int, end: int, offset: int, paragraph: int, max_length: int) -> list[Sentence]:
    segment = line[start:end]
    stripped = segment.strip()
    if not stripped:
        return []
    left = offset + start + (len(segment) - len(segment.lstrip()))
    if len(stripped) <= max_length:
        return [Sentence(start=left, end=left + len(stripped), text=stripped, paragraph=paragraph)]
    pieces, at = [], 0
    while at < len(stripped):
        cut = len(stripped) if len(stripped) - at <= max_length else _cut_point(stripped, at, max_length)
        piece = stripped[at:cut].rstrip()
        if piece:
            pieces.append(Sentence(start=left + at, end=left + at + len(piece), text=piece, paragraph=paragraph, cut_from=len(stripped), piece=len(pieces)))
        at = cut
        while at < len(stripped) and stripped[at].isspace():
            at += 1
    return pieces


def _cut_point(text: str, at: int, max_length: int) -> int:
    """Where a piece starting at ``at`` ends: after the last space in its second half, else at the limit."""
    space = text.rfind(" ", at + max_length // 2, at + max_length)
    return space if space > at else at + max_length


RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|whom|whose|that|when)\b[^,;]*(?:,|$)")


def relative_clauses(sentence: str) -> list[tuple[int, int]]:
    """Spans of ", which ... ," asides: background to the sentence's main statement.

    "The visit, which was postponed in July, is still awaiting confirmation"
    reports "awaiting" now; "postponed" and "July" are background.
    """
    return [m.span() for m in RELATIVE_CLAUSE.finditer(sentence)]


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)
