"""article-metadata: articles missing what a fact-checker needs to place them.

With ``require: [published]`` an article with no publication date (no front
matter ``published``, no ``date YYYY-MM-DD`` marker, no dateline on its first
line) is reported: its relative dates ("on Friday", "earlier this month")
cannot be resolved and its events go to the end of the timeline as undated.
"""

from __future__ import annotations

from typing import Iterator, Literal

from pydantic import BaseModel, ConfigDict

from timeline.corpus import Corpus
from timeline.models import Finding, Provenance

TYPE = "article-metadata"
SCOPE = "corpus"
READS: frozenset[str] = frozenset()


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    require: list[Literal["published", "title", "source", "url"]] = ["published"]


def check(rule, options: Options, corpus: Corpus, ruleset) -> Iterator[Finding]:
    for article in corpus.articles:
        missing = [field for field in options.require if getattr(article, field) is None]
        if not missing:
            continue
        first = next((line for line in article.body.split("\n") if line.strip()), "")
        line = article.body.split("\n").index(first) + 1 if first else 1
        column = len(first) - len(first.lstrip()) + 1
        location = Provenance(path=article.path, line=line, column=column, quote=first.strip()[:200])
        what = " and ".join("publication date" if f == "published" else f for f in missing)
        yield Finding(rule=rule.id, severity=rule.severity, subject=None, message=f"article has no {what}", location=location)
