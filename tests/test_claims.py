"""`timeline claims --format json`: the public contract other tools read."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def mentions(cli, seeds):
    return cli.json("claims", seeds)["mentions"]


def by(mentions, kind, name, text):
    return next(m for m in mentions if m["kind"] == kind and Path(m["path"]).name.startswith(name) and m["text"] == text)


def test_every_mention_has_the_contract_fields(mentions, seeds):
    assert {m["kind"] for m in mentions} == {"date", "figure", "status", "event"}
    for mention in mentions:
        line = (seeds / Path(mention["path"]).name).read_text(encoding="utf-8").split("\n")[mention["line"] - 1]
        assert line[mention["column"] - 1 :].startswith(mention["text"]), mention
        if mention["kind"] == "date":
            assert {"value", "start", "end", "precision"} <= set(mention)
        if mention["kind"] == "figure":
            assert {"low", "high", "unit", "qualifier", "subject", "metric"} <= set(mention)
        if mention["kind"] == "status":
            assert {"subject", "state"} <= set(mention)


def test_seed_dates_resolve_as_a_reader_would(mentions):
    assert by(mentions, "date", "000", "on Tuesday")["value"] == "2025-06-17"
    january = by(mentions, "date", "001", "January")
    assert (january["value"], january["precision"], january["start"], january["end"]) == ("2025-01", "month", "2025-01-01", "2025-01-31")
    assert by(mentions, "date", "001", "June 17")["value"] == "2025-06-17"
    assert by(mentions, "date", "003", "on Friday")["value"] is None
    assert by(mentions, "date", "004", "last financial year")["value"] == "2024-04-01/2025-03-31"


def test_money_and_the_verb_may_are_not_dates(mentions):
    dates = [m for m in mentions if m["kind"] == "date"]
    assert not any("1,500" in m["text"] or m["text"].lower() == "may" for m in dates)
    assert all(m["value"] is None or m["end"] is None or m["start"] <= m["end"] for m in dates)


def test_figures_in_base_units(mentions):
    scheme = by(mentions, "figure", "003", "Rs 1,345-crore")
    assert (scheme["low"], scheme["high"], scheme["unit"]) == (13_450_000_000, 13_450_000_000, "INR")
    imports = by(mentions, "figure", "004", "over 80%")
    assert (imports["subject"], imports["metric"]) == ("India", "share-of-magnet-imports-from-china")


def test_figures_no_rule_understands_are_still_listed(mentions):
    scale = by(mentions, "figure", "001", "₹3,000 crore to ₹5,000 crore")
    assert scale["metric"] is None and scale["low"] == 30_000_000_000 and scale["high"] == 50_000_000_000


def test_table_lists_the_same_claims(cli, seeds, mentions):
    table = cli("claims", seeds).stdout
    assert len(table.strip().splitlines()) == len(mentions) + 2
