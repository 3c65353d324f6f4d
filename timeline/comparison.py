"""Figures compared by quantity: group by key, sweep each group once in date order, one verdict per key.

Nothing compares every figure with every other. Figure claims are grouped by
key (a dict); each group is sorted once by period and walked:

1. **Periods.** A figure's period is the date its own clause, sentence or
   paragraph gives; failing that, its article's publication date widened by
   ``current_window_days`` days on either side (two such figures are compared
   when published within twice that of each other); for a cumulative
   quantity, that day alone. A figure with neither is comparable with every
   other. A *standing* figure ("Sentra-3 carries 14 instruments", "the
   mission is budgeted at $410 million": what a thing is or has, in the
   simple present) holds for the story: standing figures of one key are
   also compared with each other across ``STORY_DAYS``.
2. **Clusters.** Claims whose periods overlap form one cluster (a sweep over
   the sorted periods). Within a cluster, the distinct values stated are
   compared: no point common to all of them is a **contradiction**; values
   that differ but could all hold are a **divergence**. A value inside a
   stated range ("about 65%" within "60-70%") is not a divergence.
3. **Over time.** For a cumulative quantity (``cumulative`` in
   ``rules/figures.yaml``: death tolls, evacuations) the clusters form a
   chain in date order: a later higher value is an **update**, a later lower
   one a **decrease** (warning). A quantity is also cumulative when a report
   says it is still running ("tabled 37 amendments so far"). A value stated with "revised to",
   "corrected" or "57, not 61" is a **correction** that supersedes the
   values it differs from before it, for any quantity.

The verdict of a key is the most serious one found (every other one found
is listed with it); a rule instance reports the keys whose verdict it
names. Subjects read from context split a quantity only where one article
contrasts them (see ``key_settling``); a measure that is the tail of
exactly one fuller measure on the same subject takes that name ("cases"
beside "cholera cases").
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import cached_property
from datetime import date, timedelta
from heapq import merge
from itertools import groupby
from typing import Callable, Iterator

from timeline.corpus import Corpus
from timeline.key_settling import STORY_DAYS, is_cumulative, settle_keys
from timeline.models import FigureClaim, FigureValue, QuantityKey, Statement
from timeline.ruleset import RuleSet

SEVERITY_OF_VERDICT = {"contradiction": 4, "divergence": 3, "decrease": 3, "correction": 2, "update": 1}
MONEY_UNITS = frozenset({"INR", "USD", "EUR", "GBP", "CNY", "JPY", "CAD", "HKD", "AUD"})
STATED_RANGE = re.compile(r"\d[\d,.]*\s*[a-zA-Z%]*\s*(?:-|–|—|to|and)\s*\S*\d")
Period = tuple[date, date]


@dataclass(frozen=True, slots=True)
class Dispute:
    """One disputed stretch of a quantity: its verdicts (most serious first), the claims involved and their statements."""

    verdicts: tuple[str, ...]
    involved: tuple[FigureClaim, ...]
    statements: tuple[Statement, ...]

    @property
    def verdict(self) -> str:
        return self.verdicts[0]


@dataclass(frozen=True, slots=True)
class KeyComparison:
    """Everything said about one quantity, and what comparing it found.

    A cumulative count is one dispute over its whole chain; any other
    quantity has one dispute per stretch of time where its values disagree
    (this year's budget and last year's are two).
    """

    key: QuantityKey
    claims: tuple[FigureClaim, ...]
    disputes: tuple[Dispute, ...] = ()
    reason: str = ""

    @property
    def verdict(self) -> str | None:
        return self.disputes[0].verdict if self.disputes else None

    @property
    def involved(self) -> tuple[FigureClaim, ...]:
        return self.disputes[0].involved if self.disputes else ()

    @property
    def statements(self) -> tuple[Statement, ...]:
        return self.disputes[0].statements if self.disputes else ()


@dataclass
class FigureAnalysis:
    """Every key's comparison, kept for the figure rules, the summary and ``--explain-keys``.

    Nearly every key of a large corpus holds one figure (38,628 of 38,723 at
    3,000 synthetic articles), so those are kept as (claim, key) pairs in
    ``alone`` and made into comparisons only when ``every_comparison`` is
    asked (``--explain-keys``): a comparison and its tuple of one claim for
    each cost twice the memory, all through the run.
    """

    comparisons: list[KeyComparison]
    """Keys with two or more figures, by key id."""
    unkeyed: list[FigureClaim]
    alone: list[tuple[FigureClaim, QuantityKey]] = field(default_factory=list)
    """Keys with one figure, by key id: each figure with its settled key."""
    alone_counted: int = 0
    """Figures alone on their key that were counted and let go (``count_alone``): ``alone`` no longer lists them."""

    def count_alone(self) -> frozenset[int]:
        """Keep only the number of the figures alone on their key, for a run that lists none of them (``check``
        without ``--explain-keys``); the ids of those figures, for the run to let them go too. The figure rules
        read the comparisons of two figures or more, never ``alone``."""
        gone = frozenset(id(claim) for claim, _ in self.alone)
        self.alone_counted += len(self.alone)
        self.alone = []
        return gone

    def every_comparison(self) -> Iterator[KeyComparison]:
        """Every key's comparison, by key id, those of one figure included (none after ``count_alone``)."""
        lone = (KeyComparison(key=key, claims=(claim,), reason=ALONE) for claim, key in self.alone)
        return merge(self.comparisons, lone, key=lambda comparison: comparison.key.id)

    @cached_property
    def agreeing(self) -> dict[tuple[str, int, int], int]:
        """(path, line, column) of each keyed figure -> how many articles state its value on its key.

        Only ``timeline claims`` lists it, so it is made when first asked
        for: made for every run, it was an entry for every keyed figure of
        the corpus, and a statement model for every value of every key.
        """
        agreeing: dict[tuple[str, int, int], int] = {_where(claim): 1 for claim, _ in self.alone}
        for comparison in self.comparisons:
            for claims in _by_value(comparison.claims):
                sources = len({c.provenance.path for c in claims})  # counted once a value, not once for each of its claims
                for claim in claims:
                    agreeing[_where(claim)] = sources
        return agreeing

    @property
    def compared(self) -> int:
        return sum(len(c.claims) for c in self.comparisons)

    @property
    def lone(self) -> int:
        return len(self.alone) + self.alone_counted

    def disputed(self) -> list[tuple[KeyComparison, Dispute]]:
        return [(c, d) for c in self.comparisons for d in c.disputes]


