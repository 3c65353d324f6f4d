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
  ", who", ", where", ", when", ", after", ", as", ", although" ...), a
  participle (", due to finish in April", ", delayed by floods") or an
  attribution (", officials said", ", the port trust said") opens a clause
  that runs to the next plain comma, and a pair of dashes encloses one. The
  main clause an aside interrupts is read as one clause: in "The levy, which
  ..., will lapse on June 30" the clause of June 30 is "The levy ... will
  lapse on June 30", and that of May 18 is the aside alone; "..., the
  minister said" no longer makes the report it closes a past;
- **soft cuts**: a conjunction without a comma ("after", "before", "when",
  "as", "because", ...) narrows the clause once more, except where it is the
  preposition of the date itself ("before March 3", "after Thursday's vote")
  or part of "as well as", "such as", "as of", "as early as".

:func:`clause_contexts` gives the text before and after a date in its
narrowest clause, then in the clause without soft cuts, then, for the last
item of a list ("in Ashford, Brayton, and Colne on Sunday"), with the clause
before the ", and"; the tense reader (``date_tense``) takes the first that
has a tense-bearing word and falls back to the whole sentence only when none
has. A sentence's boundaries are found once and cached, so the cost is a few
slices a date.
"""

from __future__ import annotations

import re
from functools import lru_cache

RELATIVES = r"which|who|whom|whose|where|when"
SUBORDINATORS = r"while|whereas|although|though|even\s+as|after|before|as|since|because|once|unless|if"
REPORTING = r"said|says|told|added|stated"
# A reduced relative: ", due to finish in April,", ", expected to cost ₹40 crore,", ", delayed by floods,".
REDUCED = r"due|set|slated|expected|scheduled|planned|built|held|made|known|seen|begun|taken|given|hit|(?-i:[a-z]{3,}ed)"
CUT = re.compile(
    rf";|:\s|\s(?:[—–]|--)\s|,\s*(?:(?P<aside>{RELATIVES}|{SUBORDINATORS})|(?P<join>and|or)|but|yet|so|nor)\b"
    rf"|,\s*(?=(?P<reduced>{REDUCED})\b)"  # zero-width: the participle stays in its clause's words
    rf"|,\s*(?P<report>(?=(?:[\w'’.-]+\s+){{0,4}}(?:{REPORTING})\b))",
    re.IGNORECASE,
)
DASH = re.compile(r"\s(?:[—–]|--)\s")
SOFT = re.compile(r"\b(?:when|after|before|as|because|since|while|once|although|though|whereas|but|unless)\b", re.IGNORECASE)
# "as" in "as well as", "such as", "as of", "as early as" is no conjunction
NOT_AS_BEFORE = frozenset({"such", "well", "much", "many", "soon", "far", "long", "early", "late", "same", "just", "so"})
NOT_AS_AFTER = frozenset({"well", "of", "much", "many", "soon", "far", "long", "early", "late", "part", "such"})
DATE_PREFIX = re.compile(r"(?:\s*(?:the|on|in|of|early|mid|late|end|start|beginning|this|last|next|[-–]))*\s*", re.IGNORECASE)

# One boundary: (start, end, kind, partner); kind "cut", "join" (", and", ", or"), "open" or "close",
# partner the index of the matching close or open (-1 when an aside runs into a cut or the sentence
# end: the clause does not resume).
Boundary = tuple[int, int, str, int]


@lru_cache(maxsize=2048)
def boundaries(sentence: str) -> tuple[Boundary, ...]:
    """Every clause boundary of a sentence, in order, with asides paired to their closing comma or dash.

    A comma aside closes at the next comma when no other boundary comes first
    (", which the council raised on May 18, will"), or when that comma is
    followed by a participle, which is then the main verb ("Work on the
    bridge, due to finish in April, stopped in February"); one that runs into
    a cut or the end of the sentence does not resume the main clause. A dash
    aside closes at the next dash; a lone dash is a cut.
    """
    found = [(m.start(), m.end(), _kind(m)) for m in CUT.finditer(sentence)]
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
        elif kind in {"open", "reduced"}:
            close = sentence.find(",", end)
            if close != -1 and (following is None or close < following[0] or (close == following[0] and following[2] == "reduced")):
                marks += [(start, end, "open", len(marks) + 1), (close, close + 1, "close", len(marks))]
                index += 1 if following is not None and close == following[0] else 0
            else:
                marks.append((start, end, "open", -1))
        else:
            marks.append((start, end, kind, -1))
        index += 1
    return tuple(marks)


def _kind(match: re.Match[str]) -> str:
    if DASH.fullmatch(match.group(0)):
        return "dash"
    if match.group("reduced"):
        return "reduced"
    if match.group("aside") or match.group("report") is not None:
        return "open"
    return "join" if match.group("join") else "cut"


def clause_contexts(sentence: str, start: int, end: int) -> list[tuple[str, str]]:
    """(text before, text after) the date at sentence offsets start..end, narrowest first.

    The clause with soft cuts, the clause without them, and, for a clause
    after ", and" / ", or" (a list's last item: "held in Delhi, Mumbai, and
    Kolkata on Sunday"), the clause with the one before it. Pairs equal to
    the next wider one are left out; the sentence itself is not included.
    """
    marks, softs = boundaries(sentence), soft_cuts(sentence)
    if not marks and not softs:
        return []
    if marks:
        before, after, left, low, high = _clause_text(sentence, marks, start, end)
    else:
        before, after, left, low, high = sentence[:start], sentence[end:], -1, 0, len(sentence)
    fine_before = next((sentence[e:start] for s, e in reversed(softs) if low <= s and e <= start and not DATE_PREFIX.fullmatch(sentence, e, start)), before)
    fine_after = next((sentence[end:s] for s, e in softs if end <= s and e <= high), after)
    contexts = [(fine_before, fine_after), (before, after)]
    if left >= 0 and marks[left][2] == "join":
        previous = sentence[marks[left - 1][1] if left else 0 : marks[left][0]]
        contexts.append((f"{previous} {before}", after))
    unique = [c for i, c in enumerate(contexts) if c not in contexts[i + 1 :]]
    return [c for c in unique if c != (sentence[:start], sentence[end:])]


def _clause_text(sentence: str, marks: tuple[Boundary, ...], start: int, end: int) -> tuple[str, str, int, int, int]:
    """The clause's text before and after the date, skipping over asides that interrupt it.

    Also the index of the mark that opens the clause (-1 at the sentence
    start) and the bounds of the stretch around the date that no mark cuts.
    """
    left = [i for i, b in enumerate(marks) if b[1] <= start]
    right = [i for i, b in enumerate(marks) if b[0] >= end]
    low = marks[left[-1]][1] if left else 0
    high = marks[right[0]][0] if right else len(sentence)
    before_parts = [sentence[low:start]]
    index = left[-1] if left else -1
    while index >= 0 and marks[index][2] == "close":  # the main clause resumed after an aside: take its first part too
        opener = marks[index][3]
        previous = opener - 1
        before_parts.append(sentence[marks[previous][1] if previous >= 0 else 0 : marks[opener][0]])
        index = previous
    after_parts = [sentence[end:high]]
    following = right[0] if right else len(marks)
    while following < len(marks) and marks[following][2] == "open" and marks[following][3] != -1:
        close = marks[following][3]
        following = close + 1
        after_parts.append(sentence[marks[close][1] : marks[following][0] if following < len(marks) else len(sentence)])
    return " ".join(reversed(before_parts)), " ".join(after_parts), index, low, high


@lru_cache(maxsize=2048)
def soft_cuts(sentence: str) -> tuple[tuple[int, int], ...]:
    """Spans of the conjunctions without a comma ("after", "as", "because" ...) that open a clause."""
    return tuple(m.span() for m in SOFT.finditer(sentence) if _is_conjunction(sentence, m))


def _is_conjunction(text: str, match: re.Match[str]) -> bool:
    if match.group(0).lower() != "as":
        return True
    previous = text[max(0, match.start() - 12) : match.start()].split()[-1:]
    following = text[match.end() : match.end() + 12].split()[:1]
    return not (previous and previous[0].lower() in NOT_AS_BEFORE) and not (following and following[0].lower() in NOT_AS_AFTER)
