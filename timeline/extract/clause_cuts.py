"""Cutting a sentence into clauses, and naming the word that joins each one.

A clause ends at a hard boundary (";", ", but", a reporting verb such as
"said" with its own date), at ", and", at a second verb after "and" ("crossed
it on Monday and peaked on Wednesday"), at a reporting participle (",
announcing that"), and before "after", "before", "when", "once", "until",
"because", "since", "while" and "as" when they open a clause of their own
("since the monsoon set in", not "since June 9"; "as rescuers reached", not
"as well as"). A date is never cut: a cut that reaches into one takes the
whole date with it ("said on Tuesday" is the saying's date).

Each clause carries its ``link``, the joining word ("when", "as", "and", ...),
so that later stages can tell a background clause from the main one.
"""

from __future__ import annotations

import re

from timeline.alternation import by_first_letter
from timeline.extract.clauses import hard_boundaries
from timeline.extract.figure_context import Cue
from timeline.extract.grammar_words import AUXILIARIES, DETERMINERS, STOP_WORDS
from timeline.extract.words import can_be, verb_forms

LOWER_LETTERS = re.compile(r"[a-z]+")
TWO_WORDS = re.compile(r"\s+([\w’'-]+)(?:\s+([\w’'-]+))?")
VERB_AND_NEXT = re.compile(r"([a-z]+)\s*([\w’'-]*)")
DETERMINERS_OR_STOPS = DETERMINERS | STOP_WORDS

# Every cut opens with a comma, a space or a bracket, which the leading lookahead tests once before the
# branches are tried; the words that open a clause of their own are grouped by first letter (``alternation``).
CLAUSE_CUT = re.compile(
    r"(?=[,\s()])(?:,\s*(?P<a>and|then|so)\s+|\s+and then\s+|\s+(?=(?P<b>"
    + by_first_letter("after before when once until because since while as".split())
    + r")\s)|\s+(?P<c>and)\s+(?=[a-z])|[()])",
    re.IGNORECASE,
)
NOT_CLAUSE_AS = re.compile(r"(?:such|as well|just|so)\s+$|^\s*as\s+(?:well|many|much|far|long|soon|part|of|a result|an? (?:\w+ )?(?:advance|result|precaution|measure|gesture))\b", re.IGNORECASE)
SUBJECT_WORDS = frozenset("the a an its their his her this these those some many rescuers officials police he she it they we i".split())
REPORTING_WORDS = ("saying", "adding", "announcing", "noting", "warning", "explaining", "insisting", "claiming")
# Tried at every comma and space of every sentence; a match holds one of its participles or "that",
# which few sentences do (``Cue``).
REPORTING_CUT = Cue(r",\s*(?:" + "|".join(REPORTING_WORDS) + r")(?:\s+that)?\s+|\s+and\s+that\s+", (*REPORTING_WORDS, "that"))


def clauses_of(sentence: str, keep_whole: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Clause spans: the sentence cut at hard boundaries and clause joins, never inside ``keep_whole`` (dates)."""
    return [(start, end) for start, end, _ in clauses_with_links(sentence, list(keep_whole))]


def clauses_with_links(sentence: str, keep_whole: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, link) of each clause; ``link`` is the conjunction that opens it ("" for the first)."""
    cuts = []
    for start, end, boundary in hard_boundaries(sentence):
        word = LOWER_LETTERS.findall(boundary.lower())
        cuts.append((start, end, word[-1] if word and word[-1] in {"but", "while", "when", "after", "before", "where", "which", "who"} else ""))
    for match in CLAUSE_CUT.finditer(sentence):
        link = (match.group("a") or match.group("b") or match.group("c") or "").lower()
        if match.group("b") and not _opens_clause(sentence, match.end(), link, keep_whole):
            continue
        if match.group("c") and not opens_verb(sentence, match.end()):
            continue  # "people were killed and 150 injured", "roads and bridges": not a clause of its own
        cuts.append((match.start(), match.end(), link))
    for match in REPORTING_CUT.finditer(sentence):  # ", announcing that the reopening ...", "... and that the bridge ..."
        cuts.append((match.start(), match.end(), "and" if match.group(0).strip().lower().startswith("and") else ""))
    cuts = sorted(c for c in (_outside(cut, keep_whole) for cut in cuts) if c)
    spans, start, link = [], 0, ""
    for cut_start, cut_end, cut_link in cuts:
        if cut_start > start:
            spans.append((start, cut_start, link))
            link = cut_link
        elif cut_link:
            link = cut_link
        start = max(start, cut_end)
    spans.append((start, len(sentence), link))
    return [(s, e, l) for s, e, l in spans if sentence[s:e].strip()]


def _outside(cut: tuple[int, int, str], dates: list[tuple[int, int]]) -> tuple[int, int, str] | None:
    """A cut never splits a date: "said on Tuesday" cuts the saying and its date away whole; a cut inside a date is none."""
    start, end, link = cut
    for date_start, date_end in dates:
        if date_start < end and start < date_end:
            if start >= date_start:
                return None
            end = max(end, date_end)
    return start, end, link


def _opens_clause(sentence: str, at: int, link: str, dates: list[tuple[int, int]]) -> bool:
    """ "since the monsoon set in" opens a clause; "since June 9" and "until Friday" are dates, "as well as" is neither."""
    word_end = at + len(link)
    following = TWO_WORDS.match(sentence, word_end)
    if following is None or any(s <= at < e or s <= word_end + 1 < e for s, e in dates):
        return False
    if link not in {"since", "until", "as", "while"}:
        return True
    if link == "as" and (NOT_CLAUSE_AS.search(sentence[max(0, at - 12) : at]) or NOT_CLAUSE_AS.match(sentence[at:])):
        return False
    first, second = following.group(1), following.group(2) or ""
    if first.lower() in SUBJECT_WORDS:
        return True
    return bool(second) and (second[:1].islower() and bool(verb_forms(second) & {"VBD", "VBZ"}) or second.lower() in AUXILIARIES)


def opens_verb(sentence: str, at: int) -> bool:
    """ "crossed it on Monday and peaked on Wednesday": a second verb sharing the subject."""
    word = VERB_AND_NEXT.match(sentence, at)
    if not word or not verb_forms(word.group(1)) & {"VBD", "VB"} or can_be(word.group(1), "NOUN"):
        return False
    return not can_be(word.group(1), "ADJ") or word.group(2).lower() in DETERMINERS_OR_STOPS  # "and related compounds" is a noun phrase
