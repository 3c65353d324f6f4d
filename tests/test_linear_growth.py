"""Extraction grows linearly with the text: counted in Python steps, never timed.

A profiler hook counts every function call, and every line run inside
timeline's own code (so a loop over all of an article's dates for each
sentence counts once per date it visits). The count per sentence at 8,000
sentences must stay within 15% of the count per sentence at 1,000, for three
shapes of text that once made extraction quadratic: one sentence a line, one
long line of sentences, and one sentence listing thousands of figures (read
in pieces at ``max-sentence-length``). A quadratic path shows up here as a
per-sentence count that grows with the size (×2 and more), whatever the
machine's speed.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

import timeline
from timeline.extract import extract_article
from timeline.models import Article
from timeline.ruleset import default_rules_dir, load_ruleset

PACKAGE = str(Path(timeline.__file__).parent)
SMALL, LARGE = 1_000, 8_000
LINEAR = 1.15  # allowed growth of the steps per sentence from SMALL to LARGE
SENTENCES = [
    "The river at Harlow rose {a}.{b} metres on March {d}.",
    "Officials said {n:,} people had left their homes by Tuesday.",
    "The council, which met on {d} April, approved {p}% of the repair budget.",
    "Dr. Mills said the dam at Ostry was still being inspected.",
]


def sentence(i: int) -> str:
    return SENTENCES[i % 4].format(a=i % 9 + 1, b=i % 7, d=i % 27 + 1, n=1000 + i, p=i % 90 + 5)


SHAPES = {
    "one sentence a line": lambda n: "\n".join(sentence(i) for i in range(n)),
    "one long line": lambda n: " ".join(sentence(i) for i in range(n)),
    "one sentence of many figures": lambda n: "Gauges read " + ", ".join(f"{i}.{i % 7} metres" for i in range(n)) + " on March 3.",
}


@pytest.fixture(scope="module")
def ruleset():
    rules = load_ruleset(default_rules_dir())
    extract_article(Article(path="warm.md", body=SHAPES["one sentence a line"](20), published=date(2025, 6, 17)), rules)  # load lazy tables
    return rules


def steps(text: str, ruleset) -> int:
    """Function calls anywhere, plus lines run in timeline's code, while one article is extracted."""
    article = Article(path="a.md", body=text, published=date(2025, 6, 17))
    count = 0

    def in_timeline(frame, event, arg):
        nonlocal count
        count += 1
        return in_timeline

    def on_call(frame, event, arg):
        nonlocal count
        count += 1
        return in_timeline if frame.f_code.co_filename.startswith(PACKAGE) else None

    sys.settrace(on_call)
    try:
        extraction = extract_article(article, ruleset)
    finally:
        sys.settrace(None)
    assert extraction.claims, "the text is read, not skipped"
    return count


@pytest.mark.parametrize("shape", list(SHAPES))
def test_steps_per_sentence_do_not_grow_with_the_text(shape, ruleset):
    small, large = steps(SHAPES[shape](SMALL), ruleset), steps(SHAPES[shape](LARGE), ruleset)
    growth = (large / LARGE) / (small / SMALL)
    assert growth <= LINEAR, f"{shape}: {small / SMALL:.0f} steps a sentence at {SMALL:,}, {large / LARGE:.0f} at {LARGE:,} (x{growth:.2f})"


def test_a_sentence_over_the_limit_is_read_in_pieces_and_said(ruleset):
    text = SHAPES["one sentence of many figures"](500)
    extraction = extract_article(Article(path="a.md", body="Intro line.\n" + text, published=date(2025, 6, 17)), ruleset, max_sentence_length=1_000)
    [warning] = extraction.warnings
    assert warning.line == 2 and "max-sentence-length" in warning.message and f"{len(text):,} characters" in warning.message
    figures = [c for c in extraction.claims if c.kind == "figure"]
    assert len(figures) >= 490, "the pieces are all read: a cut loses at most the figure it falls on"
