"""`timeline show` and the date and status rules of `timeline check` on invented stories.

Each folder under ``tests/stories/`` that holds a ``timeline.yaml`` lists what
a careful editor building a chronology of the story expects: every real dated
happening (``events``), the pairs a careless merger would fuse
(``distinct``), the dates two articles give differently for one happening
(``date_mismatches``), weekdays that disagree with the date beside them
(``weekday_mismatches``), the status findings expected (``statuses``) and
look-alikes that must not produce a finding (``lookalikes``). The format is
in ``tests/stories/README.md``.

Two kinds of test:

* schema tests: the expectations are true of the articles (each source line
  mentions its event, each weekday mismatch is one by the calendar, ids are
  unique and every reference names something that exists);
* score cards per story, with the project's targets: at least 70% of the
  events on the timeline at their date, at most two rows per event, at least
  half of the date mismatches and of the status findings reported, no
  look-alike flagged and no distinct pair in one row. Their messages list
  exactly what was missed.

The matching lives here so that ``bench/score_timeline.py`` scores by hand
with the same definitions.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

STORIES = Path(__file__).resolve().parent / "stories"

STATUS_RULES = ("status-change", "status-update", "status-regression")
DATE_RULES = ("date-mismatch", "weekday-mismatch")
SCORED_RULES = DATE_RULES + STATUS_RULES

# The project's targets for the timeline on a story.
EVENT_RECALL_FLOOR = 0.7  # share of expected events on the timeline at their date
ROWS_PER_EVENT_CEILING = 2.0  # timeline rows per expected event
MISMATCH_RECALL_FLOOR = 0.5  # share of date mismatches reported
STATUS_RECALL_FLOOR = 0.5  # share of expected status findings reported


# --- reading the expectations -------------------------------------------------


def load_timeline_expected(story: Path) -> dict:
    data = yaml.safe_load((story / "timeline.yaml").read_text(encoding="utf-8")) or {}
    for section in ("events", "distinct", "date_mismatches", "weekday_mismatches", "statuses", "lookalikes"):
        data[section] = data.get(section) or []
    for case in data["events"] + data["statuses"] + data["lookalikes"]:
        if case.get("words"):
            case["words"] = [str(w) for w in case["words"]]  # YAML reads a year as a number
    return data


def timeline_stories(folder: Path = STORIES) -> list[Path]:
    """Story folders with a ``timeline.yaml``: ``folder`` itself if it is one, else its children."""
    if (folder / "timeline.yaml").is_file():
        return [folder]
    return sorted(p for p in folder.iterdir() if (p / "timeline.yaml").is_file())


def tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def has_word(text: str, words: list[str]) -> bool:
    """Whether one of ``words`` begins a word of ``text`` ("derail" in "Derailment")."""
    return any(t.startswith(w) for t in tokens(text) for w in words)


def period(value) -> tuple[dt.date, dt.date]:
    """First and last day of an ISO date at day, month or year precision (YAML may hand over a date or an int)."""
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        day = dt.date.fromisoformat(text)
        return day, day
    if re.fullmatch(r"\d{4}-\d{2}", text):
        year, month = map(int, text.split("-"))
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    if re.fullmatch(r"\d{4}", text):
        return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
    raise ValueError(f"not an ISO date at day, month or year precision: {text!r}")


def row_period(row: dict) -> tuple[dt.date, dt.date] | None:
    date = row.get("date")
    if row.get("undated") or not date or not date.get("start") or not date.get("end"):
        return None
    return dt.date.fromisoformat(date["start"][:10]), dt.date.fromisoformat(date["end"][:10])


def name(path: str) -> str:
    return Path(path).name


def row_files(row: dict) -> set[str]:
    return {name(s["path"]) for s in row.get("sources") or []}


def row_places(row: dict) -> set[tuple[str, int]]:
    return {(name(s["path"]), s.get("line")) for s in row.get("sources") or []}


def event_files(event: dict) -> set[str]:
    return {s["file"] for s in event["sources"]}


def event_places(event: dict) -> set[tuple[str, int]]:
    return {(s["file"], s["line"]) for s in event["sources"]}


def describe_row(row: dict) -> str:
    date = (row.get("date") or {}).get("value") or "undated"
    places = ", ".join(f"{f}:{line}" for f, line in sorted(row_places(row), key=str))
    return f"{date} {row.get('title')!r} [{places}]"


def describe_event(event: dict) -> str:
    places = ", ".join(f"{s['file']}:{s['line']}" for s in event["sources"])
    return f"{event['id']} ({event['date']}, words {event['words']}) [{places}]"


# --- matching the timeline ----------------------------------------------------


def row_is_event(row: dict, event: dict) -> bool:
    """A row stands for an event when it names it and cites one of its articles (its date aside)."""
    return has_word(row.get("title") or "", event["words"]) and bool(row_files(row) & event_files(event))


def date_fits(row: dict, event: dict) -> bool:
    """The same day, or one date containing the other at a coarser precision."""
    got = row_period(row)
    if got is None:
        return False
    want = period(event["date"])
    return (got[0] <= want[0] and want[1] <= got[1]) or (want[0] <= got[0] and got[1] <= want[1])


def date_right(row: dict, event: dict) -> bool:
    """The row's date equals the event's at the row's precision (no finer than the articles give)."""
    got, want = row_period(row), period(event["date"])
    return got is not None and got[0] <= want[0] and want[1] <= got[1]


