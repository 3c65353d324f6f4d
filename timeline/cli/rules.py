"""``timeline rules``: the rules in force, or one rule's documentation."""

from __future__ import annotations

from pathlib import Path

import click
from tabulate import tabulate

from timeline.cli import main
from timeline.cli.common import guarded, rules_in_force, rules_option, version_option
from timeline.errors import ConfigError
from timeline.rule_types import RULE_TYPES


@main.command("rules")
@rules_option
@click.option("--explain", "explain", metavar="RULE", help="Print the documentation of one rule.")
@version_option
@guarded
def list_rules(rules: Path | None, explain: str | None) -> None:
    """List the rules in force, or explain one of them."""
    _, ruleset = rules_in_force(rules)
    if explain:
        rule = next((r for r in ruleset.rules if r.id == explain), None)
        if rule is None:
            raise ConfigError(f"no rule '{explain}' (see `timeline rules`)")
        click.echo(f"{rule.id} ({rule.type}, {rule.severity.value})\n\n{rule.description.strip()}\n")
        click.echo((RULE_TYPES[rule.type].__doc__ or "").strip())
        if rule.link:
            click.echo(f"\nMore: {rule.link}")
        return
    rows = [[r.id, r.type, r.severity.value, " ".join(r.description.split())] for r in ruleset.rules]
    click.echo(tabulate(rows, headers=["rule", "type", "severity", "description"], tablefmt="simple", maxcolwidths=[None, None, None, 70]))
