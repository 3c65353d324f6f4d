"""A publishable chronology in Markdown (``timeline show --format markdown``), for an editor to paste into a CMS.

::

    # Timeline

    - **3 Mar 2025** — budget meeting (2 sources: council/01\\_courier.txt:7, council/02\\_wire.txt:7)
    - **7 Mar 2025** — flood plan (1 source: council/02\\_wire.txt:9)

    ## Undated

    - ban (reported 4 Mar 2025; 1 source: council/01\\_courier.txt:11)

One bullet per event, dated events in date order under the heading, undated
ones under their own "Undated" subheading with the day the earliest article
reporting them was published. Each bullet names the distinct articles that
reported the event (the first mention in each, as ``path:line``); with
``verbose`` every mention is a nested bullet with its quote instead.

Everything that comes from outside (titles and quotes from articles, file
paths) is escaped so that it reads as plain text and cannot inject emphasis,
code, links, images, HTML or entities: whitespace runs (line ends included)
become one space, ``\\ ` * _ [ ] < > # | ~ & !`` get a backslash, and so do
a leading ``-``, ``+``, ``=`` and the mark of a leading "1." or "1)". Bare
URLs in article text stay text in CommonMark; a renderer that turns bare
URLs into links (GitHub's autolinks) shows them as the article wrote them,
never a hidden target.
"""

from __future__ import annotations

import re

from timeline.models import EventClaim, TimelineEntry
from timeline.render.dates import date_label, day_label
from timeline.selection import first_sources, is_dated, source_count

SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&!])")
LIST_NUMBER = re.compile(r"^([0-9]{1,9})([.)])")
LINE_START = {"-", "+", "="}
HEADING = "# Timeline"
UNDATED = "## Undated"


def escape(text: str) -> str:
    """Plain text as Markdown that renders back to exactly that text (on one line, spaces collapsed).

    Safe inline and at the start of a line: a leading ``-``, ``+`` or ``=``
    and the dot or parenthesis of a leading "1." or "1)" are escaped too, so
    the text never opens a list item, a heading underline or a rule.
    """
    text = SPECIAL.sub(r"\\\1", " ".join(text.split()))
    text = LIST_NUMBER.sub(r"\1\\\2", text)
    return "\\" + text if text[:1] in LINE_START else text


def _where(source: EventClaim) -> str:
    return escape(f"{source.provenance.path}:{source.provenance.line}")


def _sources(entry: TimelineEntry, verbose: bool) -> str:
    count = source_count(entry)
    counted = f"{count} source{'' if count == 1 else 's'}"
    if verbose:
        return counted
    return f"{counted}: {', '.join(_where(s) for s in first_sources(entry))}"


def _bullet(entry: TimelineEntry, verbose: bool) -> list[str]:
    if is_dated(entry):
        line = f"- **{date_label(entry.date)}** — {escape(entry.title)} ({_sources(entry, verbose)})"
    else:
        published = [s.published for s in entry.sources if s.published]
        when = f"reported {day_label(min(published))}; " if published else ""
        line = f"- {escape(entry.title)} ({when}{_sources(entry, verbose)})"
    if not verbose:
        return [line]
    return [line] + [f"  - {_where(s)}: “{escape(s.provenance.quote)}”" for s in entry.sources]


def render_timeline(entries: list[TimelineEntry], verbose: bool = False) -> str:
    dated = [e for e in entries if is_dated(e)]
    undated = [e for e in entries if not is_dated(e)]
    blocks = [HEADING]
    if not entries:
        blocks.append("No events.")
    if dated:
        blocks.append("\n".join(line for entry in dated for line in _bullet(entry, verbose)))
    if undated:
        blocks += [UNDATED, "\n".join(line for entry in undated for line in _bullet(entry, verbose))]
    return "\n\n".join(blocks) + "\n"
