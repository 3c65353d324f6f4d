"""Limits: a capacity, a cap, a target or a threshold says how many there may be, not how many there are.

"The ferry is licensed to carry 350 passengers" and "the ferry was carrying
248 passengers" count the same thing, passengers, but only the second says
how many were on board; the first says how many there may be. Set side by
side they are no conflict, however far apart. So a figure that states a
bound gets a modifier in its key, and is compared only with figures that
state the same kind of bound:

- ``limit``, a ceiling: a limit noun the figure completes or names ("a
  capacity of 350", "the cap is 28", "a maximum of 30 pupils", "a $2 million
  ceiling"), a verb that caps ("caps classes at 28 pupils", "fees are capped
  at $500", "the law limits groups to 12"), a permission or an ability whose
  object the figure is ("is licensed to carry 350", "is designed to hold
  2,000", "can seat 400", "capable of treating 90 patients"), a verb of
  room in the simple present, which says what a place can take as "can"
  does ("the arena seats 18,000", "the hall accommodates 400 guests", "the
  stand holds 9,000 people"), and "up to" after a verb in the simple
  present ("carries up to 350 passengers": a habitual maximum; "killed up
  to 40 people" stays an estimate);
- ``target``, a goal: "a target of 5,000 homes", "a 60% goal", "aims to
  raise $5 million", "targets 8,000 sales";
- ``threshold``, a floor a count must reach: "a threshold of 50%", "a
  minimum of 40 members", "a quorum of 12".

The cue is the grammar around the figure in its own words (the clause item
up to a comma or a subordinate clause), not the thing counted, so it holds
for any story: the lexicon is not consulted. Only active "limits ... to"
caps: "losses were limited to 5%" reports what happened, as does an
ability in the past ("rescuers were able to pull 40 people out"). "Could"
is left out of the abilities, since "a strike could close 61 schools" is a
conditional, not a capacity. "Holds" is room only for a count of people:
"the party holds 27 seats" and "the silo holds 40,000 tonnes" may say what
is there now; "seats" and "accommodates" always say how many fit.
"""

from __future__ import annotations

import re

from timeline.extract.folding import folded
from timeline.alternation import by_first_letter
from timeline.extract.figure_context import ends_with, tail_start
from timeline.extract.words import FUNCTION_WORDS, can_be, verb_forms

