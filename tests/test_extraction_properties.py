"""Properties of the whole extraction on any text: no exception, and every claim points at its own words.

Hypothesis builds articles from news-like words, numbers, dates, punctuation
and line breaks (and from arbitrary text); for each, every claim's line and
column must point into the body at the claim's own text, its quote must be
the sentence (or the piece of a cut sentence) holding it, and the sentence
pieces must tile each line without overlapping.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract import extract_article
from timeline.extract.sentences import split_sentences
from timeline.models import Article
from timeline.ruleset import load_ruleset

RULES = load_ruleset()
WORDS = st.sampled_from(
    "the council river rose fell closed reopened was postponed cancelled on in by March 3 Tuesday 2031 last week "
    "4.2 metres 1,200 people 45% ₹300 crore $2.5 million about over nearly , . ; : — ( ) \" ' and but said which "
    "Harlow Varn Board it its Dr. U.S. e.g. 12/03/2031 Q2 FY31 early-2031 mid-March".split()
)
TEXTS = st.one_of(
    st.lists(st.one_of(WORDS, st.just("\n"), st.just(". ")), max_size=80).map(" ".join),
    st.text(max_size=300),
)


def line_col_offset(body: str, line: int, column: int) -> int:
    starts = [0] + [i + 1 for i, c in enumerate(body) if c == "\n"]
    return starts[line - 1] + column - 1


@settings(max_examples=200, deadline=None)
@given(body=TEXTS, published=st.one_of(st.none(), st.dates(date(2000, 1, 1), date(2040, 12, 31))), limit=st.sampled_from([100, 2_000]))
def test_every_claim_points_at_its_own_words(body, published, limit):
    extraction = extract_article(Article(path="a.md", body=body, published=published), RULES, max_sentence_length=limit)
    for claim in extraction.claims:
        where = claim.provenance
        at = line_col_offset(body, where.line, where.column)
        assert 0 <= at <= len(body)
        assert body[at:].startswith(claim.text) or claim.kind == "event", (claim.kind, claim.text, body[at : at + 40])
        assert where.quote and where.quote in body
    for warning in extraction.warnings:
        assert "max-sentence-length" in warning.message and 1 <= warning.line <= body.count("\n") + 1


@settings(max_examples=300, deadline=None)
@given(body=TEXTS, limit=st.integers(min_value=5, max_value=400))
def test_sentences_and_their_pieces_tile_the_text_in_order(body, limit):
    sentences = split_sentences(body, limit)
    previous_end = 0
    for sentence in sentences:
        assert body[sentence.start : sentence.end] == sentence.text == sentence.text.strip() != ""
        assert sentence.start >= previous_end and "\n" not in sentence.text
        assert len(sentence.text) <= limit and (sentence.cut_from == 0 or sentence.cut_from > limit)
        previous_end = sentence.end
