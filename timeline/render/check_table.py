"""``check --format table`` (the default): findings for a person at a terminal, most serious first.

One block per finding, separated by a blank line, never wider than the
terminal::

    error  figure-contradiction  seeds/003_c34b20c788253f0e.txt:9:311
      China, share of global rare-earth production (mining): "around 60-70%"
      (seeds/003_c34b20c788253f0e.txt:9) vs "over 70%" (seeds/004_146535670ad2fdfe.txt:7)
      cannot all hold
        seeds/003_c34b20c788253f0e.txt:9  undated     "around 60-70%"  China currently dominates…
        seeds/004_146535670ad2fdfe.txt:7  2025-07-29  "over 70%"  …magnets, controlling over 70% of…

The first line says how serious, which rule and where; the message says
what is wrong in words, wrapped to the width; then each statement on a line
of its own: where it is, the date it holds for, what it says and the quote
around it, shortened to what the width leaves. Errors come first, then
warnings, then info, each in path order, so the one error among many
warnings is where the eye lands. The width is ``COLUMNS``, else the
terminal's, else 100 (a pipe or a CI log). On a narrow terminal what a
statement says moves to a line of its own; a path is never cut, so a line holding one
longer than the width stays longer. Article text is made printable first: a terminal escape in an
article is shown, never obeyed.
"""

from __future__ import annotations

import shutil
import textwrap

from timeline.models import Claim, Finding
from timeline.render.findings import printable, severity_first
from timeline.render.records import claim_date
from timeline.render.style import Style
from timeline.render.table import excerpt

DEFAULT_WIDTH = 100
NARROWEST = 40
SHORTEST_QUOTE = 20
LONGEST_TEXT = 40


def terminal_width() -> int:
    """``COLUMNS``, else the terminal's width, else 100; never below 40."""
    return max(shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns, NARROWEST)


def render_findings(findings: list[Finding], max_claims: int = 8, width: int | None = None, style: Style = Style()) -> str:
    width = width or terminal_width()
    blocks = [finding_block(finding, max_claims, width, style) for finding in severity_first(findings)]
    return "\n".join(blocks)


def finding_block(finding: Finding, max_claims: int, width: int, style: Style) -> str:
    where = finding.location
    head = f"{style.severity(finding.severity.value)}  {style.rule(finding.rule)}  {style.place(clean(f'{where.path}:{where.line}:{where.column}'))}"
    lines = [head]
    message = " ".join(printable(finding.message).split())
    lines += textwrap.wrap(message, width=width, initial_indent="  ", subsequent_indent="  ", break_long_words=False, break_on_hyphens=False)
    shown = finding.claims[:max_claims]
    places = [clean(f"{claim.provenance.path}:{claim.provenance.line}") for claim in shown]
    dates = [claim_date(claim) for claim in shown]
    said = [f'"{shorten(clean(claim.text), LONGEST_TEXT)}"' for claim in shown]
    columns = [max((len(cell) for cell in column), default=0) for column in (places, dates, said)]
    for claim, place, day, words in zip(shown, places, dates, said):
        cells = [cell.ljust(wide) for cell, wide in zip((place, day, words), columns)]
        lines.append(statement_line(claim, cells, width, style))
    if len(finding.claims) > max_claims:
        lines.append(style.faint(f"    and {len(finding.claims) - max_claims} more"))
    return "\n".join(lines) + "\n"


def statement_line(claim: Claim, cells: list[str], width: int, style: Style) -> str:
    """``    place  date  "text"  quote``, the cells padded to the finding's columns, the quote cut to the room left.

    When that leaves too little of the quote to read, what was said and the
    quote go on a line of their own below the place and date, so the width
    still holds.
    """
    place, day, said = cells
    quote, text = clean(claim.provenance.quote), clean(claim.text)
    room = width - len(f"    {place}  {day}  {said}  ")
    if room >= SHORTEST_QUOTE:
        return f"    {style.place(place)}  {day}  {said}  {excerpt(quote, text, room - 2)}".rstrip()  # - 2: the … marks
    said = said.rstrip()
    room = max(width - len(f"      {said}  "), SHORTEST_QUOTE)
    return f"    {style.place(place)}  {day.rstrip()}\n      {said}  {excerpt(quote, text, room - 2)}"


def clean(text: str) -> str:
    """Article text on one line, with anything a terminal would act on written out."""
    return " ".join(printable(text).split())


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