ALONE = "alone on its key"  # the outcome of a key with one figure


def analyse_figures(corpus: Corpus, ruleset: RuleSet) -> FigureAnalysis:
    """The figure analysis of a corpus, computed once and shared by every figure rule."""
    cached = corpus.cache.get("figures")
    if cached is None:
        cached = corpus.cache["figures"] = _analyse(corpus.figures(), ruleset)
    return cached


def _analyse(figures: list[FigureClaim], ruleset: RuleSet) -> FigureAnalysis:
    """Every keyed figure grouped by its settled key, in key id order.

    The keyed figures are sorted by key id (a stable sort: each key's claims
    stay in corpus order) and walked in runs, rather than gathered into a
    dict of lists: nearly every key holds one figure, and at 10,000 articles
    a list and a dict entry for each of them were about 25 MB at the peak.
    A key of one figure keeps the (claim, key) pair it was settled into.
    """
    settings = ruleset.figures
    unkeyed = [claim for claim in figures if claim.key is None]
    pairs = settle_keys(figures, settings.cumulative, {e.id for e in ruleset.lexicon.entities})
    pairs.sort(key=_key_id)
    comparisons, alone = [], []
    for _, run in groupby(pairs, key=_key_id):
        first = next(run)
        claims = [first[0], *(claim for claim, _ in run)]
        if len(claims) == 1:  # most keys of a large corpus: nothing to compare, so no period to read
            alone.append(first)
            continue
        key = first[1]
        cumulative = is_cumulative(key.measure, settings.cumulative) or any(c.running for c in claims)
        comparisons.append(compare_key(key, claims, settings.current_window_days, cumulative, settings.lookback_days))
    return FigureAnalysis(comparisons=comparisons, unkeyed=unkeyed, alone=alone)


