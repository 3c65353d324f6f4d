"""One ordered, deduplicated timeline of events with every source that reported them.

Two event claims are the same event when they are of the same kind, carry the
same date value and have compatible titles (one title's words contain the
other's: "meeting" and "inter-ministerial meeting"). Within one article an
undated mention joins a dated one of the same kind and compatible title (the
article speaks of one meeting, once dated). Entries are ordered by start
date, then end date (a day before the month that contains it), then kind and
title; undated events come last.
"""

from __future__ import annotations

from timeline.models import EventClaim, TimelineEntry


def _words(title: str) -> set[str]:
    return set(title.lower().split())


def compatible(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    return wa <= wb or wb <= wa


def build_timeline(events: list[EventClaim]) -> list[TimelineEntry]:
    ordered = sorted(events, key=lambda e: (e.provenance.path, e.provenance.line, e.provenance.column))
    dated = [e for e in ordered if e.date and e.date.resolved]
    undated = [e for e in ordered if not (e.date and e.date.resolved)]
    groups: list[list[EventClaim]] = []
    for event in dated:
        _join(groups, event, lambda g: g[0].date.value == event.date.value)
    leftovers: list[list[EventClaim]] = []
    for event in undated:
        same_article = lambda g: any(m.provenance.path == event.provenance.path for m in g)  # noqa: E731
        if not _join(groups, event, same_article, create=False):
            _join(leftovers, event, lambda g: g[0].provenance.path == event.provenance.path)
    entries = [_entry(group) for group in groups]
    entries.sort(key=lambda e: (e.date.start, e.date.end or e.date.start, e.event_kind, e.title))
    tail = sorted((_entry(group) for group in leftovers), key=lambda e: (e.sources[0].provenance.path, e.sources[0].provenance.line))
    return entries + tail


def _join(groups: list[list[EventClaim]], event: EventClaim, same_place, create: bool = True) -> bool:
    for group in groups:
        if group[0].event_kind == event.event_kind and same_place(group) and all(compatible(m.title, event.title) for m in group):
            group.append(event)
            return True
    if create:
        groups.append([event])
    return False


def _entry(group: list[EventClaim]) -> TimelineEntry:
    dated = [m for m in group if m.date and m.date.resolved]
    title = max((m.title for m in group), key=lambda t: (len(t.split()), t))
    subject = next((m.subject for m in group if m.subject), None)
    sources = tuple(sorted(group, key=lambda m: (m.provenance.path, m.provenance.line, m.provenance.column)))
    return TimelineEntry(date=dated[0].date if dated else None, event_kind=group[0].event_kind, title=title, subject=subject, sources=sources)
