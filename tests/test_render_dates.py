"""Dates as the timeline prints them: one label per precision, shared by the table and Markdown."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.models import DateValue, Precision
from timeline.render.dates import date_label


def value(iso: str | None, start: str | None, end: str | None, precision: str, modifier: str | None = None) -> DateValue:
    day = lambda text: date.fromisoformat(text) if text else None  # noqa: E731
    return DateValue(text="as written", value=iso, start=day(start), end=day(end), precision=Precision(precision), modifier=modifier)


CASES = [
    # (value, start, end, precision, modifier) -> label
    (("2025-06-17", "2025-06-17", "2025-06-17", "day"), "17 Jun 2025"),
    (("2025-01-01", "2025-01-01", "2025-01-01", "day"), "1 Jan 2025"),
    (("2025-W25", "2025-06-16", "2025-06-22", "week"), "week of 16 Jun 2025"),
    (("2026-W01", "2025-12-29", "2026-01-04", "week"), "week of 29 Dec 2025"),
    (("2025-06", "2025-06-01", "2025-06-30", "month"), "Jun 2025"),
    (("2024-02", "2024-02-01", "2024-02-29", "month"), "Feb 2024"),
    (("2025-06", "2025-06-01", "2025-06-30", "month", "early"), "early Jun 2025"),
    (("2025-07", "2025-07-01", "2025-07-31", "month", "late"), "late Jul 2025"),
    (("2025-Q2", "2025-04-01", "2025-06-30", "quarter"), "Q2 2025"),
    (("2025-Q4", "2025-10-01", "2025-12-31", "quarter"), "Q4 2025"),
    # a fiscal quarter that is also a calendar quarter (Q1 FY26, April start) reads as the calendar quarter
    (("2025-04-01/2025-06-30", "2025-04-01", "2025-06-30", "quarter"), "Q2 2025"),
    # one that is not (a February fiscal year) reads as its months
    (("2025-02-01/2025-04-30", "2025-02-01", "2025-04-30", "quarter"), "Feb 2025 – Apr 2025"),
    (("2025-H1", "2025-01-01", "2025-06-30", "half"), "H1 2025"),
    (("2025-H2", "2025-07-01", "2025-12-31", "half"), "H2 2025"),
    (("2025-04-01/2025-09-30", "2025-04-01", "2025-09-30", "half"), "Apr 2025 – Sep 2025"),
    (("2025", "2025-01-01", "2025-12-31", "year"), "2025"),
    (("2025", "2025-01-01", "2025-12-31", "year", "mid"), "mid 2025"),
    (("2024-04-01/2025-03-31", "2024-04-01", "2025-03-31", "fiscal_year"), "FY2024-25"),
    (("1999-04-01/2000-03-31", "1999-04-01", "2000-03-31", "fiscal_year"), "FY1999-00"),
    (("2025-01-01/2025-12-31", "2025-01-01", "2025-12-31", "fiscal_year"), "FY2025"),
    (("2025-06-17/2025-06-18", "2025-06-17", "2025-06-18", "range"), "17 Jun 2025 – 18 Jun 2025"),
    (("2025-06-01/2025-08-31", "2025-06-01", "2025-08-31", "range"), "Jun 2025 – Aug 2025"),
    (("2024-12-01/2025-02-28", "2024-12-01", "2025-02-28", "range"), "Dec 2024 – Feb 2025"),
    (("2009-01-01/2010-12-31", "2009-01-01", "2010-12-31", "range"), "2009 – 2010"),
    (("1990-01-01/1999-12-31", "1990-01-01", "1999-12-31", "range"), "1990 – 1999"),
    (("2025-06-08/2025-06-14", "2025-06-08", "2025-06-14", "range"), "8 Jun 2025 – 14 Jun 2025"),
    (("2025-06-01/2025-06-30", "2025-06-01", "2025-06-30", "range"), "Jun 2025"),
    (("2025-04-04/..", "2025-04-04", None, "range"), "from 4 Apr 2025"),
    ((None, None, None, "day"), "undated"),
    ((None, None, None, "fiscal_year"), "undated"),
]


@pytest.mark.parametrize(("fields", "label"), CASES, ids=[label for _, label in CASES])
def test_date_label_at_every_precision(fields, label):
    assert date_label(value(*fields)) == label


def test_no_date_is_undated():
    assert date_label(None) == "undated"


def test_every_precision_has_a_case():
    assert {Precision(fields[3]) for fields, _ in CASES} == set(Precision)
