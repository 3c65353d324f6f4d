"""The CLI applies each article's fiscal year and shows a weekday that disagrees with its date in JSON."""

from __future__ import annotations


def write(folder, name, front, body):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")


def dates(cli, folder, text):
    mentions = cli.json("claims", str(folder))["mentions"]
    return [m for m in mentions if m["kind"] == "date" and m["text"] == text]


def test_front_matter_fiscal_year_start_sets_the_article_fiscal_year(cli, tmp_path):
    write(tmp_path / "s", "us.txt", "title: Agency budget\npublished: 2026-02-10\nsource: Capitol Ledger\nfiscal-year-start: 10\n", "Spending rose in FY26.")
    write(tmp_path / "s", "in.txt", "title: Port budget\npublished: 2026-02-10\nsource: Harbour Daily\n", "Spending rose in FY26.")
    by_file = {m["path"].split("/")[-1]: m["value"] for m in cli.json("claims", str(tmp_path / "s"))["mentions"] if m["kind"] == "date" and m["text"] == "FY26"}
    assert by_file == {"us.txt": "2025-10-01/2026-09-30", "in.txt": "2025-04-01/2026-03-31"}


def test_weekday_conflict_is_in_the_json_date_fields(cli, tmp_path):
    write(tmp_path / "s", "a.txt", "title: Ferry\npublished: 2026-03-20\nsource: Harbour Daily\n", "The ferry sailed again on Tuesday, March 9.")
    [mention] = dates(cli, tmp_path / "s", "Tuesday, March 9")
    assert mention["value"] == "2026-03-09" and mention["weekday_conflict"] == "Tuesday"
