"""Clause statuses across articles, end to end: `timeline check` on small invented stories.

Each test writes a few articles (YAML front matter, paragraphs separated by
blank lines) and checks which status rule fires, on which two claims; the
look-alikes must leave the status rules silent.
"""

from __future__ import annotations

from pathlib import Path

STATUS_RULES = {"status-update", "status-change", "status-regression"}


def article(folder: Path, name: str, published: str, *paragraphs: str) -> None:
    front = f"---\ntitle: {name}\npublished: {published}\nsource: Test Wire\n---\n"
    (folder / f"{name}.md").write_text(front + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


def status_findings(cli, folder: Path) -> list[tuple[str, str, list[str]]]:
    report = cli.json("check", folder)
    return [(f["rule"], f["severity"], [c["state"] for c in f["claims"]]) for f in report["findings"] if f["rule"] in STATUS_RULES]


def test_planned_then_done_is_an_update(cli, tmp_path):
    article(tmp_path, "a", "2026-03-03", "The launch of the Kestrel-2 satellite is expected to take place on Friday, the agency said.")
    article(tmp_path, "b", "2026-03-13", "The Kestrel-2 satellite was launched on March 12 from the Varna coast.")
    assert status_findings(cli, tmp_path) == [("status-update", "info", ["planned", "done"])]
    [finding] = [f for f in cli.json("check", tmp_path)["findings"] if f["rule"] == "status-update"]
    assert '"planned" as of 2026-03-03' in finding["message"] and '"done" as of 2026-03-12' in finding["message"]
    assert all({"path", "line", "quote"} <= set(c) for c in finding["claims"])


def test_planned_then_postponed_is_a_change(cli, tmp_path):
    article(tmp_path, "a", "2026-03-03", "The launch of the Kestrel-2 satellite is expected to take place on Friday.")
    article(tmp_path, "b", "2026-03-06", "High winds over the Varna coast forced a change of plan.", "The launch was postponed on Friday morning.")
    assert status_findings(cli, tmp_path) == [("status-change", "warning", ["planned", "postponed"])]


def test_a_strike_set_to_continue_then_called_off_is_a_change(cli, tmp_path):
    article(tmp_path, "a", "2026-05-11", "The port strike at Marlow Bay will continue, union leaders warned.")
    article(tmp_path, "b", "2026-05-14", "On Wednesday the dockworkers' union called off the strike after a night of talks.")
    assert status_findings(cli, tmp_path) == [("status-change", "warning", ["planned", "stopped"])]


def test_it_takes_the_paragraphs_thing(cli, tmp_path):
    article(tmp_path, "a", "2026-03-03", "The launch of the Kestrel-2 satellite is expected to take place on Friday.")
    article(tmp_path, "b", "2026-03-06", "The Kestrel-2 satellite launch was planned for Friday. It was later postponed.")
    assert ("status-change", "warning", ["planned", "postponed"]) in status_findings(cli, tmp_path)


def test_expected_to_reopen_after_it_reopened_is_a_regression(cli, tmp_path):
    article(tmp_path, "a", "2026-04-07", "The Orla footbridge reopened on Monday after three weeks of repairs.")
    article(tmp_path, "b", "2026-04-15", "The Orla footbridge is expected to reopen next week, the council said.")
    assert status_findings(cli, tmp_path) == [("status-regression", "error", ["resumed", "planned"])]


def test_not_paid_then_paid_is_an_update(cli, tmp_path):
    article(tmp_path, "a", "2026-02-02", "The insurer has not paid compensation to the Nessa ferry passengers.")
    article(tmp_path, "b", "2026-02-10", "Compensation was paid on Monday to all 41 passengers.")
    assert status_findings(cli, tmp_path) == [("status-update", "info", ["not done", "done"])]


def test_two_different_things_with_the_same_verb_do_not_meet(cli, tmp_path):
    article(tmp_path, "a", "2026-04-07", "The Orla footbridge is expected to reopen next week.")
    article(tmp_path, "b", "2026-04-15", "The Linden Street library reopened on Monday.")
    assert status_findings(cli, tmp_path) == []


def test_two_plans_named_by_what_follows_them_do_not_meet(cli, tmp_path):
    """Each plan is named by its "to ..." or "for ..." words: one plan's being dropped is not another's change."""
    article(tmp_path, "a", "2026-04-02", "A plan to sell the old Brindle Street fire station is expected to go to the council in May.")
    article(tmp_path, "b", "2026-04-09", "Plans for a new tram depot at Fellgate were shelved by the transport board.")
    assert status_findings(cli, tmp_path) == []
    article(tmp_path, "c", "2026-03-20", "The plan to sell the old Brindle Street fire station was suspended in March.")
    article(tmp_path, "d", "2026-04-21", "The plan to sell the old Brindle Street fire station was revived on Monday.")
    assert status_findings(cli, tmp_path) == [("status-update", "info", ["stopped", "resumed"])]


def test_the_same_state_restated_is_no_finding(cli, tmp_path):
    article(tmp_path, "a", "2026-05-14", "The dockworkers' union called off the strike on Wednesday.")
    article(tmp_path, "b", "2026-05-16", "The strike was called off on Wednesday, port officials confirmed.")
    assert status_findings(cli, tmp_path) == []


def test_a_story_telling_its_own_history_is_no_finding(cli, tmp_path):
    article(tmp_path, "a", "2026-03-13", "The launch of the Kestrel-2 satellite was expected to take place on March 6. It was postponed, and the satellite was launched on March 12.")
    assert status_findings(cli, tmp_path) == []


def test_the_vocabulary_still_reads_the_delegation(cli, seeds):
    report = cli.json("check", seeds)
    assert sorted(f["rule"] for f in report["findings"]) == ["article-undated", "figure-contradiction", "figure-divergence", "status-change"]


def test_a_reopening_postponed_is_the_thing_named_before_it(cli, tmp_path):
    article(tmp_path, "a", "2026-04-02", "The Orla footbridge was closed on March 30, and the council said the footbridge was expected to reopen in late May.")
    article(tmp_path, "b", "2026-05-20", "The Orla footbridge will stay shut, the council said on Tuesday, announcing that the reopening, which had been expected in late May, has been postponed to late June.")
    assert ("status-change", "warning", ["planned", "postponed"]) in status_findings(cli, tmp_path)


def test_closed_then_expected_to_reopen_is_the_story_moving_on(cli, tmp_path):
    article(tmp_path, "a", "2026-03-31", "The Orla footbridge was closed on March 30 after a barge struck a pier.")
    article(tmp_path, "b", "2026-04-03", "The Orla footbridge is expected to reopen in late May.")
    assert status_findings(cli, tmp_path) == []


def test_a_planned_reopening_done_is_an_update(cli, tmp_path):
    article(tmp_path, "a", "2026-06-02", "The tram company expected to reopen one of the two lines through Calder by Sunday.")
    article(tmp_path, "b", "2026-06-08", "One of the two lines through Calder was reopened to trams on Saturday.")
    assert status_findings(cli, tmp_path) == [("status-update", "info", ["planned", "resumed"])]


def test_a_happening_named_by_its_noun_ends(cli, tmp_path):
    article(tmp_path, "a", "2026-10-20", "Talks between the stadium trust and the builders are still pending, the trust said.")
    article(tmp_path, "b", "2026-10-29", "Talks between the stadium trust and the builders concluded on October 27.")
    assert status_findings(cli, tmp_path) == [("status-update", "info", ["pending", "done"])]


def test_the_owner_of_a_launch_is_not_part_of_its_key(cli, tmp_path):
    article(tmp_path, "a", "2026-10-13", "The agency's launch of the Kestrel-2 satellite is expected to take place on Wednesday, October 14.")
    article(tmp_path, "b", "2026-10-15", "Varnia's launch of the Kestrel-2 satellite was called off on Wednesday.")
    assert status_findings(cli, tmp_path) == [("status-change", "warning", ["planned", "stopped"])]


def test_a_background_clause_without_a_date_says_nothing_now(cli, tmp_path):
    article(tmp_path, "a", "2026-06-23", "The Orla footbridge reopened on Monday.")
    article(tmp_path, "b", "2026-06-25", "The ferry, which carried 31,000 people while the footbridge was shut, will stop on June 30.")
    assert status_findings(cli, tmp_path) == []


def test_on_hold_then_resumed_is_an_update(cli, tmp_path):
    article(tmp_path, "a", "2027-03-11", "All work on the library extension is on hold, the city said.")
    article(tmp_path, "b", "2027-04-07", "Work on the library extension resumed on Tuesday, April 6.")
    assert status_findings(cli, tmp_path) == [("status-update", "info", ["stopped", "resumed"])]


def test_a_term_set_to_begin_then_its_start_pushed_back_is_a_change(cli, tmp_path):
    article(tmp_path, "a", "2026-08-07", "The spring term at Hollin Primary is set to begin on August 24.")
    article(tmp_path, "b", "2026-08-14", "The district has pushed back the start of the spring term to September 7.")
    assert status_findings(cli, tmp_path) == [("status-change", "warning", ["planned", "postponed"])]


def test_yet_to_be_contained_then_declared_contained_is_an_update(cli, tmp_path):
    article(tmp_path, "a", "2026-08-14", "The fire on the moor has yet to be fully contained, the fire chief said.")
    article(tmp_path, "b", "2026-08-22", "The Hebden Moor fire was declared fully contained on Friday, August 21.")
    assert status_findings(cli, tmp_path) == [("status-update", "info", ["pending", "done"])]
