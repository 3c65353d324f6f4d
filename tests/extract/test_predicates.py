"""Clause analysis: the main predicate of a clause with its subject, object, voice and state."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract.predicates import clauses_of, read_predicates
from timeline.ruleset import load_ruleset

CASES = yaml.safe_load((Path(__file__).parent / "predicate_cases.yaml").read_text(encoding="utf-8"))
WORDS = load_ruleset().lexicon.predicates


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_predicate_case(case):
    found = [p for p in read_predicates(case["text"], WORDS) if p.verb == case["verb"]]
    assert found, f"no predicate {case['verb']!r} in {[p.verb for p in read_predicates(case['text'], WORDS)]}"
    predicate = found[0]
    if "state" in case:
        assert predicate.state == case["state"]
    if "passive" in case:
        assert predicate.passive is case["passive"]
    for field in ("subject", "object", "agent"):
        if field in case:
            phrase = getattr(predicate, field)
            assert (phrase.text if phrase else None) == case[field], field


def test_reporting_verb_is_a_clause_boundary():
    [predicate] = read_predicates("The bridge was closed on Tuesday, the collector said.", WORDS)
    assert predicate.verb == "close" and predicate.subject.text == "bridge"


def test_dates_are_never_cut():
    sentence = "The count ended two weeks after the March 3 vote."
    spans = clauses_of(sentence, [(sentence.index("two"), len(sentence) - 1)])
    assert any(s <= sentence.index("after") < e for s, e in spans) and len(spans) == 1


words = st.sampled_from(
    ["The", "council", "approved", "was", "cancelled", "will", "not", "yet", "to", "plan", "on", "Tuesday", ",", "and", "after", "said", "the",
     "strike", "off", "called", "by", "₹900", "crore", "(", ")", ".", "which", "who", "whose", "that", "capsized", "Corran", "Star", "more", "than",
     "at", "least", "since", "as", "when", "announcing", "this", "time", "until", "expected", "reopening", "its", "last"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(words, max_size=14))
def test_any_word_salad_gives_spans_inside_the_sentence(tokens):
    sentence = " ".join(tokens)
    for predicate in read_predicates(sentence, WORDS):
        assert 0 <= predicate.clause[0] <= predicate.start < predicate.end <= predicate.clause[1] <= len(sentence)
        for phrase in (predicate.subject, predicate.object, predicate.agent, predicate.antecedent, predicate.place):
            assert phrase is None or sentence[phrase.start : phrase.end] == phrase.text and phrase.text.strip()


def test_pronoun_subject_stands_for_the_last_subject_of_the_sentence():
    predicates = read_predicates("The ferry has been idle since it ran aground on May 9.", WORDS)
    ran = next(p for p in predicates if p.verb == "run")
    assert ran.subject.text == "it" and ran.antecedent.text == "ferry"


def test_an_aside_is_a_hole_in_the_main_clause():
    sentence = "The cargo ship, which was impounded by customs on Monday, will be released next week."
    main = next(p for p in read_predicates(sentence, WORDS) if p.verb == "release")
    assert not main.owns(sentence.index("Monday")) and main.owns(sentence.index("next"))


def test_as_well_as_and_such_as_open_no_clause():
    for sentence in ("The union met the port trust as well as the shipping agents on Monday.", "Goods such as rice were stuck at the port."):
        assert len(clauses_of(sentence)) == 1, clauses_of(sentence)


def test_until_a_date_is_not_cut_from_its_verb():
    sentence = "The terminal will stay shut until June 3."
    assert len(clauses_of(sentence, [(sentence.index("until"), len(sentence) - 1)])) == 1
