"""One ordered, deduplicated timeline of events with every source that reported them.

Two event reports are one row when their dates are compatible and they are
the same event by ``timeline.event_identity.same_event`` (actors agree;
related actions on similar objects, or the same named object). Dates are
compatible when one contains the other ("April 4" lies in "April 2025"); the
row keeps the most precise date. Reports are taken most precise date first,
so a month-precise report joins the day it contains. An undated report joins
a dated row from its own article when it is the same event (the article
speaks of one meeting, once dated); otherwise undated reports of one article
that are the same event share a row. Rows are ordered by start date, then
end date (a day before the month that contains it), then kind and title;
undated rows come last.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort

from timeline.event_identity import actor_keys, agreeing_keys, looked_up_by_name, named_keys, same_event
from timeline.models import DateValue, EventClaim, TimelineEntry


def contains(outer: DateValue, inner: DateValue) -> bool:
    """Whether every day of ``inner`` lies in ``outer`` (an open end is unbounded)."""
    if outer.start is None or inner.start is None:
        return False
    if inner.start < outer.start:
        return False
    if outer.end is None:
        return True
    return inner.end is not None and inner.end <= outer.end


def compatible_dates(a: DateValue, b: DateValue) -> bool:
    return contains(a, b) or contains(b, a)


def width(value: DateValue) -> int:
    """Days the date spans; an open interval is wider than any closed one."""
    if value.start is None or value.end is None:
        return 1 << 30
    return (value.end - value.start).days


def build_timeline(events: list[EventClaim]) -> list[TimelineEntry]:
    ordered = sorted(events, key=lambda e: (e.provenance.path, e.provenance.line, e.provenance.column))
    dated = sorted((e for e in ordered if e.date and e.date.resolved), key=lambda e: (width(e.date), e.provenance.path, e.provenance.line, e.provenance.column))
    undated = [e for e in ordered if not (e.date and e.date.resolved)]
    groups, leftovers = Rows(), Rows()
    for event in dated:
        group = groups.first_dated(event)
        if group is None:
            groups.add(event)
        else:
            groups.join(group, event)
    for event in undated:
        home = groups.first_from_article(event, any_member=True)
        if home is not None:
            groups.join(home, event)
            continue
        home = leftovers.first_from_article(event, any_member=False)
        if home is None:
            leftovers.add(event)
        else:
            leftovers.join(home, event)
    entries = [_entry(group) for group in groups.members]
    entries.sort(key=lambda e: (e.date.start, e.date.end or e.date.start, e.event_kind, e.title))
    tail = sorted((_entry(group) for group in leftovers.members), key=lambda e: (e.sources[0].provenance.path, e.sources[0].provenance.line))
    return entries + tail


def _signature(event: EventClaim) -> tuple:
    """All that ``same_event`` reads of a report: reports alike in these are alike to it."""
    return (event.actor, event.object, event.title, event.action, event.event_kind)


class Rows:
    """The timeline's rows while they are built, indexed so that a report finds its row without trying every row.

    A report joins the first row (in the order rows were made) that it
    matches. Tried row by row and member by member, that was quadratic: wire
    copy puts one report in hundreds of articles. Members alike to
    ``same_event`` are tried once per row (``_signature``); dated rows are
    found by the start of their first report and by their members' actors
    (``actor_keys``, ``agreeing_keys``: a row none of whose members' actors
    could agree with the report's cannot hold its event, and many actors
    doing one common thing on one day made a row for each), or, for a report
    that names no actor, by the names of what its members did it to
    (``named_keys``: many bridges, each with a name of its own, closed on one
    day made each such report try every row of that day); and rows by the
    articles of their members.
    """

    def __init__(self) -> None:
        self.members: list[list[EventClaim]] = []
        self.alike: list[dict[tuple, EventClaim]] = []  # per row: one member of each signature
        self.alike_by_path: list[dict[str, dict[tuple, EventClaim]]] = []  # per row and article
        self.starts: list[tuple] = []  # (start of the row's first report, row), sorted; dated rows only
        self.row_start: list = []  # the start of each row's first report, None for an undated row
        self.row_keys: list[set[tuple]] = []  # per row: its members' actor keys and named keys
        self.starts_by_key: dict[tuple, list[tuple]] = {}  # actor or named key -> (start, row) of dated rows with it, sorted
        self.rows_by_path: dict[str, list[int]] = {}  # article -> rows with a member from it, ascending
        self.first_path: dict[str, list[int]] = {}  # article -> rows whose first member is from it, ascending

    def add(self, event: EventClaim) -> None:
        row = len(self.members)
        self.members.append([])
        self.alike.append({})
        self.alike_by_path.append({})
        self.first_path.setdefault(event.provenance.path, []).append(row)
        self.row_keys.append(set())
        dated = event.date and event.date.resolved and event.date.start is not None
        self.row_start.append(event.date.start if dated else None)
        if dated:
            insort(self.starts, (event.date.start, row))
        self.join(row, event)

    def join(self, row: int, event: EventClaim) -> None:
        path, signature = event.provenance.path, _signature(event)
        self.members[row].append(event)
        self.alike[row].setdefault(signature, event)
        mine = self.alike_by_path[row]
        if path not in mine:  # the row's first member from this article
            insort(self.rows_by_path.setdefault(path, []), row)
        mine.setdefault(path, {}).setdefault(signature, event)
        for key in (actor_keys(event) | named_keys(event)) - self.row_keys[row]:
            self.row_keys[row].add(key)
            if self.row_start[row] is not None:
                insort(self.starts_by_key.setdefault(key, []), (self.row_start[row], row))

    def first_dated(self, event: EventClaim) -> int | None:
        """The first row whose first report's date is compatible with the event's and that holds the same event.

        Reports come narrowest date first, so a compatible row's first date
        lies within the event's (or, open-ended, starts with it): rows are
        looked up by that start. An event with no start or no end tries
        every row, as before.
        """
        date = event.date
        if date.start is None or date.end is None:
            rows: range | list[int] = range(len(self.members))
        else:
            keys = agreeing_keys(event, lambda key: len(self.starts_by_key.get(key, ()))) or looked_up_by_name(event)
            lists = [self.starts] if keys is None else [self.starts_by_key.get(key, []) for key in keys]
            found: set[int] = set()
            for starts in lists:
                low = bisect_left(starts, (date.start, -1))
                high = bisect_right(starts, (date.end, len(self.members)))
                found.update(row for _, row in starts[low:high])
            rows = sorted(found)
        for row in rows:
            first = self.members[row][0]
            if compatible_dates(first.date, date) and any(same_event(member, event) for member in self.alike[row].values()):
                return row
        return None

    def first_from_article(self, event: EventClaim, any_member: bool) -> int | None:
        """The first row holding the same event reported in the event's own article: by any member, or by its first."""
        path = event.provenance.path
        for row in self.rows_by_path.get(path, ()) if any_member else self.first_path.get(path, ()):
            if any(same_event(member, event) for member in self.alike_by_path[row][path].values()):
                return row
        return None


REPORTED_HAPPENED = frozenset({"done", "stopped", "postponed", "resumed"})


def _entry(group: list[EventClaim]) -> TimelineEntry:
    dated = [m for m in group if m.date and m.date.resolved]
    best = min(dated, key=lambda m: width(m.date)) if dated else None
    with_action = {m.title for m in group if m.action}  # a title a clause gave, with its actor and action, is preferred
    happened = {m.title for m in group if m.state in REPORTED_HAPPENED}  # then one that says it happened: the row is dated when it did
    title = max((m.title for m in group), key=lambda t: (t in with_action, t in happened, len(t.split()), t))
    subject = next((m.subject for m in group if m.subject), None)
    kind = next((m.event_kind for m in group if m.event_kind != "event"), group[0].event_kind)
    sources = tuple(sorted(group, key=lambda m: (m.provenance.path, m.provenance.line, m.provenance.column)))
    return TimelineEntry(date=best.date if best else None, event_kind=kind, title=title, subject=subject, sources=sources)
