"""A key for every figure, read from its own clause: who it is about, what it measures, and how.

Two figures are compared only when they measure the same quantity. The
quantity is read from the words around the figure, the way a reader does,
not only from the lexicon:

- **measured thing**, lemmatised: "over 90% of global processing capacity"
  -> processing capacity; "2,310 people were hurt" -> injured; "the death toll
  climbed to 41" -> deaths; "killed 63 passengers" -> deaths; "shipped
  12,400 t of steel" -> steel shipments; a share by what its group did
  ("87% backed a strike", "was backed by 78% of the members" -> member back,
  ``figure_shares``). Synonyms come from
  ``rules/lexicon/measures.yaml`` (kill, death, toll -> deaths);
- **kind**: level, share, change, rank, part (9 of the 14) or per-unit;
- **modifiers** that change the quantity: "from China", "y/y", "per person",
  a rate its clause gives ("crossed the bridge each day": per day), and a
  bound (``figure_limits``): "licensed to carry 350 passengers" is a
  ``limit``, "a target of 5,000 homes" a ``target``, so neither is set
  against a count of what there is;
- **subject**: the entity named nearest before the figure in its clause
  (else the first after it, else the nearest earlier in the sentence); "it"
  or "the company" stands for the last entity named in the paragraph.

When a lexicon metric's phrase stands in the figure's own clause item, the
metric names the key (``source: lexicon``); otherwise the key comes from
context alone (``source: context``, lower confidence). A figure whose
measured thing cannot be read has no key and is counted as such.

Keying choice for figures the lexicon does not name: keys are exact, never
scored for similarity. The reading is normalised instead, so that two
wordings of one quantity come out as the same words: lemmas, the rate
wherever the clause puts it ("38,000 vehicles a day", "crossed ... each
day"), the infinitive after a thing read as a noun before its head ("a plan
to repair the bridge" -> repair plan). Across the corpus, a measure then
joins its one fuller name ("repair plan" -> "emergency repair plan",
``key_settling``), an amount known only by its purpose ("$2.1 million for
day-care hubs") takes the name of the one named amount stated for that
purpose (``figure_purposes``), and subjects settle unless one article
contrasts them.
A similarity score (a shared head noun, overlapping words) would also put
"the $11.2 million contract" beside "the $16.4 million repair plan" or a
ground-station grant beside a mission budget: a false conflict costs a
fact-checker more than a missed one, so a doubtful pair stays apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.extract.clauses import PLACE_WORD, Name
from timeline.alternation import by_first_letter
from timeline.extract.figure_context import Cue, search_end
from timeline.extract.figure_limits import limit_of
from timeline.extract.figure_purposes import purpose_only
from timeline.extract.figure_shares import share_measure
from timeline.extract.measures import DATE_MARK, FIGURE_MARK, counts_people, read_measure
from timeline.extract.words import FUNCTION_WORDS, is_common_word, verb_lemma
from timeline.lexicon import Lexicon, Metric
from timeline.models import FigureValue, QuantityKey

YEAR_ON_YEAR = Cue(
    r"\b(?:year[- ]on[- ]year|y/y|yoy|y-o-y|(?:from|over|than) (?:a|the) year[- ](?:earlier|ago)(?: period| quarter)?|over the same (?:period|quarter) (?:last|a) year)\b",
    ("year", "y/y", "yoy", "y-o-y"),
)
QUARTER_ON_QUARTER = Cue(r"\b(?:quarter[- ]on[- ]quarter|q/q|qoq|sequentially)\b", ("quarter", "q/q", "qoq", "sequentially"))
EARLIER = Cue(
    r"\b(?:initially|originally|first (?:put|reported|estimated|pegged|given) at|previously|had earlier|earlier (?:put|reported|estimated)"
    r"|a year (?:earlier|ago|before)|year-ago|the previous (?:year|quarter))\b",
    ("initially", "originally", "first", "previous", "earlier", "year"),
)
FROM_VALUE = re.compile(r"\bfrom\s+(?:the\s+|a\s+)?$", re.I)
CORRECTION = Cue(r"\b(?:revised (?:down|up)?(?:wards?)?\s*(?:to|at)|corrected (?:to|at)|correction|corrected|revised figure|clarified)\b", ("revised", "correct", "clarified"))
RUNNING = Cue(r"\b(?:so far|thus far|to date|till date|until now|up to now|as of now)\b", ("far", "date", "now"))
SINCE = Cue(r"\bsince\b", ("since",))  # "has admitted 57 patients since the outbreak began": a running count
PERFECT = Cue(r"\b(?:has|have|had)\s+(?:been\s+)?\w+(?:ed|en|wn|ne)\b", ("ha",))
NOT_BEFORE = re.compile(r",?\s*(?:and\s+)?not\s+$", re.I)
# "about 640 firefighters remain on the lines", "the fleet now has 12 vessels": the figure is of the day it is written
NOW = Cue(r"\b(?:now|currently|presently|at present|still|(?<!the )(?<!its )(?<!their )remains?)\b", ("now", "currently", "present", "still", "remain"))
YEAR_CUE = re.compile(r"year|previous", re.I)
FROM_NAME = re.compile(r"\bfrom\s+([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")  # "imports from China"
CORRECTS = re.compile(r",?\s*(?:and\s+)?not\s+\S*\d")  # "57, not 61"
PROPER_WORD = re.compile(r"[A-Z][a-z][\w-]*")
ASIDE_BEFORE = re.compile(r",\s*(?:of|from)\s+(?:the\s+)?$")  # "Okafor, of the New Civic Front,"
FOLLOWING_WORD = re.compile(r"\s+([a-z][a-z-]+)")


@dataclass(frozen=True)
class KeyReading:
    subject: str | None
    key: QuantityKey | None
    metric: Metric | None
    earlier: str | None  # "year" for "a year earlier", "before" for "initially" and "from 13.1%"
    correction: bool
    superseded: bool
    running: bool = False
    current: bool = False  # its own words say it is of the time of writing ("now", "still", "remain")
    purpose: str | None = None  # the measure, when the amount is known only by what it is for (``figure_purposes``)


class SentenceWords:
    """What the keys of one sentence's figures read alike, worked out once for the sentence.

    Each figure reads the sentence with the other figures and the dates
    masked (``_blank``), its subject among the sentence's names, and the
    lexicon metrics its clause admits. A sentence of several figures would
    otherwise find its "year on year" cues, weigh its names and test every
    metric's ``requires`` and ``excludes`` again for each figure.
    """

    def __init__(self, sentence: str, names: list[Name], figures: list[tuple[int, int]], dates: list[tuple[int, int]], lexicon: Lexicon) -> None:
        self.sentence, self.names, self.figures, self.dates, self.lexicon = sentence, names, figures, dates, lexicon
        self.owners = _owners(sentence, names)
        self.year_on_year = [match.span() for match in YEAR_ON_YEAR.finditer(sentence)]
        self._subject_names: list[Name] | None = None
        self._admitted: dict[tuple[int, int, str], list[Metric]] = {}

    def blanked(self, figure: tuple[int, int]) -> str:
        """The sentence as the figure at ``figure`` reads it: the other figures and the dates masked (``_blank``)."""
        return _blank(self.sentence, [o for o in self.figures if o != figure], self.dates, self.owners, self.year_on_year)

    def subject_names(self) -> list[Name]:
        """The names a figure can be about: not those that describe a noun or stand in an aside (``_subject``)."""
        if self._subject_names is None:
            self._subject_names = [n for n in self.names if not _attributive(self.sentence, n) and not _in_aside(self.sentence, n)]
        return self._subject_names

    def admitted(self, clause_start: int, clause_end: int, unit: str) -> list[Metric]:
        """The lexicon metrics that can apply to a figure of ``unit`` in the clause, in the lexicon's order."""
        key = (clause_start, clause_end, unit)
        if key not in self._admitted:
            clause = self.sentence[clause_start:clause_end]
            self._admitted[key] = [m for m in self.lexicon.metrics_by_unit.get(unit, ()) if m.admits(clause, unit)]
        return self._admitted[key]


