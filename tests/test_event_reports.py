"""The pieces ``date-mismatch`` groups reports with: the date index and the strict signature.

``DateIndex.compatible`` must give exactly the spans ``compatible_dates``
accepts, each once, however the spans mix widths; and two reports alike in
``strict_signature`` must be the same event to exactly the same reports, or
the grouped rule would answer for a report what was asked of another. The
second is checked on the events of every test story, so that a change to
``strictly_same_event`` that reads something the signature leaves out fails
here.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.chronology import compatible_dates
from timeline.event_identity import strict_signature, strictly_same_event
from timeline.event_reports import DateIndex
from timeline.extract import extract_article
from timeline.ingest import read_article
from timeline.models import DateValue, Precision

DAY0 = date(2031, 3, 1)
STORIES = sorted(p for p in (Path(__file__).parent / "stories").iterdir() if p.is_dir())


def span(offset: int, width: int) -> DateValue:
    start = DAY0 + timedelta(days=offset)
    return DateValue(text="", value=f"{start}/{width}", start=start, end=start + timedelta(days=width), precision=Precision.DAY)


spans = st.builds(span, st.integers(0, 60), st.sampled_from([0, 0, 0, 1, 6, 27, 29, 30, 90, 364]))


@settings(max_examples=300, deadline=None)
@given(st.lists(spans, max_size=40), spans)
def test_the_index_gives_exactly_the_compatible_spans_once_each(held, asked):
    index = DateIndex((value.start, value.end, number) for number, value in enumerate(held))
    found = list(index.compatible(asked.start, asked.end))
    assert sorted(found) == [number for number, value in enumerate(held) if compatible_dates(value, asked)]


def test_an_open_span_is_compatible_with_nothing():
    index = DateIndex([(DAY0, None, "open"), (DAY0, DAY0, "day")])
    assert list(index.compatible(DAY0, DAY0)) == ["day"]
    assert list(index.compatible(DAY0, None)) == []


def test_a_day_finds_its_week_and_month_but_not_the_next_day():
    march, week, day, next_day = span(0, 30), span(2, 6), span(4, 0), span(5, 0)
    index = DateIndex((v.start, v.end, name) for name, v in [("march", march), ("week", week), ("day", day), ("next day", next_day)])
    assert sorted(index.compatible(day.start, day.end)) == ["day", "march", "week"]
    assert sorted(index.compatible(week.start, week.end)) == ["day", "march", "next day", "week"]


def test_reports_alike_in_signature_are_the_same_event_to_the_same_reports(ruleset):
    """Over the events of every test story together: each report and the first report of its signature."""
    events = [
        claim
        for story in STORIES
        for path in sorted(story.glob("*.txt"))
        for claim in extract_article(read_article(path, ruleset.boilerplate), ruleset).claims
        if claim.kind == "event" and claim.action
    ]
    first: dict = {}
    alike = [(first.setdefault(strict_signature(event), event), event) for event in events]
    alike = [(a, b) for a, b in alike if a is not b]
    assert len(alike) >= 10, "the stories repeat some reports: the test must meet them"
    for a, b in alike:
        for other in events:
            assert strictly_same_event(a, other) == strictly_same_event(b, other), (a.text, b.text, other.text)
