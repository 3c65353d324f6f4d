"""lemminflect's English tables, kept as text and searched by bisection instead of loaded into dicts.

lemminflect (see ``words.py``) reads its two gzipped CSV tables (word, class,
forms; about 120,000 lines) into nested dicts of tuples the first time it is
asked anything: about 55 MB of Python objects and 0.3 s, paid by every run and
by every ``--jobs`` worker, though a corpus asks about a few thousand words.
Here each table stays the decompressed text it ships as (2.9 MB together) with
an array of line offsets. The files are sorted by word, with a word's lines
next to each other, so a lookup is a bisection over the lines, and only the
lines of the word asked for are parsed, by lemminflect's own codecs.

The tables are handed to lemminflect in place of the dicts it would build (it
asks its table only ``.get(word, {})`` and copies the answer), so every answer
is still lemminflect's, overrides, modal verbs, capitals and out-of-vocabulary
rules included. That relies on where lemminflect 0.2 keeps its tables, which
is why ``tests/test_word_tables.py`` compares both tables, every word of them,
with the dicts lemminflect builds itself.
"""

from __future__ import annotations

import gzip
from array import array
from bisect import bisect_left
from collections.abc import Callable
from itertools import accumulate
from typing import Any


class SortedTable:
    """One table: the CSV text, where each line starts, and how a word's lines become its entry."""

    def __init__(self, path: str, entry: Callable[[str, list[str]], dict[str, Any] | None]) -> None:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            self.text = handle.read()
        lengths = map(len, self.text.splitlines(keepends=True))
        self.starts = array("L", accumulate(lengths, initial=0))  # the last one is the end of the text
        self.entry = entry

    def __len__(self) -> int:
        return len(self.starts) - 1

    def word_at(self, index: int) -> str:
        start = self.starts[index]
        return self.text[start : self.text.index(",", start)]

    def lines_of(self, word: str) -> list[str]:
        """The word's lines, in file order; none when the table lacks it."""
        index = bisect_left(range(len(self)), word, key=self.word_at)
        lines = []
        while index < len(self) and self.word_at(index) == word:
            lines.append(self.text[self.starts[index] : self.starts[index + 1]])
            index += 1
        return lines

    def get(self, word: str, default: dict[str, Any] | None = None) -> dict[str, Any] | None:
        found = self.entry(word, self.lines_of(word))
        return default if found is None else found


def install() -> None:
    """Give lemminflect the compact tables before it loads its own; later calls do nothing."""
    from lemminflect import Inflections, Lemmatizer, config
    from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec
    from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
    from lemminflect.core.LexicalUtils import categoryToUPos

    lemmatizer, inflections = Lemmatizer(), Inflections()
    if not isinstance(getattr(lemmatizer, "lemma_dict", None), SortedTable):

        def lemma_entry(word: str, lines: list[str]) -> dict[str, Any] | None:
            if not lines:
                return None
            entry: dict[str, Any] = {}
            for line in lines:
                _, category, forms = LemmaLUCodec.fromString(line)
                entry[categoryToUPos(category)] = forms
            return entry

        lemmatizer.lemma_dict = SortedTable(config.lemma_lu_fn, lemma_entry)
    if not isinstance(getattr(inflections, "infl_dict", None), SortedTable):
        modal = InflectionLUCodec.updateForAuxMod({})  # lemminflect's own fixed entries replace the table's

        def inflection_entry(word: str, lines: list[str]) -> dict[str, Any] | None:
            if word in modal:
                return dict(modal[word])
            if not lines:
                return None
            entry: dict[str, Any] = {}
            for line in lines:
                entry.update(InflectionLUCodec.fromString(line)[2])
            return entry

        inflections.infl_dict = SortedTable(config.inflection_lu_fn, inflection_entry)
