"""Date values at an honest precision, and the calendar arithmetic behind them (fiscal years, ISO weeks).

Pure functions from numbers to :class:`~timeline.models.DateValue`; the
reading of text lives in ``date_resolvers``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from timeline.extract.folding import folded
from timeline.models import Article, DateValue, Precision


@dataclass(frozen=True)
class DateSettings:
    """Reader conventions that differ between newsrooms."""

    fiscal_year_start: int = 4  # April, as in India
    day_first: bool = True  # 04/06/2025 is 4 June

    def for_article(self, article: Article, by_source: Mapping[str, int] | None = None) -> DateSettings:
        """The settings one article is read with: its own fiscal year start, else its source's, else the run's.

        A US federal source counts fiscal years from October and a UK or
        Japanese one from April, whatever the run's default: front matter
        ``fiscal-year-start`` wins, then ``[tool.timeline.fiscal-year-start-by-source]``
        for the article's ``source`` (compared without regard to case or
        surrounding spaces).
        """
        sources = {name.strip().casefold(): month for name, month in (by_source or {}).items()}
        start = article.fiscal_year_start or sources.get((article.source or "").strip().casefold()) or self.fiscal_year_start
        return self if start == self.fiscal_year_start else replace(self, fiscal_year_start=start)


def iso_day(d: date) -> str:
    return d.isoformat()


def month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def years_before(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:  # 29 February
        return d.replace(year=d.year - years, day=28)


WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
STATED_WEEKDAY = re.compile(r"(?:on\s+)?(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def stated_weekday(text: str) -> int | None:
    """The weekday a date expression opens with ("Monday, March 9" -> 0), or None."""
    match = STATED_WEEKDAY.match(text) if "day" in text[:13].lower() else None  # most days name no weekday
    return next(i for i, name in enumerate(WEEKDAY_NAMES) if name.lower().startswith(folded(match.group(1)))) if match else None


def day_value(text: str, d: date) -> DateValue:
    """A day; when the text names a weekday the day does not fall on, the stated weekday is kept as a conflict."""
    stated = stated_weekday(text)
    conflict = WEEKDAY_NAMES[stated] if stated is not None and stated != d.weekday() else None
    return DateValue(text=text, value=iso_day(d), start=d, end=d, precision=Precision.DAY, weekday_conflict=conflict)


def month_value(text: str, year: int, month: int, modifier: str | None = None) -> DateValue:
    start, end = month_span(year, month)
    return DateValue(text=text, value=f"{year:04d}-{month:02d}", start=start, end=end, precision=Precision.MONTH, modifier=modifier)


def year_value(text: str, year: int, modifier: str | None = None) -> DateValue:
    return DateValue(text=text, value=f"{year:04d}", start=date(year, 1, 1), end=date(year, 12, 31), precision=Precision.YEAR, modifier=modifier)


def week_value(text: str, d: date) -> DateValue:
    iso_year, week, _ = d.isocalendar()
    monday = date.fromisocalendar(iso_year, week, 1)
    return DateValue(text=text, value=f"{iso_year:04d}-W{week:02d}", start=monday, end=monday + timedelta(days=6), precision=Precision.WEEK)


def quarter_value(text: str, year: int, quarter: int) -> DateValue:
    start = date(year, 3 * quarter - 2, 1)
    end = month_span(year, 3 * quarter)[1]
    return DateValue(text=text, value=f"{year:04d}-Q{quarter}", start=start, end=end, precision=Precision.QUARTER)


def half_value(text: str, year: int, half: int) -> DateValue:
    start = date(year, 6 * half - 5, 1)
    end = month_span(year, 6 * half)[1]
    return DateValue(text=text, value=f"{year:04d}-H{half}", start=start, end=end, precision=Precision.HALF)


def span_value(text: str, start: date, end: date | None, precision: Precision = Precision.RANGE, modifier: str | None = None) -> DateValue:
    value = f"{iso_day(start)}/{iso_day(end) if end else '..'}"
    return DateValue(text=text, value=value, start=start, end=end, precision=precision, modifier=modifier)


def unresolved(text: str, precision: Precision) -> DateValue:
    return DateValue(text=text, value=None, start=None, end=None, precision=precision)


def fiscal_year_span(end_year: int, start_month: int) -> tuple[date, date]:
    """FY labelled by the calendar year it ends in: FY25 (April start) is 2024-04-01..2025-03-31."""
    if start_month == 1:
        return date(end_year, 1, 1), date(end_year, 12, 31)
    start = date(end_year - 1, start_month, 1)
    return start, add_months(start, 12) - timedelta(days=1)


def fiscal_year_of(d: date, start_month: int) -> int:
    return d.year + 1 if start_month > 1 and d.month >= start_month else d.year


def fiscal_value(text: str, end_year: int, settings: DateSettings) -> DateValue:
    start, end = fiscal_year_span(end_year, settings.fiscal_year_start)
    return span_value(text, start, end, Precision.FISCAL_YEAR)


def full_year(token: str) -> int:
    value = int(token)
    return value if value >= 100 else 2000 + value
