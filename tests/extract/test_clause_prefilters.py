"""Shortcuts of the clause stage give what the full reading gives, on any text.

- the reporting cut (", saying that", "and that") is tried only on a
  sentence that holds one of its participles or "that";

Each is compared here with the reading it replaces, on text drawn from the
words those readings look for, spelt in either case and with the letters
the regex engine folds ("ſ" for "s", "ı" and "İ" for "i", the Kelvin sign
for "k").
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract.clause_cuts import REPORTING_CUT, REPORTING_WORDS

FOLDED = ["ſ", "ı", "İ", "\u212a"]
SEPARATORS = [" ", " ", "  ", "\t", ", ", ",", ""]


def _texts(words: list[str]) -> st.SearchStrategy[str]:
    """Text of ``words`` and the folded letters, each in either case, joined by spaces, commas or nothing."""
    piece = st.tuples(st.sampled_from([*words, *FOLDED]), st.booleans(), st.sampled_from(SEPARATORS))
    return st.lists(piece, max_size=12).map(lambda pieces: "".join((word.upper() if up else word) + gap for word, up, gap in pieces))


REPORTING_PIECES = [*REPORTING_WORDS, "that", "and", "and that", "and\tthat", "saying that", "ſaying", "inſiſting", "warnıng", "explaİning", "the mayor", "x"]


@settings(max_examples=500, deadline=None)
@given(sentence=_texts(REPORTING_PIECES))
def test_reporting_cuts_are_every_match_of_the_pattern(sentence):
    assert [m.span() for m in REPORTING_CUT.finditer(sentence)] == [m.span() for m in REPORTING_CUT.regex.finditer(sentence)]
