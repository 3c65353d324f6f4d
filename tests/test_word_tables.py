"""The compact word tables answer exactly what lemminflect's own dicts answer, for every word they hold.

``word_tables.py`` hands lemminflect sorted text in place of the dicts it
would build from the same files. These tests build those dicts the way
lemminflect does (its own codecs) and compare every entry, then compare the
four lookups ``words.py`` makes, so a lemminflect release that stores its
tables differently fails here rather than changing what the tool reads.
"""

from __future__ import annotations

import pytest
from lemminflect import config
from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec
from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec

from timeline.extract import words
from timeline.extract.word_tables import SortedTable


@pytest.fixture(scope="module")
def tables() -> tuple[SortedTable, SortedTable]:
    words.word_classes.cache_clear()
    words._lemminflect()  # installs the compact tables
    from lemminflect import Inflections, Lemmatizer

    return Lemmatizer().lemma_dict, Inflections().infl_dict


def words_of(table: SortedTable) -> list[str]:
    """Every word the table holds, once each, sorted."""
    return sorted({table.word_at(index) for index in range(len(table))})


def test_lemminflect_uses_the_compact_tables(tables: tuple[SortedTable, SortedTable]) -> None:
    assert all(isinstance(table, SortedTable) for table in tables)


def test_every_lemma_entry_matches_lemminflects_dict(tables: tuple[SortedTable, SortedTable]) -> None:
    expected = LemmaLUCodec.load(config.lemma_lu_fn)
    compact = tables[0]
    assert words_of(compact) == sorted(expected)
    assert all(compact.get(word) == entry for word, entry in expected.items())
    assert compact.get("zzzz-not-a-word", {}) == {}
    assert compact.get("", {}) == {} and compact.get("\uffff", {}) == {}  # before the first word, after the last


def test_every_inflection_entry_matches_lemminflects_dict(tables: tuple[SortedTable, SortedTable]) -> None:
    expected = InflectionLUCodec.load(config.inflection_lu_fn)  # with its fixed modal and auxiliary entries
    compact = tables[1]
    assert set(words_of(compact)) | {"can", "may", "will", "shall", "must", "ought", "dare", "be"} >= set(expected)
    assert all(compact.get(word) == entry for word, entry in expected.items())
    assert compact.get("zzzz-not-a-word") is None


@pytest.mark.parametrize(
    ("word", "classes"),
    [
        ("mining", {"VERB": ("mine",)}),
        ("were", {"AUX": ("be",), "VERB": ("be",)}),
        ("shipments", {"NOUN": ("shipment",)}),
        ("all", {"NOUN": ("all",)}),  # from lemminflect's overrides file: the table lacks it
        ("capsized", {"VERB": ("capsize",)}),
        ("floodwalled", {"VERB": ("floodwall",)}),  # not in the tables: lemminflect's out-of-vocabulary rules
        ("assam", {}),
    ],
)
def test_word_classes_through_the_compact_tables(tables: tuple[SortedTable, SortedTable], word: str, classes: dict[str, tuple[str, ...]]) -> None:
    assert words.word_classes(word) == classes


@pytest.mark.parametrize(
    ("verb", "tag", "form"),
    [("approve", "VBZ", "approves"), ("approve", "VBN", "approved"), ("be", "VBD", "was"), ("can", "VBD", "could"), ("rebuild", "VBN", "rebuilt"), ("glorp", "VBZ", "glorps")],
)
def test_inflection_through_the_compact_tables(tables: tuple[SortedTable, SortedTable], verb: str, tag: str, form: str) -> None:
    words.inflect.cache_clear()
    assert words.inflect(verb, tag) == form


def test_verb_forms_through_the_compact_tables(tables: tuple[SortedTable, SortedTable]) -> None:
    words.verb_forms.cache_clear()
    assert words.verb_forms("held") == {"VBD", "VBN"}
    assert words.verb_forms("approves") == {"VBZ"}
    assert words.verb_forms("table") == {"VB", "VBP"}
    assert words.verb_forms("assam") == frozenset()
