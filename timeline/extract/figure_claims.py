"""Figure claims for one sentence: each figure with its key and the period it speaks of.

This is where the clause analysis (``clauses``), the key reading
(``figure_keys``) and the date layer meet. A figure's period is the date in
its own clause item, else in its clause, else in its sentence, else a day
named in the sentence before it in the paragraph; a date that stands in
another figure's item belongs to that figure ("Turnout was 61.2%, up from
48.7% in 2022": 2022 is the earlier figure's year, not the turnout's), and
one after a second verb joined by "and" to that verb ("carries 14
instruments and will take over from Sentra-2, launched in 2019").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Callable

from timeline.extract.clauses import Name, clause_spans
from timeline.extract.dates import DateMention
from timeline.extract.figure_keys import KeyReading, SentenceWords, basis, read_key
from timeline.extract.figure_limits import BOUNDS
from timeline.extract.figure_standing import is_standing, own_predicate
from timeline.extract.figures import FigureMention
from timeline.extract.predicates import Predicate
from timeline.extract.sentences import Sentence
from timeline.extract.sharing import shared
from timeline.extract.words import only_verb, verb_forms
from timeline.lexicon import Lexicon
from timeline.models import Article, DateValue, FigureClaim, Provenance, QuantityKey


@dataclass(frozen=True)
class SentenceContext:
    """What the walk over an article knows when it reaches a sentence."""

    sentence: Sentence
    names: list[Name]
    dates: list[DateMention]  # the sentence's own dates (not the dateline)
    date_spans: list[tuple[int, int]]  # every date's span, in sentence offsets
    earlier_dates: list[DateMention]  # dates of the sentence before, in the same paragraph
    paragraph_entity: str | None
    last_key: QuantityKey | None = None  # the article's last figure keyed to a measure the lexicon knows
    predicates: list[Predicate] = field(default_factory=list)  # the clause stage's reading of the sentence


def figure_claims(
    figures: list[FigureMention], context: SentenceContext, lexicon: Lexicon, article: Article, provenance: Callable[[int, int, Sentence], Provenance]
) -> list[FigureClaim]:  # fmt: skip
    if not figures:
        return []  # most sentences state no figure: their clauses need not be read
    sentence = context.sentence
    spans = [(f.start, f.start + len(f.value.text)) for f in figures]
    items, seconds = _own_predicates(sentence.text, clause_spans(sentence.text, spans), spans)
    own_subject = any(not n.reference for n in context.names)
    words = SentenceWords(sentence.text, context.names, spans, context.date_spans, lexicon)
    claims, previous, readings = [], None, []
    for index, (figure, span, clause) in enumerate(zip(figures, spans, items)):
        reading = read_key(words, span, clause, figure.value, context.paragraph_entity)
        if previous and previous[0] == clause[2:] and not any(clause[0] <= n.start < clause[1] for n in context.names):
            # coordinated items share their subject: "over 70% of production and over 90% of refining"
            reading = replace(reading, subject=previous[1], key=reading.key and replace(reading.key, subject=previous[1]))
        change = (basis(sentence.text[clause[2] : clause[3]]),) if figure.value.change else None
        reading = _relative_to_earlier(sentence.text, reading, span, list(zip(spans, readings)), change, figure.value.unit)
        reading = _since(reading, context, clause)
        reading = _generic_head(reading, sentence.text, clause[0], span[0], figure.value.unit, context.last_key)
        previous = (clause[2:], reading.subject)
        readings.append(reading)
        others = [(s, e) for i, (s, e, _, _) in enumerate(items) if i != index] + seconds[index : index + 1]
        candidates = _period_dates(context, (*clause, span[0]), others, [] if own_subject else context.earlier_dates)
        where = provenance(sentence.start + span[0], sentence.start + span[1], sentence)
        standing = _standing(sentence, span, clause, context, reading, candidates, figure, lexicon)
        candidates = [] if standing else candidates  # a date of another clause does not place what a thing is or has
        claims.append(_claim(figure, reading, candidates, sentence.start + clause[0], article, where, standing, now=reading.current and not candidates))
    return claims


def _standing(sentence: Sentence, span: tuple[int, int], clause: tuple[int, int, int, int], context: SentenceContext,
              reading: KeyReading, candidates: list[DateMention], figure: FigureMention, lexicon: Lexicon) -> bool:  # fmt: skip
    """Whether the figure is standing (``figure_standing``): no date in its own clause, no cue of another time."""
    if reading.key is None or reading.earlier or reading.correction or reading.superseded or reading.running or reading.current:
        return False
    if any(_in_own_clause(context.predicates, span[0], d.start - sentence.start) for d in candidates):
        return False
    bounded = not BOUNDS.isdisjoint(reading.key.modifiers)
    return is_standing(sentence.text, span, sentence.text[clause[2] : clause[3]], context.predicates, figure.value, lexicon, reading.key.kind, bounded)


def _in_own_clause(predicates: list[Predicate], figure: int, at: int) -> bool:
    """Whether the date at ``at`` (sentence offsets) stands in the figure's own clause, or in a relative clause after it.

    "The stadium seats 32,000 people, and every ticket was sold on June 1":
    the day is the tickets', in a clause of their own; in "the stadium, which
    holds 34,500, opened last Saturday" the figure is the aside's and the day
    the sentence's. A relative clause after the figure describes its noun and
    dates it ("a fund of £900,000, which was approved on April 6", as in
    ``_of_another_noun``). With no clause read around the figure, the whole
    sentence is its clause.
    """
    own = own_predicate(predicates, figure)
    if own is None or own.owns(at):
        return True
    return any(_relative(p) and p.clause[0] > figure and p.owns(at) for p in predicates)


def _relative(predicate: Predicate) -> bool:
    return predicate.link in RELATIVE_LINKS or predicate.link.endswith(" which")


SECOND_PREDICATE = re.compile(r"\s+and\s+(?:(?:also|then|later|now|still|so)\s+)?(?P<verb>[a-z]+)\b")
AUXILIARIES = frozenset("will would shall should can could may might must is are was were has have had does did".split())


def _own_predicates(text: str, items: list[tuple[int, int, int, int]], spans: list[tuple[int, int]]) -> tuple[list[tuple[int, int, int, int]], list[tuple[int, int]]]:
    """Each figure's item and clause, ended where a second verb after "and" begins its own clause, and that clause's span.

    "Sentra-3 carries 14 instruments and will take over from Sentra-2,
    launched in 2019": the words after "and will" say what else the subject
    does, so "from Sentra-2" is no modifier of the count, and 2019, like
    any date after "and will" in the sentence, is no period of it. A second
    verb is an auxiliary or a modal, or a word that can only be a finite
    verb ("and crossed", "and carries"); "and 212 injured" or "and repairs"
    start no clause. The span returned for each figure (empty when nothing
    is cut) is handed on as another's words, so that its dates are not read
    as the figure's.
    """
    trimmed, seconds = [], []
    for (item_start, item_end, clause_start, clause_end), (_, f_end) in zip(items, spans):
        cut = next((m.start() for m in SECOND_PREDICATE.finditer(text, f_end, item_end) if _finite(m.group("verb"))), None)
        if cut is None:
            trimmed.append((item_start, item_end, clause_start, clause_end))
            seconds.append((0, 0))
        else:
            trimmed.append((item_start, cut, clause_start, min(clause_end, cut)))
            seconds.append((cut, len(text)))
    return trimmed, seconds


def _finite(word: str) -> bool:
    return word in AUXILIARIES or (only_verb(word) and bool(verb_forms(word) & {"VBZ", "VBD"}))


OWN_POSSESSIVE = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,3}(?:of\s+)?$")
BASELINE = re.compile(r"\b(?:over|than|against|compared with|compared to)\s+(?:the\s+)?$", re.I)  # "11.5% over last year"
STARTS = re.compile(r"\b(?:since|began(?:\s+on)?|started(?:\s+on)?|begun(?:\s+on)?|set in on)\s+(?:the\s+)?$", re.I)
# Words after which a sentence breaks a total into its parts. The part-whole rule's default cues are these too.
SPLIT_CUES = (
    "of which", "comprising", "comprises", "comprised", "split into", "divided into", "split between", "divided between",
    "broken down into", "made up of", "consisting of",
)  # fmt: skip
SPLIT_CUE = re.compile(r"\b(?:" + "|".join(c.replace(" ", r"\s+") for c in SPLIT_CUES) + r"|with(?=\s*[₹$€£\d]))\b", re.I)


def _relative_to_earlier(
    text: str, reading: KeyReading, span: tuple[int, int], earlier: list[tuple[tuple[int, int], KeyReading]],
    change: tuple[str, ...] | None = None, change_unit: str = "percent",
) -> KeyReading:  # fmt: skip
    """Figures that are only meaningful against one before them in the sentence.

    "57, not 61": the superseded figure is the same quantity as the one it
    follows. "₹120 crore, of which ₹35 crore for compensation": a part is
    the part of its whole, so its key names the whole's measure too (another
    package's "₹30 crore for compensation" is a different quantity).
    """
    if not earlier:
        return reading
    (last_span, last), key = earlier[-1], reading.key
    if last.key is not None and last.key.unit != change_unit and not change:
        return reading  # "₹500 crore, not 61": a figure is only read against one in its own unit
    if reading.superseded and last.key is not None:
        return replace(reading, key=last.key, subject=last.subject)
    if last.key is not None and SET_AGAINST.match(text[last_span[1] : span[1]]):
        # "61,200 votes to Lindqvist's 57,950", "the margin to 8,311 votes from the 8,560": the same measure
        own = reading.subject is not None and reading.subject.split()[-1] in text[last_span[1] : span[1] + 40]
        subject = reading.subject if own else last.subject  # "... against 109,870 for Lindqvist" is Lindqvist's
        return replace(reading, key=replace(last.key, subject=subject), subject=subject)
    if key is None and change is not None and last.key is not None and last.key.kind != "change":
        # "a net profit of ₹1,240 crore, up 18% from a year earlier": the change of the figure before it
        modifiers = tuple(m for m in change if m) + tuple(m for m in last.key.modifiers if m not in ("y/y", "q/q"))
        return replace(reading, key=replace(last.key, kind="change", unit=change_unit, modifiers=modifiers, source="context"), subject=last.subject)
    wholes = [(s, r) for s, r in earlier if r.key is not None and SPLIT_CUE.search(text, s[1], span[0])]
    if key is not None and wholes and key.unit == wholes[-1][1].key.unit:
        whole = wholes[-1][1].key
        return replace(reading, key=replace(key, measure=f"{whole.measure}: {key.measure}", subject=whole.subject))
    return reading


SET_AGAINST = re.compile(r"[ \t]+(?:against|to|versus|vs\.?|from(?:[ \t]+the)?)[ \t]+(?:[A-Z][\w-]*['’]s[ \t]+)?[\d,]+$")


GENERIC_HEAD = re.compile(r"\b(?:count|tally|total|figure|toll)\s+(?:\w+\s+){0,3}?(?:at|to|of|was|is|stood|stands|rose|reached)\s+\S*$", re.I)


def _generic_head(reading: KeyReading, text: str, item_start: int, at: int, unit: str, last: QuantityKey | None) -> KeyReading:
    """"Police put their own count at 21", "her total was revised to 109,903": the count of what the article was counting.

    A figure whose only measured thing is a generic head (count, tally,
    total, figure) takes the measure of the article's last figure with a
    measure the lexicon knows, in the same unit.
    """
    generic = reading.key is None or reading.key.measure in ("count", "tally", "total", "figure")
    if not generic or last is None or last.unit != unit or not GENERIC_HEAD.search(text[item_start:at]):
        return reading
    key = replace(last, subject=reading.subject, source="context", modifiers=())
    return replace(reading, key=key)
PERFECT_TENSE = re.compile(r"\b(?:has|have|had)\s+(?:been\s+)?\w+(?:ed|en|wn)\b", re.I)
SINCE_BEFORE = re.compile(r"\bsince\b[^,;]{0,30}$", re.I)


def _since(reading: KeyReading, context: SentenceContext, clause: tuple[int, int, int, int]) -> KeyReading:
    """"1,140 mm of rain since the monsoon set in on June 9" is a total over a span, not a day's rain.

    Only in a clause told in the perfect ("has received ... since"): "its
    highest level since 2008" is no span of the figure's.
    The span's start becomes a modifier of the key; for a cumulative count
    ("41 people have died since Monday") the comparison drops it again.
    """
    if reading.key is None:
        return reading
    text, start = context.sentence.text, context.sentence.start
    perfect = PERFECT_TENSE.search(text[clause[0] : clause[1]]) if context.dates else None
    for date in context.dates:
        at = date.start - start
        if perfect and clause[0] <= at < clause[1] and date.value.value and SINCE_BEFORE.search(text[max(clause[0], at - 40) : at]):
            modifiers = reading.key.modifiers + (f"since {date.value.value}",)
            return replace(reading, key=replace(reading.key, modifiers=modifiers))
    return reading


def _claim(figure: FigureMention, reading: KeyReading, candidates: list[DateMention], position: int, article: Article, where: Provenance,
           standing: bool = False, now: bool = False) -> FigureClaim:  # fmt: skip
    """The claim; ``now`` when its own words place it at the time of writing and no date does.

    "About 640 firefighters remain on the lines" speaks of the day it was
    published, as "today" would: its period is that day, stated, and not the
    days around it that a figure without any cue of time may speak of
    (``comparison``). So it is not set against "more than 600 on Monday".
    """
    as_of = nearest(candidates, position)
    period = as_of.value if as_of else publication(article)
    return FigureClaim(
        provenance=where, text=figure.value.text, published=article.published,
        value=figure.value, subject=reading.subject, metric=reading.metric.id if reading.metric else None,
        as_of=shared(period), as_of_stated=as_of is not None or (now and period is not None), key=shared(reading.key),
        earlier=reading.earlier, correction=reading.correction, superseded=reading.superseded, running=reading.running, standing=standing,
        purpose=reading.purpose if reading.key is not None and reading.key.measure == reading.purpose else None,
    )  # fmt: skip
RELATIVE_BEFORE = re.compile(r"\b(?:when|which|who)\s*$", re.I)


def _period_dates(context: SentenceContext, clause: tuple[int, int, int, int, int], others: list[tuple[int, int]], earlier: list[DateMention]) -> list[DateMention]:
    """The dates a figure's period is read from: its item's, else its clause's, else the sentence's, else the paragraph's.

    ``clause`` is (item start, item end, clause start, clause end, figure
    start) in sentence offsets. A period (a year, a quarter, "2026-27") in
    the item wins over a day in it: a budget presented on Tuesday is for the
    year it names.

    Dates inside another figure's item are that figure's; a date that
    describes a noun ("after Thursday's derailment"; but "Last year's
    outbreak ..." opening a sentence dates all of it), starts a span ("since
    Monday", "the floods that began on Monday") or is a change's baseline
    ("an increase of 11.5% over last year") or a wire dateline's day
    ("QUILLHAVEN, March 11 (Tidewater) - ") is no period, nor is one in a
    relative clause or participle before the figure ("The ballot, which
    closed on September 7, was backed by 78%", ``_of_another_noun``); a "which",
    "who" or "when" clause takes the date it hangs on. The paragraph's
    date (the last one in the sentence before) is used only when it is a day
    and the figure's sentence names no entity of its own: a continuation of
    the one before ("On Monday the river breached its banks. 41 people
    died."). A longer period there ("In FY25, imports surged ... Imports
    averaged ...") is the background of a different statement.
    """
    if not context.dates:
        return [d for d in earlier[-1:] if d.value.precision == "day"]  # what the steps below come to with no date
    start, text = context.sentence.start, context.sentence.text
    item_start, item_end, clause_start, clause_end = (start + offset for offset in clause[:4])
    dates = [d for d in context.dates if not STARTS.search(text, max(0, d.start - start - 14), d.start - start)]
    dates = [d for d in dates if not BASELINE.search(text, max(0, d.start - start - 12), d.start - start)]
    dates = [d for d in dates if not _in_dateline(text, d.start - start, d.end - start)]
    dates = [d for d in dates if not _of_another_noun(context.predicates, d.start - start, clause[4])]
    in_clause = [d for d in dates if clause_start <= d.start < clause_end]
    if not in_clause and RELATIVE_BEFORE.search(text[max(0, clause[2] - 8) : clause[2]]):
        # "... in 2022, when Lindqvist won with 96,400 votes"; "last year's floods, which killed 37 people"
        before = [d for d in dates if d.end <= clause_start]
        if before:
            return before[-1:]
    figure_start = start + clause[4]
    own = [d for d in dates if item_start <= d.start < figure_start and OWN_POSSESSIVE.match(text, d.end - start, clause[4])]
    if own:
        return own[-1:]  # "last year's budget of ₹5,900 crore": the date of the figure's own noun
    dates = [d for d in dates if text[d.end - start : d.end - start + 2] not in ("'s", "’s") or _opens(text, d.start - start)]  # "Thursday's derailment"
    free = [d for d in dates if not any(start + s <= d.start < start + e for s, e in others)]
    for low, high in ((item_start, item_end), (clause_start, clause_end)):
        local = [d for d in dates if low <= d.start < high and (d in free or low == item_start and high == item_end)]
        periods = [d for d in local if d.value.precision.value != "day"]
        if local:
            return periods or local  # "a ₹6,850 crore budget for 2026-27 ... on Tuesday": the year it is for
    if free:
        return free
    return [d for d in earlier[-1:] if d.value.precision == "day"]


RELATIVE_LINKS = frozenset({"which", "who", "whom", "whose", "where", "that", "participle"})


def _of_another_noun(predicates: list[Predicate], at: int, figure: int) -> bool:
    """Whether the date at ``at`` stands in a relative clause or participle that describes a noun before the figure.

    "The union's ballot, which closed on September 7, was backed by 78% of
    members": September 7 says when the ballot closed, as "Thursday's" does
    in "after Thursday's derailment", and is no more the share's period than
    the bridge's closing day is the period of "the bridge, which closed on
    March 2, carried 38,000 vehicles a day". A clause after the figure
    describes the figure's own noun or its period ("a fund of €5.4 million,
    which was approved on April 27", "revenue of $4.5bn in the quarter,
    which ended on March 31"), and dates it.
    """
    for predicate in predicates:
        if _relative(predicate) and predicate.antecedent is not None and predicate.owns(at) and predicate.clause[1] <= figure:
            return True
    return False


DATELINE_BEFORE = re.compile(r"\W*[A-Z][A-Z.'’ -]*,\s*")
DATELINE_AFTER = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:-|–|—)\s")


def _in_dateline(text: str, start: int, end: int) -> bool:
    """A wire dateline ("QUILLHAVEN, March 11 (Tidewater) - ...") dates the report, not the figures after it.

    The sentence's own date ("approved ... on Tuesday") is the figure's; the
    dateline's day is the article's, which a figure falls back to anyway.
    """
    return bool(DATELINE_BEFORE.fullmatch(text, 0, start)) and bool(DATELINE_AFTER.match(text, end))
OPENING_WORDS = re.compile(r"^\W*(?:the|in|by)?\s*", re.I)


def _opens(text: str, at: int) -> bool:
    """Whether a date opens its sentence ("Last year's outbreak ... killed six children"): it dates the whole sentence."""
    return not OPENING_WORDS.sub("", text[:at]).strip()


def nearest(dates: list[DateMention], position: int) -> DateMention | None:
    resolved = [d for d in dates if d.value.resolved] or dates
    return min(resolved, key=lambda d: (abs(d.start - position), d.start), default=None)


def publication(article: Article) -> DateValue | None:
    return None if article.published is None else _day(article.published)


@lru_cache(maxsize=1024)
def _day(day: date) -> DateValue:
    """The publication day as a date value, made once for each day rather than for each figure without a date."""
    iso = day.isoformat()
    return DateValue(text=iso, value=iso, start=day, end=day, precision="day")
