"""The vocabulary of figures: scale words, currencies, units, qualifiers, ranks and rates.

Kept apart from the grammar in ``figures.py`` so that a new currency or unit is
one line in a table, not a change to the matching logic. Every unit ends in a
base unit (tonnes for mass, one unit of each currency, percent 0-100), so that
"5 MMT" and "5 million tonnes" compare equal:

>>> unit_of("MTPA"), currency_of("HK$"), currency_of("pounds sterling")
(('tonne', 1000000.0, 'year'), 'HKD', 'GBP')
"""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.extract.folding import folded
from timeline.alternation import by_first_letter

SCALES = {
    "thousand": 1e3, "k": 1e3, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "crore": 1e7, "crores": 1e7, "cr": 1e7,
    "lakh crore": 1e12, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "bln": 1e9,
    "b": 1e9, "trillion": 1e12, "tn": 1e12, "t": 1e12,
}  # fmt: skip
WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "a": 1, "an": 1,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
# Each qualifier names the kind of interval it makes (see figures.to_interval).
QUALIFIERS = {
    "over": "over", "more than": "over", "above": "over", "exceeding": "over", "upwards of": "over",
    "in excess of": "over", "greater than": "over", "higher than": "over",
    "at least": "at least", "not less than": "at least", "no less than": "at least", "a minimum of": "at least",
    "no fewer than": "at least", "not fewer than": "at least",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly", "just shy of": "nearly",
    "around": "around", "about": "around", "roughly": "around", "approximately": "around", "approx": "around",
    "some": "around", "an estimated": "around", "estimated": "around", "circa": "around", "~": "around",
    "up to": "up to", "as much as": "up to", "as many as": "up to", "a maximum of": "up to",
    "no more than": "up to", "not more than": "up to", "at most": "up to", "not exceeding": "up to",
    "under": "under", "less than": "under", "below": "under", "fewer than": "under", "lower than": "under",
    # written after the number: "40 or more", "40 or fewer", "40-plus"
    "or more": "at least", "or above": "at least", "and above": "at least", "or over": "at least",
    "and over": "at least", "plus": "at least", "+": "at least",
    "or less": "up to", "or fewer": "up to", "or below": "up to", "and below": "up to", "or under": "up to",
}  # fmt: skip
UPPER = "|".join(sorted((re.escape(q) for q, kind in QUALIFIERS.items() if kind in {"up to", "under"}), key=len, reverse=True))

SCALE = r"(?:lakh\s+crores?|lakhs?|lac|crores?|cr|thousand|million|mn|mln|billion|bn|bln|trillion|tn)\b"
CURRENCY_SIGNS = (
    "₹", r"Rs\.?", "INR", r"US\$", "USD", r"CA?\$", r"HK\$", r"AU?\$", r"NZ\$", r"S\$", r"\$", "€", "EUR", "£", "GBP", "¥", "JPY", "CNY", "RMB",
    "CAD", "HKD", "AUD", "NZD", "SGD",
)  # fmt: skip
CURRENCY = "(?:" + "|".join(CURRENCY_SIGNS) + ")"
CURRENCY_WORD = (
    r"(?:(?:US|Canadian|Australian|Hong\s+Kong|Singapore|New\s+Zealand)\s+dollars|dollars|rupees|euros?|"
    r"pounds\s+sterling|pounds|sterling|yuan|renminbi|yen)\b"
)
CURRENCIES = {
    "₹": "INR", "rs": "INR", "inr": "INR", "rupees": "INR", "$": "USD", "us$": "USD", "usd": "USD", "dollars": "USD",
    "us dollars": "USD", "c$": "CAD", "ca$": "CAD", "cad": "CAD", "canadian dollars": "CAD", "hk$": "HKD",
    "hkd": "HKD", "hong kong dollars": "HKD", "a$": "AUD", "au$": "AUD", "aud": "AUD", "australian dollars": "AUD",
    "nz$": "NZD", "nzd": "NZD", "new zealand dollars": "NZD", "s$": "SGD", "sgd": "SGD", "singapore dollars": "SGD",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP", "pounds": "GBP",
    "pounds sterling": "GBP", "sterling": "GBP", "¥": "JPY", "jpy": "JPY", "yen": "JPY", "cny": "CNY",
    "rmb": "CNY", "yuan": "CNY", "renminbi": "CNY",
}  # fmt: skip

