"""Plain-text tables for a terminal (tabulate): one row per claim, or per event for the timeline.

The findings of ``check`` have their own layout, in ``check_table``.
"""

from __future__ import annotations

from tabulate import tabulate

from timeline.models import Claim, EventClaim, TimelineEntry
from timeline.render.dates import date_label, day_label
from timeline.render.findings import printable
from timeline.render.records import value_summary
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
    return tabulate(safe(rows), headers=headers, tablefmt="simple") + "\n" if rows else ""


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
    return tabulate(safe(rows), headers=headers, tablefmt="simple") + "\n" if rows else ""


def safe(rows: list[list]) -> list[list]:
    """Every text cell made printable: an article's terminal escapes or line ends are shown, never obeyed."""
    return [[printable(cell) if isinstance(cell, str) else cell for cell in row] for row in rows]
