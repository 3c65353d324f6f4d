"""What the one-record-per-finding formats (concise, github, sarif) share.

They list findings in the order a reader acts on them (errors first), point
at the same places, and never pass an article's control characters through:
a file name or a sentence may hold a terminal escape sequence or a line
separator, and printed as is it could recolour a terminal, hide text or, in
a CI log, start a line of its own. The ``table`` and ``json`` formats keep
the engine's order (path, line, column, rule).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from timeline.models import Finding, Provenance

# Bidirectional embeddings, overrides and isolates reorder how a line is shown
# (a "Trojan Source" path:line could read as another), so they are shown too.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def severity_first(findings: list[Finding]) -> list[Finding]:
    """Errors, then warnings, then info; within each, the engine's path/line/column/rule order (a stable sort)."""
    return sorted(findings, key=lambda finding: -finding.severity.rank)


def places(finding: Finding) -> list[Provenance]:
    """Where a finding points: its anchor first, then every claim it involves, each place once.

    The anchor is the first statement (or, for a finding about a whole
    article, its first line), so a format that can show only one place
    shows the same one as ``concise`` and ``json``.
    """
    seen: set[tuple[str, int, int]] = set()
    result = []
    for where in (finding.location, *(claim.provenance for claim in finding.claims)):
        spot = (where.path, where.line, where.column)
        if spot not in seen:
            seen.add(spot)
            result.append(where)
    return result


def printable(text: str) -> str:
    r"""``text`` with control characters, line and paragraph separators and bidi controls written out.

    ``"a\x1b]8;;x\x07b"`` becomes ``a\x1b]8;;x\x07b`` as visible backslash
    escapes: the reader sees that the article holds them, and nothing acts
    on them. Tabs are kept. Line ends are escaped too, so a caller that has
    its own escaping for them (GitHub's ``%0A``) applies it first.
    """
    return "".join(visible(char) if unsafe(char) else char for char in text)


def unsafe(char: str) -> bool:
    if char == "\t":
        return False
    return unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in BIDI_CONTROLS


def visible(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def relative_path(path: str) -> str:
    """A finding's path relative to the current folder, with forward slashes, as CI tools expect.

    Paths outside the current folder stay absolute; paths given relative stay as given.
    """
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path.cwd())
        except ValueError:
            pass
    return candidate.as_posix()
