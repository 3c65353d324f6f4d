"""Grouping a case-blind alternation by first letter never changes what it matches.

``alternation.by_first_letter`` rewrites every lexicon phrase pattern
(``lexicon.phrase_pattern``) so that the regex engine passes over a position
that opens no phrase at once. The rewrite is only safe if, for any phrases
and any text, the grouped pattern finds the same matches at the same spans
as the plain alternation, whatever the case of the text, twin letters
("ſ", "ı", the Kelvin sign) included.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.alternation import by_first_letter
from timeline.lexicon import phrase_pattern

WORDS = ["the", "then", "them", "tea", "toll", "sea", "set", "ſet", "kin", "\u212ain", "ice", "ıce", "rate", "rates", "rare", "earth", "'s", "9%", "₹5", "élan"]


def plain(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """The pattern ``phrase_pattern`` built before it grouped its alternatives."""
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        stem = phrase.endswith("*")
        words = [re.escape(w) for w in re.split(r"[\s-]+", phrase.rstrip("*").strip())]
        parts.append(re.sub(r"['’]", "['’]", r"[\s-]+".join(words)) + (r"\w*" if stem else r"\b"))
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")", re.IGNORECASE)


phrase = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join).flatmap(lambda p: st.sampled_from([p, p + "*"]))
texts = st.lists(st.sampled_from(WORDS + [w.upper() for w in WORDS] + [w.title() for w in WORDS]), max_size=12).flatmap(
    lambda words: st.lists(st.sampled_from([" ", "-", ", ", ""]), min_size=len(words), max_size=len(words)).map(lambda seps: "".join(w + s for w, s in zip(words, seps)))
)


@settings(max_examples=300, deadline=None)
@given(st.lists(phrase, min_size=1, max_size=8, unique=True), texts)
def test_grouped_phrases_match_as_the_plain_alternation(phrases, text):
    phrases = tuple(phrases)
    assert [m.span() for m in phrase_pattern(phrases).finditer(text)] == [m.span() for m in plain(phrases).finditer(text)]


def test_alternatives_with_one_first_letter_share_one_group_in_their_order():
    grouped = by_first_letter(["then", "tea", "sea", "the"])
    assert grouped == "(?-i:[tT])(?:hen|ea|he)|(?-i:[sSſ])(?:ea)"
    assert re.compile(grouped, re.IGNORECASE).match("THE").group(0) == "THE"


def test_an_alternative_that_opens_with_no_plain_letter_stands_alone():
    assert by_first_letter([r"\$5", "e?arth", "élan"]) == r"\$5|e?arth|élan"
