"""A run lets go of each article's body once its claims are made, keeping its first non-blank line.

No rule reads a body after extraction except ``article-metadata``, which
points at the article's first non-blank line; ``claims --format jsonl``
writes the whole body out, so it keeps it. These tests hold the run to both,
on articles whose text starts after blank and indented lines.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import main as timeline
from timeline.cli.common import load_run

ARTICLES = {
    "blank-start.txt": "\n\n   Ferries to Orrin Island stayed in port on Tuesday.\nThe harbour office said 14 sailings were cancelled.\n",
    "first-line.md": "Crews on the Halvard line worked through the night.\n\nThey replaced 40 metres of track by March 3, 2031.\n",
    "one-line.txt": "   The pier reopened to foot traffic.",
}


@pytest.fixture
def corpus(corpus_of) -> Path:
    return corpus_of(ARTICLES)


def up_to_first_line(text: str) -> str:
    """The text up to the end of its first non-blank line."""
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip())
    return "\n".join(lines[: first + 1])


@pytest.mark.parametrize("cached", [False, True], ids=["read", "from-cache"])
def test_a_run_keeps_only_the_first_non_blank_line_of_each_body(corpus, cached):
    if cached:
        load_run((corpus,), None, quiet=True)  # fills the cache: the second run reads every entry from it
    run = load_run((corpus,), None, quiet=True)
    bodies = {Path(article.path).name: article.body for article in run.corpus.articles}
    assert set(bodies) == set(ARTICLES)
    assert bodies == {name: up_to_first_line(text) for name, text in ARTICLES.items()}
    assert bodies["blank-start.txt"] == "\n\n   Ferries to Orrin Island stayed in port on Tuesday."


def test_article_metadata_points_at_the_same_line_and_column(corpus):
    report = json.loads(CliRunner().invoke(timeline, ["check", str(corpus), "--format", "json", "--no-cache"]).stdout)
    undated = {Path(f["path"]).name: f for f in report["findings"] if f["rule"] == "article-undated"}
    assert set(undated) == set(ARTICLES)  # none has a publication date
    assert (undated["first-line.md"]["line"], undated["first-line.md"]["column"]) == (1, 1)
    assert (undated["blank-start.txt"]["line"], undated["blank-start.txt"]["column"]) == (3, 4)
    assert (undated["one-line.txt"]["line"], undated["one-line.txt"]["column"]) == (1, 4)


def test_claims_jsonl_still_writes_whole_bodies(corpus):
    result = CliRunner().invoke(timeline, ["claims", str(corpus), "--format", "jsonl", "--no-cache"])
    bodies = {Path(r["article"]["path"]).name: r["article"]["body"] for r in map(json.loads, result.stdout.splitlines())}
    assert bodies == ARTICLES
