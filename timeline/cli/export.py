"""``timeline export``: the chronology as a document to publish (Markdown) or to process (JSON, CSV).

Without ``-o`` the export goes to stdout. With ``-o FILE`` it is written
atomically (``timeline.atomic_write``), and two things are refused with one
line on stderr and exit code 2, before anything is written:

- a FILE inside a folder being read, or equal to a file being read: the
  export would be read back as an article on the next run (or replace one,
  and the tool never modifies an article);
- an incomplete export: when an article could not be read, FILE is left as it
  was, so a scheduled export never replaces a good file with a partial one.
  (On stdout the export is printed anyway, like ``timeline show``, and the
  exit code is 2.)
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from timeline.atomic_write import write_atomically
from timeline.cli import main
from timeline.cli.common import jobs_option, no_cache_option, Run, finish, guarded, load_run, paths_argument, rules_option, version_option
from timeline.errors import TimelineError
from timeline.export import build_export, default_title
from timeline.models import Severity
from timeline.render import export_csv, export_json, export_markdown

RENDERERS = {"markdown": export_markdown.render, "json": export_json.render, "csv": export_csv.render}


@main.command()
@paths_argument
@click.option(
    "--format", "output_format", type=click.Choice(list(RENDERERS)), default="markdown", show_default=True,
    help="markdown: a chronology to publish; json: the whole export as one document; csv: one row per event.",
)  # fmt: skip
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write to FILE (atomically) instead of stdout.")
@click.option("--title", metavar="TEXT", help="Title of the chronology (default: from the corpus's folder name).")
@click.option(
    "--min-severity", type=click.Choice(["error", "warning", "info"]), default="warning", show_default=True,
    help="Lowest severity of the findings listed as disputed.",
)  # fmt: skip
@rules_option
@no_cache_option
@jobs_option
@version_option
@guarded
def export(paths: tuple[Path, ...], output_format: str, output: Path | None, title: str | None, min_severity: str, rules: Path | None) -> None:
    """Export the timeline of PATHS, with its sources and disputed findings, as Markdown, JSON or CSV.

    PATHS are read as by `timeline show` (with none, the folders named by
    [tool.timeline] corpus, else ./seeds). Exit code 0, or 2 when an article
    could not be read.
    """
    run = load_run(paths, rules)
    if output is not None:
        refuse_to_overwrite_the_corpus(output, run)
    heading = title if title is not None else default_title(list(run.roots))
    text = RENDERERS[output_format](build_export(run.corpus, run.ruleset, heading, Severity(min_severity), len(run.errors)))
    if output is None:
        finish(run, text)
    if run.errors:
        count = len(run.errors)
        raise TimelineError(f"not written: {count} article{'' if count == 1 else 's'} could not be read", str(output))
    write_atomically(output, text)
    sys.exit(0)


def refuse_to_overwrite_the_corpus(output: Path, run: Run) -> None:
    """TimelineError when ``output`` is inside a folder being read or is one of the files read."""
    place = output.resolve()
    if any(Path(article.path).resolve() == place for article in run.corpus.articles) or any(t.resolve() == place for t in run.roots):
        raise TimelineError("is an article being read; write the export elsewhere", str(output))
    for target in run.roots:
        if target.is_dir() and place.is_relative_to(target.resolve()):
            raise TimelineError(f"is inside {target}, which is being read; write the export elsewhere", str(output))