def read_key(words: SentenceWords, figure: tuple[int, int], spans: tuple[int, int, int, int], value: FigureValue, paragraph_entity: str | None) -> KeyReading:
    """The key of the figure at ``figure`` (sentence offsets) with its clause item and clause ``spans``.

    ``words`` holds the sentence, its names, its figures and its dates; the
    other figures and the dates are masked before the words are read.
    """
    sentence, lexicon = words.sentence, words.lexicon
    item_start, item_end, clause_start, clause_end = spans
    f_start, f_end = figure
    blanked = words.blanked(figure)
    left, right = blanked[item_start:f_start], blanked[f_end:item_end]
    admitted = words.admitted(clause_start, clause_end, value.unit)
    metric = _lexicon_metric(admitted, sentence[item_start:item_end], f_start - item_start)
    read_subject = _subject(sentence, words.subject_names(), f_start, f_end, item_start, item_end, clause_start, paragraph_entity)
    subject = _metric_subject(metric, read_subject, lexicon)
    clause_text = sentence[clause_start:clause_end]
    from_value = bool(FROM_VALUE.search(blanked, max(0, f_start - 12), f_start)) and FIGURE_MARK in blanked[clause_start:f_start]
    earlier = _earlier(blanked, item_start, f_start, f_end, item_end) or ("before" if from_value else None)  # "widened to 14.8% from 13.1%"
    own_words = _own_words(left, right)
    cues = dict(
        earlier=earlier,
        correction=not earlier and (bool(CORRECTION.search(sentence[clause_start:f_start])) or _corrects_another(sentence, f_end, item_end)),
        superseded=bool(search_end(NOT_BEFORE, 3, sentence, item_start, f_start)),
        running=bool(RUNNING.search(clause_text) or (SINCE.search(clause_text) and PERFECT.search(clause_text))),
        current=bool(NOW.search(own_words)),
    )
    if value.qualifier == "more":
        return KeyReading(subject, None, None, **cues)  # an increment ("five more elements") is not a total
    kind, modifiers = _kind(value, clause_text, _clause_rate(own_words, value))
    bound = limit_of(left, right, value.qualifier, counts_people(value, lexicon))  # "licensed to carry 350 passengers" is no count on board
    modifiers = modifiers + ((bound,) if bound else ())
    if metric:
        key = QuantityKey(subject=subject, measure=metric.id, kind=kind, unit=value.unit, modifiers=modifiers, source="lexicon")
        return KeyReading(subject, key, metric, **cues)
    measure = share_measure(value, left, right, lexicon) or read_measure(value, left, right, lexicon, blanked[f_end:], bounded=bound is not None)
    if measure is None:
        return KeyReading(subject, None, None, **cues)
    metric = _metric_naming(admitted, measure)
    if metric:  # the lexicon names a key read from context: "produce 90% of the world's magnets" -> magnet production
        subject = _metric_subject(metric, subject, lexicon)
        key = QuantityKey(subject=subject, measure=metric.id, kind=kind, unit=value.unit, modifiers=modifiers, source="lexicon")
        return KeyReading(subject, key, metric, **cues)
    modifiers = modifiers + tuple(m for m in _source_modifier(right, lexicon) if m != f"from {subject}")
    purpose = measure if measure == purpose_only(value, left, right, lexicon) else None  # "$2.1 million for day-care hubs"
    return KeyReading(subject, QuantityKey(subject=subject, measure=measure, kind=kind, unit=value.unit, modifiers=modifiers), None, **cues, purpose=purpose)


