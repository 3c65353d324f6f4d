"""README stays true: its set-up commands are the ones CI runs, and its JSON keys exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def fenced_commands() -> list[str]:
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", README, re.S)]


def test_first_two_commands_set_up_and_run_the_main_job_and_the_tests():
    main_job, tests = fenced_commands()[:2]
    assert "pip install ." in main_job and main_job.endswith("timeline check seeds")
    assert "pip install '.[test]'" in tests and tests.endswith("pytest")


def test_ci_runs_exactly_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == fenced_commands()[1]


def test_documented_json_fields_are_produced(cli):
    seeds = ROOT / "seeds"
    mention_keys = set().union(*(m.keys() for m in cli.json("claims", seeds)["mentions"]))
    for key in ("kind", "path", "line", "column", "text", "value", "start", "end", "precision", "low", "high", "unit", "qualifier", "subject", "metric", "state"):
        assert f"`{key}`" in README and key in mention_keys
    report = cli.json("check", seeds)
    finding_keys = set().union(*(f.keys() for f in report["findings"]))
    assert {"rule", "severity", "subject", "message", "claims"} <= finding_keys
    claim_keys = set().union(*(c.keys() for f in report["findings"] for c in f["claims"]))
    assert {"path", "line", "column", "text", "quote"} <= claim_keys
