"""`timeline show` options: --since, --until, --subject, --min-sources, and `source_count` in JSON.

Most cases run on a small invented story written here (a town council in
Dunmere), so that the dates, sources and titles asserted are known.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from timeline.models import DateValue, EventClaim, Precision, Provenance, TimelineEntry
from timeline.selection import Selection, parse_period, source_count

COUNCIL = {
    "01_courier.txt": """---
title: Dunmere council sits late over budget
published: 2025-03-04
source: Dunmere Courier
---

The Dunmere council held a budget meeting on March 3, chaired by Mayor Ilse Varga.

The council approved the parking scheme in February after two years of debate.

Councillors imposed a ban on night deliveries in the old town.
""",
    "02_wire.txt": """---
title: Late night in Dunmere
published: 2025-03-10
source: Valley Wire
---

Dunmere's council held a budget meeting on March 3 that ran past midnight.

Mayor Ilse Varga announced a flood plan for the riverside on Friday.
""",
    "03_courier.txt": """---
title: Night deliveries return to Dunmere
published: 2025-06-20
source: Dunmere Courier
---

The council lifted the ban on night deliveries on June 18, three months after it began.

The Harbour Board launched a ferry initiative in 2024, Mayor Varga recalled.
""",
}


@pytest.fixture
def council(tmp_path: Path) -> Path:
    folder = tmp_path / "council"
    folder.mkdir()
    for name, text in COUNCIL.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def rows(cli, *args) -> list[tuple[str | None, str]]:
    """(date value or None, title) of every JSON entry, in order."""
    return [((e["date"] or {}).get("value"), e["title"]) for e in cli.json("show", *args)["timeline"]]


def test_the_council_story_reads_as_expected_without_options(cli, council):
    assert rows(cli, council) == [
        ("2024", "Harbour Board launches ferry initiative"),
        ("2025-02", "Council approves parking scheme"),
        ("2025-03-03", "Dunmere's council holds budget meeting"),
        ("2025-03-07", "Mayor Ilse Varga announces flood plan"),
        ("2025-06-18", "Council lifts ban"),
        (None, "ban"),
    ]


def test_since_a_month_starts_on_its_first_day_and_drops_undated_rows(cli, council):
    assert rows(cli, council, "--since", "2025-03") == [("2025-03-03", "Dunmere's council holds budget meeting"), ("2025-03-07", "Mayor Ilse Varga announces flood plan"), ("2025-06-18", "Council lifts ban")]


def test_until_a_month_ends_on_its_last_day(cli, council):
    assert rows(cli, council, "--until", "2025-02") == [("2024", "Harbour Board launches ferry initiative"), ("2025-02", "Council approves parking scheme")]
    assert rows(cli, council, "--until", "2025-03-02") == [("2024", "Harbour Board launches ferry initiative"), ("2025-02", "Council approves parking scheme")]
    assert rows(cli, council, "--until", "2025-03-03")[-1] == ("2025-03-03", "Dunmere's council holds budget meeting")


def test_a_row_is_kept_when_its_span_overlaps_the_period(cli, council):
    # the ferry initiative is dated only "2024": any part of 2024 overlaps it
    assert rows(cli, council, "--since", "2024-06-01", "--until", "2024-06-30") == [("2024", "Harbour Board launches ferry initiative")]
    # the parking scheme is "February": a day inside February overlaps it, the day after does not
    assert rows(cli, council, "--since", "2025-02-28", "--until", "2025-03-02") == [("2025-02", "Council approves parking scheme")]
    assert rows(cli, council, "--since", "2025-03-04", "--until", "2025-03-07") == [("2025-03-07", "Mayor Ilse Varga announces flood plan")]
    assert rows(cli, council, "--since", "2025") == [r for r in rows(cli, council) if r[0] and r[0] >= "2025"]


def test_a_day_since_and_until_is_that_day(cli, council):
    assert rows(cli, council, "--since", "2025-03-03", "--until", "2025-03-03") == [("2025-03-03", "Dunmere's council holds budget meeting")]


def test_the_table_is_filtered_the_same_way(cli, council):
    table = cli("show", council, "--since", "2025-03", "--until", "2025-03").stdout
    assert "budget meeting" in table and "flood plan" in table
    assert "ban" not in table and "undated" not in table and "scheme" not in table


@pytest.mark.parametrize("bad", ["2025-13", "2025-02-30", "June 2025", "25", "2025-6", "2025/06", "yesterday", ""])
@pytest.mark.parametrize("option", ["--since", "--until"])
def test_an_invalid_date_is_a_one_line_usage_error(cli, council, option, bad):
    result = cli("show", council, option, bad)
    assert result.exit_code == 2
    assert result.stdout == ""
    [error] = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert f"Invalid value for '{option}'" in error
    assert "use YYYY, YYYY-MM or YYYY-MM-DD" in error or "not a date on the calendar" in error


def test_since_after_until_is_a_usage_error(cli, council):
    result = cli("show", council, "--since", "2025-07", "--until", "2025-06")
    assert result.exit_code == 2 and result.stdout == ""
    assert "--since 2025-07-01 is after --until 2025-06-30" in result.stderr


def test_subject_matches_the_title_ignoring_case(cli, council):
    assert rows(cli, council, "--subject", "MEETING") == [("2025-03-03", "Dunmere's council holds budget meeting")]
    assert rows(cli, council, "--subject", "Flood  Plan") == [("2025-03-07", "Mayor Ilse Varga announces flood plan")]
    assert rows(cli, council, "--subject", "ban") == [("2025-06-18", "Council lifts ban"), (None, "ban")]
    assert rows(cli, council, "--subject", "tram") == []


def test_subject_matches_the_event_subject(cli, seeds):
    entries = cli.json("show", seeds)["timeline"]
    subjects = {e["subject"] for e in entries if e["subject"]}
    assert subjects, "the sample corpus names subjects for some events"
    subject = min(subjects)
    kept = cli.json("show", seeds, "--subject", subject.upper())["timeline"]
    expected = [e for e in entries if subject.lower() in (e["subject"] or "").lower() or subject.lower() in e["title"].lower()]
    assert kept == expected and any(subject.lower() not in e["title"].lower() for e in kept)


def test_min_sources_counts_distinct_articles(cli, council):
    assert rows(cli, council, "--min-sources", "2") == [("2025-03-03", "Dunmere's council holds budget meeting")]
    assert rows(cli, council, "--min-sources", "3") == []
    assert cli("show", council, "--min-sources", "0").exit_code == 2


def test_options_combine(cli, council):
    assert rows(cli, council, "--since", "2025-03", "--subject", "ban") == [("2025-06-18", "Council lifts ban")]
    assert rows(cli, council, "--since", "2025-03", "--min-sources", "2", "--subject", "plan") == []


def test_json_entries_count_distinct_articles(cli, seeds):
    entries = cli.json("show", seeds)["timeline"]
    for entry in entries:
        assert entry["source_count"] == len({s["path"] for s in entry["sources"]})
    [meeting] = [e for e in entries if e["title"] == "Inter-ministerial meeting held"]
    assert len(meeting["sources"]) == 3 and meeting["source_count"] == 2


def test_json_keeps_every_existing_entry_key(cli, council):
    for entry in cli.json("show", council)["timeline"]:
        assert {"date", "undated", "event_kind", "title", "subject", "sources", "source_count"} <= entry.keys()


# --- the selection itself, on entries built by hand ---------------------------------


def entry(title: str, start: str | None, end: str | None, paths=("a.txt",), subject: str | None = None, precision=Precision.DAY) -> TimelineEntry:
    when = None
    if start:
        first, last = date.fromisoformat(start), date.fromisoformat(end) if end else None
        when = DateValue(text=start, value=f"{start}/{end or '..'}", start=first, end=last, precision=precision)
    sources = tuple(
        EventClaim(provenance=Provenance(path=p, line=i + 1, column=1, quote=title), text=title, event_kind="meeting", title=title, date=when)
        for i, p in enumerate(paths)
    )  # fmt: skip
    return TimelineEntry(date=when, event_kind="meeting", title=title, subject=subject, sources=sources)


def test_an_open_span_reaches_any_later_since():
    talks = entry("talks", "2025-04-04", None, precision=Precision.RANGE)
    assert Selection(since=date(2030, 1, 1)).keeps(talks)
    assert not Selection(until=date(2025, 4, 3)).keeps(talks)


def test_an_unresolved_date_counts_as_undated():
    unresolved = DateValue(text="on Friday", value=None, start=None, end=None, precision=Precision.DAY)
    talks = entry("talks", None, None).model_copy(update={"date": unresolved})
    assert Selection().keeps(talks)
    assert not Selection(since=date(2000, 1, 1)).keeps(talks)


def test_subject_text_matches_subject_or_title():
    hearing = entry("appeal hearing", "2025-05-02", "2025-05-02", subject="Judge Amara Solberg")
    assert Selection(subject="solberg").keeps(hearing)
    assert Selection(subject="APPEAL").keeps(hearing)
    assert not Selection(subject="verdict").keeps(hearing)


def test_source_count_is_distinct_paths():
    assert source_count(entry("talks", None, None, paths=("a.txt", "a.txt", "b.txt"))) == 2


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2025", date(2025, 1, 1), date(2025, 12, 31)),
        ("2025-06", date(2025, 6, 1), date(2025, 6, 30)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2025-06-17", date(2025, 6, 17), date(2025, 6, 17)),
    ],
)
def test_parse_period(text, first, last):
    assert parse_period(text) == (first, last)


# --- the table ---------------------------------------------------------------------


def table_rows(text: str) -> list[list[str]]:
    """Data rows of a tabulate 'simple' table, split on its runs of two or more spaces."""
    return [re.split(r"\s{2,}", line.strip()) for line in text.splitlines()[2:]]


def test_table_has_one_row_per_event_with_date_title_sources_and_first_source(cli, council):
    lines = cli("show", council).stdout.splitlines()
    assert lines[0].split() == ["date", "kind", "event", "sources", "first", "source"]
    assert table_rows("\n".join(lines)) == [
        ["2024", "announcement", "Harbour Board launches ferry initiative", "1", f"{council / '03_courier.txt'}:9"],
        ["Feb 2025", "policy", "Council approves parking scheme", "1", f"{council / '01_courier.txt'}:9"],
        ["3 Mar 2025", "meeting", "Dunmere's council holds budget meeting", "2", f"{council / '01_courier.txt'}:7"],
        ["7 Mar 2025", "announcement", "Mayor Ilse Varga announces flood plan", "1", f"{council / '02_wire.txt'}:9"],
        ["18 Jun 2025", "measure", "Council lifts ban", "1", f"{council / '03_courier.txt'}:7"],
        ["undated", "measure", "ban", "1", f"{council / '01_courier.txt'}:11 (reported 4 Mar 2025)"],
    ]


def test_table_counts_distinct_articles_on_the_seeds(cli, seeds):
    entries = cli.json("show", seeds)["timeline"]
    table = table_rows(cli("show", seeds).stdout)
    assert len(table) == len(entries)
    meeting = next(row for row in table if row[2] == "Inter-ministerial meeting held")
    assert meeting[0] == "17 Jun 2025" and meeting[3] == "2" and meeting[4].endswith("000_fd567ba0cbb0233b.txt:1")


def test_verbose_table_lists_every_source_with_its_quote(cli, council):
    result = cli("show", council, "--verbose")
    assert result.stdout == cli("show", council, "-v").stdout
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["date", "kind", "event", "sources", "source", "quote"]
    table = table_rows(result.stdout)
    sources = sum(len(e["sources"]) for e in cli.json("show", council)["timeline"])
    assert len(table) == sources == 7
    meeting = next(i for i, row in enumerate(table) if row[:4] == ["3 Mar 2025", "meeting", "Dunmere's council holds budget meeting", "2"])
    assert table[meeting][4].endswith("01_courier.txt:7") and table[meeting][5].startswith("The Dunmere council held a budget meeting")
    wire, quote = table[meeting + 1]
    assert wire == f"{council / '02_wire.txt'}:7" and quote.startswith("Dunmere's council held a budget meeting on March 3")