def _earlier(blanked: str, item_start: int, f_start: int, f_end: int, item_end: int) -> str | None:
    """An "initially" / "a year earlier" cue that belongs to this figure: before it in its item, or right after it.

    In "widened to 14.8% from 13.1% a year earlier" the cue is the second
    figure's. Returns "year" for a year-ago cue, "before" for the others.
    """
    before = blanked[item_start:f_start]
    after = blanked[f_end : min(item_end, f_end + 40)]
    cue_after = EARLIER.search(after)
    cue = cue_after if cue_after and FIGURE_MARK not in after[: cue_after.start()] else EARLIER.search(before)
    if cue is None:
        return None
    return "year" if YEAR_CUE.search(cue.group(0)) else "before"


def _blank(text: str, spans: list[tuple[int, int]], dates: list[tuple[int, int]], owners: list[tuple[int, int]] = (), year_on_year: list[tuple[int, int]] | None = None) -> str:
    """Other figures in the clause become a placeholder of the same length; "year on year" and ``owners`` become blank.

    "net profit rose 18% to ₹1,240 crore" still reads "net profit" before the
    second figure, but "a package of ₹500 crore comprises ₹300 crore" does not
    give the package's name to the part (see ``measures.phrase_before``).
    """
    chars = list(text)
    for start, end in owners:
        chars[start:end] = " " * (end - start)
    for mark, marked in ((FIGURE_MARK, spans), (DATE_MARK, dates)):
        for start, end in marked:
            if text[end : end + 2] in ("'s", "’s"):
                end += 2  # "Thursday's derailment": the possessive goes with the date
            chars[start:end] = mark + " " * (end - start - 1)
    for start, end in year_on_year if year_on_year is not None else (match.span() for match in YEAR_ON_YEAR.finditer(text)):
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _owners(sentence: str, names: list[Name]) -> list[tuple[int, int]]:
    """The owner in each possessive reference ("the council's", "the company's"): it says whose a quantity is, not what.

    A reference stands for the last entity named (``_subject`` reads it so),
    as "Merrowgate's" does for a name, which never joins the measured thing:
    "the council's top-up of €21 million" is a top-up, the council's, like
    "a €19 million top-up" voted on by the named council. The article stays,
    so that the owner still ends a phrase before it ("an estimate of the
    city's population" measures the population, not the estimate).
    """
    return [(n.start + 3, n.end + 2) for n in names if n.reference and sentence[n.start : n.start + 4].lower() == "the " and sentence[n.end : n.end + 2] in ("'s", "’s")]


