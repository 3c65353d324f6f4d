"""The same input gives the same bytes: across runs, hash seeds and the order a folder is listed in."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "tests" / "stories" / "bridge-closure"
COMMANDS = [
    ("check", "--format", "json"),
    ("check", "--format", "sarif"),
    ("show", "--format", "json"),
    ("claims", "--format", "json"),
    ("export", "--format", "markdown"),
]


def run(corpus: Path, command: tuple[str, ...], seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed, "COLUMNS": "100"}
    done = subprocess.run([sys.executable, "-m", "timeline", command[0], str(corpus), *command[1:]], env=env, capture_output=True, cwd=corpus.parent)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_the_same_bytes_whatever_the_hash_seed(tmp_path, command):
    corpus = tmp_path / "story"
    shutil.copytree(STORY, corpus)
    outputs = {run(corpus, command, seed) for seed in ("0", "1", "4242")}
    assert len(outputs) == 1 and outputs.pop()


def test_the_same_bytes_whatever_order_the_folder_is_listed_in(cli, tmp_path, monkeypatch):
    corpus = tmp_path / "story"
    shutil.copytree(STORY, corpus)
    expected = {command: cli(command[0], corpus, *command[1:]).stdout for command in COMMANDS}
    real_rglob = Path.rglob
    for seed in range(3):
        shuffler = random.Random(seed)

        def shuffled(self, pattern):
            found = list(real_rglob(self, pattern))
            shuffler.shuffle(found)
            return iter(found)

        monkeypatch.setattr(Path, "rglob", shuffled)
        for command in COMMANDS:
            assert cli(command[0], corpus, *command[1:]).stdout == expected[command], (seed, command)


def test_the_same_bytes_whatever_order_the_files_were_written_in(cli, tmp_path):
    names = sorted(p.name for p in STORY.iterdir() if p.is_file())
    outputs = set()
    for order in (names, list(reversed(names))):
        corpus = tmp_path / f"story-{len(outputs)}" / "story"
        corpus.mkdir(parents=True)
        for name in order:
            shutil.copy2(STORY / name, corpus / name)
        outputs.add(cli("check", corpus.relative_to(tmp_path), "--format", "json").stdout.replace(str(corpus.parent.name), "X"))
    assert len(outputs) == 1
