"""event-dates: the same event reported on dates that cannot both hold.

Two reports are the same event for this rule only when their actions are
one (the same verb, or a verb and its noun: "closed" / "closure"), what the
action was done to agrees, and their actors agree when both name one (see
``timeline/event_identity.py``, ``strictly_same_event``). Their dates
conflict when neither contains the other ("April 4" and "April 2025" agree;
"March 2" and "March 4" do not) and they lie at most ``max_gap_days`` apart:
further apart, they are more likely two happenings of one kind (a council
approves a plan in March and another plan in June). Only happenings reported as having happened are compared: "is expected to
reopen next month" against "reopened on Monday" is a status (see
``status-regression``), not a date mismatch. Reports from one article
never conflict with each other: an article that gives both dates is telling
of two events. One finding per pair of conflicting dates, with the quotes of every report
that gives either date.

Fails::

    a.txt: The Harbour Board suspended the ferry service on March 2.
    b.txt: The Harbour Board suspended the ferry service on March 4.

Passes::

    a.txt: The Harbour Board suspended the ferry service on March 2.
    b.txt: In March, the Harbour Board suspended the ferry service.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import timedelta
from typing import Iterator

from pydantic import BaseModel, ConfigDict, Field

from timeline.chronology import compatible_dates
from timeline.corpus import Corpus
from timeline.event_identity import content_words, strictly_same_event
from timeline.extract.words import stem_key
from timeline.models import EventClaim, Finding

TYPE = "event-dates"
REPORTED_DONE = frozenset({"done", "stopped", "postponed", "resumed"})  # a plan's date is a status matter, not a mismatch


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    max_gap_days: int = Field(default=14, ge=0)


def check(rule, options: Options, corpus: Corpus, ruleset) -> Iterator[Finding]:
    buckets: dict[str, list[EventClaim]] = {}
    for event in corpus.events():
        if event.action and event.state in REPORTED_DONE and event.date and event.date.resolved and event.date.end is not None:
            buckets.setdefault(stem_key(event.action), []).append(event)
    reported: set = set()
    for key in sorted(buckets):
        events = sorted(buckets[key], key=lambda e: (e.date.start, e.provenance.path, e.provenance.line))
        if len({e.provenance.path for e in events}) < 2:
            continue  # one article's own reports are never set against each other: no pair to try, however many
        starts, candidates = [e.date.start for e in events], Candidates(events)
        for index, first in enumerate(events):
            within = bisect_right(starts, first.date.end + timedelta(days=options.max_gap_days))  # at most max-gap-days later
            for second in (events[j] for j in candidates.after(index, within)):
                if second.provenance.path == first.provenance.path or not _conflict(first, second, events):
                    continue
                pair = (first.date.value, second.date.value)
                if pair in reported:
                    continue
                reported.add(pair)
                earlier, later = _side(first, events), _side(second, events)
                message = f"{first.title}: {first.date.value} in {_places(earlier)} but {second.date.value} in {_places(later)}"
                yield Finding(rule=rule.id, severity=rule.severity, subject=first.actor, message=message, location=first.provenance, claims=(*earlier, *later))


class Candidates:
    """The later reports that can be the same event as a given one, found through words they must share.

    ``strictly_same_event`` needs two objects to share a content word; two
    reports that name no object must both name their actor, and actors that
    agree (the same name, or one's words within the other's). So instead of
    trying every pair of a popular action ("opened") across thousands of
    articles, each report is tried only against those sharing a word of its
    object, or, with no object, a word or the name of its actor. The pairs
    left out are exactly those that could never be one event, so the findings
    do not change.
    """

    def __init__(self, events: list[EventClaim]) -> None:
        self.keys = [self._keys(e) for e in events]
        self.holding: dict[tuple[str, str], list[int]] = {}
        for index, keys in enumerate(self.keys):
            for key in keys:
                self.holding.setdefault(key, []).append(index)

    @staticmethod
    def _keys(event: EventClaim) -> frozenset[tuple[str, str]]:
        things = content_words(event.object)
        if things:
            return frozenset(("object", word) for word in things)
        if not event.actor:
            return frozenset()  # no object and no actor: never the same event as another report
        return frozenset({("actor", event.actor.lower()), *(("actor word", word) for word in content_words(event.actor))})

    def after(self, index: int, within: int) -> list[int]:
        """Indices in (index, within) that may be the same event as ``index``, ascending."""
        found: set[int] = set()
        for key in self.keys[index]:
            indices = self.holding[key]
            found.update(indices[bisect_right(indices, index) : bisect_left(indices, within)])
        return sorted(found)


def _side(event: EventClaim, events: list[EventClaim]) -> list[EventClaim]:
    """Every report of the event that agrees with this one's date, this one first: each side of the conflict with all its sources."""
    same = [e for e in events if e is not event and compatible_dates(e.date, event.date) and strictly_same_event(e, event)]
    return [event, *sorted(same, key=lambda e: (e.provenance.path, e.provenance.line))]


def _places(events: list[EventClaim]) -> str:
    return ", ".join(f"{e.provenance.path}:{e.provenance.line}" for e in events)


def _conflict(first: EventClaim, second: EventClaim, events: list[EventClaim]) -> bool:
    if first.provenance.path == second.provenance.path or compatible_dates(first.date, second.date):
        return False
    if not strictly_same_event(first, second):
        return False
    # An article that itself reports both dates for this event speaks of two events.
    for path in (first.provenance.path, second.provenance.path):
        mine = [e for e in events if e.provenance.path == path and strictly_same_event(e, first)]
        if any(compatible_dates(e.date, first.date) for e in mine) and any(compatible_dates(e.date, second.date) for e in mine):
            return False
    return True
