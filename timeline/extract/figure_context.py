"""The words around a figure that make it a count or a change: "the toll rose to 41", "612 were rescued", "fell 12%".

A bare number is no figure on its own ("in 2025", "Rule 5", "at 10"); the
sentence around it says when it counts something, and the verb before it
says whether it is a level or a movement:

>>> [counted_by_context(text, "41", text.index("41"), text.index("41") + 2)
...  for text in ("41 were killed", "the toll rose to 41", "the index rose to 41")]
[True, True, False]
>>> change_of("Sales dropped 38% in May.", 14, 17, "percent")
(True, True)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from timeline.alternation import CASE_FOLDS

UP_VERBS = r"rose|rise|rises|rising|risen|grew|grow|grows|growing|grown|jumped|jumps|jump|surged|surges|soared|soars|climbed|climbs|increased|increases|gained|gains|rallied|advanced|spiked|rocketed|swelled|widened|widens"
DOWN_VERBS = r"fell|falls|fall|falling|fallen|dropped|drops|drop|declined|declines|decline|slumped|plunged|plummeted|slid|slipped|tumbled|decreased|decreases|shrank|shrunk|shrink|shrinks|contracted|dipped|dips|sank|eased|narrowed|narrows"
UP_NOUNS = r"increase|rise|jump|gain|growth|surge|hike|spike|rally|climb|uptick"
DOWN_NOUNS = r"decline|drop|fall|decrease|cut|reduction|contraction|slump|dip|slide|plunge"
COUNT_HEADS = {
    "toll", "count", "tally", "number", "total", "figure", "headcount", "strength", "attendance", "membership",
    "enrolment", "enrollment", "crowd", "population", "people", "children", "men", "women", "police", "staff",
    "workforce", "personnel", "dead", "injured", "killed", "missing", "wounded", "displaced", "infected",
    "hospitalised", "hospitalized", "affected", "evacuated", "arrested", "detained", "rescued",
}  # fmt: skip
MEASURE_PLURALS = {
    "prices", "rates", "shares", "stocks", "yields", "temperatures", "levels", "scores", "ratings", "margins",
    "indices", "indexes", "sales", "imports", "exports", "revenues", "profits", "earnings", "returns", "costs",
    "wages", "salaries", "rents", "bonds", "futures", "points", "readings", "odds", "polls", "premiums",
    "reserves", "deposits", "assets", "volumes", "tariffs", "duties", "taxes", "fees", "charges", "values",
    "valuations", "savings", "losses", "bills", "markets", "currencies", "averages", "estimates", "forecasts",
    "emissions", "inflows", "outflows", "investments", "payments", "subsidies", "budgets", "holdings", "stakes",
    "ratios", "speeds", "weights", "distances", "hours", "days", "years", "months", "minutes", "seconds", "times",
}  # fmt: skip
STATES = {
    "missing", "dead", "hurt", "injured", "unaccounted", "alive", "safe", "homeless", "stranded", "ill", "sick",
    "absent", "left", "lost", "held", "kept", "hit", "shot", "struck", "caught", "found", "born", "slain", "swept",
}  # fmt: skip
CHANGE_BEFORE = re.compile(
    rf"\b(?:(?P<verb>{UP_VERBS}|{DOWN_VERBS})(?P<by>\s+by)?|(?P<dir>up|down|plus|minus)|(?P<noun>{UP_NOUNS}|{DOWN_NOUNS})\s+of)\s+$",
    re.IGNORECASE,
)
CHANGE_AFTER = re.compile(
    rf"[ \t]+(?:(?!(?:of|in|the|to|and|for|on|at|by|from|a|an)\b)[a-z]+(?:-[a-z]+)*[ \t]+)?(?P<noun>{UP_NOUNS}|{DOWN_NOUNS})s?\b", re.IGNORECASE
)
COMPARED_AFTER = re.compile(r"[ \t]+(?P<dir>more|higher|greater|larger|less|lower|fewer|smaller)[ \t]+than\b", re.IGNORECASE)
DOWN = re.compile(rf"(?:{DOWN_VERBS}|{DOWN_NOUNS}|down|minus|-|\u2212)$", re.IGNORECASE)
LEVEL_BEFORE = re.compile(
    rf"\b(?:(?:{UP_VERBS}|{DOWN_VERBS}|went\s+up|went\s+down)\s+to|(?:stood|stands|stand|standing|remained|remains)\s+at"
    rf"|reached|reaches|touched|touches|hit|hits)\s+$",
    re.IGNORECASE,
)
# The words that end a match of CHANGE_BEFORE and of LEVEL_BEFORE (``search_end``).
CHANGE_BEFORE_ENDS = tuple(f"{UP_VERBS}|{DOWN_VERBS}".split("|")) + ("by", "up", "down", "plus", "minus", "of")
LEVEL_BEFORE_ENDS = ("to", "at", "reached", "reaches", "touched", "touches", "hit", "hits")
REVISED_TO = re.compile(r"\b(?:revised|corrected|raised|lowered|scaled\s+back|pared)(?:\s+(?:up|down)(?:wards?)?)?\s+(?:to|at)\s+$", re.IGNORECASE)
FROM_BEFORE = re.compile(rf"\b(?:{UP_VERBS}|{DOWN_VERBS})\s+from\s+$", re.IGNORECASE)
PASSIVE = re.compile(
    r"[ \t]+(?:(?P<aux>were|was|are|is|have|has|had|remain|remained|remains)"
    r"(?:[ \t]+(?:been|still|now|also|reportedly|feared|believed|thought|confirmed|later|already))*[ \t]+)?(?P<state>[a-z]+)\b"
)
TIME_AFTER = re.compile(r":\d|[ \t]*(?:[ap]\.?m\b|o'clock|hrs\b|IST\b|GMT\b|UTC\b|BST\b)", re.IGNORECASE)
OPENERS = {"the", "these", "those", "all", "altogether", "overall", "only", "another", "officially", "so", "and", "but", "in", "since", "now", "then", "here", "there"}
WORD = re.compile(r"[A-Za-z][\w'’-]*|[,;:()\"“”]")


class Cue:
    """A case-blind pattern, searched only in text that holds one of its ``words``.

    Cues ("so far", "initially", "year on year") are tried on each figure's
    clause, and most clauses hold none of a cue's words: finding that out
    with ``in`` costs a fraction of trying the pattern at every position.
    Every match of the pattern holds one of ``words`` (lower case), which
    are looked for in the text lowered as the regex engine folds case, so
    the answer is the pattern's own.
    """

    def __init__(self, pattern: str, words: tuple[str, ...], flags: int = re.IGNORECASE) -> None:
        self.regex = re.compile(pattern, flags)
        self.words = words

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.regex.search(text, pos) if holds_word(text, self.words) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text) if holds_word(text, self.words) else iter(())


def holds_word(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text``, lowered as the regex engine folds case, holds one of ``words`` (lower case) anywhere."""
    lowered = (text if text.isascii() else text.translate(CASE_FOLDS)).lower()
    for word in words:  # a loop, not any() over a generator: this runs for every cue of every figure
        if word in lowered:
            return True
    return False


