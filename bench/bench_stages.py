"""Benchmark: where extraction's time goes, stage by stage, and how much of it the regex engine takes.

Run by hand (never from the test suite). Usage::

    python bench/bench_stages.py [--size 100] [--seed 7] [--regex]
    python bench/bench_stages.py --article path/to/one.md      # any article instead of the synthetic corpus

It writes ``--size`` synthetic articles (``bench/synthetic_corpus.py``, the corpus ``bench_scale.py``
checks) into a temporary folder, reads each once to warm the caches, then extracts every article
again (``timeline.extract.extract_article``, in process, one core) with each stage of the sentence
walk timed: dates, figures, names, the clause stage (predicates), figure claims and keys, clause
events and statuses, lexicon statuses and events. It prints, per stage, the time per sentence and
its share, and the extraction's milliseconds per article and the articles per second that
extraction alone allows.

``--regex`` also counts the time spent inside calls of compiled patterns (search, match,
finditer with its iteration, ...), by wrapping every pattern compiled after start-up. The wrapping
slows the run (about a quarter); the share it prints is the part of extraction that CPython's
regular-expression engine runs, which no change to the Python code around it can remove. To
count instructions instead of time (steadier on a busy machine)::

    PYTHONHASHSEED=0 valgrind --tool=cachegrind --cachegrind-out-file=cg.out python bench/bench_stages.py --size 100
    cg_annotate cg.out | grep _sre/
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

STAGES = (
    "find_dates", "split_sentences", "find_figures", "names_in", "read_predicates", "figure_claims",
    "clause_events", "find_statuses", "clause_statuses", "find_events", "share_strings",
)  # fmt: skip
REGEX_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class TimedPattern:
    """A compiled pattern whose calls add their time to ``spent``; ``finditer`` is iterated inside the timing."""

    spent = [0.0]

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern_object = pattern

    def __getattr__(self, name: str):
        attribute = getattr(self.pattern_object, name)
        if name not in REGEX_METHODS:
            return attribute

        def timed(*args, **kwargs):
            started = time.perf_counter()
            result = attribute(*args, **kwargs)
            if name == "finditer":
                result = iter(list(result))
            TimedPattern.spent[0] += time.perf_counter() - started
            return result

        return timed


def time_regexes() -> None:
    """Wrap every pattern compiled from now on (``re.compile`` and the module functions both go through ``re._compile``)."""
    compile_pattern = re._compile

    def compiled(pattern, flags):
        if isinstance(pattern, TimedPattern):
            pattern = pattern.pattern_object
        return TimedPattern(compile_pattern(pattern, flags))

    re._compile = compiled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--article", type=Path, help="time this article instead of a synthetic corpus")
    parser.add_argument("--regex", action="store_true", help="also time the calls of compiled patterns")
    args = parser.parse_args()
    if args.regex:
        time_regexes()  # before timeline compiles its patterns on import

    import timeline.extract as extract
    from synthetic_corpus import write
    from timeline.ingest import read_article
    from timeline.ruleset import load_ruleset

    spent: dict[str, float] = defaultdict(float)
    for name in STAGES:
        stage = getattr(extract, name)

        def timed(*args, _stage=stage, _name=name, **kwargs):
            started = time.perf_counter()
            try:
                return _stage(*args, **kwargs)
            finally:
                spent[_name] += time.perf_counter() - started

        setattr(extract, name, timed)
    ruleset = load_ruleset()
    with tempfile.TemporaryDirectory(prefix="bench-stages-") as tmp:
        if args.article:
            paths = [args.article]
        else:
            write(Path(tmp), args.size, args.seed)
            paths = sorted(Path(tmp).iterdir())
        articles = [read_article(path, ruleset.boilerplate) for path in paths]
    for article in articles:
        extract.extract_article(article, ruleset)  # warm: lemma tables, caches, first-use imports
    sentences = sum(len(extract.split_sentences(a.body)) for a in articles)
    spent.clear()
    TimedPattern.spent[0] = 0.0
    started = time.perf_counter()
    for article in articles:
        extract.extract_article(article, ruleset)
    wall = time.perf_counter() - started
    print(f"{len(articles):,} articles, {sentences:,} sentences: extraction {wall:.2f} s, {wall / sentences * 1e6:.0f} us per sentence, "
          f"{wall / len(articles) * 1e3:.1f} ms per article, {len(articles) / wall:.0f} articles/s on one core")  # fmt: skip
    print(f"{'stage':<18} {'us/sentence':>12} {'share':>7}")
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        print(f"{name:<18} {seconds / sentences * 1e6:12.1f} {seconds / wall:7.1%}")
    rest = wall - sum(spent.values())
    print(f"{'(the walk itself)':<18} {rest / sentences * 1e6:12.1f} {rest / wall:7.1%}")
    if args.regex:
        regex = TimedPattern.spent[0]
        print(f"inside compiled patterns: {regex:.2f} s, {regex / wall:.0%} of extraction, {regex / sentences * 1e6:.0f} us per sentence, "
              f"{regex / len(articles) * 1e3:.1f} ms per article: with the Python around them free, at most {len(articles) / regex:.0f} articles/s")  # fmt: skip


if __name__ == "__main__":
    main()
