"""The articles of one run and everything extracted from them: what every rule reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from timeline.errors import InputError, InputWarning
from timeline.models import Article, Claim, EventClaim, FigureClaim, StatusClaim


@dataclass(frozen=True)
class NewArticles:
    """The articles a run checks as new (``check --new``, ``--changed-since``), by path, and the front matter they must have."""

    paths: frozenset[str]
    required_front_matter: tuple[str, ...] = ()


@dataclass(frozen=True)
class Corpus:
    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    input_errors: tuple[InputError, ...] = ()
    """Articles, files and folders that could not be read; the ``unreadable-input`` rule reports them."""
    input_warnings: tuple[InputWarning, ...] = ()
    """Articles read with a cut (a sentence over the length limit); the ``cut-input`` rule reports them."""
    new: NewArticles | None = None
    """Set when some articles are checked as new; rules about new articles only (front matter) read it."""
    cache: dict[str, Any] = field(default_factory=dict, compare=False, repr=False, hash=False)
    """Analyses computed once per run and shared by rules (the figure comparison)."""

    def figures(self) -> list[FigureClaim]:
        return [c for c in self.claims if isinstance(c, FigureClaim)]

    def statuses(self) -> list[StatusClaim]:
        return [c for c in self.claims if isinstance(c, StatusClaim)]

    def events(self) -> list[EventClaim]:
        return [c for c in self.claims if isinstance(c, EventClaim)]
