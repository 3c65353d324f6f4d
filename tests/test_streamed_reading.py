"""A serial run reads each article's file only when the one before it has been extracted.

Holding every file's bytes until all were extracted kept 30 MB at 10,000
articles. These tests record, in order, each file read and each article
extracted, and hold the run to one article's bytes at a time, with a cached
article and an unreadable one among them, whose order in the report stays
the listing's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import timeline.cli.common as common
from timeline.cli.common import load_run
from timeline.reading import Reader

ARTICLES = {
    "a-levee.md": "---\npublished: 2031-04-02\n---\nThe Orrin levee held on Tuesday after the river rose 1.4 metres.\n",
    "b-shelters.md": "---\npublished: 2031-04-03\n---\nShelters in Dunmore took in 212 families by Wednesday night.\n",
    "c-broken.md": "---\npublished: [2031\n---\nThe front matter never closes its bracket.\n",
    "d-roads.md": "---\npublished: 2031-04-04\n---\nCrews reopened 14 of the 20 closed roads on Thursday.\n",
}


@pytest.fixture
def corpus(corpus_of) -> Path:
    return corpus_of(ARTICLES)


@pytest.fixture
def events(monkeypatch) -> list[tuple[str, str]]:
    """("open", name) for each file read, ("extract", name) for each article extracted, in the order they happen."""
    seen: list[tuple[str, str]] = []
    read_raw, read = common.read_raw, Reader.read

    def recording_read_raw(path, limits):
        seen.append(("open", Path(path).name))
        return read_raw(path, limits)

    def recording_read(self, path, raw):
        seen.append(("extract", Path(path).name))
        return read(self, path, raw)

    monkeypatch.setattr(common, "read_raw", recording_read_raw)
    monkeypatch.setattr(Reader, "read", recording_read)
    return seen


def test_each_file_is_opened_only_after_the_article_before_it_is_extracted(corpus, events):
    run = load_run((corpus,), None, quiet=True)
    assert events == [
        ("open", "a-levee.md"), ("extract", "a-levee.md"),
        ("open", "b-shelters.md"), ("extract", "b-shelters.md"),
        ("open", "c-broken.md"), ("extract", "c-broken.md"),
        ("open", "d-roads.md"), ("extract", "d-roads.md"),
    ]  # fmt: skip
    assert [Path(a.path).name for a in run.corpus.articles] == ["a-levee.md", "b-shelters.md", "d-roads.md"]
    assert [Path(e.path).name for e in run.corpus.input_errors] == ["c-broken.md"]


def test_a_cached_article_is_not_extracted_and_the_order_holds(corpus, events):
    load_run((corpus,), None, quiet=True)
    (corpus / "b-shelters.md").write_text(ARTICLES["b-shelters.md"].replace("212", "214"), encoding="utf-8")
    events.clear()
    run = load_run((corpus,), None, quiet=True)
    assert events == [("open", "a-levee.md"), ("open", "b-shelters.md"), ("extract", "b-shelters.md"), ("open", "c-broken.md"), ("extract", "c-broken.md"), ("open", "d-roads.md")]
    figures = [c.text for c in run.corpus.claims if c.kind == "figure"]
    assert "214 families" in figures and "212 families" not in figures
    assert [Path(a.path).name for a in run.corpus.articles] == ["a-levee.md", "b-shelters.md", "d-roads.md"]
