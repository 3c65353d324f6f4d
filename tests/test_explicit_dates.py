"""Month-name dates are built from the pattern's own day, month and year: the same days dateparser gives, faster."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract.date_resolvers import ORDINAL_SUFFIX, _month_number, named_month_date, parse_explicit
from timeline.extract.dates import find_dates

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
