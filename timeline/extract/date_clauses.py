"""The clause a date expression stands in, so that its tense is read there and not across the sentence.

A news sentence often joins clauses of different times: "The levy, which the
council raised on May 18, will lapse on June 30" has a past aside inside a
future sentence, and "The board signed the lease in July, and the clinic is
due to open in 2028" a future clause after a past one. Read across the whole
sentence, the nearest "will" flips May 18 into next year. This module cuts a
sentence into clauses with a few word boundaries, the way a reader hears
them, without a parser:

- **cuts**: ";", ": ", a lone dash, and a comma before a coordinator
  (", and", ", but", ", or", ", yet", ", so");
- **asides**: a comma before a relative or subordinate word (", which",
  ", who", ", where", ", when", ", after", ", as", ", although" ...) opens a
  clause that runs to the next plain comma, and a pair of dashes encloses
  one. The main clause an aside interrupts is read as one clause: in "The
  levy, which ..., will lapse on June 30" the clause of June 30 is "The levy
  ... will lapse on June 30", and that of May 18 is the aside alone;
- **soft cuts**: a conjunction without a comma ("after", "before", "when",
  "as", "because", ...) narrows the clause once more, except where it is the
  preposition of the date itself ("before March 3", "after Thursday's vote")
  or part of "as well as", "such as", "as of", "as early as".

:func:`clause_contexts` gives the text before and after a date in its
narrowest clause, then in the clause without soft cuts; the tense reader
(``date_tense``) takes the first that has a tense-bearing word and falls back
to the whole sentence only when neither has one.
"""

from __future__ import annotations

import re
from functools import lru_cache

RELATIVES = r"which|who|whom|whose|where|when"
SUBORDINATORS = r"while|whereas|although|though|even\s+as|after|before|as|since|because|once|unless|if"
CUT = re.compile(
    rf";|:\s|\s(?:[—–]|--)\s|,\s*(?:(?P<aside>{RELATIVES}|{SUBORDINATORS})|and|but|or|yet|so|nor)\b",
    re.IGNORECASE,
)
DASH = re.compile(r"\s(?:[—–]|--)\s")
SOFT = re.compile(r"\b(?:when|after|before|as|because|since|while|once|although|though|whereas|but|unless)\b", re.IGNORECASE)
# "as" in "as well as", "such as", "as of", "as early as" is no conjunction
NOT_AS_BEFORE = frozenset({"such", "well", "much", "many", "soon", "far", "long", "early", "late", "same", "just", "so"})
NOT_AS_AFTER = frozenset({"well", "of", "much", "many", "soon", "far", "long", "early", "late", "part", "such"})
DATE_PREFIX = re.compile(r"(?:\s*(?:the|on|in|of|early|mid|late|end|start|beginning|this|last|next|[-–]))*\s*", re.IGNORECASE)

# One boundary: (start, end, kind, partner); kind "cut", "open" or "close", partner the index of the
# matching close or open (-1 when an aside runs into a cut or the sentence end: the clause does not resume).
Boundary = tuple[int, int, str, int]


@lru_cache(maxsize=2048)
def boundaries(sentence: str) -> tuple[Boundary, ...]:
    """Every clause boundary of a sentence, in order, with asides paired to their closing comma or dash.

    A comma aside closes at the next comma when no other boundary comes first
    (", which the council raised on May 18, will"); one that runs into a cut
    or the end of the sentence does not resume the main clause. A dash aside
    closes at the next dash; a lone dash is a cut.
    """
    found = [(m.start(), m.end(), "dash" if DASH.fullmatch(m.group(0)) else "open" if m.group("aside") else "cut") for m in CUT.finditer(sentence)]
    marks: list[Boundary] = []
    index = 0
    while index < len(found):
        start, end, kind = found[index]
        following = found[index + 1] if index + 1 < len(found) else None
        if kind == "dash":
            if following is not None and following[2] == "dash":
                marks += [(start, end, "open", len(marks) + 1), (following[0], following[1], "close", len(marks))]
                index += 2
                continue
            marks.append((start, end, "cut", -1))
        elif kind == "open":
            close = sentence.find(",", end)
            if close != -1 and (following is None or close < following[0]):
                marks += [(start, end, "open", len(marks) + 1), (close, close + 1, "close", len(marks))]
            else:
                marks.append((start, end, "open", -1))
        else:
            marks.append((start, end, "cut", -1))
        index += 1
    return tuple(marks)


def clause_contexts(sentence: str, start: int, end: int) -> list[tuple[str, str]]:
    """(text before, text after) the date at sentence offsets start..end: its narrowest clause, then its clause.

    Pairs equal to the next wider one are left out; the list is empty when the
    date's clause is the whole sentence.
    """
    marks = boundaries(sentence)
    before, after = _clause_text(sentence, marks, start, end) if marks else (sentence[:start], sentence[end:])
    contexts = [(_after_last_soft(before), _before_first_soft(after)), (before, after)]
    if contexts[0] == contexts[1]:
        contexts.pop(0)
    if contexts[-1] == (sentence[:start], sentence[end:]):
        contexts.pop()
    return contexts


def _clause_text(sentence: str, marks: tuple[Boundary, ...], start: int, end: int) -> tuple[str, str]:
    """The clause's words before and after the date, skipping over asides that interrupt it."""
    left = [i for i, b in enumerate(marks) if b[1] <= start]
    right = [i for i, b in enumerate(marks) if b[0] >= end]
    before_parts = [sentence[marks[left[-1]][1] : start] if left else sentence[:start]]
    index = left[-1] if left else -1
    while index >= 0 and marks[index][2] == "close":  # the main clause resumed after an aside: take its first part too
        opener = marks[index][3]
        previous = opener - 1
        before_parts.append(sentence[marks[previous][1] if previous >= 0 else 0 : marks[opener][0]])
        index = previous
    after_parts = [sentence[end : marks[right[0]][0]] if right else sentence[end:]]
    index = right[0] if right else len(marks)
    while index < len(marks) and marks[index][2] == "open" and marks[index][3] != -1:
        close = marks[index][3]
        following = close + 1
        after_parts.append(sentence[marks[close][1] : marks[following][0] if following < len(marks) else len(sentence)])
        index = following
    return " ".join(reversed(before_parts)), " ".join(after_parts)


def _after_last_soft(before: str) -> str:
    """Text after the last conjunction before the date, unless that conjunction is the date's own preposition."""
    for match in reversed(list(SOFT.finditer(before))):
        if DATE_PREFIX.fullmatch(before, match.end()) or not _is_conjunction(before, match):
            continue
        return before[match.end() :]
    return before


def _before_first_soft(after: str) -> str:
    for match in SOFT.finditer(after):
        if _is_conjunction(after, match):
            return after[: match.start()]
    return after


def _is_conjunction(text: str, match: re.Match[str]) -> bool:
    if match.group(0).lower() != "as":
        return True
    previous = text[: match.start()].split()[-1:]
    following = text[match.end() :].split()[:1]
    return not (previous and previous[0].lower() in NOT_AS_BEFORE) and not (following and following[0].lower() in NOT_AS_AFTER)
