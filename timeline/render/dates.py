"""A date as a reader writes it, at the precision the text gave it (shared by the table and Markdown renderers).

"17 Jun 2025" for a day, "Jun 2025" for a month, "week of 16 Jun 2025",
"Q2 2025", "H1 2025", "2025", "FY2024-25", a range as "start – end", an open
range as "from 4 Apr 2025", and "undated" when there is no resolved date.
Month names are fixed English abbreviations, never the locale's, so output
is the same on every machine.
"""

from __future__ import annotations

import calendar
from datetime import date

from timeline.models import DateValue, Precision

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DASH = " – "  # an en dash between the ends of a range


def day_label(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def month_label(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.year}"


def _last_of_month(d: date) -> bool:
    return d.day == calendar.monthrange(d.year, d.month)[1]


def _whole_months(start: date, end: date) -> bool:
    return start.day == 1 and _last_of_month(end)


def _whole_years(start: date, end: date) -> bool:
    return (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31)


def _months_apart(start: date, end: date) -> int:
    """How many calendar months a span of whole months covers."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _span(start: date, end: date) -> str:
    """An interval at the coarsest unit that states it exactly: years, months, else days."""
    if _whole_years(start, end):
        return str(start.year) if start.year == end.year else f"{start.year}{DASH}{end.year}"
    if _whole_months(start, end):
        return month_label(start) if (start.year, start.month) == (end.year, end.month) else f"{month_label(start)}{DASH}{month_label(end)}"
    return day_label(start) if start == end else f"{day_label(start)}{DASH}{day_label(end)}"


def _part_of_year(start: date, end: date, months: int, letter: str) -> str | None:
    """"Q2 2025" / "H1 2025" when the span is exactly that calendar quarter or half, else None."""
    if start.year != end.year or not _whole_months(start, end) or _months_apart(start, end) != months or (start.month - 1) % months:
        return None
    return f"{letter}{(start.month - 1) // months + 1} {start.year}"


def _fiscal_year(start: date, end: date) -> str:
    """FY2024-25 for a year that straddles two calendar years, FY2025 for one that does not."""
    if start.year == end.year:
        return f"FY{end.year}"
    return f"FY{start.year}-{end.year % 100:02d}"


def date_label(value: DateValue | None) -> str:
    """The human reading of a date at its precision; "undated" when there is none (or it could not be resolved)."""
    if value is None or not value.resolved or value.start is None:
        return "undated"
    start, end = value.start, value.end
    if end is None:
        label = f"from {day_label(start)}"
    elif value.precision is Precision.DAY and start == end:
        label = day_label(start)
    elif value.precision is Precision.WEEK:
        label = f"week of {day_label(start)}"
    elif value.precision is Precision.QUARTER:
        label = _part_of_year(start, end, 3, "Q") or _span(start, end)
    elif value.precision is Precision.HALF:
        label = _part_of_year(start, end, 6, "H") or _span(start, end)
    elif value.precision is Precision.FISCAL_YEAR:
        label = _fiscal_year(start, end)
    else:
        label = _span(start, end)
    return f"{value.modifier} {label}" if value.modifier else label
