"""Rule types on variants of the seed story written for these tests."""

from __future__ import annotations

from pathlib import Path


def corpus(tmp_path: Path, **articles: str) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def rules_hit(cli, folder: Path) -> list[tuple[str, list[str]]]:
    report = cli.json("check", folder)
    return [(f["rule"], [c["text"] for c in f["claims"]]) for f in report["findings"]]


def test_a_later_article_with_an_earlier_state_is_a_regression(cli, tmp_path):
    folder = corpus(
        tmp_path,
        a=" date 2025-07-01 Sources said the visit by the industry delegation was cancelled.\n",
        b=" date 2025-07-20 The delegation's visit to China, which was postponed in June, is still awaiting confirmation.\n",
    )
    assert rules_hit(cli, folder) == [("status-regression", ["cancelled", "still awaiting"])]


def test_a_state_in_an_aside_is_background(cli, tmp_path):
    folder = corpus(tmp_path, a=" date 2025-07-20 The delegation's visit, which was postponed in June, is still awaiting confirmation.\n")
    mentions = cli.json("claims", folder)["mentions"]
    [status] = [m for m in mentions if m["kind"] == "status"]
    assert (status["state"], status["as_of"]) == ("awaiting confirmation", "2025-07-20")


def test_moving_forward_is_a_change_not_a_regression(cli, tmp_path):
    folder = corpus(
        tmp_path,
        a=" date 2025-06-10 The industry delegation is still awaiting a confirmation from Beijing.\n",
        b=" date 2025-06-30 The delegation trip has been postponed, officials said.\n",
    )
    assert rules_hit(cli, folder) == [("status-change", ["still awaiting", "postponed"])]


def test_figures_for_different_stated_periods_are_not_compared(cli, tmp_path):
    folder = corpus(
        tmp_path,
        a=" date 2025-06-10 In FY24, China held over 90% of refining capacity.\n",
        b=" date 2025-06-11 In FY22, China held about 80% of refining capacity.\n",
    )
    assert rules_hit(cli, folder) == []


def test_a_revised_outlay_reported_later_is_not_compared_but_same_day_amounts_are(cli, tmp_path):
    folder = corpus(
        tmp_path,
        a=" date 2025-06-10 The ministry proposed a Rs 1,345-crore scheme for rare earth magnets.\n",
        b=" date 2025-11-26 The cabinet approved a ₹7,280 crore scheme for rare earth permanent magnets.\n",
        c=" date 2025-06-10 The government has allocated ₹1,500 crore to support magnet manufacturing under the scheme.\n",
    )
    assert rules_hit(cli, folder) == [("amount-mismatch", ["Rs 1,345-crore", "₹1,500 crore"])]


def test_an_increment_is_not_a_total(cli, tmp_path):
    folder = corpus(
        tmp_path,
        a=" date 2025-10-10 Beijing imposed export controls on five more rare earth elements.\n",
        b=" date 2025-04-05 China imposed export controls on seven rare earth elements.\n",
    )
    assert rules_hit(cli, folder) == []
    [five] = [m for m in cli.json("claims", folder)["mentions"] if m["kind"] == "figure" and m["low"] == 5]
    assert (five["qualifier"], five["metric"]) == ("more", None)


def test_nearly_and_over_the_same_figure_cannot_both_hold(cli, tmp_path):
    folder = corpus(
        tmp_path,
        a=" date 2025-10-10 China accounts for nearly 90% of global rare earth refining.\n",
        b=" date 2025-10-11 China controls over 90 per cent of the global processing capacity for rare earths.\n",
    )
    assert rules_hit(cli, folder) == [("figure-contradiction", ["nearly 90%", "over 90 per cent"])]
