"""status-timeline: the state of something as reported across articles over time.

Status claims for one subject are put in order of their as-of date (the date
in the sentence, else the article's publication date; undated ones cannot be
ordered and are left out). With ``report: change`` a finding is raised each
time the state moves on ("awaiting confirmation" on 2025-06-17, "cancelled"
on 2025-07-29): the story changed and the copy should say so. With
``report: regression`` a finding is raised when a later article reports a
state earlier in the lifecycle (lower ``rank`` in ``rules/lexicon/statuses.yaml``)
than an earlier article did: one of them is stale.
"""

from __future__ import annotations

from typing import Iterator, Literal

from pydantic import BaseModel, ConfigDict

from timeline.corpus import Corpus
from timeline.models import Finding, StatusClaim

TYPE = "status-timeline"


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    report: Literal["change", "regression"]


def check(rule, options: Options, corpus: Corpus, ruleset) -> Iterator[Finding]:
    ranks = {(s.id, st.state): st.rank for s in ruleset.lexicon.status_subjects for st in s.states}
    by_subject: dict[str, list[StatusClaim]] = {}
    for claim in corpus.statuses():
        if claim.as_of and claim.as_of.start:
            by_subject.setdefault(claim.subject, []).append(claim)
    for subject, claims in sorted(by_subject.items()):
        ordered = sorted(claims, key=lambda c: (c.as_of.start, c.provenance.path, c.provenance.line))
        for before, after in zip(ordered, ordered[1:]):
            if before.state == after.state:
                continue
            regression = ranks.get((subject, after.state), 0) < ranks.get((subject, before.state), 0)
            if regression != (options.report == "regression"):
                continue
            verb = "but a later article reports" if regression else "changed to"
            message = (
                f'{subject}: "{before.state}" as of {before.as_of.value} ({before.provenance.path}:{before.provenance.line}) '
                f'{verb} "{after.state}" as of {after.as_of.value} ({after.provenance.path}:{after.provenance.line})'
            )
            yield Finding(rule=rule.id, severity=rule.severity, subject=subject, message=message, location=before.provenance, claims=(before, after))
