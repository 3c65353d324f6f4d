"""The weekday-mismatch rule: a weekday written beside a date it does not fall on, end to end through the CLI."""

from __future__ import annotations

from pathlib import Path


def articles(tmp_path: Path, **texts: str) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return folder


def mismatches(report: dict) -> list[dict]:
    return [f for f in report["findings"] if f["rule"] == "weekday-mismatch"]


def test_a_weekday_beside_the_wrong_day_is_reported_at_the_date(cli, tmp_path):
    folder = articles(tmp_path, council="---\npublished: 2026-03-20\n---\nThe county council voted on Tuesday, March 9, to close two libraries.\n")
    [finding] = mismatches(cli.json("check", folder))
    assert finding["message"] == '"Tuesday, March 9": March 9, 2026 was a Monday'
    assert finding["severity"] == "warning" and finding["subject"] is None
    assert (Path(finding["path"]).name, finding["line"], finding["column"]) == ("council.md", 4, 29)
    [claim] = finding["claims"]
    assert (claim["kind"], claim["text"], claim["value"]) == ("date", "Tuesday, March 9", "2026-03-09")


def test_a_weekday_that_fits_its_day_is_not_reported(cli, tmp_path):
    folder = articles(
        tmp_path,
        council="---\npublished: 2026-03-20\n---\nThe council voted on Monday, March 9, to close two libraries. It met again on Tuesday (March 10).\n",
    )
    assert mismatches(cli.json("check", folder)) == []


def test_a_stated_year_is_checked_and_a_later_day_is_in_the_present(cli, tmp_path):
    folder = articles(
        tmp_path,
        election="---\npublished: 2026-10-12\n---\nVoters go to the polls on Monday, November 3, 2026, in the first mid-term in a decade.\n",
    )
    [finding] = mismatches(cli.json("check", folder))
    assert finding["message"] == '"Monday, November 3, 2026": November 3, 2026 is a Tuesday'


def test_a_wrong_weekday_in_a_dateline_is_reported_and_fails_on_warning(cli, tmp_path):
    folder = articles(tmp_path, wire="Wednesday, August 14, 2025\n\nThe port reopened after the storm.\n")
    report = cli.json("check", folder)
    [finding] = mismatches(report)
    assert finding["message"] == '"Wednesday, August 14, 2025": August 14, 2025 was a Thursday' and finding["line"] == 1
    assert cli("check", folder, "--fail-on", "warning").exit_code == 1
    assert cli("check", folder).exit_code == 0


def test_an_undated_article_checks_the_weekday_against_the_year_it_states(cli, tmp_path):
    folder = articles(tmp_path, undated="The inquiry opened on Friday, March 3, 2023. It closed on Tuesday, March 3, 2025.\n")
    [finding] = mismatches(cli.json("check", folder))
    assert finding["message"] == '"Tuesday, March 3, 2025": March 3, 2025 was a Monday'



def test_the_rule_is_listed_and_explained(cli):
    assert "weekday-mismatch" in cli("rules").stdout
    explained = cli("rules", "--explain", "weekday-mismatch").stdout
    assert "weekday-dates" in explained and "Monday, March 9" in explained
