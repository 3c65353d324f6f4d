"""Benchmark: `timeline check` end to end on synthetic corpora of 100 to 10,000 articles, with conflicts of known truth.

Run by hand (never from the test suite). Usage::

    python bench/bench_scale.py [--sizes 100,1000,10000] [--seed 7] [--every 10] [--naive-sample 50]
    python bench/bench_scale.py --sizes 100,1000          # a quick run

For each size N it writes N articles of about 3 KB (``bench/synthetic_corpus.py``: five invented story
domains, dates, figures, statuses, events and boilerplate, no sentence twice) into a temporary folder,
with a conflict injected in every K-th pair of articles (``--every``): both articles state one quantity
about one invented subject, for the same time, with values that cannot both hold.

It then runs the real ``python -m timeline check FOLDER --format json`` as a subprocess, from the
temporary folder (so no pyproject.toml settings apply), inside a fresh child Python that reports the
check's own peak RSS (``RUSAGE_CHILDREN``), so the peak is per run. It prints, per N: wall time,
articles/s, claims/s (claims counted with ``timeline claims FOLDER --format json``, not timed), peak
RSS, the injected conflicts found (a finding of the expected rule holding both statements) out of
those injected, and the number of other findings. Beside it, a "naive pipeline" on the first
min(N, --naive-sample) articles: read each article and call
``dateparser.search.search_dates(body, settings={"RELATIVE_BASE": published})``; it prints its
articles/s and the ratio timeline/naive (above 1: timeline reads more articles a second than
dateparser alone finds dates in them). Then the size of the claims cache the check wrote, and the
same check again after one more article (another seed's, so it shares no sentence) is added: the
re-check a CI job runs on a pull request, with every other article in the cache.

Finally: the wall-time ratio 10k/1k when both sizes ran (about 10 means linear), and the wall time of
``python -m timeline --version`` (best of 5, the start-up cost in every run). Exits 1 when an injected
conflict was missed at some size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_corpus import Conflict, generate, write  # noqa: E402

# A child Python that runs one command (stdout to a file) and prints its wall time, exit code and peak
# RSS as JSON: the peak of RUSAGE_CHILDREN in a fresh process is that command's alone.
CHILD = r"""
import json, resource, subprocess, sys, time
out = open(sys.argv[1], "wb")
started = time.perf_counter()
code = subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.PIPE).returncode
wall = time.perf_counter() - started
kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "code": code, "maxrss_kib": kib}))
"""
RSS_DIVISOR = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss is bytes on macOS, KiB on Linux


def measured(command: list[str], out: Path, cwd: Path) -> dict:
    """Run `command` in a fresh child Python; returns wall, exit code and peak RSS in MB."""
    env = dict(os.environ, CI="1")  # no progress line, whatever stderr is
    done = subprocess.run([sys.executable, "-c", CHILD, str(out), *command], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    report = json.loads(done.stdout)
    report["rss"] = report.pop("maxrss_kib") / RSS_DIVISOR
    return report


def matches(conflicts: list[Conflict], findings: list[dict]) -> tuple[list[Conflict], int]:
    """The conflicts that some finding of the expected rule holds both statements of (file, line and
    claim text), and the number of findings that hold no conflict."""
    held = [(f["rule"], {(Path(c["path"]).name, c["line"], c["text"]) for c in f["claims"]}) for f in findings]
    hit, used = [], set()
    for conflict in conflicts:
        wanted = set(zip(conflict.files, conflict.lines, conflict.texts))
        which = [i for i, (rule, claims) in enumerate(held) if rule == conflict.rule and wanted <= claims]
        if which:
            hit.append(conflict)
            used.update(which)
    return hit, used


def split_article(path: Path) -> tuple[str, dt.datetime]:
    """Body and publication date of a generated article (front matter between --- lines)."""
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    published = yaml.safe_load(front)["published"]
    return body, dt.datetime.combine(published, dt.time())


def naive(paths: list[Path]) -> tuple[float, int]:
    """Wall time and dates found by dateparser's search_dates, one article at a time."""
    from dateparser.search import search_dates

    search_dates("warm-up on March 3", settings={"RELATIVE_BASE": dt.datetime(2025, 1, 1)})  # imports and caches, not timed
    started = time.perf_counter()
    dates = 0
    for path in paths:
        body, published = split_article(path)
        dates += len(search_dates(body, settings={"RELATIVE_BASE": published}) or [])
    return time.perf_counter() - started, dates


