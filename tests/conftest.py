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


@pytest.fixture
def corpus_of(tmp_path: Path, monkeypatch):
    """Write ``{name: text}`` as the articles of ``tmp_path/corpus`` and run from ``tmp_path``; returns the folder."""

    def write(articles: dict[str, str]) -> Path:
        folder = tmp_path / "corpus"
        folder.mkdir()
        for name, text in articles.items():
            (folder / name).write_text(text, encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        return folder

    return write


STORY = {
    "a-harbour-post.md": (
        "---\npublished: 2031-03-03\nsource: Harbour Post\n---\n"
        "The launch of the Tellwick rescue drone is expected to take place on Friday, the coastguard said.\n\n"
        "The Tellwick dam holds around 40-45% of the valley reservoir capacity, engineers said on Monday.\n"
    ),
    "b-valley-daily.md": (
        "---\npublished: 2031-03-08\nsource: Valley Daily\n---\n"
        "The Tellwick rescue drone was launched on March 7 from the harbour wall.\n\n"
        "The Tellwick dam holds over 60% of the valley reservoir capacity, engineers said.\n"
    ),
    "c-notes.md": "Engineers inspected the Tellwick spillway after the floods.\n",
}


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """An invented three-article story with one finding of each severity.

    In the engine's path order the info comes first (a:5, status-update),
    then the error (a:7, figure-contradiction), then the warning (c:1,
    article-undated), so it shows whether a format puts errors first.
    """
    folder = tmp_path / "story"
    folder.mkdir()
    for name, text in STORY.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


FLOOD = {
    "01_courier.md": (
        "---\npublished: 2031-05-04\nsource: Ashcombe Courier\n---\n"
        "Heavy rain fell on Ashcombe through the weekend, and the river burst its banks on Saturday night.\n\n"
        "Floodwater covered around 30-35% of the Ashcombe district farmland on Sunday, the county engineer said.\n\n"
        "Volunteers filled sandbags at the school hall until late in the evening.\n"
    ),
    "02_wire.md": (
        "---\npublished: 2031-05-05\nsource: Valley Wire\n---\n"
        "The Ashcombe river fell slowly on Monday after the weekend flood.\n\n"
        "Floodwater covered over 50% of the Ashcombe district farmland on Sunday, the county engineer said.\n\n"
        "The council opened two shelters for families from the lower town.\n"
    ),
    "03_notes.md": (
        "---\npublished: 2031-05-06\nsource: Ashcombe Courier\n---\n"
        "Schools in Ashcombe reopened on Tuesday as the water went down.\n\n"
        "Around 20% of the town's homes were still without power on Tuesday, the grid operator said.\n"
    ),
}


@pytest.fixture
def flood(tmp_path: Path) -> Path:
    """An invented three-article flood story with one figure conflict: the farmland under water (01:7 vs 02:7).

    03 states a power-cut share no other article states yet, so a new
    article can dispute it without touching the farmland conflict.
    """
    folder = tmp_path / "flood"
    folder.mkdir()
    for name, text in FLOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
