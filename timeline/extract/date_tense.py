"""Whether a sentence speaks of the past or the future around a date expression.

Year-less dates ("in December", "on Friday", "by March 3") are anchored on the
publication date P backwards (the most recent one) unless the sentence looks
ahead; this module reads that from the words around the expression, the way a
reader does, without a parser: the nearest tense-bearing word wins. The words
are those of the date's own clause (``date_clauses``), since one sentence
often joins a past aside and a future main clause; the whole sentence is read
only when that clause has no tense-bearing word.
"""

from __future__ import annotations

import re

from timeline.extract.date_clauses import clause_contexts
from timeline.extract.words import FUNCTION_WORDS, can_be

FUTURE_WORDS = {"will", "shall", "next", "scheduled", "expected", "slated", "likely", "upcoming", "plans", "planned", "due", "would", "expects", "expect", "intends", "aims", "pencilled", "penciled", "earmarked"}
PAST_WORDS = {
    "said", "says", "was", "were", "had", "has", "have", "did", "told", "met", "held", "began", "took",
    "made", "gave", "came", "went", "saw", "led", "sought", "brought", "spoke", "left", "stated",
    "stood", "fell", "rose", "grew", "hit", "won", "lost", "got", "kept", "found", "paid", "sent", "spent",
    "struck", "swept", "broke", "ran", "sank", "shut", "cut", "put", "set", "became", "began", "drew", "flew",
}  # fmt: skip
# More irregular simple pasts, so that a clause such as "Jurors heard Monday's testimony" has its own
# tense and is not read from the next clause. Only forms that are never a noun, a base or a present
# form in lemminflect's tables ("thought", "felt", "read", "lay" are left out).
PAST_WORDS |= set(
    "arose ate awoke blew bought built caught chose clung crept dealt drank dug flung forbade forgave forgot "
    "fought froze heard hid knelt knew laid leapt lent meant mistook overcame overran overrode oversaw overthrew "
    "overtook rang rebuilt redid remade repaid resold rethought retold rewrote rode sang sat shone shook shrank "
    "slept slid sold sprang spun stole strove stung swam swore swung taught threw tore trod understood undertook "
    "underwent upheld wept withdrew withheld withstood woke wore wrote".split()
)

# Words before a date that point forward unless the sentence is told in the past: "by October",
# "until March 3", "to run through May", "with effect from January 15", "effective April 1".
FORWARD_CUES = {"by", "until", "till", "through", "effective"}
# A new date for something already planned: "has been postponed to late June", "was pushed back to
# March 3", "rescheduled for Friday". The move is told now, so the new date lies ahead.
RESCHEDULED = {"postponed", "deferred", "delayed", "rescheduled", "adjourned", "extended", "shifted", "moved", "pushed"}
RESCHEDULED_PHRASAL = {"pushed", "put", "moved", "brought", "set"}  # with "back", "off", "forward"
RESCHEDULED_TO = {"to", "until", "till", "for"}
AUXILIARIES = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "shall", "may", "might", "could"}
AUXILIARY_ADVERBS = {"again", "now", "also", "since", "further", "later", "already", "just", "once", "formally", "officially"}
REPORTING = {"said", "says", "told", "added", "stated"}  # "..., the minister said" does not make the sentence past
COPULAS = {"is", "are", "be", "been", "being", "remain", "remains", "stay", "stays"}  # "stays closed": a state, not a past
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"}
NOT_INFINITIVES = {"court", "power", "office", "school", "work", "hospital", "market", "war", "trial", "press", "bed", "sea"}

WORD = re.compile(r"[A-Za-z']+")


