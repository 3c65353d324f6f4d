"""Claims are records built without pydantic's validation; every value in them must still be of its declared type.

``extract`` makes claims and their values as slotted records (see
``models.py``): every value comes from a parser that already made it of the
right type, and nothing validates it again. Here every field of each claim
read from the sample corpus and from our own story articles, nested records
included, is checked against its declared type by pydantic in strict mode (no
list for a tuple, no text for a precision or a date), and a float must be a
float (strict mode lets an int pass, but it would print as ``40`` instead of
``40.0``). Each claim must also come back equal, and print the same, after a
trip through JSON, as it does through the cache and ``claims --format jsonl``.
"""

from __future__ import annotations

import dataclasses
import typing
from functools import lru_cache
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from timeline.extract import extract_claims
from timeline.ingest import read_article
from timeline.models import Claim
from timeline.ruleset import load_ruleset

RULES = load_ruleset()
ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "stories").glob("*/*.txt"))
CLAIM = TypeAdapter(Claim)


@lru_cache(maxsize=None)
def adapter(annotation: object) -> TypeAdapter:
    return TypeAdapter(annotation)


def assert_typed(record: object) -> None:
    hints = typing.get_type_hints(type(record))
    for field in dataclasses.fields(record):
        value, annotation = getattr(record, field.name), hints[field.name]
        if dataclasses.is_dataclass(value):
            assert_typed(value)
            continue
        adapter(annotation).validate_python(value, strict=True)
        if float in typing.get_args(annotation) or annotation is float:
            assert value is None or type(value) is float, (type(record).__name__, field.name, value)


@pytest.mark.parametrize("path", ARTICLES, ids=[f"{p.parent.name}/{p.name}" for p in ARTICLES])
def test_every_claim_holds_values_of_its_declared_types(path):
    claims = extract_claims(read_article(path, RULES.boilerplate), RULES)
    assert claims
    for claim in claims:
        assert_typed(claim)
        dumped = CLAIM.dump_json(claim)
        again = CLAIM.validate_json(dumped)
        assert again == claim and CLAIM.dump_json(again) == dumped, claim
