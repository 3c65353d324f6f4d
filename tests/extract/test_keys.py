"""Figure keys: a table of invented sentences from several stories and the key each figure must get."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract import extract_claims
from timeline.models import Article, FigureClaim

TABLE = yaml.safe_load((Path(__file__).parent / "key_cases.yaml").read_text(encoding="utf-8"))
CASES, PAIRS = TABLE["cases"], TABLE["pairs"]


def figure_over(text: str, find: str, ruleset) -> FigureClaim:
    at = text.index(find)
    claims = [c for c in extract_claims(Article(path="case.txt", body=text), ruleset) if isinstance(c, FigureClaim)]
    found = [c for c in claims if c.provenance.column - 1 < at + len(find) and at < c.provenance.column - 1 + len(c.text)]
    assert len(found) == 1, f"expected one figure over {find!r}, found {[c.text for c in found]}"
    return found[0]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_key_case(case, ruleset):
    claim = figure_over(case["text"], case["find"], ruleset)
    if case.get("key") == "none":
        assert claim.key is None, claim.key
        return
    assert claim.key is not None, f"{case['find']!r} got no key"
    for field in ("measure", "kind", "subject", "source"):
        if field in case:
            assert getattr(claim.key, field) == case[field], (field, claim.key)
    if "modifiers" in case:
        assert list(claim.key.modifiers) == case["modifiers"]


@pytest.mark.parametrize("pair", PAIRS, ids=[p["id"] for p in PAIRS])
def test_key_pair(pair, ruleset):
    a = figure_over(pair["a"]["text"], pair["a"]["find"], ruleset)
    b = figure_over(pair["b"]["text"], pair["b"]["find"], ruleset)
    assert a.key is not None and b.key is not None
    assert (a.key.id == b.key.id) == pair["same"], (a.key.id, b.key.id)


def test_the_table_spans_several_stories():
    assert len(CASES) >= 30 and len(PAIRS) >= 15
    assert sum(1 for p in PAIRS if not p["same"]) >= 8


news_words = st.sampled_from(
    [
        "The", "the", "death", "toll", "rose", "to", "41", "on", "Tuesday", ",", ".", "Marlow", "County", "said", "of", "which",
        "₹500", "crore", "for", "roads", "and", "people", "were", "killed", "in", "Kelby", "district", "at", "least", "12",
        "not", "61", "revised", "since", "Monday", "'s", "its", "share", "90%", "a", "year", "earlier", "from", "when",
        "Okafor", "won", "votes", "against", "by", "8,560", "so", "far", "(", ")", "—", "with", "$4.5bn", "revenue",
    ]
)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(news_words, max_size=40))
def test_any_news_like_sentence_gets_well_formed_keys(words, ruleset):
    """Reading keys never raises, and every key names a measure, a kind and the figure's own unit."""
    from datetime import date

    text = " ".join(words)
    for claim in extract_claims(Article(path="case.txt", body=text, published=date(2026, 3, 14)), ruleset):
        if isinstance(claim, FigureClaim) and claim.key is not None:
            assert claim.key.measure and claim.key.kind in {"level", "share", "change", "rank", "part", "per-unit"}
            assert claim.key.unit == claim.value.unit