CLAUSE_RATE = Cue(
    r"\b(?:[Ee]ach|[Ee]very|per)\s+(?P<every>day|week|month|year|quarter|hour|night)\b|\b(?P<adverb>daily|weekly|monthly|annually|yearly|quarterly|hourly|nightly)\b",
    ("each", "every", "per", "daily", "weekly", "monthly", "annually", "yearly", "quarterly", "hourly", "nightly"),
    flags=0,
)
RATE_WORDS = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year", "quarterly": "quarter", "hourly": "hour", "nightly": "night"}


SUBORDINATE_WORDS = by_first_letter("where which who whom whose that when while because although if unless".split())  # read in every item
SUBORDINATE = re.compile(rf",|\b(?:{SUBORDINATE_WORDS})\b", re.I)


def _own_words(left: str, right: str) -> str:
    """The words of the figure's own clause in its item: not past a comma or into a "where" or "which" clause.

    In "sells through more than 1,400 dealerships, many of them in small towns
    where its vans visit each week" the week is the vans', not the dealerships'.
    """
    cuts = list(SUBORDINATE.finditer(left))
    after = SUBORDINATE.search(right)
    return left[cuts[-1].end() if cuts else 0 :] + " " + right[: after.start() if after else len(right)]


def _clause_rate(words: str, value: FigureValue) -> str | None:
    """The time a figure is counted per when its clause, not the figure, says so.

    "38,000 vehicles a day use the bridge" carries its rate after the number;
    "45,000 vehicles crossed the bridge each day" puts it at the end of the
    clause, and "the bridge's daily traffic of 38,000 vehicles" before it.
    All three count vehicles per day. ``words`` are the figure's item
    without the figure (other figures masked). A share ("12% of the vote
    each year") is no rate.
    """
    if value.per or value.unit in ("percent", "percentage_point", "rank"):
        return value.per
    match = CLAUSE_RATE.search(words)
    if match is None:
        return None
    return match.group("every") or RATE_WORDS[match.group("adverb")]


def _kind(value: FigureValue, clause: str, per: str | None = None) -> tuple[str, tuple[str, ...]]:
    """The kind of quantity and the modifiers that change it: a y/y change is not a q/q change."""
    modifiers: list[str] = []
    per = per or value.per
    if per:
        modifiers.append(f"per {per}")
    if value.change:  # a change is year on year unless the text says sequential ("q/q"), as results reporting writes it
        return "change", tuple(modifiers + (["q/q"] if basis(clause) == "q/q" else []))
    if value.unit == "rank":
        return "rank", tuple(modifiers)
    if value.whole is not None:
        return "part", tuple(modifiers)
    if per:
        return "per-unit", tuple(modifiers)
    if value.unit in ("percent", "percentage_point"):
        return "share", tuple(modifiers)
    return "level", tuple(modifiers)


def basis(clause: str) -> str | None:
    """What a change is measured against: "y/y" ("year on year", "from a year earlier"), "q/q", or None."""
    return "y/y" if YEAR_ON_YEAR.search(clause) else "q/q" if QUARTER_ON_QUARTER.search(clause) else None


def _source_modifier(right: str, lexicon: Lexicon) -> tuple[str, ...]:
    """"imports from China": where a flow comes from changes the quantity.

    A lexicon entity gives its id; another name its first word, with an
    adjective's "-ian" made the place's "-ia" ("from Norvanian ports" is
    from Norvania).
    """
    match = FROM_NAME.search(right)
    if not match:
        return ()
    found = lexicon.entities_in(match.group(1))
    if found:
        return (f"from {found[0][2]}",)
    name = match.group(1).split()[0]
    return (f"from {name[:-1] if name.endswith('ian') else name}",)  # "Norvanian ports" are Norvania's


