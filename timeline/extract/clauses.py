"""Clauses and names in a sentence: where each figure's own words begin and end, and who is named.

A sentence often carries several figures, and each is about the words of its
own clause: in "China controls over 70% of global production and over 90% of
refining capacity" the first figure is production, the second refining. A
figure's clause is the stretch between hard boundaries (";", ":", a dash,
", but", ", while", ", which", a reporting verb such as "said"), split again
at the last comma or "and" between two figures, so that a list such as "the
port (₹900 crore), the highway (₹600 crore) and the airport (₹300 crore)"
gives each figure its own item.

Names are read in two ways: the lexicon's entities and aliases (China,
Beijing, Chinese -> China), and, for stories the lexicon has never seen,
capitalised names in the text ("Marlow County", "Northwind Rail"). A
sentence's first word is a name only when it is not a dictionary word
("Floods in Assam" names Assam, not Floods).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.extract.words import FUNCTION_WORDS, is_common_word
from timeline.lexicon import Lexicon

HARD_BOUNDARY = re.compile(
    r";|:(?=\s)|\s[—–]\s|\s--\s"
    r"|,\s*(?:but|while|whereas|although|though|even as|which|who|where|when|after|before)\b"
    r"|\b(?:but|whereas|although)\b"
    r"|\b(?:said|says|told|added|stated|reported|confirmed|noted|according to)\b(?:\s+(?:that|on \w+|in a statement))?",
    re.IGNORECASE,
)
SOFT_SEPARATOR = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as|against|versus|vs\.?)\s+", re.IGNORECASE)
NAME = re.compile(r"[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|and|&|de|on)\s+(?:the\s+)?)?[A-Z][\w’'.&-]*)*(?:\s+\d{1,4}[A-Za-z]?\b(?![,.]\d))?")
NOT_NAMES = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun jul aug "
    "sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr shri smt i rs".split()
)  # fmt: skip


PLACE_WORD = re.compile(r"\s+(?:district|county|city|state|province|village|town|region|ward|constituency|municipality|block|tehsil)\b")


@dataclass(frozen=True)
class Name:
    """An entity named in a sentence: its span (sentence offsets) and id (the lexicon's, else the name as written)."""

    start: int
    end: int
    id: str
    reference: bool = False  # "it", "the company": stands for the last entity named before it


def clause_spans(sentence: str, figures: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """For each figure span, (item start, item end, clause start, clause end) in sentence offsets.

    The clause lies between hard boundaries; the item is the clause split
    again between figures, at the last comma or "and" before the next figure.
    """
    cuts = [m.span() for m in HARD_BOUNDARY.finditer(sentence) if not _inside_any(m.span(), figures)]
    segments, start = [], 0
    for cut_start, cut_end in cuts:
        segments.append((start, cut_start))
        start = cut_end
    segments.append((start, len(sentence)))
    result = []
    for index, (f_start, f_end) in enumerate(figures):
        seg_start, seg_end = next(((s, e) for s, e in segments if s <= f_start < e), (0, len(sentence)))
        item_start, item_end = seg_start, seg_end
        for other_start, other_end in figures:
            if other_end <= f_start and other_end >= seg_start:
                item_start = max(item_start, _last_separator(sentence, other_end, f_start, end_of_match=True) or item_start)
            if other_start >= f_end and other_start < seg_end:
                cut = _last_separator(sentence, f_end, other_start, end_of_match=False)
                if cut is not None:
                    item_end = min(item_end, cut)
        result.append((item_start, item_end, seg_start, seg_end))
    return result


def _last_separator(sentence: str, start: int, end: int, end_of_match: bool) -> int | None:
    found = list(SOFT_SEPARATOR.finditer(sentence, start, end))
    if not found:
        return None
    return found[-1].end() if end_of_match else found[-1].start()


def _inside_any(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)


def names_in(sentence: str, lexicon: Lexicon, skip: list[tuple[int, int]]) -> list[Name]:
    """Entities named in the sentence, in text order: lexicon aliases first, then capitalised names."""
    found = [Name(start, end, entity_id) for start, end, entity_id in lexicon.entities_in(sentence) if not _inside_any((start, end), skip)]
    taken = [(n.start, n.end) for n in found]
    for match in NAME.finditer(sentence):
        name = _clean_name(sentence, match)
        if name and not _inside_any((name.start, name.end), taken + skip):
            found.append(name)
    if lexicon.reference_regex is not None:
        for match in lexicon.reference_regex.finditer(sentence):
            if not _inside_any(match.span(), [(n.start, n.end) for n in found]):
                found.append(Name(match.start(), match.end(), match.group(0).lower(), reference=True))
    return sorted(found, key=lambda n: n.start)


def _clean_name(sentence: str, match: re.Match[str]) -> Name | None:
    """A capitalised run as a name, or None for a sentence's opening word, a month, a weekday or a title."""
    words = [(m.start() + match.start(), m.group(0).rstrip(".,")) for m in re.finditer(r"\S+", match.group(0))]
    words = [(s, s + len(w), w) for s, w in words if w]
    if sentence[match.start() - 1 : match.start()] == "(" and sentence[match.end() : match.end() + 1] == ")" and match.group(0).isupper():
        return None  # an abbreviation glossing the words before it: "Rare Earth Element (REE)"
    while words and (words[0][2].lower() in FUNCTION_WORDS or words[0][2].lower().rstrip(".") in NOT_NAMES):
        words.pop(0)
    while words and (words[-1][2].lower() in FUNCTION_WORDS or words[-1][2].lower().rstrip(".") in NOT_NAMES):
        words.pop()
    if not words or any(w.lower().rstrip(".") in NOT_NAMES for _, _, w in words):
        return None
    at_start = not sentence[: words[0][0]].strip(" “\"'‘(")
    while at_start and len(words) > 1 and is_common_word(words[0][2]) and not is_common_word(words[1][2]):
        words.pop(0)  # "Candidate Asha Verma" at a sentence's start names Asha Verma
    place = PLACE_WORD.match(sentence, words[-1][1])
    if len(words) == 1 and at_start and is_common_word(words[0][2]) and not place:
        return None  # "Floods in Assam": the opening word is a dictionary word; "Marsh district" is a place
    text = sentence[words[0][0] : words[-1][1]]
    text = re.sub(r"['’]s$", "", text)
    name = " ".join(w.title() if w.isupper() and len(w) > 4 else w for w in text.split())  # a dateline's "DHORAGHAT"
    if place:  # "Kelby district": a division of a place, which figures keep apart from the whole
        return Name(words[0][0], place.end(), f"{name} {place.group(0).split()[0].lower()}")
    return Name(words[0][0], words[0][0] + len(text), name)
