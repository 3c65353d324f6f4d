"""Figure layer: a table of sentences with the interval, unit and attachment each figure must get."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract import extract_claims
from timeline.extract.figures import find_figures
from timeline.models import Article, FigureClaim

CASES = yaml.safe_load((Path(__file__).parent / "figure_cases.yaml").read_text(encoding="utf-8"))


def figures_over(text: str, find: str, ruleset) -> list[FigureClaim]:
    article = Article(path="case.txt", body=text)
    at = text.index(find)
    lines = text.split("\n")

    def offset(claim: FigureClaim) -> int:
        return sum(len(line) + 1 for line in lines[: claim.provenance.line - 1]) + claim.provenance.column - 1

    claims = [c for c in extract_claims(article, ruleset) if isinstance(c, FigureClaim)]
    return [c for c in claims if offset(c) < at + len(find) and at < offset(c) + len(c.text)]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_figure_case(case, ruleset):
    found = figures_over(case["text"], case["find"], ruleset)
    if case.get("expect") == "none":
        assert found == [], f"{case['find']!r} read as {[c.text for c in found]}"
        return
    assert len(found) == 1, f"expected one figure over {case['find']!r}, found {[c.text for c in found]}"
    claim = found[0]
    value = claim.value
    assert (value.low, value.high) == (pytest.approx(case["low"]) if case["low"] is not None else None, pytest.approx(case["high"]) if case["high"] is not None else None)
    assert (value.low_open, value.high_open) == (case["low_open"], case["high_open"])
    assert value.unit == case["unit"]
    assert value.qualifier == case["qualifier"]
    for field in ("change", "whole", "per", "noun"):
        if field in case:
            expected = case[field]
            assert getattr(value, field) == (pytest.approx(expected) if field == "whole" and expected is not None else expected), field
    if "standing" in case:
        assert claim.standing == case["standing"], "standing"
    if "metric" in case:
        assert claim.metric == case["metric"]
    if "subject" in case:
        assert claim.subject == case["subject"]


def test_table_is_large_and_covers_the_seeds():
    assert len(CASES) >= 400
    assert len({c["id"] for c in CASES}) == len(CASES), "case ids must be unique"
    assert sum(1 for c in CASES if c["id"].startswith("seed")) >= 20


def test_two_figures_in_one_sentence_get_their_own_metrics(ruleset):
    text = "China is the dominant exporter, controlling over 70% of global REE production and over 90% of refining capacity."
    claims = [c for c in extract_claims(Article(path="a.txt", body=text), ruleset) if isinstance(c, FigureClaim)]
    assert [(c.text, c.subject, c.metric) for c in claims] == [
        ("over 70%", "China", "share-of-global-rare-earth-production"),
        ("over 90%", "China", "share-of-global-rare-earth-processing"),
    ]


def test_as_of_date_comes_from_the_clause_else_the_publication_date(ruleset):
    from datetime import date

    text = "In FY25, magnet imports surged to USD 291 million. Imports averaged USD 249 million a year."
    claims = [c for c in extract_claims(Article(path="a.txt", body=text, published=date(2025, 8, 14)), ruleset) if isinstance(c, FigureClaim)]
    assert [(c.as_of.value, c.as_of_stated) for c in claims] == [("2024-04-01/2025-03-31", True), ("2025-08-14", False)]


figure_words = st.sampled_from(
    ["over", "around", "nearly", "up to", "between", "and", "to", "-", "60", "70", "1,345", "1,25,000", "0.1", "ninety", "seven", "%", "per cent", "₹", "Rs", "USD", "$", "crore", "lakh", "million", "bn", "tonnes", "kt", "executives", "elements", "of", "the", "2025", "FY25", ","]
    + ["rose", "fell", "by", "jumped", "down", "minus", "a", "half", "odd", "-odd", "were", "killed", "toll", "stood at", "no more than", "or more", "or fewer", "but", "below", "above",
       "€", "£", "¥", "C$", "HK$", "yuan", "pounds", "of cocaine", "kg", "lb", "MTPA", "MMT", "(million metric tonnes)", "each", "per", "annum", "a day", "daily",
       "second-largest", "ranked", "fourth", "No. 2", "out of", "14", "25 000", "1\u2009250", "\u202f000", "180", "+", "-3", "decline", "increase", "growth of", "$350M", "3 bln"]
)


@settings(max_examples=600, deadline=None)
@given(words=st.lists(figure_words, max_size=12))
def test_news_like_figures_are_well_formed_intervals(words):
    text = " ".join(words)
    mentions = find_figures(text)
    for mention in mentions:
        value = mention.value
        assert value.text == text[mention.start : mention.end]
        if value.low is not None and value.high is not None:
            assert value.low <= value.high
        if value.unit == "percent" and not value.change:
            assert value.low is not None and 0 <= value.low and (value.high is None or value.high <= 100)
        if value.unit == "rank":
            assert value.low == value.high and value.low >= 1
        if value.whole is not None:
            assert value.unit == "count" and value.whole >= 0
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:])), "mentions overlap"


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200))
def test_arbitrary_text_never_raises(text):
    for mention in find_figures(text):
        assert 0 <= mention.start < mention.end <= len(text)


number_like = st.text(alphabet="0123456789 ,.-%$₹€£¥+\u2009\u202f\u2212aAmMbBkKtTnoflsrupc()", max_size=60)


@settings(max_examples=400, deadline=None)
@given(text=number_like)
def test_number_like_text_never_raises_and_stays_in_bounds(text):
    for mention in find_figures(text):
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.value.text == text[mention.start : mention.end]
        if mention.value.low is not None and mention.value.high is not None:
            assert mention.value.low <= mention.value.high
