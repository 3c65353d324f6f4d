"""JSON output: the public contract documented in README (extend, never break)."""

from __future__ import annotations

import json
from typing import Any

from timeline.models import Claim, Finding, TimelineEntry
from timeline.render.records import claim_record, entry_record, finding_record


def dump(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def render_claims(claims: list[Claim]) -> str:
    return dump({"mentions": [claim_record(c) for c in claims]})


def render_findings(findings: list[Finding], summary: dict[str, Any]) -> str:
    return dump({"findings": [finding_record(f) for f in findings], "summary": summary})


def render_timeline(entries: list[TimelineEntry]) -> str:
    return dump({"timeline": [entry_record(e) for e in entries]})
