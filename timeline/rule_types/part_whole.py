"""part-whole: a total and its parts, in one sentence, that do not add up.

A sentence that gives a total and then breaks it down after a split cue
(``split_cues``: "of which", "comprising", "split into", ...) is checked. The
total is the figure nearest before the cue; the parts are the figures after
it in the total's unit, and they must add up to it. Sums are intervals, as
every figure is: the parts' sum must overlap the total, so "about $2 billion"
made up of "$1.2 billion" and "$0.7 billion" passes (1.9 billion is within
about 2). A bare number after the cue ("700 for X") is a part of a count
total, and "15 million" after a "$50 million" total is read as dollars.

A ``figure_cues`` word ("with") splits only when a figure follows it
directly ("a ₹500 crore package, with ₹300 crore for roads and ₹150 crore
for homes"), not in "118,430 votes, with Lindqvist on 109,870".

A list after an open cue (``open_cues``: "including", "such as", "among
them", ...) names only some of the parts and is never summed; an open cue
also ends a list that began before it, and so does a comparison
(``end_cues``: "up from", "compared with", ...). A figure right after one of
the ``not_after`` words ("from 12 villages") details a part and is not one.
With fewer than two parts there is nothing to check.

Fails::

    The state set aside ₹900 crore, of which ₹600 crore for roads and ₹200 crore for housing.
        "₹900 crore" (total) vs parts summing to ₹800 crore: "₹600 crore" + "₹200 crore"
    The 1,200 seats are split into 700 for the alliance and 400 for the opposition.
        "1,200 seats" (total) vs parts summing to 1,100 seats: "700" + "400"

Passes::

    A package of $50 million comprising $30 million in grants and $20 million in loans.
    Revenue of about $2 billion was made up of $1.2 billion from cloud and $0.7 billion from devices.
    The floods left 41 people dead, including 12 children and 9 women.    (not exhaustive)
    3,000 people were evacuated, of which 2,000 people from 12 villages and 1,000 people from the town.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from itertools import groupby
from typing import Callable, Iterator, NamedTuple

from pydantic import BaseModel, ConfigDict

from timeline.alternation import by_first_letter
from timeline.corpus import Corpus
from timeline.extract.figure_context import holds_word
from timeline.extract.figure_claims import SPLIT_CUES
from timeline.models import DateClaim, FigureClaim, FigureValue, Finding, Provenance

TYPE = "part-whole"
SCOPE = "article"
READS = frozenset({"figure", "date"})
MONEY = {"INR": ("₹", [(1e12, "lakh crore"), (1e7, "crore"), (1e5, "lakh")]), "USD": ("$", [(1e9, "billion"), (1e6, "million")])}
LARGE = [(1e9, "billion"), (1e6, "million")]
BARE = re.compile(r"(?<![\w.,$₹-])(\d{1,3}(?:,\d{2,3})+|\d+)(?!\.\d|,\d|\s*(?:%|per\s?cent))(?!\w)")


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    split_cues: list[str] = list(SPLIT_CUES)
    open_cues: list[str] = ["including", "such as", "among them", "like", "among which"]
    end_cues: list[str] = ["up from", "down from", "compared with", "compared to", "against", "than"]
    not_after: list[str] = ["from", "in", "across", "by", "within", "per", "for", "on", "among"]
    figure_cues: list[str] = []


class Cues(NamedTuple):
    """An instance's cue patterns (see ``Options``)."""

    split: re.Pattern[str]
    stops: re.Pattern[str]
    figure_split: re.Pattern[str] | None
    detail: re.Pattern[str]
    words: tuple[str, ...]  # one word of every split cue, to pass over a sentence without one before any pattern runs


@lru_cache(maxsize=16)
def _cues(split_cues: tuple[str, ...], open_cues: tuple[str, ...], end_cues: tuple[str, ...], not_after: tuple[str, ...],
          figure_cues: tuple[str, ...]) -> Cues:  # fmt: skip
    """The patterns of one instance's options, made once: ``check`` runs the rule on each article as it is read, and
    making them again for each was about 1.5 s of a warm check of 10,000 articles."""
    return Cues(
        split=_words(split_cues), stops=_words(split_cues + open_cues + end_cues), figure_split=_words(figure_cues) if figure_cues else None,
        detail=re.compile(rf"{_words(not_after).pattern}\s*$", re.IGNORECASE),
        words=tuple({max(phrase.lower().split(), key=len) for phrase in split_cues + figure_cues if phrase.strip()}),
    )  # fmt: skip


def check(rule, options: Options, corpus: Corpus, ruleset) -> Iterator[Finding]:
    lists = (options.split_cues, options.open_cues, options.end_cues, options.not_after, options.figure_cues)
    split, stops, figure_split, detail, cue_words = _cues(*map(tuple, lists))
    cues_in = (split,) if figure_split is None else (split, figure_split)
    for quote, located in _sentences(corpus, lambda quote: holds_word(quote, cue_words) and any(cue.search(quote) for cue in cues_in)):
        figures = [(at, c) for at, c in located if isinstance(c, FigureClaim)]
        if not figures:
            continue  # no total to split: the cues need not be looked for
        taken = [(at, at + len(c.text)) for at, c in located]
        cues = list(split.finditer(quote))
        if figure_split is not None:  # "a ₹500 crore package, with ₹300 crore for roads and ...": only right before a figure
            starts = {at for at, _ in figures}
            cues += [m for m in figure_split.finditer(quote) if any(0 < at - m.end() <= 2 for at in starts)]
        for cue in sorted(cues, key=lambda m: m.start()):
            end = next((m.start() for m in stops.finditer(quote, cue.end())), len(quote))
            before = [f for f in figures if f[0] < cue.start()]
            for total_at, total in reversed(before):
                parts = _parts(quote, figures, taken, cue.end(), end, total_at, total, detail)
                if len(parts) >= 2:
                    if not _adds_up(total.value, [p.value for p in parts]):
                        yield _finding(rule, total, parts)
                    break


