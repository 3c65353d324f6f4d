"""``timeline rules``: the rules in force and where they come from, or one rule's documentation.

The listing starts with the rules folder and the settings file in force, and
why, because "which rules am I running?" is the first question when an edit
seems to have no effect (see ``timeline/settings_discovery.py``)::

    rules: rules (beside pyproject.toml)
    settings: pyproject.toml [tool.timeline]
"""

from __future__ import annotations

from pathlib import Path

import click
from tabulate import tabulate

from timeline.cli import main
from timeline.cli.common import guarded, rules_option, version_option
from timeline.config_errors import display_path
from timeline.errors import ConfigError
from timeline.rule_types import RULE_TYPES
from timeline.ruleset import load_ruleset
from timeline.settings_discovery import in_force


@main.command("rules")
@rules_option
@click.option("--explain", "explain", metavar="RULE", help="Print the documentation of one rule.")
@version_option
@guarded
def list_rules(rules: Path | None, explain: str | None) -> None:
    """List the rules in force, after the rules folder and settings file they come from, or explain one rule."""
    found, chosen = in_force(rules)
    ruleset = load_ruleset(chosen.folder)
    if explain:
        rule = next((r for r in ruleset.rules if r.id == explain), None)
        if rule is None:
            raise ConfigError(f"no rule '{explain}' (see `timeline rules`)")
        click.echo(f"{rule.id} ({rule.type}, {rule.severity.value})\n\n{rule.description.strip()}\n")
        click.echo((RULE_TYPES[rule.type].__doc__ or "").strip())
        if rule.link:
            click.echo(f"\nMore: {rule.link}")
        return
    click.echo(f"rules: {display_path(chosen.folder)} ({chosen.origin})")
    click.echo(f"settings: {found.label}\n")
    rows = [[r.id, r.type, r.severity.value, " ".join(r.description.split())] for r in ruleset.rules]
    click.echo(tabulate(rows, headers=["rule", "type", "severity", "description"], tablefmt="simple", maxcolwidths=[None, None, None, 70]))
