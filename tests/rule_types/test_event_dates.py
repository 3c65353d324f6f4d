"""date-mismatch: the same event on dates that cannot both hold, found across articles of an invented ferry story."""

from __future__ import annotations

from pathlib import Path

import pytest


def write(folder: Path, name: str, published: str, body: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f"---\ntitle: {name}\npublished: {published}\nsource: Test Wire\n---\n{body}\n", encoding="utf-8")


def mismatches(cli, folder: Path) -> list[dict]:
    findings = cli.json("check", str(folder), "--fail-on", "never")["findings"]
    return [f for f in findings if f["rule"] == "date-mismatch"]


def test_same_event_on_two_days_is_an_error_with_both_quotes(cli, tmp_path):
    write(tmp_path / "s", "a.txt", "2026-03-05", "The Harbour Board suspended the ferry service on March 2 after a hull inspection.")
    write(tmp_path / "s", "b.txt", "2026-03-07", "The Harbour Board suspended the ferry service on March 4, passengers said.")
    [finding] = mismatches(cli, tmp_path / "s")
    assert finding["severity"] == "error"
    assert {c["path"].split("/")[-1] for c in finding["claims"]} == {"a.txt", "b.txt"}
    assert {c["date"]["value"] for c in finding["claims"]} == {"2026-03-02", "2026-03-04"}
    assert all(c["quote"] for c in finding["claims"]) and "2026-03-02" in finding["message"]


@pytest.mark.parametrize(
    "first, second",
    [
        ("The Harbour Board suspended the ferry service on March 2.", "In March, the Harbour Board suspended the ferry service."),  # containment agrees
        ("The Harbour Board suspended the ferry service on March 2.", "The Harbour Board suspended the ferry service on June 20."),  # far apart: two events
        ("The Harbour Board suspended the ferry service on March 2.", "The Harbour Board suspended the night bus on March 4."),  # another object
        ("The Harbour Board suspended the ferry service on March 2.", "The port authority suspended the ferry service on March 4."),  # another actor
    ],
)
def test_look_alikes_are_not_mismatches(cli, tmp_path, first, second):
    write(tmp_path / "s", "a.txt", "2026-03-05", first)
    write(tmp_path / "s", "b.txt", "2026-06-25", second)
    assert mismatches(cli, tmp_path / "s") == []


def test_an_article_that_gives_both_dates_tells_of_two_events(cli, tmp_path):
    write(tmp_path / "s", "a.txt", "2026-03-09", "The Harbour Board suspended the ferry service on March 2.\n\nThe Harbour Board suspended the ferry service again on March 8.")
    write(tmp_path / "s", "b.txt", "2026-03-10", "The Harbour Board suspended the ferry service on March 8.")
    assert mismatches(cli, tmp_path / "s") == []
