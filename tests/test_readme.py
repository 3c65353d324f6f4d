"""README stays true: its set-up commands are the ones CI runs, its JSON keys exist, its `timeline show` examples run."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

from click.testing import CliRunner

from timeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def fenced_commands() -> list[str]:
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", README, re.S)]


def test_first_two_commands_set_up_and_run_the_main_job_and_the_tests():
    main_job, tests = fenced_commands()[:2]
    assert "pip install ." in main_job and main_job.endswith("timeline check seeds")
    assert "pip install '.[test]'" in tests and tests.endswith("pytest")


def test_ci_runs_exactly_the_readme_test_command_then_checks_the_seeds_against_their_baseline():
    """The check follows the test line, whose `. .venv/bin/activate` is still in force for it."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    tests = ci.index(fenced_commands()[1])
    assert ci[tests + 1 :] == ["timeline check seeds --baseline seeds.baseline.json"]
    assert "timeline check seeds --baseline seeds.baseline.json" in README


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


def inline_show_commands() -> list[str]:
    """Every `timeline show ...` the README spells out in full, as one line."""
    spans = re.findall(r"`(timeline show [^`]+)`", README.replace("\n", " "))
    return [" ".join(span.split()) for span in spans if "PATH" not in span and "[" not in span]


def test_readme_show_commands_run_on_the_seeds(cli, tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    commands = inline_show_commands()
    assert len(commands) >= 4
    for command in commands:
        result = cli(*shlex.split(command)[1:])
        assert result.exit_code == 0, (command, result.stderr)
        assert result.stdout.strip(), command


def test_readme_markdown_example_is_what_show_prints(cli, tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    [(command, example)] = re.findall(r"`(timeline show [^`]+)` prints:\n\n```markdown\n(.*?)```", README, re.S)
    assert cli(*shlex.split(command)[1:]).stdout == example


def test_readme_filter_examples_say_what_show_prints(cli, tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    assert "timeline show seeds --since 2025-06" in inline_show_commands()
    entries = cli.json("show", "seeds", "--since", "2025-06")["timeline"]
    assert [(e["date"]["value"], e["title"]) for e in entries] == [("2025-06-17", "Inter-ministerial meeting held")]
    assert "timeline show seeds --subject MEETING" in inline_show_commands()
    titles = {e["title"] for e in cli.json("show", "seeds", "--subject", "MEETING")["timeline"]}
    assert titles == {"Inter-ministerial meeting held", "high stakes meeting"}


def test_documented_timeline_fields_and_show_options_exist(cli):
    entries = cli.json("show", ROOT / "seeds")["timeline"]
    keys = set().union(*(e.keys() for e in entries))
    for key in ("date", "undated", "event_kind", "title", "subject", "sources", "source_count"):
        assert f"`{key}`" in README and key in keys
    help_text = cli("show", "--help").stdout
    for option in re.findall(r"(--[a-z][a-z-]+)", help_text):
        assert f"`{option}" in README, option


def test_readme_check_format_examples_are_what_check_prints(cli, tmp_path):
    """Each `check` format's example is its real output on the seeds: all of concise, github's first line, sarif's first result, markdown's start."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    examples = dict(re.findall(r"`timeline check seeds --format (\w+)`[^`]*?(?:prints|:)\n\n```(?:text|json|markdown)\n(.*?)```", README, re.S))
    assert set(examples) == {"concise", "github", "sarif", "markdown"}
    assert cli("check", "seeds", "--format", "concise").stdout == examples["concise"]
    assert cli("check", "seeds", "--format", "github").stdout.splitlines(keepends=True)[0] == examples["github"]
    first_result = json.loads(cli("check", "seeds", "--format", "sarif").stdout)["runs"][0]["results"][0]
    assert json.loads(examples["sarif"]) == first_result
    assert cli("check", "seeds", "--format", "markdown").stdout.startswith(examples["markdown"])
    help_text = cli("check", "--help").stdout
    assert "table|json|concise|github|sarif|markdown" in help_text
    for option in re.findall(r"(--[a-z][a-z-]+)", help_text):
        assert f"`{option}" in README, option


def test_readme_table_example_is_the_first_block_check_prints(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    [example] = re.findall(r"the first block of `timeline check seeds` is:\n\n```text\n(.*?)```", README, re.S)
    output = CliRunner(env={"COLUMNS": "100"}).invoke(main, ["check", "seeds"]).stdout
    assert output.split("\n\n")[0] + "\n" == example
