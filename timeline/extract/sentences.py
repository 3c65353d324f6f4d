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
BOUNDARY = re.compile(r"[.!?][\"”’)\]]*\s+(?=[“\"'‘(A-Z0-9₹$])")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([A-Za-z.]+)$", text[:dot])
    if not word:
        return False
    token = word.group(1).lower().strip(".")
    return token in ABBREVIATIONS or len(token) == 1


def split_sentences(body: str) -> list[Sentence]:
    """Sentences in text order; a line break always ends a sentence (paragraphs are lines)."""
    sentences: list[Sentence] = []
    paragraph = 0
    offset = 0
    for line in body.split("\n"):
        if line.strip():
            start = 0
            for match in BOUNDARY.finditer(line):
                if line[match.start()] == "." and _is_abbreviation(line, match.start()):
                    continue
                sentences.extend(_make(line, start, match.end(), offset, paragraph))
                start = match.end()
            sentences.extend(_make(line, start, len(line), offset, paragraph))
            paragraph += 1
        offset += len(line) + 1
    return sentences


def _make(line: str, start: int, end: int, offset: int, paragraph: int) -> list[Sentence]:
    segment = line[start:end]
    stripped = segment.strip()
    if not stripped:
        return []
    left = start + (len(segment) - len(segment.lstrip()))
    return [Sentence(start=offset + left, end=offset + left + len(stripped), text=stripped, paragraph=paragraph)]


RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|whom|whose|that|when)\b[^,;]*(?:,|$)")


def relative_clauses(sentence: str) -> list[tuple[int, int]]:
    """Spans of ", which ... ," asides: background to the sentence's main statement.

    "The visit, which was postponed in July, is still awaiting confirmation"
    reports "awaiting" now; "postponed" and "July" are background.
    """
    return [m.span() for m in RELATIVE_CLAUSE.finditer(sentence)]


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)
