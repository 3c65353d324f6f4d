"""Figures in news text as intervals with units: what a figure claims, not just its digits.

"over 90%" is (90, 100], "60-70%" is [60, 70], "around 60%" is a band whose
width comes from ``rules/figures.yaml``, "Rs 1,345-crore" is one figure of
13,450,000,000 rupees and "₹3,000 crore to ₹5,000 crore" is one range. Money
is kept in its own currency (INR, USD); nothing is converted.

>>> [(f.value.low, f.value.high, f.value.unit) for f in find_figures("China controls over 90 per cent of it.")]
[(90.0, 100.0, 'percent')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.models import FigureValue
from timeline.ruleset import FigureSettings

SCALES = {
    "thousand": 1e3, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "crore": 1e7, "crores": 1e7, "cr": 1e7,
    "lakh crore": 1e12, "million": 1e6, "mn": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9,
    "trillion": 1e12, "tn": 1e12, "kt": 1e3,
}  # fmt: skip
WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
QUALIFIERS = {
    "over": "over", "more than": "over", "above": "over", "exceeding": "over", "upwards of": "over",
    "in excess of": "over", "greater than": "over", "higher than": "over",
    "at least": "at least", "not less than": "at least", "no less than": "at least", "a minimum of": "at least",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly", "just shy of": "nearly",
    "around": "around", "about": "around", "roughly": "around", "approximately": "around", "approx": "around",
    "some": "around", "an estimated": "around", "estimated": "around", "circa": "around", "~": "around",
    "up to": "up to", "as much as": "up to", "as many as": "up to", "a maximum of": "up to",
    "under": "under", "less than": "under", "below": "under", "fewer than": "under", "lower than": "under",
}  # fmt: skip
NAME_BEFORE = re.compile(
    r"\b(?:Rule|Section|Article|Chapter|Phase|Schedule|Clause|Para|Paragraph|No\.?|Number|Level|Class|Grade|Tier|Stage|"
    r"Version|Room|Gate|Block|Sector|Platform|Route|Vision|Mission|Agenda|Plan|Budget|Act)\s+$"
)
VERBS_ENDING_IN_S = {
    "says", "is", "was", "has", "does", "goes", "remains", "stands", "seems", "means", "needs", "shows", "adds",
    "gives", "takes", "reports", "allows", "includes", "requires", "follows", "makes", "comes", "becomes", "plus",
}  # fmt: skip
TIME_NOUNS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades", "hours", "minutes", "times"}
STOP_WORDS = {"of", "in", "for", "to", "from", "by", "with", "on", "at", "or", "per", "cent", "percent", "the", "a", "an"}

DIGITS = r"\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?"
WORDS = r"(?<![\w-])(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a)(?:\s+(?:dozen|hundred))?\b(?<!\ba)"
NUMBER = rf"(?:{DIGITS}|{WORDS})"
CURRENCY = r"(?:₹|Rs\.?|INR|US\$|USD|\$)"
SCALE = r"(?:lakh\s+crores?|lakhs?|lac|crores?|cr|thousand|million|mn|mln|billion|bn|trillion|tn)\b"
UNIT = r"(?:%|\s?per\s?cent\b|\s?pc\b|\s?percent(?:age\s+points?)?\b|\s?(?:metric\s+)?(?:tonnes|tonne|tons|ton|kt|MT|t)\b(?:\s+(?:per\s+(?:annum|year)|a\s+year|annually))?)"
QUALIFIER = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))

FIGURE = re.compile(
    rf"(?:(?<!\w)(?P<qual>{QUALIFIER})\s*)?(?P<between>between\s+)?"
    rf"(?P<cur1>{CURRENCY})?\s?(?P<n1>{NUMBER})(?:\s?-?\s?(?P<sc1>{SCALE}))?(?P<u1>{UNIT})?"
    rf"(?:\s*(?P<sep>-|–|—|to|and)\s*(?P<cur2>{CURRENCY})?\s?(?P<n2>{NUMBER})(?:\s?-?\s?(?P<sc2>{SCALE}))?)?"
    rf"(?P<unit>{UNIT})?(?P<rupees>\s+(?:rupees|dollars))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FigureMention:
    start: int
    end: int
    value: FigureValue


def parse_number(token: str) -> float:
    """"1,25,000" -> 125000; "ninety" -> 90; "sixty-five" -> 65; "two dozen" -> 24."""
    token = token.lower().strip()
    if token[0].isdigit():
        return float(token.replace(",", ""))
    parts = re.split(r"[-\s]+", token)
    multiplier = {"dozen": 12, "hundred": 100}.get(parts[-1], 1)
    if multiplier > 1:
        parts = parts[:-1]
    base = sum(WORD_NUMBERS.get(part, 1 if part == "a" else 0) for part in parts)
    return float(base * multiplier)


def _scale(token: str | None) -> float:
    if not token:
        return 1.0
    word = re.sub(r"\s+", " ", token.lower())
    return SCALES.get(word) or SCALES[word.rstrip("s")]  # "lakh crores" -> "lakh crore"


def _unit(match: re.Match[str]) -> str | None:
    currency = (match.group("cur1") or match.group("cur2") or "").upper()
    unit = (match.group("unit") or match.group("u1") or "").strip().lower()
    if currency:
        return "USD" if "$" in currency or "USD" in currency else "INR"
    if match.group("rupees"):
        return "INR" if "rupee" in match.group("rupees").lower() else "USD"
    if unit.startswith("percentage"):
        return "percentage_point"
    if unit in {"%", "pc"} or unit.replace(" ", "") == "percent":
        return "percent"
    if unit:
        return "tonne"  # "kt" is scaled to tonnes in _figure
    if match.group("sc1") and match.group("sc1").lower().startswith(("lakh", "lac", "crore", "cr")):
        return "INR"  # "5 lakh" in Indian news is rupees unless said otherwise
    return None


def _count_noun(text: str, end: int) -> tuple[str, int] | None:
    """The plural noun a bare number counts ("40-50 automotive industry executives") and where it ends."""
    words: list[str] = []
    for word in re.finditer(r"\s*([A-Za-z][\w-]*)", text[end : end + 80]):
        if word.start() != (words and words[-1][1] or 0) or len(words) == 6:
            return None
        lower = word.group(1).lower()
        if lower in STOP_WORDS or lower in TIME_NOUNS or lower in VERBS_ENDING_IN_S:
            return None
        words.append((word.group(1), word.end()))
        if lower.endswith("s") or lower in {"people", "staff", "personnel", "crew"}:
            return " ".join(w for w, _ in words), end + word.end()
    return None


def to_interval(low: float, high: float, qualifier: str | None, unit: str, settings: FigureSettings) -> tuple[float | None, float | None, bool, bool]:
    """(low, high, low_open, high_open) for a stated value or range and its qualifier."""
    cap = 100.0 if unit == "percent" else None
    floor = 0.0
    if low != high:  # a stated range already carries its uncertainty
        return low, high, False, False
    x = low
    kind = QUALIFIERS.get(qualifier.lower()) if qualifier else None
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
    """Every figure in ``text`` (percent, money, tonnes, counts), skipping spans such as dates."""
    skip = skip or []
    mentions = []
    for match in FIGURE.finditer(text):
        mention = _figure(text, match, settings)
        if mention is None or any(mention.start < e and s < mention.end for s, e in skip):
            continue
        mentions.append(mention)
    return mentions


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
    if glued.isalpha() and match.end("n1") not in (match.start("sc1"), match.start("u1")):
        return None  # "5G", "24x7": a name, not a quantity
    if NAME_BEFORE.search(text, max(0, start - 20), start):
        return None  # a label, not a quantity: "Rule 5", "Article 370", "Phase 2"
    if match.group("sep") and match.group("sep").lower() == "and" and not match.group("between"):
        return _single(text, match, settings, start)
    unit = _unit(match)
    end = match.end()
    low = parse_number(match.group("n1"))
    high = parse_number(match.group("n2")) if match.group("n2") else low
    scale_low = _scale(match.group("sc1") or match.group("sc2"))
    scale_high = _scale(match.group("sc2") or match.group("sc1"))
    noun = None
    if unit is None:
        if match.group("sc1") or match.group("sc2"):
            unit = "count"
        else:
            counted = _count_noun(text, end)
            if counted is None or _looks_like_year(match):
                return None
            unit = "count"
            noun, end = counted
    unit_scale = 1000.0 if re.match(r"\s?kt\b", match.group("unit") or match.group("u1") or "", re.IGNORECASE) else 1.0
    low, high = low * scale_low * unit_scale, high * scale_high * unit_scale
    if high < low or (unit == "percent" and high > 100):
        return None
    qualifier = match.group("qual")
    if noun and re.match(r"(?:more|additional|extra|new|further)\b", noun, re.IGNORECASE):
        qualifier = "more"  # an increment ("five more elements"), not a total
    lo, hi, lo_open, hi_open = to_interval(low, high, qualifier, unit, settings)
    value = FigureValue(
        text=text[start:end], low=lo, high=hi, low_open=lo_open, high_open=hi_open, unit=unit,
        qualifier=qualifier.lower() if qualifier else None, noun=noun,
    )  # fmt: skip
    return FigureMention(start=start, end=end, value=value)


def _single(text: str, match: re.Match[str], settings: FigureSettings, start: int) -> FigureMention | None:
    """"60 and 70" without "between" is two numbers: keep only the first."""
    single = FIGURE.match(text, start, match.start("sep"))
    return _figure(text, single, settings) if single and single.group("n1") else None


def _looks_like_year(match: re.Match[str]) -> bool:
    token = match.group("n1")
    return bool(re.fullmatch(r"(?:19|20)\d{2}", token)) and not match.group("n2")
