"""A weekday written beside a day of the month: "on Friday, March 3", "Monday (July 28)", "Tuesday 9 March".

The pair is one date mention. The day of the month says which day; the
weekday checks it. With a publication date P, the year is the one the
month-day rule gives (the most recent such day on or before P, or the next
one when the sentence looks ahead), unless the weekday fits only the other
candidate (the previous or next such day) and that one lies within 31 days
of P, which is then taken: a reporter who writes "on Monday, March 23" in a
paper of March 20 means the coming Monday, whatever the tense reader thinks.
Otherwise the day stands as the month-day rule gives it, and when the
weekday does not fit it the DateValue records the stated weekday in
``weekday_conflict``, for the ``weekday-mismatch`` rule.

In an article with no publication date the year is left open here (value
None) and chosen from the dates stated elsewhere in the article by
``date_undated``, for which :func:`parse_weekday_month_day` reads the
surface again.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from timeline.extract.date_resolvers import DAY, MONTH, WEEKDAY, WEEKDAYS, YEAR, Context, Resolver, _anchor_month_day, _month_number
from timeline.extract.date_values import day_value, unresolved
from timeline.models import DateValue, Precision

NEAR_DAYS = 31  # a weekday is written beside a date for days within weeks of publication, not a year away
NOT_A_SINGLE_DAY = r"(?!\s*(?:%|per\s*cent|,\d|[-–—]\s*\d|(?:to|and|until|till)\s+\d))"
MONTH_FIRST = (
    rf"\b(?P<weekday>{WEEKDAY}),?\s+(?P<open>\(\s*)?(?:the\s+)?(?P<month_name>{MONTH})\s+(?P<day>{DAY})\b"
    rf"(?:,?\s+(?P<year>{YEAR})\b)?(?(open)\s*\)){NOT_A_SINGLE_DAY}"
)
DAY_FIRST = (
    rf"\b(?P<weekday>{WEEKDAY}),?\s+(?P<open>\(\s*)?(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month_name>{MONTH})(?!\w)"
    rf"(?:,?\s+(?P<year>{YEAR})\b)?(?(open)\s*\))"
)
SURFACES = [re.compile(MONTH_FIRST, re.IGNORECASE), re.compile(DAY_FIRST, re.IGNORECASE)]


def _parts(match: re.Match[str]) -> tuple[int, int, int, int | None] | None:
    """(weekday 0-6, month, day, year or None) from a match of either form; None when it is no real day."""
    month = _month_number(match.group("month_name") or "")
    day = int(re.sub(r"\D", "", match.group("day")))
    if month is None or day > calendar.monthrange(2024, month)[1]:
        return None
    weekday = WEEKDAYS.index(match.group("weekday").lower())
    return weekday, month, day, int(match.group("year")) if match.group("year") else None


def parse_weekday_month_day(surface: str) -> tuple[int, int, int, int | None] | None:
    """Read "Friday, March 3" back into (4, 3, 3, None); None for any other surface."""
    for pattern in SURFACES:
        match = pattern.fullmatch(surface)
        if match:
            return _parts(match)
    return None


def resolve_weekday_month_day(ctx: Context) -> DateValue | None:
    parts = _parts(ctx.match)
    if parts is None:
        return None
    weekday, month, day, year = parts
    if year is not None:
        try:
            return day_value(ctx.surface, date(year, month, day))
        except ValueError:
            return None
    if ctx.published is None:
        return unresolved(ctx.surface, Precision.DAY)
    ahead = ctx.ahead()
    preferred = _anchor_month_day(month, day, ctx.published, ahead)
    other = _anchor_month_day(month, day, ctx.published, not ahead)
    if other is not None and other.weekday() == weekday and abs((other - ctx.published).days) <= NEAR_DAYS:
        if preferred is None or preferred.weekday() != weekday:
            preferred = other
    return day_value(ctx.surface, preferred) if preferred else None


PATTERNS: list[tuple[str, Resolver, int, str]] = [
    (MONTH_FIRST, resolve_weekday_month_day, re.IGNORECASE, "weekday"),
    (DAY_FIRST, resolve_weekday_month_day, re.IGNORECASE, "weekday"),
]
