"""Score `timeline show` and the date and status rules of `timeline check` on story folders, by hand.

    python bench/score_timeline.py tests/stories             # the stories the suite tests
    python bench/score_timeline.py tests/stories/bridge-closure
    python bench/score_timeline.py tests/heldout             # the held-out stories
    python bench/score_timeline.py -v tests/stories          # also list what was missed

Each story folder with a ``timeline.yaml`` (format in
``tests/stories/README.md``) is run through ``timeline show`` and
``timeline check --fail-on never`` and scored with the definitions of
``tests/test_timeline_stories.py``:

* events: an expected event is found when a timeline row has a date that
  fits it (the same day, or one containing the other at a coarser
  precision), a title with one of its words (by prefix) and one of its
  articles among its sources; ``split`` counts events found on more than one
  row; ``date ok`` counts found events whose row date equals theirs at the
  row's precision, ``exact`` at the event's own precision;
* rows: timeline rows (undated ones in brackets) and rows per expected event;
* mismatches: a ``date-mismatch`` finding whose claims include both files;
  weekdays: a ``weekday-mismatch`` finding on the file and line;
* statuses: a finding of the expected status rule whose claims include the
  files and which names one of the words;
* flagged: look-alikes that drew a finding (false positives);
* findings: every finding of those rules, for precision.

Rules that do not exist yet simply find nothing. This is a measurement,
never a test: held-out stories must not be tuned against.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner
from tabulate import tabulate

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_timeline_stories import SCORED_RULES, Score, score, timeline_stories  # noqa: E402

from timeline.cli import main  # noqa: E402


def run_json(*args: str) -> dict:
    """One CLI command's JSON, run from an empty folder so no project settings apply."""
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as empty:
        os.chdir(empty)
        try:
            result = CliRunner().invoke(main, [*args, "--format", "json"])
        finally:
            os.chdir(cwd)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise RuntimeError(f"timeline {' '.join(args)} failed: {result.exception!r}")
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError as error:
        raise RuntimeError(f"timeline {' '.join(args)} printed no JSON (exit {result.exit_code}): {result.output[:300]}") from error


def score_story(story: Path) -> Score:
    folder = str(story.resolve())
    return score(story, run_json("show", folder), run_json("check", folder, "--fail-on", "never"))


def ratio(found: int, total: int) -> str:
    return f"{found}/{total} ({found / total:.0%})" if total else "0/0"


def line(s: Score) -> list:
    found = len(s.found)
    return [
        s.story,
        ratio(found, s.events),
        len(s.split),
        f"{s.right}/{found}",
        f"{s.exact}/{found}",
        f"{s.rows} ({s.undated_rows})",
        f"{s.rows_per_event:.2f}",
        ratio(s.mismatches - len(s.mismatches_missed), s.mismatches),
        ratio(s.weekdays - len(s.weekdays_missed), s.weekdays),
        ratio(s.statuses - len(s.statuses_missed), s.statuses),
        f"{len(s.flagged)}/{s.lookalikes}",
        len(s.fused),
        "/".join(f"{s.rule_findings[r]}" for r in SCORED_RULES),
    ]


HEADERS = [
    "story",
    "events found",
    "split",
    "date ok",
    "exact",
    "rows (undated)",
    "rows/event",
    "date mm",
    "weekday mm",
    "statuses",
    "look-alikes flagged",
    "fused",
    "findings d/w/sc/su/sr",
]
# the last column counts every finding of date-mismatch, weekday-mismatch,
# status-change, status-update and status-regression, in that order


def total(scores: list[Score]) -> Score:
    t = Score("total")
    for s in scores:
        t.events += s.events
        t.found += s.found
        t.missed += s.missed
        t.split += s.split
        t.right += s.right
        t.exact += s.exact
        t.rows += s.rows
        t.undated_rows += s.undated_rows
        t.fused += s.fused
        t.mismatches += s.mismatches
        t.mismatches_missed += s.mismatches_missed
        t.weekdays += s.weekdays
        t.weekdays_missed += s.weekdays_missed
        t.statuses += s.statuses
        t.statuses_missed += s.statuses_missed
        t.lookalikes += s.lookalikes
        t.flagged += s.flagged
        for rule, n in s.rule_findings.items():
            t.rule_findings[rule] = t.rule_findings.get(rule, 0) + n
    return t


def details(s: Score) -> list[str]:
    out = [f"  missed event {m}" for m in s.missed]
    out += [f"  split {x}" for x in s.split]
    out += [f"  fused {x}" for x in s.fused]
    out += [f"  missed date mismatch {m}" for m in s.mismatches_missed]
    out += [f"  missed weekday mismatch {m}" for m in s.weekdays_missed]
    out += [f"  missed status {m}" for m in s.statuses_missed]
    out += [f"  flagged look-alike {x}" for x in s.flagged]
    return out


def main_() -> None:
    args = sys.argv[1:]
    verbose = "-v" in args
    folders = [Path(a) for a in args if a != "-v"] or [ROOT / "tests" / "stories"]
    stories = [story for folder in folders for story in timeline_stories(folder)]
    if not stories:
        sys.exit(f"no story folder with a timeline.yaml under {', '.join(map(str, folders))}")
    scores = []
    for story in stories:
        try:
            scores.append(score_story(story))
        except Exception as error:  # one story's failure must not hide the others' scores
            print(f"{story.name}: not scored: {error}", file=sys.stderr)
    if not scores:
        sys.exit(1)
    rows = [line(s) for s in scores]
    if len(scores) > 1:
        rows.append(line(total(scores)))
    print(tabulate(rows, headers=HEADERS, disable_numparse=True))
    print("findings d/w/sc/su/sr: date-mismatch / weekday-mismatch / status-change / status-update / status-regression")
    if verbose:
        for s in scores:
            listing = details(s)
            if listing:
                print(f"\n{s.story}")
                print("\n".join(listing))


if __name__ == "__main__":
    main_()
