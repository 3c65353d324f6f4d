"""Month-name dates, and numeric ones with a four-digit year, are built from the pattern's own day, month and year: the same days dateparser gives, faster."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract.date_resolvers import ORDINAL_SUFFIX, _month_number, named_month_date, numeric_date, parse_explicit
from timeline.extract.dates import DateSettings, find_dates

MONTH_SPELLINGS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
                   "Jan", "Feb.", "Mar", "Apr.", "Jun", "Jul.", "Aug.", "Sep", "Sept", "Sept.", "Oct.", "Nov", "Dec.", "MARCH", "JUNE"]  # fmt: skip
FORMS = ["{weekday}{month} {day}{suffix}, {year}", "{weekday}{day}{suffix} {month} {year}", "{weekday}{day}{suffix} of {month}, {year}", "{month} {day} {year}"]


@settings(max_examples=300, deadline=None)
@given(
    month=st.sampled_from(MONTH_SPELLINGS),
    day=st.integers(1, 31),
    year=st.sampled_from([1998, 2000, 2024, 2025, 2031]),
    form=st.sampled_from(FORMS),
    weekday=st.sampled_from(["", "Monday, ", "Thursday "]),
    suffix=st.sampled_from(["", "st", "th"]),
    day_first=st.booleans(),
)
def test_a_month_name_date_is_the_day_dateparser_reads(month, day, year, form, weekday, suffix, day_first):
    surface = ORDINAL_SUFFIX.sub(r"\1", form.format(weekday=weekday, month=month, day=day, suffix=suffix, year=year))
    assert named_month_date(surface, _month_number(month)) == parse_explicit(surface, day_first)


CASES = [
    ("The span was closed on Thursday, August 14, 2031.", "2031-08-14"),
    ("Counting ended on 3rd of Sept. 2030 in the north.", "2030-09-03"),
    ("The levy took effect on 29 February 2032.", "2032-02-29"),  # a leap day
]


def test_month_name_dates_in_sentences():
    for sentence, expected in CASES:
        assert [m.value.value for m in find_dates(sentence, date(2032, 6, 1))] == [expected], sentence


def test_a_day_the_month_lacks_is_no_date():
    assert named_month_date("February 30, 2031", 2) is None
    assert not [m for m in find_dates("Ballots were dated February 30, 2031 by mistake.", date(2031, 6, 1)) if m.value.precision.name == "DAY"]


@settings(max_examples=400, deadline=None)
@given(
    first=st.integers(0, 33),
    second=st.integers(0, 14),
    year=st.sampled_from(["1999", "2024", "2025", "2031", "0999"]),
    separators=st.sampled_from(["//", "..", "/."]),
    padded=st.booleans(),
    day_first=st.booleans(),
)
def test_a_numeric_date_is_the_day_dateparser_reads(first, second, year, separators, padded, day_first):
    """Whether built directly or left to dateparser, a numeric date in a sentence is exactly dateparser's day."""
    a, b = (f"{first:02d}", f"{second:02d}") if padded else (str(first), str(second))
    surface = f"{a}{separators[0]}{b}{separators[1]}{year}"
    found = find_dates(f"The tender was filed on {surface} at noon.", date(2032, 6, 1), DateSettings(day_first=day_first))
    days = [m.value.start for m in found if m.value.precision.name == "DAY"]
    read = parse_explicit(surface, day_first)
    assert days == ([read] if read else [])
    day, month = (first, second) if day_first else (second, first)
    try:
        real = date(int(year), month, day)
    except ValueError:
        real = None
    assert numeric_date(a, b, year, day_first) == real  # built only when it is a day in the configured order


NUMERIC_CASES = [  # (sentence, day first, the date read)
    ("Tenders closed on 04/06/2031 at noon.", True, "2031-06-04"),
    ("Tenders closed on 04/06/2031 at noon.", False, "2031-04-06"),
    ("The audit is dated 29.02.2032.", True, "2032-02-29"),  # a leap day
    ("Polling cards dated 04/13/2031 were reprinted.", True, "2031-04-13"),  # no 13th month: dateparser reads it month first
    ("The notice of 7.3.31 was withdrawn.", True, "2031-03-07"),  # a two-digit year: dateparser's century rule
]


def test_numeric_dates_in_sentences():
    for sentence, day_first, expected in NUMERIC_CASES:
        found = find_dates(sentence, date(2032, 6, 1), DateSettings(day_first=day_first))
        assert [m.value.value for m in found] == [expected], (sentence, day_first)
    assert numeric_date("7", "3", "31", True) is None  # left to dateparser