def _sentences(corpus: Corpus, cued: Callable[[str], bool]) -> Iterator[tuple[str, list[tuple[int, FigureClaim | DateClaim]]]]:
    """Each sentence occurrence that ``cued`` lets through, with its figures and dates and where each starts in it.

    Most sentences hold no cue, and have nothing to check: asked first, once
    for each run of claims quoting one sentence, they are never sorted or
    searched (at 3,000 articles the rule took 0.65 s, nearly all on them).
    """
    located_kinds = (c for c in corpus.claims if isinstance(c, (FigureClaim, DateClaim)))
    claims = [c for quote, run in groupby(located_kinds, lambda c: c.provenance.quote) if cued(quote) for c in run]  # a sentence's claims come together
    key = lambda c: (c.provenance.path, c.provenance.quote)  # noqa: E731
    for (_path, quote), group in groupby(sorted(claims, key=lambda c: (*key(c), c.provenance.line, c.provenance.column)), key):
        located: list[tuple[int, FigureClaim | DateClaim]] = []
        cursor = 0
        for claim in group:
            at = quote.find(claim.text, cursor)
            if at < 0 and (at := quote.find(claim.text)) >= 0:  # the same sentence again, further down the article
                yield quote, located
                located = []
            if at >= 0:
                located.append((at, claim))
                cursor = at + len(claim.text)
        yield quote, located


def _parts(quote, figures, taken, start, end, total_at, total: FigureClaim, detail) -> list[FigureClaim]:
    unit = total.value.unit
    found: list[tuple[int, FigureClaim]] = []
    for at, claim in figures:
        if start <= at < end and not detail.search(quote, 0, at):
            if claim.value.unit == unit:
                found.append((at, claim))
            elif claim.value.unit == "count" and claim.value.noun is None and unit in MONEY:
                found.append((at, replace(claim, value=replace(claim.value, unit=unit))))
    if unit == "count":
        for match in BARE.finditer(quote, start, end):
            at = match.start()
            if re.fullmatch(r"(?:19|20)\d\d", match.group()) or detail.search(quote, 0, at) or any(s < match.end() and at < e for s, e in taken):
                continue
            found.append((at, _bare(match.group(), quote, at, total_at, total)))
    return [claim for _, claim in sorted(found, key=lambda f: f[0])]


def _bare(text: str, quote: str, at: int, total_at: int, total: FigureClaim) -> FigureClaim:
    """A bare number read in the total's unit, placed in the file from the total's place."""
    where = total.provenance
    breaks = quote.count("\n", total_at, at)
    column = where.column + at - total_at if not breaks else at - quote.rfind("\n", 0, at)
    number = float(text.replace(",", ""))
    value = FigureValue(text=text, low=number, high=number, unit=total.value.unit, noun=total.value.noun)
    provenance = Provenance(path=where.path, line=where.line + breaks, column=column, quote=quote)
    return FigureClaim(provenance=provenance, text=text, published=total.published, value=value, subject=total.subject, as_of=total.as_of)


def _adds_up(total: FigureValue, parts: list[FigureValue]) -> bool:
    low = sum(p.low or 0.0 for p in parts)
    high = None if any(p.high is None for p in parts) else sum(p.high for p in parts)
    slack = 1e-9 * max(abs(low), abs(high or 0.0), abs(total.low or 0.0), abs(total.high or 0.0), 1.0)  # float sums
    summed = FigureValue(text="", low=low - slack, high=None if high is None else high + slack, unit=total.unit)
    return summed.overlaps(total)


def _finding(rule, total: FigureClaim, parts: list[FigureClaim]) -> Finding:
    low = sum(p.value.low or 0.0 for p in parts)
    high = None if any(p.value.high is None for p in parts) else sum(p.value.high for p in parts)
    unit, noun = total.value.unit, total.value.noun
    summed = _amount(low, unit, noun) if high == low else f"over {_amount(low, unit, noun)}" if high is None else f"{_amount(low, unit, noun)} to {_amount(high, unit, noun)}"
    listed = " + ".join(f'"{p.text}"' for p in parts)
    message = f'"{total.text}" (total) vs parts summing to {summed}: {listed}'
    return Finding(rule=rule.id, severity=rule.severity, subject=total.subject, message=message, location=total.provenance, claims=(total, *parts))


def _amount(x: float, unit: str, noun: str | None) -> str:
    """An amount the way news states it: ₹800 crore, $1.9 billion, 1,100 seats, 45%."""
    if unit in MONEY:
        sign, scales = MONEY[unit]
        scale, word = next(((s, w) for s, w in scales if x >= s), (1.0, ""))
        return f"{sign}{round(x / scale, 2):,g} {word}".rstrip()
    if unit in ("percent", "percentage_point"):
        return f"{x:g}%" if unit == "percent" else f"{x:g} percentage points"
    scale, word = next(((s, w) for s, w in LARGE if x >= s), (1.0, ""))
    return f"{round(x / scale, 2):,g} {word} {'tonnes' if unit == 'tonne' else noun or ''}".replace("  ", " ").strip()


def _words(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One case-blind pattern for the phrases, longest first, grouped by first letter (``alternation``): it is
    searched in every sentence that states a figure."""
    alternatives = sorted((r"\s+".join(map(re.escape, p.split())) for p in phrases), key=len, reverse=True)
    return re.compile(rf"\b(?:{by_first_letter(alternatives)})\b", re.IGNORECASE)
