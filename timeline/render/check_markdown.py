"""``check --format markdown``: the findings as a Markdown report, for a pull-request comment or a job summary.

::

    # timeline check

    4 findings (1 error, 3 warnings, 0 info) in 5 articles; ...

    ## Errors

    1. **figure-contradiction** at seeds/003\\_c34b20c788253f0e.txt:9 — China, ...: "around 60-70%" ... cannot all hold
       - seeds/003\\_c34b20c788253f0e.txt:9 (undated): “China currently dominates around 60-70% of ...”

One numbered list per severity, most serious first, each finding with its
rule, its place and its message, and every statement nested under it with
its place, the date it holds for and its whole sentence, so a reviewer can
judge without opening the articles. GitHub's ``$GITHUB_STEP_SUMMARY`` takes
it as is. Article text and paths are escaped as in ``show --format
markdown`` (no emphasis, links, HTML or headings can come from an article)
and control characters are written out, as in every other format.
"""

from __future__ import annotations

from timeline.models import Finding, Severity
from timeline.render.findings import printable
from timeline.render.markdown import escape
from timeline.render.records import claim_date

HEADINGS = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Info"}


def render_findings(findings: list[Finding], summary: str) -> str:
    blocks = ["# timeline check"] + ([escape(summary)] if summary else [])
    for severity in sorted(HEADINGS, key=lambda s: -s.rank):
        chosen = [finding for finding in findings if finding.severity is severity]
        if chosen:
            blocks += [f"## {HEADINGS[severity]}", "\n".join(line for n, f in enumerate(chosen, 1) for line in item(n, f))]
    return "\n\n".join(blocks) + "\n"


def item(number: int, finding: Finding) -> list[str]:
    where = finding.location
    marker = f"{number}. "
    lines = [f"{marker}**{escape(finding.rule)}** at {text(f'{where.path}:{where.line}')} — {text(finding.message)}"]
    indent = " " * len(marker)
    for claim in finding.claims:
        place = text(f"{claim.provenance.path}:{claim.provenance.line}")
        lines.append(f"{indent}- {place} ({escape(claim_date(claim))}): “{text(claim.provenance.quote)}”")
    return lines


def text(words: str) -> str:
    return escape(printable(words))
