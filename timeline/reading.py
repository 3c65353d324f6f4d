"""Reading articles into entries (article, claims, warnings), in this process or in worker processes.

Extraction is a pure function of an article's bytes, the rule set and the
settings, so it can run anywhere: ``--jobs N`` hands the articles the cache
does not hold to N worker processes, each with its own copy of the rule set,
and takes their entries back in the order the articles were listed. The
output is therefore the same bytes whatever N is (a test checks it). Each
worker returns an input error as plain data (path, line, message), since an
exception would lose its path and line on the way back.

A pool costs each worker a second or so to start (the rule set, the date
layer and the lemmatiser are loaded again), so it pays only for a corpus
of some hundreds of articles; with fewer articles to read than twice the
workers, they are read here.
"""

from __future__ import annotations

import signal

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Iterable, Iterator, TypeVar

from timeline.claims_cache import Entry
from timeline.config import Settings
from timeline.errors import InputError
from timeline.extract import extract_article
from timeline.extract.dates import DateSettings
from timeline.ingest import Limits, read_article
from timeline.ruleset import RuleSet, load_ruleset


@dataclass(frozen=True)
class Reader:
    """How this run reads one article: the rule set and the settings that bear on extraction."""

    ruleset: RuleSet
    settings: Settings

    @cached_property
    def limits(self) -> Limits:
        s = self.settings
        return Limits(max_file_size=s.max_file_size, max_line_length=s.max_line_length, max_sentence_length=s.max_sentence_length)

    @cached_property
    def dates(self) -> DateSettings:
        return DateSettings(fiscal_year_start=self.settings.fiscal_year_start, day_first=self.settings.day_first)

    def read(self, path: Path, raw: bytes) -> Entry:
        """The entry of one article, or InputError naming it."""
        article = read_article(path, self.ruleset.boilerplate, raw, self.limits)
        dates = self.dates.for_article(article, self.settings.fiscal_year_start_by_source)
        extraction = extract_article(article, self.ruleset, dates, self.limits.max_sentence_length)
        return Entry.model_construct(article=article, claims=extraction.claims, warnings=[(w.message, w.line) for w in extraction.warnings])


def jobs_wanted(value: str | int | None) -> int:
    """``--jobs``: a number of worker processes, or ``auto`` for one per core; 1 reads in this process."""
    if value in (None, "", 1, "1"):
        return 1
    if value == "auto":
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, int(value))


Outcome = Entry | InputError | BaseException
Tag = TypeVar("Tag")  # what the caller keeps beside each article: its place in the listing, its digest


def read_all(reader: Reader, work: Iterable[tuple[Tag, Path, bytes]], jobs: int) -> Iterator[tuple[Tag, Outcome]]:
    """An outcome for each (tag, path, bytes), in order, with its tag: the entry, the input error, or the bug met reading it.

    Serially, ``work`` is taken one article at a time, so a caller that reads
    each file as it is asked for never holds more than one article's bytes.
    A pool takes the whole list at once.
    """
    if jobs > 1:
        work = list(work)
    if jobs <= 1 or len(work) < 2 * jobs:
        for tag, path, raw in work:
            yield tag, _outcome(reader, path, raw)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(reader.ruleset.root, reader.settings)) as pool:
        try:
            results = pool.map(_read_in_worker, [(path, raw) for _, path, raw in work], chunksize=max(1, min(64, len(work) // (8 * jobs))))
            for (tag, _, _), result in zip(work, results):
                yield tag, _from_worker(result)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _outcome(reader: Reader, path: Path, raw: bytes) -> Outcome:
    try:
        return reader.read(path, raw)
    except InputError as error:
        return error
    except Exception as error:  # a bug met on one article: the caller reports it for that article
        return error


_WORKER: Reader | None = None


def _start_worker(rules_root: Path, settings: Settings) -> None:
    """Ctrl-C reaches the whole process group: the main process alone answers it (and ends the pool), so a
    worker waiting for its next article never prints a traceback of its own."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER = Reader(load_ruleset(rules_root), settings)


def _read_in_worker(item: tuple[Path, bytes]) -> tuple[str, object]:
    assert _WORKER is not None
    outcome = _outcome(_WORKER, *item)
    if isinstance(outcome, InputError):
        return "input-error", (outcome.message, outcome.path, outcome.line)
    if isinstance(outcome, BaseException):
        return "bug", f"{type(outcome).__name__}: {outcome}"
    return "entry", outcome


class WorkerBug(Exception):
    """A bug met in a worker process, carried back as its text."""


def _from_worker(result: tuple[str, object]) -> Outcome:
    kind, value = result
    if kind == "input-error":
        message, path, line = value
        return InputError(message, path, line)
    if kind == "bug":
        return WorkerBug(value)
    return value
