"""Which timeline entries ``timeline show`` prints: ``--since``, ``--until``, ``--subject``, ``--min-sources``.

Entries are read only through ``date``, ``title``, ``subject`` and
``sources``; the order of the timeline is kept (dated entries in date order,
then undated ones), only rows are dropped.

- A date bound is an ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: ``--since``
  starts at the first day it names, ``--until`` ends at the last (since
  "2025-06" is from 2025-06-01, until "2025-06" is to 2025-06-30). An entry
  is kept when its span of days overlaps [since, until]; an open span ("from
  4 April") reaches forever. Undated entries have no span to test, so they
  are dropped whenever a bound is given.
- ``subject``: the text appears in the entry's subject or title, ignoring case
  (and runs of spaces).
- ``min_sources``: at least that many distinct articles reported the entry.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from timeline.models import EventClaim, TimelineEntry

ISO_PERIOD = re.compile(r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?")


def parse_period(text: str) -> tuple[date, date]:
    """First and last day of an ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ValueError for anything else."""
    match = ISO_PERIOD.fullmatch(text.strip())
    if not match:
        raise ValueError(f"'{text}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(match["year"]), match["month"], match["day"]
    try:
        if day:
            single = date(year, int(month), int(day))
            return single, single
        if month:
            return date(year, int(month), 1), date(year, int(month), calendar.monthrange(year, int(month))[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        raise ValueError(f"'{text}' is not a date on the calendar") from None


def source_count(entry: TimelineEntry) -> int:
    """How many distinct articles reported the entry (two mentions in one article are one source)."""
    return len({s.provenance.path for s in entry.sources})


def first_sources(entry: TimelineEntry) -> list[EventClaim]:
    """The first report of the entry in each article, in the entry's source order."""
    seen: dict[str, EventClaim] = {}
    for source in entry.sources:
        seen.setdefault(source.provenance.path, source)
    return list(seen.values())


def is_dated(entry: TimelineEntry) -> bool:
    return entry.date is not None and entry.date.resolved and entry.date.start is not None


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Selection:
    since: date | None = None
    until: date | None = None
    subject: str | None = None
    min_sources: int = 1

    def keeps(self, entry: TimelineEntry) -> bool:
        if self.since or self.until:
            if not is_dated(entry):
                return False
            start, end = entry.date.start, entry.date.end
            if self.until and start > self.until:
                return False
            if self.since and end is not None and end < self.since:
                return False
        if self.subject:
            needle = _fold(self.subject)
            if needle not in _fold(entry.title) and needle not in _fold(entry.subject or ""):
                return False
        return source_count(entry) >= self.min_sources

    def apply(self, entries: list[TimelineEntry]) -> list[TimelineEntry]:
        return [entry for entry in entries if self.keeps(entry)]
