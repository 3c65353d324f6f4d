"""Keys settled across a corpus: the same quantity named the same way in every article.

A key read from one clause knows only that clause. Across a story's
articles, the same death toll is put beside the town in one and beside the
train in another, "cases" stands beside "cholera cases", "Mayor Peter
Lindqvist" beside "Lindqvist", and "$2.1 million for day-care hubs" beside
the "$1.2 million emergency fund" approved to run them. This module settles those before figures are
compared, and only where nothing in the corpus contradicts it (see
``settle_keys``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from fnmatch import fnmatch
from functools import lru_cache
from heapq import heappop, heappush
from itertools import accumulate

from timeline.extract.clauses import PLACE_WORD
from timeline.extract.figure_purposes import join_purposes
from timeline.extract.words import can_be, is_common_word
from timeline.models import FigureClaim, QuantityKey


def settle_keys(figures: list[FigureClaim], cumulative: tuple[str, ...], known: set[str]) -> list[tuple[FigureClaim, QuantityKey]]:
    """Each keyed figure with its key as the corpus settles it: span, an amount's purpose (``figure_purposes``), measure name, then subject."""
    # Each step rewrites one list of (claim, key) pairs in place: at 10,000 articles such a list is 12 MB, and
    # each step used to make its own.
    pairs = join_purposes([(claim, _cumulative_span(claim.key, cumulative)) for claim in figures if claim.key is not None])
    longer = _longer_measures(key for _, key in pairs)
    for index, (claim, key) in enumerate(pairs):
        fuller = _with_sole_longer_measure(key, longer)
        if fuller is not key:
            pairs[index] = (claim, fuller)
    return _story_subjects(pairs, known)


NUMBERED = re.compile(r"\s\d+[A-Za-z]?$")


STORY_DAYS = 60  # how far apart in time two names' figures may be and still be one story's


def _rest(key: QuantityKey) -> tuple:
    return (key.measure, key.kind, key.unit, key.modifiers)


def _story_subjects(pairs: list[tuple[FigureClaim, QuantityKey]], known: set[str]) -> list[tuple[FigureClaim, QuantityKey]]:
    """Each claim with its key, the subject settled across the corpus (``pairs``, rewritten in place).

    A subject read from context is often incidental: one article puts the
    death toll beside the town, another beside the train or the railway. So
    names read from the text split a quantity only where they contrast: when
    one article gives the same measure for two of them (Rampal 29, Sirsala
    12). Otherwise they, and figures with no subject, are one quantity, named
    after its most frequent subject, unless a name's figures are all from
    another time (Kotri's toll in 2019). Lexicon entities (China, India) and
    divisions of a place ("Kelby district") always stay apart. A longer name
    ending in a shorter one the corpus also uses is that name ("Mayor Peter
    Lindqvist" is "Lindqvist").
    """
    short = _short_names({key.subject for _, key in pairs if key.subject} - known)
    for index, (claim, key) in enumerate(pairs):
        if key.subject in short:
            pairs[index] = (claim, replace(key, subject=short[key.subject]))
    by_rest: dict[tuple, list[int]] = {}
    for index, (_, key) in enumerate(pairs):
        by_rest.setdefault(_rest(key), []).append(index)
    for indices in by_rest.values():
        group = [pairs[index] for index in indices]
        named = {key.subject for _, key in group if key.subject}
        divisions = {name for name in named if PLACE_WORD.search(name) or NUMBERED.search(name)}  # "Kelby district", "Ward 7": never the whole
        per_article: dict[str, list[tuple[str, FigureClaim]]] = {}
        for claim, key in group:
            if key.subject and key.subject not in divisions and key.subject not in known:
                per_article.setdefault(claim.provenance.path, []).append((key.subject, claim))
        contrasting = set().union(*(_contrasts(items) for items in per_article.values())) | (known & named) | divisions
        loose = Counter(key.subject for _, key in group if key.subject and key.subject not in contrasting)
        story = min(loose, key=lambda name: (-loose[name], name)) if loose else None
        claims_of: dict[str | None, list[FigureClaim]] = {}
        for claim, key in group:
            claims_of.setdefault(key.subject, []).append(claim)
        story_time = Times(claims_of.get(story, []), slack=STORY_DAYS)
        apart = {name for name in loose if not any(story_time.meets(claim) for claim in claims_of[name])}
        for index, (claim, key) in zip(indices, group):
            subject = key.subject if key.subject in contrasting or key.subject in apart else story
            if subject != key.subject:
                pairs[index] = (claim, replace(key, subject=subject))
    return pairs


def _contrasts(items: list[tuple[str, FigureClaim]]) -> set[str]:
    """Subjects one article gives the same measure for at the same time (Rampal 29 and Sirsala 12 on one day).

    Kotri's toll in 2019 beside Dhoraghat's today is history, not a contrast.
    A subject contrasts when one of its claims meets (``_same_time``) a
    claim of another subject. Read pair by pair, that was quadratic in a
    long article; a sweep over the claims in order of start finds the same
    subjects in n log n (tests/test_key_settling.py holds it to the pairwise
    definition).
    """
    subjects = {subject for subject, _ in items}
    if len(subjects) < 2:
        return set()
    if any(not (claim.as_of and claim.as_of.start) for _, claim in items):
        return subjects  # an unknown time meets every time: its subject meets every other, and every other meets it
    spans = sorted((claim.as_of.start, claim.as_of.end or date.max, subject) for subject, claim in items)
    found: set[str] = set()
    latest: dict[str, int] = {}  # each subject's latest end so far, as an ordinal
    top: list[tuple[int, str]] = []  # the two latest ends of two different subjects
    waiting: list[tuple[int, str]] = []  # a heap of (-latest end, subject) for subjects not found yet
    for start, end, subject in spans:
        start, end = start.toordinal(), end.toordinal()
        # every span seen so far started no later than this one: it meets this one if it ends on or after this start
        if any(other != subject and other_end >= start for other_end, other in top):
            found.add(subject)
        held = []
        while waiting and -waiting[0][0] >= start:
            negative_end, other = heappop(waiting)
            if other in found or latest[other] != -negative_end:
                continue  # found already, or a stale entry: the subject's latest end has grown since
            if other == subject:
                held.append((negative_end, other))
            else:
                found |= {other, subject}
        for entry in held:
            heappush(waiting, entry)
        if end > latest.get(subject, -1):
            latest[subject] = end
            if subject not in found:
                heappush(waiting, (-end, subject))
            top = sorted([(e, o) for e, o in top if o != subject] + [(end, subject)], reverse=True)[:2]
    return found