@lru_cache(maxsize=None)
def _last_runs(runs: int) -> re.Pattern[str]:
    """Read on reversed text: up to ``runs`` runs of characters other than whitespace, with the whitespace around them."""
    return re.compile(rf"\s*(?:\S+\s*){{0,{runs}}}")


def tail_start(text: str, runs: int, pos: int = 0, endpos: int | None = None) -> int:
    """Where the last ``runs`` runs of characters other than whitespace in ``text[pos:endpos]`` begin, with the space before them.

    A pattern anchored at the end (``$``) whose match spans at most ``runs``
    such runs ("rose to ", "a capacity of ") cannot match before it, so a
    search can start there instead of trying every position before: the
    match is the same, and lookbehinds and ``\\b`` still see the text before
    where a search starts.
    """
    end = len(text) if endpos is None else min(endpos, len(text))
    return max(pos, end - _last_runs(runs).match(text[pos:end][::-1]).end()) if pos < end else pos


def search_end(pattern: re.Pattern[str], runs: int, text: str, pos: int = 0, endpos: int | None = None, ends: tuple[str, ...] = ()) -> re.Match[str] | None:
    """``pattern.search(text, pos, endpos)`` for a pattern anchored at the end whose match spans at most ``runs`` runs (``tail_start``).

    ``ends``, when given, are the lower-case words one of which ends every
    match before its final whitespace ("rose", "by", "of"): text that ends
    with none of them, read without case, is not searched.
    """
    end = len(text) if endpos is None else min(endpos, len(text))
    if ends and pos < end and not ends_with(text[pos:end], ends):
        return None
    return pattern.search(text, tail_start(text, runs, pos, end), end)


