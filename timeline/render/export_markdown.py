"""``timeline export --format markdown``: a chronology an editor can publish (CommonMark with GFM footnotes).

::

    # River flood: a chronology

    ## Sources

    - At least 14 dead as Sonjhari floods Tamrapur plains, The Tamrapur Sentinel, 14 Jul 2026 (river-flood/01\\_first-report.txt)
    - river-flood/04\\_explainer.txt

    ## Events

    ### July 2026

    - **14 Jul 2026** — Sonjhari river bursts its banks[^1][^2]

    ### Undated

    - relief camps opened (reported 15 Jul 2026)[^3]

    ## Disputed

    - **Error** · figure-contradiction: Sonjhari floods, deaths: ...
      - “at least 14” — At least 14 dead as Sonjhari floods Tamrapur plains[^4]
      - “12” — river-flood/04\\_explainer.txt[^5]

    [^1]: At least 14 dead as ..., The Tamrapur Sentinel, 14 Jul 2026: “At least 14 people were killed ...”

Events are grouped under one heading per month, in date order: an event that
lies within one month goes under that month ("June 2025"); one that spans
more ("Q2 2025", "2025", "from 4 Apr 2025") goes under a heading of its own
span, placed where that span starts. Undated events come last. Each event
shows its date at its precision, as the table does, and cites every article
that reported it with a footnote quoting that article's first sentence about
it. A finding in "Disputed" names each of its statements (for figures, each
distinct value; otherwise each claim) with the sources that state it, each
with a footnote quoting the sentence. The same article and sentence share
one footnote, numbered in order of first citation. Footnotes name sources as
a reader would (title, outlet, date); the file and line of every quote are in
the JSON and CSV exports.

All text from outside (titles, quotes, paths, front matter, messages built
from article text) goes through ``timeline.render.markdown.escape``, after
control characters, such as a terminal escape sequence, are written out as
visible ``\\x1b`` text: it reads as plain text and cannot add HTML,
emphasis, code, links, footnotes (``^`` is escaped too), headings or list
items. A url
from front matter becomes a link only when it is a plain ``http``/``https``
address; anything else (``javascript:``) is shown as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from timeline.export import Export, source_name
from timeline.models import Article, Finding, Provenance, TimelineEntry
from timeline.render.dates import date_label, day_label
from timeline.render.findings import printable
from timeline.render.markdown import escape
from timeline.selection import first_sources, is_dated

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
)  # fmt: skip
SEVERITY_NAMES = {"error": "Error", "warning": "Warning", "info": "Info"}
WEB_ADDRESS = re.compile(r"https?://[^\s<>\x00-\x1f\x7f-\x9f]+", re.IGNORECASE)


def inert(text: str) -> str:
    """Outside text as Markdown that renders as exactly that text, on one line, control characters written out.

    ``^`` is escaped as well: before a footnote reference, "plan^" would
    open an inline footnote ``^[...]`` in renderers that have them.
    """
    return escape(printable(" ".join(text.split()))).replace("^", "\\^")


class Footnotes:
    """Numbered footnotes, one per article and sentence, in order of first citation."""

    def __init__(self, export: Export):
        self.articles = {article.path: article for article in export.articles}
        self.numbers: dict[tuple[str, str], int] = {}
        self.notes: list[str] = []

    def cite(self, where: Provenance) -> str:
        key = (where.path, " ".join(where.quote.split()))
        if key not in self.numbers:
            self.numbers[key] = len(self.numbers) + 1
            self.notes.append(f"[^{self.numbers[key]}]: {self.credit(where.path)}: “{inert(where.quote)}”")
        return f"[^{self.numbers[key]}]"

    def credit(self, path: str) -> str:
        article = self.articles.get(path)
        if article is None:
            return inert(path)
        return ", ".join(inert(part) for part in (source_name(article), article.source or "", day_label(article.published) if article.published else "") if part.strip())

    def name(self, path: str) -> str:
        article = self.articles.get(path)
        return inert(source_name(article) if article else path)


def _source_item(article: Article) -> str:
    parts = [source_name(article)]
    if article.source and article.source.strip():
        parts.append(article.source)
    if article.published:
        parts.append(day_label(article.published))
    line = ", ".join(inert(part) for part in parts)
    if article.url and article.url.strip():
        url = article.url.strip()
        line += f", <{url}>" if WEB_ADDRESS.fullmatch(url) else f", {inert(url)}"
    if source_name(article) != article.path:
        line += f" ({inert(article.path)})"
    return f"- {line}"


def _group(entry: TimelineEntry) -> str:
    """The heading an event goes under: its month when it lies in one month, else its own span; "Undated" last."""
    if not is_dated(entry):
        return "Undated"
    start, end = entry.date.start, entry.date.end
    if end is not None and (start.year, start.month) == (end.year, end.month):
        return f"{MONTH_NAMES[start.month - 1]} {start.year}"
    return date_label(replace(entry.date, modifier=None))


def _event_item(entry: TimelineEntry, notes: Footnotes) -> str:
    citations = "".join(notes.cite(source.provenance) for source in first_sources(entry))
    if is_dated(entry):
        return f"- **{inert(date_label(entry.date))}** — {inert(entry.title)}{citations}"
    published = [source.published for source in entry.sources if source.published]
    reported = f" (reported {day_label(min(published))})" if published else ""
    return f"- {inert(entry.title)}{reported}{citations}"


def _events(entries: list[TimelineEntry], notes: Footnotes) -> list[str]:
    groups: dict[str, list[str]] = {}
    for entry in entries:  # dated entries come in date order and undated ones last, so groups do too
        groups.setdefault(_group(entry), []).append(_event_item(entry, notes))
    if "Undated" in groups:
        groups["Undated"] = groups.pop("Undated")
    blocks = []
    for heading, items in groups.items():
        blocks += [f"### {inert(heading)}", "\n".join(items)]
    return blocks or ["No events."]


def _cited(places: Iterable[Provenance], notes: Footnotes) -> str:
    """"Source A[^1], Source B[^2]": each place's source by name, with its footnote."""
    return ", ".join(f"{notes.name(where.path)}{notes.cite(where)}" for where in places)


def _statements(finding: Finding, notes: Footnotes) -> list[str]:
    if finding.statements:
        return [f"  - “{inert(s.value.text)}” — {_cited((c.provenance for c in s.claims), notes)}" for s in finding.statements]
    if finding.claims:
        return [f"  - “{inert(c.text)}” — {_cited([c.provenance], notes)}" for c in finding.claims]
    return [f"  - {_cited([finding.location], notes)}"]


def _disputed(export: Export, notes: Footnotes) -> list[str]:
    if not export.disputed:
        return [f"No findings at {export.min_severity.value} or above."]
    lines = []
    for finding in export.disputed:
        lines.append(f"- **{SEVERITY_NAMES[finding.severity.value]}** · {inert(finding.rule)}: {inert(finding.message)}")
        lines += _statements(finding, notes)
    return ["\n".join(lines)]


def render(export: Export) -> str:
    """The whole document; the same export always gives the same bytes."""
    notes = Footnotes(export)
    sources = "\n".join(_source_item(article) for article in export.articles) or "No articles."
    blocks = [f"# {inert(export.title)}", "## Sources", sources, "## Events", *_events(export.entries, notes), "## Disputed"]
    blocks += _disputed(export, notes)
    blocks += notes.notes
    return "\n\n".join(blocks) + "\n"
