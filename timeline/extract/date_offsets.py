"""Dates stated as an offset from another date in the same sentence: "two weeks after the March 3 vote".

"two weeks after the March 3 vote", "about a month before the election on
June 9", "the day after the June 9 election", "three years after the 2019
floods" name a date by counting from another one, X. X must be a date
expression later in the same sentence, at most six words after "after" /
"before" and with no comma, semicolon or colon in between; an offset with no
such X ("two weeks after the vote") is a duration, not a date, and "the vote
on March 3 and, two weeks after, the recount" (X first) is not read.

The offset is read at the precision of its unit, exactly as "two weeks ago"
is read from P: days give a day, weeks the ISO week, months the month, years
the year ("two weeks after March 3, 2026" is 2026-W12; "a month before June
9" is May). "about", "around", "some", "roughly", "nearly", "almost", "just"
change nothing, since the precision already leaves room; "more than",
"within", "less than", "over" and "under" make a span the text did not bound,
so those are not read. X must be at least as precise as the unit (a day for a
day; a day or week for a week; a day, week or month for a month; any dated
period for a year); an X with no value yet (an undated article) gives an
unresolved offset.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING

from timeline.extract.folding import folded
from timeline.extract.date_resolvers import NUM, count_of
from timeline.extract.date_values import add_months, day_value, month_value, unresolved, week_value, year_value
from timeline.models import DateValue, Precision

if TYPE_CHECKING:
    from timeline.extract.dates import DateMention

# "<about> <two weeks> <after> <the ... > X", read backwards from each date mention X
OFFSET = re.compile(
    rf"\b(?:(?:about|around|some|roughly|nearly|almost|just|barely|only)\s+)?"
    rf"(?:(?P<n>{NUM})\s+(?P<unit>days?|weeks?|months?|years?)|(?:the|a|one)\s+(?P<single>day|week|month|year))\s+"
    r"(?P<direction>after|before|prior\s+to|ahead\s+of|later\s+than|earlier\s+than)\b(?P<gap>[^,;:.!?\n]{0,60})$",
    re.IGNORECASE,
)
DIRECTION_CUES = ("fter", "efore", "rior", "head", "than")  # after/After, before, prior to, ahead of, later than
UNBOUNDED = re.compile(r"\b(?:more\s+than|less\s+than|fewer\s+than|within|over|under|up\s+to|at\s+least)\s+$", re.IGNORECASE)
MAX_GAP_WORDS = 6
PRECISION = {"day": Precision.DAY, "week": Precision.WEEK, "month": Precision.MONTH, "year": Precision.YEAR}
BASES = {
    "day": {Precision.DAY},
    "week": {Precision.DAY, Precision.WEEK},
    "month": {Precision.DAY, Precision.WEEK, Precision.MONTH},
    "year": {Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.QUARTER, Precision.HALF, Precision.YEAR},
}


def shifted(text: str, unit: str, n: int, base: DateValue) -> DateValue | None:
    """``base`` moved by ``n`` units (negative: before), at the unit's precision; None when base is too coarse."""
    if base.precision not in BASES[unit]:
        return None
    if base.value is None or base.start is None:
        return unresolved(text, PRECISION[unit])
    start = base.start
    if unit == "day":
        return day_value(text, start + timedelta(days=n))
    if unit == "week":
        return week_value(text, start + timedelta(weeks=n))
    if unit == "month":
        moved = add_months(start.replace(day=1), n)
        return month_value(text, moved.year, moved.month)
    return year_value(text, start.year + n)


def offsets(text: str, mentions: list[DateMention]) -> list[tuple[int, int, DateValue]]:
    """(start, end, value) of every "N units after / before X" whose X is one of ``mentions``."""
    ordered = sorted(mentions, key=lambda m: m.start)
    added = []
    for index, target in enumerate(ordered):
        floor = max(ordered[index - 1].end if index else 0, target.start - 110)  # the offset and its gap hold no other date
        window = text[floor : target.start]
        if not any(cue in window for cue in DIRECTION_CUES):
            continue  # a substring test is far cheaper than trying OFFSET at every position
        found = OFFSET.search(text, floor, target.start)
        while found is not None and len(found.group("gap").split()) > MAX_GAP_WORDS:  # the nearest offset may be closer
            found = OFFSET.search(text, found.start() + 1, target.start)
        if found is None or UNBOUNDED.search(text, max(0, found.start() - 14), found.start()):
            continue
        unit = folded(found.group("unit") or found.group("single")).rstrip("s")
        n = count_of(found.group("n")) if found.group("n") else 1
        sign = 1 if folded(found.group("direction")).startswith(("after", "later")) else -1
        start, end = found.start(), found.end("direction")
        value = shifted(text[start:end], unit, sign * n, target.value)
        if value is not None:
            added.append((start, end, value))
    return added
