"""``check --format github``: one GitHub Actions workflow command per finding.

    ::error file=seeds/003_c34b20c788253f0e.txt,line=9,col=311,title=figure-contradiction::China, share of ...

A step that prints these gets an annotation on the line of the pull request's
diff: ``error`` for errors, ``warning`` for warnings, ``notice`` for info. The
message is the finding's, followed by one line per statement it involves,
``path:line: “quote”``, so a reviewer sees every source's sentence on the
annotation (GitHub shows ``%0A`` as a line break).

Why the escaping matters: the runner reads every line of a step's output
that starts with ``::`` as a command. Article text (a quote, a file name, a
subject) must not be able to end the line and start a command of its own, or
end a property early, so it is escaped exactly as GitHub's own toolkit
(``@actions/core``) does: in the message ``%`` -> ``%25``, CR -> ``%0D``,
LF -> ``%0A``; in property values also ``:`` -> ``%3A`` and ``,`` -> ``%2C``.
Other control characters, and the separators that some readers take for line
ends (VT, FF, NEL, U+2028, U+2029), are written out as backslash escapes: the
runner would not unescape a percent form of them, and no raw one reaches the
log. Every line printed therefore starts with ``::`` and is one command.
"""

from __future__ import annotations

from timeline.models import Finding
from timeline.render.findings import places, printable, relative_path, severity_first

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """A command's message, escaped as ``escapeData`` in @actions/core."""
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """A property value, escaped as ``escapeProperty`` in @actions/core (``:`` and ``,`` too)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_findings(findings: list[Finding]) -> str:
    return "".join(command(finding) + "\n" for finding in severity_first(findings))


def command(finding: Finding) -> str:
    where = finding.location
    properties = {"file": relative_path(where.path), "line": str(where.line), "col": str(where.column), "title": finding.rule}
    head = ",".join(f"{name}={escape_property(value)}" for name, value in properties.items())
    return f"::{COMMANDS[finding.severity.value]} {head}::{escape_data(message(finding))}"


def message(finding: Finding) -> str:
    """The finding's message, then each place it involves with its sentence, one per line."""
    lines = [finding.message]
    lines += [f"{relative_path(p.path)}:{p.line}: “{' '.join(p.quote.split())}”" for p in places(finding) if p.quote.strip()]
    return "\n".join(lines)