class Times:
    """When a set of claims speaks of, for asking whether a claim comes near any of them (``_same_time`` with
    each) in logarithmic time: a quantity named after thousands of subjects was once a product of two scans."""

    def __init__(self, claims: list[FigureClaim], slack: int) -> None:
        self.gap = timedelta(days=slack)
        self.any = bool(claims)
        self.undated = any(not (c.as_of and c.as_of.start) for c in claims)  # an unknown time meets every time
        spans = sorted((c.as_of.start, c.as_of.end or date.max) for c in claims if c.as_of and c.as_of.start)
        self.starts = [start for start, _ in spans]
        self.reach = list(accumulate((end for _, end in spans), max))  # the latest end among the first k spans

    def meets(self, claim: FigureClaim) -> bool:
        if not self.any:
            return False
        if self.undated or not (claim.as_of and claim.as_of.start):
            return True
        start, end = claim.as_of.start, claim.as_of.end or date.max
        limit = end + self.gap if end <= date.max - self.gap else date.max
        before = bisect_right(self.starts, limit)  # spans starting no later than the claim's end, plus the slack
        earliest = start - self.gap if start >= date.min + self.gap else date.min
        return before > 0 and self.reach[before - 1] >= earliest


def _same_time(a: FigureClaim, b: FigureClaim, slack: int = 0) -> bool:
    """Whether two claims' periods overlap, or come within ``slack`` days of each other; unknown ones always do."""
    if not (a.as_of and a.as_of.start and b.as_of and b.as_of.start):
        return True
    gap = timedelta(days=slack)
    return a.as_of.start <= (b.as_of.end or date.max) + gap and b.as_of.start <= (a.as_of.end or date.max) + gap


def _short_names(names: set[str]) -> dict[str, str]:
    """"Mayor Peter Lindqvist" is "Lindqvist", "Tarang Mobility Ltd" is "Tarang", when the corpus also says just that.

    Each name maps to the shortest other name it ends or begins with, word
    for word, dropping only words ("Ward 12" is never "Ward").
    """
    mapping = {}
    for name in names:
        words = name.split()
        tails = [(" ".join(words[cut:]), words[:cut]) for cut in range(1, len(words))]
        heads = [(" ".join(words[:cut]), words[cut:]) for cut in range(len(words) - 1, 0, -1)]
        shorter = [part for part, dropped in tails + heads if part in names and all(w.isalpha() for w in dropped) and not PLACE_WORD.fullmatch(" " + part)]
        if shorter:
            mapping[name] = min(shorter, key=len)
    return mapping


@lru_cache(maxsize=1 << 14)
def is_cumulative(measure: str, patterns: tuple[str, ...]) -> bool:
    """Whether a measure matches one of the ``cumulative`` patterns; cached, since a corpus has thousands of keys
    and few measures (a 1,000-article re-check tried 125,000 patterns with ``fnmatch``, 0.19 s under a profiler)."""
    return any(fnmatch(measure, pattern) for pattern in patterns)


def _cumulative_span(key: QuantityKey, cumulative: tuple[str, ...]) -> QuantityKey:
    """A cumulative count "since Monday" is the same count as without it: it always runs from the start.

    Other quantities keep the span ("1,140 mm of rain since June 9" is not a
    day's rain).
    """
    if any(m.startswith("since ") for m in key.modifiers) and is_cumulative(key.measure, cumulative):
        return replace(key, modifiers=tuple(m for m in key.modifiers if not m.startswith("since ")))
    return key


def _longer_measures(keys) -> dict[tuple, set[str]]:
    """For each key and each of its measure's word suffixes, the fuller measures that end with it."""
    index: dict[tuple, set[str]] = {}
    for key in keys:
        words = key.measure.split()
        for cut in range(1, len(words)):
            if not all(_compound_word(word) for word in words[:cut]):
                break  # "cholera cases" names a kind of case; "overnight train" is just a train
            index.setdefault((key.kind, key.unit, key.modifiers, " ".join(words[cut:])), set()).add(key.measure)
    return index


def _compound_word(word: str) -> bool:
    """A word that makes a kind of thing when put before a noun: a noun ("cholera"), or a name-like compound ("measles-rubella")."""
    return not can_be(word, "ADJ") and (can_be(word, "NOUN") or not is_common_word(word))


def _with_sole_longer_measure(key: QuantityKey, longer: dict[tuple, set[str]]) -> QuantityKey:
    """"cases" joins "cholera cases" when that is its only fuller name in the corpus; with "typhoid cases" too, it stays.

    Fuller names that are themselves one chain ("vaccine dose", "measles-rubella
    vaccine dose") count as one: the short name joins the fullest.
    """
    fuller = sorted(longer.get((key.kind, key.unit, key.modifiers, key.measure), set()), key=len)
    if fuller and all(longer_name.endswith(" " + shorter) for shorter, longer_name in zip(fuller, fuller[1:])):
        return replace(key, measure=fuller[-1])
    return key
