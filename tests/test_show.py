"""`timeline show`: one ordered, deduplicated timeline with sources."""

from __future__ import annotations

from pathlib import Path


def test_events_are_in_date_order_and_undated_last(cli, seeds):
    entries = cli.json("show", seeds)["timeline"]
    dated = [e for e in entries if not e["undated"]]
    starts = [e["date"]["start"] for e in dated]
    assert starts == sorted(starts)
    first_undated = next(i for i, e in enumerate(entries) if e["undated"])
    assert all(e["undated"] for e in entries[first_undated:])


def test_inter_ministerial_meeting_appears_once_with_both_sources(cli, seeds):
    entries = cli.json("show", seeds)["timeline"]
    meetings = [e for e in entries if "inter-ministerial meeting" in e["title"].lower()]
    assert len(meetings) == 1
    [meeting] = meetings
    assert meeting["date"]["value"] == "2025-06-17" and meeting["date"]["precision"] == "day"
    files = {Path(s["path"]).name[:3] for s in meeting["sources"]}
    assert files == {"000", "001"}
    quotes = " ".join(s["quote"] for s in meeting["sources"])
    assert "held on June 17" in quotes and "chairing an inter-ministerial meeting" in quotes


def test_undated_friday_meeting_comes_last_marked_undated(cli, seeds):
    entries = cli.json("show", seeds)["timeline"]
    [friday] = [e for e in entries if any("on Friday" in s["quote"] for s in e["sources"])]
    assert friday["undated"] is True and friday["date"] is None
    assert entries.index(friday) > max(i for i, e in enumerate(entries) if not e["undated"])
    table = cli("show", seeds).stdout
    friday_line = next(line for line in table.splitlines() if "high stakes meeting" in line)
    assert friday_line.startswith("undated")


def test_event_dates_carry_their_precision(cli, seeds):
    entries = cli.json("show", seeds)["timeline"]
    ncmm = next(e for e in entries if e["event_kind"] == "announcement" and not e["undated"])
    assert ncmm["date"]["value"] == "2025-01" and ncmm["date"]["precision"] == "month"
