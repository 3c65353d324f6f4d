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
from operator import itemgetter
from typing import Iterator

from pydantic import BaseModel, ConfigDict, Field

from timeline.chronology import compatible_dates
from timeline.corpus import Corpus
from timeline.event_identity import actor_keys, agreeing_keys
from timeline.event_reports import ReportGroups
from timeline.extract.words import stem_key
from timeline.models import DateValue, EventClaim, Finding

TYPE = "event-dates"
SCOPE = "corpus"
READS = frozenset({"event"})
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
        groups = ReportGroups(events)
        starts, candidates = [e.date.start for e in events], Candidates(events, groups)
        # A group's later reports find only what its first found: they stand on its date, in its article, as its class.
        for index in groups.leaders:
            first = events[index]
            within = bisect_right(starts, first.date.end + timedelta(days=options.max_gap_days))  # at most max-gap-days later

            def open_date(date: DateValue) -> bool:
                return (first.date.value, date.value) not in reported and not compatible_dates(first.date, date)

            for later_index in candidates.first_per_date(index, within, open_date):
                second = events[later_index]
                pair = (first.date.value, second.date.value)
                if pair in reported:
                    continue  # two spellings of one date value: the first one found stands for both
                reported.add(pair)
                earlier, later = groups.side(index), groups.side(later_index)
                message = f"{first.title}: {first.date.value} in {_places(earlier)} but {second.date.value} in {_places(later)}"
                yield Finding(rule=rule.id, severity=rule.severity, subject=first.actor, message=message, location=first.provenance, claims=(*earlier, *later))


