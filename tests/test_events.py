"""Clause events and timeline merging, table-driven from sentences written for the suite."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.chronology import build_timeline
from timeline.extract import extract_claims
from timeline.models import Article, EventClaim
from timeline.ruleset import load_ruleset

HERE = Path(__file__).parent
EVENT_CASES = yaml.safe_load((HERE / "extract" / "event_cases.yaml").read_text(encoding="utf-8"))
MERGE_CASES = yaml.safe_load((HERE / "merge_cases.yaml").read_text(encoding="utf-8"))
RULES = load_ruleset()


def events_of(text: str, published, path: str = "a.txt") -> list[EventClaim]:
    published = published if isinstance(published, date) else date.fromisoformat(published)
    article = Article(path=path, body=text, published=published)
    return [c for c in extract_claims(article, RULES) if isinstance(c, EventClaim)]


def dated(events: list[EventClaim]) -> list[EventClaim]:
    return [e for e in events if e.date and e.date.resolved]


@pytest.mark.parametrize("case", EVENT_CASES, ids=[c["id"] for c in EVENT_CASES])
def test_event_case(case):
    events = dated(events_of(case["text"], case["published"]))
    if case.get("event") is False:
        assert events == [], [e.title for e in events]
        return
    candidates = [e for e in events if e.title == case["title"]] if "title" in case else [e for e in events if e.action == case.get("action")]
    assert candidates, f"expected {case.get('title') or case.get('action')!r}, got {[(e.title, e.action) for e in events]}"
    event = candidates[0]
    assert not [e.title for e in events if e.action in case.get("not_actions", [])]
    for field in ("actor", "action"):
        if field in case:
            assert getattr(event, field) == case[field], field
    if "date" in case:
        assert event.date.value == case["date"]


@pytest.mark.parametrize("case", MERGE_CASES, ids=[c["id"] for c in MERGE_CASES])
def test_merge_case(case):
    events = dated(events_of(case["a"]["text"], case["a"]["published"], "a.txt")) + dated(events_of(case["b"]["text"], case["b"]["published"], "b.txt"))
    assert {e.provenance.path for e in events} == {"a.txt", "b.txt"}, [(e.provenance.path, e.title) for e in events]
    rows = build_timeline(events)
    together = any({s.provenance.path for s in row.sources} == {"a.txt", "b.txt"} for row in rows)
    assert together is case["merged"], [(row.date.value, row.title, [s.provenance.path for s in row.sources]) for row in rows]


def test_merged_row_keeps_the_most_precise_date():
    case = next(c for c in MERGE_CASES if c["id"] == "day-joins-the-month-that-contains-it")
    events = dated(events_of(case["a"]["text"], case["a"]["published"], "a.txt")) + dated(events_of(case["b"]["text"], case["b"]["published"], "b.txt"))
    [row] = build_timeline(events)
    assert row.date.value == "2026-04-04" and len(row.sources) == 2


salad = st.lists(
    st.sampled_from(
        ["The", "ferry", "Corran", "Star", ",", "which", "that", "who", "capsized", "was", "arrested", "on", "Monday", "May", "4", "its", "closure",
         "reopening", "has", "been", "postponed", "to", "late", "June", "more", "than", "200", "people", "and", "as", "since", "when", "the", "city",
         "said", "announcing", "expected", "will", "not", "until", "Thursday's", "derailment", "of", ".", "this", "time", "every", "school", "shut"]
    ),
    max_size=30,
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(salad, min_size=1, max_size=3))
def test_any_word_salad_gives_well_formed_claims(sentences):
    """Whatever the text, extraction ends, and every event has a title and a quote from its own line."""
    body = "\n\n".join(" ".join(words) for words in sentences)
    for event in events_of(body, "2026-05-06"):
        assert event.title.strip() and event.provenance.quote.strip()
        assert event.text.strip() in body


def test_a_row_of_a_plan_and_its_happening_takes_the_happenings_title():
    """The row is dated when it happened, so its title says it did: "Ferry sailings resume", not "... to resume"."""
    planned = dated(events_of("Ferry sailings to Corran Island are expected to resume on May 4, 2026.", "2026-05-01", "a.txt"))
    done = dated(events_of("Ferry sailings to Corran Island resumed on May 4, 2026.", "2026-05-05", "b.txt"))
    [row] = build_timeline(planned + done)
    assert [s.provenance.path for s in row.sources] == ["a.txt", "b.txt"]
    assert row.title == "Ferry sailings resume"
