"""Claims share their pydantic fields sets: same content, one object, and copies never write through."""

from __future__ import annotations

import pickle
from pathlib import Path

from timeline.extract import extract_claims
from timeline.ingest import Boilerplate, read_article
from timeline.models import FigureClaim
from timeline.ruleset import load_ruleset

STORY = Path(__file__).parent / "stories" / "river-flood"


def _claims():
    ruleset = load_ruleset()
    return [claim for path in sorted(STORY.glob("*.txt")) for claim in extract_claims(read_article(path, Boilerplate()), ruleset)]


def test_claims_given_the_same_fields_share_one_set():
    claims = _claims()
    by_content: dict[frozenset, set[int]] = {}
    for claim in claims:
        for model in (claim, claim.provenance):
            by_content.setdefault(frozenset(model.model_fields_set), set()).add(id(model.model_fields_set))
    assert len(claims) > 50
    assert all(len(objects) == 1 for objects in by_content.values()), by_content


def test_a_copy_with_an_update_leaves_the_shared_set_alone():
    figure = next(c for c in _claims() if isinstance(c, FigureClaim) and c.key is not None)
    before = set(figure.key.model_fields_set)
    renamed = figure.key.model_copy(update={"subject": "Another town"})
    assert renamed.subject == "Another town" and figure.key.subject != "Another town"
    assert figure.key.model_fields_set == before
    assert renamed.model_fields_set is not figure.key.model_fields_set


def test_a_claim_from_a_worker_process_shares_too():
    claim = _claims()[0]
    returned = pickle.loads(pickle.dumps(claim))
    assert returned == claim
    assert returned.model_fields_set is claim.model_fields_set