def _key_id(pair: tuple[FigureClaim, QuantityKey]) -> str:
    return pair[1].id


def compare_key(key: QuantityKey, claims: list[FigureClaim], window: int, cumulative: bool, lookback: int = 0) -> KeyComparison:
    """Compare every claim on one key: clusters of overlapping periods, then the chain over time."""
    periods = {id(c): _period(c, window, cumulative) for c in claims}  # read once: every step below needs them
    period = lambda claim: periods[id(claim)]  # noqa: E731
    ordered = sorted(claims, key=lambda c: (period(c) or (date.min, date.min), _where(c)))
    if len(ordered) == 1:
        return KeyComparison(key=key, claims=tuple(ordered), reason=ALONE)
    clusters = _clusters(ordered, period, window, cumulative, lookback)
    found: list[tuple[str, list[FigureClaim]]] = []
    for cluster in clusters + ([] if cumulative else _standing_runs(ordered, clusters)):
        found.extend((verdict, cluster) for verdict in _cluster_verdicts(cluster))
    found.extend(_over_time(clusters, cumulative))
    if not found:
        values = {(c.value.low, c.value.high, c.value.low_open, c.value.high_open) for c in ordered}
        reason = "all agree" if len(values) == 1 or len(clusters) == 1 else "periods do not overlap" if not cumulative else "no change over time"
        return KeyComparison(key=key, claims=tuple(ordered), reason=reason)
    disputes = tuple(_disputes(found, ordered, cumulative))
    reason = ", ".join(dict.fromkeys(v for d in disputes for v in d.verdicts))
    return KeyComparison(key=key, claims=tuple(ordered), disputes=disputes, reason=reason)


def _disputes(found: list[tuple[str, list[FigureClaim]]], ordered: list[FigureClaim], cumulative: bool) -> list[Dispute]:
    """Findings grouped into disputes: the whole chain for a cumulative count, else groups that share a claim.

    An undated article's figure joins every period, so the disputes it takes
    part in are one (it disagrees with June's figure and with July's).
    """
    groups: list[tuple[set[str], set[int]]] = []
    for verdict, group in found:
        members = {id(c) for c in group}
        merged = [g for g in groups if cumulative or g[1] & members]
        for g in merged:
            groups.remove(g)
        verdicts = {verdict}.union(*(g[0] for g in merged))
        claims = members.union(*(g[1] for g in merged))
        groups.append((verdicts, claims))
    disputes = []
    for verdicts, members in groups:
        involved = tuple(c for c in ordered if id(c) in members)
        ranked = tuple(sorted(verdicts, key=lambda v: (-SEVERITY_OF_VERDICT[v], v)))
        disputes.append(Dispute(verdicts=ranked, involved=involved, statements=tuple(_statements(involved))))
    return sorted(disputes, key=lambda d: (-SEVERITY_OF_VERDICT[d.verdict], _where(d.involved[0])))


def _period(claim: FigureClaim, window: int, cumulative: bool) -> Period | None:
    as_of = claim.as_of
    if as_of is None or as_of.start is None:
        return None
    end = as_of.end or date.max
    if claim.earlier and not claim.as_of_stated:
        return _earlier_period(as_of.start, claim.earlier, window)
    if claim.as_of_stated:  # "on Wednesday": that day; a river's level on Tuesday and on Wednesday may both be right
        return as_of.start, end
    if cumulative:
        return as_of.start, as_of.start
    return as_of.start - timedelta(days=window), end + timedelta(days=window)


