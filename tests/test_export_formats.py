"""`timeline export --format json|csv`: the same timeline and findings as `show` and `check`, in another shape."""

from __future__ import annotations

import csv
import io
import json

import pytest

from timeline.render.export_csv import HEADER, cell

RANK = {"error": 3, "warning": 2, "info": 1}

STORY = {
    "01-courier.md": (
        "---\ntitle: Ferry service halted after storm\nsource: Harbour Courier\npublished: 2031-05-02\n"
        "url: https://courier.example/ferry\n---\n"
        "The island council suspended the ferry service on May 1, 2031, after the storm.\n\n"
        "The storm damaged 40 boats in the harbour, the harbour master said on Friday.\n"
    ),
    "02-notes.txt": (
        "date 2031-05-03 The island council suspended the ferry service on May 1, 2031, a spokesperson said.\n\n"
        "The storm damaged 65 boats in the harbour, the harbour master said on Friday.\n"
    ),
}


@pytest.fixture
def ferry(tmp_path):
    folder = tmp_path / "ferry"
    folder.mkdir()
    for name, text in STORY.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def export_json(cli, *args: str) -> dict:
    result = cli("export", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# --- JSON ------------------------------------------------------------------


@pytest.mark.parametrize("corpus", ["seeds", "ferry"])
def test_json_timeline_is_what_show_prints_and_disputed_what_check_finds(cli, seeds, ferry, corpus):
    document = export_json(cli, corpus, "--min-severity", "info")
    assert list(document) == ["title", "sources", "timeline", "disputed", "summary"]
    assert document["timeline"] == cli.json("show", corpus)["timeline"]
    findings = cli.json("check", corpus)["findings"]
    assert document["disputed"] == sorted(findings, key=lambda f: -RANK[f["severity"]])
    assert document["disputed"]


def test_json_disputed_keeps_the_findings_at_or_above_the_threshold(cli, seeds):
    findings = cli.json("check", "seeds")["findings"]
    for threshold in ("error", "warning", "info"):
        document = export_json(cli, "seeds", "--min-severity", threshold)
        assert [f["severity"] for f in document["disputed"]] == sorted((f["severity"] for f in findings if RANK[f["severity"]] >= RANK[threshold]), key=lambda s: -RANK[s])
        assert document["summary"]["min_severity"] == threshold
        assert document["summary"]["disputed"] == len(document["disputed"])


def test_json_sources_carry_the_front_matter(cli, ferry):
    document = export_json(cli, "ferry")
    assert document["title"] == "Ferry: a chronology"
    assert document["sources"] == [
        {"path": "ferry/01-courier.md", "title": "Ferry service halted after storm", "outlet": "Harbour Courier", "published": "2031-05-02", "url": "https://courier.example/ferry"},
        {"path": "ferry/02-notes.txt", "title": None, "outlet": None, "published": "2031-05-03", "url": None},
    ]  # fmt: skip


def test_json_summary_counts_what_the_document_holds(cli, seeds):
    document = export_json(cli, "seeds")
    summary = document["summary"]
    undated = sum(1 for e in document["timeline"] if e["undated"])
    assert summary == {
        "articles": len(document["sources"]), "unreadable": 0, "events": len(document["timeline"]),
        "dated": len(document["timeline"]) - undated, "undated": undated, "disputed": len(document["disputed"]), "min_severity": "warning",
    }  # fmt: skip
    assert summary["articles"] == 5 and undated >= 1


# --- CSV -------------------------------------------------------------------


def csv_text(cli, *args: str) -> str:
    """The bytes printed, decoded: CliRunner's ``stdout`` would turn the CRLF line ends into LF."""
    return cli("export", *args, "--format", "csv").stdout_bytes.decode("utf-8")


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("corpus", ["seeds", "ferry"])
def test_csv_has_one_row_per_event_with_date_precision_title_sources_first_source_and_quote(cli, seeds, ferry, corpus):
    text = csv_text(cli, corpus)
    assert text.split("\r\n")[0] == ",".join(HEADER)
    entries = cli.json("show", corpus)["timeline"]
    table = rows(text)
    assert len(table) == len(entries) > 0
    for row, entry in zip(table, entries):
        first = entry["sources"][0]
        assert row == {
            "date": entry["date"]["value"] if entry["date"] else "", "precision": entry["date"]["precision"] if entry["date"] else "",
            "title": entry["title"], "sources": str(entry["source_count"]), "first_source": f"{first['path']}:{first['line']}",
            "quote": " ".join(first["quote"].split()),
        }  # fmt: skip


@pytest.mark.parametrize("corpus", ["seeds", "ferry"])
def test_csv_rows_are_one_crlf_line_each(cli, seeds, ferry, corpus):
    text = csv_text(cli, corpus)
    entries = cli.json("show", corpus)["timeline"]
    assert text.endswith("\r\n") and text.count("\r\n") == len(entries) + 1 and "\n" not in text.replace("\r\n", "")


@pytest.mark.parametrize(
    "text, written",
    [
        ("=HYPERLINK(\"http://evil.example\")", "'=HYPERLINK(\"http://evil.example\")"),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("  =1+1", "'=1+1"),
        ("\t=1+1", "'=1+1"),
        ("Plan = approved", "Plan = approved"),
        ("red \x1b[31mtext\n next", "red \\x1b[31mtext next"),
        ("2031-05-01", "2031-05-01"),
    ],
)
def test_cells_never_start_a_formula_and_show_control_characters(text, written):
    assert cell(text) == written


def test_a_hostile_sentence_is_text_in_a_spreadsheet_and_on_a_terminal(cli, tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "a.md").write_text(
        "---\npublished: 2031-05-09\n---\n=cmd|' /C calc'!A0 The island council suspended the \x1b[31mferry service on May 1, 2031.\n", encoding="utf-8"
    )
    text = csv_text(cli, "hostile")
    [row] = rows(text)
    assert row["quote"].startswith("'=cmd|")
    assert "\x1b" not in text and "\\x1b[31m" in row["quote"]
