"""Shortcuts that skip a pattern or a scan give what the full reading gives, on any text.

- ``hard_boundaries`` tries its case-blind pattern only on a sentence that
  holds one of the words or marks a boundary begins with;
- asides try the restrictive-relative pattern only on a sentence holding
  "that", "which" or "who";
- ``find_events`` searches kind by kind only where one pattern of every
  kind's verbs matches;
- the clause cuts, and the case-blind date patterns' months and weekdays,
  are grouped by first letter;
- ``_without_dates`` looks a token's position up in the characters the
  dates cover instead of testing every date;
- the date candidates keep no table of the matches seen: a family's
  windows never overlap, so no pattern finds one span twice.

Each is compared here with the reading it replaces, on text drawn from the
words those readings look for, spelt in either case and with the letters
the regex engine folds ("ſ" for "s").
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract.asides import RESTRICTIVE
from timeline.extract.clause_cuts import CLAUSE_CUT
from timeline.extract.clause_statuses import IS_PENDING, ON_HOLD
from timeline.extract.date_resolvers import MONTH, MONTH_ANY_CASE, WEEKDAY, WEEKDAY_ANY_CASE
from timeline.extract.dates import PATTERNS, _candidates
from timeline.extract.clauses import HARD_BOUNDARY, hard_boundaries
from timeline.extract.grammar_words import DATE_PREPOSITIONS, GAP, PARTS_OF_DAY
from timeline.extract.predicates import _without_dates
from timeline.ruleset import load_ruleset

RULES = load_ruleset()

PIECES = [*HARD_BOUNDARY.words, "SAID", "Said", "ſaid", "ſayſ", "Ķ", "although", "but", "butter", ",", ", ", " ", "  ", "\t", "the bridge", "closed", "Thursday", "42"]


def _spelt(pieces: list[str], upper: list[bool]) -> str:
    return "".join(piece.upper() if up else piece for piece, up in zip(pieces, upper))


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(PIECES), max_size=12), upper=st.lists(st.booleans(), min_size=12, max_size=12))
def test_hard_boundaries_are_every_match_of_the_pattern(pieces, upper):
    sentence = _spelt(pieces, upper)
    expected = tuple((m.start(), m.end(), m.group(0)) for m in HARD_BOUNDARY.regex.finditer(sentence))
    assert hard_boundaries(sentence) == expected


def test_a_sentence_without_a_boundary_word_has_none_and_one_with_a_folded_letter_has_one():
    assert hard_boundaries("The bridge reopened on Thursday.") == ()
    assert [b[2] for b in hard_boundaries("The bridge reopened, the council ſaid.")] == ["ſaid"]


def _reference(tokens, dates):
    """``_without_dates`` as it read before: every date tested for every token."""
    kept = []
    for i, token in enumerate(tokens):
        if any(s <= token[0] < e for s, e in dates):
            if not kept or kept[-1][2] != GAP:
                kept.append((token[0], token[0], GAP))
            continue
        if token[2].lower() in PARTS_OF_DAY and kept and kept[-1][2] == GAP:
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if token[2].lower() in DATE_PREPOSITIONS and following and any(s <= following[0] < e for s, e in dates):
            continue
        kept.append(token)
    return kept


WORDS = ["on", "On", "in", "night", "morning", "the", "bridge", "Tuesday", "closed", ",", "by"]


@settings(max_examples=400, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), max_size=12), spans=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=3))
def test_tokens_without_dates_are_those_the_every_date_test_keeps(words, spans):
    tokens, at = [], 0
    for word in words:
        tokens.append((at, at + len(word), word))
        at += len(word) + 1
    dates = [(start, start + width) for start, width in spans]
    assert _without_dates(tokens, dates) == _reference(tokens, dates)


OLD_CLAUSE_CUT = re.compile(
    r",\s*(?P<a>and|then|so)\s+|\s+and then\s+|\s+(?=(?P<b>after|before|when|once|until|because|since|while|as)\s)|\s+(?P<c>and)\s+(?=[a-z])|[()]",
    re.IGNORECASE,
)
CUT_PIECES = ["after", "As", "AS", "aſ", "before", "Because", "when", "While", "once", "until", "ſince", "since", "and", "then", "so", ",", " ", "  ", "(", ")", "the vote", "x"]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(CUT_PIECES), max_size=12), upper=st.lists(st.booleans(), min_size=12, max_size=12))
def test_clause_cuts_grouped_by_first_letter_match_as_the_plain_alternation(pieces, upper):
    sentence = _spelt(pieces, upper)
    def spans(pattern):
        return [(m.span(), m.group("a"), m.group("b"), m.group("c")) for m in pattern.finditer(sentence)]

    assert spans(CLAUSE_CUT) == spans(OLD_CLAUSE_CUT)


RELATIVE_PIECES = ["that", "which", "who", "That", "the crane", "collapsed", " ", "  ", ",", "on March 11"]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(RELATIVE_PIECES), max_size=10))
def test_restrictive_relatives_are_every_match_of_the_pattern(pieces):
    sentence = "".join(pieces)
    assert [m.span() for m in RESTRICTIVE.finditer(sentence)] == [m.span() for m in RESTRICTIVE.regex.finditer(sentence)]


VERBS = sorted({verb for kind in RULES.lexicon.events for verb in kind.verbs})


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.one_of(st.sampled_from(VERBS), st.sampled_from([" ", "the ", "Ministry ", "x", "-", "ſ"])), max_size=8), upper=st.lists(st.booleans(), min_size=8, max_size=8))
def test_a_sentence_holds_an_event_verb_of_some_kind_exactly_when_the_combined_pattern_matches(pieces, upper):
    sentence = _spelt(pieces, upper)
    some_kind = any(kind.verb_regex.search(sentence) for kind in RULES.lexicon.events)
    assert bool(RULES.lexicon.any_event_verb_regex.search(sentence)) == some_kind


STATUS_PIECES = ["is", "Are", "remains", "has been", "still", "now", "put", "on", "ON", "hold", "HOLD", "pending", "pendıng", "PENDİNG", " ", "  ", "the works", ","]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(STATUS_PIECES), max_size=10))
def test_on_hold_and_pending_cues_match_as_their_patterns(pieces):
    sentence = " ".join(pieces)
    for cue in (ON_HOLD, IS_PENDING):
        assert [m.span() for m in cue.finditer(sentence)] == [m.span() for m in cue.regex.finditer(sentence)]
        assert bool(cue.search(sentence)) == bool(cue.regex.search(sentence))


DATE_PIECES = ["January", "jan.", "JAN", "Jan", "Sept", "sep", "ſeptember", "Mar", "March", "MAY", "may", "June", "jun", "Tuesday", "tuesday", "ſunday",
               "Thurs", "3", "3rd", "17", "2025", " ", ", ", "-", "–", "to", "of", "the", "mid", "early", "end of", "quarter", "week", "between", "from", "and", ".", "x"]
CASE_BLIND_DATE_PATTERNS = [(pattern, flags) for pattern, _, flags, _ in PATTERNS if flags & re.IGNORECASE and (MONTH_ANY_CASE in pattern or WEEKDAY_ANY_CASE in pattern)]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(DATE_PIECES), max_size=10), spaced=st.booleans())
def test_case_blind_date_patterns_match_as_with_the_plain_month_and_weekday_alternations(pieces, spaced):
    text = (" " if spaced else "").join(pieces)
    assert len(CASE_BLIND_DATE_PATTERNS) >= 10
    for pattern, flags in CASE_BLIND_DATE_PATTERNS:
        plain = re.compile(pattern.replace(MONTH_ANY_CASE, MONTH).replace(WEEKDAY_ANY_CASE, WEEKDAY), flags)
        grouped = re.compile(pattern, flags)
        assert [(m.span(), m.groupdict()) for m in grouped.finditer(text)] == [(m.span(), m.groupdict()) for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(DATE_PIECES + ["last week", "two years ago", "FY25", "Q3", "2024-25", "03/04/2025", "this morning", "\n"]), max_size=40))
def test_date_candidates_are_each_found_once_without_a_table_of_those_seen(pieces):
    text = " ".join(pieces)
    found = [(match.re.pattern, match.span()) for match, _ in _candidates(text)]
    assert len(found) == len(set(found))
