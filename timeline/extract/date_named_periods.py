"""Periods a reader places from the publication day: parts of the day and the ends of a year or month.

"this morning", "tonight", "earlier in the day" and "later today" are the
publication day P itself: news says "this morning" of the day it appears, and
a part of a day is still that day, so the value is a day (never an hour).
"yesterday evening" and "last night" are the day before P, "tomorrow
morning" the day after.

"by the end of the year", "before the end of year", "by year-end" are P's
year with the modifier ``late``, exactly as "end of July" is July with
``late`` and "end-2026" is 2026 with ``late``: the text names a part of a
period, and the period is what it can honestly be placed in. "the end of
last year" is the year before P, "the beginning of the month" P's month with
``early``, "the end of the financial year" the fiscal year P is in.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from timeline.extract.folding import folded
from timeline.extract.date_resolvers import Context, Resolver
from timeline.extract.date_values import day_value, fiscal_value, fiscal_year_of, month_value, unresolved, year_value
from timeline.models import DateValue, Precision

PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
MODIFIERS = {"end": "late", "close": "late", "beginning": "early", "start": "early", "middle": "mid"}
OFFSETS = {"this": 0, "yesterday": -1, "last": -1, "tomorrow": 1, "next": 1}
AFTER_YEAR_END_WORDS = re.compile(r"\b(?:by|at|before|until|till|around|near|after|from|towards?)\s+(?:the\s+)?$", re.IGNORECASE)


def resolve_part_of_day(ctx: Context) -> DateValue | None:
    """"this morning", "tonight", "earlier in the day": P; "yesterday evening", "last night": the day before."""
    if ctx.published is None:
        return unresolved(ctx.surface, Precision.DAY)
    which = folded(ctx.group("which") or "this")
    return day_value(ctx.surface, ctx.published + timedelta(days=OFFSETS.get(which, 0)))


def resolve_period_end(ctx: Context) -> DateValue | None:
    """"the end of the year", "the beginning of next month", "the end of the financial year": the period with a modifier."""
    unit = " ".join(folded(ctx.group("unit") or "").split())
    modifier = MODIFIERS[folded(ctx.group("mod") or "end")]
    fiscal = unit.startswith(("financial", "fiscal"))
    if ctx.published is None:
        return unresolved(ctx.surface, Precision.FISCAL_YEAR if fiscal else Precision.MONTH if unit == "month" else Precision.YEAR)
    p = ctx.published
    offset = OFFSETS.get(folded(ctx.group("which") or "this"), 0)
    if fiscal:
        value = fiscal_value(ctx.surface, fiscal_year_of(p, ctx.settings.fiscal_year_start) + offset, ctx.settings)
        return replace(value, modifier=modifier)
    if unit == "month":
        index = p.year * 12 + p.month - 1 + offset
        return month_value(ctx.surface, index // 12, index % 12 + 1, modifier)
    return year_value(ctx.surface, p.year + offset, modifier)


def resolve_year_end(ctx: Context) -> DateValue | None:
    """"by year-end", "at the year's end": the end of P's year; "year-end results" alone is a label, not a date."""
    if not AFTER_YEAR_END_WORDS.search(ctx.preceding(14)):
        return None
    if ctx.published is None:
        return unresolved(ctx.surface, Precision.YEAR)
    return year_value(ctx.surface, ctx.published.year, "late")


PATTERNS: list[tuple[str, Resolver, int, str]] = [
    (rf"\b(?P<which>this|yesterday|tomorrow)\s+{PART_OF_DAY}\b", resolve_part_of_day, re.IGNORECASE, "daypart"),
    (r"\b(?:tonight|(?P<which>last)\s+night)\b", resolve_part_of_day, re.IGNORECASE, "daypart"),
    (r"\b(?:earlier|later)\s+today\b", resolve_part_of_day, re.IGNORECASE, "relative"),
    (r"\b(?:earlier|later)\s+in\s+the\s+day\b", resolve_part_of_day, re.IGNORECASE, "daypart"),
    (
        r"\b(?:the\s+)?(?P<mod>end|close|beginning|start|middle)\s+of\s+(?:the\s+|(?P<which>this|last|next)\s+)?"
        r"(?P<unit>year|month|(?:financial|fiscal)\s+year)\b(?![-‐]\w)",
        resolve_period_end,
        re.IGNORECASE,
        "relative",
    ),
    (r"\b(?:year[-\s]end|year['’]s\s+end)\b", resolve_year_end, re.IGNORECASE, "relative"),
]
# Found with str.find, case-sensitively: the tails cover "Morning" and "morning", "Tonight" and
# "last night" alike; a few literal searches cost far less than a regex alternation of common words.
TRIGGER_WORDS = ("orning", "fternoon", "vening", "night", "n the day")
