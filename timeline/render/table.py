"""Plain-text tables for a terminal (tabulate), one row per claim."""

from __future__ import annotations

from tabulate import tabulate

from timeline.models import Claim, Finding, TimelineEntry
from timeline.render.records import claim_date, value_summary

QUOTE_WIDTH = 90


def excerpt(quote: str, text: str, width: int = QUOTE_WIDTH) -> str:
    """The part of a quote around the mention, at most ``width`` characters, marked with … where cut."""
    quote = " ".join(quote.split())
    if len(quote) <= width:
        return quote
    at = max(quote.find(" ".join(text.split())), 0)
    start = max(0, min(at - width // 3, len(quote) - width))
    piece = quote[start : start + width]
    return ("…" if start > 0 else "") + piece + ("…" if start + width < len(quote) else "")


def where(claim: Claim) -> str:
    return f"{claim.provenance.path}:{claim.provenance.line}"


def render_findings(findings: list[Finding], max_claims: int = 8) -> str:
    """One row per claim of each finding; a finding about many reports shows ``max_claims`` and "and N more"."""
    rows = []
    for finding in findings:
        head = [finding.rule, finding.severity.value, finding.subject or ""]
        if not finding.claims:
            location = finding.location
            rows.append(head + [finding.message, "", f"{location.path}:{location.line}", excerpt(location.quote, "")])
            continue
        for index, claim in enumerate(finding.claims[:max_claims]):
            prefix = head if index == 0 else ["", "", ""]
            rows.append(prefix + [f'"{claim.text}" {value_summary(claim)}', claim_date(claim), where(claim), excerpt(claim.provenance.quote, claim.text)])
        if len(finding.claims) > max_claims:
            rows.append(["", "", "", f"and {len(finding.claims) - max_claims} more", "", "", ""])
    if not rows:
        return ""
    return tabulate(rows, headers=["rule", "severity", "subject", "claim", "date", "where", "quote"], tablefmt="simple") + "\n"


def render_claims(claims: list[Claim], agreeing: dict[tuple[str, int, int], int] | None = None) -> str:
    """One row per claim; a figure shows its key, where the key came from, and how many sources state its value."""
    agreeing = agreeing or {}
    rows = []
    for claim in claims:
        key = getattr(claim, "key", None)
        sources = agreeing.get((claim.provenance.path, claim.provenance.line, claim.provenance.column), "")
        rows.append([
            claim.kind, where(claim) + f":{claim.provenance.column}", claim.text, value_summary(claim),
            getattr(claim, "subject", "") or "", getattr(claim, "metric", "") or "",
            f"{key.measure} [{key.kind}]" if key else "", key.source if key else "", sources,
        ])  # fmt: skip
    headers = ["kind", "where", "text", "value", "subject", "metric", "key", "key from", "sources"]
    return tabulate(rows, headers=headers, tablefmt="simple") + "\n" if rows else ""


def render_timeline(entries: list[TimelineEntry]) -> str:
    rows = []
    for entry in entries:
        date = f"{entry.date.value} ({entry.date.precision.value})" if entry.date else "undated"
        for index, source in enumerate(entry.sources):
            reported = f" [reported {source.published.isoformat()}]" if entry.date is None and source.published else ""
            first = [date, entry.event_kind, entry.title] if index == 0 else ["", "", ""]
            rows.append(first + [where(source) + reported, excerpt(source.provenance.quote, source.text, 70)])
    return tabulate(rows, headers=["date", "kind", "event", "source", "quote"], tablefmt="simple") + "\n" if rows else ""
