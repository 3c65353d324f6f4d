"""Plain-text tables for a terminal (tabulate): one row per claim, or per event for the timeline."""

from __future__ import annotations

from tabulate import tabulate

from timeline.models import Claim, EventClaim, Finding, TimelineEntry
from timeline.render.dates import date_label, day_label
from timeline.render.records import claim_date, value_summary
from timeline.selection import is_dated, source_count

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


def reported(entry: TimelineEntry, source: EventClaim) -> str:
    """For an undated event, when the article that reported it was published: the only time it can be placed."""
    if is_dated(entry) or source.published is None:
        return ""
    return f" (reported {day_label(source.published)})"


def render_timeline(entries: list[TimelineEntry], verbose: bool = False) -> str:
    """One row per event: its date at its precision, kind, title, distinct articles and first source.

    ``verbose`` lists every source of each event on a row of its own, with its quote.
    """
    rows = []
    for entry in entries:
        head = [date_label(entry.date), entry.event_kind, entry.title, source_count(entry)]
        if not verbose:
            first = entry.sources[0] if entry.sources else None
            rows.append(head + [where(first) + reported(entry, first) if first else ""])
            continue
        for index, source in enumerate(entry.sources):
            prefix = head if index == 0 else ["", "", "", ""]
            rows.append(prefix + [where(source) + reported(entry, source), excerpt(source.provenance.quote, source.text, 70)])
    headers = ["date", "kind", "event", "sources"] + (["source", "quote"] if verbose else ["first source"])
    return tabulate(rows, headers=headers, tablefmt="simple") + "\n" if rows else ""
