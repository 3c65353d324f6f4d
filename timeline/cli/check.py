"""``timeline check``: run the rules and print the findings in one of the check formats."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from timeline.cli import main
from timeline.cli.common import Run, echo_pieces, jobs_option, no_cache_option, guarded, paths_argument, rules_option, version_option
from timeline.cli.scope import Scope, scope_note, scope_options
from timeline.collection import collection_paused
from timeline.comparison import FigureAnalysis, analyse_figures
from timeline.engine import run_rules
from timeline.fingerprints import CorpusNames
from timeline.models import Severity
from timeline.render import check_markdown, check_table, concise, github, json_format, sarif
from timeline.render.style import Style, wants_colour
from timeline.render.explain import key_records, render_keys

CHECK_FORMATS = click.Choice(["table", "json", "concise", "github", "sarif", "markdown"])


@main.command()
@paths_argument
@click.option(
    "--format", "output_format", type=CHECK_FORMATS, default="table", show_default=True,
    help="Output format: concise is one line per finding, github GitHub Actions annotations, sarif SARIF 2.1.0 for code scanning, markdown a report for a pull request.",
)  # fmt: skip
@rules_option
@no_cache_option
@jobs_option
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default=None,
    help="Lowest severity that makes the exit code 1 (default: error, or [tool.timeline] fail-on).",
)
@click.option("--explain-keys", is_flag=True, help="Also show every figure's key and why it was or was not compared (table and json).")
@click.option("--max-claims", type=click.IntRange(min=1), default=None, help="Claims shown per finding in the table (default 8, or [tool.timeline] max-claims).")
@click.option("-q", "--quiet", is_flag=True, help="Print only the findings: no summary line and no progress.")
@click.option("--no-color", is_flag=True, help="Never colour the table (colour is used only on a terminal, and never when NO_COLOR is set).")
@click.option("--stdin-filename", metavar="PATH", help="Name for the article read from stdin (PATH -); it stands in for the file of that name.")
@click.option(
    "--from-claims", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
    help="Check the articles and claims of FILE, written by `claims --format jsonl` (parts may be concatenated), instead of reading PATHS.",
)  # fmt: skip
@scope_options
@version_option
@guarded
def check(
    paths: tuple[Path, ...], output_format: str, rules: Path | None, fail_on: str | None, explain_keys: bool, max_claims: int | None,
    quiet: bool, no_color: bool, stdin_filename: str | None, from_claims: Path | None, scope: Scope,
) -> None:
    """Flag conflicting figures, statuses and dates across the articles in PATHS.

    PATHS are files or folders (searched recursively for .txt and .md); with
    none, the folders named by [tool.timeline] corpus, else ./seeds. A PATH
    of - is one article read from stdin (see --stdin-filename). With --new,
    PATHS are new articles, checked together with that corpus.
    """
    if explain_keys and output_format not in ("table", "json"):
        raise click.UsageError(f"--explain-keys works with --format table or json, not {output_format}")
    if from_claims and (paths or scope.new or scope.changed):
        raise click.UsageError("--from-claims checks the claims in FILE; it cannot be used with PATHS, --new or --changed-since")
    run = scope.load(paths, rules, stdin_filename, quiet, from_claims, count_unkeyed=not explain_keys)
    figures, figure_counts = _figures_counted(run, scope, listed=explain_keys)
    findings, hidden = scope.narrow(run, run_rules(run.corpus, run.ruleset, scope.checks))
    if scope.write:
        sys.exit(scope.record(run, findings))
    threshold = fail_on or run.settings.fail_on
    counts = {severity.value: sum(1 for f in findings if f.severity is severity) for severity in Severity}
    summary = {
        "articles": len(run.corpus.articles), "unreadable": len(run.errors), "findings": len(findings), **counts, **hidden, "figures": figure_counts,
    }  # fmt: skip
    if output_format == "json":
        echo_pieces(json_format.stream_findings(findings, summary, key_records(figures) if explain_keys else None))
    elif output_format == "concise":
        click.echo(concise.render_findings(findings), nl=False)
    elif output_format == "github":
        click.echo(github.render_findings(findings), nl=False)
    elif output_format == "sarif":
        click.echo(sarif.render_findings(findings, run.ruleset.rules, CorpusNames(run.roots)), nl=False)
    elif output_format == "markdown":
        click.echo(check_markdown.render_findings(findings, "" if quiet else summary_line(summary)), nl=False)
    else:
        style = Style(colour=wants_colour(sys.stdout, no_color))
        click.echo(check_table.render_findings(findings, max_claims or run.settings.max_claims, style=style), nl=False, color=style.colour)
        if explain_keys:
            click.echo(("\n" if findings else "") + render_keys(figures), nl=False)
        if not quiet:
            click.echo(("\n" if findings or explain_keys else "") + summary_line(summary))
    if run.errors:
        sys.exit(2)
    failing = threshold != "never" and any(f.severity.rank >= Severity(threshold).rank for f in findings)
    sys.exit(1 if failing else 0)


def _figures_counted(run: Run, scope: Scope, listed: bool) -> tuple[FigureAnalysis, dict[str, int]]:
    """The figure analysis, which the figure rules then share, and the summary's counts of figures, made before
    the rules run.

    Unless the figures are listed (``--explain-keys``), those alone on their
    key are then counted and let go: no rule reads one (the figure rules read
    keys of two figures or more), and they are most of a large corpus's
    figures (147,036 of 189,914 at 10,000 synthetic articles). Let go before
    the other rules run, their memory is what those rules work in: the peak
    RSS of a cold check of that corpus fell from 305 MB to 290 MB.
    """
    with collection_paused():
        figures = analyse_figures(run.corpus, run.ruleset)
    unkeyed = scope.checks.unkeyed_counted if scope.checks else 0  # counted as they were read (``ArticleChecks``)
    counts = {"total": len(run.corpus.figures()) + unkeyed, "compared": figures.compared, "lone": figures.lone, "unkeyed": len(figures.unkeyed) + unkeyed}
    if not listed:
        gone = figures.count_alone()
        run.entries = []  # check reads the corpus, never the entries, which hold the same claims
        run.corpus = replace(run.corpus, claims=tuple(claim for claim in run.corpus.claims if id(claim) not in gone))
    return figures, counts


def summary_line(summary: dict) -> str:
    plural = lambda n, word: f"{n} {word}{'' if n == 1 else 's'}"  # noqa: E731
    parts = [plural(summary["error"], "error"), plural(summary["warning"], "warning"), f"{summary['info']} info"]
    line = f"{plural(summary['findings'], 'finding')} ({', '.join(parts)}) in {plural(summary['articles'], 'article')}"
    if summary["unreadable"]:
        line += f"; {plural(summary['unreadable'], 'input error')}"
    line += scope_note(summary)
    figures = summary["figures"]
    line += f"; figures: {figures['compared']} compared, {figures['lone']} alone on their key, {figures['unkeyed']} without a key"
    return line
