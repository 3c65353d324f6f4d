"""Benchmark: `timeline check` end to end on a corpus where one quantity is disputed by every article.

Run by hand (never from the test suite). Usage::

    python bench/bench_figure_cluster.py [--sizes 250,500,1000,2000] [--seed 7] [--lexicon]
    python bench/bench_figure_cluster.py --sizes 50,100          # a quick run

For each size N it writes N articles into a temporary folder, all published
on 2026-02-10. Every article has a few paragraphs of filler and ONE sentence
giving the number of people evacuated in Marlow County "by Tuesday", worded a
little differently from article to article but with a value of its own, plus
a few other figures that every article states alike and that must not be
grouped with it: evacuations in the neighbouring Hollin County, emergency aid
in dollars, volunteers, roads closed, the river's peak.

It then runs the real `timeline check PATH --format json` in process (click's
CliRunner, from the temporary folder) and prints, per N: wall time, claims
extracted (counted with `timeline claims`, not timed), findings in total,
findings whose claims include the evacuation figures, the size of the JSON
output, time per claim and the process's peak RSS so far (sizes run in
ascending order, so it is the peak of the largest run yet). Finally, the ratio
of time per claim between the largest and the smallest N: near 1 means the
check grew linearly with the corpus.

Expected of the engine: exactly ONE finding covers the disputed quantity and
holds all N evacuation figures, and nothing else is flagged. An engine that
reports one finding per pair of disagreeing figures prints N(N-1)/2 findings
and grows quadratically: start with the quick run (with ``--lexicon``, such
an engine writes about 32 MB of JSON for N=200 and some 3 GB for N=2000). The
script exits 1 when the expectation fails for some N.

With ``--lexicon`` the check runs with a copy of the built-in rule set whose
lexicon names Marlow County, Hollin County and the number of people
evacuated, for an engine that compares only figures the lexicon can place;
without it the corpus is read with the built-in rule set as is.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml
from click.testing import CliRunner

from timeline.cli import main as timeline
from timeline.ruleset import default_rules_dir

PUBLISHED = "2026-02-10"  # a Tuesday: "by Tuesday" is the publication day in every article
EVACUATED = [
    "Officials in Marlow County said {n:,} people had been evacuated by Tuesday.",
    "Officials in Marlow County said {n:,} people had been evacuated as of Tuesday.",
    "In Marlow County, {n:,} people had been evacuated by Tuesday, officials said.",
    "Marlow County officials said {n:,} people had been evacuated from their homes by Tuesday.",
    "Emergency officials in Marlow County said on Tuesday that {n:,} people had been evacuated.",
]
OTHER_FIGURES = [  # the same value in every article: nothing to flag, and nothing to group with the evacuations
    "In neighbouring Hollin County, 800 people were evacuated.",
    "The state released $12 million in emergency aid.",
    "Some 350 volunteers staffed the shelters.",
    "About 40% of the county's roads were closed.",
    "The river peaked at 6.2 metres on Monday night.",
]
FILLER = [
    "Heavy rain fell across the valley for a third day.",
    "Schools in the area stayed closed and buses ran on shorter routes.",
    "Forecasters expect the weather to ease later in the week.",
    "Residents described water rising quickly in the early hours.",
    "The main bridge into town was closed while engineers inspected it.",
    "Shops on the high street stacked sandbags against their doors.",
    "A spokesperson for the fire service urged people to avoid flooded roads.",
    "Farmers said fields near the river were under water.",
    "Volunteers handed out blankets and hot meals at the community hall.",
    "The local council opened a helpline for people needing shelter.",
    "Power was restored to most homes by the evening.",
    "Insurers said it was too early to estimate the cost of the damage.",
    "Rail services between the two towns were suspended.",
    "Police closed several lanes after landslips on the hillside.",
    "Officials said the clean-up would take weeks.",
]
LEXICON = {  # taught with --lexicon
    "entities": [{"id": "Marlow County", "aliases": ["Marlow County", "Marlow"]}, {"id": "Hollin County", "aliases": ["Hollin County", "Hollin"]}],
    "metrics": [{"id": "people-evacuated", "label": "number of people evacuated", "units": ["count"], "phrases": ["evacuated", "evacuation", "evacuations"]}],
}


def write_corpus(folder: Path, size: int, rng: random.Random) -> dict[str, tuple[int, str]]:
    """N articles; returns, per file name, the line and text of its evacuation figure."""
    values = rng.sample(range(8_000, 20_000), size)  # a different value in every article
    disputed: dict[str, tuple[int, str]] = {}
    for index, value in enumerate(values):
        lines = ["---", f"title: Marlow County floods, report {index + 1}", f"published: {PUBLISHED}", f"source: Bench Wire {index % 7 + 1}", "---", ""]
        filler = rng.sample(FILLER, 8)  # no sentence twice in one article
        lines += [" ".join(filler[:3]), ""]
        disputed[f"article-{index:05d}.md"] = (len(lines) + 1, f"{value:,} people")
        lines += [" ".join([rng.choice(EVACUATED).format(n=value), *filler[3:5]]), ""]
        lines += [" ".join([*rng.sample(OTHER_FIGURES, rng.randint(2, 4)), filler[5]]), ""]
        lines += [" ".join(filler[6:])]
        (folder / f"article-{index:05d}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return disputed


def taught_rules(folder: Path) -> Path:
    """A copy of the built-in rule set whose lexicon knows the bench's subjects and measured thing."""
    rules = folder / "rules"
    shutil.copytree(default_rules_dir(), rules)
    for name, key in (("entities.yaml", "entities"), ("metrics.yaml", "metrics")):
        path = rules / "lexicon" / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data[key] += LEXICON[key]
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return rules