def date_exact(row: dict, event: dict) -> bool:
    return row_period(row) == period(event["date"])


def rows_for(rows: list[dict], event: dict) -> list[dict]:
    """The rows that find an event: its words in the title, one of its articles cited, a fitting date."""
    return [r for r in rows if row_is_event(r, event) and date_fits(r, event)]


def fused(row: dict, first: dict, second: dict) -> bool:
    """Whether one row cites a place of each event that the other event does not share."""
    a, b = event_places(first), event_places(second)
    places = row_places(row)
    return bool(places & (a - b)) and bool(places & (b - a))


# --- matching the findings ----------------------------------------------------


def finding_files(finding: dict) -> set[str]:
    files = {name(c["path"]) for c in finding.get("claims") or [] if c.get("path")}
    if finding.get("path"):
        files.add(name(finding["path"]))
    return files


def finding_places(finding: dict) -> set[tuple[str, int]]:
    places = {(name(c["path"]), c.get("line")) for c in finding.get("claims") or [] if c.get("path")}
    if finding.get("path"):
        places.add((name(finding["path"]), finding.get("line")))
    return places


def finding_text(finding: dict) -> str:
    parts = [finding.get("subject") or "", finding.get("message") or ""]
    for claim in finding.get("claims") or []:
        parts += [str(claim.get(k) or "") for k in ("text", "quote", "subject", "title", "state")]
    return " ".join(parts)


def of_rule(findings: list[dict], rule: str) -> list[dict]:
    return [f for f in findings if f.get("rule") == rule]


def mismatch_found(findings: list[dict], case: dict) -> bool:
    return any(set(case["files"]) <= finding_files(f) for f in of_rule(findings, "date-mismatch"))


def weekday_found(findings: list[dict], case: dict) -> bool:
    return any((case["file"], case["line"]) in finding_places(f) for f in of_rule(findings, "weekday-mismatch"))


def status_found(findings: list[dict], case: dict) -> bool:
    return any(
        set(case["files"]) <= finding_files(f) and has_word(finding_text(f), case["words"])
        for f in of_rule(findings, case["rule"])
    )


def lookalike_flagged(findings: list[dict], case: dict) -> list[dict]:
    """The findings of the look-alike's rule that touch it: its files, its line, its words (those given)."""
    hits = []
    for f in of_rule(findings, case["rule"]):
        if case.get("files") and not set(case["files"]) <= finding_files(f):
            continue
        if case.get("line") and (case["file"], case["line"]) not in finding_places(f):
            continue
        if case.get("words") and not has_word(finding_text(f), case["words"]):
            continue
        hits.append(f)
    return hits


# --- one story's score ----------------------------------------------------------


@dataclass
class Score:
    story: str
    events: int = 0
    found: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)  # descriptions of events not found
    split: list[str] = field(default_factory=list)  # events found on several rows
    right: int = 0  # found events whose row date equals theirs at the row's precision
    exact: int = 0  # found events whose row date equals theirs at their own precision
    rows: int = 0
    undated_rows: int = 0
    fused: list[str] = field(default_factory=list)  # distinct pairs put in one row
    mismatches: int = 0
    mismatches_missed: list[str] = field(default_factory=list)
    weekdays: int = 0
    weekdays_missed: list[str] = field(default_factory=list)
    statuses: int = 0
    statuses_missed: list[str] = field(default_factory=list)
    lookalikes: int = 0
    flagged: list[str] = field(default_factory=list)
    rule_findings: dict[str, int] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        return len(self.found) / self.events if self.events else 1.0

    @property
    def rows_per_event(self) -> float:
        return self.rows / self.events if self.events else 0.0


