"""The shared record structure: every layer produces these and every renderer reads them.

Records are small and immutable, so that a claim can be put in a set, used as
a dict key and passed between layers without copies. Renderers never re-derive
data: whatever they print is a field here.

Claims and the values they hold (``Provenance``, ``DateValue``,
``FigureValue``, ``QuantityKey``) are frozen, slotted dataclasses; findings,
articles and the timeline are frozen pydantic models. There are hundreds of
thousands of claims in a large corpus and a few thousand of everything else.
``bench/bench_claim_records.py`` measured both ways on the synthetic corpus:
a claim with its values took 1,445 bytes as pydantic models built with
``model_construct`` and 370 bytes as slotted records, which were no slower
to build. Every pydantic instance carries a ``__dict__``; a slotted record
is a fixed row of fields. Pydantic still reads and writes them at the edges: the
claims cache and ``claims --format jsonl`` serialise them through the models
that hold them (pydantic validates and dumps dataclasses as it does models,
``extra`` forbidden as before), and the JSON outputs have their own schema
models in ``documents.py``. What pydantic's validation used to convert on
the way in (an int bound to a float, a list of modifiers to a tuple, a
precision's name to its enum) the records convert in ``__post_init__``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Annotated, Any, Literal, Self, Union

from pydantic import BaseModel, ConfigDict, Field

NEWLINE = re.compile("\n")


class Frozen(BaseModel):
    """Immutable, and strict about keys: the base of every pydantic record and every YAML schema.

    Memory: pydantic gives every instance its own set of the fields it was
    given (``model_fields_set``), which for small models was over half their
    memory. Instances given the same fields share one set instead. Nothing
    here adds to a model's set in place: pydantic's ``model_copy`` copies the
    set before it records an update, and the copy then shares one too (every
    article of a run is copied once, without its body: 0.7 KB each).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    def model_post_init(self, context: Any, /) -> None:
        _share_fields_set(self)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        copied = super().model_copy(update=update, deep=deep)
        _share_fields_set(copied)
        return copied

    def __setstate__(self, state: dict[Any, Any]) -> None:
        super().__setstate__(state)  # an article from a worker process (``--jobs``)
        _share_fields_set(self)


_FIELDS_SETS: dict[frozenset[str], set[str]] = {}  # one set per combination of given fields


def _share_fields_set(model: BaseModel) -> None:
    fields = model.__pydantic_fields_set__
    shared = _FIELDS_SETS.setdefault(frozenset(fields), fields)
    if shared is not fields:
        object.__setattr__(model, "__pydantic_fields_set__", shared)


record = dataclass(frozen=True, slots=True, kw_only=True)  # a claim or a value a claim holds: see the module docstring
STRICT = ConfigDict(extra="forbid")  # as pydantic reads a record (cache, JSONL): unknown keys are an error