KIND_OF_NOUN = {
    "capacity": "limit", "capacities": "limit", "cap": "limit", "caps": "limit", "limit": "limit", "limits": "limit",
    "ceiling": "limit", "ceilings": "limit", "maximum": "limit", "quota": "limit", "quotas": "limit",
    "target": "target", "targets": "target", "goal": "target", "goals": "target",
    "threshold": "threshold", "thresholds": "threshold", "minimum": "threshold", "quorum": "threshold",
}  # fmt: skip
BOUNDS = frozenset(KIND_OF_NOUN.values())  # the modifiers a bound puts in a key
NOUNS = "|".join(sorted(KIND_OF_NOUN, key=len, reverse=True))
NOUN_BEFORE = re.compile(
    rf"\b(?P<noun>{NOUNS})\s+(?:(?:of|at|is|was|are|were|to|:)\s+|(?:is|was|are|were|stands|stood|remains|remained)\s+(?:set\s+|fixed\s+)?at\s+"
    rf"|(?:set|fixed|put)\s+at\s+|of\s+(?:just|only)\s+)$",
    re.IGNORECASE,
)
NOUN_BEFORE_ENDS = ("of", "at", "is", "was", "are", "were", "to", ":", "just", "only")  # the words that end a match of it
CAPPED = re.compile(r"\b(?:cap|caps|capped|capping)\s+(?:[\w'’-]+\s+){0,3}?at\s+$|\b(?:limit|limits|limiting|restrict|restricts|restricting)\s+(?:[\w'’-]+\s+){1,3}?to\s+$", re.IGNORECASE)
ALLOWED = re.compile(
    r"\b(?:licen[cs]ed|allowed|permitted|authori[sz]ed|certified|rated|designed|built|able|equipped|capacity)\s+to\s+(?P<verb>[a-z]+)\s+$"
    r"|\bcapable\s+of\s+(?P<gerund>[a-z]+ing)\s+$"
    r"|\b(?:can|cannot|can['’]t)\s+(?:(?:only|still|now|legally|safely|comfortably)\s+)?(?P<modal>[a-z]+)\s+$",
    re.IGNORECASE,
)
AIMED = re.compile(r"\b(?:aims?|aimed|aiming|hopes?|hoped|hoping|seeks?|sought|seeking)\s+to\s+(?P<verb>[a-z]+)\s+$|\b(?:targets|targeted|targeting|targetting)\s+$", re.IGNORECASE)
ROOM = re.compile(r"\b(?:(?P<fits>seats|seat|accommodates|accommodate)|(?P<holds>holds|hold))\s+$", re.IGNORECASE)  # simple present only
ROOM_ENDS = ("seats", "seat", "accommodates", "accommodate", "holds", "hold")
PAST_ABILITY = re.compile(r"\b(?:was|were|been)\s+(?:\w+ly\s+)?able\s+to\s+[a-z]+\s+$", re.IGNORECASE)  # "were able to pull 40 people": done
NO_ACTION = frozenset({"be", "have", "get"})  # "can be 300", "is able to have": no capacity is stated
OWN = re.compile(rf",|;|\b(?:{by_first_letter('where which who whom whose that when while because although if unless'.split())})\b", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z][\w'’-]*|\S")


def limit_of(left: str, right: str, qualifier: str | None, people: bool = False) -> str | None:
    """``limit``, ``target`` or ``threshold`` when the figure states a bound, else None.

    ``left`` and ``right`` are the words of the figure's clause item before
    and after it (other figures and dates masked); ``qualifier`` is the
    figure's own ("up to"); ``people`` whether it counts people.
    """
    cuts = list(OWN.finditer(left))
    own = left[cuts[-1].end() if cuts else 0 :]
    tail = tail_start(own, 5)  # each cue below ends the words and spans at most five of them ("caps fees for all pupils at")
    if ends_with(own, NOUN_BEFORE_ENDS) and (match := NOUN_BEFORE.search(own, tail)):
        return KIND_OF_NOUN[folded(match.group("noun"))]
    if ends_with(own, ("at", "to")) and CAPPED.search(own, tail):
        return "limit"
    if ends_with(own, ROOM_ENDS) and (room := ROOM.search(own, tail)) and (room.group("fits") or people):
        return "limit"
    if (match := ALLOWED.search(own, tail)) and (match.group("verb") or match.group("gerund") or match.group("modal")).lower() not in NO_ACTION:
        if not PAST_ABILITY.search(own, 0, match.end()):
            return "limit"
    if (match := AIMED.search(own, tail)) and (match.group("verb") or "").lower() not in NO_ACTION:
        return "target"
    if (qualifier or "").lower() == "up to" and _simple_present_before(own):
        return "limit"
    return _noun_after(right)


def _noun_after(right: str) -> str | None:
    """"a 60% threshold", "the $2 million cap on fees": a limit noun heading the figure's own noun phrase."""
    for index, match in enumerate(WORD.finditer(right)):  # the first three words only
        word = match.group(0)
        lower = word.lower()
        if lower in KIND_OF_NOUN:
            return KIND_OF_NOUN[lower]
        if not word[0].isalpha() or lower in FUNCTION_WORDS or index == 2:
            return None
    return None


def _simple_present_before(own: str) -> bool:
    """Whether the word before the figure is a verb in the simple present: "carries up to", "pays up to"."""
    words = WORD.findall(own)
    if not words or not words[-1][0].isalpha():
        return False
    tags = verb_forms(words[-1])
    return bool(tags & {"VBZ", "VBP"}) and "VBD" not in tags and can_be(words[-1], "VERB") and words[-1].lower() not in FUNCTION_WORDS
