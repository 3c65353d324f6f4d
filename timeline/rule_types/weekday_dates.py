"""weekday-dates: a weekday written beside a date it does not fall on.

"on Monday, March 9" in a story whose March 9 was a Tuesday is a slip a
reader cannot settle from the text: either the weekday or the day of the
month is wrong, and any date built on it (a deadline, the day a toll was
counted) may be a day or a week out. The date layer keeps the day of the
month as written and records the weekday stated beside it; this rule
reports every such date, once, at the date itself, with the weekday the day
really falls on.

The year is the one the date was resolved to: stated ("Tuesday, June 17,
2026"), else the one the publication date gives, else (an undated article)
the one fixed by dates stated elsewhere in the article.

Fails (March 9, 2026 was a Monday, so "Tuesday" is wrong)::

    ---
    published: 2026-03-20
    ---
    The county council voted on Tuesday, March 9, to close two libraries.

    weekday-mismatch  "Tuesday, March 9": March 9, 2026 was a Monday

Passes::

    The county council voted on Monday, March 9, to close two libraries.
    The council voted on Tuesday (March 10) to close two libraries.

A weekday alone ("on Tuesday") or a weekday in the next sentence is never
compared with a date: only a weekday written beside its day ("Monday, March
9", "Monday (March 9)", "Monday 9 March 2026") is.
"""

from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from timeline.corpus import Corpus
from timeline.models import DateClaim, Finding

TYPE = "weekday-dates"
SCOPE = "article"
READS = frozenset({"date"})


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def message(claim: DateClaim) -> str:
    """'"Monday, March 9": March 9, 2026 was a Tuesday' ("is" for a day after the article's publication)."""
    day = claim.date.start
    tense = "is" if claim.published is not None and day > claim.published else "was"
    return f'"{claim.text}": {day:%B} {day.day}, {day.year} {tense} a {day:%A}'


def check(rule, options: Options, corpus: Corpus, ruleset) -> Iterator[Finding]:
    for claim in corpus.claims:
        if isinstance(claim, DateClaim) and claim.date.weekday_conflict and claim.date.start is not None:
            yield Finding(rule=rule.id, severity=rule.severity, subject=None, message=message(claim), location=claim.provenance, claims=(claim,))
