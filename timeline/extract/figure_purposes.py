"""Amounts known only by what they are for, and the named amount they are.

A reporter names an amount once ("the school board approved a $1.2 million
emergency fund on Thursday to keep 14 community centres open as day-care
hubs") and later says only what it was for ("the board had approved $2.1
million in September for day-care hubs"). The first is keyed by its name,
emergency fund; the second has no name, and is keyed by its purpose, day-care
hub. Read alone, each is right, and the two never meet.

Keying choice: an amount keyed by its purpose alone (``purpose_only``, kept
on its claim) takes the name of the one named amount in the corpus, of the
same kind, unit and modifiers, whose own words after it state that purpose
(``join_purposes``): the purpose's lemmas, in order, between the named
amount and the next amount in its sentence. A named amount stated for
another time is another amount, however alike its words: a roof contract
signed "on February 2" for the stadium is not the "€19 million for the
stadium" approved "on April 20". When both give a day or a period of their
own, the two must overlap; when either gives none, its time is not known
and it is not ruled out. When two named amounts are
stated for that purpose ("a roof grant ... for the gym", "a gym fund"), or
none is, it keeps its purpose: as elsewhere (``figure_keys``), a doubtful
pair stays apart. An amount with a name of its own is never renamed here;
two purposes never meet each other through a name.
"""

from __future__ import annotations

import re
from dataclasses import replace

from timeline.extract.figures import find_figures
from timeline.extract.measures import TIME_WORDS, _name_measure, _phrase, _phrase_before, _purpose, tokens
from timeline.extract.words import FUNCTION_WORDS, lemma
from timeline.lexicon import Lexicon
from timeline.models import FigureClaim, FigureValue, QuantityKey

LONGEST = 4  # words in a purpose phrase (``measures._phrase``)
ITEM_END = re.compile(r"[);]")


def purpose_only(value: FigureValue, left: str, right: str, lexicon: Lexicon) -> str | None:
    """The measure of an amount known only by what it is for ("$2.1 million for day-care hubs"), else None.

    An amount with a name of its own ("a relief package of ₹500 crore", "a
    $1.2 million emergency fund") is not one. ``left`` and ``right`` are the
    figure's clause item before and after it, other figures and dates
    masked; the caller checks that this is the measure ``read_measure`` read,
    since a counted noun or a group comes first there.
    """
    if value.noun or value.unit in ("percent", "percentage_point", "count"):
        return None
    after = tokens(right)
    named_before, via_of, _ = _phrase_before(tokens(left), lexicon)
    if (named_before and via_of) or (after[:1] and after[0].lower() not in FUNCTION_WORDS and _phrase(after, lexicon)):
        return None
    phrase = _purpose(after, lexicon)
    if not phrase or TIME_WORDS.intersection(w.lower() for w in phrase):
        return None
    return _name_measure(phrase, lexicon)


def join_purposes(pairs: list[tuple[FigureClaim, QuantityKey]]) -> list[tuple[FigureClaim, QuantityKey]]:
    """Each claim with its key, an amount known by its purpose renamed after the sole named amount stated for it (``pairs``, rewritten in place).

    Every named amount's words after it are indexed once by their runs of
    lemmas, so the join is linear in the corpus.
    """
    purposes = {claim.purpose for claim, _ in pairs if claim.purpose}
    if not purposes:
        return pairs
    stated: dict[tuple, list[tuple[str, FigureClaim]]] = {}  # (kind, unit, modifiers, purpose) -> named amounts stated for it
    for claim, key in pairs:
        if claim.purpose or key.unit in ("percent", "percentage_point", "count", "rank"):
            continue
        for run in _runs(_words_after(claim)) & purposes:
            stated.setdefault((key.kind, key.unit, key.modifiers, run), []).append((key.measure, claim))
    for index, (claim, key) in enumerate(pairs):  # in place: the list holds every keyed figure of the corpus
        named = stated.get((key.kind, key.unit, key.modifiers, claim.purpose), []) if claim.purpose == key.measure else []
        names = {measure for measure, other in named if _same_time(claim, other)}
        if len(names) == 1:
            pairs[index] = (claim, replace(key, measure=next(iter(names))))
    return pairs


def _same_time(a: FigureClaim, b: FigureClaim) -> bool:
    """Whether two amounts may be of one time: their stated periods overlap, or one states none."""
    if not (a.as_of_stated and b.as_of_stated and a.as_of and b.as_of and a.as_of.start and b.as_of.start):
        return True
    return a.as_of.start <= (b.as_of.end or b.as_of.start) and b.as_of.start <= (a.as_of.end or a.as_of.start)


def _words_after(claim: FigureClaim) -> list[str]:
    """The lemmas of the claim's sentence after its figure, up to the next amount (another amount's purpose is its own)
    or the end of the figure's parenthesis or list item: in "water supply (₹980 crore), schools (₹610 crore)" the
    schools are the next item's name, not what the water money is for."""
    quote = claim.provenance.quote
    at = quote.find(claim.text)
    if at < 0:
        return []
    end = at + len(claim.text)
    following = [m.start for m in find_figures(quote) if m.start >= end and m.value.unit not in ("percent", "percentage_point", "count", "rank")]
    stretch = ITEM_END.split(quote[end : min(following, default=len(quote))], maxsplit=1)[0]
    return [lemma(word) for word in tokens(stretch) if word[0].isalpha()]


def _runs(words: list[str]) -> set[str]:
    """Every run of one to ``LONGEST`` consecutive words, joined by spaces."""
    return {" ".join(words[i : i + size]) for size in range(1, LONGEST + 1) for i in range(len(words) - size + 1)}
