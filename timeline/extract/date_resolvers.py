"""How each form of date expression is read against the publication date P.

One resolver a form: it gets the regex match with its context and returns a
DateValue, or None when the text is not a date after all ("may" the verb,
"2025 units", "85% of"). The conventions are those in README "Dates".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable

from timeline.alternation import by_first_letter
from timeline.extract.folding import folded
from timeline.extract.date_values import (
    DateSettings,
    add_months,
    day_value,
    fiscal_value,
    fiscal_year_of,
    fiscal_year_span,
    full_year,
    half_value,
    month_span,
    month_value,
    quarter_value,
    span_value,
    unresolved,
    week_value,
    year_value,
    years_before,
)
from timeline.extract.date_tense import looks_ahead, sentence_bounds
from timeline.models import DateValue, Precision

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "couple of": 2,
}  # fmt: skip
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MONTH_ABBREVIATIONS = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"]
WEEKDAY_STEMS = ["Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun"]
MONTH = rf"(?:{'|'.join(MONTH_NAMES)}|(?:{'|'.join(MONTH_ABBREVIATIONS)})(?:\.|\b))"
WEEKDAY = rf"(?:{'|'.join(WEEKDAY_STEMS)})day"
# The same words for case-blind patterns, grouped by first letter (``alternation``): the date patterns are
# tried at every word of a trigger's window, and most words open no month or weekday. The grouping reads
# every first letter in either case, so these are for patterns compiled with re.IGNORECASE only.
MONTH_ANY_CASE = "(?:" + by_first_letter(MONTH_NAMES + [rf"{abbreviation}(?:\.|\b)" for abbreviation in MONTH_ABBREVIATIONS]) + ")"
WEEKDAY_ANY_CASE = "(?:" + by_first_letter(WEEKDAY_STEMS) + ")day"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d{2}"
NUM = r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|couple of)"
SEP = r"\s*(?:-|–|—|to|until|till)\s*"

FISCAL_CONTEXT = re.compile(r"\b(?:fiscal|financial year|FY|budget)\b", re.IGNORECASE)
COUNT_NOUN_AFTER = re.compile(
    r"\s*(?:-\s*)?(?:tonnes?|tons?|units?|people|persons|executives|crore|lakh|million|billion|km|kg|"
    r"mw|gw|vehicles|cars|jobs|members|applications|companies|firms|magnets|pieces)\b",
    re.IGNORECASE,
)
YEAR_PREPOSITIONS = re.compile(
    r"(?:\b(?:in|since|by|of|from|until|till|to|before|after|during|through|throughout|and|between|"
    r"early|mid|late|end of|year|circa|around|for|fiscal|calendar)\s*-?|\b(?:mid|early|late)-)\s*$",
    re.IGNORECASE,
)
MONTH_PREPOSITIONS = re.compile(
    r"\b(?:in|since|by|from|until|till|to|before|after|during|through|throughout|and|between|"
    r"early|mid|late|end of|beginning of|start of|this|last|next|of|on|each|every)\s*-?\s*$",
    re.IGNORECASE,
)


def _month_number(token: str) -> int | None:
    """Month from a capitalised or upper-case name; lower case ("may", "march") is a verb."""
    token = token.rstrip(".")
    if not token or token[0].islower():
        return None
    return MONTHS.get(token[:3].lower())


# --- resolvers -----------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    text: str
    match: re.Match[str]
    published: date | None
    settings: DateSettings

    @property
    def surface(self) -> str:
        return self.match.group(0)

    def group(self, name: str) -> str | None:
        return self.match.groupdict().get(name)

    def ahead(self) -> bool:
        return looks_ahead(self.text, self.match.start(), self.match.end())

    def preceding(self, chars: int = 20) -> str:
        return self.text[max(0, self.match.start() - chars) : self.match.start()]

    def following(self, chars: int = 20) -> str:
        return self.text[self.match.end() : self.match.end() + chars]


Resolver = Callable[[Context], DateValue | None]


@lru_cache(maxsize=4096)
def parse_explicit(surface: str, day_first: bool) -> date | None:
    """A full explicit date (day, month and year all given), parsed by dateparser.

    dateparser is imported here, on the first such date: it costs about 55 ms,
    and most runs need it for no date at all (month-name and most numeric
    dates are built directly; a run whose articles are all in the claims
    cache reads no date).
    """
    import dateparser

    settings = {
        "DATE_ORDER": "DMY" if day_first else "MDY",
        "PREFER_LOCALE_DATE_ORDER": False,
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    parsed = dateparser.parse(surface, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


ORDINAL_SUFFIX = re.compile(r"(\d)(st|nd|rd|th)\b")
DIGITS = re.compile(r"\d+")


def resolve_explicit(ctx: Context) -> DateValue | None:
    """A full date. With a month name ("Thursday, August 14, 2025", "14th of Aug. 2025") the pattern has
    already found day, month and year, so the date is built from them, and so is a numeric one that is a day in
    the configured order (``numeric_date``); any other goes to dateparser. Both give the same dates
    (tests/test_explicit_dates.py)."""
    cleaned = ORDINAL_SUFFIX.sub(r"\1", ctx.surface)
    if ctx.group("month_name"):
        month = _month_number(ctx.group("month_name"))
        if month is None:
            return None
        parsed = named_month_date(cleaned, month)
    else:
        parts = ctx.group("first"), ctx.group("second"), ctx.group("numeric_year")
        parsed = numeric_date(*parts, ctx.settings.day_first) or parse_explicit(cleaned, ctx.settings.day_first)
    return day_value(ctx.surface, parsed) if parsed else None


def numeric_date(first: str, second: str, year: str, day_first: bool) -> date | None:
    """The day a numeric date's pattern found ("04/06/2025" is "04", "06", "2025"), when its year has four
    digits and it is a real day in the configured order; else None.

    dateparser reads these the same way (tests/test_explicit_dates.py) but
    costs about 0.6 ms for each new text, and a corpus rarely says one
    numeric date twice. The rest goes to it: a two-digit year, whose
    century is its rule, and a date that is no day in the configured order
    ("04/13/2025" read day first), which it may read in the other order.
    """
    if len(year) != 4:
        return None
    day, month = (int(first), int(second)) if day_first else (int(second), int(first))
    try:
        return date(int(year), month, day)
    except ValueError:
        return None


def named_month_date(cleaned: str, month: int) -> date | None:
    """The day of a month-name date whose only numbers are its day and its year, in that order; None when there is no such day."""
    day, year = (int(number) for number in DIGITS.findall(cleaned))
    try:
        return date(year, month, day)
    except ValueError:
        return None  # "February 30, 2025"


def resolve_iso(ctx: Context) -> DateValue | None:
    try:
        return day_value(ctx.surface, date(int(ctx.group("y")), int(ctx.group("m")), int(ctx.group("d"))))
    except ValueError:
        return None


def _anchor_month_day(month: int, day: int, published: date, ahead: bool) -> date | None:
    """The most recent such day on or before P, or the next one when the sentence looks ahead."""
    years = (published.year, published.year + 1) if ahead else (published.year, published.year - 1)
    for year in years:
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if (candidate >= published) if ahead else (candidate <= published):
            return candidate
    return None


def _anchor_month(month: int, published: date, ahead: bool) -> int:
    """Year of the most recent such month (P's own month counts), or the next one ahead."""
    if ahead:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def resolve_month_day(ctx: Context) -> DateValue | None:
    month = _month_number(ctx.group("month_name") or "")
    day = int(re.sub(r"\D", "", ctx.group("day")))
    if month is None or day > calendar.monthrange(2024, month)[1]:
        return None
    if ctx.published is None:
        return unresolved(ctx.surface, Precision.DAY)
    resolved = _anchor_month_day(month, day, ctx.published, ctx.ahead())
    if resolved is None:
        return None
    return day_value(ctx.surface, resolved)


def _unanchored(ctx: Context) -> bool:
    """No year in the text and no publication date to take one from."""
    return not ctx.group("year") and ctx.published is None


def _range_year(ctx: Context, month: int, day: int | None = None) -> int | None:
    """The year a range stands in: stated, else anchored on P by the month (and day) rule."""
    if ctx.group("year"):
        return int(ctx.group("year"))
    if day is None:
        return _anchor_month(month, ctx.published, ctx.ahead())
    anchor = _anchor_month_day(month, day, ctx.published, ctx.ahead())
    return anchor.year if anchor else None


def resolve_day_range(ctx: Context) -> DateValue | None:
    month = _month_number(ctx.group("month_name") or "")
    first, last = int(ctx.group("d1")), int(ctx.group("d2"))
    if month is None or not first < last:
        return None
    if _unanchored(ctx):
        return unresolved(ctx.surface, Precision.RANGE)
    year = _range_year(ctx, month, first)
    if year is None:
        return None
    try:
        return span_value(ctx.surface, date(year, month, first), date(year, month, last))
    except ValueError:
        return None


def resolve_month_year(ctx: Context) -> DateValue | None:
    month = _month_number(ctx.group("month_name") or "")
    if month is None:
        return None
    return month_value(ctx.surface, int(ctx.group("year")), month, _modifier(ctx))


def resolve_month_range(ctx: Context) -> DateValue | None:
    first = _month_number(ctx.group("m1") or "")
    last = _month_number(ctx.group("m2") or "")
    if first is None or last is None:
        return None
    if _unanchored(ctx):
        return unresolved(ctx.surface, Precision.RANGE)
    year = _range_year(ctx, last)
    start_year = year - 1 if first > last else year
    return span_value(ctx.surface, month_span(start_year, first)[0], month_span(year, last)[1])


def _modifier(ctx: Context) -> str | None:
    mod = ctx.group("mod")
    if not mod:
        return None
    mod = folded(mod).replace("the ", "").strip(" -")
    return {"end of": "late", "end": "late", "beginning of": "early", "start of": "early"}.get(mod, mod)


def resolve_bare_month(ctx: Context) -> DateValue | None:
    """"in January": a month, anchored on P; bare "May"/"March" only after a preposition."""
    token = ctx.group("month_name") or ""
    month = _month_number(token)
    if month is None:
        return None
    ambiguous = token.rstrip(".").lower() in {"may", "march"} or len(token.rstrip(".")) <= 4 and token.rstrip(".") not in {"June", "July"}
    if ambiguous and not ctx.group("mod") and not MONTH_PREPOSITIONS.search(ctx.preceding(20)):
        return None
    if re.match(r"\s+(?:be|not|have|also|still|well|need|take|help|see|get|lead)\b", ctx.following(8)):
        return None
    if ctx.published is None:
        return unresolved(ctx.surface, Precision.MONTH)
    before = ctx.preceding(8).lower()
    if re.search(r"\blast\s*$", before):
        year = ctx.published.year if month < ctx.published.month else ctx.published.year - 1
    elif re.search(r"\bnext\s*$", before):
        year = ctx.published.year if month > ctx.published.month else ctx.published.year + 1
    else:
        year = _anchor_month(month, ctx.published, ctx.ahead())
    return month_value(ctx.surface, year, month, _modifier(ctx))


def resolve_weekday(ctx: Context) -> DateValue | None:
    name = folded(ctx.group("weekday") or "")
    target = WEEKDAYS.index(name)
    if ctx.published is None:
        return unresolved(ctx.surface, Precision.DAY)
    p = ctx.published
    which = folded(ctx.group("which") or "")
    if which == "last":
        delta = -((p.weekday() - target - 1) % 7 + 1)
    elif which in {"next", "coming"}:  # "next Friday", "this coming Friday": never the day of publication
        delta = (target - p.weekday() - 1) % 7 + 1
    elif _weekday_ahead(ctx):
        # "will vote on Friday" in a Friday paper is that Friday: wire copy names the day of
        # publication by its weekday, and a week later would be "next Friday"
        delta = (target - p.weekday()) % 7
    else:
        delta = -((p.weekday() - target) % 7)
    return day_value(ctx.surface, p + timedelta(days=delta))


POSSESSIVE = re.compile(r"['’]s\b")
AHEAD_OF = re.compile(r"\b(?:ahead\s+of|in\s+the\s+run-up\s+to)\s*$", re.IGNORECASE)


def _weekday_ahead(ctx: Context) -> bool:
    """Whether a bare weekday is the coming one.

    "from Friday" starts something (fares rise from Friday), but "the toll
    from Thursday's derailment" is a possessive before an event noun, dated
    by the tense of its clause like any other weekday. "ahead of Thursday's
    vote" is the coming Thursday even in a past clause ("met on Tuesday ahead
    of Thursday's vote"): a day already gone is "before Thursday's vote".
    """
    before = ctx.preceding(20)
    if AHEAD_OF.search(before):
        return True
    if before.lower().rstrip().endswith("from") and not POSSESSIVE.match(ctx.following(3)):
        return True
    return ctx.ahead()


def resolve_year(ctx: Context) -> DateValue | None:
    """A bare year counts only where a reader would take it as one ("in 2025", "2025."), not "2025 units"."""
    if COUNT_NOUN_AFTER.match(ctx.following(16)) or re.match(r"[,.]\d|\s*%", ctx.following(3)):
        return None
    before = ctx.preceding(16)
    if re.search(r"(?:₹|\$|Rs\.?|INR|USD|[\d,.])\s*$", before):
        return None
    mod = ctx.group("mod")
    if not (mod or YEAR_PREPOSITIONS.search(before) or re.match(r"\s*(?:[,.;:)]|'s|’s|$)", ctx.following(3))):
        return None
    return year_value(ctx.surface, int(ctx.group("year")), _modifier(ctx))


def resolve_year_range(ctx: Context) -> DateValue | None:
    first = int(ctx.group("y1"))
    second_token = ctx.group("y2")
    second = int(second_token) if len(second_token) == 4 else (first // 100) * 100 + int(second_token)
    fiscal_cue = ctx.group("fy") or FISCAL_CONTEXT.search(_sentence(ctx))
    if fiscal_cue and second == first + 1:
        return fiscal_value(ctx.surface, second, ctx.settings)
    if second <= first or second - first > 50:
        return None
    return span_value(ctx.surface, date(first, 1, 1), date(second, 12, 31))


def _sentence(ctx: Context) -> str:
    start, end = sentence_bounds(ctx.text, ctx.match.start(), ctx.match.end())
    return ctx.text[start:end]


def resolve_fiscal(ctx: Context) -> DateValue | None:
    year = full_year(ctx.group("fy"))
    if ctx.group("fy2"):
        second = full_year(ctx.group("fy2")) if len(ctx.group("fy2")) == 4 else (year // 100) * 100 + int(ctx.group("fy2"))
        if second != year + 1:
            return None
        year = second
    part = ctx.group("part")
    if part:
        return _fiscal_part(ctx.surface, part, year, ctx.settings)
    return fiscal_value(ctx.surface, year, ctx.settings)


def _fiscal_part(text: str, part: str, end_year: int, settings: DateSettings) -> DateValue:
    start, _ = fiscal_year_span(end_year, settings.fiscal_year_start)
    kind, number = part[0].upper(), int(part[1])
    months = 3 if kind == "Q" else 6
    first = add_months(start, months * (number - 1))
    last = add_months(first, months) - timedelta(days=1)
    return span_value(text, first, last, Precision.QUARTER if kind == "Q" else Precision.HALF)


def resolve_relative_fiscal(ctx: Context) -> DateValue | None:
    if ctx.published is None:
        return unresolved(ctx.surface, Precision.FISCAL_YEAR)
    current = fiscal_year_of(ctx.published, ctx.settings.fiscal_year_start)
    offset = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(folded(ctx.group("which") or ""), 0)
    return fiscal_value(ctx.surface, current + offset, ctx.settings)


def resolve_quarter(ctx: Context) -> DateValue | None:
    """"Q1 2025", "the first quarter", "H2", and "the June quarter" (the quarter ending in June)."""
    ending = _month_number(ctx.group("end_month") or "")
    if ctx.group("end_month") and (ending is None or ending % 3):
        return None
    number = ORDINALS.get(folded(ctx.group("ord") or "")) or int(ctx.group("qn") or 0) or (ending or 0) // 3
    kind = "H" if folded(ctx.group("unit") or "").startswith("h") else "Q"
    if not 1 <= number <= (2 if kind == "H" else 4):
        return None
    if ctx.group("fyq"):
        return _fiscal_part(ctx.surface, f"{kind}{number}", full_year(ctx.group("fyq")), ctx.settings)
    if ctx.group("year"):
        year = int(ctx.group("year"))
    elif ctx.published is None:
        return unresolved(ctx.surface, Precision.QUARTER if kind == "Q" else Precision.HALF)
    else:
        p = ctx.published
        current = (p.month - 1) // 3 + 1 if kind == "Q" else (p.month - 1) // 6 + 1
        year = p.year if number <= current else p.year - 1
        if ctx.ahead():
            year = p.year if number >= current else p.year + 1
    return quarter_value(ctx.surface, year, number) if kind == "Q" else half_value(ctx.surface, year, number)


def resolve_relative(ctx: Context) -> DateValue | None:
    """today, last week, earlier this month, this year, next year ..."""
    which = folded(ctx.group("which") or "")
    unit = folded(ctx.group("unit") or "")
    precision = {"week": Precision.WEEK, "month": Precision.MONTH, "year": Precision.YEAR}.get(unit, Precision.DAY)
    if which.startswith(("earlier", "later")):
        precision = Precision.RANGE
    p = ctx.published
    if p is None:
        return unresolved(ctx.surface, precision)
    if unit in {"today", "yesterday", "tomorrow"}:
        return day_value(ctx.surface, p + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[unit]))
    if which.startswith("earlier"):
        start = {"week": p - timedelta(days=p.weekday()), "month": p.replace(day=1), "year": p.replace(month=1, day=1)}[unit]
        return span_value(ctx.surface, start, p)
    if which.startswith("later"):
        end = {"week": p - timedelta(days=p.weekday()) + timedelta(days=6), "month": month_span(p.year, p.month)[1], "year": date(p.year, 12, 31)}[unit]
        return span_value(ctx.surface, p, end)
    offset = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
    if unit == "week":
        return week_value(ctx.surface, p + timedelta(weeks=offset))
    if unit == "month":
        shifted = add_months(p.replace(day=1), offset)
        return month_value(ctx.surface, shifted.year, shifted.month)
    return year_value(ctx.surface, p.year + offset)


def count_of(token: str) -> int:
    """A count as a date expression writes it: "4", "four", "twenty one" (any spacing, any case)."""
    token = " ".join(folded(token).split())
    return int(token) if token.isdigit() else NUMBER_WORDS[token]


def resolve_past_span(ctx: Context) -> DateValue | None:
    """"the past four years": the interval ending at P."""
    if ctx.published is None:
        return unresolved(ctx.surface, Precision.RANGE)
    n = count_of(ctx.group("n"))
    unit = folded(ctx.group("unit")).rstrip("s")
    p = ctx.published
    start = {
        "day": lambda: p - timedelta(days=n),
        "week": lambda: p - timedelta(weeks=n),
        "month": lambda: add_months(p, -n),
        "year": lambda: years_before(p, n),
        "decade": lambda: years_before(p, 10 * n),
    }[unit]()
    return span_value(ctx.surface, start, p)


def resolve_ago(ctx: Context) -> DateValue | None:
    """"four years ago": the year (or month, week, day) that many units before P."""
    n = count_of(ctx.group("n"))
    unit = folded(ctx.group("unit")).rstrip("s")
    p = ctx.published
    if p is None:
        precision = {"day": Precision.DAY, "week": Precision.WEEK, "month": Precision.MONTH}.get(unit, Precision.YEAR)
        return unresolved(ctx.surface, precision)
    if unit == "day":
        return day_value(ctx.surface, p - timedelta(days=n))
    if unit == "week":
        return week_value(ctx.surface, p - timedelta(weeks=n))
    if unit == "month":
        shifted = add_months(p.replace(day=1), -n)
        return month_value(ctx.surface, shifted.year, shifted.month)
    return year_value(ctx.surface, p.year - n * (10 if unit == "decade" else 1))


def resolve_coming(ctx: Context) -> DateValue | None:
    """"in the coming weeks": an open interval from P; nothing more precise was said."""
    if ctx.published is None:
        return unresolved(ctx.surface, Precision.RANGE)
    return span_value(ctx.surface, ctx.published, None)


def resolve_week_of_month(ctx: Context) -> DateValue | None:
    """"the second week of June": days 8-14 of the month (weeks of a month counted from its 1st)."""
    month = _month_number(ctx.group("month_name") or "")
    if month is None:
        return None
    which = folded(ctx.group("ord"))
    if _unanchored(ctx):
        return unresolved(ctx.surface, Precision.RANGE)
    year = _range_year(ctx, month)
    first, last = month_span(year, month)
    if which == "last":
        return span_value(ctx.surface, last - timedelta(days=6), last)
    number = ORDINALS[which]
    start = first + timedelta(days=7 * (number - 1))
    return span_value(ctx.surface, start, min(start + timedelta(days=6), last))


def resolve_decade(ctx: Context) -> DateValue | None:
    """"the 1990s": the ten years 1990-1999."""
    first = int(ctx.group("decade"))
    return span_value(ctx.surface, date(first, 1, 1), date(first + 9, 12, 31))
