"""Benchmark: what a claim costs as a pydantic model and as a slotted record holding the same values.

Run by hand (never from the test suite). Usage::

    python bench/bench_claim_records.py [--size 300]

Issue 11 asks whether claims should stay pydantic models built without
validation (``model_construct``, as extraction builds them now) or be kept as
lightweight records inside the pipeline and turned into models only at the
edges (schema, JSON, cache). This reads N synthetic articles
(``bench/synthetic_corpus.py``), then copies every claim both ways, nested
values included: as pydantic models with the same fields (on ``Frozen``, so
with its shared fields sets) built with ``model_construct``, and as slotted
dataclasses like the ones ``models.py`` now uses. Both copies keep the same
leaf values (strings, numbers, dates) and the same sharing (a date value
shared by several claims stays shared), so the difference is the containers
alone. It prints the bytes per claim (traced by ``tracemalloc``) and the time
to build one, and projects both to the 491,186 claims of the 10,000-article
benchmark.
"""

from __future__ import annotations

import argparse
import dataclasses
import time
import tracemalloc
from pathlib import Path

from typing import Any

from pydantic import create_model

from synthetic_corpus import generate
from timeline.config import Settings
from timeline.models import Frozen
from timeline.reading import Reader
from timeline.ruleset import load_ruleset

CLAIMS_AT_10K = 491_186


def twin(record: type, as_records: bool, made: dict[tuple[type, bool], type] = {}) -> type:  # noqa: B006 - one twin per type, for the run
    """A type with the record's fields, in order: a frozen slotted dataclass, or a pydantic model on ``Frozen``."""
    if (record, as_records) not in made:
        names = [field.name for field in dataclasses.fields(record)]
        made[record, as_records] = (
            dataclasses.make_dataclass(f"{record.__name__}Record", names, frozen=True, slots=True)
            if as_records
            else create_model(f"{record.__name__}Model", __base__=Frozen, **{name: (Any, None) for name in names})
        )
    return made[record, as_records]


def copier(as_records: bool):
    """A function copying a value: records (and tuples of them) rebuilt one way, leaves kept, sharing kept."""
    seen: dict[int, object] = {}

    def copy(value: object) -> object:
        if dataclasses.is_dataclass(value):
            if id(value) not in seen:
                fields = {field.name: copy(getattr(value, field.name)) for field in dataclasses.fields(value)}
                made = twin(type(value), as_records)
                seen[id(value)] = made(**fields) if as_records else made.model_construct(**fields)
            return seen[id(value)]
        if isinstance(value, tuple) and any(dataclasses.is_dataclass(item) for item in value):
            return tuple(copy(item) for item in value)
        return value

    return copy


def measure(claims: list, as_records: bool) -> tuple[float, float]:
    """Bytes traced per claim, and microseconds to build one (best of three)."""
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = [copier(as_records)(claim) for claim in claims]
    size = (tracemalloc.get_traced_memory()[0] - before) / len(claims)
    tracemalloc.stop()
    del kept
    best = float("inf")
    for _ in range(3):
        copy = copier(as_records)
        started = time.perf_counter()
        for claim in claims:
            copy(claim)
        best = min(best, time.perf_counter() - started)
    return size, best / len(claims) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=300)
    args = parser.parse_args()
    reader = Reader(load_ruleset(), Settings())
    articles, _ = generate(args.size)
    claims = [claim for article in articles for claim in reader.read(Path(article.name), article.text.encode("utf-8")).claims]
    print(f"{len(claims):,} claims from {args.size} synthetic articles; containers only (leaf values shared by both copies)")
    print(f"{'claims as':24} {'bytes/claim':>12} {'build us/claim':>15} {'MB at 10k articles':>19}")
    for label, as_records in (("pydantic model_construct", False), ("slotted dataclass", True)):
        size, micros = measure(claims, as_records)
        print(f"{label:24} {size:12.0f} {micros:15.1f} {size * CLAIMS_AT_10K / 1e6:19.0f}")


if __name__ == "__main__":
    main()
