"""JSON output: the public contract documented in README (extend, never break).

Each report is written as a stream of text pieces (``json_text.stream``): its
records are made one at a time as they are written, so the report's size
never adds to the run's peak memory.
"""

from __future__ import annotations

from typing import Any, Iterator

from timeline.models import Claim, Finding, TimelineEntry
from timeline.render.json_text import pretty, stream
from timeline.render.records import claim_record, entry_record, finding_record


def dump(document: dict[str, Any]) -> str:
    """The document as indented JSON text (``json_text.pretty``: json.dumps's text, written faster)."""
    return pretty(document) + "\n"


def stream_claims(claims: list[Claim], agreeing: dict[tuple[str, int, int], int] | None = None) -> Iterator[str]:
    """Every mention; a figure also carries ``agreeing_sources``, the articles that state its value on its key."""
    agreeing = agreeing or {}

    def records() -> Iterator[dict[str, Any]]:
        for claim in claims:
            record = claim_record(claim)
            if record["kind"] == "figure":
                record["agreeing_sources"] = agreeing.get((record["path"], record["line"], record["column"]), 0)
            yield record

    yield from stream({"mentions": records()})
    yield "\n"


def stream_findings(findings: list[Finding], summary: dict[str, Any], keys: list[dict[str, Any]] | None = None) -> Iterator[str]:
    document: dict[str, Any] = {"findings": (finding_record(f) for f in findings), "summary": summary}
    if keys is not None:
        document["keys"] = keys
    yield from stream(document)
    yield "\n"


def stream_timeline(entries: list[TimelineEntry]) -> Iterator[str]:
    yield from stream({"timeline": (entry_record(e) for e in entries)})
    yield "\n"

