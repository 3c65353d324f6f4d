"""``timeline show`` (the timeline) and ``timeline claims`` (everything extracted)."""

from __future__ import annotations

from pathlib import Path

import click

from timeline.chronology import build_timeline
from timeline.claims_stream import entry_lines
from timeline.cli import main
from timeline.cli.common import jobs_option, no_cache_option, finish, guarded, load_run, paths_argument, rules_option, version_option
from timeline.comparison import analyse_figures
from timeline.render import json_format, markdown, table
from timeline.selection import Selection, parse_period


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
@no_cache_option
@jobs_option
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
        finish(run, json_format.stream_timeline(entries))
    elif output_format == "markdown":
        finish(run, markdown.render_timeline(entries, verbose=verbose))
    else:
        finish(run, table.render_timeline(entries, verbose=verbose))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format", "output_format", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True,
    help="Output format; jsonl is one line per article with its claims, for `check --from-claims` (see README, Beyond one machine).",
)  # fmt: skip
@rules_option
@no_cache_option
@jobs_option
@version_option
@guarded
def claims(paths: tuple[Path, ...], output_format: str, rules: Path | None) -> None:
    """List everything extracted from PATHS: dates, figures, statuses and events."""
    run = load_run(paths, rules, keep_bodies=output_format == "jsonl")
    if output_format == "jsonl":
        finish(run, entry_lines(run.entries, run.corpus.input_errors))
    renderer = json_format.stream_claims if output_format == "json" else table.render_claims
    finish(run, renderer(list(run.corpus.claims), analyse_figures(run.corpus, run.ruleset).agreeing))
