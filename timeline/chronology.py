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

from timeline.event_identity import same_event
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
    groups: list[list[EventClaim]] = []
    for event in dated:
        group = next((g for g in groups if compatible_dates(g[0].date, event.date) and any(same_event(m, event) for m in g)), None)
        if group is None:
            groups.append([event])
        else:
            group.append(event)
    leftovers: list[list[EventClaim]] = []
    for event in undated:
        path = event.provenance.path
        home = next((g for g in groups if any(m.provenance.path == path and same_event(m, event) for m in g)), None)
        home = home or next((g for g in leftovers if g[0].provenance.path == path and any(same_event(m, event) for m in g)), None)
        if home is None:
            leftovers.append([event])
        else:
            home.append(event)
    entries = [_entry(group) for group in groups]
    entries.sort(key=lambda e: (e.date.start, e.date.end or e.date.start, e.event_kind, e.title))
    tail = sorted((_entry(group) for group in leftovers), key=lambda e: (e.sources[0].provenance.path, e.sources[0].provenance.line))
    return entries + tail


def _entry(group: list[EventClaim]) -> TimelineEntry:
    dated = [m for m in group if m.date and m.date.resolved]
    best = min(dated, key=lambda m: width(m.date)) if dated else None
    title = max((m.title for m in group), key=lambda t: (bool(next((m for m in group if m.title == t and m.action), None)), len(t.split()), t))
    subject = next((m.subject for m in group if m.subject), None)
    kind = next((m.event_kind for m in group if m.event_kind != "event"), group[0].event_kind)
    sources = tuple(sorted(group, key=lambda m: (m.provenance.path, m.provenance.line, m.provenance.column)))
    return TimelineEntry(date=best.date if best else None, event_kind=kind, title=title, subject=subject, sources=sources)
