"""One object for each distinct date value and figure key the run reads, shared by every claim that holds it.

A corpus states the same few dates, and measures the same quantities, over
and over: on the synthetic benchmark corpus, 14,733 claims held 4,225 date
value objects with only 943 distinct values, each with strings of its own.
Values and keys are frozen records compared by value, so a claim cannot tell
a shared one from its own, and nothing compares them by identity (figure
values are not shared: ``comparison`` tells them apart by ``id``).

The table lives as long as the process and holds one entry per distinct
value, so it grows with what the corpus says, not with how often it says it.
"""

from __future__ import annotations

from typing import TypeVar

from timeline.models import DateValue, QuantityKey

Shared = TypeVar("Shared", DateValue, QuantityKey)
_SEEN: dict[DateValue | QuantityKey, DateValue | QuantityKey] = {}


def shared(value: Shared | None) -> Shared | None:
    """The run's one instance equal to ``value`` (``value`` itself the first time); None stays None."""
    if value is None:
        return None
    return _SEEN.setdefault(value, value)  # type: ignore[return-value]
