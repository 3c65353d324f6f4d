"""What ``timeline export`` puts in every format: a title, the sources, the timeline and the disputed findings.

The Markdown, JSON and CSV renderers all read one ``Export``, so the three
never disagree about which events or findings there are.

- **Title**: ``--title``, else one made from the corpus's folder name
  ("river-flood" reads "River flood: a chronology"). The name is that of the
  one folder or file given, or of the folder that holds all of them when
  several are given; "Timeline" when there is no such name (the root). A
  folder name is predictable and the same on every run, where a "most common
  subject" would change as articles are added and is often empty.
- **Sources**: every article read, in the order read, with the title,
  outlet (front matter ``source``), publication date and url where known.
- **Timeline**: every event, as ``timeline show`` prints it (dated in date
  order, then undated).
- **Disputed**: the findings of ``timeline check`` at or above
  ``min_severity``, errors first, then warnings, then info, each in path
  order, as in the one-record-per-finding check formats.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from timeline.chronology import build_timeline
from timeline.corpus import Corpus
from timeline.engine import run_rules
from timeline.models import Article, Finding, Severity, TimelineEntry
from timeline.render.findings import severity_first
from timeline.ruleset import RuleSet
from timeline.selection import is_dated

DEFAULT_TITLE = "Timeline"


@dataclass(frozen=True)
class Export:
    title: str
    articles: tuple[Article, ...]
    entries: list[TimelineEntry]
    disputed: list[Finding]
    min_severity: Severity
    unreadable: int

    def summary(self) -> dict[str, int | str]:
        dated = sum(1 for entry in self.entries if is_dated(entry))
        return {
            "articles": len(self.articles), "unreadable": self.unreadable, "events": len(self.entries), "dated": dated,
            "undated": len(self.entries) - dated, "disputed": len(self.disputed), "min_severity": self.min_severity.value,
        }  # fmt: skip


def build_export(corpus: Corpus, ruleset: RuleSet, title: str, min_severity: Severity, unreadable: int = 0) -> Export:
    findings = run_rules(corpus, ruleset)
    disputed = [finding for finding in severity_first(findings) if finding.severity.rank >= min_severity.rank]
    return Export(
        title=title, articles=corpus.articles, entries=build_timeline(corpus.events()), disputed=disputed,
        min_severity=min_severity, unreadable=unreadable,
    )  # fmt: skip


def default_title(targets: list[Path]) -> str:
    """"River flood: a chronology" for ``tests/stories/river-flood``; see the module docstring."""
    if not targets:
        return DEFAULT_TITLE
    resolved = [target.resolve() for target in targets]
    if len(resolved) == 1:
        place = resolved[0]
        name = place.stem if place.is_file() else place.name
    else:
        name = Path(os.path.commonpath(resolved)).name
    words = " ".join(re.sub(r"[-_]+", " ", name).split())
    if not words:
        return DEFAULT_TITLE
    return f"{words[0].upper()}{words[1:]}: a chronology"


def source_name(article: Article) -> str:
    """How a source is named to a reader: its front-matter title, else its path."""
    if article.title and article.title.strip():
        return article.title
    return article.path