def _earlier_period(published: date, cue: str, window: int) -> Period:
    """"A year earlier": the weeks around the same day a year before. "Initially", "from 13.1%": any time in
    the year before, but never the article's own days, so an old value is not set against the new one."""
    if cue == "year":
        return published - timedelta(days=365 + 30), published - timedelta(days=365 - 30)
    return published - timedelta(days=365), published - timedelta(days=window + 1)


def _clusters(ordered: list[FigureClaim], period: Callable[[FigureClaim], Period | None], window: int, cumulative: bool, lookback: int = 0) -> list[list[FigureClaim]]:
    """Claims whose periods overlap, by sweeps; a claim with no period joins every cluster.

    For a cumulative count every period is a day and one sweep orders them.
    Otherwise figures with a period of their own are swept first, and a
    figure dated only by its publication joins each of their clusters that
    ended at most ``lookback`` days before it ("headcount was 14,200 at the
    end of December" against "about 16,000 people" in February) without
    joining those clusters to each other, so FY24 and FY25 never meet
    through an undated figure. Undated-by-text figures are also swept among
    themselves with their own windows.
    """
    placed = [c for c in ordered if period(c) is not None]
    unplaced = [c for c in ordered if period(c) is None]
    if cumulative:
        clusters = _sweep(placed, period)
    else:
        current = sorted((c for c in placed if not _own_period(c)), key=lambda c: c.as_of.start)
        starts = [c.as_of.start for c in current]
        clusters = _sweep([c for c in placed if _own_period(c)], period)
        for cluster in clusters:
            if not any(c.as_of_stated for c in cluster):
                continue  # only old values ("a year earlier"): nothing current speaks of their time
            low = min(period(c)[0] for c in cluster) - timedelta(days=window)
            high = max(period(c)[1] for c in cluster)
            high = high if high == date.max else high + timedelta(days=lookback + window)
            cluster.extend(current[bisect_left(starts, low) : bisect_right(starts, high)])
        clusters += _sweep(current, period)
    if not clusters:
        return [unplaced]
    return [cluster + unplaced for cluster in clusters]


def _standing_runs(ordered: list[FigureClaim], clusters: list[list[FigureClaim]]) -> list[list[FigureClaim]]:
    """Standing figures of one key, swept together across the story: "carries 14 instruments", then "12 instruments".

    A standing figure (``figure_standing``) states what a thing is or has,
    so it holds for the story, not for its article's week: two of them on
    one key are compared when their articles are at most ``STORY_DAYS``
    apart. Only standing figures meet this way; "38,000 vehicles a day use
    the bridge" is not set against a count of the closure weeks later.
    Runs already inside one cluster add nothing and are left out.
    """
    standing = [c for c in ordered if c.standing and not _own_period(c) and c.as_of and c.as_of.start]
    if len(standing) < 2:
        return []
    home = {id(c): index for index, cluster in enumerate(clusters) for c in cluster}
    reach = timedelta(days=STORY_DAYS)
    runs = _sweep(standing, lambda c: (c.as_of.start, c.as_of.start + reach))
    return [run for run in runs if len(run) > 1 and len({home.get(id(c)) for c in run}) > 1]


def _own_period(claim: FigureClaim) -> bool:
    return claim.as_of_stated or claim.earlier


def _sweep(claims: list[FigureClaim], period: Callable[[FigureClaim], Period | None]) -> list[list[FigureClaim]]:
    """Connected runs of overlapping periods, in one pass over claims sorted by period start."""
    clusters: list[list[FigureClaim]] = []
    reach = date.min
    for claim in sorted(claims, key=period):
        start, end = period(claim)
        if clusters and start <= reach:
            clusters[-1].append(claim)
            reach = max(reach, end)
        else:
            clusters.append([claim])
            reach = end
    return clusters


def _statements(claims: list[FigureClaim]) -> list[Statement]:
    """Distinct values in first-seen order, each with every claim that states it."""
    return [Statement(value=group[0].value, claims=tuple(group)) for group in _by_value(claims)]


