"""The JSON documents the tool prints, as pydantic models: the source of ``timeline schema``.

The renderers build their documents as plain dicts (``timeline.render.records``),
so that the JSON contract is written out field by field in one place; these
models describe those dicts, and ``tests/test_schema.py`` validates real
output against the generated schemas, so a field added to one and not the
other fails the suite. Every model forbids unknown keys, so the schemas say
``additionalProperties: false``: a consumer learns about a new field from the
schema, never by surprise.

A field that is always printed, possibly as null, is required and nullable
(``str | None`` with no default). A field printed only sometimes (``modifier``
for "early June", the figure details of a finding, ``keys`` with
``--explain-keys``) is optional and, when present, never null: see ``sometimes``.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

from timeline.models import Precision, Severity

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _no_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


def sometimes(description: str) -> Any:
    """A field present only in some documents: not required, and not null when present."""
    return Field(default=None, description=description, json_schema_extra=_no_default)


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DateFields(Record):
    """A date as the text gave it: ISO 8601 ``value`` at its precision, and its first and last day."""

    value: str | None = Field(description="ISO 8601 at the precision (2025-06-17, 2025-06, 2025-W25, 2025-Q2, 2024-04-01/2025-03-31, .. for an open end); null when unresolved")
    start: date | None
    end: date | None = Field(description="inclusive; null for an open interval")
    precision: Precision
    modifier: str = sometimes("early, mid or late, for 'early June'")
    weekday_conflict: str = sometimes("the weekday written beside a day it does not fall on")


class QuantityKeyRecord(Record):
    """The quantity a figure measures, so that figures meaning the same thing are compared."""

    id: str
    subject: str | None
    measure: str
    kind: str
    unit: str
    modifiers: list[str]
    source: Literal["lexicon", "context"]
    confidence: Literal["high", "low"]


class MentionBase(Record):
    path: str
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    text: str = Field(description="the exact surface text")
    quote: str = Field(description="the sentence it stands in")


class DateMention(MentionBase, DateFields):
    kind: Literal["date"]


class FigureMention(MentionBase):
    kind: Literal["figure"]
    low: float | None = Field(description="in base units; null when unbounded")
    high: float | None = Field(description="in base units; null when unbounded")
    low_open: bool
    high_open: bool
    unit: str
    qualifier: str | None
    subject: str | None
    metric: str | None
    as_of: str | None = Field(description="the date the figure holds for (a date value)")
    as_of_stated: bool
    noun: str = sometimes("for a count, the noun counted")
    key: QuantityKeyRecord | None
    earlier: Literal["year", "before"] | None
    correction: bool


class StatusMention(MentionBase):
    kind: Literal["status"]
    subject: str
    state: str
    as_of: str | None


class EventMention(MentionBase):
    kind: Literal["event"]
    event_kind: str
    title: str
    subject: str | None
    date: DateFields | None
    actor: str | None
    action: str | None
    object: str | None
    state: str | None


class ListedFigureMention(FigureMention):
    agreeing_sources: int = Field(ge=0, description="articles that state the same value on the same key")


Mention = Annotated[Union[DateMention, FigureMention, StatusMention, EventMention], Field(discriminator="kind")]
ListedMention = Annotated[Union[DateMention, ListedFigureMention, StatusMention, EventMention], Field(discriminator="kind")]


class ClaimsDocument(Record):
    """``timeline claims --format json``: every mention extracted from the articles."""

    mentions: list[ListedMention]


class Place(Record):
    path: str
    line: int = Field(ge=1)
    column: int = Field(ge=1)


class StatementRecord(Record):
    """One distinct value stated for a disputed quantity."""

    text: str
    low: float | None
    high: float | None
    low_open: bool
    high_open: bool
    unit: str
    sources: int = Field(ge=1, description="how many articles state this value")
    claims: list[Place]


class FindingRecord(Record):
    """A problem a rule found, anchored at ``path``/``line``/``column``, with the claims involved."""

    rule: str
    severity: Severity
    subject: str | None
    message: str
    path: str
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    claims: list[Mention]
    verdict: Literal["contradiction", "divergence", "decrease", "correction", "update"] = sometimes("for a finding about figures")
    verdicts: list[str] = sometimes("for a finding about figures: the verdict of each pair of statements")
    key: QuantityKeyRecord | None = Field(default=None, description="for a finding about figures", json_schema_extra=_no_default)
    statements: list[StatementRecord] = sometimes("for a finding about figures: the distinct values in date order")
    spread: float | None = Field(default=None, description="for a finding about amounts: (highest - lowest) / lowest", json_schema_extra=_no_default)


class FigureCounts(Record):
    total: int = Field(ge=0)
    compared: int = Field(ge=0)
    lone: int = Field(ge=0)
    unkeyed: int = Field(ge=0)


class CheckSummary(Record):
    articles: int = Field(ge=0)
    unreadable: int = Field(ge=0)
    findings: int = Field(ge=0)
    error: int = Field(ge=0)
    warning: int = Field(ge=0)
    info: int = Field(ge=0)
    figures: FigureCounts
    silenced: int = Field(ge=0, description="findings silenced by inline ignore markers")
    new_articles: int | None = Field(ge=0, description="articles checked as new (--new, --changed-since), else null")
    outside_new: int = Field(ge=0, description="findings left out because they involve no new article")
    baselined: int = Field(ge=0, description="findings left out because the --baseline file holds them")


class KeyedFigure(Record):
    path: str
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    text: str
    period: str | None
    period_stated: bool


class KeyExplanation(Record):
    """Why the figures on one key were or were not compared (``key`` null: the figures with no key)."""

    key: QuantityKeyRecord | None
    outcome: str
    figures: list[KeyedFigure]


class FindingsDocument(Record):
    """``timeline check --format json``: the findings, a summary and, with ``--explain-keys``, every figure's key."""

    findings: list[FindingRecord]
    summary: CheckSummary
    keys: list[KeyExplanation] = sometimes("with --explain-keys")