SENTENCE_REACH = 2_000  # how far a date's sentence is looked for on either side: no news sentence is longer


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The rough sentence around text[start:end], searched for within ``SENTENCE_REACH`` characters on
    each side, so that reading the tense of every date in a long text stays linear in its length."""
    low, high = max(0, start - SENTENCE_REACH), min(len(text), end + SENTENCE_REACH)
    left = max(text.rfind(". ", low, start), text.rfind("\n", low, start), text.rfind("? ", low, start), text.rfind("! ", low, start))
    right_candidates = [i for i in (text.find(". ", end, high), text.find("\n", end, high), text.find("? ", end, high)) if i != -1]
    right = min(right_candidates) if right_candidates else high
    return (left + 1 if left != -1 else low), right


def looks_ahead(text: str, start: int, end: int) -> bool:
    """Whether the verb nearest to a date expression, in the date's own clause, points to the future.

    "Kumaraswamy on Tuesday said ... will" is past (said is nearer);
    "will be held on Tuesday" is future (held follows will). The clause comes
    first ("The levy, which the council raised on May 18, will lapse": May 18
    is past, whatever "will" says); the sentence decides only when the
    clause has no tense-bearing word ("On May 18, the council raised ...").
    """
    s_start, s_end = sentence_bounds(text, start, end)
    sentence = text[s_start:s_end]
    for before, after in clause_contexts(sentence, start - s_start, end - s_start):
        reading = _reading(WORD.findall(before.lower()), WORD.findall(after.lower()), final=False)
        if reading is not None:
            return reading
    return bool(_reading(WORD.findall(text[s_start:start].lower()), WORD.findall(text[end:s_end].lower()), final=True))


def _reading(before: list[str], after: list[str], final: bool) -> bool | None:
    """The tense these words give the date between them; None when they have no tense-bearing word and are not final."""
    before, after = _prospective(before), _prospective(after)
    moved = _rescheduled(before)
    if moved is not None:
        return moved
    if _forward_cue(before):
        if not final and not (_tense(list(reversed(before)), list(reversed(["", *before[:-1]]))) or _tense(after, ["", *after[:-1]])):
            return None
        return _forward_reading(before, after)
    if before[-1:] == ["next"] or before[-2:-1] == ["next"]:
        return True
    left = _tense(list(reversed(before)), list(reversed(["", *before[:-1]])))
    right = _tense(after, ["", *after[:-1]])
    if left and left[1] == "past":
        # "will be held on Tuesday": a participle after a future auxiliary is future.
        window = list(reversed(before))[left[0] + 1 : left[0] + 4]
        if any(w in FUTURE_WORDS for w in window):
            left = (left[0], "future")
    candidates = [c for c in (left, right) if c]
    if not candidates:
        return False if final else None
    return min(candidates, key=lambda c: c[0])[1] == "future"


def _tense(words: list[str], previous: list[str]) -> tuple[int, str] | None:
    """The first tense-bearing word of ``words`` (read outward from the date) and its distance."""
    for distance, word in enumerate(words):
        if word in FUTURE_WORDS:
            return distance, "future"
        if word in PAST_WORDS or (word.endswith("ed") and len(word) > 4 and previous[distance] not in DETERMINERS):
            return distance, "past"
    return None


def _rescheduled(before: list[str]) -> bool | None:
    """After "postponed to", "pushed back to", "rescheduled for" (the move's object may come between: "pushed
    back the start of the term to September 7"): ahead, unless told in the past perfect.

    Only the verb group of the move counts, not the clause around it: in "a
    notice announcing that the reopening has been postponed to late June"
    the notice's past does not date the reopening. "had been postponed to
    March 3" is a plan already overtaken, read backwards. None when the date
    does not follow such a verb.
    """
    if len(before) < 2 or before[-1] not in RESCHEDULED_TO:
        return None
    verb = _rescheduling_verb(before)
    if verb is None:
        return None
    group = []
    for word in reversed(before[:verb]):
        if word not in AUXILIARIES and word not in AUXILIARY_ADVERBS:
            break
        group.append(word)
    return "had" not in group


def _rescheduling_verb(before: list[str]) -> int | None:
    """Where the move's verb is: right before "to", or before its object ("pushed back the start of the term to")."""
    for verb in range(len(before) - 2, max(-1, len(before) - 10), -1):
        if before[verb] in {"back", "off", "forward"} and verb and before[verb - 1] in RESCHEDULED_PHRASAL:
            return verb - 1
        if before[verb] in RESCHEDULED:
            return verb
        if before[verb] in RESCHEDULED_TO or before[verb] in AUXILIARIES:
            return None  # another "to" or a verb group of its own: the date is not the move's
    return None


def _forward_cue(before: list[str]) -> bool:
    """The date follows "by", "until", "through", "with effect from", "effective" (or "by mid-", "until late")."""
    last = before[-2] if before[-1:] and before[-1] in {"early", "mid", "late"} and len(before) > 1 else (before[-1] if before else "")
    return last in FORWARD_CUES or before[-3:] == ["with", "effect", "from"]


def _prospective(words: list[str]) -> list[str]:
    """"is set to open in October" is "is slated to": "set" after "is" / "are" looks ahead, it is no past tense."""
    if "set" not in words:
        return words
    return ["slated" if w == "set" and i and words[i - 1] in {"is", "are"} else w for i, w in enumerate(words)]


def _is_past(word: str, previous: str = "") -> bool:
    """A past verb; a participle after a determiner is an adjective ("the devolved governments", "the revised fares")."""
    if word in PAST_WORDS - {"has", "have"} - REPORTING:
        return True
    return word.endswith("ed") and len(word) > 4 and previous not in DETERMINERS


def _infinitive(word: str) -> bool:
    """The verb after "to" in "promised to publish the audit by October", not the noun in "went to court"."""
    return word in {"be", "have", "do"} or (word not in FUNCTION_WORDS and word not in NOT_INFINITIVES and can_be(word, "VERB"))


def _forward_reading(before: list[str], after: list[str]) -> bool:
    """After a forward cue the date looks ahead unless the sentence is told in the past.

    The nearest tense-bearing word before the date decides: a future word or an
    infinitive ("has to submit ... by Friday", "is set to run through May")
    looks ahead; a past verb ("came to a halt by mid-April") does not, except a
    participle after a copula ("stays closed until March 3") and a reporting
    verb. With none before it, the main verb after it decides ("By Tuesday
    afternoon the river was flowing ..." is past).
    """
    if any(w in FUTURE_WORDS for w in before):
        return True  # "the report will be ready by Tuesday, the minister said"
    for index in range(len(before) - 1, -1, -1):
        word = before[index]
        if word == "to" and index + 1 < len(before) and _infinitive(before[index + 1]):
            return True
        previous = before[index - 1] if index else ""
        if _is_past(word, previous) and previous not in COPULAS:
            return False
    main_verb = next((w for i, w in enumerate(after) if w in FUTURE_WORDS or _is_past(w, after[i - 1] if i else "")), None)
    return main_verb is None or main_verb in FUTURE_WORDS
