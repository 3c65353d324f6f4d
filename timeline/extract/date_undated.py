"""Year-less dates in an article with no publication date take their year from the dates it states.

Without a publication date P, "March 3" and "in June" have no year to be
anchored on, but the article usually says when it is about elsewhere: an
undated story that says "February 27, 2023" and then "March 3" means March 3,
2023. The convention, which never depends on today's date:

- **References** are the dates the article states in full: days, weeks,
  months and spans of a month or less, all with their year ("February 27,
  2023", "June 2012", "June 17-18, 2025"). Bare years ("the 2019 floods") are
  background, not references.
- **A month-day or a month** ("March 3", "mid-June") takes the year that puts
  it nearest in time to any reference (0 days when it falls inside one); on
  a tie, the earlier. "January 4" beside "December 28, 2022" is 2023.
- **A weekday beside a month-day** ("on Friday, March 3") takes, among the
  years within ten of the references in which that day is that weekday, the
  one nearest in time to a reference; on a tie, the earlier.
- With no reference the date stays unresolved (``value`` None): a weekday
  and a day of the month recur every few years, and guessing from the clock
  would make the output change with the day it is run.

Weekdays alone, "last week" and other expressions relative to P stay
unresolved; only the month and day of a date are placed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from timeline.extract.date_resolvers import DAY, MONTH, _month_number
from timeline.extract.date_values import day_value, month_span, month_value
from timeline.extract.date_weekdays import parse_weekday_month_day
from timeline.models import DateValue, Precision

if TYPE_CHECKING:
    from timeline.extract.dates import DateMention

SPAN = 10  # years either side of the references searched for a weekday's year
MODIFIER = r"(?:(?P<mod>early|mid|late|(?:the\s+)?end\s+of|end(?=-)|(?:the\s+)?(?:beginning|start)\s+of)\s*-?\s*)?"
MONTH_DAY = [
    re.compile(rf"(?P<month_name>{MONTH})\s+(?P<day>{DAY})", re.IGNORECASE),
    re.compile(rf"(?P<day>{DAY})\s+(?:of\s+)?(?P<month_name>{MONTH})", re.IGNORECASE),
]
BARE_MONTH = re.compile(rf"{MODIFIER}(?P<month_name>{MONTH})", re.IGNORECASE)
MODIFIERS = {"end of": "late", "end": "late", "beginning of": "early", "start of": "early"}


def references(values: list[DateValue]) -> list[tuple[date, date]]:
    """The spans of the dates stated in full: resolved days, weeks, months and spans of up to 31 days."""
    spans = []
    for value in values:
        if value.value is None or value.start is None or value.end is None:
            continue
        short_span = value.precision is Precision.RANGE and (value.end - value.start).days <= 31
        if value.precision in {Precision.DAY, Precision.WEEK, Precision.MONTH} or short_span:
            spans.append((value.start, value.end))
    return spans


def _distance(start: date, end: date, spans: list[tuple[date, date]]) -> int:
    """Days between a candidate span and the nearest reference (0 when they overlap)."""
    return min(max((low - end).days, (start - high).days, 0) for low, high in spans)


def _candidate_days(month: int, day: int, years: range) -> list[date]:
    days = []
    for year in years:
        try:
            days.append(date(year, month, day))
        except ValueError:  # 29 February
            continue
    return days


def place(value: DateValue, spans: list[tuple[date, date]]) -> DateValue:
    """The year-less date ``value`` placed by the references, or ``value`` unchanged when it cannot be."""
    if value.value is not None or not spans:
        return value
    low, high = min(s[0].year for s in spans), max(s[1].year for s in spans)
    weekday_parts = parse_weekday_month_day(value.text)
    if weekday_parts is not None and weekday_parts[3] is None:
        weekday, month, day, _ = weekday_parts
        days = [d for d in _candidate_days(month, day, range(low - SPAN, high + SPAN + 1)) if d.weekday() == weekday]
        return day_value(value.text, min(days, key=lambda d: (_distance(d, d, spans), d))) if days else value
    surface = " ".join(value.text.split())
    if value.precision is Precision.DAY:
        match = next((m for m in (p.fullmatch(surface) for p in MONTH_DAY) if m), None)
        month = _month_number(match.group("month_name")) if match else None
        if month is None:
            return value
        days = _candidate_days(month, int(re.sub(r"\D", "", match.group("day"))), range(low - 1, high + 2))
        return day_value(value.text, min(days, key=lambda d: (_distance(d, d, spans), d))) if days else value
    match = BARE_MONTH.fullmatch(surface) if value.precision is Precision.MONTH else None
    month = _month_number(match.group("month_name")) if match else None
    if month is None:
        return value
    year = min(range(low - 1, high + 2), key=lambda y: (_distance(*month_span(y, month), spans), y))
    mod = (match.group("mod") or "").lower().replace("the ", "").strip(" -") or None
    return month_value(value.text, year, month, MODIFIERS.get(mod, mod) if mod else None)


def place_years(mentions: list[DateMention]) -> list[DateMention]:
    """Every year-less month-day and month among ``mentions`` (DateMentions) placed by the others' stated dates."""
    spans = references([m.value for m in mentions])
    if not spans:
        return mentions
    return [replace(m, value=place(m.value, spans)) if m.value.value is None else m for m in mentions]
