"""``timeline export --format csv``: one row per timeline event, for a spreadsheet.

Columns: ``date`` (ISO 8601 at the event's precision, as in JSON: ``2025-06-17``,
``2025-06``, ``2025-Q2``; empty when undated), ``precision`` (empty when
undated), ``title``, ``sources`` (the number of distinct articles), ``first_source``
(``path:line`` of the first report) and ``quote`` (its sentence). RFC 4180:
a header row, fields quoted when they need it, CRLF line ends, UTF-8
without a byte order mark.

Article text is made safe for the two places a CSV file ends up:

- a spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a
  formula, so such a cell gets a leading ``'``, which spreadsheets read as
  "this is text" (OWASP's advice on CSV injection; the tab and carriage
  return some also treat so never lead a cell, since whitespace is
  collapsed first);
- a terminal acts on control characters, so they are written out as visible
  ``\\x1b`` text, and runs of whitespace (line ends included) become one
  space, so that every row is one line.
"""

from __future__ import annotations

import csv
import io

from timeline.export import Export
from timeline.render.findings import printable
from timeline.selection import is_dated, source_count

HEADER = ("date", "precision", "title", "sources", "first_source", "quote")
FORMULA_STARTS = ("=", "+", "-", "@")


def cell(text: str) -> str:
    """Outside text as a safe cell: one line, control characters written out, never read as a formula."""
    text = printable(" ".join(text.split()))
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def render(export: Export) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for entry in export.entries:
        first = entry.sources[0].provenance if entry.sources else None
        dated = is_dated(entry)
        writer.writerow([
            entry.date.value if dated else "", entry.date.precision.value if dated else "", cell(entry.title), source_count(entry),
            cell(f"{first.path}:{first.line}") if first else "", cell(first.quote) if first else "",
        ])  # fmt: skip
    return buffer.getvalue()
