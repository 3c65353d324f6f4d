"""Date expressions in news text, resolved against the publication date as a careful reader would.

dateparser reads explicit dates well ("Thursday, August 14, 2025", "04/06/2025",
"Feb. 28, 2025") and that is what it is used for here. What it does not know
is how news is written: "on Tuesday" in a Tuesday paper is that day, "in
January" is a month and not the 17th, "FY25" is April 2024 to March 2025, and
"may" is a verb. Those conventions live in ``date_resolvers``, one small
resolver a form, all anchored on the publication date P:

>>> from datetime import date
>>> [m.value.value for m in find_dates("The meeting was held on Tuesday.", date(2025, 6, 17))]
['2025-06-17']
>>> [m.value.value for m in find_dates("The mission, announced in January, ...", date(2025, 6, 21))]
['2025-01']

Speed: the full patterns are costly to try at every character, so a cheap
trigger (a month or weekday name, a year, "FY", "last", ...) finds the few
places where a date can stand, and each family's patterns run only in a
window around its triggers. Relative expressions in an article with no
publication date stay unresolved (``value`` None); absolute ones still
resolve. See README "Dates" for the full list of conventions.

Two conventions need the other dates of the text, so they run after the
longest matches are chosen: in an undated article, year-less dates take
their year from the dates stated in full (``date_undated``), and "two weeks
after the March 3 vote" counts from the date it names (``date_offsets``).
The newer forms live beside ``date_resolvers`` in ``date_named_periods``,
``date_weekdays`` and ``date_year_modifiers``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from timeline.extract import date_named_periods, date_offsets, date_undated, date_weekdays, date_year_modifiers
from timeline.extract.date_resolvers import (
    DAY,
    MONTH_ANY_CASE,
    NUM,
    SEP,
    WEEKDAY_ANY_CASE,
    WEEKDAYS,
    YEAR,
    Context,
    Resolver,
    resolve_ago,
    resolve_bare_month,
    resolve_coming,
    resolve_day_range,
    resolve_explicit,
    resolve_fiscal,
    resolve_iso,
    resolve_month_day,
    resolve_month_range,
    resolve_month_year,
    resolve_past_span,
    resolve_quarter,
    resolve_relative,
    resolve_relative_fiscal,
    resolve_decade,
    resolve_week_of_month,
    resolve_weekday,
    resolve_year,
    resolve_year_range,
)
from timeline.extract.date_values import DateSettings, span_value
from timeline.models import DateValue, Precision

__all__ = ["DateMention", "DateSettings", "find_dates"]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: DateValue


def _mod(name: str = "mod") -> str:
    return rf"(?:(?P<{name}>early|mid|late|(?:the\s+)?end\s+of|end(?=-)|(?:the\s+)?(?:beginning|start)\s+of)\s*-?\s*)?"


# (regex, resolver, flags, trigger family). Among overlapping matches the
# longest wins; order matters only for ties.
PATTERNS: list[tuple[str, Resolver, int, str]] = [
    (rf"\b(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", resolve_iso, 0, "year"),
    (r"(?<![\d.,/])(?P<first>\d{1,2})[/.](?P<second>\d{1,2})[/.](?P<numeric_year>\d{4}|\d{2})(?![\d.,/]\d)", resolve_explicit, 0, "numeric"),
    (rf"\b(?:{WEEKDAY_ANY_CASE},?\s+)?(?P<month_name>{MONTH_ANY_CASE})\s+{DAY},?\s+{YEAR}\b", resolve_explicit, re.IGNORECASE, "month"),
    (rf"\b(?:{WEEKDAY_ANY_CASE},?\s+)?{DAY}\s+(?:of\s+)?(?P<month_name>{MONTH_ANY_CASE}),?\s+{YEAR}\b", resolve_explicit, re.IGNORECASE, "month"),
    (rf"\b(?P<month_name>{MONTH_ANY_CASE})\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?:{SEP}|\s+and\s+)(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year>{YEAR}))?\b", resolve_day_range, re.IGNORECASE, "month"),
    (rf"\b(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?{SEP}(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month_name>{MONTH_ANY_CASE})(?:,?\s+(?P<year>{YEAR}))?\b", resolve_day_range, re.IGNORECASE, "month"),
    (rf"\b(?P<month_name>{MONTH_ANY_CASE})\s+(?P<day>{DAY})\b(?!\s*(?:%|per\s*cent|,\d))", resolve_month_day, re.IGNORECASE, "month"),
    (rf"\b(?P<day>{DAY})\s+(?:of\s+)?(?P<month_name>{MONTH_ANY_CASE})(?!\w)", resolve_month_day, re.IGNORECASE, "month"),
    (rf"\b(?:between\s+|from\s+)?(?P<m1>{MONTH_ANY_CASE})(?:\s*(?:-|–|to|and|till|until)\s*)(?P<m2>{MONTH_ANY_CASE})(?:,?\s+(?P<year>{YEAR}))?\b", resolve_month_range, re.IGNORECASE, "month"),
    (rf"\b{_mod()}(?P<month_name>{MONTH_ANY_CASE}),?\s+(?:of\s+)?(?P<year>{YEAR})\b", resolve_month_year, re.IGNORECASE, "month"),
    (rf"\b{_mod()}(?P<month_name>{MONTH_ANY_CASE})(?!\w)", resolve_bare_month, re.IGNORECASE, "month"),
    (rf"\b(?:(?P<which>last|next|this|on|coming)\s+)?(?P<weekday>{WEEKDAY_ANY_CASE})\b", resolve_weekday, re.IGNORECASE, "weekday"),
    (rf"\b(?P<fy_kw>FY|fiscal(?:\s+year)?|financial\s+year)\s*'?(?P<fy>{YEAR}|\d{{2}})(?:\s*[-–/]\s*(?P<fy2>\d{{4}}|\d{{2}}))?\b", resolve_fiscal, re.IGNORECASE, "fiscal"),
    (rf"\b(?P<part>[QH][1-4])\s*(?P<fy_kw>FY)\s*'?(?P<fy>{YEAR}|\d{{2}})(?:\s*[-–/]\s*(?P<fy2>\d{{4}}|\d{{2}}))?\b", resolve_fiscal, 0, "quarter"),
    (r"\b(?:(?P<which>this|current|last|previous|past|next|coming)|the\s+current)\s+(?:financial\s+year|fiscal(?:\s+year)?)\b", resolve_relative_fiscal, re.IGNORECASE, "fiscal"),
    (rf"\b(?P<unit>Q|H)(?P<qn>[1-4])\s*(?:,?\s*(?P<year>{YEAR})|FY\s*(?P<fyq>\d{{2}}|{YEAR}))?\b", resolve_quarter, 0, "quarter"),
    (rf"\b(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<unit>quarter|half)(?:\s+of\s+(?:(?P<year>{YEAR})|FY\s*(?P<fyq>\d{{2}}|{YEAR})))?\b", resolve_quarter, re.IGNORECASE, "quarter"),
    (rf"\b(?:between\s+)?(?P<fy>FY\s*)?(?P<y1>{YEAR})\s*(?:-|–|to|and)\s*(?P<y2>{YEAR}|\d{{2}})\b(?![-–/]\d|\s*%)", resolve_year_range, re.IGNORECASE, "year"),
    (rf"\b{_mod()}(?P<year>{YEAR})\b", resolve_year, re.IGNORECASE, "year"),
    (rf"\b(?:the\s+)?(?P<end_month>{MONTH_ANY_CASE})\s+quarter\b", resolve_quarter, re.IGNORECASE, "quarter"),
    (rf"\b(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last)\s+week\s+of\s+(?P<month_name>{MONTH_ANY_CASE})(?:,?\s+(?P<year>{YEAR}))?\b", resolve_week_of_month, re.IGNORECASE, "month"),
    (r"\b(?:the\s+)?(?P<decade>(?:19|20)\d0)s\b", resolve_decade, 0, "year"),
    (r"\b(?P<unit>today|yesterday|tomorrow)\b", resolve_relative, re.IGNORECASE, "relative"),
    (r"\b(?P<which>earlier|later)\s+this\s+(?P<unit>week|month|year)\b", resolve_relative, re.IGNORECASE, "relative"),
    (r"\b(?P<which>this|last|next|past|previous|coming)\s+(?P<unit>week|month|year)\b", resolve_relative, re.IGNORECASE, "relative"),
    (rf"\b(?:the\s+|over\s+the\s+|in\s+the\s+|during\s+the\s+)?(?:past|last|previous)\s+(?P<n>{NUM})\s+(?P<unit>days|weeks|months|years|decades)\b", resolve_past_span, re.IGNORECASE, "relative"),
    (rf"\b(?P<n>{NUM})\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+ago\b", resolve_ago, re.IGNORECASE, "relative"),
    (r"\b(?:in\s+)?the\s+coming\s+(?:days|weeks|months)\b", resolve_coming, re.IGNORECASE, "relative"),
    *date_named_periods.PATTERNS,
    *date_year_modifiers.PATTERNS,
    *date_weekdays.PATTERNS,
]
COMPILED = [(re.compile(pattern, flags), resolver, family) for pattern, resolver, flags, family in PATTERNS]


def _variants(*words: str) -> list[str]:
    """Case variants spelled out: a case-sensitive literal alternation lets the regex engine skip ahead fast."""
    return sorted({v for w in words for v in (w, w.capitalize(), w.upper())}, key=len, reverse=True)


MONTH_STEMS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
TRIGGERS = {
    "month": "|".join(v for stem in MONTH_STEMS for v in (stem.capitalize(), stem.upper())),
    "weekday": "|".join(v for d in WEEKDAYS for v in (d.capitalize(), d.upper())),
    "year": r"(?:19|20)\d\d",
    "numeric": r"\d[/.]\d",
    "fiscal": "|".join(_variants("fy", "fiscal", "financial")),
    "quarter": r"Q[1-4]|H[12]|" + "|".join(_variants("quarter", "half")),
    # every relative expression names its unit: "last week", "four years ago", "earlier this month"
    "relative": "|".join(_variants("today", "yesterday", "tomorrow", "week", "month", "year", "decade")),
}
TRIGGER_REGEXES = {family: re.compile(trigger) for family, trigger in TRIGGERS.items()}
# Families whose triggers are found with str.find: a regex alternation of common lower-case
# words costs several times more to scan for than a few literal searches.
LITERAL_TRIGGERS = {"daypart": date_named_periods.TRIGGER_WORDS}
BEFORE, AFTER = 30, 30  # how far a date expression reaches around its trigger


def _literal_hits(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    spans = []
    for word in words:
        at = text.find(word)
        while at != -1:
            spans.append((at, at + len(word)))
            at = text.find(word, at + 1)
    return sorted(spans)


def _regions(text: str, family: str) -> list[tuple[int, int]]:
    """Merged windows around every trigger of a family."""
    regions: list[tuple[int, int]] = []
    regex = TRIGGER_REGEXES.get(family)
    hits = [hit.span() for hit in regex.finditer(text)] if regex else _literal_hits(text, LITERAL_TRIGGERS[family])
    for start, end in hits:
        low, high = max(0, start - BEFORE), min(len(text), end + AFTER)
        if regions and low <= regions[-1][1]:
            regions[-1] = (regions[-1][0], max(high, regions[-1][1]))
        else:
            regions.append((low, high))
    return regions


FROM_BEFORE = re.compile(r"\bfrom\s+$")
SEP_AFTER = re.compile(SEP)


def _starts_open_interval(text: str, start: int, end: int) -> bool:
    """"from April 4" with no end ("to", "until", "-") is an open interval starting that day."""
    if text[start:end].lower().startswith(WEEKDAY_PREFIXES):
        return False
    before = text[max(0, start - 6) : start].lower()
    return bool(FROM_BEFORE.search(before)) and not SEP_AFTER.match(text[end : end + 8])


def _open_from(text: str, start: int, end: int, value: DateValue) -> DateValue:
    if value.precision is Precision.DAY and value.start and _starts_open_interval(text, start, end):
        return span_value(value.text, value.start, None)
    return value


WEEKDAY_PREFIXES = ("on ", "last ", "next ", "this ", "coming ") + tuple(WEEKDAYS)


def _candidates(text: str) -> list[tuple[re.Match[str], Resolver]]:
    """Every match of every pattern in its family's windows, once, with its resolver, in pattern order.

    A family's windows are merged where they touch (``_regions``), so they never overlap, and a match
    never runs past its window's end: no pattern finds one span twice.
    """
    regions = {family: _regions(text, family) for family in [*TRIGGERS, *LITERAL_TRIGGERS]}
    return [(match, resolver) for pattern, resolver, family in COMPILED for low, high in regions[family] for match in pattern.finditer(text, low, high)]


def _resolve(resolver: Resolver, ctx: Context) -> DateValue | None:
    value = resolver(ctx)
    return _open_from(ctx.text, *ctx.match.span(), value) if value is not None else None


def find_dates(text: str, published: date | None, settings: DateSettings = DateSettings()) -> list[DateMention]:
    """Every date expression in ``text``, non-overlapping, in text order (longest match wins).

    The longest match is tried first, and a match is resolved only when no
    chosen date overlaps it: "March 3, 2025" is also "March 3", "March" and
    "2025", and resolving the shorter ones (the tense read around "March"
    by ``looks_ahead``, for one) was a sixth of date finding on the
    synthetic corpus. A match that does not resolve (the verb "may") takes
    no room, as before.
    """
    chosen: list[DateMention] = []
    taken = bytearray(len(text))  # characters already in a chosen date: an overlap test costs the mention's length
    for match, resolver in sorted(_candidates(text), key=lambda c: (c[0].start() - c[0].end(), c[0].start())):
        start, end = match.span()
        if taken.find(1, start, end) >= 0:
            continue
        value = _resolve(resolver, Context(text, match, published, settings))
        if value is None:  # resolvers build the value from match.group(0), the exact surface
            continue
        chosen.append(DateMention(start=start, end=end, value=value))
        taken[start:end] = b"\x01" * (end - start)
    if published is None:  # "March 3" in an undated article that says "February 27, 2023"
        chosen = [replace(m, value=_open_from(text, m.start, m.end, m.value)) for m in date_undated.place_years(chosen)]
    chosen += [DateMention(start, end, value) for start, end, value in date_offsets.offsets(text, chosen)]  # "two weeks after the March 3 vote"
    return sorted(chosen, key=lambda m: m.start)
