"""When two event reports are one happening: the similarity rule the timeline and ``date-mismatch`` share.

Two reports describe the same event when, apart from their dates:

- their **actors agree**: the same entity (aliases were resolved at
  extraction: "Beijing" is China), one actor's words contain the other's
  ("Cabinet" and "Union Cabinet"), or one report names no actor;
- and either their **objects share a proper name** of two or more words
  ("National Critical Mineral Mission" announced / approved, at compatible
  dates, is one mission's start),
- or their **actions are related** (the same verb; a verb and its noun,
  "approve" / "approval", "close" / "closure", read by a shared stem; or the
  same lexicon label such as ``measure``) **and their objects are similar**
  (half the content words of the shorter one are in the other, or neither
  names one, or both carry the same lexicon label: "export controls" and
  "restrictions" are both measures).

Either way, two objects that each carry a name no dictionary holds, and
share none ("the Istowlinwyn flood wall", "the Dunantanburn flood wall"), are
two things (``named_apart``).

The rule is deliberately conservative: a different action on a different
object never merges, and dates decide the rest (the timeline merges only
dates that contain one another, so controls imposed in April and more added
in October stay two rows).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import combinations
from os.path import commonprefix
from typing import NamedTuple

from timeline.extract.words import FUNCTION_WORDS, lemma, unlisted_names
from timeline.models import EventClaim

WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
PROPER = re.compile(r"(?:[A-Z][\w’'-]*\s+){1,}[A-Z][\w’'-]*")
GENERIC_KIND = "event"
# The memo tables below hold 4,096 phrases: a corpus repeats its common phrases, which stay; at 16,384 the names said
# once filled them, 5 MB at 10,000 synthetic articles that no later lookup used.


@lru_cache(maxsize=1 << 12)
def content_words(text: str | None) -> frozenset[str]:
    """Lemmas of the words that carry meaning ("stricter export controls" -> {strict, export, control})."""
    if not text:
        return frozenset()
    words = (re.sub(r"['’]s$", "", w) for w in WORD.findall(text))  # "Dunmere's council" is the Dunmere council
    return frozenset(lemma(w) for w in words if w.lower() not in FUNCTION_WORDS)


@lru_cache(maxsize=1 << 12)
def proper_names(text: str | None) -> frozenset[str]:
    """Capitalised names of two or more words, lemmatised ("National Critical Minerals Mission" -> "national critical mineral mission")."""
    if not text:
        return frozenset()
    return frozenset(" ".join(lemma(w) for w in m.group(0).split()) for m in PROPER.finditer(text))


def _stem_related(a: str, b: str) -> bool:
    """A verb and its noun: "approve"/"approval", "close"/"closure", "meet"/"meeting" share most of a stem."""
    a, b = a.split()[0], b.split()[0]
    if a == b:
        return True
    shared = len(commonprefix([a, b]))
    return shared >= 4 and shared >= 0.6 * min(len(a), len(b))


NO_ACTOR = ("no actor",)
MAX_SUBSET_WORDS = 8  # an actor of more content words is looked up by each of its words (more tried, none missed)


def actor_keys(event: EventClaim, words: frozenset[str] | None = None) -> frozenset[tuple]:
    """Keys to file a report under by its actor, so that reports whose actors agree are found without trying the others.

    Two actors agree (``actors_agree``) when they are the same name, or one's
    words are all within the other's; a report with no actor agrees with
    every actor. A report is filed under its actor's name, its set of words
    and each of its words, or under ``NO_ACTOR``; ``agreeing_keys`` says where
    to look for the reports that can agree with one. ``words`` are the
    actor's content words when the caller has them (``StrictSignature``).
    """
    if not event.actor:
        return frozenset({NO_ACTOR})
    words = content_words(event.actor) if words is None else words
    return frozenset({("name", event.actor.lower()), *(("word", word) for word in words), *((("words", words),) if words else ())})


def agreeing_keys(event: EventClaim, held: Callable[[tuple], int], words: frozenset[str] | None = None) -> frozenset[tuple] | None:
    """The keys under which every report whose actor can agree with this one's is filed; None for a report with no actor (any can).

    An agreeing actor has the same name, or no actor at all, or words that
    are a subset of this one's (found under each subset: an actor has a few
    words), or a superset of them: those hold every word of this actor's, so
    they are all filed under its word that ``held`` (how many reports a key
    holds) finds the rarest. "Asharby council" is looked up under "asharby",
    not under "council" with every other council. ``words`` are as for
    ``actor_keys``.
    """
    if not event.actor:
        return None
    keys = {NO_ACTOR, ("name", event.actor.lower())}
    words = sorted(content_words(event.actor) if words is None else words)
    if len(words) > MAX_SUBSET_WORDS:
        keys.update(("word", word) for word in words)
    elif words:
        keys.update(("words", frozenset(subset)) for size in range(1, len(words) + 1) for subset in combinations(words, size))
        keys.add(("word", min(words, key=lambda word: held(("word", word)))))
    return frozenset(keys)


def actors_agree(a: EventClaim, b: EventClaim) -> bool:
    if not a.actor or not b.actor:
        return True
    x, y = content_words(a.actor), content_words(b.actor)
    return a.actor.lower() == b.actor.lower() or bool(x and y and (x <= y or y <= x))


def _thing(event: EventClaim) -> str | None:
    """What the event was done to; an event from the lexicon alone has only its title."""
    return event.object if event.action else event.title


def _action(event: EventClaim) -> str:
    """The action, or for an event from the lexicon alone the lemma of its title's head noun."""
    if event.action:
        return event.action
    return lemma(event.title.split()[-1]) if event.title else ""


