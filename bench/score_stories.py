"""Score `timeline check` on story folders by hand: conflicts found, findings that match, look-alikes kept apart.

    python bench/score_stories.py tests/heldout           # the held-out stories
    python bench/score_stories.py tests/stories           # the stories the suite tests

Each story folder holds articles and an ``expected.yaml`` (format in
``tests/stories/README.md``). A conflict counts as found by the same rule
the test suite uses; a finding "matches" when it holds at least two claims
of one expected conflict. This is a measurement, never a test: held-out
stories must not be tuned against.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_stories import _contains_all, _found, _load_expected  # noqa: E402

from timeline.cli import main  # noqa: E402


def score(story: Path) -> tuple[int, int, int, int, int, int]:
    report = json.loads(CliRunner().invoke(main, ["check", str(story), "--format", "json"]).stdout)
    expected = _load_expected(story)
    conflicts, lookalikes = expected.get("conflicts") or [], expected.get("non_conflicts") or []
    findings = [f for f in report["findings"] if f["rule"] != "article-undated"]
    found = [c for c in conflicts if _found(report["findings"], c)]
    matching = [f for f in findings if any(sum(_contains_all(f, [claim]) for claim in c["claims"]) >= 2 for c in conflicts)]
    broken = [c for c in lookalikes if any(_contains_all(f, c["claims"]) for f in report["findings"])]
    print(f"{story.name:22} conflicts found {len(found)}/{len(conflicts)}   findings matching {len(matching)}/{len(findings)}   look-alikes kept apart {len(lookalikes) - len(broken)}/{len(lookalikes)}")
    for case in conflicts:
        if case not in found:
            print(f"    missed {case['id']} ({case['kind']})")
    for case in broken:
        print(f"    put together {case['id']}")
    return len(found), len(conflicts), len(matching), len(findings), len(lookalikes) - len(broken), len(lookalikes)


def main_() -> None:
    folders = [Path(a) for a in sys.argv[1:]] or [ROOT / "tests" / "heldout"]
    stories = sorted(p for folder in folders for p in folder.iterdir() if (p / "expected.yaml").is_file())
    totals = [sum(column) for column in zip(*(score(story) for story in stories))]
    if totals:
        found, conflicts, matching, findings, kept, lookalikes = totals
        print(f"{'total':22} conflicts found {found}/{conflicts} ({found / max(conflicts, 1):.0%})   findings matching {matching}/{findings} ({matching / max(findings, 1):.0%})   look-alikes kept apart {kept}/{lookalikes}")


if __name__ == "__main__":
    main_()
