"""``check --format concise``: one line per finding, ``path:line:col: severity rule message``.

The shape of ruff's concise output and of compilers' messages, so editors
(Vim's quickfix, Emacs' compilation mode, VS Code's problem matchers) jump to
the place, ``grep`` and ``wc -l`` work, and the most serious findings come
first. ``path`` is as the article was named on the command line, the same
as in JSON. Nothing else is printed: the exit code gives the verdict and
``--format table`` the summary.

    seeds/003_c34b20c788253f0e.txt:9:311: error figure-contradiction China, share of ...: ... cannot all hold
"""

from __future__ import annotations

from timeline.models import Finding
from timeline.render.findings import printable, severity_first


def render_findings(findings: list[Finding]) -> str:
    return "".join(finding_line(finding) + "\n" for finding in severity_first(findings))


def finding_line(finding: Finding) -> str:
    where = finding.location
    message = " ".join(finding.message.split())
    return printable(f"{where.path}:{where.line}:{where.column}: {finding.severity.value} {finding.rule} {message}")
