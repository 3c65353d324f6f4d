"""Why figures were or were not compared (``timeline check --explain-keys``): no silent false negatives.

One block per key: the key, whether the lexicon or only the context named
it, what comparing found (a verdict, "all agree", "alone on its key",
"periods do not overlap"), and every figure on it with its period and
source. Figures with no key come last: their measured thing could not be
read from their clause, so they were not compared with anything.
"""

from __future__ import annotations

from typing import Any

from tabulate import tabulate

from timeline.comparison import FigureAnalysis
from timeline.models import FigureClaim
from timeline.render.records import quantity_record


def key_records(analysis: FigureAnalysis) -> list[dict[str, Any]]:
    """The explanation as JSON-ready records (``keys`` in ``check --format json --explain-keys``)."""
    records = []
    for comparison in analysis.every_comparison():
        records.append({"key": quantity_record(comparison.key), "outcome": comparison.reason, "figures": [_figure(c) for c in comparison.claims]})
    if analysis.unkeyed:
        records.append({"key": None, "outcome": "no key: the measured thing could not be read from the clause", "figures": [_figure(c) for c in analysis.unkeyed]})
    return records


def _figure(claim: FigureClaim) -> dict[str, Any]:
    where = claim.provenance
    period = claim.as_of.value if claim.as_of and claim.as_of.value else None
    if claim.earlier and not claim.as_of_stated:
        period = f"{'a year' if claim.earlier == 'year' else 'some time'} before {period}"
    return {"path": where.path, "line": where.line, "column": where.column, "text": claim.text, "period": period, "period_stated": claim.as_of_stated}


def render_keys(analysis: FigureAnalysis) -> str:
    rows = []
    for record in key_records(analysis):
        key = record["key"]
        name = f"{key['id']} ({key['source']})" if key else "(no key)"
        for index, figure in enumerate(record["figures"]):
            first = [name, record["outcome"]] if index == 0 else ["", ""]
            stated = figure["period"] or "undated"
            rows.append(first + [f'"{figure["text"]}"', stated + ("" if figure["period_stated"] else " (published)"), f"{figure['path']}:{figure['line']}"])
    if not rows:
        return ""
    return "\nFigure keys:\n" + tabulate(rows, headers=["key", "outcome", "figure", "period", "where"], tablefmt="simple") + "\n"

