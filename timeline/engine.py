"""Run every rule instance over a corpus and return findings in a stable order.

Order is by path, line, column, rule id, then message, so the same input
always gives the same bytes and CI diffs stay meaningful.
"""

from __future__ import annotations

from timeline.collection import collection_paused
from timeline.corpus import Corpus
from timeline.models import Finding
from timeline.rule_types import RULE_TYPES
from timeline.ruleset import RuleSet


def run_rules(corpus: Corpus, ruleset: RuleSet) -> list[Finding]:
    findings: list[Finding] = []
    with collection_paused():  # see ``collection``: the rules keep most of what they make
        for rule in ruleset.rules:
            module = RULE_TYPES[rule.type]
            options = module.Options.model_validate(rule.options)
            findings.extend(module.check(rule, options, corpus, ruleset))
    return sorted(findings, key=finding_order)


def finding_order(finding: Finding) -> tuple:
    where = finding.location
    return (where.path, where.line, where.column, finding.rule, finding.message)
