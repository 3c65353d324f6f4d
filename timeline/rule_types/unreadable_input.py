"""unreadable-input: an article, file or folder that could not be read, as a finding in the report.

A check that skipped an article must not look like a clean check. Each
input error (not UTF-8, a binary file, broken front matter, an article over
a limit, a path that does not exist, an internal error while reading one
article) is a finding anchored at the file and, where known, the line, in
every output format, besides the one line on stderr; the run's exit code
is 2 whatever ``--fail-on`` says, because the check was incomplete. The
finding's quote is empty: the file could not be read. Leaving the rule out
with ``--ignore`` removes the finding but not the stderr line or the exit
code.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from pydantic import BaseModel, ConfigDict

from timeline.corpus import Corpus
from timeline.errors import TimelineError
from timeline.models import Finding, Provenance

TYPE = "unreadable-input"
SCOPE = "corpus"
READS: frozenset[str] = frozenset()


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(rule, options: Options, corpus: Corpus, ruleset) -> Iterator[Finding]:
    return findings_at(rule, corpus.input_errors)


def findings_at(rule, problems: Iterable[TimelineError]) -> Iterator[Finding]:
    """A finding at each problem's file and line (the first line where none is known), with its message."""
    for problem in problems:
        where = Provenance(path=problem.path or "", line=problem.line or 1, column=1, quote="")
        yield Finding(rule=rule.id, severity=rule.severity, subject=None, message=problem.message, location=where)