class Candidates:
    """The later reports that can be the same event as a given one, by the words they must share and by date.

    ``strictly_same_event`` needs two objects to share a content word, and
    two actors, when both reports name one, to agree. Two reports that name
    no object must both name their actor, and those must agree. So each
    report is filed under the words of its object, each paired with its
    actor's keys (``actor_keys``), and is tried only against the reports filed
    where an agreeing one would be (``agreeing_keys``); with no object, a
    report is filed and found by its actor's keys. The pairs left out are
    exactly those that could never be one event, so the findings do not
    change. In a corpus of many reports of one common action by different
    actors ("the Asharby council approved the plan", "the Fenley council
    approved the plan") they were nearly all the pairs, and made the rule
    grow with the square of the corpus.

    One finding is made per pair of dates, so reports are also held by date:
    for each date within reach, only the first later report that conflicts
    is wanted, and a date already reported against this one, or one that
    agrees with it, is passed over whole. Wire copy repeats one report, with
    its date, in hundreds of articles; trying each pair of them made the rule
    cubic in the corpus.

    Each place holds one list of (date, report index) sorted by date then
    index, so one date's reports are a run of it, found by bisection. Nearly
    every place holds one report: a dictionary of dates for each place, with a
    list for each date, took about 450 bytes a report where the list takes
    about 150 (at 10,000 synthetic articles, 67 MB of the rule's peak).

    Only the first report of each group (``timeline/event_reports.py``) is
    held: it answers for the group's others.
    """

    def __init__(self, events: list[EventClaim], groups: ReportGroups) -> None:
        self.events, self.groups = events, groups
        self._taken: dict[tuple, list[int]] = {}
        self._named: dict[tuple, dict[str | None, list[int]]] = {}  # (key, run end) -> places of the run by object name
        self.holding: dict[tuple, list[tuple[tuple, int]]] = {}  # place -> (date, index), by date then index
        for index in groups.leaders:
            event = events[index]
            date = (event.date.start, event.date.end, event.date.value)  # one tuple for every place the report is filed
            for key in self._filed(index):
                self.holding.setdefault(key, []).append((date, index))
        for filed in self.holding.values():
            filed.sort()

    def _filed(self, index: int) -> frozenset[tuple]:
        """Where a report is held: under each word of its object, alone and paired with each of its actor's keys."""
        event, signature = self.events[index], self.groups.signature_of(index)
        things = signature.object_words
        if things:
            actors = actor_keys(event, signature.actor_words)
            return frozenset({*(("object", word) for word in things), *(("object", word, *actor) for word in things for actor in actors)})
        if not event.actor:
            return frozenset()  # no object and no actor: never the same event as another report
        return frozenset(("actor", *actor) for actor in actor_keys(event, signature.actor_words))

    def _held(self, key: tuple) -> int:
        return len(self.holding.get(key, ()))

    def _lookups(self, index: int) -> frozenset[tuple]:
        """Where the reports that can be the same event as this one are held."""
        event, signature = self.events[index], self.groups.signature_of(index)
        things, words = signature.object_words, signature.actor_words
        if not things and not event.actor:
            return frozenset()
        if not things:
            return frozenset(("actor", *actor) for actor in agreeing_keys(event, lambda key: self._held(("actor", *key)), words) or ())
        if not event.actor:
            return frozenset(("object", word) for word in things)  # any actor agrees with none
        return frozenset(
            ("object", word, *actor) for word in things for actor in agreeing_keys(event, lambda key, word=word: self._held(("object", word, *key)), words) or ()
        )

    def first_per_date(self, index: int, within: int, open_date) -> list[int]:
        """For each date that ``open_date`` lets through, the first report in (index, within) sharing a word with
        report ``index`` whose dates conflict with it; ascending. Reports are sorted by date, so the dates within
        reach are those starting from report ``index``'s start up to report ``within - 1``'s.

        Whether two reports' dates conflict is asked in three parts (``ReportGroups``): whether the first
        report's article lets the date through (``run_open``), once per date; whether a later report takes it
        (``takes``), which reads only the first report's class and date, so a date's takers are found once for
        every report of that class and date (``_takers``); and whether the two are in two articles."""
        if within <= index + 1:
            return []
        low, high = self.events[index].date.start, self.events[within - 1].date.start
        best: dict[tuple, int] = {}
        path = self.events[index].provenance.path
        for key in self._lookups(index):  # made when needed, once: held for every report, they were megabytes
            filed = self.holding.get(key)
            if filed is None:
                continue
            run, stop = bisect_left(filed, low, key=START), bisect_right(filed, high, key=START)
            while run < stop:  # one date's reports at a time
                date = filed[run][0]
                run_end = bisect_right(filed, date, run, stop, key=DATE)
                at, limit = bisect_right(filed, index, run, run_end, key=INDEX), best.get(date, within)
                if at < run_end and filed[at][1] < limit and open_date(self.events[filed[at][1]].date) and self.groups.run_open(index, date[0], date[1]):
                    for taker in self._takers(index, key, at, run_end):
                        if taker >= limit:
                            break
                        if self.events[taker].provenance.path != path:  # one article's reports are never set against each other
                            best[date] = taker
                            break
                run = run_end
        return sorted(best.values())

    def _takers(self, index: int, key: tuple, at: int, run_end: int) -> list[int]:
        """The reports filed under ``key`` at [at, run_end) that ``takes`` report ``index``, ascending, up to the first of
        a second article: the one wanted is the first not in report ``index``'s article. Kept for every report of
        ``index``'s class and date: a long log copied into many articles asks it of each of its reports."""
        event = self.events[index]
        asked = (self.groups.class_of[index], event.date.start, event.date.end, key, at, run_end)
        if asked not in self._taken:
            filed, takers, paths = self.holding[key], [], set()
            for place in self._places_named(index, key, at, run_end):
                later = filed[place][1]
                if self.groups.takes(index, later):
                    takers.append(later)
                    paths.add(self.events[later].provenance.path)
                    if len(paths) == 2:
                        break
            self._taken[asked] = takers
        return self._taken[asked]


    def _places_named(self, index: int, key: tuple, at: int, run_end: int) -> range | list[int]:
        """The places in [at, run_end) under ``key`` whose reports can take report ``index``, by the names of their objects.

        ``strictly_same_event`` never joins two objects that each carry a name
        no dictionary holds and share none (``named_apart``: "the Harlow
        bridge", "the Ostry bridge"). So a report whose object carries such
        names looks only at the reports whose objects share one or carry none.
        Every bridge is filed under "bridge"; read whole, a day's run of them
        made the rule grow with the square of the bridges. The run's places
        are held by name once, for every report that reads the run.
        """
        names = self.groups.signature_of(index).object_names
        if not names:
            return range(at, run_end)
        run = (key, run_end)  # a run ends where its date's reports end: one run, whatever ``at``
        if run not in self._named:
            filed, by_name = self.holding[key], {}
            start = bisect_left(filed, filed[run_end - 1][0], 0, run_end, key=DATE)
            for place in range(start, run_end):
                for name in self.groups.signature_of(filed[place][1]).object_names or (None,):
                    by_name.setdefault(name, []).append(place)
            self._named[run] = by_name
        by_name = self._named[run]
        return sorted({place for name in (*names, None) for place in by_name.get(name, ()) if place >= at})


DATE, INDEX = itemgetter(0), itemgetter(1)  # of a filed report: ((start, end, value), index)


def START(filed: tuple[tuple, int]):  # noqa: N802 (a key function, named as DATE and INDEX are)
    """A filed report's start day."""
    return filed[0][0]


def _places(events: list[EventClaim]) -> str:
    return ", ".join(f"{e.provenance.path}:{e.provenance.line}" for e in events)
