"""What every command shares: settings and rules in force, reading the articles, errors and options."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import click

from timeline import __version__
from timeline.collection import Freezer
from timeline.config import Settings
from timeline.corpus import Corpus
from timeline.errors import InputError, InputWarning, TimelineError
from timeline.extract.sharing import forget_shared, share_read_back
from timeline.cli.failures import bug_message, debugging, guarded, report_error, report_warning  # noqa: F401  (guarded: for the commands)
from timeline.cli.progress import Progress, progress_wanted
from timeline.claims_cache import ClaimsCache, Entry, content_digest, fingerprint
from timeline.claims_stream import read_entries
from timeline.ingest import Discovery, discover, read_raw
from timeline.reading import Outcome, Reader, WorkerBug, jobs_wanted, read_all
from timeline.ruleset import RuleSet, load_ruleset
from timeline.settings_discovery import in_force

if TYPE_CHECKING:
    from timeline.engine import ArticleChecks  # imported by ``check`` itself: the listing commands need none of the rules

@dataclass
class Run:
    """Everything one command needs: settings, rules, the articles read and the errors met."""

    settings: Settings
    ruleset: RuleSet
    corpus: Corpus
    errors: list[TimelineError] = field(default_factory=list)
    warnings: list[InputWarning] = field(default_factory=list)
    """Articles read with a cut (a sentence over ``max-sentence-length``): reported, but the run does not fail for them."""
    entries: list[Entry] = field(default_factory=list)
    """Each article read with its claims and warnings, in reading order (``claims --format jsonl``)."""
    roots: tuple[Path, ...] = ()
    """The PATHS (or corpus folders) read: baselines name articles relative to them, export titles itself after them."""


def rules_in_force(rules: Path | None) -> tuple[Settings, RuleSet]:
    """The nearest settings (paths resolved) and the rule set: --rules, else theirs, else rules/ beside them, else built-in."""
    found, chosen = in_force(rules)
    return found.settings, load_ruleset(chosen.folder)


STDIN = Path("-")


def load_run(paths: tuple[Path, ...], rules: Path | None, extra: tuple[Path, ...] = (), stdin_filename: str | None = None, quiet: bool = False,
             claims_from: Path | None = None, keep_bodies: bool = False, checks: ArticleChecks | None = None) -> Run:  # fmt: skip
    """Read PATHS (else the settings' corpus) and the ``extra`` articles (``check --new``) with the rules in force.

    A path ``-`` is one article read from stdin, named ``stdin_filename``
    (default ``<stdin>``); when the folders given also hold a file of that
    name, the text from stdin stands in for it, as an editor's unsaved buffer
    does, so the article is checked against the rest of the corpus. With
    ``claims_from``, the articles and claims are those of a JSON Lines file
    written by ``claims --format jsonl`` (``claims_stream``) and nothing is read.

    Once an article's claims are made (and cached), its body is cut after
    its first non-blank line, the only part a rule reads: at 10,000 articles
    the bodies were 30 MB held to the end of the run. ``keep_bodies`` keeps
    them whole, for ``claims --format jsonl``, which writes them out. With
    ``checks`` (``check``), each article's article rules run as it is read,
    and only the claims the other rules read are kept (``engine``).
    """
    settings, ruleset = rules_in_force(rules)
    if claims_from is not None:
        entries, input_errors = read_entries(claims_from)
        if not entries and not input_errors:  # as a folder with no articles is: nothing was checked
            input_errors.append(InputError("holds no articles (no line of `timeline claims --format jsonl`)", str(claims_from)))
        roots = common_folder(entry.article.path for entry in entries)
        return _assemble(settings, ruleset, [_kept(entry, keep_bodies, checks, read_back=True) for entry in entries], list(input_errors), roots)
    from_stdin = STDIN in paths or STDIN in extra
    targets = [p for p in paths if p != STDIN] if paths else [Path(p) for p in settings.corpus]
    targets += [p for p in extra if p != STDIN]
    found = discover(targets) if targets else Discovery(files=[], errors=[])
    errors: list[TimelineError] = list(found.errors)
    files: list[tuple[Path, bytes | None]] = [(path, None) for path in found.files]
    if from_stdin:
        files = stdin_article(files, Path(stdin_filename or "<stdin>"))
    entries = _read(files, settings, ruleset, targets, errors, quiet, keep_bodies, checks)
    if not files and not found.errors:
        errors.append(InputError("no .txt or .md articles found", ", ".join(str(t) for t in targets)))
    return _assemble(settings, ruleset, entries, errors, tuple(targets))


def _read(files: list[tuple[Path, bytes | None]], settings: Settings, ruleset: RuleSet, targets: list[Path], errors: list[TimelineError], quiet: bool,
          keep_bodies: bool = False, checks: ArticleChecks | None = None) -> list[Entry]:  # fmt: skip
    """Each readable article with its claims, from the cache where it holds them, else read (``--jobs``
    worker processes share the reading); input errors go to ``errors``, in the order the files are listed."""
    reader = Reader(ruleset, settings)
    progress = Progress(len(files), enabled=progress_wanted(quiet=quiet))
    cache = open_cache(settings, ruleset, targets)
    outcomes: list[Outcome | None] = []
    freezer = Freezer()  # what is kept is frozen as it comes (``collection``)

    def misses() -> Iterator[tuple[tuple[int, str], Path, bytes]]:
        """Each article the cache does not hold, as its file is read; a hit or an unreadable file is an outcome at once.
        Taken one at a time (serially), no article's bytes are held past its reading: at 10,000 articles,
        holding them until all were read kept 30 MB."""
        for path, raw in files:
            try:
                raw = read_raw(path, reader.limits) if raw is None else raw
            except InputError as error:
                outcomes.append(error)
                progress.advance()
                continue
            digest = content_digest(raw) if cache else ""
            entry = cache.get(str(path), digest) if cache else None
            outcomes.append(None if entry is None else _kept(entry, keep_bodies, checks, read_back=True))
            if entry is None:
                yield (len(outcomes) - 1, digest), path, raw
            else:
                progress.advance()
                freezer.read_one()

    for (index, digest), outcome in read_all(reader, misses(), jobs_in_force()):
        progress.advance()
        freezer.read_one()
        path = files[index][0]
        if cache and isinstance(outcome, Entry):
            cache.put(str(path), digest, outcome, warn)
        outcomes[index] = _kept(outcome, keep_bodies, checks) if isinstance(outcome, Entry) else outcome
    progress.close()
    if cache:
        cache.flush(warn)
        cache.prune()
        cache.close()
    entries: list[Entry] = []
    for (path, _), outcome in zip(files, outcomes):
        if isinstance(outcome, Entry):
            entries.append(outcome)
        elif isinstance(outcome, InputError):
            errors.append(outcome)
        else:  # a bug met on one article must not stop the others
            if debugging() and not isinstance(outcome, WorkerBug):
                raise outcome
            errors.append(InputError(f"internal error while reading this article, a bug in timeline (please report it): {bug_message(outcome)}", str(path)))
    return entries


def _kept(entry: Entry, keep_bodies: bool, checks: ArticleChecks | None, read_back: bool = False) -> Entry:
    """What a run keeps of an article read: its body cut unless ``keep_bodies``, its article rules run and the claims
    only they read left out when ``checks`` is given. Claims ``read_back`` from JSON (the cache, ``--from-claims``)
    get the run's shared values (``share_read_back``) only once the others are left out: ``check`` keeps about two
    thirds of them."""
    entry = checks.take(entry) if checks is not None else entry
    if read_back:
        share_read_back(entry.claims)
    return entry if keep_bodies else _without_body(entry)


def _without_body(entry: Entry) -> Entry:
    """The entry with its article's body cut after its first non-blank line: all that a rule reads of it once
    the claims are made (``article-metadata`` points there)."""
    lines = entry.article.body.split("\n")
    first = next((number for number, line in enumerate(lines) if line.strip()), None)
    kept = "" if first is None else "\n".join(lines[: first + 1])  # a blank body: the rule points at line 1 either way
    return Entry.model_construct(article=entry.article.model_copy(update={"body": kept}), claims=entry.claims, warnings=entry.warnings)


def _assemble(settings: Settings, ruleset: RuleSet, entries: list[Entry], errors: list[TimelineError], roots: tuple[Path, ...]) -> Run:
    """The run: its corpus from the entries, every error and warning reported on stderr."""
    warnings = [warning for entry in entries for warning in entry.input_warnings()]
    for error in errors:
        report_error(error)
    for warning in warnings:
        report_warning(warning)
    forget_shared()  # every article is read: the claims hold their shared values, and nothing looks them up again
    corpus = Corpus(
        articles=tuple(entry.article for entry in entries), claims=tuple(claim for entry in entries for claim in entry.claims),
        input_errors=tuple(e for e in errors if isinstance(e, InputError)), input_warnings=tuple(warnings),
    )  # fmt: skip
    gc.freeze()  # the corpus lives until the run ends: later collections need not walk it
    return Run(settings=settings, ruleset=ruleset, corpus=corpus, errors=errors, warnings=warnings, entries=entries, roots=roots)


def common_folder(paths: Iterable[str]) -> tuple[Path, ...]:
    """The deepest folder holding every article: the root that claims read from a file are named against
    (baselines, SARIF), as a run over that folder would name them."""
    folders = [str(Path(path).absolute().parent) for path in paths]
    return (Path(os.path.commonpath(folders)),) if folders else ()


def open_cache(settings: Settings, ruleset: RuleSet, targets: list[Path]) -> ClaimsCache | None:
    """The claims cache of this run, or None: ``--no-cache``, or a cache folder inside a folder being read."""
    context = click.get_current_context(silent=True)
    if context is not None and context.meta.get(NO_CACHE):
        return None
    folder = Path(settings.cache_dir).absolute()
    if any(t.is_dir() and folder.resolve().is_relative_to(t.resolve()) for t in targets):
        return None  # never written into the corpus: run from outside it, or set cache-dir elsewhere
    return ClaimsCache.open(folder, fingerprint(settings.model_dump_json(), ruleset.root), warn)


def warn(message: str) -> None:
    click.echo(f"timeline: warning: {message}", err=True)


NO_CACHE, JOBS = "timeline.no_cache", "timeline.jobs"


def jobs_in_force() -> int:
    context = click.get_current_context(silent=True)
    return context.meta.get(JOBS, 1) if context is not None else 1


def _jobs(context: click.Context, parameter: click.Parameter, value: str | None) -> None:
    if value is None:
        return
    if value != "auto" and not (value.isdigit() and int(value) >= 1):
        raise click.BadParameter(f"'{value}' is neither a number of processes (1 or more) nor 'auto'")
    context.meta[JOBS] = jobs_wanted(value)


jobs_option = click.option(
    "-j", "--jobs", metavar="N", expose_value=False, callback=_jobs,
    help="Read articles in N worker processes (auto: one per core); output is the same bytes as with 1, the default.",
)  # fmt: skip


def _no_cache(context: click.Context, parameter: click.Parameter, value: bool) -> None:
    if value:
        context.meta[NO_CACHE] = True


no_cache_option = click.option(
    "--no-cache", is_flag=True, expose_value=False, callback=_no_cache,
    help="Read every article afresh, without reading or writing the claims cache (cache-dir).",
)  # fmt: skip


def stdin_article(files: list[tuple[Path, bytes | None]], name: Path) -> list[tuple[Path, bytes | None]]:
    """The files to read with stdin's text in place of the file called ``name``, or added after them."""
    raw = sys.stdin.buffer.read()
    replaced = [(path, raw) if same_file(path, name) else (path, text) for path, text in files]
    return replaced if any(text is raw for _, text in replaced) else files + [(name, raw)]


def same_file(path: Path, name: Path) -> bool:
    return path == name or path.resolve() == name.resolve()


def finish(run: Run, output: str | Iterable[str]) -> None:
    """Print a listing command's output (text, or pieces of it); exit 2 when an article could not be read, else 0."""
    echo_pieces([output] if isinstance(output, str) else output)
    sys.exit(2 if run.errors else 0)


def echo_pieces(pieces: Iterable[str], batch: int = 1 << 16) -> None:
    """Print text pieces in batches of about ``batch`` characters: a streamed report is never whole in
    memory, and stdout is not written once for each of its records."""
    held: list[str] = []
    size = 0
    for piece in pieces:
        held.append(piece)
        size += len(piece)
        if size >= batch:
            click.echo("".join(held), nl=False)
            held, size = [], 0
    if held:
        click.echo("".join(held), nl=False)


FORMATS = click.Choice(["table", "json"])

paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
rules_option = click.option(
    "--rules", type=click.Path(path_type=Path, file_okay=False), help="Rule-set folder to use instead of the one in force (see `timeline rules`)."
)
version_option = click.version_option(__version__, prog_name="timeline")
format_option = click.option("--format", "output_format", type=FORMATS, default="table", show_default=True, help="Output format.")
