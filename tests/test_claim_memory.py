"""Claims are slotted records: no per-instance dict, equal after a trip through a worker process; findings share pydantic's fields sets.

``models.py`` keeps claims and the values they hold as frozen, slotted
dataclasses (measured by ``bench/bench_claim_records.py``: about a quarter of
the memory of pydantic models), and the few pydantic models the rules make
(findings, statements, timeline entries) share one fields set per
combination of fields given.
"""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from timeline.extract import extract_claims
from timeline.ingest import Boilerplate, read_article
from timeline.models import DateValue, Finding, FigureClaim, FigureValue, Provenance, QuantityKey, Severity
from timeline.ruleset import load_ruleset

STORY = Path(__file__).parent / "stories" / "river-flood"


def _claims():
    ruleset = load_ruleset()
    return [claim for path in sorted(STORY.glob("*.txt")) for claim in extract_claims(read_article(path, Boilerplate()), ruleset)]


def test_claims_and_their_values_have_no_instance_dict():
    claims = _claims()
    assert len(claims) > 50
    held = [claim.provenance for claim in claims] + [claim.key for claim in claims if isinstance(claim, FigureClaim) and claim.key]
    for thing in claims + held:
        assert not hasattr(thing, "__dict__"), type(thing).__name__
        assert dataclasses.is_dataclass(thing)


def test_records_are_immutable_and_a_replaced_copy_leaves_the_original():
    figure = next(c for c in _claims() if isinstance(c, FigureClaim) and c.key is not None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        figure.key.subject = "Another town"  # type: ignore[misc]
    renamed = dataclasses.replace(figure.key, subject="Another town")
    assert renamed.subject == "Another town" and figure.key.subject != "Another town"
    assert renamed.measure == figure.key.measure


@pytest.mark.parametrize(
    ("made", "field", "expected"),
    [
        (lambda: FigureValue(text="40", low=40, high=40, unit="count"), "low", 40.0),  # what pydantic made of an int, the record makes too
        (lambda: QuantityKey(subject=None, measure="deaths", kind="level", unit="count", modifiers=["y/y"]), "modifiers", ("y/y",)),
        (lambda: DateValue(text="2025", value="2025", start=None, end=None, precision="year"), "precision", "year"),
    ],
)
def test_records_convert_what_validation_used_to(made, field, expected):
    value = getattr(made(), field)
    assert value == expected and type(value) is type(expected) or value.value == expected


def test_a_claim_from_a_worker_process_is_equal():
    for claim in _claims()[:40]:
        returned = pickle.loads(pickle.dumps(claim))
        assert returned == claim and hash(returned) == hash(claim)


def test_findings_given_the_same_fields_share_one_set():
    where = Provenance(path="a.md", line=1, column=1, quote="")
    first = Finding(rule="r", severity=Severity.ERROR, subject=None, message="one", location=where)
    second = Finding(rule="r", severity=Severity.ERROR, subject=None, message="two", location=where)
    assert first.model_fields_set == second.model_fields_set and first.model_fields_set is second.model_fields_set