class TimelineEntryRecord(Record):
    """One event on the chronology, with every mention (source) that reported it."""

    date: DateFields | None
    undated: bool
    event_kind: str
    title: str
    subject: str | None
    sources: list[EventMention]
    source_count: int = Field(ge=1, description="distinct articles among sources")


class TimelineDocument(Record):
    """``timeline show --format json``: the ordered, deduplicated timeline."""

    timeline: list[TimelineEntryRecord]


class SourceRecord(Record):
    """An article read, with what its front matter (or dateline) says about it."""

    path: str
    title: str | None
    outlet: str | None = Field(description="front matter 'source'")
    published: date | None
    url: str | None


class ExportSummary(Record):
    articles: int = Field(ge=0)
    unreadable: int = Field(ge=0)
    events: int = Field(ge=0)
    dated: int = Field(ge=0)
    undated: int = Field(ge=0)
    disputed: int = Field(ge=0)
    min_severity: Severity


class ExportDocument(Record):
    """``timeline export --format json``: the chronology with its sources and the findings that dispute it."""

    title: str
    sources: list[SourceRecord]
    timeline: list[TimelineEntryRecord]
    disputed: list[FindingRecord] = Field(description="findings at or above --min-severity, errors first")
    summary: ExportSummary


DOCUMENTS: dict[str, tuple[type[Record], str]] = {
    "claims": (ClaimsDocument, "timeline claims --format json"),
    "findings": (FindingsDocument, "timeline check --format json"),
    "timeline": (TimelineDocument, "timeline show --format json"),
    "export": (ExportDocument, "timeline export --format json"),
}


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one document, by its name in ``DOCUMENTS``."""
    model, command = DOCUMENTS[name]
    schema = model.model_json_schema()
    schema["description"] = f"{schema.get('description', '').strip()} Printed by `{command}`.".strip()
    return {"$schema": JSON_SCHEMA_DIALECT, **schema}