# Units written after the number. Mass ends in tonnes; "MT" is metric tonnes,
# "MMT" million metric tonnes, "LMT" lakh metric tonnes, "TPA" tonnes a year.
UNIT = (
    r"(?:%|\s?per\s?cent\b|\s?pc\b|\s?percent(?:age\s+points?)?\b|\s?(?:basis\s+points?|bps)\b"
    r"|\s?(?:metric\s+)?(?:tonnes|tonne|tons|ton)\b|\s?(?:MMTPA|MTPA|LTPA|TPA|MMT|LMT|kt|MT|t)\b"
    r"|\s?(?:kilogrammes|kilograms|kilogramme|kilogram|kgs|kg|kilos)\b|\s?(?:grammes|grams|gramme|gram|gms|gm)\b|\s?(?:lbs|lb)\b"
    r"|\s?(?:millimetres|millimeters|millimetre|millimeter|mm|centimetres|centimeters|centimetre|centimeter|cm"
    r"|kilometres|kilometers|kilometre|kilometer|kms|km|metres|meters|metre|meter|feet|foot|ft)\b)"
)
# Length ends in metres: rainfall in mm, a river's level in metres, a distance in km.
LENGTH = re.compile(r"(?P<mm>millimet(?:re|er)s?|mm)|(?P<cm>centimet(?:re|er)s?|cm)|(?P<km>kilomet(?:re|er)s?|kms?)|(?P<m>met(?:re|er)s?)|(?P<ft>feet|foot|ft)")
LENGTH_FACTORS = {"mm": 1e-3, "cm": 1e-2, "km": 1e3, "m": 1.0, "ft": 0.3048}
TONNE_ABBREVIATIONS = {"t": 1.0, "mt": 1.0, "kt": 1e3, "lmt": 1e5, "mmt": 1e6, "tpa": 1.0, "ltpa": 1e5, "mtpa": 1e6, "mmtpa": 1e6}
POUND = 0.00045359237  # tonnes
# "5 MMT (million metric tonnes)": the words in brackets say what the abbreviation meant.
EXPANSION = re.compile(
    rf"[ \t]*\((?:(?P<scale>{SCALE})\s+)?(?:metric\s+)?(?P<kilo>kilo)?(?:tonnes?|tons?)(?P<year>\s+(?:per\s+(?:annum|year)|a\s+year))?\)", re.IGNORECASE
)
# "5,000 pounds of cocaine" is a weight; "5 million pounds of funding" is money.
MONEY_NOUNS = {
    "funding", "investment", "investments", "aid", "debt", "debts", "revenue", "revenues", "profit", "profits", "loss",
    "losses", "spending", "cash", "capital", "public", "government", "taxpayers", "savings", "damage", "damages",
    "assets", "sales", "subsidy", "subsidies", "grants", "fines", "compensation", "bonuses", "money", "funds",
    "support", "borrowing", "cuts", "income", "wages", "value", "equity", "loans", "bonds", "credit", "contracts",
}  # fmt: skip
SPACES = re.compile(r"\s+")
LEADING_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=256)  # pure: the same few units come back figure after figure
def unit_of(token: str) -> tuple[str, float, str | None]:
    """(base unit, factor to it, per) for a unit written after a number: "kg" -> ("tonne", 0.001, None)."""
    word = SPACES.sub(" ", folded(token.strip()))
    if word.startswith("percentage"):
        return "percentage_point", 1.0, None
    if word.startswith("basis") or word == "bps":
        return "percentage_point", 0.01, None
    if word in {"%", "pc"} or word.replace(" ", "") == "percent":
        return "percent", 1.0, None
    if length := LENGTH.fullmatch(word):
        return "metre", LENGTH_FACTORS[length.lastgroup], None
    if word.startswith("k") and word != "kt":
        return "tonne", 1e-3, None
    if word.startswith("g"):
        return "tonne", 1e-6, None
    if word.startswith("lb"):
        return "tonne", POUND, None
    if word in TONNE_ABBREVIATIONS:
        return "tonne", TONNE_ABBREVIATIONS[word], "year" if word.endswith("pa") else None
    return "tonne", 1.0, None


