"""Claims are built without pydantic's validation on the hot path; they must still be valid models.

``extract`` makes claims and their provenance with ``model_construct``: every
value comes from a parser that already made it of the right type, and
validating it again cost about 5% of extraction. Here each claim read from the
sample corpus and from our own story articles is validated from its own dump,
strictly, and must come back equal, with the same fields given: a value of the
wrong type would fail or differ.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.extract import extract_claims
from timeline.ingest import read_article
from timeline.ruleset import load_ruleset

RULES = load_ruleset()
ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "stories").glob("*/*.txt"))


@pytest.mark.parametrize("path", ARTICLES, ids=[f"{p.parent.name}/{p.name}" for p in ARTICLES])
def test_every_claim_is_what_validation_would_have_built(path):
    claims = extract_claims(read_article(path, RULES.boilerplate), RULES)
    assert claims
    for claim in claims:
        rebuilt = type(claim).model_validate(claim.model_dump(), strict=True)
        assert rebuilt == claim, claim
        assert rebuilt.provenance.model_fields_set == claim.provenance.model_fields_set