def _by_value(claims) -> list[list[FigureClaim]]:
    """The claims grouped by the interval they state, groups in first-seen order."""
    by_value: dict[tuple, list[FigureClaim]] = {}
    for claim in claims:
        v = claim.value
        by_value.setdefault((v.low, v.high, v.low_open, v.high_open), []).append(claim)
    return list(by_value.values())


def _cluster_verdicts(cluster: list[FigureClaim]) -> list[str]:
    """What comparing one time's claims finds.

    A correction ("revised to 57", "57, not 61") supersedes the values it
    differs from, so they are not set against it; the values it superseded
    are still compared among themselves (two outlets that disagreed before
    the correction still disagreed). Superseded claims ("61" in "57, not 61")
    are never compared.
    """
    current = [c for c in cluster if not c.superseded]
    corrections = [c for c in current if c.correction]
    if not corrections:
        return [v for v in (_disputed(_statements(current)),) if v]
    latest = corrections[-1]
    stale = [c for c in current if not c.correction and not _same(c.value, latest.value)]
    stale_ids = {id(c) for c in stale}  # by identity, in one pass: a long article has thousands of claims
    kept = [c for c in current if id(c) not in stale_ids]
    found = [v for v in (_disputed(_statements(kept)), _disputed(_statements(stale))) if v]
    if stale or len(current) < len(cluster):
        found.append("correction")
    return found


def _disputed(statements: list[Statement]) -> str | None:
    values = [s.value for s in statements]
    kept = _outside_stated_ranges(values)
    if len(kept) < 2:
        return None
    return "divergence" if _common_point(kept) else "contradiction"


def _over_time(clusters: list[list[FigureClaim]], cumulative: bool) -> list[tuple[str, list[FigureClaim]]]:
    """The chain of clusters in date order: corrections for any key, updates and decreases for cumulative ones.

    A correction is judged on what the clusters stand for (``_representative``).
    For a cumulative count, a later value above an earlier one is an update
    and one below it a decrease, even when a day's reports disagree among
    themselves (61,200 on election night, then 118,430 and a stray figure).
    """
    found = []
    for before, after in zip(clusters, clusters[1:]):
        a, b = _representative(before), _representative(after)
        if a is None or b is None:
            continue
        if b[1] and not _same(a[0], b[0]):
            found.append(("correction", before + after))
            continue
        if not cumulative or not _near(before, after):
            continue  # a count in 2022 and one in 2026 are two stories' counts, not one growing
        earlier, later = _stated_values(before), _stated_values(after)
        if any(_below(e, l) for e in earlier for l in later[:1] + later[-1:]):
            found.append(("update", before + after))
        if any(_below(l, e) for e in earlier[:1] + earlier[-1:] for l in later):
            found.append(("decrease", before + after))
    return found


def _near(before: list[FigureClaim], after: list[FigureClaim]) -> bool:
    """Whether two clusters of a cumulative count are close enough in time to be one story's (``STORY_DAYS``)."""
    ends = [c.as_of.end or c.as_of.start for c in before if c.as_of and c.as_of.start]
    starts = [c.as_of.start for c in after if c.as_of and c.as_of.start]
    return not ends or not starts or min(starts) - max(ends) <= timedelta(days=STORY_DAYS)


def _stated_values(cluster: list[FigureClaim]) -> list[FigureValue]:
    """A day's current values as stated, lowest first (superseded and undated ones left out)."""
    values = [_as_stated(c.value) for c in cluster if not c.superseded and c.as_of and c.as_of.start]
    return sorted(values, key=lambda v: _low(v))


def _representative(cluster: list[FigureClaim]) -> tuple[FigureValue, bool] | None:
    """The value a cluster stands for, and whether it is a correction.

    Its correction if it has one; else the values its claims share (312 and
    "about 320" stand for 312), else its last claim. Superseded claims and
    claims with no period do not speak for a cluster.
    """
    current = [c for c in cluster if not c.superseded and c.as_of and c.as_of.start]
    corrections = [c for c in current if c.correction]
    if corrections:
        return corrections[-1].value, True
    if not current:
        return None
    shared = _intersection([c.value for c in current])
    return (shared or current[-1].value), False


