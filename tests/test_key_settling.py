"""Subject contrasts in key settling: the n log n sweep finds exactly the subjects the pairwise definition does."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.key_settling import _contrasts, _same_time
from timeline.models import DateValue, Precision

DAY0 = date(2031, 5, 1)


def _pairwise_contrasts(items) -> set[str]:
    """The definition: subjects with a claim that meets a claim of another subject, every pair tried."""
    found: set[str] = set()
    for index, (subject, claim) in enumerate(items):
        for other, other_claim in items[index + 1 :]:
            if other != subject and _same_time(claim, other_claim):
                found |= {subject, other}
    return found


@dataclass(frozen=True)
class Dated:
    """All that contrast-finding reads of a figure claim: the period it speaks of."""

    as_of: DateValue | None


def _period(offset: int | None, length: int | None) -> DateValue | None:
    if offset is None:
        return None  # a claim with no known time
    start = DAY0 + timedelta(days=offset)
    end = None if length is None else start + timedelta(days=length)  # None: open-ended, runs on
    return DateValue(text="t", value=start.isoformat(), start=start, end=end, precision=Precision.DAY)


periods = st.builds(_period, st.one_of(st.none(), st.integers(0, 40)), st.one_of(st.none(), st.integers(0, 10)))
items = st.lists(st.tuples(st.sampled_from(["Rampal", "Sirsala", "Kotri", "Dhoraghat"]), periods.map(Dated)), max_size=14)


@settings(max_examples=400, deadline=None)
@given(items)
def test_sweep_finds_the_pairwise_contrasts(claims):
    assert _contrasts(claims) == _pairwise_contrasts(claims)


CASES = [
    # (subject, start offset, length) per claim, and the subjects that contrast
    ([("Rampal", 0, 0), ("Sirsala", 0, 0)], {"Rampal", "Sirsala"}),  # one day, two towns: both
    ([("Rampal", 0, 0), ("Sirsala", 1, 0)], set()),  # different days: neither
    ([("Rampal", 0, 5), ("Sirsala", 5, 0), ("Kotri", 100, 0)], {"Rampal", "Sirsala"}),  # Kotri's is history
    ([("Rampal", 0, 0), ("Rampal", 0, 0)], set()),  # one subject never contrasts with itself
    ([("Kotri", 0, 0), ("Rampal", 0, 50), ("Sirsala", 30, 0)], {"Kotri", "Rampal", "Sirsala"}),  # a long span meets both
]


def test_contrast_cases():
    for spans, expected in CASES:
        claims = [(subject, Dated(_period(offset, length))) for subject, offset, length in spans]
        assert _contrasts(claims) == expected, spans
        assert _pairwise_contrasts(claims) == expected, spans


def test_an_undated_claim_meets_every_subject():
    claims = [("Rampal", Dated(None)), ("Sirsala", Dated(_period(3, 0))), ("Kotri", Dated(_period(90, 0)))]
    assert _contrasts(claims) == {"Rampal", "Sirsala", "Kotri"}
