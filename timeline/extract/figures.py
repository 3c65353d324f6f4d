"""Figures in news text as intervals with units: what a figure claims, not just its digits.

A figure is a number read with the words that qualify it, scale it, give its
unit and tell whether it is a level or a change:

- qualifiers: "over 90%" is (90, 100], "no more than 40" [0, 40], "40 or more"
  [40, ..), "above 2,000 and below 2,500" (2000, 2500), "around 60%" a band
  whose width comes from ``rules/figures.yaml``, "300-odd" [300, 400);
- ranges: "60-70%", "between 30 and 40", "₹3,000 crore to ₹5,000 crore";
- scales: lakh, crore, lakh crore, thousand, million (mn, mln, "$350M"),
  billion (bn, bln), trillion ("$1.8T"), "a million", "half a million",
  "six and a half million", digit groups "1,25,000" / "25 000" / "25 000" (thin space);
- units, in base units and never converted between currencies: percent,
  percentage points (and basis points), INR, USD, EUR, GBP, JPY, CNY, CAD, HKD,
  AUD ("$" is USD, "C$" CAD), tonnes (kt, MT, MMT, LMT, TPA, MTPA, kg, lb,
  "pounds of <goods>"), counts and ranks ("second-largest" is rank 2);
- counts: a bare number counts the plural noun after it ("40 executives"),
  the subject of a verb ("612 were rescued"), the level a count rose to ("the
  toll climbed to 41") or the part of a whole ("9 of the 14": 9, whole 14);
- changes: "jumped 180 per cent" is +180 with ``change`` set, "dropped 38%"
  and "a 4% decline" are negative, while "rose to 57" is a level;
- rates: "₹10 lakh each", "per capita", "5 MTPA", "40 a day" set ``per``.

>>> [(f.value.low, f.value.high, f.value.unit) for f in find_figures("China controls over 90 per cent of it.")]
[(90.0, 100.0, 'percent')]
>>> [(f.value.low, f.value.change) for f in find_figures("Sales dropped 38% in May.")]
[(-38.0, True)]
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from timeline.extract.folding import folded
from timeline.extract import figure_units as u
from timeline.alternation import by_first_letter
from timeline.extract.figure_context import FROM_BEFORE, TIME_AFTER, change_of, counted_by_context, holds_word, search_end
from timeline.extract.figure_units import QUALIFIERS, SCALES, WORD_NUMBERS
from timeline.models import FigureValue
from timeline.ruleset import FigureSettings

LABELS = (
    r"Rule|Section|Article|Chapter|Phase|Schedule|Clause|Para|Paragraph|No\.?|Number|Level|Class|Grade|Tier|Stage|"
    r"Version|Room|Gate|Block|Sector|Platform|Route|Vision|Mission|Agenda|Plan|Budget|Act|Day|Game|Match|Round|Leg|"
    r"Season|Book|Part|Page|Flight|Item|Episode|Volume|Exhibit|Ward|Step"
)
LABELS_ANY_CASE = r"rule|section|article|chapter|clause|paragraph|page|pages|schedule|phase|item|exhibit|volume|episode|flight|platform|gate|ward|grade|class|no\."
NAME_BEFORE = re.compile(rf"\b(?:{LABELS})\s+$|\b(?i:{LABELS_ANY_CASE})\s+$")
# The words that end a match of NAME_BEFORE (``search_end``): the labels in lower case, "No." with its dot.
NAME_BEFORE_ENDS = tuple({label.replace("\\.?", "").replace("\\.", ".").lower() for label in f"{LABELS}|{LABELS_ANY_CASE}".split("|")} | {"no."})
VERBS_ENDING_IN_S = {
    "says", "is", "was", "has", "does", "goes", "remains", "stands", "seems", "means", "needs", "shows", "adds",
    "gives", "takes", "reports", "allows", "includes", "requires", "follows", "makes", "comes", "becomes", "plus",
}  # fmt: skip
NOT_NOUNS = {"this", "its", "his", "hers", "ours", "theirs", "thus", "across", "always", "perhaps", "whereas", "unless", "less", "as", "us", "towards", "besides"}
CONJUNCTIONS = frozenset({"and", "but", "nor", "yet"})  # "or" is a stop word
TIME_NOUNS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades", "hours", "minutes", "times", "quarters", "halves", "seasons"}
STOP_WORDS = {
    "of", "in", "for", "to", "from", "by", "with", "on", "at", "or", "per", "cent", "percent", "the", "a", "an",
    "after", "before", "during", "since", "until", "into", "over", "under", "about", "against", "among", "between",
    "through", "than", "when", "while", "who", "which", "that",
}  # fmt: skip

SPELLED_SCALES = "dozen|hundred|thousand|million|billion|trillion|lakhs?|crores?"
SCALE_AHEAD = rf"(?=\s+(?:{SPELLED_SCALES})\b)"
UNITS = "one|two|three|four|five|six|seven|eight|nine"
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
BASE = by_first_letter([f"{tens}(?:[-\\s](?:{UNITS}))?" for tens in TENS] + UNITS.split("|") + TEENS)
WORDS = rf"(?<![\w-])(?:half\s+an?{SCALE_AHEAD}|an?{SCALE_AHEAD}|(?:{BASE})(?:\s+and\s+a\s+half)?)(?:\s+(?:dozen|hundred))?\b"
# "25 000" / "25 000": groups of three after a space only when no further digit follows.
DIGITS = r"\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3}(?!\d))+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER = rf"(?:{DIGITS}|{WORDS})"
PREFIXES = sorted((q for q in QUALIFIERS if not q.startswith(("or ", "and ")) and q not in {"plus", "+"}), key=len, reverse=True)
QUALIFIER = by_first_letter([re.escape(q) for q in PREFIXES])
CURRENCY = f"(?:{by_first_letter(list(u.CURRENCY_SIGNS))})"
LETTER_SCALE = r"(?P<sl{0}>[kmbt])\b"  # "$350M", "$1.8T": only straight after a currency sign

# FIGURE starts only where a letter does not precede: a figure never begins inside a word. It is tried at every
# other position of every sentence, so its word lists open with a case-sensitive class (``by_first_letter``)
# and its minus sign with the hyphen before what must not stand before it: the regex engine passes them over
# at once where they cannot start.
FIGURE = re.compile(
    rf"(?<![^\W\d_])(?:(?<!\w)(?P<qual>{QUALIFIER})\s*)?(?P<between>between\s+)?(?P<sign>[+\u2212]|-(?<![\w.,%)-]-)(?=\d))?"
    rf"(?:(?<!\w)(?P<cur1>{CURRENCY}))?\s?(?P<n1>{NUMBER})(?P<odd>[-\s]odd\b)?"
    rf"(?:\s?-?\s?(?P<sc1>{u.SCALE})|(?(cur1){LETTER_SCALE.format(1)}))?(?P<u1>{u.UNIT})?"
    rf"(?:\s*(?P<sep>-|–|—|to|and|but)\s*(?:(?P<qual2>{u.UPPER})\s*)?(?P<cur2>{CURRENCY})?\s?(?P<n2>{NUMBER})"
    rf"(?:\s?-?\s?(?P<sc2>{u.SCALE})|(?(cur2){LETTER_SCALE.format(2)}))?)?"
    rf"(?P<unit>{u.UNIT})?(?P<curword>\s+{u.CURRENCY_WORD})?",
    re.IGNORECASE,
)
POSTFIX = re.compile(r"[ \t]+(?P<w>(?:or|and)[ \t]+(?:more|above|over|less|fewer|below|under))\b|(?P<g>\+|-plus\b)", re.IGNORECASE)
PART = re.compile(
    rf"[ \t]+(?:out[ \t]+)?of[ \t]+(?:(?:the|its|their|all)[ \t]+)?(?P<whole>{NUMBER})(?![\d,.]*\d)(?![ \t]*(?:%|per[ \t]?cent|percent))",
    re.IGNORECASE,
)
NOUN_WORD = re.compile(r"\s*([A-Za-z][\w-]*)")
# The small patterns of the reading below, compiled once: a call of ``re.match`` with a string looks its pattern up each time.
DIGIT = re.compile(r"\d")  # as NUMBER reads a digit
# Every spelled number (WORDS) holds one of these words: a number word, "half" or a scale ("a million").
SPELLED_WORDS = tuple(UNITS.split("|") + TENS + TEENS + ["half"] + SPELLED_SCALES.replace("s?", "").split("|"))
DIGIT_GAPS = re.compile(r"[,\s]")  # "1,25,000", "25 000"
WORD_GAPS = re.compile(r"[-\s]+")  # "sixty-five", "six and a half"
FIRST_GROUP = re.compile(r"\d{1,3}[ \u00a0\u2009\u202f](?=\d{3})")  # "17 100" in "June 17 100 people"
COMPOUND = re.compile(r"-[^\W\d_]")  # "a 10-member team"
SINGULAR_VERB = re.compile(r"[ \t]+(?:was|is|has)\b")
LEADING_ZERO = re.compile(r"0\d")  # "007"
YEAR = re.compile(r"(?:19|20)\d{2}")
INCREMENT = re.compile(r"(?:more|additional|extra|new|further)\b", re.IGNORECASE)  # "five more elements"
OF_WORD = re.compile(r"[ \t]+of[ \t]+(\w+)")  # "5,000 pounds of cocaine"
WEIGHED = re.compile(r"weigh\w*(?:\s+\S+)?\s*$")  # "weighing 300 pounds"


@dataclass(frozen=True)
class FigureMention:
    start: int
    end: int
    value: FigureValue


@lru_cache(maxsize=4096)  # pure, and the same few numbers, scales and units come back figure after figure
def parse_number(token: str) -> float:
    """"1,25,000" -> 125000; "25 000" -> 25000; "sixty-five" -> 65; "two dozen" -> 24; "six and a half" -> 6.5."""
    token = folded(token).strip()
    if token[0].isdigit():
        return float(DIGIT_GAPS.sub("", token))
    parts = WORD_GAPS.split(token)
    multiplier = {"dozen": 12, "hundred": 100}.get(parts[-1], 1)
    if multiplier > 1:
        parts = parts[:-1]
    if parts[0] == "half":
        return 0.5 * multiplier
    half = 0.5 if parts[-1] == "half" else 0.0
    base = sum(WORD_NUMBERS.get(part, 0) for part in (parts[:-3] if half else parts))
    return float((base + half) * multiplier)


@lru_cache(maxsize=256)
def _scale(token: str | None) -> float:
    if not token:
        return 1.0
    word = u.SPACES.sub(" ", folded(token))
    return SCALES.get(word) or SCALES[word.rstrip("s")]  # "lakh crores" -> "lakh crore"


def _count_noun(text: str, end: int) -> tuple[str, int] | None:
    """The plural noun a bare number counts ("40-50 automotive industry executives") and where it ends."""
    words: list[tuple[str, int]] = []
    for word in NOUN_WORD.finditer(text[end : end + 80]):
        if word.start() != (words and words[-1][1] or 0) or len(words) == 6:
            return None
        lower = folded(word.group(1))
        if lower in STOP_WORDS or lower in TIME_NOUNS or lower in VERBS_ENDING_IN_S or lower in NOT_NOUNS:
            return None
        if not words and lower in CONJUNCTIONS:
            return None  # "the Green Party 5 and independents 2": the next item, not what 5 counts ("heavy and medium magnets" is)
        words.append((word.group(1), word.end()))
        if lower.endswith("s") or lower in {"people", "staff", "personnel", "crew", "children", "men", "women", "police", "cattle"}:
            return " ".join(w for w, _ in words), end + word.end()
    return None


def to_interval(
    low: float, high: float, qualifier: str | None, unit: str, settings: FigureSettings, change: bool = False
) -> tuple[float | None, float | None, bool, bool]:
    """(low, high, low_open, high_open) for a stated value or range and its qualifier (a change has no 100% cap)."""
    cap = 100.0 if unit == "percent" and not change else None
    floor = 0.0
    if low != high:  # a stated range already carries its uncertainty
        return low, high, False, False
    x = low
    kind = QUALIFIERS.get(folded(qualifier)) if qualifier else None
    if kind in ("nearly", "around"):
        band = settings.band(unit, x)
    if kind == "over":
        return x, cap, True, False
    if kind == "at least":
        return x, cap, False, False
    if kind == "nearly":
        return max(floor, x - band), x, False, True
    if kind == "around":
        high = x + band if cap is None else min(cap, x + band)
        return max(floor, x - band), high, False, False
    if kind == "up to":
        return floor, x, False, False
    if kind == "under":
        return floor, x, False, True
    return x, x, False, False


def find_figures(text: str, settings: FigureSettings = FigureSettings(), skip: list[tuple[int, int]] | None = None) -> list[FigureMention]:
    """Every figure in ``text`` (percent, money, mass, counts, ranks), skipping spans such as dates."""
    skip = skip or []
    mentions: list[FigureMention] = []
    position = 0
    spelled = holds_word(text, SPELLED_WORDS)
    while match := _next_figure(text, position, spelled):
        mention = _figure(text, match, settings)
        if mention is None or any(mention.start < e and s < mention.end for s, e in skip):
            mention = _after_first_group(text, match, settings, skip)
        if mention is not None:
            mentions.append(mention)
        # go on after what was read: past "9 of the 14 states", but back to "£5m" in "€3bn and £5m"
        position = max(mention.end, match.start() + 1) if mention else match.end()
    for match in u.RANK.finditer(text):
        if not any(match.start() < e and s < match.end() for s, e in skip + [(m.start, m.end) for m in mentions]):
            rank = float(u.rank_of(match))
            mentions.append(FigureMention(match.start(), match.end(), FigureValue(text=match.group(0), low=rank, high=rank, unit="rank")))
    mentions += _set_against(text, mentions, skip)
    return sorted(mentions, key=lambda m: m.start)


SET_AGAINST = re.compile(r"[ \t]+(?:against|to|versus|vs\.?|from(?:[ \t]+the)?)[ \t]+(?:[A-Z][\w-]*['’]s[ \t]+)?(?P<n>\d{1,3}(?:,\d{3})+|\d{2,})\b(?![,.]?\d|[ \t]*(?:%|per))")


def _next_figure(text: str, position: int, spelled: bool) -> re.Match[str] | None:
    """``FIGURE.search(text, position)``, or None at once when no number is left to start a figure.

    Every figure holds a number; in a sentence that spells none (``spelled``
    false) that is a digit. A sentence without one, and the words after a
    sentence's last figure, are then not searched position by position.
    """
    if not spelled and DIGIT.search(text, position) is None:
        return None
    return FIGURE.search(text, position)


def _set_against(text: str, mentions: list[FigureMention], skip: list[tuple[int, int]]) -> list[FigureMention]:
    """A bare number set against a count: "61,200 votes to Lindqvist's 57,950", "the margin to 8,311 votes from the 8,560".

    It counts what the figure before it counts, in the same unit.
    """
    taken = skip + [(m.start, m.end) for m in mentions]
    found = []
    for mention in mentions:
        value = mention.value
        if value.unit != "count" or value.noun is None or value.change:
            continue
        match = SET_AGAINST.match(text, mention.end)
        if match is None or any(match.start("n") < e and s < match.end("n") for s, e in taken):
            continue
        number = float(match.group("n").replace(",", ""))
        found.append(FigureMention(match.start("n"), match.end("n"), FigureValue(text=match.group("n"), low=number, high=number, unit="count", noun=value.noun)))
    return found


def _after_first_group(text: str, match: re.Match[str], settings: FigureSettings, skip: list[tuple[int, int]]) -> FigureMention | None:
    """"June 17 100 people": digits grouped by a space that turn out to be a date, then a number."""
    group = FIRST_GROUP.match(match.group("n1"))
    if group is None:
        return None
    retry = FIGURE.search(text, match.start("n1") + group.end(), match.end())
    mention = _figure(text, retry, settings) if retry else None
    return None if mention is None or any(mention.start < e and s < mention.end for s, e in skip) else mention


def _figure(text: str, match: re.Match[str], settings: FigureSettings) -> FigureMention | None:
    start = match.start("n1") if not match.group("cur1") else match.start("cur1")
    if match.group("qual"):
        start = match.start()
    elif match.group("between"):
        start = match.start("between")
    before = text[max(0, start - 2) : start]
    if before[-1:] and (before[-1].isalnum() or before[-1] in ",." or (before[-1] == "-" and before[:1].isalpha())):
        return None  # inside a word, a name ("G20", "Covid-19") or another number
    glued = text[match.end("n1") : match.end("n1") + 1]
    if glued.isalpha() and match.end("n1") not in (match.start("sc1"), match.start("u1"), match.start("sl1")):
        return None  # "5G", "24x7": a name, not a quantity
    if search_end(NAME_BEFORE, 1, text, max(0, start - 20), start, NAME_BEFORE_ENDS):
        return None  # a label, not a quantity: "Rule 5", "Article 370", "Phase 2"
    sep = folded(match.group("sep") or "")
    if (sep in {"and", "but"} and not match.group("between") and not match.group("qual2")) or (match.group("qual2") and sep not in {"and", "but"}):
        return _single(text, match, settings, start)
    if sep and _two_units(match):
        return _single(text, match, settings, start)  # "fell 12% to ₹4,200 crore": a change, then a level
    if sep in {"to", "-"} and search_end(FROM_BEFORE, 2, text, max(0, start - 30), start, ("from",)):
        level = FIGURE.match(text, match.start("cur2") if match.group("cur2") else match.start("n2"))
        return _figure(text, level, settings) if level else None  # "rose from 12% to 41%": the new level
    unit, factor, per, end = _unit(text, match)
    low = parse_number(match.group("n1"))
    high = parse_number(match.group("n2")) if match.group("n2") else low
    scale_low = _scale(match.group("sc1") or match.group("sl1") or match.group("sc2") or match.group("sl2"))
    scale_high = _scale(match.group("sc2") or match.group("sl2") or match.group("sc1") or match.group("sl1"))
    qualifier = match.group("qual")
    if post := POSTFIX.match(text, end):
        qualifier, end = folded(post.group("w") or post.group("g").lstrip("-")), post.end()
    elif COMPOUND.match(text[end : end + 2]):
        return None  # a compound adjective: "a million-dollar question", "a 10-member team"
    noun, whole = None, None
    if unit is None:
        counted = _count_noun(text, end)
        scaled = match.group("sc1") or match.group("sc2")
        if scaled and scaled.lower().startswith(("lakh", "lac", "crore", "cr")) and counted is None:
            # "5 lakh" in Indian news is rupees unless it counts: "5 lakh people", "5 lakh were vaccinated"
            plural = counted_by_context(text, match.group("n1"), start, end) and not SINGULAR_VERB.match(text[end : end + 5])
            unit = "count" if plural else "INR"
        elif not scaled:
            if _looks_like_year(match) or LEADING_ZERO.match(match.group("n1")) or TIME_AFTER.match(text, end):
                return None  # a year, "007", "7 am"
            if (part := PART.match(text, end)) and not YEAR.fullmatch(part.group("whole")):
                whole, end = parse_number(part.group("whole")), part.end()
                counted = _count_noun(text, end)
            elif counted is None and not counted_by_context(text, match.group("n1"), start, end):
                return None
        unit = unit or "count"
        if counted and unit == "count":
            noun, end = counted
    if rate := u.PER.match(text, end):
        per, end = per or u.per_of(rate), rate.end()
    low, high = low * scale_low * factor, high * scale_high * factor
    change, negative = change_of(text, start, end, unit, match.group("sign"), match.group("qual"))
    if high < low or (unit == "percent" and high > 100 and not change):
        return None
    if noun and INCREMENT.match(noun):
        qualifier = "more"  # an increment ("five more elements"), not a total
    if match.group("odd") and not match.group("n2"):
        lo, hi, lo_open, hi_open, qualifier = low, low + _odd_step(match.group("n1")) * scale_low * factor, False, True, "odd"
    elif match.group("qual2"):
        if QUALIFIERS.get(folded(qualifier or "")) not in {"over", "at least"}:
            return _single(text, match, settings, start)
        lo, hi, lo_open, hi_open = low, high, QUALIFIERS[folded(qualifier)] == "over", QUALIFIERS[folded(match.group("qual2"))] == "under"
        qualifier = f"{qualifier} {sep} {match.group('qual2')}"
    else:
        lo, hi, lo_open, hi_open = to_interval(low, high, qualifier, unit, settings, change)
    if negative:
        lo, hi, lo_open, hi_open = (None if hi is None else 0.0 - hi), (None if lo is None else 0.0 - lo), hi_open, lo_open
    if match.group("sign") and change:
        start = min(start, match.start("sign"))
    value = FigureValue(
        text=text[start:end], low=lo, high=hi, low_open=lo_open, high_open=hi_open, unit=unit,
        qualifier=qualifier.lower() if qualifier else None, noun=noun, change=change, whole=whole, per=per,
    )  # fmt: skip
    return FigureMention(start=start, end=end, value=value)


def _unit(text: str, match: re.Match[str]) -> tuple[str | None, float, str | None, int]:
    """(unit, factor to the base unit, per, end of the figure) from the currency or unit written with it."""
    end = match.end()
    currency = match.group("cur1") or match.group("cur2")
    if currency:
        return u.currency_of(currency), 1.0, None, end
    if word := match.group("curword"):
        after = OF_WORD.match(text[end : end + 40])
        if word.strip().lower() == "pounds" and ((after and after.group(1).lower() not in u.MONEY_NOUNS) or WEIGHED.search(text[max(0, match.start() - 20) : match.start()])):
            return "tonne", u.POUND, None, end  # "5,000 pounds of cocaine", "weighing 300 pounds"
        return u.currency_of(word), 1.0, None, end
    token = match.group("unit") or match.group("u1")
    if not token:
        return None, 1.0, None, end
    unit, factor, per = u.unit_of(token)
    if unit == "tonne" and (expansion := u.EXPANSION.match(text, end)):
        factor = _scale(expansion.group("scale")) * (1e3 if expansion.group("kilo") else 1.0)
        return unit, factor, "year" if expansion.group("year") else None, expansion.end()
    return unit, factor, per, end


def _two_units(match: re.Match[str]) -> bool:
    """Whether the numbers either side of "to" / "-" carry different units, so they are not one range."""
    first, second = match.group("cur1"), match.group("cur2")
    if (second and not first) or (first and second and u.currency_of(first) != u.currency_of(second)):
        return True
    unit = match.group("u1")
    return bool(unit) and (not match.group("unit") or u.unit_of(unit) != u.unit_of(match.group("unit")))


def _single(text: str, match: re.Match[str], settings: FigureSettings, start: int) -> FigureMention | None:
    """"60 and 70" without "between" is two numbers: keep only the first."""
    single = FIGURE.match(text, start, match.start("sep"))
    return _figure(text, single, settings) if single and single.group("n1") else None


def _odd_step(token: str) -> float:
    """"300-odd" runs to 400 and "20-odd" to 30: one step of the number's last non-zero digit, at least 10."""
    digits = str(int(parse_number(token)))
    return max(10.0, 10.0 ** (len(digits) - len(digits.rstrip("0"))))


def _looks_like_year(match: re.Match[str]) -> bool:
    """"2025", and "2010 to 2015" whose both ends are years; "2024-25" is dropped elsewhere as a falling range."""
    return bool(YEAR.fullmatch(match.group("n1"))) and (not match.group("n2") or bool(YEAR.fullmatch(match.group("n2"))))
