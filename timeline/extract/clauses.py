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
from functools import lru_cache
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from timeline.extract.figure_context import Cue
from timeline.extract.words import FUNCTION_WORDS, is_common_word
from timeline.lexicon import Lexicon

NON_SPACE = re.compile(r"\S+")
POSSESSIVE_END = re.compile(r"['’]s$")

# Every match holds one of BOUNDARY_MARKS, read as the regex engine folds case: the case-blind pattern is
# tried at every position, and most sentences hold none of them (``Cue``).
BOUNDARY_MARKS = (";", ":", "—", "–", "--", "but", "while", "whereas", "though", "which", "who", "where", "when", "after", "before", "even as", "told", "added", "stated", "said", "says", "reported", "confirmed", "noted", "according to")
HARD_BOUNDARY = Cue(
    r";|:(?=\s)|\s[—–]\s|\s--\s"
    r"|,\s*(?:but|while|whereas|although|though|even as|which|who|where|when|after|before)\b"
    r"|\b(?:but|whereas|although)\b"
    r"|\b(?:said|says|told|added|stated|reported|confirmed|noted|according to)\b(?:\s+(?:that|on \w+|in a statement))?",
    BOUNDARY_MARKS,
)
SOFT_SEPARATOR = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as|against|versus|vs\.?)\s+", re.IGNORECASE)
NAME = re.compile(r"[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|and|&|de|on)\s+(?:the\s+)?)?[A-Z][\w’'.&-]*)*(?:\s+\d{1,4}[A-Za-z]?\b(?![,.]\d))?")
NOT_NAMES = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun jul aug "
    "sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr shri smt i rs".split()
)  # fmt: skip


@lru_cache(maxsize=256)
def hard_boundaries(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, text) of each hard boundary in the sentence, found once: figures' clauses and the clause
    stage's cuts both need them, for the same sentence, one after the other."""
    return tuple((match.start(), match.end(), match.group(0)) for match in HARD_BOUNDARY.finditer(sentence))


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
    Boundaries and separators are found once per sentence and looked up by
    binary search, so a sentence listing thousands of figures costs time in
    proportion to its length, not to the square of its figures.
    """
    order = sorted(figures)
    f_starts, f_ends = [s for s, _ in order], [e for _, e in order]
    cuts = [(start, end) for start, end, _ in hard_boundaries(sentence) if not _overlaps_sorted((start, end), f_starts, f_ends)]
    seg_starts = [0, *(cut_end for _, cut_end in cuts)]
    seg_ends = [*(cut_start for cut_start, _ in cuts), len(sentence)]
    separators = Separators(sentence)
    result = []
    for f_start, f_end in figures:
        at = bisect_right(seg_starts, f_start) - 1
        seg_start, seg_end = (seg_starts[at], seg_ends[at]) if at >= 0 and f_start < seg_ends[at] else (0, len(sentence))
        item_start, item_end = seg_start, seg_end
        first_before = bisect_left(f_ends, seg_start)  # the segment's first figure: the widest stretch to look back over
        if first_before < len(order) and f_ends[first_before] <= f_start:
            cut = separators.last_in(f_ends[first_before], f_start, end_of_match=True)
            item_start = max(item_start, cut or item_start)
        following = separators.first_from(f_end)  # the item ends at the last separator before the first figure past one
        if following is not None:
            after = bisect_left(f_starts, max(following, f_end))
            if after < len(order) and f_starts[after] < seg_end:
                cut = separators.last_in(f_end, f_starts[after], end_of_match=False)
                if cut is not None:
                    item_end = min(item_end, cut)
        result.append((item_start, item_end, seg_start, seg_end))
    return result


class Separators:
    """The sentence's soft separators (a comma, "and", "or", "versus"), found once, in text order."""

    def __init__(self, sentence: str) -> None:
        spans = [m.span() for m in SOFT_SEPARATOR.finditer(sentence)]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def last_in(self, start: int, end: int, end_of_match: bool) -> int | None:
        """The last separator lying within [start, end): its end, or its start."""
        low, high = bisect_left(self.starts, start), bisect_right(self.ends, end)
        if high <= low:
            return None
        return self.ends[high - 1] if end_of_match else self.starts[high - 1]

    def first_from(self, start: int) -> int | None:
        """Where the first separator starting at or after ``start`` ends."""
        at = bisect_left(self.starts, start)
        return self.ends[at] if at < len(self.starts) else None


def _overlaps_sorted(span: tuple[int, int], starts: list[int], ends: list[int]) -> bool:
    """Whether ``span`` overlaps one of non-overlapping spans given by sorted starts and ends."""
    at = bisect_left(ends, span[0] + 1)  # the first span ending after span's start
    return at < len(starts) and starts[at] < span[1]


class Covered:
    """Which characters of a sentence some span already covers: an overlap test costs the span's length,
    not the number of spans taken (a sentence of thousands of figures and names stays linear)."""

    def __init__(self, length: int, spans: list[tuple[int, int]] = ()) -> None:
        self.mask = bytearray(length)
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        start, end = max(start, 0), min(end, len(self.mask))
        if end > start:
            self.mask[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return self.mask.find(1, max(start, 0), max(end, 0)) >= 0


def names_in(sentence: str, lexicon: Lexicon, skip: list[tuple[int, int]]) -> list[Name]:
    """Entities named in the sentence, in text order: lexicon aliases first, then capitalised names."""
    taken = Covered(len(sentence), skip)
    found = [Name(start, end, entity_id) for start, end, entity_id in lexicon.entities_in(sentence) if not taken.overlaps(start, end)]
    for name in found:
        taken.add(name.start, name.end)
    for match in NAME.finditer(sentence):
        name = _clean_name(sentence, match)
        if name and not taken.overlaps(name.start, name.end):
            found.append(name)
    references = lexicon.reference_regex.finditer(sentence) if lexicon.reference_regex is not None else ()
    named = None  # the names found, made only for a sentence with a reference word ("it", "the company")
    for match in references:
        if named is None:
            named = Covered(len(sentence), [(n.start, n.end) for n in found])
        if not named.overlaps(*match.span()):
            found.append(Name(match.start(), match.end(), match.group(0).lower(), reference=True))
    return sorted(found, key=lambda n: n.start)


def _clean_name(sentence: str, match: re.Match[str]) -> Name | None:
    """A capitalised run as a name, or None for a sentence's opening word, a month, a weekday or a title."""
    words = [(s, s + len(w), w) for s, w in ((m.start(), m.group().rstrip(".,")) for m in NON_SPACE.finditer(sentence, match.start(), match.end())) if w]
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
    text = POSSESSIVE_END.sub("", text)
    name = " ".join(w.title() if w.isupper() and len(w) > 4 else w for w in text.split())  # a dateline's "DHORAGHAT"
    if place:  # "Kelby district": a division of a place, which figures keep apart from the whole
        return Name(words[0][0], place.end(), f"{name} {place.group(0).split()[0].lower()}")
    return Name(words[0][0], words[0][0] + len(text), name)
