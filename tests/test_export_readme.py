"""README's "Exporting a chronology" stays true: each example is what the command prints on the seeds."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    """The README's ``## title`` section, up to the next ``## `` heading outside a fenced block."""
    lines, inside, fenced = [], False, False
    for line in README.splitlines(keepends=True):
        if line.startswith("```"):
            fenced = not fenced
        if not fenced and line.startswith("## "):
            if inside:
                break
            inside = line.strip() == f"## {title}"
        elif inside:
            lines.append(line)
    return "".join(lines)


SECTION = section("Exporting a chronology")


@pytest.fixture
def seeds_here(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")


def example(command_pattern: str, language: str) -> tuple[str, str]:
    [(command, text)] = re.findall(rf"`({command_pattern})`[^`]*?(?:prints|with):\n\n```{language}\n(.*?)```", SECTION, re.S)
    return command, text


def run(cli, command: str):
    result = cli(*shlex.split(command)[1:])
    assert result.exit_code == 0, (command, result.stderr)
    return result


def test_the_markdown_example_is_what_export_prints(cli, seeds_here):
    command, text = example(r"timeline export [^`]+", "markdown")
    assert "--format" not in command
    assert run(cli, command).stdout == text


def test_the_csv_example_is_what_export_prints(cli, seeds_here):
    command, text = example(r"timeline export [^`]+--format csv", "text")
    printed = run(cli, command).stdout_bytes.decode("utf-8")
    assert printed.replace("\r\n", "\n") == text and printed.count("\r\n") == text.count("\n")


def test_the_json_example_is_how_export_ends(cli, seeds_here):
    command, text = example(r"timeline export seeds --format json", "json")
    assert run(cli, command).stdout.endswith(text)


def test_every_export_option_and_both_commands_are_documented(cli):
    for option in re.findall(r"(--[a-z][a-z-]+|-o\b)", cli("export", "--help").stdout):
        assert f"`{option}" in README, option
    for name in ("claims", "findings", "timeline", "export"):
        assert f"`timeline schema {name}`" in README
        run(cli, f"timeline schema {name}")
    for row in ("| `timeline export [PATH...]` |", "| `timeline schema [DOCUMENT]` |"):
        assert row in README
