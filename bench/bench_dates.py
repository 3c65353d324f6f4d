"""Benchmark: timeline's date layer against dateparser.search_dates on the same text.

Run by hand (never from the test suite); it prints one line per contender and
the ratio. Usage::

    python bench/bench_dates.py [--repeat 1000] [CORPUS]

Both contenders see the same article bodies (boilerplate already blanked) with
the publication date as the relative base, repeated ``--repeat`` times.
"""

from __future__ import annotations

import argparse
import time
from datetime import datetime
from pathlib import Path

from dateparser.search import search_dates

from timeline.extract.dates import find_dates
from timeline.ingest import discover, read_article
from timeline.ruleset import load_ruleset


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(Path(__file__).resolve().parent.parent / "seeds"))
    parser.add_argument("--repeat", type=int, default=1000)
    args = parser.parse_args()
    ruleset = load_ruleset()
    articles = [read_article(p, ruleset.boilerplate) for p in discover([Path(args.corpus)]).files]
    size = sum(len(a.body) for a in articles)
    print(f"{len(articles)} articles, {size:,} characters, repeated {args.repeat} times")

    started = time.perf_counter()
    found = 0
    for _ in range(args.repeat):
        for article in articles:
            found += len(find_dates(article.body, article.published))
    ours = time.perf_counter() - started
    print(f"timeline find_dates:        {ours:8.2f} s  ({ours / args.repeat * 1000:.2f} ms per pass, {found // args.repeat} mentions)")

    settings = {"RELATIVE_BASE": datetime(2025, 6, 17)}
    started = time.perf_counter()
    found = 0
    for _ in range(args.repeat):
        for article in articles:
            if article.published:
                settings["RELATIVE_BASE"] = datetime.combine(article.published, datetime.min.time())
            found += len(search_dates(article.body, languages=["en"], settings=settings) or [])
    theirs = time.perf_counter() - started
    print(f"dateparser.search_dates:    {theirs:8.2f} s  ({theirs / args.repeat * 1000:.2f} ms per pass, {found // args.repeat} mentions)")
    print(f"ratio: timeline is {theirs / ours:.1f}x faster")


if __name__ == "__main__":
    main()