def ends_with(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text``, without its final whitespace, ends with one of ``words`` (lower case), read as the regex engine folds case."""
    return (text if text.isascii() else text.translate(CASE_FOLDS)).rstrip().lower().endswith(words)


def change_of(text: str, start: int, end: int, unit: str, sign: str | None = None, qualifier: str | None = None) -> tuple[bool, bool]:
    """(is a change, is a fall): "rose 12%", "down 2.4%", "a 4% decline", "growth of 8%"; "rose to 57" is a level."""
    if sign and unit in {"percent", "percentage_point"}:
        return True, sign != "+"
    before = search_end(CHANGE_BEFORE, 2, text, max(0, start - 32), start, CHANGE_BEFORE_ENDS)
    level = (qualifier or "").lower() in {"above", "below", "under", "past"}  # "fell below $1tn" is a level
    if before and not level and (unit != "count" or before.group("by") or before.group("noun")):
        return True, _direction(before.group("verb") or before.group("dir") or before.group("noun"))
    after = CHANGE_AFTER.match(text, end) if unit != "count" else None
    if after:
        return True, _direction(after.group("noun"))
    compared = COMPARED_AFTER.match(text, end) if unit in {"percent", "percentage_point"} else None
    if compared:  # "16.1% more than last year's budget", "3% lower than a year earlier"
        return True, compared.group("dir").lower() in {"less", "lower", "fewer", "below", "down"}
    return False, False


MOVED_TO = re.compile(
    r"\b(?:revised|revising|corrected|correcting|raised|raising|lowered|lowering|taking|took|takes|bringing|brought|brings"
    r"|pushing|pushed|pushes|putting|put|puts|pegged|pegging)\s+(?:the|its|their|this)\s+(?:[\w'’-]+\s+){0,6}?(?P<to>to|at)\s+$",
    re.IGNORECASE,
)
NOT_AFTER_FIGURE = re.compile(r"\d\s*,?\s+not\s+$")
WORD_BEFORE = re.compile(r"(\S+)[ \t]+$")
OF_GROUP = re.compile(r"[ \t]+of[ \t]+(?:the|those|them)\b(?![^,.;]{0,24}\d)")  # "34 of the dead"


def counted_by_context(text: str, number: str, start: int, end: int) -> bool:
    """A bare number is a count as the subject of a verb ("612 were rescued") or a count's level ("the toll rose to 41").

    Also a count: one a count is moved to ("taking the death toll to 63",
    "revised the toll from the crash to 57") and one a count replaces ("57, not 61").
    """
    verb = search_end(LEVEL_BEFORE, 3, text, max(0, start - 40), start, LEVEL_BEFORE_ENDS) or search_end(CHANGE_BEFORE, 2, text, max(0, start - 32), start, CHANGE_BEFORE_ENDS)
    if verb is not None and (verb.re is LEVEL_BEFORE or verb.group("by")):
        return _counts_people_or_things(text, verb.start())
    if search_end(REVISED_TO, 4, text, max(0, start - 40), start, ("to", "at")):
        return True  # "was revised to 109,903", "corrected to 118,214": a count restated
    moved = search_end(MOVED_TO, 9, text, max(0, start - 100), start, ("to", "at"))
    if moved is not None:
        return _counts_people_or_things(text, moved.start("to"), moved.start())
    if search_end(NOT_AFTER_FIGURE, 3, text, max(0, start - 16), start, ("not",)):
        return True
    previous = WORD_BEFORE.search(text[max(0, start - 20) : start])
    word = previous.group(1) if previous else ","
    if word.lower() in {"at", "aged", "age", "of"} or (not word.endswith(",") and word.lower() not in OPENERS and any(c.isupper() or c.isdigit() for c in word)):
        return False  # a name ("Boeing 737 crashed", "iPhone 15"), a time ("at 10"), an age or "page 3 of 14"
    if number.lower() not in {"one", "a", "an"} and OF_GROUP.match(text, end):
        return True  # "34 of the dead were recovered there": a part of a group
    passive = PASSIVE.match(text, end)
    if passive and number.lower() not in {"one", "a", "an"}:
        state = passive.group("state").lower()
        if state.endswith("ed") and len(state) > 3 or passive.group("aux") and (state in STATES or state.endswith(("en", "wn")) and state not in {"often", "even", "open", "when", "then", "own", "down", "town"}):
            return True  # "41 died", "612 were rescued", "57 are missing", "3 were taken"
    return False


def _counts_people_or_things(text: str, position: int, begin: int = 0) -> bool:
    """Whether the subject before a verb is counted ("the death toll from the landslide") or measured ("the index").

    The head of the subject is the word before its first preposition ("toll" in
    "the toll from the landslide in the district"), else its last word.
    """
    words = WORD.findall(text, max(begin, position - 80), position)
    clause = next((i for i in range(len(words) - 1, -1, -1) if not words[i][0].isalpha()), -1)
    words = [w.lower() for w in words[clause + 1 :]]
    while words and (words[-1] in {"has", "have", "had", "been", "further", "now", "then", "again", "already", "also"} or words[-1].endswith("ly")):
        words.pop()
    preposition = next((i for i, w in enumerate(words) if i and w in {"of", "from", "in", "for", "among", "at", "on", "with", "across", "after"}), len(words))
    if not preposition:
        return False
    head = words[preposition - 1]
    plural = head.endswith("s") and not head.endswith(("ss", "us", "is", "'s", "’s")) and len(head) > 3
    return head in COUNT_HEADS or (plural and head not in MEASURE_PLURALS)


def _direction(word: str) -> bool:
    """True for a word that moves a figure down: "fell", "a decline", "minus", "-"."""
    return bool(DOWN.match(word))