def run(size: int, seed: int, every: int, sample: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        corpus.mkdir()
        articles, conflicts = write(corpus, size, seed, every)
        check = measured([sys.executable, "-m", "timeline", "check", "corpus", "--format", "json"], work / "check.json", work)
        if check["code"] not in (0, 1):
            sys.exit(f"timeline check failed on N={size}: exit {check['code']}")
        listed = subprocess.run([sys.executable, "-m", "timeline", "claims", "corpus", "--format", "json"], cwd=work, capture_output=True, check=True)
        claims = len(json.loads(listed.stdout)["mentions"])
        document = json.loads((work / "check.json").read_text(encoding="utf-8"))
        cache_bytes = sum(f.stat().st_size for f in (work / ".timeline-cache").iterdir())
        [added], _ = generate(1, seed + 1, every)  # another story's article: no sentence of the corpus
        (corpus / "article-added.md").write_bytes(added.text.encode("utf-8"))
        recheck = measured([sys.executable, "-m", "timeline", "check", "corpus", "--format", "json"], work / "recheck.json", work)
        naive_wall, naive_dates = naive([corpus / a.name for a in articles[:sample]])
    findings = document["findings"]
    hits, used = matches(conflicts, findings)
    other = [f for i, f in enumerate(findings) if i not in used]
    return {
        "size": size, "wall": check["wall"], "rss": check["rss"], "claims": claims, "findings": len(findings),
        "cache_mb": cache_bytes / 1e6, "recheck_wall": recheck["wall"], "recheck_rss": recheck["rss"],
        "conflicts": len(conflicts), "found": len(hits), "missed": [c for c in conflicts if c not in hits],
        "other": len(other), "other_rules": Counter(f["rule"] for f in other),
        "naive_n": min(size, sample), "naive_wall": naive_wall, "naive_dates": naive_dates,
    }  # fmt: skip


def version_wall() -> float:
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "timeline", "--version"], capture_output=True, check=True, cwd=tempfile.gettempdir())
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated numbers of articles (default: 100,1000,10000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--every", type=int, default=10, help="inject a conflict in every K-th pair of articles (default 10)")
    parser.add_argument("--naive-sample", type=int, default=50, help="articles given to the naive dateparser pipeline (default 50; it reads about 2 a second)")
    args = parser.parse_args()
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    print(f"synthetic corpus, ~3 KB articles, a conflict in every {args.every}th pair; `python -m timeline check --format json` in a subprocess")
    print(f"{'N':>6} {'wall s':>8} {'art/s':>8} {'claims':>9} {'claims/s':>9} {'RSS MB':>7} {'found':>9} {'other':>6}"
          f" {'naive N':>8} {'naive art/s':>12} {'tl/naive':>9}")  # fmt: skip
    results, failed = {}, False
    for size in sizes:
        r = run(size, args.seed, args.every, args.naive_sample)
        results[size] = r
        rate = size / r["wall"]
        naive_rate = r["naive_n"] / r["naive_wall"] if r["naive_wall"] else float("nan")
        failed |= r["found"] < r["conflicts"]
        print(f"{size:>6} {r['wall']:>8.2f} {rate:>8.1f} {r['claims']:>9,} {r['claims'] / r['wall']:>9.0f} {r['rss']:>7.0f}"
              f" {str(r['found']) + '/' + str(r['conflicts']):>9} {r['other']:>6} {r['naive_n']:>8} {naive_rate:>12.1f} {rate / naive_rate:>9.2f}", flush=True)  # fmt: skip
        rules = ", ".join(f"{rule} {n}" for rule, n in sorted(r["other_rules"].items()))
        print(f"{'':>6} other findings by rule: {rules or 'none'}")
        print(f"{'':>6} claims cache {r['cache_mb']:.1f} MB; re-check after adding one article {r['recheck_wall']:.2f} s, peak RSS {r['recheck_rss']:.0f} MB")
        for c in r["missed"][:5]:
            print(f"{'':>6} MISSED {c.rule} {c.template}: {c.files[0]}:{c.lines[0]} {c.texts[0]!r} vs {c.files[1]}:{c.lines[1]} {c.texts[1]!r}")
    if 1000 in results and 10000 in results:
        ratio = results[10000]["wall"] / results[1000]["wall"]
        print(f"wall time N=10000 against N=1000: x{ratio:.1f} ({'linear' if ratio < 15 else 'superlinear'}; x10 is linear, under x15 counts as linear)")
    print(f"`python -m timeline --version`: {version_wall() * 1000:.0f} ms (best of 5)")
    print("RESULT:", "FAIL: some injected conflicts were missed (see MISSED above)" if failed else "PASS: every injected conflict found at every size")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