def _corrects_another(sentence: str, f_end: int, item_end: int) -> bool:
    """"57, not 61": the figure corrects the one after "not"."""
    return bool(CORRECTS.match(sentence[f_end : item_end + 12]))


def _subject(sentence: str, names: list[Name], f_start: int, f_end: int, item_start: int, item_end: int, clause_start: int, paragraph_entity: str | None) -> str | None:
    """Who a figure is about.

    The name that opens its item, as the subject of its verb ("Dana Okafor
    swept to victory in Estervale's race with 121,940 votes"); else the name
    nearest before the figure in its item; else the first after it (not
    across a comma); else the nearest before it in the sentence. Names that
    describe a noun ("the Ashby reservoir") or stand in an aside ("Okafor, of
    the New Civic Front, won") are passed over: ``names`` are the others
    (``SentenceWords.subject_names``).
    """
    before = [n for n in names if item_start <= n.start and n.end <= f_start]
    after = [n for n in names if f_end <= n.start and n.end <= item_end and not n.reference and "," not in sentence[f_end : n.start]]
    earlier = [n for n in names if n.end <= item_start]
    opening = [n for n in before if not n.reference and OPENING.fullmatch(sentence[item_start : n.start])]
    chosen = opening[0] if opening else before[-1] if before else after[0] if after else earlier[-1] if earlier else None
    if chosen is None:
        return None
    if chosen.reference:
        prior = [n for n in names if n.end <= chosen.start and not n.reference]
        return prior[-1].id if prior else paragraph_entity
    return chosen.id


def _metric_subject(metric: Metric | None, read: str | None, lexicon: Lexicon) -> str | None:
    """A metric's fixed subject ("India" for magnet imports), unless the clause names someone the lexicon does not know.

    The fixed subject belongs to the story the lexicon was written for: in
    "Eldoria imported 4,200 tonnes of magnets" the importer is Eldoria. A
    name made of dictionary words ("the Cabinet") or an acronym ("PSUs") is
    an institution of the story's subject, not another subject.
    """
    if metric is None or not metric.subject:
        return read
    known = {entity.id for entity in lexicon.entities}
    proper = read is not None and read not in known and any(PROPER_WORD.fullmatch(w) and not is_common_word(w) for w in read.split())
    return read if proper else metric.subject  # "The Cabinet cleared ..." is still India's


def _metric_naming(admitted: list[Metric], measure: str) -> Metric | None:
    """The admitted lexicon metric whose phrase names a measure read from context, longest phrase first."""
    hits = [(-len(m.group(0)), i, metric) for i, metric in enumerate(admitted) if (m := metric.phrase_regex.search(measure))]
    return min(hits, key=lambda h: h[:2])[2] if hits else None


OPENING = re.compile(r"[\s,“\"'‘(—–-]*(?:(?:the|a|an|and|but|so|in|on|at|for|with|as)\s+)?(?:[A-Z][\w’'.-]*\s+){0,2}", re.I)


def _in_aside(sentence: str, name: Name) -> bool:
    """"Okafor, of the New Civic Front, won": a name between commas after "of" or "from" describes the one before."""
    before = sentence[max(0, name.start - 14) : name.start]
    return bool(ASIDE_BEFORE.search(before)) and sentence[name.end : name.end + 2].startswith(",")


def _attributive(sentence: str, name: Name) -> bool:
    """"the Ashby reservoir": a name describing a common noun is not what a figure is about."""
    if name.reference or not sentence[: name.start].lower().endswith("the "):
        return False
    following = FOLLOWING_WORD.match(sentence, name.end)
    if not following or following.group(1) in FUNCTION_WORDS or PLACE_WORD.match(sentence, name.end):
        return False
    return verb_lemma(following.group(1)) is None  # "the Civic Front won": a verb follows its subject


def _lexicon_metric(admitted: list[Metric], item: str, position: int) -> Metric | None:
    """The metric whose phrase stands first after the figure in its item, else nearest before it.

    ``admitted`` are the metrics whose ``requires`` and ``excludes`` the
    figure's clause meets (``SentenceWords.admitted``); phrases are read in its item.
    """
    after = [(match.start(), -len(match.group(0)), i) for i, m in enumerate(admitted) if (match := m.phrase_regex.search(item, position))]
    if after:
        return admitted[min(after)[2]]
    before = []
    for i, metric in enumerate(admitted):
        hits = list(metric.phrase_regex.finditer(item[:position]))
        if hits:
            before.append((-hits[-1].end(), -len(hits[-1].group(0)), i))
    return admitted[min(before)[2]] if before else None
