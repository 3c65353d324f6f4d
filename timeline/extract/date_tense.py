"""Whether a sentence speaks of the past or the future around a date expression.

Year-less dates ("in December", "on Friday", "by March 3") are anchored on the
publication date P backwards (the most recent one) unless the sentence looks
ahead; this module reads that from the words around the expression, the way a
reader does, without a parser: the nearest tense-bearing word wins.
"""

from __future__ import annotations

import re

FUTURE_WORDS = {"will", "shall", "next", "scheduled", "expected", "slated", "likely", "upcoming", "plans", "planned", "due", "would"}
PAST_WORDS = {
    "said", "says", "was", "were", "had", "has", "have", "did", "told", "met", "held", "began", "took",
    "made", "gave", "came", "went", "saw", "led", "sought", "brought", "spoke", "left", "stated",
    "stood", "fell", "rose", "grew", "hit", "won", "lost", "got", "kept", "found", "paid", "sent", "spent",
    "struck", "swept", "broke", "ran", "sank", "shut", "cut", "put", "set", "became", "began", "drew", "flew",
}  # fmt: skip

WORD = re.compile(r"[A-Za-z']+")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("? ", 0, start), text.rfind("! ", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end), text.find("? ", end)) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return left + 1, right


def looks_ahead(text: str, start: int, end: int) -> bool:
    """Whether the verb nearest to a date expression points to the future.

    "Kumaraswamy on Tuesday said ... will" is past (said is nearer);
    "will be held on Tuesday" is future (held follows will).
    """
    s_start, s_end = sentence_bounds(text, start, end)
    before = [w.lower() for w in WORD.findall(text[s_start:start])]
    after = [w.lower() for w in WORD.findall(text[end:s_end])]
    if before and before[-1] == "by" or before[-2:-1] == ["by"] and before[-1] in {"early", "mid", "late"}:
        # "by December" looks ahead unless the sentence is told in the past ("came to a halt by mid-April",
        # "By Tuesday afternoon the river was flowing 1.8 metres above the mark")
        told_in_past = lambda words: any(w in PAST_WORDS - {"has", "have"} or (w.endswith("ed") and len(w) > 4) for w in words)  # noqa: E731
        main_verb = next((w for w in after if w in FUTURE_WORDS or w in PAST_WORDS - {"has", "have"} or (w.endswith("ed") and len(w) > 4)), None)
        if any(w in FUTURE_WORDS for w in before):
            return True  # "the report will be ready by Tuesday, the minister said"
        return not (told_in_past(before) or (main_verb is not None and main_verb not in FUTURE_WORDS))
    if before[-1:] == ["next"] or before[-2:-1] == ["next"]:
        return True

    def tense(words: list[str]) -> tuple[int, str] | None:
        for distance, word in enumerate(words):
            if word in FUTURE_WORDS:
                return distance, "future"
            if word in PAST_WORDS or (word.endswith("ed") and len(word) > 4):
                return distance, "past"
        return None

    left = tense(list(reversed(before)))
    right = tense(after)
    if left and left[1] == "past":
        # "will be held on Tuesday": a participle after a future auxiliary is future.
        window = list(reversed(before))[left[0] + 1 : left[0] + 4]
        if any(w in FUTURE_WORDS for w in window):
            left = (left[0], "future")
    candidates = [c for c in (left, right) if c]
    if not candidates:
        return False
    return min(candidates, key=lambda c: c[0])[1] == "future"
