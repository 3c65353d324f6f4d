"""JSON output: the public contract documented in README (extend, never break)."""

from __future__ import annotations

from typing import Any

from timeline.models import Claim, Finding, TimelineEntry
from timeline.render.json_text import pretty
from timeline.render.records import claim_record, entry_record, finding_record


def dump(document: dict[str, Any]) -> str:
    """The document as indented JSON text (``json_text.pretty``: json.dumps's text, written faster)."""
    return pretty(document) + "\n"


def render_claims(claims: list[Claim], agreeing: dict[tuple[str, int, int], int] | None = None) -> str:
    """Every mention; a figure also carries ``agreeing_sources``, the articles that state its value on its key."""
    agreeing = agreeing or {}
    records = []
    for claim in claims:
        record = claim_record(claim)
        if record["kind"] == "figure":
            record["agreeing_sources"] = agreeing.get((record["path"], record["line"], record["column"]), 0)
        records.append(record)
    return dump({"mentions": records})


def render_findings(findings: list[Finding], summary: dict[str, Any], keys: list[dict[str, Any]] | None = None) -> str:
    document: dict[str, Any] = {"findings": [finding_record(f) for f in findings], "summary": summary}
    if keys is not None:
        document["keys"] = keys
    return dump(document)


def render_timeline(entries: list[TimelineEntry]) -> str:
    return dump({"timeline": [entry_record(e) for e in entries]})
