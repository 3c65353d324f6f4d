"""Claims, findings and timeline entries as plain JSON-ready records (the public JSON contract).

Every record is built here once; the JSON renderer dumps them and the table
renderer picks fields from them, so the two never disagree.
"""

from __future__ import annotations

from typing import Any

from timeline.models import Claim, DateClaim, DateValue, EventClaim, FigureClaim, Finding, QuantityKey, StatusClaim, TimelineEntry
from timeline.selection import source_count


def number(value: float | None) -> int | float | None:
    """Whole numbers print as integers (13450000000, not 13450000000.0)."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def date_fields(value: DateValue | None) -> dict[str, Any]:
    if value is None:
        return {"value": None, "start": None, "end": None, "precision": None}
    fields = {
        "value": value.value,
        "start": value.start.isoformat() if value.start else None,
        "end": value.end.isoformat() if value.end else None,
        "precision": value.precision.value,
    }
    if value.modifier:
        fields["modifier"] = value.modifier
    if value.weekday_conflict:
        fields["weekday_conflict"] = value.weekday_conflict
    return fields


def claim_record(claim: Claim) -> dict[str, Any]:
    where = claim.provenance
    record: dict[str, Any] = {"kind": claim.kind, "path": where.path, "line": where.line, "column": where.column, "text": claim.text, "quote": where.quote}
    if isinstance(claim, DateClaim):
        record.update(date_fields(claim.date))
    elif isinstance(claim, FigureClaim):
        v = claim.value
        record.update(
            low=number(v.low), high=number(v.high), low_open=v.low_open, high_open=v.high_open, unit=v.unit,
            qualifier=v.qualifier, subject=claim.subject, metric=claim.metric,
            as_of=claim.as_of.value if claim.as_of else None, as_of_stated=claim.as_of_stated,
        )  # fmt: skip
        if v.noun:
            record["noun"] = v.noun
        record["key"] = key_record(claim)
        record["earlier"] = claim.earlier
        record["correction"] = claim.correction
    elif isinstance(claim, StatusClaim):
        record.update(subject=claim.subject, state=claim.state, as_of=claim.as_of.value if claim.as_of else None)
    elif isinstance(claim, EventClaim):
        record.update(event_kind=claim.event_kind, title=claim.title, subject=claim.subject, date=date_fields(claim.date) if claim.date else None)
        record.update(actor=claim.actor, action=claim.action, object=claim.object, state=claim.state)
    return record


def key_record(claim: FigureClaim) -> dict[str, Any] | None:
    """The quantity a figure was keyed to, and whether the lexicon or only the context named it."""
    return quantity_record(claim.key)


def quantity_record(key: QuantityKey | None) -> dict[str, Any] | None:
    if key is None:
        return None
    return {
        "id": key.id, "subject": key.subject, "measure": key.measure, "kind": key.kind, "unit": key.unit,
        "modifiers": list(key.modifiers), "source": key.source, "confidence": "high" if key.source == "lexicon" else "low",
    }  # fmt: skip


def finding_record(finding: Finding) -> dict[str, Any]:
    where = finding.location
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "subject": finding.subject,
        "message": finding.message,
        "path": where.path,
        "line": where.line,
        "column": where.column,
        "claims": [claim_record(c) for c in finding.claims],
        **figure_finding_fields(finding),
    }


def figure_finding_fields(finding: Finding) -> dict[str, Any]:
    """For a finding about one quantity: its key, verdict, distinct statements with their sources, and spread."""
    if finding.verdict is None:
        return {}
    statements = [
        {
            "text": s.value.text, "low": number(s.value.low), "high": number(s.value.high), "low_open": s.value.low_open,
            "high_open": s.value.high_open, "unit": s.value.unit, "sources": s.sources,
            "claims": [{"path": c.provenance.path, "line": c.provenance.line, "column": c.provenance.column} for c in s.claims],
        }
        for s in finding.statements
    ]  # fmt: skip
    return {
        "verdict": finding.verdict, "verdicts": list(finding.verdicts), "key": quantity_record(finding.key),
        "statements": statements, "spread": finding.spread,
    }  # fmt: skip


def entry_record(entry: TimelineEntry) -> dict[str, Any]:
    return {
        "date": date_fields(entry.date) if entry.date else None,
        "undated": entry.date is None,
        "event_kind": entry.event_kind,
        "title": entry.title,
        "subject": entry.subject,
        "sources": [claim_record(s) for s in entry.sources],
        "source_count": source_count(entry),
    }


def value_summary(claim: Claim) -> str:
    """A short human reading of a claim's value, for tables."""
    if isinstance(claim, DateClaim):
        return claim.date.value or "unresolved"
    if isinstance(claim, FigureClaim):
        v = claim.value
        low = "-inf" if v.low is None else f"{number(v.low):,}"
        high = "inf" if v.high is None else f"{number(v.high):,}"
        return f"{'(' if v.low_open else '['}{low}, {high}{')' if v.high_open else ']'} {v.unit}"
    if isinstance(claim, StatusClaim):
        return claim.state
    return f"{claim.event_kind}: {claim.title}"


def claim_date(claim: Claim) -> str:
    if isinstance(claim, (FigureClaim, StatusClaim)):
        return claim.as_of.value if claim.as_of and claim.as_of.value else "undated"
    if isinstance(claim, EventClaim):
        return claim.date.value if claim.date and claim.date.value else "undated"
    return claim.date.value or "unresolved"
