"""Shared fixtures: the seed corpus, the default rule set and a CLI runner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import main
from timeline.ruleset import load_ruleset

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def ruleset():
    return load_ruleset()


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A private copy of the seeds, so tests may add files next to them."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


class Cli:
    """Invoke the CLI in-process, from a working folder of the test's own."""

    def __call__(self, *args: str):
        return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)

    def json(self, *args: str) -> dict:
        result = self(*args, "--format", "json")
        return json.loads(result.stdout)


@pytest.fixture
def cli(tmp_path: Path, monkeypatch) -> Cli:
    """The CLI, run from ``tmp_path`` (so the repository's pyproject.toml is not read)."""
    monkeypatch.chdir(tmp_path)
    return Cli()
