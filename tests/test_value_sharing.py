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


def value_objects(claims) -> dict:
    """Each date value and key the claims hold, with the ids of the objects holding it."""
    objects = defaultdict(set)
    for claim in claims:
        for value in held_values(claim):
            if value is not None:
                objects[value].add(id(value))
    return objects


@pytest.mark.parametrize("story", STORIES, ids=[s.name for s in STORIES])
def test_equal_dates_and_keys_are_one_object_across_a_story(story):
    claims = [c for path in sorted(story.glob("*.txt")) for c in extract_claims(read_article(path, RULES.boilerplate), RULES)]
    objects = value_objects(claims)
    repeated = [value for value in objects if sum(value == v for c in claims for v in held_values(c)) > 1]
    assert repeated, "a story states some date or quantity more than once"
    assert all(len(ids) == 1 for ids in objects.values())
    for claim in claims:
        adapter = TypeAdapter(type(claim))
        assert adapter.validate_json(adapter.dump_json(claim)) == claim


@pytest.mark.parametrize("story", STORIES[:4], ids=[s.name for s in STORIES[:4]])
def test_claims_read_back_from_json_share_values_as_extracted_ones_do(story):
    """A warm run reads every claim back from the cache's JSON: equal values, dates, paths and quotes become one object each."""
    from timeline.claims_cache import Entry
    from timeline.extract.sharing import share_read_back

    for path in sorted(story.glob("*.txt")):
        article = read_article(path, RULES.boilerplate)
        extracted = extract_claims(article, RULES)
        entry = Entry.model_validate_json(Entry.model_construct(article=article, claims=extracted, warnings=[]).model_dump_json())
        before = [TypeAdapter(type(c)).dump_json(c) for c in entry.claims]
        share_read_back(entry.claims)
        assert [TypeAdapter(type(c)).dump_json(c) for c in entry.claims] == before
        assert entry.claims == extracted
        for field in ("quote", "path"):
            by_text = defaultdict(set)
            for claim in entry.claims:
                by_text[getattr(claim.provenance, field)].add(id(getattr(claim.provenance, field)))
            assert all(len(ids) == 1 for ids in by_text.values())
        published = {id(c.published) for c in entry.claims if c.published is not None}
        assert len(published) <= 1
        assert all(len(ids) == 1 for ids in value_objects(entry.claims).values())


@pytest.mark.parametrize("story", STORIES[:4], ids=[s.name for s in STORIES[:4]])
def test_equal_short_texts_of_claims_are_one_string_across_a_story(story):
    """Subjects, nouns, titles and texts repeat across a story's claims: each distinct one is held once."""
    from timeline.extract.sharing import _string_fields

    claims = [c for path in sorted(story.glob("*.txt")) for c in extract_claims(read_article(path, RULES.boilerplate), RULES)]
    records = [r for c in claims for r in (c, getattr(c, "value", None), getattr(c, "key", None)) if r is not None]
    by_text = string_objects(claims)
    assert sum(1 for record in records for name in _string_fields(type(record)) if getattr(record, name) is not None) > len(by_text)
    assert all(len(ids) == 1 for ids in by_text.values())


def string_objects(claims) -> dict[str, set[int]]:
    """Each short text the claims, their values and their keys hold, with the ids of the string objects holding it."""
    from timeline.extract.sharing import _string_fields

    by_text = defaultdict(set)
    for record in (r for c in claims for r in (c, getattr(c, "value", None), getattr(c, "key", None)) if r is not None):
        for name in _string_fields(type(record)):
            text = getattr(record, name)
            if text is not None:
                by_text[text].add(id(text))
    return by_text


@pytest.mark.parametrize("story", STORIES[:4], ids=[s.name for s in STORIES[:4]])
def test_equal_short_texts_read_back_from_one_entry_are_one_string(story):
    """``share_read_back`` leaves short texts alone: pydantic's JSON parser gives equal ones of an entry one object (``cache_strings``).

    Its cache is a table of 16,384 slots under a hash seeded afresh in each
    process, and once earlier tests have filled it, a text can lose its slot
    to another between two of its uses: now and then one text in a hundred
    is read as two objects (a CI run met one). What the choice rests on is
    that nearly every one is shared, which is what is held here.
    """
    from timeline.claims_cache import Entry

    for path in sorted(story.glob("*.txt")):
        article = read_article(path, RULES.boilerplate)
        entry = Entry.model_validate_json(Entry.model_construct(article=article, claims=extract_claims(article, RULES), warnings=[]).model_dump_json())
        by_text = string_objects(entry.claims)
        short = [text for text in by_text if len(text) <= 64]
        apart = [text for text in short if len(by_text[text]) > 1]
        assert len(short) >= 10 and len(apart) <= len(short) // 20, (path.name, apart)


def test_the_sharing_table_is_emptied_once_a_run_has_read_its_articles(tmp_path, monkeypatch):
    """The claims keep their shared values and texts; the tables that found them are not kept for the rest of the run."""
    from timeline.cli.common import load_run
    from timeline.extract import sharing

    monkeypatch.chdir(tmp_path)  # no settings but the defaults; the cache goes here
    run = load_run((STORIES[0],), None, quiet=True)
    assert not sharing._SEEN and not sharing._TEXTS
    assert all(len(ids) == 1 for text, ids in string_objects(run.corpus.claims).items() if len(text) <= 64)
    by_value = value_objects(run.corpus.claims)
    assert by_value and all(len(ids) == 1 for ids in by_value.values())


@pytest.mark.parametrize("checked", [False, True], ids=["every-claim", "as-check-keeps"])
def test_a_warm_run_shares_the_values_of_the_claims_it_keeps(tmp_path, monkeypatch, checked):
    """Claims read back from the cache, or from claims lines, are given shared values once the run has kept what it
    needs of them."""
    from timeline.cli.common import load_run
    from timeline.engine import ArticleChecks
    from timeline.ruleset import load_ruleset

    monkeypatch.chdir(tmp_path)
    checks = lambda: ArticleChecks(load_ruleset(), also_kept=("figure",), count_unkeyed=True) if checked else None  # noqa: E731
    cold = load_run((STORIES[0],), None, quiet=True, checks=checks())
    warm = load_run((STORIES[0],), None, quiet=True, checks=checks())
    assert any((tmp_path / ".timeline-cache").iterdir())
    assert [claim.provenance for claim in warm.corpus.claims] == [claim.provenance for claim in cold.corpus.claims]
    lines = tmp_path / "claims.jsonl"
    lines.write_text("".join(entry.model_dump_json() + "\n" for entry in load_run((STORIES[0],), None, quiet=True, keep_bodies=True).entries))
    from_lines = load_run((), None, quiet=True, claims_from=lines, checks=checks())
    assert [claim.provenance for claim in from_lines.corpus.claims] == [claim.provenance for claim in cold.corpus.claims]
    assert all(len(ids) == 1 for ids in value_objects(from_lines.corpus.claims).values())
    by_value = value_objects(warm.corpus.claims)
    assert by_value and all(len(ids) == 1 for ids in by_value.values())
