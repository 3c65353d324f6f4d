"""figure-consistency: figures for the same subject and metric that disagree.

Figures are compared as intervals, never by their digits. With
``report: disjoint`` a finding is raised when two statements cannot both be
true; with ``report: overlapping`` when they are stated differently but could
both hold. Two figures whose text gives as-of dates that do not overlap
("in FY24" against "in FY25") describe different periods and are not compared;
for a metric marked ``varies`` in the lexicon (a scheme's outlay, a year's
imports) figures are compared only when both as-of dates are known and
overlap, since such values are revised over time.

Fails (disjoint)::

    China dominates around 60-70% of global rare earth production.   [60, 70]
    China controls over 70% of global REE production.                 (70, 100]

Fails (overlapping)::

    China controls over 90 per cent of global processing capacity.   (90, 100]
    China has over 85% of processing capacity.                       (85, 100]

Passes: "over 90 per cent" against "over 90%" (the same interval).
"""

from __future__ import annotations

from itertools import combinations
from typing import Iterator, Literal

from pydantic import BaseModel, ConfigDict

from timeline.corpus import Corpus
from timeline.models import FigureClaim, Finding

TYPE = "figure-consistency"


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    report: Literal["disjoint", "overlapping"]


def check(rule, options: Options, corpus: Corpus, ruleset) -> Iterator[Finding]:
    labels = {m.id: m.label for m in ruleset.lexicon.metrics}
    varying = {m.id for m in ruleset.lexicon.metrics if m.varies}
    groups: dict[tuple[str, str, str], list[FigureClaim]] = {}
    for claim in corpus.figures():
        if claim.subject and claim.metric:
            groups.setdefault((claim.subject, claim.metric, claim.value.unit), []).append(claim)
    for (subject, metric, _unit), claims in sorted(groups.items()):
        for first, second in combinations(_statements(claims), 2):
            if not any(_comparable(a, b, metric in varying) for a in first for b in second):
                continue
            disjoint = not first[0].value.overlaps(second[0].value)
            if disjoint != (options.report == "disjoint"):
                continue
            involved = tuple(first + second)
            verdict = "cannot both hold" if disjoint else "differ but can both hold"
            stated = " vs ".join(f'"{group[0].value.text}" ({_sources(group)})' for group in (first, second))
            yield Finding(
                rule=rule.id, severity=rule.severity, subject=subject,
                message=f"{subject}, {labels.get(metric, metric)}: {stated} {verdict}",
                location=involved[0].provenance, claims=involved,
            )  # fmt: skip


def _statements(claims: list[FigureClaim]) -> list[list[FigureClaim]]:
    """Claims grouped by the interval they state, in a stable order."""
    groups: list[list[FigureClaim]] = []
    for claim in sorted(claims, key=lambda c: (c.provenance.path, c.provenance.line, c.provenance.column)):
        for group in groups:
            if group[0].value.same_statement(claim.value):
                group.append(claim)
                break
        else:
            groups.append([claim])
    return groups


def _comparable(a: FigureClaim, b: FigureClaim, varies: bool) -> bool:
    """Whether two figures speak of the same time.

    Figures whose text states non-overlapping as-of dates never are. For a
    metric that varies (a scheme's outlay), both as-of dates must be known
    (stated or the publication date) and overlap.
    """
    known = all(c.as_of and c.as_of.start for c in (a, b))
    if varies and not known:
        return False
    if not known or (not varies and not (a.as_of_stated and b.as_of_stated)):
        return True
    a_end, b_end = a.as_of.end or a.as_of.start, b.as_of.end or b.as_of.start
    return a.as_of.start <= b_end and b.as_of.start <= a_end


def _sources(claims: list[FigureClaim]) -> str:
    return ", ".join(f"{c.provenance.path}:{c.provenance.line}" for c in claims)
