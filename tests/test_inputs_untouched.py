"""No command changes, adds or removes anything in the corpus it reads.

A copy of the sample corpus plus articles of two other stories and a
long-sentence article (and, in a second run, a broken one) is snapshotted (every path under
it, with bytes and modification time) and every command is run on it in
every output format, including those that write files (export ``-o``,
``check --write-baseline``) to a path outside it. After each command the
snapshot must be identical; an ``-o`` path inside the corpus is refused.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STORIES = ("river-flood", "train-derailment")


def snapshot(folder: Path) -> dict[str, tuple[bytes, int] | str]:
    found: dict[str, tuple[bytes, int] | str] = {}
    for path in sorted(folder.rglob("*")):
        stat = path.lstat()
        found[str(path)] = "folder" if path.is_dir() else (path.read_bytes(), stat.st_mtime_ns)
    return found


@pytest.fixture(params=["readable", "with a broken article"])
def corpus(tmp_path: Path, request) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    for story in STORIES:
        shutil.copytree(ROOT / "tests" / "stories" / story, folder / story, ignore=shutil.ignore_patterns("*.yaml"))
    (folder / "table.txt").write_text("---\npublished: 2032-03-04\n---\nGauges read " + ", ".join(f"{i} metres" for i in range(900)) + ".\n", encoding="utf-8")
    if request.param != "readable":  # then nothing is written at all: an incomplete check writes no export or baseline
        (folder / "broken.md").write_bytes(b"---\npublished: [unclosed\n---\nText.\n")
    past = 1_600_000_000_000_000_000
    for path in folder.rglob("*"):
        os.utime(path, ns=(past, past), follow_symlinks=False)  # an mtime a rewrite could not keep by chance
    return folder


def commands(corpus: Path, out: Path) -> list[tuple[str, ...]]:
    checks = [("check", str(corpus), "--format", f) for f in ("table", "json", "concise", "github", "sarif", "markdown")]
    shows = [("show", str(corpus), "--format", f) for f in ("table", "json", "markdown")]
    claims = [("claims", str(corpus), "--format", f) for f in ("table", "json")]
    exports = [("export", str(corpus), "--format", f, "-o", str(out / f"chronology.{f}")) for f in ("markdown", "json", "csv")]
    return [
        *checks, *shows, *claims, *exports, ("export", str(corpus)),
        ("check", str(corpus), "--write-baseline", str(out / "baseline.json")),
        ("check", str(corpus), "--baseline", str(out / "baseline.json")),
        ("check", str(corpus), "--new", str(corpus / "seeds" / "004_146535670ad2fdfe.txt")),
        ("rules",), ("rules", "--explain", "figure-contradiction"), ("schema",), ("schema", "check"),
    ]  # fmt: skip


def test_no_command_touches_the_corpus(cli, corpus, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    before = snapshot(corpus)
    for command in commands(corpus, out):
        result = cli(*command)
        assert "Traceback" not in result.output + result.stderr, command
        assert result.exit_code in (0, 1, 2), (command, result.exit_code)
        assert snapshot(corpus) == before, f"`timeline {' '.join(command)}` changed the corpus"
    written = {p.name for p in out.iterdir()}
    if not (corpus / "broken.md").exists():
        assert written == {"chronology.markdown", "chronology.json", "chronology.csv", "baseline.json"}, "the outputs went where they were sent"
    else:
        assert written == set()


@pytest.mark.parametrize("inside", ["chronology.md", "seeds/chronology.md"])
def test_an_output_path_inside_the_corpus_is_refused(cli, corpus, inside):
    before = snapshot(corpus)
    result = cli("export", corpus, "-o", corpus / inside)
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()[-1:]
    assert line.startswith("timeline: error:") and "corpus" in line, line
    assert snapshot(corpus) == before
