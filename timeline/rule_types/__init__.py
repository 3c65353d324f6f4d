"""Rule types: the few kinds of check, in code. Rule instances are YAML in ``rules/checks/``.

Each module has a ``TYPE`` name, an ``Options`` model (unknown keys rejected,
defaults filled) and a ``check`` generator; its docstring is its user
documentation, printed by ``timeline rules --explain``. Each also says what
it reads, so that a run keeps no more than its rules need (``engine``):

- ``READS``: the kinds of claim its ``check`` reads (``date``, ``figure``,
  ``status``, ``event``);
- ``SCOPE``: ``article`` when its findings on a corpus are exactly those it
  finds on each article alone (a weekday beside a date, a total and its
  parts in one sentence), else ``corpus``. ``timeline check`` runs an
  article rule on each article as it is read.
"""

from __future__ import annotations

from types import ModuleType

from timeline.rule_types import (
    article_metadata,
    cut_input,
    event_dates,
    figure_consistency,
    new_article_front_matter,
    part_whole,
    status_timeline,
    unreadable_input,
    weekday_dates,
)

RULE_TYPES: dict[str, ModuleType] = {
    module.TYPE: module for module in (
        figure_consistency, status_timeline, article_metadata, part_whole, event_dates, weekday_dates, new_article_front_matter,
        unreadable_input, cut_input,
    )  # fmt: skip
}
