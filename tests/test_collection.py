"""The collector's work stays proportional to what a run reads (``timeline/collection.py``).

What a run keeps is frozen as articles are read, so a full collection never
walks the whole pile of claims again; garbage is collected before each
freeze, never frozen with it. The rules run with the collector paused, and
it collects once after them.
"""

from __future__ import annotations

import gc
import weakref

import pytest

from timeline.collection import Freezer, collection_paused


class Node:
    """An object that can sit in a reference cycle and be watched with a weak reference."""

    def __init__(self) -> None:
        self.other: Node | None = None


def cycle() -> weakref.ref:
    """A two-object cycle no one else holds: only the cyclic collector can free it."""
    a, b = Node(), Node()
    a.other, b.other = b, a
    return weakref.ref(a)


def collected_by_the_collector() -> set[int]:
    """The ids of the objects a collection can walk: those in a generation, not frozen ones."""
    return {id(o) for generation in (0, 1, 2) for o in gc.get_objects(generation)}


def test_the_freezer_freezes_what_is_kept_every_n_articles():
    freezer = Freezer(every=3)
    kept = [Node() for _ in range(50)]
    freezer.read_one()
    freezer.read_one()
    assert {id(node) for node in kept} <= collected_by_the_collector()  # not yet: only every third article
    freezer.read_one()
    assert not {id(node) for node in kept} & collected_by_the_collector()


def test_the_freezer_collects_garbage_before_it_freezes():
    freezer = Freezer(every=1)
    dead = cycle()
    freezer.read_one()
    assert dead() is None


def test_rules_run_without_the_collector_and_it_collects_once_after():
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
        dead = cycle()
        assert dead() is not None  # nothing collects it while paused
    assert gc.isenabled()
    assert dead() is None


def test_the_collector_comes_back_after_an_error_and_stays_off_if_it_was():
    with pytest.raises(RuntimeError):
        with collection_paused():
            raise RuntimeError("a rule failed")
    assert gc.isenabled()
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
