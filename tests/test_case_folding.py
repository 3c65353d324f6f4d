"""Words a case-blind pattern accepts are looked up as the pattern read them.

Python's ``re.IGNORECASE`` takes "ſ" for "s", "ı" and "İ" for "i" and the
Kelvin sign for "k". Before ``folding.folded``, a figure such as "uſd 40" or
a date such as "two weekſ ago" matched its pattern and then missed its table,
and the KeyError lost the whole article. These tests read such text: the
values come out as for the plain spelling, and no spelling of our own story
articles makes extraction raise.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract import extract_article
from timeline.extract.dates import find_dates
from timeline.extract.figures import find_figures
from timeline.extract.folding import ASCII_TWINS, folded
from timeline.models import Article
from timeline.ruleset import load_ruleset

RULES = load_ruleset()
PUBLISHED = date(2031, 5, 14)
TWINS = {"s": "ſ", "S": "ſ", "i": "ı", "I": "İ", "k": "\u212a", "K": "\u212a"}
STORIES = sorted((Path(__file__).parent / "stories").glob("*/*.txt"))

FIGURES = [  # (text, the figure's words, its unit)
    ("The fare rose to uſd 40 a seat.", "uſd 40", "USD"),
    ("Each family was paid ıNR 4,000 in relief.", "ıNR 4,000", "INR"),
    ("The barrage cost ſ$5 million to repair.", "ſ$5 million", "SGD"),
    ("The pumps move up to 5 tonneſ a day.", "up to 5 tonneſ a day", "tonne"),
    ("Crews cleared over 40 \u212aM of road.", "over 40 \u212aM", "metre"),
]
DATES = [  # (text, the date's words, first day, last day)
    ("Rainfall doubled over the paſt four yearſ.", "over the paſt four yearſ", date(2027, 5, 14), date(2031, 5, 14)),
    ("The levee failed ſix monthſ ago.", "ſix monthſ ago", date(2030, 11, 1), date(2030, 11, 30)),
    ("Repairs start two weekſ after the vote on March 3.", "two weekſ after", date(2031, 3, 17), date(2031, 3, 23)),
]


def test_folded_makes_the_twins_ascii_and_lowers_the_rest():
    assert folded("UſD ıNR İNR 5 \u212aM Über") == "usd inr inr 5 km über"
    assert all(folded(chr(code)).isascii() for code in ASCII_TWINS)


@pytest.mark.parametrize(("text", "words", "unit"), FIGURES, ids=[case[1] for case in FIGURES])
def test_a_figure_spelt_with_a_twin_letter_keeps_its_unit(text, words, unit):
    assert [(f.value.text, f.value.unit) for f in find_figures(text, RULES.figures, [])] == [(words, unit)]


@pytest.mark.parametrize(("text", "words", "start", "end"), DATES, ids=[case[1] for case in DATES])
def test_a_date_spelt_with_a_twin_letter_resolves_as_the_plain_one(text, words, start, end):
    found = {text[m.start : m.end]: (m.value.start, m.value.end) for m in find_dates(text, PUBLISHED)}
    assert found[words] == (start, end)


@settings(max_examples=60, deadline=None)
@given(story=st.sampled_from(STORIES), seed=st.integers(0, 2**32 - 1), share=st.sampled_from([0.05, 0.3, 1.0]))
def test_no_spelling_with_twin_letters_breaks_extraction(story, seed, share):
    chance = random.Random(seed)
    body = "".join(TWINS[c] if c in TWINS and chance.random() < share else c for c in story.read_text(encoding="utf-8"))
    claims = extract_article(Article(path="twins.md", body=body, published=PUBLISHED), RULES).claims
    assert all(claim.provenance.quote in body for claim in claims)