def score(story: Path, shown: dict, checked: dict) -> Score:
    """Score ``timeline show`` (``shown``) and ``timeline check`` (``checked``) JSON on one story."""
    expected = load_timeline_expected(story)
    rows = shown.get("timeline") or []
    findings = checked.get("findings") or []
    s = Score(story.name, events=len(expected["events"]), rows=len(rows))
    s.undated_rows = sum(1 for r in rows if row_period(r) is None)
    for event in expected["events"]:
        matching = rows_for(rows, event)
        if not matching:
            near = [r for r in rows if row_is_event(r, event)]
            hint = "; rows with its words and articles but another date: " + ", ".join(map(describe_row, near)) if near else ""
            s.missed.append(describe_event(event) + hint)
            continue
        s.found.append(event["id"])
        if len(matching) > 1:
            s.split.append(f"{event['id']} on {len(matching)} rows: " + "; ".join(map(describe_row, matching)))
        s.right += any(date_right(r, event) for r in matching)
        s.exact += any(date_exact(r, event) for r in matching)
    by_id = {e["id"]: e for e in expected["events"]}
    for first, second in expected["distinct"]:
        for row in rows:
            if fused(row, by_id[first], by_id[second]):
                s.fused.append(f"{first} and {second} in one row: {describe_row(row)}")
    s.mismatches = len(expected["date_mismatches"])
    s.mismatches_missed = [
        f"{c['event']} in {' and '.join(c['files'])} ({c.get('note', '')})"
        for c in expected["date_mismatches"]
        if not mismatch_found(findings, c)
    ]
    s.weekdays = len(expected["weekday_mismatches"])
    s.weekdays_missed = [
        f"{c['file']}:{c['line']} {c['text']!r}" for c in expected["weekday_mismatches"] if not weekday_found(findings, c)
    ]
    s.statuses = len(expected["statuses"])
    s.statuses_missed = [
        f"{c['rule']} {c['words']} in {' and '.join(c['files'])} ({c.get('note', '')})"
        for c in expected["statuses"]
        if not status_found(findings, c)
    ]
    s.lookalikes = len(expected["lookalikes"])
    for case in expected["lookalikes"]:
        hits = lookalike_flagged(findings, case)
        if hits:
            where = case.get("files") or [f"{case.get('file')}:{case.get('line')}"]
            s.flagged.append(f"{case['rule']} {case.get('words', '')} in {', '.join(map(str, where))} ({case.get('note', '')}): {hits[0].get('message', '')}")
    s.rule_findings = {rule: len(of_rule(findings, rule)) for rule in SCORED_RULES}
    return s


# --- weekdays -------------------------------------------------------------------

WEEKDAYS = [d.lower() for d in calendar.day_name]
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})


def published(path: Path) -> dt.date:
    text = path.read_text(encoding="utf-8")
    front = text.split("---")[1]
    value = yaml.safe_load(front)["published"]
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def weekday_and_date(text: str, year: int) -> tuple[str, dt.date]:
    """Read "Monday, March 9", "Monday 9 March" or "Monday, March 9, 2026" (year from the article when absent)."""
    words = tokens(text)
    day_name = next(w for w in words if w in WEEKDAYS)
    month = next(MONTHS[w] for w in words if w in MONTHS)
    numbers = [int(w) for w in words if w.isdigit()]
    day = next(n for n in numbers if n <= 31)
    year = next((n for n in numbers if n > 31), year)
    return day_name, dt.date(year, month, day)


# --- the tests ------------------------------------------------------------------

_runs: dict[str, tuple[dict, dict]] = {}


@pytest.fixture
def run(cli):
    """``timeline show`` and ``timeline check`` JSON for a story, computed once per story."""

    def get(story: str) -> tuple[dict, dict]:
        if story not in _runs:
            folder = STORIES / story
            _runs[story] = (cli.json("show", folder), cli.json("check", folder, "--fail-on", "never"))
        return _runs[story]

    return get


