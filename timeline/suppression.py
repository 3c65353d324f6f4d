"""Silencing: which rules run (``--select``, ``--ignore``) and inline ignore markers in articles.

Rule choice works like ruff's: ``--select`` (or ``select`` in
``[tool.timeline]``) names the rules to run, by default all; ``--ignore``
(and ``ignore``) names rules never to run, and wins over ``select``. On the
command line, ``--select`` replaces the setting's ``select`` while
``--ignore`` adds to the setting's ``ignore``, so a project's ignores hold
for every run. An unknown rule id is an error with a did-you-mean, never a
silent no-op.

An article silences one finding on one line with a marker, the same in
``.txt`` and ``.md`` (in Markdown an HTML comment, so it never shows)::

    The dam holds over 60% of the reservoir. <!-- timeline: ignore figure-contradiction -->

One or more rule ids, separated by commas. A marker silences findings of
those rules that involve a statement on its line of that article (or, for
a finding about the whole article, the line it is anchored at). A marker
alone on its line applies to the next non-blank line instead, as
markdownlint's comments do, so it can stand above a paragraph. Markers are
blanked out with spaces before anything is read (as front matter and
boilerplate are), so they never end up in a quote and every other line and
column stays where it is on disk. Markers inside front matter are not read.
A marker naming an unknown rule id, or no rule, is reported on stderr as a
warning naming ``path:line`` (with a did-you-mean); that id silences
nothing, the marker's other ids still apply, and the exit code is
unchanged, since the article's text is still checked.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Iterable

from timeline.models import Article, Finding, IgnoreMarker
from timeline.ruleset import RuleSet

MARKER = re.compile(r"<!--[ \t]*timeline:[ \t]*ignore\b([^\n]*?)-->")


def strip_ignore_markers(body: str) -> tuple[str, tuple[IgnoreMarker, ...]]:
    """The body with every marker replaced by spaces of its length, and the markers read."""
    found = list(MARKER.finditer(body))
    if not found:
        return body, ()
    for match in found:
        body = body[: match.start()] + " " * (match.end() - match.start()) + body[match.end() :]
    lines = body.split("\n")
    markers = []
    for match in found:
        line = body.count("\n", 0, match.start()) + 1
        ids = tuple(part.strip() for part in match.group(1).split(",") if part.strip())
        markers.append(IgnoreMarker(line=line, target=target_line(lines, line), rules=ids))
    return body, tuple(markers)


def target_line(lines: list[str], line: int) -> int:
    """A marker's own line, or, when nothing else is written on it, the next non-blank line (if any)."""
    if lines[line - 1].strip():
        return line
    return next((number for number in range(line + 1, len(lines) + 1) if lines[number - 1].strip()), line)


def split_ids(values: Iterable[str]) -> list[str]:
    """``("a,b", "c")`` -> ``["a", "b", "c"]``: options may be repeated or comma-separated."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def unknown_rule(rule_id: str, known: Iterable[str], where: str = "") -> str | None:
    """None for a known rule id, else a sentence saying so (``where`` after the id), with the nearest known id if one is close."""
    known = sorted(known)
    if rule_id in known:
        return None
    close = difflib.get_close_matches(rule_id, known, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else " (see `timeline rules`)"
    return f"unknown rule '{rule_id}'{where}{hint}"


def chosen_rules(ruleset: RuleSet, select: list[str] | None, ignore: list[str]) -> RuleSet:
    """The rule set with only the selected, not ignored rules, in their usual order (ids already checked)."""
    wanted = set(select) if select is not None else {rule.id for rule in ruleset.rules}
    kept = tuple(rule for rule in ruleset.rules if rule.id in wanted and rule.id not in set(ignore))
    return ruleset.model_copy(update={"rules": kept})


@dataclass(frozen=True)
class MarkerProblem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def marker_problems(articles: Iterable[Article], known: Iterable[str]) -> list[MarkerProblem]:
    """Markers that name no rule or an unknown one, each once, in path and line order."""
    known = set(known)
    problems = []
    for article in articles:
        for marker in article.ignore_markers:
            if not marker.rules:
                problems.append(MarkerProblem(article.path, marker.line, "ignore marker names no rule, so it silences nothing"))
            for rule_id in dict.fromkeys(marker.rules):
                if message := unknown_rule(rule_id, known, " in an ignore marker"):
                    problems.append(MarkerProblem(article.path, marker.line, message))
    return problems


def silenced(finding: Finding, markers: dict[str, dict[int, set[str]]]) -> bool:
    """True when a marker on the line of one of the finding's statements (or of its anchor) names its rule."""
    places = [finding.location, *(claim.provenance for claim in finding.claims)]
    return any(finding.rule in markers.get(where.path, {}).get(where.line, ()) for where in places)


def markers_by_line(articles: Iterable[Article]) -> dict[str, dict[int, set[str]]]:
    """path -> target line -> rule ids silenced there."""
    index: dict[str, dict[int, set[str]]] = {}
    for article in articles:
        for marker in article.ignore_markers:
            index.setdefault(article.path, {}).setdefault(marker.target, set()).update(marker.rules)
    return index
