"""cut-input: an article that was read, but not whole as written, as a finding in the report.

A sentence longer than ``max-sentence-length`` characters (a table pasted as
one line, a list with no full stop) is read in pieces, so that the run stays
linear in the length of the text. A figure in one piece may then be read
apart from words in the next that say what it measures, so the cut is
reported: a finding at the sentence's line in every output format, and a
``timeline: warning:`` line on stderr. Unlike an input error, the article was
checked, so the exit code follows ``--fail-on`` as for any finding.
"""

from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from timeline.corpus import Corpus
from timeline.models import Finding
from timeline.rule_types.unreadable_input import findings_at

TYPE = "cut-input"
SCOPE = "corpus"
READS: frozenset[str] = frozenset()


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(rule, options: Options, corpus: Corpus, ruleset) -> Iterator[Finding]:
    return findings_at(rule, corpus.input_warnings)