def _story_names(section: str | None = None) -> list[str]:
    return [p.name for p in timeline_stories() if section is None or load_timeline_expected(p)[section]]


def _lines(story: str, file: str) -> list[str]:
    return (STORIES / story / file).read_text(encoding="utf-8").split("\n")


def test_some_stories_have_a_timeline():
    assert timeline_stories(), "no tests/stories/*/timeline.yaml found"


@pytest.mark.parametrize("story", _story_names())
def test_ids_are_unique_and_references_exist(story):
    expected = load_timeline_expected(STORIES / story)
    ids = [e["id"] for e in expected["events"]]
    assert len(ids) == len(set(ids)), f"duplicate ids: {sorted({i for i in ids if ids.count(i) > 1})}"
    problems = []
    for pair in expected["distinct"]:
        if len(pair) != 2 or pair[0] == pair[1] or not set(pair) <= set(ids):
            problems.append(f"distinct {pair}: needs two different existing event ids")
    for case in expected["date_mismatches"]:
        if case["event"] not in ids:
            problems.append(f"date mismatch names unknown event {case['event']}")
    for section in ("date_mismatches", "statuses", "lookalikes"):
        for case in expected[section]:
            for file in case.get("files") or []:
                if not (STORIES / story / file).is_file():
                    problems.append(f"{section}: no file {file}")
    for case in expected["statuses"]:
        if case["rule"] not in STATUS_RULES or not case.get("words") or len(case.get("files") or []) < 2:
            problems.append(f"status {case}: needs a status rule, words and two files")
    for case in expected["lookalikes"]:
        if case["rule"] not in SCORED_RULES or not (case.get("words") or case.get("line")):
            problems.append(f"look-alike {case}: needs a date or status rule and words or a line")
        if case.get("line") and not (STORIES / story / str(case.get("file"))).is_file():
            problems.append(f"look-alike {case}: a line needs the file it is in")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("story", _story_names())
def test_events_are_well_formed(story):
    problems = []
    for event in load_timeline_expected(STORIES / story)["events"]:
        try:
            period(event["date"])
        except ValueError as error:
            problems.append(f"{event['id']}: {error}")
        words = event.get("words") or []
        if not 1 <= len(words) <= 4 or not all(re.fullmatch(r"[a-z0-9]+", w) for w in words):
            problems.append(f"{event['id']}: words must be 1-4 lowercase words, got {words}")
        if not event.get("sources"):
            problems.append(f"{event['id']}: no sources")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("story", _story_names())
