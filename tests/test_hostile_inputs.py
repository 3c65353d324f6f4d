"""Every broken or hostile input: exit code, one line naming it, no traceback, the rest checked, nothing modified.

The cases are data in ``hostile_inputs.py``. Each is put beside a copy of the
sample corpus, so the test also sees that the seeds' own findings survive it.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from hostile_inputs import CASES, READ, WARNED, Case

ROOT = Path(__file__).resolve().parent.parent


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return {str(p): (_content(p), p.stat().st_mtime_ns) for p in files}


def _content(path: Path) -> bytes:
    with open(path, "rb") as file:  # not Path.read_bytes, which a case may make refuse
        return file.read()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", folder)
    return folder


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_input(cli, corpus, case: Case, monkeypatch):
    case.build(corpus)
    if case.during is not None:
        case.during(corpus, monkeypatch)
    before = snapshot(corpus)
    result = cli("check", corpus, "--format", "json")
    assert "Traceback" not in result.output + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    report = json.loads(result.stdout)
    rules = {finding["rule"] for finding in report["findings"]}
    assert {"figure-contradiction", "figure-divergence", "status-change"} <= rules, "the seeds are still checked"
    if case.outcome == READ:
        assert result.exit_code == 1 and result.stderr == "", result.stderr
        assert "input-error" not in rules
    elif case.outcome == WARNED:  # read, and said what was cut: a warning, not an incomplete check
        assert result.exit_code == 1 and "input-error" not in rules
        [line] = result.stderr.splitlines()
        assert re.fullmatch(rf"timeline: warning: {re.escape(str(corpus))}/a\.txt:{case.line}: .+", line) and case.says in line, line
        [warning] = [f for f in report["findings"] if f["rule"] == "long-sentence"]
        assert warning["severity"] == "warning" and case.says in warning["message"]
        assert report["summary"]["unreadable"] == 0
    else:
        assert result.exit_code == 2
        [line] = result.stderr.splitlines()
        where = re.escape(str(corpus)) + r"/[^:]+" + (f":{case.line}" if case.line else r"(:\d+)?")
        assert re.fullmatch(rf"timeline: error: {where}: .+", line), line
        assert case.says in line, line
        [error] = [f for f in report["findings"] if f["rule"] == "input-error"]
        assert error["severity"] == "error" and case.says in error["message"]
        assert report["summary"]["unreadable"] == 1
    for command in ("show", "claims"):
        other = cli(command, corpus)
        assert "Traceback" not in other.output + other.stderr and other.exit_code == (2 if case.outcome == "error" else 0)
    if case.removed:
        del before[str(corpus / case.removed)]
    assert snapshot(corpus) == before, "no input is modified"


def test_there_are_at_least_thirty_hostile_inputs():
    assert len(CASES) >= 30 and len({case.name for case in CASES}) == len(CASES)
