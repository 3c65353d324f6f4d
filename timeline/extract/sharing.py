"""One object for each distinct date value, figure key and short text the run reads, shared by every claim that holds it.

A corpus states the same few dates, and measures the same quantities, over
and over: on the synthetic benchmark corpus, 14,733 claims held 4,225 date
value objects with only 943 distinct values, each with strings of its own.
Values and keys are frozen records compared by value, so a claim cannot tell
a shared one from its own, and nothing compares them by identity (figure
values are not shared: ``comparison`` tells them apart by ``id``).

The tables hold one entry per distinct value or text, so they grow with
what the corpus says, not with how often it says it; they are emptied when
a run has read its articles (``forget_shared``). Short texts go to a table
of the run's own rather than to ``sys.intern``: the interpreter's table
keeps a slot for every text until it dies, and most of a corpus's texts
("47,312 houses") occur once, so at 10,000 articles that table was about
ten megabytes that no rule needed.
"""

from __future__ import annotations

from dataclasses import fields
from functools import cache
from typing import TypeVar

from timeline.models import DateValue, QuantityKey

Shared = TypeVar("Shared", DateValue, QuantityKey)
_SEEN: dict[DateValue | QuantityKey, DateValue | QuantityKey] = {}
_TEXTS: dict[str, str] = {}


def shared(value: Shared | None) -> Shared | None:
    """The run's one instance equal to ``value`` (``value`` itself the first time, its strings interned); None stays None."""
    if value is None:
        return None
    found = _SEEN.get(value)
    if found is None:
        _intern_fields(value)  # once for each distinct value, not once for each claim holding it
        found = _SEEN[value] = value
    return found  # type: ignore[return-value]


def forget_shared() -> None:
    """Empty the table once a run's articles are all read: the claims keep the shared values, and the rules
    make none. At 2,000 synthetic articles the table held 37,280 entries that nothing would look up again;
    emptying it lowered the peak of a 3,000-article check by 2 MB."""
    _SEEN.clear()
    _TEXTS.clear()


def share_read_back(claims: list) -> None:
    """Make claims read back from JSON (the claims cache, a ``--from-claims`` file) share values as extracted ones do.

    Validating JSON builds a fresh object for every value of every claim: at
    10,000 cached articles, 491,186 claims held their own date values, keys,
    publication dates, paths and sentence quotes, where extraction shares one
    of each. The claims were built a moment ago and nothing else holds them
    yet, so their fields are swapped for the shared equal values in place
    (as ``__post_init__`` sets fields of these frozen records); equal values
    cannot be told apart, so nothing read from the claims changes.

    Short texts (subjects, titles, a figure's text) are not interned here:
    pydantic's JSON parser already gives one object to equal short strings
    of one entry (``cache_strings``, on by default: a table of 16,384 slots,
    so now and then a text loses its slot between two uses; a test holds
    that nearly all are shared), and
    interning them across articles as well saved 2.6 MB of a 372 MB warm
    re-check of 10,000 articles but cost about 2 of its 15 s.
    """
    strings: dict[str, str] = {}
    days: dict = {}
    for claim in claims:
        where = claim.provenance
        object.__setattr__(where, "path", strings.setdefault(where.path, where.path))
        object.__setattr__(where, "quote", strings.setdefault(where.quote, where.quote))
        if claim.published is not None:
            object.__setattr__(claim, "published", days.setdefault(claim.published, claim.published))
        for name in _SHARED_FIELDS[claim.kind]:
            value = getattr(claim, name)
            if value is not None:
                object.__setattr__(claim, name, shared(value))


_SHARED_FIELDS = {"date": ("date",), "event": ("date",), "status": ("as_of",), "figure": ("as_of", "key")}  # by claim kind


def share_strings(claims: list) -> None:
    """Give the claims one string object for each of their short texts, subjects, nouns and titles.

    A corpus says "Asharby council", "houses" or "was cancelled" thousands of
    times, each a string of its own: on 1,000 synthetic articles, 5.4 of the
    12.8 MB of strings held by claims were copies. The sentence a claim
    quotes is shared already (one per sentence); date values and keys are
    shared records, whose strings ``shared`` interns once.
    """
    for claim in claims:
        _intern_fields(claim)
        if claim.kind == "figure":
            _intern_fields(claim.value)


def _intern_fields(record) -> None:
    for name in _string_fields(type(record)):
        text = getattr(record, name)
        if text is not None:
            object.__setattr__(record, name, _TEXTS.setdefault(text, text))


@cache
def _string_fields(kind: type) -> tuple[str, ...]:
    """The fields of a claim or value record that hold text, other than its provenance."""
    return tuple(f.name for f in fields(kind) if f.type in ("str", "str | None") or f.type in (str, str | None))