@lru_cache(maxsize=256)
def currency_of(token: str) -> str:
    """ISO code of a currency sign, code or word; each is its own unit and nothing is converted."""
    return CURRENCIES[SPACES.sub(" ", folded(token.strip())).rstrip(".")]


LABELS = (
    r"rule|section|article|chapter|clause|para|paragraph|page|pages|schedule|phase|item|exhibit|part|volume|"
    r"episode|flight|platform|gate|room|ward|stage|grade|class|game|match|round|leg|day|season|book|act|no\.?"
)

# --- rates: what the figure is counted per ("₹10 lakh each", "5 MTPA", "40 a day") -----------------------
PER_WORDS = {
    "annum": "year", "year": "year", "annually": "year", "yearly": "year", "day": "day", "daily": "day",
    "month": "month", "monthly": "month", "week": "week", "weekly": "week", "quarter": "quarter",
    "quarterly": "quarter", "hour": "hour", "hourly": "hour", "head": "person", "capita": "person",
    "person": "person", "people": "person", "apiece": "each", "piece": "each", "each": "each",
}  # fmt: skip
TIMES = r"year|day|month|week|quarter|hour"
PER = re.compile(
    rf"[ \t]+(?:per[ \t]+(?P<per>(?!cent\b)[a-z]+)|(?:a|an)[ \t]+(?P<a>{TIMES}|head|piece)(?![ \t]+(?:ago|earlier|before|later|after|back|since|from|on|or)\b)"
    rf"|(?:each|every)[ \t]+(?P<every>{TIMES})\b|(?P<adverb>annually|yearly|daily|monthly|weekly|quarterly|hourly|apiece|each)(?![ \t]+(?:of|other|time)\b))\b",
    re.IGNORECASE,
)


def per_of(match: re.Match[str]) -> str:
    """The singular denominator: "per households" -> "household", "a head" -> "person", "TPA" -> "year"."""
    word = folded(next(group for group in match.groups() if group))
    if word in PER_WORDS:
        return PER_WORDS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


# --- ranks: "second-largest", "ranked fourth", "world No. 2" --------------------------------------------------
ORDINAL = rf"(?:{by_first_letter(list(ORDINALS))}|\d{{1,3}}(?:st|nd|rd|th))"  # words by first letter: RANK runs on every sentence
SUPERLATIVE = (
    r"(?:largest|biggest|highest|lowest|smallest|greatest|richest|poorest|fastest|slowest|busiest|deadliest|worst|best|"
    r"strongest|weakest|longest|shortest|tallest|oldest|youngest|heaviest|wettest|hottest|coldest|driest|costliest|"
    r"cheapest|leading|(?:most|least)\s+[a-z]+)"
)
RANK_VERBS = by_first_letter("ranked ranks rank placed seeded finished came ended".split())
RANK = re.compile(  # the leading checks only let it start at a word that can begin a rank: it runs on every sentence
    rf"\b(?<!-)(?=[fstenrpcwFSTENRPCW0-9])(?:(?P<ord>{ORDINAL})[- ]{SUPERLATIVE}\b"
    rf"|(?:{RANK_VERBS})\s+(?:(?:at|in)\s+)?(?:No\.?\s?(?P<no>\d{{1,3}})\b|(?P<ord2>{ORDINAL})\b(?:\s+place\b)?)"
    rf"|world\s+No\.?\s?(?P<no2>\d{{1,3}})\b|No\.?\s?(?P<no3>\d{{1,3}})(?:\s+seed\b|-ranked\b)|(?P<ord3>{ORDINAL})\s+place\b)",
    re.IGNORECASE,
)


def rank_of(match: re.Match[str]) -> int:
    """The position a rank states: "third-biggest" -> 3, "2nd-richest" -> 2, "world No. 1" -> 1.

    "No. 2" alone is a label (a bus route, a room) and stays one; it is a rank
    only after "world" or "ranked", or before "seed" / "-ranked".
    """
    token = folded(next(group for group in match.groups() if group))
    return ORDINALS.get(token) or int(LEADING_DIGITS.match(token).group(0))