class Precision(str, Enum):
    """How much of a date the text actually said ("in January" is a month, never a day)."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    FISCAL_YEAR = "fiscal_year"
    RANGE = "range"


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 1, "warning": 2, "error": 3}[self.value]


@record
class Provenance:
    """Where a claim came from: file, 1-based line and column on disk, and the sentence quoted."""

    __pydantic_config__ = STRICT

    path: str
    line: int
    column: int
    quote: str


@record
class DateValue:
    """A date as the text gave it: an inclusive span of days at an honest precision.

    ``value`` is ISO 8601 at the precision (``2025-06``, ``2025-W25``, ``2025-Q2``)
    or an interval ``start/end``; it is None when the expression is relative and
    the article has no publication date to anchor it. An open end is ``..``.
    ``weekday_conflict`` is the weekday the text states beside a day that falls
    on another weekday ("Monday" in "Monday, March 9" when March 9 is a
    Tuesday): the day is kept as the text gave it, and the disagreement is
    recorded for the ``weekday-mismatch`` rule rather than silently resolved.
    """

    __pydantic_config__ = STRICT
    text: str
    value: str | None
    start: date | None
    end: date | None
    precision: Precision
    modifier: str | None = None
    weekday_conflict: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.precision, Precision):
            object.__setattr__(self, "precision", Precision(self.precision))

    @property
    def resolved(self) -> bool:
        return self.value is not None


@record
class FigureValue:
    """A figure as an interval: "over 90%" is (90, 100], "60-70%" is [60, 70].

    ``low``/``high`` are in base units (one unit of each currency, tonnes,
    percent 0-100, a rank's position); None means unbounded on that side.
    ``change`` marks a movement rather than a level: "dropped 38%" is
    [-38, -38] with change set, so it is never read as a 38% share, and a
    percent change may pass 100. ``whole`` is the total a part is counted
    against ("9 of the 14" is 9 with whole 14); ``per`` is what the figure is
    counted per ("₹10 lakh each" -> "each", "5 MTPA" -> "year").
    """

    __pydantic_config__ = STRICT
    text: str
    low: float | None
    high: float | None
    low_open: bool = False
    high_open: bool = False
    unit: str
    qualifier: str | None = None
    noun: str | None = None
    change: bool = False
    whole: float | None = None
    per: str | None = None

    def __post_init__(self) -> None:
        for name in ("low", "high", "whole"):  # 40 is 40.0: the JSON and every comparison see a float
            number = getattr(self, name)
            if number is not None and type(number) is not float:
                object.__setattr__(self, name, float(number))

    def overlaps(self, other: FigureValue) -> bool:
        """True when some number satisfies both intervals (open bounds respected)."""
        return _below(self, other) and _below(other, self)

    def same_statement(self, other: FigureValue) -> bool:
        return (self.low, self.high, self.low_open, self.high_open, self.unit) == (
            other.low,
            other.high,
            other.low_open,
            other.high_open,
            other.unit,
        )


def _below(a: FigureValue, b: FigureValue) -> bool:
    """True when a's lower bound does not exceed b's upper bound."""
    if a.low is None or b.high is None:
        return True
    if a.low < b.high:
        return True
    return a.low == b.high and not a.low_open and not b.high_open


@record
class ClaimBase:
    __pydantic_config__ = STRICT
    provenance: Provenance
    text: str
    published: date | None = None


@record
class DateClaim(ClaimBase):
    kind: Literal["date"] = "date"
    date: DateValue


@record
class QuantityKey:
    """What a figure measures, so that figures meaning the same thing are compared.

    ``measure`` is the lemmatised thing counted or measured ("processing
    capacity", "deaths", "steel shipment") or, when the lexicon names it, the
    lexicon metric's id; ``kind`` is ``level``, ``share``, ``change``, ``rank``,
    ``part`` or ``per-unit``; ``modifiers`` are the words that change the
    quantity ("from China", "y/y", "per person"). ``source`` says whether the
    lexicon named the key (``lexicon``) or it was read from the figure's own
    clause only (``context``, lower confidence).
    """

    __pydantic_config__ = STRICT
    subject: str | None
    measure: str
    kind: str
    unit: str
    modifiers: tuple[str, ...] = ()
    source: Literal["lexicon", "context"] = "context"

    def __post_init__(self) -> None:
        if type(self.modifiers) is not tuple:
            object.__setattr__(self, "modifiers", tuple(self.modifiers))

    @property
    def id(self) -> str:
        """A stable, readable identity: ``subject|measure|kind|unit|modifiers``."""
        return "|".join([self.subject or "-", self.measure, self.kind, self.unit, ",".join(self.modifiers)])


@record
class FigureClaim(ClaimBase):
    kind: Literal["figure"] = "figure"
    value: FigureValue
    subject: str | None = None
    metric: str | None = None
    as_of: DateValue | None = None
    as_of_stated: bool = False
    key: QuantityKey | None = None
    earlier: Literal["year", "before"] | None = None  # "a year earlier" / "initially": a figure from before its article's time
    correction: bool = False
    superseded: bool = False
    running: bool = False  # "so far", "to date": a count still growing
    standing: bool = False  # "Sentra-3 carries 14 instruments": what a thing is or has, true for the story, not for one day
    purpose: str | None = None  # "$2.1 million for day-care hubs": an amount known only by what it is for (its key's measure)


@record
class StatusClaim(ClaimBase):
    """The state of ``subject`` as of a date. ``source`` says whether a lexicon vocabulary named the
    subject and its state (``lexicon``) or the clause's grammar did (``clause``: the subject is the
    thing's key, its head last, and the state one of the clause stage's)."""

    kind: Literal["status"] = "status"
    subject: str
    state: str
    as_of: DateValue | None = None
    source: Literal["lexicon", "clause"] = "lexicon"


@record
class EventClaim(ClaimBase):
    """A happening: ``actor`` did ``action`` (a verb's dictionary form, or an event noun) to ``object``, on ``date``."""

    kind: Literal["event"] = "event"
    event_kind: str
    title: str
    subject: str | None = None
    date: DateValue | None = None
    actor: str | None = None
    action: str | None = None
    object: str | None = None
    state: str | None = None  # the clause's state: done, planned, stopped, ...; None for an event named by the lexicon alone


Claim = Annotated[Union[DateClaim, FigureClaim, StatusClaim, EventClaim], Field(discriminator="kind")]


class IgnoreMarker(Frozen):
    """``<!-- timeline: ignore RULE[, RULE] -->`` in an article: findings of ``rules`` that involve line ``target`` are silenced.

    ``line`` is where the marker is written; ``target`` is that line, or the
    next non-blank line when the marker stands alone on its line.
    """

    line: int
    target: int
    rules: tuple[str, ...]


class Article(Frozen):
    """One article as read from disk.

    ``body`` is the text with line endings normalised to LF, the BOM removed and
    boilerplate blanked out with spaces, so that every offset in it maps back to
    the same line and column in the file as it is on disk. ``header`` is the
    span of the dateline the publication date was read from, if any.
    ``fiscal_year_start`` is the month the article's fiscal years start in when
    its front matter says so (``fiscal-year-start: 10`` for a US federal
    source), overriding the run's setting for this article only. Once its
    claims are made, a run keeps only the body's first non-blank line (see
    ``cli.common.load_run``).
    """

    path: str
    body: str
    title: str | None = None
    published: date | None = None
    published_source: str | None = None
    source: str | None = None
    url: str | None = None
    header: tuple[int, int] | None = None
    fiscal_year_start: int | None = None
    ignore_markers: tuple[IgnoreMarker, ...] = ()


class LineIndex:
    """Where each line of a text starts, found once: a claim's line is then a binary search, not a count of
    the newlines before it (which made an article of many claims quadratic). Made for one article while its
    claims are made, and dropped with it: kept on the article, the offsets were a megabyte for 1,000 articles."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(match.end() for match in NEWLINE.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset in the text."""
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


class Statement(Frozen):
    """One distinct value stated for a disputed quantity, with every claim (source) that states it."""

    value: FigureValue
    claims: tuple[FigureClaim, ...]

    @property
    def sources(self) -> int:
        """How many articles state this value: the same figure from several sources is corroboration."""
        return len({c.provenance.path for c in self.claims})


class Finding(Frozen):
    """A problem a rule found, anchored at ``location`` (the first claim, or the article's first line).

    Figure findings describe one disputed quantity (``key``) as a whole: its
    distinct ``statements`` in date order, the ``verdict`` over all of them
    and, for amounts, the relative ``spread`` between the lowest and highest.
    """

    rule: str
    severity: Severity
    subject: str | None
    message: str
    location: Provenance
    claims: tuple[Claim, ...] = ()
    verdict: str | None = None
    verdicts: tuple[str, ...] = ()
    key: QuantityKey | None = None
    statements: tuple[Statement, ...] = ()
    spread: float | None = None


class TimelineEntry(Frozen):
    """One event on the chronology, with every claim (source) that reported it."""

    date: DateValue | None
    event_kind: str
    title: str
    subject: str | None = None
    sources: tuple[EventClaim, ...]
