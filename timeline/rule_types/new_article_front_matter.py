"""new-article-front-matter: a new article must carry the front matter a newsroom files it by.

Only articles checked as new are read: those given to ``timeline check
--new``, or new and changed since ``--changed-since GITREF``. Old articles
are what they are; a rule that failed on them would fail for ever. The
fields required are ``required-front-matter`` in ``[tool.timeline]``
(default ``["published"]``; any of ``published``, ``title``, ``source``,
``url``; an empty list requires nothing).

``published`` must be in the front matter itself: a dateline or a ``date
YYYY-MM-DD`` line dates an article for the timeline but is not front
matter. There is one finding per missing field, anchored at the article's
first line and column (``path:1:1``).
"""

from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from timeline.corpus import Corpus
from timeline.models import Article, Finding, Provenance

TYPE = "new-article-front-matter"
SCOPE = "corpus"
READS: frozenset[str] = frozenset()


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check(rule, options: Options, corpus: Corpus, ruleset) -> Iterator[Finding]:
    if corpus.new is None:
        return
    for article in corpus.articles:
        if article.path not in corpus.new.paths:
            continue
        for field in corpus.new.required_front_matter:
            if not has_front_matter(article, field):
                where = Provenance(path=article.path, line=1, column=1, quote="")
                message = f"new article has no front matter '{field}'"
                yield Finding(rule=rule.id, severity=rule.severity, subject=field, message=message, location=where)


def has_front_matter(article: Article, field: str) -> bool:
    if field == "published":
        return article.published_source == "front-matter"
    return getattr(article, field) is not None