def test_every_source_line_mentions_its_event(story):
    problems = []
    for event in load_timeline_expected(STORIES / story)["events"]:
        for source in event["sources"]:
            path = STORIES / story / source["file"]
            if not path.is_file():
                problems.append(f"{event['id']}: no file {source['file']}")
                continue
            lines = _lines(story, source["file"])
            if not 1 <= source["line"] <= len(lines) or not has_word(lines[source["line"] - 1], event["words"]):
                problems.append(f"{event['id']}: {source['file']}:{source['line']} holds none of {event['words']}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("story", _story_names())
def test_mismatched_files_report_the_event(story):
    expected = load_timeline_expected(STORIES / story)
    by_id = {e["id"]: e for e in expected["events"]}
    problems = [
        f"date mismatch on {c['event']}: {sorted(set(c['files']) - event_files(by_id[c['event']]))} not among its sources"
        for c in expected["date_mismatches"]
        if c["event"] in by_id and not set(c["files"]) <= event_files(by_id[c["event"]])
    ]
    problems += [f"date mismatch on {c['event']}: needs two files" for c in expected["date_mismatches"] if len(set(c["files"])) != 2]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("story", _story_names("distinct"))
def test_distinct_events_each_have_a_place_of_their_own(story):
    """Otherwise a row fusing them could not be told from a row for one of them."""
    expected = load_timeline_expected(STORIES / story)
    by_id = {e["id"]: e for e in expected["events"]}
    problems = []
    for first, second in expected["distinct"]:
        a, b = event_places(by_id[first]), event_places(by_id[second])
        if not a - b or not b - a:
            problems.append(f"{first} / {second}: each needs a source line the other does not share")
    assert not problems, "\n".join(problems)


def _weekday_cases(section: str) -> list:
    params = []
    for story in timeline_stories():
        for case in load_timeline_expected(story)[section]:
            if section == "lookalikes" and case["rule"] != "weekday-mismatch":
                continue
            params.append(pytest.param(story.name, case, id=f"{story.name}/{case['file']}:{case['line']}"))
    return params


@pytest.mark.parametrize("story, case", _weekday_cases("weekday_mismatches"))
def test_weekday_mismatch_is_one_by_the_calendar(story, case):
    line = _lines(story, case["file"])[case["line"] - 1]
    assert case["text"] in line, f"{case['text']!r} is not on {case['file']}:{case['line']}"
    weekday, date = weekday_and_date(case["text"], published(STORIES / story / case["file"]).year)
    assert WEEKDAYS[date.weekday()] != weekday, f"{date} really is a {weekday}"


@pytest.mark.parametrize("story, case", _weekday_cases("lookalikes"))
def test_weekday_lookalike_is_right_by_the_calendar(story, case):
    line = _lines(story, case["file"])[case["line"] - 1]
    assert case["text"] in line, f"{case['text']!r} is not on {case['file']}:{case['line']}"
    weekday, date = weekday_and_date(case["text"], published(STORIES / story / case["file"]).year)
    assert WEEKDAYS[date.weekday()] == weekday, f"{date} is a {WEEKDAYS[date.weekday()]}, not a {weekday}"


# Score cards: these measure the timeline and the date and status rules
# against the project's targets, and fail (listing what was missed) until
# the extractor and the rules reach them.


def _score(run, story: str) -> Score:
    shown, checked = run(story)
    return score(STORIES / story, shown, checked)


@pytest.mark.parametrize("story", _story_names("events"))
def test_most_events_are_on_the_timeline_at_their_date(run, story):
    s = _score(run, story)
    listing = "\n".join(f"  missed {m}" for m in s.missed)
    if s.recall < EVENT_RECALL_FLOOR:
        pytest.fail(f"{story}: {len(s.found)} of {s.events} events found ({s.recall:.0%}), target {EVENT_RECALL_FLOOR:.0%}\n{listing}", pytrace=False)


@pytest.mark.parametrize("story", _story_names("events"))
def test_timeline_has_at_most_two_rows_per_event(run, story):
    s = _score(run, story)
    listing = "\n".join(f"  split {x}" for x in s.split)
    if s.rows > ROWS_PER_EVENT_CEILING * s.events:
        pytest.fail(
            f"{story}: {s.rows} rows ({s.undated_rows} undated) for {s.events} events ({s.rows_per_event:.1f} per event), "
            f"at most {ROWS_PER_EVENT_CEILING:g}\n{listing}",
            pytrace=False,
        )


@pytest.mark.parametrize("story", _story_names("date_mismatches"))
def test_most_date_mismatches_are_reported(run, story):
    s = _score(run, story)
    found = s.mismatches - len(s.mismatches_missed)
    listing = "\n".join(f"  missed {m}" for m in s.mismatches_missed)
    if found < MISMATCH_RECALL_FLOOR * s.mismatches:
        pytest.fail(f"{story}: {found} of {s.mismatches} date mismatches reported\n{listing}", pytrace=False)


@pytest.mark.parametrize("story", _story_names("statuses"))
def test_most_status_findings_are_reported(run, story):
    s = _score(run, story)
    found = s.statuses - len(s.statuses_missed)
    listing = "\n".join(f"  missed {m}" for m in s.statuses_missed)
    if found < STATUS_RECALL_FLOOR * s.statuses:
        pytest.fail(f"{story}: {found} of {s.statuses} status findings reported\n{listing}", pytrace=False)


@pytest.mark.parametrize("story", _story_names("lookalikes"))
def test_no_lookalike_is_flagged(run, story):
    s = _score(run, story)
    if s.flagged:
        pytest.fail(f"{story}: {len(s.flagged)} of {s.lookalikes} look-alikes flagged\n" + "\n".join(f"  flagged {x}" for x in s.flagged), pytrace=False)


@pytest.mark.parametrize("story", _story_names("distinct"))
def test_distinct_events_stay_in_separate_rows(run, story):
    s = _score(run, story)
    if s.fused:
        pytest.fail(f"{story}: distinct events merged\n" + "\n".join(f"  {x}" for x in s.fused), pytrace=False)
