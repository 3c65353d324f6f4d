"""Command line: ``timeline check``, ``timeline show``, ``timeline claims``, ``timeline rules``.

Exit codes follow linters such as ruff and yamllint: 0 when nothing is at or
above ``--fail-on``, 1 when something is, 2 on a usage, configuration or input
error (an unreadable article is reported on stderr as one line, the other
articles are still checked, and the exit code is 2 because the check was
incomplete).
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass, field
from pathlib import Path

import click
from tabulate import tabulate

from timeline import __version__
from timeline.chronology import build_timeline
from timeline.comparison import analyse_figures
from timeline.config import Settings, load_settings
from timeline.corpus import Corpus
from timeline.engine import run_rules
from timeline.errors import ConfigError, InputError, TimelineError
from timeline.extract import extract_claims
from timeline.extract.dates import DateSettings
from timeline.ingest import discover, read_article
from timeline.models import Severity
from timeline.render import concise, github, json_format, markdown, sarif, table
from timeline.render.explain import key_records, render_keys
from timeline.rule_types import RULE_TYPES
from timeline.ruleset import RuleSet, load_ruleset
from timeline.selection import Selection, parse_period

FORMATS = click.Choice(["table", "json"])
CHECK_FORMATS = click.Choice(["table", "json", "concise", "github", "sarif"])


@dataclass
class Run:
    """Everything one command needs: settings, rules, the articles read and the errors met."""

    settings: Settings
    ruleset: RuleSet
    corpus: Corpus
    errors: list[TimelineError] = field(default_factory=list)


def report_error(error: TimelineError) -> None:
    click.echo(f"timeline: error: {error}", err=True)


def rules_in_force(rules: Path | None) -> tuple[Settings, RuleSet]:
    """Settings of the current folder and the rule set: --rules, else [tool.timeline] rules, else built-in."""
    settings = load_settings(Path.cwd())
    return settings, load_ruleset(rules or (Path(settings.rules) if settings.rules else None))


def load_run(paths: tuple[Path, ...], rules: Path | None) -> Run:
    settings, ruleset = rules_in_force(rules)
    targets = list(paths) or [Path(p) for p in settings.corpus]
    found = discover(targets)
    errors: list[TimelineError] = list(found.errors)
    date_settings = DateSettings(fiscal_year_start=settings.fiscal_year_start, day_first=settings.day_first)
    articles, claims = [], []
    for path in found.files:
        try:
            article = read_article(path, ruleset.boilerplate)
        except InputError as error:
            errors.append(error)
            continue
        articles.append(article)
        claims.extend(extract_claims(article, ruleset, date_settings.for_article(article, settings.fiscal_year_start_by_source)))
    if not found.files and not found.errors:
        errors.append(InputError("no .txt or .md articles found", ", ".join(str(t) for t in targets)))
    for error in errors:
        report_error(error)
    return Run(settings=settings, ruleset=ruleset, corpus=Corpus(articles=tuple(articles), claims=tuple(claims)), errors=errors)


def finish(run: Run, output: str) -> None:
    """Print a listing command's output; exit 2 when an article could not be read, else 0."""
    click.echo(output, nl=False)
    sys.exit(2 if run.errors else 0)


