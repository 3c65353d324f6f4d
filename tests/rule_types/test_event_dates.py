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
        ("Work on the Tollmere jetty was halted on March 2.", "Work on the Brackwold jetty was halted on March 4."),  # two named jetties
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


def test_a_verb_and_its_noun_on_two_days_are_one_event(cli, tmp_path):
    write(tmp_path / "s", "a.txt", "2026-03-05", "The old pier has been closed to the public since March 2.")
    write(tmp_path / "s", "b.txt", "2026-03-09", "Kiosk owners say trade has dried up since the pier's closure on March 4.")
    [finding] = mismatches(cli, tmp_path / "s")
    assert {c["date"]["value"] for c in finding["claims"]} == {"2026-03-02", "2026-03-04"}


def test_every_source_of_each_date_is_in_the_finding(cli, tmp_path):
    write(tmp_path / "s", "a.txt", "2026-03-05", "The Harbour Board suspended the ferry service on March 2.")
    write(tmp_path / "s", "b.txt", "2026-03-06", "On March 2, the Harbour Board suspended the ferry service.")
    write(tmp_path / "s", "c.txt", "2026-03-07", "The Harbour Board suspended the ferry service on March 4, passengers said.")
    [finding] = mismatches(cli, tmp_path / "s")
    assert sorted(c["path"].split("/")[-1] for c in finding["claims"]) == ["a.txt", "b.txt", "c.txt"]
    assert "a.txt" in finding["message"] and "b.txt" in finding["message"] and "c.txt" in finding["message"]


def test_a_plan_against_a_happening_is_a_status_not_a_mismatch(cli, tmp_path):
    write(tmp_path / "s", "a.txt", "2026-06-23", "The pier reopened to the public on Monday.")
    write(tmp_path / "s", "b.txt", "2026-06-26", "The pier, which is expected to reopen next month, has lost its summer trade.")
    assert mismatches(cli, tmp_path / "s") == []


def test_without_an_object_both_reports_must_name_the_actor(cli, tmp_path):
    write(tmp_path / "s", "a.txt", "2026-09-20", "The survey ship arrived at Port Danver on September 14.")
    write(tmp_path / "s", "b.txt", "2026-09-25", "The crew has been ashore since the ship arrived on September 21.")
    write(tmp_path / "t", "a.txt", "2026-09-20", "The announcement came on September 14.")
    write(tmp_path / "t", "b.txt", "2026-09-25", "The announcement came on September 21.")
    assert len(mismatches(cli, tmp_path / "s")) == 1
    assert mismatches(cli, tmp_path / "t") == []


def test_one_articles_many_reports_of_an_action_are_not_paired_with_each_other(cli, tmp_path, monkeypatch):
    """A log of hundreds of closures in one article costs no pair comparisons: the pairs are only across articles."""
    tried = tried_pairs(monkeypatch)
    log = "\n".join(f"The Harbour Board suspended ferry route {n} on March {n % 9 + 1}." for n in range(1, 301))
    write(tmp_path / "s", "log.txt", "2026-03-12", log)
    assert mismatches(cli, tmp_path / "s") == [] and tried == []
    write(tmp_path / "s", "other.txt", "2026-03-12", "The Harbour Board suspended ferry route 7 on March 6.")
    mismatches(cli, tmp_path / "s")
    assert 0 < len(tried) <= 300, "with a second article, only pairs across the two are tried"


def test_a_log_copied_into_a_second_article_is_asked_about_once_per_date(cli, tmp_path, monkeypatch):
    """Two copies of a log of 300 suspensions on nine days: each article gives every date, so no mismatch; and the
    questions asked are of (article, date) pairs, not of reports (trying every report of one against the other's was cubic)."""
    tried = tried_pairs(monkeypatch)
    log = "\n".join(f"The Harbour Board suspended ferry route {n} on March {n % 9 + 1}." for n in range(1, 301))
    write(tmp_path / "s", "log.txt", "2026-03-12", log)
    write(tmp_path / "s", "copy.txt", "2026-03-12", log)
    assert mismatches(cli, tmp_path / "s") == []
    assert 0 < len(set(tried)) <= 2 * 9 * 9, "once per (article, date) and date"


def test_reports_that_share_no_word_are_never_paired(cli, tmp_path, monkeypatch):
    """Many articles each saying a different thing reopened: no pair can be one event, so none is tried."""
    tried = tried_pairs(monkeypatch)
    syllables = ["bar", "cov", "dun", "fel", "gar", "hol", "kem", "lor", "mur", "nes", "pol", "rav"]
    for n in range(60):
        name = (syllables[n % 12] + syllables[n // 12 % 12] + "ton").capitalize()
        write(tmp_path / "s", f"a{n:02d}.txt", "2026-03-12", f"The {name} was reopened on March {n % 9 + 1}.")
    assert mismatches(cli, tmp_path / "s") == [] and tried == []


def test_work_on_one_named_thing_on_two_days_is_a_mismatch(cli, tmp_path):
    """The subject's "on" phrase says which work was halted: the same jetty's work on two days conflicts."""
    write(tmp_path / "s", "a.txt", "2026-03-05", "Work on the Tollmere jetty was halted on March 2.")
    write(tmp_path / "s", "b.txt", "2026-03-07", "Work on the Tollmere jetty was halted on March 4, the ferry company said.")
    [finding] = mismatches(cli, tmp_path / "s")
    assert "Tollmere jetty" in finding["message"]


def tried_pairs(monkeypatch) -> list:
    """The questions date-mismatch asks of a report and a date or a later report (``run_open``, ``takes``), as it runs."""
    from timeline.event_reports import ReportGroups

    tried = []
    for name in ("run_open", "takes"):
        real = getattr(ReportGroups, name)
        monkeypatch.setattr(ReportGroups, name, lambda self, *args, real=real: tried.append(args) or real(self, *args))
    return tried
