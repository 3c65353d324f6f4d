"""Reports of one action, gathered so that ``date-mismatch`` answers each question once, not once per copy.

A long live log, or one wire story copied into many articles, repeats the same
report of an event hundreds of times on a handful of dates. ``date-mismatch``
asks of two reports whether they are one event (``strictly_same_event``), and
whether either article itself gives both dates; asked of every copy, against
every report of the other article, the rule grew with the cube of the reports
(two copies of a 20,000-line log took ten minutes). The answers depend on far
less than the reports:

- ``strictly_same_event`` reads only what ``strict_signature`` gathers, so
  reports alike in it are one *class*, and each pair of classes is tried once;
- reports of one article, of one class and on one date are one *group*: every
  question ``date-mismatch`` asks has the same answer for each of them, so the
  group's first report stands for it, and its others join the findings as
  sources;
- dates are found through a ``DateIndex``, by the dates they can agree with,
  so an article's reports are not read one by one to find those on a date.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from typing import Generic, Iterable, Iterator, TypeVar

from timeline.chronology import compatible_dates
from timeline.event_identity import StrictSignature, strict_signature, strictly_same_event
from timeline.models import EventClaim

T = TypeVar("T")


class DateIndex(Generic[T]):
    """Closed spans of days, each carrying a value, looked up by the spans compatible with a given one (one contains the other).

    The spans are held by width, each width sorted by start. A span of width
    w that contains [s, e] starts in [e - w, s]; one that lies within [s, e]
    starts in [s, e - w]. So a lookup bisects each width's list and reads only
    the spans it returns: "March 3" finds the day itself, the week and the
    month around it, without reading the other days of the month. A log has a
    few widths (days, months, a year), however many reports.
    """

    def __init__(self, spans: Iterable[tuple[date | None, date | None, T]]) -> None:
        widths: dict[int, list[tuple[date, T]]] = {}
        for start, end, value in spans:
            if start is not None and end is not None:  # an open span is compatible with none here (``contains``)
                widths.setdefault((end - start).days, []).append((start, value))
        self._widths = []
        for width, held in sorted(widths.items(), key=lambda item: item[0]):
            held.sort(key=lambda item: item[0])  # stable: values on one start keep the order they came in
            self._widths.append((width, [start for start, _ in held], [value for _, value in held]))

    def compatible(self, start: date | None, end: date | None) -> Iterator[T]:
        """The values of the spans that contain [start, end] or lie within it; each once."""
        if start is None or end is None:
            return
        own = (end - start).days
        for width, starts, values in self._widths:
            # spans that contain it (the same span included)
            yield from values[bisect_left(starts, end - timedelta(days=width)) : bisect_right(starts, start)]
            if width <= own:  # spans strictly within it; the same span was given above
                low, high = bisect_left(starts, start), bisect_right(starts, end - timedelta(days=width))
                yield from (values[i] for i in range(low, high) if not (width == own and starts[i] == start))


class ReportGroups:
    """One action's reports (sorted as ``date-mismatch`` sorts them) in classes and groups, with the rule's questions memoised."""

    def __init__(self, events: list[EventClaim]) -> None:
        self.events = events
        classes: dict[tuple, int] = {}
        groups: dict[tuple, int] = {}
        self.class_of: list[int] = []  # by report index
        self.group_of: list[int] = []  # by report index
        self.members: list[list[int]] = []  # by group: report indices, ascending
        self.leaders: list[int] = []  # each group's first report, ascending: the reports that stand for their groups
        self.representative: list[EventClaim] = []  # by class: its first report
        self.signature: list[StrictSignature] = []  # by class
        for index, event in enumerate(events):
            signature = strict_signature(event)
            kind = classes.setdefault(signature, len(classes))
            if kind == len(self.representative):
                self.representative.append(event)
                self.signature.append(signature)
            group = groups.setdefault((event.provenance.path, kind, event.date.start, event.date.end, event.date.value), len(groups))
            if group == len(self.members):
                self.members.append([])
                self.leaders.append(index)
            self.members[group].append(index)
            self.class_of.append(kind)
            self.group_of.append(group)
        self._same: dict[tuple[int, int], bool] = {}
        self._open: dict[tuple, bool] = {}
        self._takes: dict[tuple, bool] = {}
        self._by_path: dict[str, DateIndex[int]] = {}
        self._all: DateIndex[int] | None = None

    def signature_of(self, index: int) -> StrictSignature:
        """Report ``index``'s ``strict_signature``, made once for its class: its words are looked up in a table too
        small to keep every actor's and object's in a large corpus."""
        return self.signature[self.class_of[index]]

    def same(self, one: int, other: int) -> bool:
        """Whether reports of class ``one`` and class ``other`` are one event (``strictly_same_event``), asked once per pair."""
        pair = (one, other) if one <= other else (other, one)
        if pair not in self._same:
            self._same[pair] = strictly_same_event(self.representative[pair[0]], self.representative[pair[1]])
        return self._same[pair]

    def run_open(self, first: int, start: date, end: date) -> bool:
        """Whether reports on [start, end] can conflict with report ``first`` as far as its own article goes: an
        article that gives both dates of an event, itself, is telling of two events. Asked once per group and date."""
        asked = (self.group_of[first], start, end)
        if asked not in self._open:
            event, kind = self.events[first], self.class_of[first]
            path = event.provenance.path
            self._open[asked] = not (self._gives(path, kind, event.date.start, event.date.end) and self._gives(path, kind, start, end))
        return self._open[asked]

    def takes(self, first: int, second: int) -> bool:
        """Whether report ``second`` is the same event as report ``first`` and its own article does not give both
        their dates. With ``run_open``, in two articles, on incompatible dates: the two dates cannot both hold.
        It reads only ``first``'s class and date, so it is asked once per (class, date) and group."""
        event = self.events[first]
        asked = (self.class_of[first], event.date.start, event.date.end, self.group_of[second])
        if asked not in self._takes:
            later, kind = self.events[second], self.class_of[first]
            path = later.provenance.path
            self._takes[asked] = self.same(kind, self.class_of[second]) and not (
                self._gives(path, kind, event.date.start, event.date.end) and self._gives(path, kind, later.date.start, later.date.end)
            )
        return self._takes[asked]

    def _gives(self, path: str, kind: int, start: date, end: date) -> bool:
        """Whether the article at ``path`` reports an event of class ``kind`` on a date compatible with [start, end]."""
        if not self._by_path:  # every article's index at once: one pass over the groups, however many articles
            spans: dict[str, list[tuple[date, date, int]]] = {}
            for leader in self.leaders:
                report = self.events[leader]
                spans.setdefault(report.provenance.path, []).append((report.date.start, report.date.end, self.class_of[leader]))
            self._by_path = {article: DateIndex(held) for article, held in spans.items()}
        return any(self.same(found, kind) for found in self._by_path[path].compatible(start, end))

    def side(self, index: int) -> list[EventClaim]:
        """Every report of the event that agrees with this one's date, this one first: one side of a conflict with all its sources."""
        if self._all is None:
            self._all = DateIndex((self.events[leader].date.start, self.events[leader].date.end, group) for group, leader in enumerate(self.leaders))
        event, kind = self.events[index], self.class_of[index]
        same = [
            other
            for group in self._all.compatible(event.date.start, event.date.end)
            if self.same(self.class_of[self.leaders[group]], kind)
            for other in self.members[group]
            if other != index
        ]
        same.sort(key=lambda i: (self.events[i].provenance.path, self.events[i].provenance.line, i))
        return [event, *(self.events[i] for i in same)]