def guarded(function):
    """Turn configuration errors into one line on stderr and exit code 2, never a traceback."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except TimelineError as error:
            report_error(error)
            sys.exit(2)

    return wrapper


paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
rules_option = click.option(
    "--rules", type=click.Path(path_type=Path, file_okay=False), help="Rule-set folder to use instead of the built-in one."
)
version_option = click.version_option(__version__, prog_name="timeline")
format_option = click.option("--format", "output_format", type=FORMATS, default="table", show_default=True, help="Output format.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@version_option
def main() -> None:
    """Find dated claims in news articles, flag conflicts across sources, print one timeline."""


@main.command()
@paths_argument
@click.option(
    "--format", "output_format", type=CHECK_FORMATS, default="table", show_default=True,
    help="Output format: concise is one line per finding, github GitHub Actions annotations, sarif SARIF 2.1.0 for code scanning.",
)  # fmt: skip
@rules_option
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default=None,
    help="Lowest severity that makes the exit code 1 (default: error, or [tool.timeline] fail-on).",
)
@click.option("--explain-keys", is_flag=True, help="Also show every figure's key and why it was or was not compared (table and json).")
@click.option("--max-claims", type=click.IntRange(min=1), default=None, help="Claims shown per finding in the table (default 8, or [tool.timeline] max-claims).")
@version_option
@guarded
def check(paths: tuple[Path, ...], output_format: str, rules: Path | None, fail_on: str | None, explain_keys: bool, max_claims: int | None) -> None:
    """Flag conflicting figures, statuses and dates across the articles in PATHS.

    PATHS are files or folders (searched recursively for .txt and .md); with
    none, the folders named by [tool.timeline] corpus, else ./seeds.
    """
    if explain_keys and output_format not in ("table", "json"):
        raise click.UsageError(f"--explain-keys works with --format table or json, not {output_format}")
    run = load_run(paths, rules)
    findings = run_rules(run.corpus, run.ruleset)
    threshold = fail_on or run.settings.fail_on
    counts = {severity.value: sum(1 for f in findings if f.severity is severity) for severity in Severity}
    figures = analyse_figures(run.corpus, run.ruleset)
    summary = {
        "articles": len(run.corpus.articles), "unreadable": len(run.errors), "findings": len(findings), **counts,
        "figures": {"total": len(run.corpus.figures()), "compared": figures.compared, "lone": figures.lone, "unkeyed": len(figures.unkeyed)},
    }  # fmt: skip
    if output_format == "json":
        click.echo(json_format.render_findings(findings, summary, key_records(figures) if explain_keys else None), nl=False)
    elif output_format == "concise":
        click.echo(concise.render_findings(findings), nl=False)
    elif output_format == "github":
        click.echo(github.render_findings(findings), nl=False)
    elif output_format == "sarif":
        click.echo(sarif.render_findings(findings, run.ruleset.rules), nl=False)
    else:
        click.echo(table.render_findings(findings, max_claims or run.settings.max_claims), nl=False)
        if explain_keys:
            click.echo(render_keys(figures), nl=False)
        click.echo(summary_line(summary))
    if run.errors:
        sys.exit(2)
    failing = threshold != "never" and any(f.severity.rank >= Severity(threshold).rank for f in findings)
    sys.exit(1 if failing else 0)


def summary_line(summary: dict) -> str:
    plural = lambda n, word: f"{n} {word}{'' if n == 1 else 's'}"  # noqa: E731
    parts = [plural(summary["error"], "error"), plural(summary["warning"], "warning"), f"{summary['info']} info"]
    line = f"{plural(summary['findings'], 'finding')} ({', '.join(parts)}) in {plural(summary['articles'], 'article')}"
    if summary["unreadable"]:
        line += f"; {plural(summary['unreadable'], 'input error')}"
    figures = summary["figures"]
    line += f"; figures: {figures['compared']} compared, {figures['lone']} alone on their key, {figures['unkeyed']} without a key"
    return line


class Period(click.ParamType):
    """An ISO YYYY, YYYY-MM or YYYY-MM-DD, read as its first and last day."""

    name = "date"

    def convert(self, value, param, ctx):
        if isinstance(value, tuple):
            return value
        try:
            return parse_period(value)
        except ValueError as error:
            self.fail(str(error), param, ctx)


@main.command()
@paths_argument
@click.option(
    "--format", "output_format", type=click.Choice(["table", "json", "markdown"]), default="table", show_default=True,
    help="Output format; markdown is a chronology to publish (one bullet per event, undated events under their own heading).",
)  # fmt: skip
@click.option(
    "--since", type=Period(), metavar="DATE",
    help="Keep events that end on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD; 2025-06 means from 1 June). Drops undated events.",
)  # fmt: skip
@click.option(
    "--until", type=Period(), metavar="DATE",
    help="Keep events that start on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD; 2025-06 means to 30 June). Drops undated events.",
)  # fmt: skip
@click.option("--subject", metavar="TEXT", help="Keep events whose subject or title contains TEXT, ignoring case.")
@click.option("--min-sources", type=click.IntRange(min=1), default=1, metavar="N", show_default=True, help="Keep events reported by at least N distinct articles.")
@click.option("-v", "--verbose", is_flag=True, help="In the table or Markdown, list every source of each event with its quote.")
@rules_option
@version_option
@guarded
def show(
    paths: tuple[Path, ...], output_format: str, since: tuple | None, until: tuple | None, subject: str | None, min_sources: int, verbose: bool,
    rules: Path | None,
) -> None:
    """Print the ordered, deduplicated timeline of events in PATHS with their sources.

    Dated events come first in date order, then undated ones. An event is kept
    by --since/--until when its span of days overlaps the period given; events
    with no date are dropped as soon as either is given.
    """
    if since and until and since[0] > until[1]:
        raise click.BadParameter(f"--since {since[0].isoformat()} is after --until {until[1].isoformat()}", param_hint="'--since' / '--until'")
    selection = Selection(since=since[0] if since else None, until=until[1] if until else None, subject=subject, min_sources=min_sources)
    run = load_run(paths, rules)
    entries = selection.apply(build_timeline(run.corpus.events()))
    if output_format == "json":
        finish(run, json_format.render_timeline(entries))
    elif output_format == "markdown":
        finish(run, markdown.render_timeline(entries, verbose=verbose))
    else:
        finish(run, table.render_timeline(entries, verbose=verbose))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@format_option
@rules_option
@version_option
@guarded
def claims(paths: tuple[Path, ...], output_format: str, rules: Path | None) -> None:
    """List everything extracted from PATHS: dates, figures, statuses and events."""
    run = load_run(paths, rules)
    renderer = json_format.render_claims if output_format == "json" else table.render_claims
    finish(run, renderer(list(run.corpus.claims), analyse_figures(run.corpus, run.ruleset).agreeing))


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