def _as_stated(value: FigureValue) -> FigureValue:
    """An open bound as the number it states, for ordering counts over time ("at least 23", then 41, is an update)."""
    if value.low is not None and value.high is None:
        return replace(value, high=value.low, low_open=False, high_open=False)
    if value.low is None and value.high is not None:
        return replace(value, low=value.high, low_open=False, high_open=False)
    return value


def _intersection(values: list[FigureValue]) -> FigureValue | None:
    if not _common_point(values):
        return None
    low, low_open = max(_low(v) for v in values)
    high, high_closed = min(_high(v) for v in values)
    return FigureValue(
        text="", low=None if low == -math.inf else low, high=None if high == math.inf else high,
        low_open=low_open, high_open=not high_closed, unit=values[0].unit,
    )  # fmt: skip


def _same(a: FigureValue, b: FigureValue) -> bool:
    return (a.low, a.high, a.low_open, a.high_open) == (b.low, b.high, b.low_open, b.high_open)


def _stated_range(value: FigureValue) -> bool:
    """A range the text stated with two numbers ("60-70%"), which already says how uncertain it is."""
    return value.low is not None and value.high is not None and value.low != value.high and bool(STATED_RANGE.search(value.text))


def _outside_stated_ranges(values: list[FigureValue]) -> list[FigureValue]:
    """Values not inside another value's stated range, in O(n log n).

    Ranges sorted by their low end, with the running maximum of their high
    ends: a value is inside some range when, among the ranges starting at or
    below its low end (other than itself), the highest high end reaches its
    high end.
    """
    ranges = sorted((v.low, v.high, id(v)) for v in values if _stated_range(v))
    if not ranges:
        return values
    lows = [r[0] for r in ranges]
    best: list[tuple[float, int]] = []  # (highest high so far, id of the range holding it), and the runner-up's high
    runner_up: list[float] = []
    top, second = (-math.inf, 0), -math.inf
    for low, high, owner in ranges:
        if high > top[0]:
            top, second = (high, owner), max(second, top[0])
        else:
            second = max(second, high)
        best.append(top)
        runner_up.append(second)
    kept = []
    for value in values:
        if value.low is None or value.high is None:
            kept.append(value)
            continue
        index = bisect_right(lows, value.low) - 1
        if index < 0:
            kept.append(value)
            continue
        high, owner = best[index]
        reach = runner_up[index] if owner == id(value) else high
        if reach < value.high:
            kept.append(value)
    return kept


def _low(v: FigureValue) -> tuple[float, bool]:
    return (-math.inf if v.low is None else v.low, v.low_open)


def _high(v: FigureValue) -> tuple[float, bool]:
    return (math.inf if v.high is None else v.high, not v.high_open)


def _common_point(values: list[FigureValue]) -> bool:
    """Whether one number satisfies every interval (on a line, pairwise overlap of all is the same thing)."""
    low, low_open = max(_low(v) for v in values)
    high, high_closed = min(_high(v) for v in values)
    return low < high or (low == high and not low_open and high_closed)


def _below(a: FigureValue, b: FigureValue) -> bool:
    """Every value of ``a`` is below every value of ``b``."""
    high, high_closed = _high(a)
    low, low_open = _low(b)
    return high < low or (high == low and (not high_closed or low_open))


def _where(claim: FigureClaim) -> tuple[str, int, int]:
    return (claim.provenance.path, claim.provenance.line, claim.provenance.column)


def spread(statements: tuple[Statement, ...]) -> float | None:
    """(highest - lowest) / lowest over the statements' central values: how far apart amounts are."""
    centres = [_centre(s.value) for s in statements]
    centres = [c for c in centres if c is not None]
    if len(centres) < 2 or min(centres) <= 0:
        return None
    return round((max(centres) - min(centres)) / min(centres), 4)


def _centre(value: FigureValue) -> float | None:
    bounds = [b for b in (value.low, value.high) if b is not None]
    return sum(bounds) / len(bounds) if bounds else None
