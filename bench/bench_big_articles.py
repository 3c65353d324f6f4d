"""Benchmark: `timeline check` on the sample corpus beside two oversized articles, end to end.

Run by hand (never from the test suite). Usage::

    python bench/bench_big_articles.py [--sentences 20000]

Writes, in a temporary folder, a copy of ``seeds/`` plus

- ``one-line.txt``: 11 MB of news text on one line (over ``max-file-size``
  and ``max-line-length``: refused before it is read, as an input error);
- ``many-lines.md``: about 1 MB of N one-line sentences (default 20,000),
  each with a figure or a date, every number varied.

then runs `timeline check FOLDER --format json` in process and prints the wall
time, the claims read from the long article, the findings by rule, and
whether the seeds' own conflicts (figure-contradiction, figure-divergence,
status-change) are still reported. It exits 1 if they are not.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from timeline.cli import main as timeline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SENTENCES = [
    "The Varn river at Ostry rose {a}.{b} metres overnight.",
    "Crews cleared {n:,} tonnes of silt from the lower town.",
    "The shelter on Mill Road took in {m} families on March {d}.",
    "Rain eased in the hills by late afternoon.",
    "About {p}% of the valley's farms reported flooded fields.",
]


def many_lines(count: int) -> str:
    lines = ["---", "published: 2032-03-20", "title: Varn floods, the long log", "---"]
    for i in range(count):
        lines.append(SENTENCES[i % len(SENTENCES)].format(a=i % 9 + 1, b=i % 10, n=1_000 + i, m=i % 400 + 3, d=i % 19 + 1, p=i % 80 + 10))
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-big-") as tmp:
        folder = Path(tmp) / "corpus"
        shutil.copytree(SEEDS, folder)
        (folder / "one-line.txt").write_text("The Varn river rose 2.4 metres on March 3, the water board said. " * 170_000, encoding="utf-8")
        (folder / "many-lines.md").write_text(many_lines(args.sentences), encoding="utf-8")
        sizes = {p.name: p.stat().st_size for p in folder.glob("*-*.*") if p.name in ("one-line.txt", "many-lines.md")}
        here = os.getcwd()
        os.chdir(tmp)  # no settings but the defaults
        try:
            started = time.perf_counter()
            result = CliRunner().invoke(timeline, ["check", "corpus", "--format", "json"], catch_exceptions=False)
            wall = time.perf_counter() - started
            listed = CliRunner().invoke(timeline, ["claims", "corpus/many-lines.md", "--format", "json"], catch_exceptions=False)
        finally:
            os.chdir(here)
    report = json.loads(result.stdout)
    rules = Counter(f["rule"] for f in report["findings"])
    seeds_ok = {"figure-contradiction", "figure-divergence", "status-change"} <= set(rules)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"files: {', '.join(f'{name} {size / 1e6:.1f} MB' for name, size in sorted(sizes.items()))}, plus seeds/")
    print(f"wall {wall:.2f} s, exit {result.exit_code}, peak RSS {rss:.0f} MB, claims in many-lines.md: {len(json.loads(listed.stdout)['mentions']):,}")
    print("stderr:", *result.stderr.splitlines(), sep="\n  ")
    print("findings by rule:", dict(sorted(rules.items())))
    print("RESULT:", "PASS: the seeds' conflicts are still reported" if seeds_ok else "FAIL: the seeds' conflicts are missing")
    sys.exit(0 if seeds_ok else 1)


if __name__ == "__main__":
    main()