def same_event(a: EventClaim, b: EventClaim) -> bool:
    """The similarity rule of the module docstring, dates aside."""
    if not actors_agree(a, b):
        return False
    names = proper_names(_thing(a)) & proper_names(_thing(b))
    if names:
        return True
    labelled = a.event_kind == b.event_kind != GENERIC_KIND
    related = labelled or _stem_related(_action(a), _action(b))
    if not related:
        return False
    if named_apart(_thing(a), _thing(b)):
        return False
    x, y = content_words(_thing(a)), content_words(_thing(b))
    if not x and not y or labelled:
        return True
    if not x or not y:
        return False
    return len(x & y) >= 0.5 * min(len(x), len(y))


def named_keys(event: EventClaim) -> frozenset[tuple]:
    """Keys to file a report under by the names of what was done, so that a report that names no actor finds the reports
    that can be its event without trying every report of its dates (``Rows`` of the timeline).

    ``same_event`` joins two reports whose things share a proper name, and
    otherwise never two whose things each carry a name of their own and
    share none (``named_apart``). So every report that can be the same event
    as one whose thing carries such names is filed under one of the keys
    ``looked_up_by_name`` gives: its own names, its proper names, or
    ``NO_OWN_NAME``.
    """
    thing = _thing(event)
    own = _own_names(thing)
    keys = {*(("own name", name) for name in own), *(("proper name", name) for name in proper_names(thing))}
    return frozenset(keys if own else keys | {NO_OWN_NAME})


def looked_up_by_name(event: EventClaim) -> frozenset[tuple] | None:
    """Where (``named_keys``) every report that can be the same event as this one is filed; None when its thing carries no
    name of its own, as any report can then be."""
    if not _own_names(_thing(event)):
        return None
    return named_keys(event) | {NO_OWN_NAME}


NO_OWN_NAME = ("no own name",)


SERIES_WORDS = frozenset("first second third fourth last final latest new another next previous fresh further interim preliminary initial".split())


def _series(event: EventClaim) -> frozenset[str]:
    """Words that place a thing in a series ("second hearing", "last order", "another scrub"): two places are two things."""
    words = f"{event.object or ''} {event.actor or ''} {event.title}".lower().split()
    return frozenset(w for w in words if w in SERIES_WORDS)


def strictly_same_event(a: EventClaim, b: EventClaim) -> bool:
    """For ``date-mismatch``: the same action (a verb or its noun) done to the same thing, by the same actor if both name one.

    "The bridge has been closed since March 2" and "the bridge's closure on
    March 4" are one closure: the action is related ("close" / "closure") and
    what it was done to is the bridge in both. Two reports that name no
    object must both name their actor ("the satellite arrived").
    """
    if not (a.action and b.action) or not _stem_related(a.action, b.action) or not actors_agree(a, b):
        return False
    if _series(a) != _series(b):
        return False  # "the last evacuation order" is one of several: not the order lifted days before
    x, y = content_words(a.object), content_words(b.object)
    if not x and not y:
        return bool(a.actor and b.actor)
    if not x or not y:
        return False
    if named_apart(a.object, b.object):
        return False
    return len(x & y) >= 0.5 * min(len(x), len(y))


class StrictSignature(NamedTuple):
    """All that ``strictly_same_event`` reads of a report: two reports alike in it are the same event to exactly the
    same reports. ``date-mismatch`` asks once per pair of signatures what it would otherwise ask of every pair of
    reports (``timeline/event_reports.py``), and files reports by the words it holds."""

    action: str | None
    actor: str | None  # lowercased
    actor_words: frozenset[str]
    series: frozenset[str]
    object_words: frozenset[str]
    object_names: frozenset[str]


def strict_signature(event: EventClaim) -> StrictSignature:
    actor = event.actor.lower() if event.actor else None
    return StrictSignature(event.action, actor, content_words(event.actor), _series(event), content_words(event.object), _own_names(event.object))


def named_apart(a: str | None, b: str | None) -> bool:
    """Two things that each carry a name no dictionary holds, and share none: "the Istowlinwyn flood wall" and
    "the Dunantanburn flood wall" are two walls, however alike their words."""
    names_a, names_b = _own_names(a), _own_names(b)
    return bool(names_a and names_b and not names_a & names_b)


@lru_cache(maxsize=1 << 12)
def _own_names(text: str | None) -> frozenset[str]:
    """The names in a phrase that no dictionary holds (``unlisted_names``): "Istowlinwyn", "Sentra-4", and a month
    or weekday, which tells "the July vote" from "the June vote". A name that is also a word ("Bath") is left
    to the words."""
    return frozenset(unlisted_names(text)) if text else frozenset()