def run(size: int, seed: int, lexicon: bool) -> dict:
    rng = random.Random(seed * 100_003 + size)
    with tempfile.TemporaryDirectory(prefix="bench-cluster-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        corpus.mkdir()
        disputed = write_corpus(corpus, size, rng)
        extra = ["--rules", str(taught_rules(work))] if lexicon else []
        here = os.getcwd()
        os.chdir(work)  # no pyproject.toml settings but the defaults
        try:
            runner = CliRunner()
            started = time.perf_counter()
            checked = runner.invoke(timeline, ["check", "corpus", "--format", "json", *extra], catch_exceptions=False)
            wall = time.perf_counter() - started
            listed = runner.invoke(timeline, ["claims", "corpus", "--format", "json", *extra], catch_exceptions=False)
        finally:
            os.chdir(here)
    if checked.exit_code not in (0, 1) or listed.exit_code != 0:
        sys.exit(f"timeline failed on N={size}: exit {checked.exit_code}\n{checked.stderr}")
    findings = json.loads(checked.stdout)["findings"]
    claims = len(json.loads(listed.stdout)["mentions"])

    def evacuation(claim: dict) -> bool:
        line, text = disputed.get(Path(claim["path"]).name, (None, None))
        return claim["line"] == line and claim["text"] == text

    covering = [f for f in findings if any(evacuation(c) for c in f["claims"])]
    covered = {Path(c["path"]).name for f in covering for c in f["claims"] if evacuation(c)}
    mixed = [f for f in covering if not all(evacuation(c) for c in f["claims"])]
    return {
        "size": size, "wall": wall, "claims": claims, "findings": len(findings), "covering": len(covering),
        "covered": len(covered), "mixed": len(mixed), "bytes": len(checked.stdout.encode("utf-8")),
        "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250,500,1000,2000", help="comma-separated numbers of articles (default: 250,500,1000,2000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--lexicon", action="store_true", help="teach a copy of the rule set the bench's subjects and measured thing")
    args = parser.parse_args()
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    print(f"one disputed quantity (people evacuated in Marlow County) stated differently in each of N articles; rules: {'built-in + bench lexicon' if args.lexicon else 'built-in'}")
    print(f"{'N':>6} {'wall s':>9} {'claims':>8} {'findings':>9} {'evac':>7} {'JSON bytes':>12} {'ms/claim':>9} {'peak RSS MB':>12}  one finding for the disputed quantity?")
    results, failed = [], False
    for size in sizes:
        r = run(size, args.seed, args.lexicon)
        results.append(r)
        per_claim = r["wall"] / r["claims"] * 1000 if r["claims"] else float("nan")
        ok = r["covering"] == 1 and r["covered"] == size and r["mixed"] == 0 and r["findings"] == 1
        failed |= not ok
        verdict = "PASS" if ok else (
            f"FAIL: {r['covering']} findings cover it (expected exactly 1), holding {r['covered']} of {size} evacuation figures; "
            f"{r['mixed']} mix in other figures; {r['findings'] - r['covering']} other findings"
        )  # fmt: skip
        print(f"{size:>6} {r['wall']:>9.2f} {r['claims']:>8,} {r['findings']:>9,} {r['covering']:>7,} {r['bytes']:>12,} {per_claim:>9.3f} {r['rss']:>12.0f}  {verdict}", flush=True)
    if len(results) >= 2 and results[0]["claims"] and results[-1]["claims"]:
        small, large = results[0], results[-1]
        ratio = (large["wall"] / large["claims"]) / (small["wall"] / small["claims"])
        shape = "linear" if ratio < 1.5 else "superlinear"
        print(f"time per claim, N={large['size']} against N={small['size']}: x{ratio:.2f} ({shape}; under x1.5 counts as linear)")
    print("RESULT:", "FAIL (see the rows above)" if failed else "PASS: exactly one finding per disputed quantity at every size")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
