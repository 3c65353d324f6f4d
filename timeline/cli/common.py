"""What every command shares: settings and rules in force, reading the articles, errors and options."""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass, field
from pathlib import Path

import click

from timeline import __version__
from timeline.config import Settings, load_settings
from timeline.corpus import Corpus
from timeline.errors import InputError, TimelineError
from timeline.extract import extract_claims
from timeline.extract.dates import DateSettings
from timeline.ingest import discover, read_article
from timeline.ruleset import RuleSet, load_ruleset

@dataclass
class Run:
    """Everything one command needs: settings, rules, the articles read and the errors met."""

    settings: Settings
    ruleset: RuleSet
    corpus: Corpus
    errors: list[TimelineError] = field(default_factory=list)
    roots: tuple[Path, ...] = ()
    """The PATHS (or corpus folders) read: baselines name articles relative to them."""


def report_error(error: TimelineError) -> None:
    click.echo(f"timeline: error: {error}", err=True)


def rules_in_force(rules: Path | None) -> tuple[Settings, RuleSet]:
    """Settings of the current folder and the rule set: --rules, else [tool.timeline] rules, else built-in."""
    settings = load_settings(Path.cwd())
    return settings, load_ruleset(rules or (Path(settings.rules) if settings.rules else None))


def load_run(paths: tuple[Path, ...], rules: Path | None, extra: tuple[Path, ...] = ()) -> Run:
    """Read PATHS (else the settings' corpus) and the ``extra`` articles (``check --new``) with the rules in force."""
    settings, ruleset = rules_in_force(rules)
    targets = (list(paths) or [Path(p) for p in settings.corpus]) + list(extra)
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
    return Run(settings=settings, ruleset=ruleset, corpus=Corpus(articles=tuple(articles), claims=tuple(claims)), errors=errors, roots=tuple(targets))


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


FORMATS = click.Choice(["table", "json"])

paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
rules_option = click.option(
    "--rules", type=click.Path(path_type=Path, file_okay=False), help="Rule-set folder to use instead of the built-in one."
)
version_option = click.version_option(__version__, prog_name="timeline")
format_option = click.option("--format", "output_format", type=FORMATS, default="table", show_default=True, help="Output format.")
