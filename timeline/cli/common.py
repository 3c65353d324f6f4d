"""What every command shares: settings and rules in force, reading the articles, errors and options."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import click

from timeline import __version__
from timeline.config import Settings
from timeline.corpus import Corpus
from timeline.errors import InputError, InputWarning, TimelineError
from timeline.extract import extract_article
from timeline.extract.dates import DateSettings
from timeline.cli.failures import bug_message, debugging, guarded, report_error, report_warning  # noqa: F401  (guarded: for the commands)
from timeline.cli.progress import Progress, progress_wanted
from timeline.ingest import Discovery, Limits, discover, read_article
from timeline.ruleset import RuleSet, load_ruleset
from timeline.settings_discovery import in_force

@dataclass
class Run:
    """Everything one command needs: settings, rules, the articles read and the errors met."""

    settings: Settings
    ruleset: RuleSet
    corpus: Corpus
    errors: list[TimelineError] = field(default_factory=list)
    warnings: list[InputWarning] = field(default_factory=list)
    """Articles read with a cut (a sentence over ``max-sentence-length``): reported, but the run does not fail for them."""
    roots: tuple[Path, ...] = ()
    """The PATHS (or corpus folders) read: baselines name articles relative to them, export titles itself after them."""


def rules_in_force(rules: Path | None) -> tuple[Settings, RuleSet]:
    """The nearest settings (paths resolved) and the rule set: --rules, else theirs, else rules/ beside them, else built-in."""
    found, chosen = in_force(rules)
    return found.settings, load_ruleset(chosen.folder)


STDIN = Path("-")


def load_run(paths: tuple[Path, ...], rules: Path | None, extra: tuple[Path, ...] = (), stdin_filename: str | None = None, quiet: bool = False) -> Run:
    """Read PATHS (else the settings' corpus) and the ``extra`` articles (``check --new``) with the rules in force.

    A path ``-`` is one article read from stdin, named ``stdin_filename``
    (default ``<stdin>``); when the folders given also hold a file of that
    name, the text from stdin stands in for it, as an editor's unsaved buffer
    does, so the article is checked against the rest of the corpus.
    """
    settings, ruleset = rules_in_force(rules)
    from_stdin = STDIN in paths or STDIN in extra
    targets = [p for p in paths if p != STDIN] if paths else [Path(p) for p in settings.corpus]
    targets += [p for p in extra if p != STDIN]
    found = discover(targets) if targets else Discovery(files=[], errors=[])
    errors: list[TimelineError] = list(found.errors)
    files: list[tuple[Path, bytes | None]] = [(path, None) for path in found.files]
    if from_stdin:
        files = stdin_article(files, Path(stdin_filename or "<stdin>"))
    date_settings = DateSettings(fiscal_year_start=settings.fiscal_year_start, day_first=settings.day_first)
    articles, claims = [], []
    progress = Progress(len(files), enabled=progress_wanted(quiet=quiet))
    limits = Limits(max_file_size=settings.max_file_size, max_line_length=settings.max_line_length, max_sentence_length=settings.max_sentence_length)
    warnings: list[InputWarning] = []
    for path, raw in files:
        progress.advance()
        try:
            article = read_article(path, ruleset.boilerplate, raw, limits)
            extraction = extract_article(article, ruleset, date_settings.for_article(article, settings.fiscal_year_start_by_source), limits.max_sentence_length)
        except InputError as error:
            errors.append(error)
            continue
        except Exception as error:  # a bug met on one article must not stop the others
            if debugging():
                raise
            errors.append(InputError(f"internal error while reading this article, a bug in timeline (please report it): {bug_message(error)}", str(path)))
            continue
        articles.append(article)
        claims.extend(extraction.claims)
        warnings.extend(extraction.warnings)
    progress.close()
    if not files and not found.errors:
        errors.append(InputError("no .txt or .md articles found", ", ".join(str(t) for t in targets)))
    for error in errors:
        report_error(error)
    for warning in warnings:
        report_warning(warning)
    return Run(settings=settings, ruleset=ruleset, corpus=Corpus(articles=tuple(articles), claims=tuple(claims), input_errors=tuple(e for e in errors if isinstance(e, InputError)),
        input_warnings=tuple(warnings)), errors=errors, warnings=warnings, roots=tuple(targets))


def stdin_article(files: list[tuple[Path, bytes | None]], name: Path) -> list[tuple[Path, bytes | None]]:
    """The files to read with stdin's text in place of the file called ``name``, or added after them."""
    raw = sys.stdin.buffer.read()
    replaced = [(path, raw) if same_file(path, name) else (path, text) for path, text in files]
    return replaced if any(text is raw for _, text in replaced) else files + [(name, raw)]


def same_file(path: Path, name: Path) -> bool:
    return path == name or path.resolve() == name.resolve()


def finish(run: Run, output: str) -> None:
    """Print a listing command's output; exit 2 when an article could not be read, else 0."""
    click.echo(output, nl=False)
    sys.exit(2 if run.errors else 0)


FORMATS = click.Choice(["table", "json"])

paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
rules_option = click.option(
    "--rules", type=click.Path(path_type=Path, file_okay=False), help="Rule-set folder to use instead of the one in force (see `timeline rules`)."
)
version_option = click.version_option(__version__, prog_name="timeline")
format_option = click.option("--format", "output_format", type=FORMATS, default="table", show_default=True, help="Output format.")
