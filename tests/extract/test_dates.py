"""Date layer: a table of sentences with their publication date and the expected reading."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract.dates import DateSettings, find_dates
from timeline.models import Precision

CASES = yaml.safe_load((Path(__file__).parent / "date_cases.yaml").read_text(encoding="utf-8"))


def covering(text: str, published: date | None, find: str, settings: DateSettings = DateSettings()):
    at = text.index(find)
    return [m for m in find_dates(text, published, settings) if m.start < at + len(find) and at < m.end]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_date_case(case):
    published = case["published"] if isinstance(case["published"], date) or case["published"] is None else date.fromisoformat(case["published"])
    settings = DateSettings(fiscal_year_start=case.get("fiscal_year_start", 4))
    found = covering(case["text"], published, case["find"], settings)
    if case["value"] == "not-a-date":
        assert found == [], f"{case['find']!r} read as {[m.value.value for m in found]}"
        return
    assert len(found) == 1, f"expected one date over {case['find']!r}, found {[m.value.text for m in found]}"
    value = found[0].value
    assert value.value == case["value"]
    if case.get("precision"):
        assert value.precision.value == case["precision"]
    if "modifier" in case:
        assert value.modifier == case["modifier"]
    assert value.weekday_conflict == case.get("weekday_conflict")


def test_table_is_large_and_covers_the_seeds():
    assert len(CASES) >= 150
    assert sum(1 for c in CASES if c["id"].startswith("seed")) >= 20


def test_fiscal_year_start_is_configurable():
    [mention] = find_dates("Revenue rose in FY25.", date(2025, 6, 1), DateSettings(fiscal_year_start=7))
    assert mention.value.value == "2024-07-01/2025-06-30"


def test_month_first_numeric_dates_when_configured():
    [mention] = find_dates("Filed on 04/06/2025.", date(2025, 7, 1), DateSettings(day_first=False))
    assert mention.value.value == "2025-04-06"


PRECISION_WIDTH = {Precision.DAY: (1, 1), Precision.WEEK: (7, 7), Precision.MONTH: (28, 31), Precision.QUARTER: (90, 92), Precision.HALF: (181, 184), Precision.YEAR: (365, 366), Precision.FISCAL_YEAR: (365, 366)}
news_words = st.sampled_from(
    ["on", "Tuesday", "in", "January", "June", "17", "2025", "FY25", "Q1", "last", "year", "week", "earlier", "this", "month", "may", "₹1,500", "crore", "85%", "of", "-", "2024-25", "between", "and", "the", "past", "four", "years", "ago", "mid-June", ",", "."]
)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(news_words, max_size=12), published=st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2040, 12, 31))))
def test_any_news_like_text_resolves_consistently(words, published):
    for mention in find_dates(" ".join(words), published):
        value = mention.value
        if value.start and value.end:
            assert value.start <= value.end
        if value.value and value.precision in PRECISION_WIDTH:
            low, high = PRECISION_WIDTH[value.precision]
            assert low <= (value.end - value.start).days + 1 <= high
        if value.value is None:
            assert value.start is None and value.end is None


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200), published=st.one_of(st.none(), st.dates()))
def test_arbitrary_text_never_raises(text, published):
    for mention in find_dates(text, published):
        assert 0 <= mention.start < mention.end <= len(text)
