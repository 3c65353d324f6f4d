"""date-mismatch's date-indexed search gives the findings of trying every pair of reports, on generated reports.

The reference below is the rule as first written: every pair of reports
within reach that share a word, each checked in full. It is cubic in a
corpus of wire copy and kept here only to hold the fast search to it.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.chronology import compatible_dates
from timeline.corpus import Corpus
from timeline.event_identity import content_words, strictly_same_event
from timeline.extract.date_values import day_value, month_value
from timeline.extract.words import stem_key
from timeline.models import EventClaim, Finding, Provenance
from timeline.rule_types import event_dates
from timeline.rule_types.event_dates import REPORTED_DONE, Options, _places

RULE = SimpleNamespace(id="date-mismatch", severity="error")
DAY0 = date(2031, 3, 1)


def reference(events_in: list[EventClaim], gap: int) -> list[Finding]:
    buckets: dict[str, list[EventClaim]] = {}
    for event in events_in:
        if event.action and event.state in REPORTED_DONE and event.date and event.date.resolved and event.date.end is not None:
            buckets.setdefault(stem_key(event.action), []).append(event)
    reported, found = set(), []
    for key in sorted(buckets):
        events = sorted(buckets[key], key=lambda e: (e.date.start, e.provenance.path, e.provenance.line))
        starts, keys = [e.date.start for e in events], [_words(e) for e in events]
        for index, first in enumerate(events):
            within = bisect_right(starts, first.date.end + timedelta(days=gap))
            for second in (events[j] for j in range(index + 1, within) if keys[j] & keys[index]):
                if second.provenance.path == first.provenance.path or not _pairwise_conflict(first, second, events):
                    continue
                pair = (first.date.value, second.date.value)
                if pair in reported:
                    continue
                reported.add(pair)
                earlier, later = _side(first, events), _side(second, events)
                message = f"{first.title}: {first.date.value} in {_places(earlier)} but {second.date.value} in {_places(later)}"
                found.append(Finding(rule=RULE.id, severity=RULE.severity, subject=first.actor, message=message, location=first.provenance, claims=(*earlier, *later)))
    return found


def _side(event: EventClaim, events: list[EventClaim]) -> list[EventClaim]:
    """Every report of the event that agrees with this one's date, this one first, each report tried."""
    same = [e for e in events if e is not event and compatible_dates(e.date, event.date) and strictly_same_event(e, event)]
    return [event, *sorted(same, key=lambda e: (e.provenance.path, e.provenance.line))]


def _words(event: EventClaim) -> frozenset[tuple[str, str]]:
    """The words a pair must share to be tried: its object's, else its actor's name and words."""
    things = content_words(event.object)
    if things:
        return frozenset(("object", word) for word in things)
    if not event.actor:
        return frozenset()
    return frozenset({("actor", event.actor.lower()), *(("actor word", word) for word in content_words(event.actor))})


def _pairwise_conflict(first: EventClaim, second: EventClaim, events: list[EventClaim]) -> bool:
    if compatible_dates(first.date, second.date) or not strictly_same_event(first, second):
        return False
    for path in (first.provenance.path, second.provenance.path):
        mine = [e for e in events if e.provenance.path == path and strictly_same_event(e, first)]
        if any(compatible_dates(e.date, first.date) for e in mine) and any(compatible_dates(e.date, second.date) for e in mine):
            return False
    return True


def report(path: int, line: int, verb: str, thing: str | None, actor: str | None, when: int | None) -> EventClaim:
    """One report; ``when`` is a day offset, or None for the month of March."""
    value = month_value("March 2031", 2031, 3) if when is None else day_value(f"day {when}", DAY0 + timedelta(days=when))
    return EventClaim(
        provenance=Provenance(path=f"a{path}.txt", line=line, column=1, quote=f"{actor} {verb} {thing}"), text=verb, published=DAY0,
        event_kind="clause", title=f"{thing} {verb}", subject=actor, date=value, actor=actor, action=verb, object=thing, state="done",
    )  # fmt: skip


reports = st.builds(
    report,
    path=st.integers(0, 4),
    line=st.integers(1, 6),
    verb=st.sampled_from(["suspend", "suspension", "close", "reopen"]),
    thing=st.sampled_from([None, "the ferry service", "the night ferry", "the pier", "the Ostry pier", "the Quenby pier", "the Ostry ferry service"]),  # two names none shares
    actor=st.sampled_from([None, "Harbour Board", "the board", "Port Authority", "Harbour Authority"]),  # the last shares a word with two, a subset of neither
    when=st.one_of(st.none(), st.integers(0, 20)),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(reports, max_size=24), st.sampled_from([0, 3, 14]))
def test_same_findings_as_every_pair(events, gap):
    corpus = Corpus(articles=(), claims=tuple(events))
    assert list(event_dates.check(RULE, Options(max_gap_days=gap), corpus, None)) == reference(events, gap)


def test_wire_copy_in_many_articles():
    """One report, on two dates, in sixty articles: one finding, with every source of each date."""
    events = [report(i, 1, "suspend", "the ferry service", "Harbour Board", 2 if i % 2 else 4) for i in range(60)]
    corpus = Corpus(articles=(), claims=tuple(events))
    [finding] = list(event_dates.check(RULE, Options(), corpus, None))
    assert finding == reference(events, 14)[0]
    assert len(finding.claims) == 60


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sets(st.integers(0, 3), min_size=1), min_size=2, max_size=30), st.sampled_from([0, 14]))
def test_one_report_copied_into_many_articles_on_some_of_four_days(days_of_articles, gap):
    """Each article gives the one report on some of four days, as copies of a log do: an article that gives
    two of the days tells of two events, one that gives one of them disputes the others'."""
    events = [report(i, line, "suspend", "the ferry service", "Harbour Board", day) for i, days in enumerate(days_of_articles) for line, day in enumerate(sorted(days), 1)]
    corpus = Corpus(articles=(), claims=tuple(events))
    assert list(event_dates.check(RULE, Options(max_gap_days=gap), corpus, None)) == reference(events, gap)

