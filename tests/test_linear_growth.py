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
from datetime import date, timedelta
from pathlib import Path

import pytest

import timeline
from timeline.chronology import build_timeline
from timeline.corpus import Corpus
from timeline.engine import run_rules
from timeline.extract import extract_article
from timeline.models import Article
from timeline.render.json_format import stream_findings, stream_timeline
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
    return counted(lambda: extract_article(article, ruleset).claims)


def counted(work) -> int:
    """Steps taken by ``work()``, which must return something (the text is read, not skipped)."""
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
        result = work()
    finally:
        sys.settrace(None)
    assert result, "the text is read, not skipped"
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


SYLLABLES = ["var", "kel", "bran", "tor", "mel", "hast", "orv", "pell", "quen", "rask", "sel", "thorn", "ul", "wend", "yar", "zel"]


def invented(i: int) -> str:
    """A name of its own for each i: two made-up words that no other i shares."""
    first = "".join(SYLLABLES[(i >> shift) & 15] for shift in (0, 4, 8, 12))
    return f"{first.title()} {first[::-1].title()}"


def one_action_many_actors(i: int) -> str:
    """Four sentences; the first says that an actor found nowhere else approved the same plan, on one of ten days."""
    return f"{invented(i)} approved the harbour repair plan on March {i % 10 + 1}.\n" + SHAPES["one sentence a line"](3)


def one_action_many_named_things(i: int) -> str:
    """Four sentences; the first says that a thing with a name of its own was closed, on one of ten days, by no one named."""
    return f"The {invented(i)} bridge was closed on March {i % 10 + 1}.\n" + SHAPES["one sentence a line"](3)


CORPORA = {
    # one article of n sentences: its figures of one measure meet each other in key settling and comparison
    "one long article": lambda n: [Article(path="long.md", body=SHAPES["one sentence a line"](n), published=date(2025, 6, 17))],
    # n / 4 articles of four sentences, a day apart: the same quantities across many sources
    "many short articles": lambda n: [
        Article(path=f"a{i:05d}.md", body=SHAPES["one sentence a line"](4), published=date(2025, 6, 17) + timedelta(days=i % 30)) for i in range(n // 4)
    ],
    # one log of n / 2 sentences copied into a second article: date-mismatch must not set each copy against every report
    "one long article copied": lambda n: [
        Article(path=path, body=SHAPES["one sentence a line"](n // 2), published=date(2025, 6, 17)) for path in ("log.md", "copy.md")
    ],
    # one log of 40 sentences copied into n / 40 articles, each giving every date: nor set each article against all the others
    "one log in many articles": lambda n: [
        Article(path=f"a{i:05d}.md", body=SHAPES["one sentence a line"](40), published=date(2025, 6, 17)) for i in range(n // 40)
    ],
    # n / 4 articles, each closing its own named bridge, naming no actor: nor read every bridge of a day for each
    "one action on many named things": lambda n: [
        Article(path=f"a{i:05d}.md", body=one_action_many_named_things(i), published=date(2025, 3, 20)) for i in range(n // 4)
    ],
    # n / 4 articles, each reporting the same action on the same thing by its own actor: date-mismatch must not try every pair
    "one action by many actors": lambda n: [
        Article(path=f"a{i:05d}.md", body=one_action_many_actors(i), published=date(2025, 3, 20)) for i in range(n // 4)
    ],
}


@pytest.mark.parametrize("shape", list(CORPORA))
def test_rule_steps_per_sentence_do_not_grow_with_the_corpus(shape, ruleset):
    """The rule engine and the JSON report over the claims, counted as extraction is (a pairwise path shows as x2 and more)."""

    def rule_steps(n: int) -> int:
        articles = CORPORA[shape](n)
        corpus = Corpus(articles=tuple(articles), claims=tuple(c for a in articles for c in extract_article(a, ruleset).claims))
        return counted(lambda: "".join(stream_findings(run_rules(corpus, ruleset), {})))

    small, large = rule_steps(SMALL), rule_steps(LARGE)
    growth = (large / LARGE) / (small / SMALL)
    assert growth <= LINEAR, f"{shape}: {small / SMALL:.0f} steps a sentence at {SMALL:,}, {large / LARGE:.0f} at {LARGE:,} (x{growth:.2f})"


@pytest.mark.parametrize("shape", list(CORPORA))
def test_timeline_steps_per_sentence_do_not_grow_with_the_corpus(shape, ruleset):
    """The timeline (show, export) over the same corpora: rows are found through indexes, not by trying every row."""

    def timeline_steps(n: int) -> int:
        events = [c for a in CORPORA[shape](n) for c in extract_article(a, ruleset).claims if c.kind == "event"]
        return counted(lambda: "".join(stream_timeline(build_timeline(events))))

    small, large = timeline_steps(SMALL), timeline_steps(LARGE)
    growth = (large / LARGE) / (small / SMALL)
    assert growth <= LINEAR, f"{shape}: {small / SMALL:.0f} steps a sentence at {SMALL:,}, {large / LARGE:.0f} at {LARGE:,} (x{growth:.2f})"
