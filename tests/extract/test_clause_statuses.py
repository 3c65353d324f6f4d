"""Statuses from any clause: the state a clause gives a thing, and the key it is filed under."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from timeline.extract import extract_claims
from timeline.models import Article, StatusClaim
from timeline.rule_types.status_timeline import settle
from timeline.ruleset import load_ruleset

CASES = yaml.safe_load((Path(__file__).parent / "status_cases.yaml").read_text(encoding="utf-8"))
RULES = load_ruleset()


def statuses(text: str) -> list[StatusClaim]:
    article = Article(path="case.txt", body=text, published=date(2026, 3, 20))
    return [c for c in extract_claims(article, RULES) if isinstance(c, StatusClaim) and c.source == "clause"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_status_case(case):
    found = statuses(case["text"])
    read = [(c.subject, c.state) for c in found]
    for expected in case.get("expect", []):
        assert any(set(expected["key"]) <= set(subject.lower().split()) and state == expected["state"] for subject, state in read), read
    for word in case.get("absent", []):
        assert not any(word in subject.lower().split() for subject, _ in read), read


def test_the_paragraph_key_does_not_cross_a_paragraph():
    found = statuses("The launch of the Kestrel-2 satellite was planned for May 2.\n\nIt was later postponed.")
    assert all(c.state != "postponed" for c in found)


def test_a_key_joins_the_only_longer_key_holding_its_words():
    assert settle(["launch", "satellite launch", "Kestrel-2 satellite launch"]) == {
        "launch": "Kestrel-2 satellite launch", "satellite launch": "Kestrel-2 satellite launch",
        "Kestrel-2 satellite launch": "Kestrel-2 satellite launch",
    }  # fmt: skip
    two = settle(["satellite launch", "Kestrel-2 satellite launch", "Osprey satellite launch"])
    assert two["satellite launch"] == "satellite launch"


def test_as_of_is_the_report_for_a_plan_and_the_stated_day_for_a_done_action():
    [planned] = statuses("The Kestrel-2 satellite launch is expected to take place on March 27.")
    [done] = statuses("The satellite was launched on March 12.")
    assert (planned.as_of.value, done.as_of.value) == ("2026-03-20", "2026-03-12")


def test_a_gerund_before_the_head_does_not_tell_keys_apart():
    settled = settle(["building work", "stadium work", "work"])
    assert set(settled.values()) == {"stadium work"}  # "building work resumed" meets "all work on the stadium is on hold"
    assert set(settle(["opening match", "match"]).values()) == {"opening match"}


def test_a_key_never_joins_one_that_places_its_thing_in_a_series():
    settled = settle(["compensation", "compensation round", "compensation second round"])
    assert settled["compensation"] == "compensation round"  # a bare noun joins the only key naming it
    assert settled["compensation round"] == "compensation round"
    assert settled["compensation second round"] == "compensation second round"


def test_only_a_bare_noun_joins_a_key_with_another_head():
    assert settle(["stadium work", "stadium work start"])["stadium work"] == "stadium work"


def test_a_gerund_that_is_the_thing_of_an_action_key_tells_keys_apart():
    """ "funding approve": the funding is what was approved, so it never joins another thing's approval."""
    settled = settle(["funding approve", "tram depot funding approve", "launch date approve"])
    assert settled["funding approve"] == "tram depot funding approve"
    assert settled["launch date approve"] == "launch date approve"
    assert set(settle(["building work", "depot work"]).values()) == {"depot work"}  # a gerund before a noun head still does not
