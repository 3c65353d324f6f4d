"""figure-consistency: one finding per disputed quantity, with every statement and its sources.

Figures are grouped by key (subject, measured thing, kind, unit, modifiers),
read from each figure's own clause and named through the lexicon, and
compared as intervals over time (see ``timeline/comparison.py``). Each
disputed key gets one verdict, the most serious found:

- ``contradiction``: values for the same time that cannot all hold;
- ``divergence``: values that differ but could all hold;
- ``decrease``: a cumulative count (a death toll) lower in a later report,
  with no correction;
- ``correction``: a value stated as a correction ("revised to 57", "57, not
  61"), which names the values it supersedes;
- ``update``: a cumulative count higher in a later report.

A rule instance reports the keys whose verdict is in ``report``; ``amounts``
says whether money is left to another instance (``exclude``), is the only
thing reported (``only``) or is reported with the rest (``include``). The
same value from several sources is corroboration: each statement lists its
sources, and the message says how many agree.

Fails (contradiction)::

    China dominates around 60-70% of global rare earth production.   [60, 70]
    China controls over 70% of global REE production.                 (70, 100]

Fails (divergence)::

    China controls over 90 per cent of global processing capacity.   (90, 100]
    China has over 85% of processing capacity.                       (85, 100]

Fails (update, info)::

    2026-03-12  The death toll rose to 41.
    2026-03-14  At least 57 people have died, officials said.

Passes: "over 90 per cent" against "over 90%" (the same interval); "about
65%" against "60-70%" (inside the stated range); FY24 against FY25.
"""

from __future__ import annotations

from typing import Iterator, Literal

from pydantic import BaseModel, ConfigDict, field_validator

from timeline.comparison import MONEY_UNITS, Dispute, analyse_figures, spread
from timeline.corpus import Corpus
from timeline.models import Finding, QuantityKey, Statement

TYPE = "figure-consistency"
SCOPE = "corpus"
READS = frozenset({"figure"})
Verdict = Literal["contradiction", "divergence", "decrease", "correction", "update"]
OLD_NAMES = {"disjoint": ["contradiction"], "overlapping": ["divergence", "decrease"]}
VERDICT_WORDS = {
    "contradiction": "cannot all hold",
    "divergence": "differ but can all hold",
    "decrease": "fell in a later report with no correction",
    "correction": "was corrected",
    "update": "was updated over time",
}
SHOWN_STATEMENTS = 6


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    report: list[Verdict]
    amounts: Literal["exclude", "only", "include"] = "include"

    @field_validator("report", mode="before")
    @classmethod
    def _one_or_many(cls, value):
        """``report: disjoint`` / ``overlapping`` (older rule sets) and a single verdict are accepted."""
        if isinstance(value, str):
            return OLD_NAMES.get(value, [value])
        return value


def check(rule, options: Options, corpus: Corpus, ruleset) -> Iterator[Finding]:
    labels = {m.id: m.label for m in ruleset.lexicon.metrics}
    for comparison, dispute in analyse_figures(corpus, ruleset).disputed():
        money = comparison.key.unit in MONEY_UNITS
        if dispute.verdict not in options.report or (options.amounts == "exclude" and money) or (options.amounts == "only" and not money):
            continue
        key = comparison.key
        yield Finding(
            rule=rule.id, severity=rule.severity, subject=key.subject, message=message(key, dispute, labels),
            location=dispute.involved[0].provenance, claims=dispute.involved, verdict=dispute.verdict, verdicts=dispute.verdicts,
            key=key, statements=dispute.statements, spread=spread(dispute.statements) if money else None,
        )  # fmt: skip


def label(key: QuantityKey, labels: dict[str, str]) -> str:
    name = labels.get(key.measure) or key.measure
    extra = [] if key.source == "lexicon" or key.kind == "level" else [key.kind]
    extra += list(key.modifiers)
    return name + (f" ({', '.join(extra)})" if extra else "")


def message(key: QuantityKey, dispute: Dispute, labels: dict[str, str]) -> str:
    """'China, share of ...: "over 90 per cent" (a:9, b:7; 2 sources agree) vs "over 85%" (c:9) differ but can all hold'."""
    head = f"{key.subject}, " if key.subject else ""
    statements = dispute.statements
    joiner = " → " if dispute.verdict in ("update", "decrease", "correction") else " vs "
    shown = joiner.join(_statement(s) for s in statements[:SHOWN_STATEMENTS])
    if len(statements) > SHOWN_STATEMENTS:
        shown += f" and {len(statements) - SHOWN_STATEMENTS} more"
    confidence = "" if key.source == "lexicon" else " [keyed from context]"
    also = [VERDICT_WORDS[v] for v in dispute.verdicts[1:]]
    tail = f" (also: {'; '.join(also)})" if also else ""
    return f"{head}{label(key, labels)}: {shown} {VERDICT_WORDS[dispute.verdict]}{tail}{confidence}"


def _statement(statement: Statement) -> str:
    claims = statement.claims
    where = ", ".join(f"{c.provenance.path}:{c.provenance.line}" for c in claims[:3])
    if len(claims) > 3:
        where += f" and {len(claims) - 3} more"
    agree = f"; {statement.sources} sources agree" if statement.sources > 1 else ""
    marks = " (corrected)" if any(c.correction for c in claims) else " (superseded)" if all(c.superseded for c in claims) else ""
    return f'"{claims[0].value.text}"{marks} ({where}{agree})'
