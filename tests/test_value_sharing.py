"""Claims that hold equal date values or equal figure keys hold one shared object, and nothing else changes.

``extract/sharing.py`` keeps one instance of each distinct date value and
figure key for the run. Read across a whole story (several articles, so the
sharing spans articles), every group of equal values must be one object, and
each claim must come back equal from its own JSON.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from timeline.extract import extract_claims
from timeline.ingest import read_article
from timeline.models import DateClaim, EventClaim, FigureClaim, StatusClaim
from timeline.ruleset import load_ruleset

RULES = load_ruleset()
STORIES = sorted(p for p in (Path(__file__).resolve().parent / "stories").iterdir() if p.is_dir())


def held_values(claim):
    """The date values and keys a claim holds, by field."""
    if isinstance(claim, DateClaim):
        return [claim.date]
    if isinstance(claim, EventClaim):
        return [claim.date]
    if isinstance(claim, StatusClaim):
        return [claim.as_of]
    if isinstance(claim, FigureClaim):
        return [claim.as_of, claim.key]
    return []


@pytest.mark.parametrize("story", STORIES, ids=[s.name for s in STORIES])
def test_equal_dates_and_keys_are_one_object_across_a_story(story):
    claims = [c for path in sorted(story.glob("*.txt")) for c in extract_claims(read_article(path, RULES.boilerplate), RULES)]
    objects = defaultdict(set)
    for claim in claims:
        for value in held_values(claim):
            if value is not None:
                objects[value].add(id(value))
    repeated = [value for value in objects if sum(value == v for c in claims for v in held_values(c)) > 1]
    assert repeated, "a story states some date or quantity more than once"
    assert all(len(ids) == 1 for ids in objects.values())
    for claim in claims:
        adapter = TypeAdapter(type(claim))
        assert adapter.validate_json(adapter.dump_json(claim)) == claim
