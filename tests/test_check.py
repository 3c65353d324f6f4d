"""`timeline check` on the seeds: the conflicts the sample corpus is known to contain."""

from __future__ import annotations

from pathlib import Path


def findings_of(report: dict, rule: str) -> list[dict]:
    return [f for f in report["findings"] if f["rule"] == rule]


def names(finding: dict) -> set[str]:
    return {Path(c["path"]).name[:3] for c in finding["claims"]}


def test_processing_share_diverges_but_can_hold(cli, seeds):
    report = cli.json("check", seeds)
    [finding] = [f for f in findings_of(report, "figure-divergence") if "processing" in f["message"]]
    assert finding["severity"] == "warning"
    assert finding["subject"] == "China"
    by_file = {Path(c["path"]).name[:3]: c for c in finding["claims"]}
    assert set(by_file) == {"000", "003", "004"}
    assert by_file["000"]["text"] == "over 90 per cent"
    assert by_file["004"]["text"] == "over 90%"
    assert by_file["003"]["text"] == "over 85%"
    assert by_file["003"]["low"] == 85 and by_file["003"]["low_open"] is True


def test_production_share_ranges_cannot_both_hold(cli, seeds):
    report = cli.json("check", seeds)
    [finding] = findings_of(report, "figure-contradiction")
    assert finding["severity"] == "error"
    assert finding["subject"] == "China"
    texts = {Path(c["path"]).name[:3]: c["text"] for c in finding["claims"]}
    assert texts == {"003": "around 60-70%", "004": "over 70%"}
    assert "production" in finding["message"]


def test_delegation_status_changed_over_time(cli, seeds):
    report = cli.json("check", seeds)
    [finding] = findings_of(report, "status-change")
    assert finding["severity"] == "warning"
    first, second = finding["claims"]
    assert (Path(first["path"]).name[:3], first["state"], first["as_of"]) == ("000", "awaiting confirmation", "2025-06-17")
    assert (Path(second["path"]).name[:3], second["state"], second["as_of"]) == ("004", "cancelled", "2025-07-29")
    assert "still awaiting" in first["quote"] and "was cancelled" in second["quote"]
    assert findings_of(report, "status-regression") == []


def test_undated_article_is_reported(cli, seeds):
    report = cli.json("check", seeds)
    [finding] = findings_of(report, "article-undated")
    assert Path(finding["path"]).name.startswith("003")
    assert finding["line"] == 1 and finding["severity"] == "warning"


def test_every_claim_in_every_finding_has_provenance(cli, seeds):
    report = cli.json("check", seeds)
    assert report["findings"]
    for finding in report["findings"]:
        assert finding["path"] and finding["line"] >= 1
        for claim in finding["claims"]:
            text = (seeds / Path(claim["path"]).name).read_text(encoding="utf-8")
            line = text.split("\n")[claim["line"] - 1]
            assert line[claim["column"] - 1 :].startswith(claim["text"])
            assert claim["text"] in claim["quote"] and claim["quote"] in line


def test_unrelated_figures_are_not_compared(cli, seeds):
    report = cli.json("check", seeds)
    involved = {c["text"] for f in report["findings"] for c in f["claims"]}
    assert not involved & {"₹1,500 crore", "₹1,345 crore", "Rs 1,345-crore", "over 80%"}
    assert len(report["findings"]) == 4


def test_exit_code_and_table(cli, seeds):
    result = cli("check", seeds)
    assert result.exit_code == 1
    assert "figure-contradiction" in result.stdout and "003_c34b20c788253f0e.txt:9" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == (
        "4 findings (1 error, 3 warnings, 0 info) in 5 articles; figures: 10 compared, 11 alone on their key, 1 without a key"
    )


def test_summary_counts_figures_that_could_not_be_compared(cli, seeds):
    figures = cli.json("check", seeds)["summary"]["figures"]
    assert figures == {"total": 22, "compared": 10, "lone": 11, "unkeyed": 1}


def test_explain_keys_says_why_figures_were_or_were_not_compared(cli, seeds):
    report = cli.json("check", seeds, "--explain-keys")
    outcomes = {k["key"]["measure"] if k["key"] else None: k["outcome"] for k in report["keys"]}
    assert outcomes["share-of-global-rare-earth-production"] == "contradiction"
    assert outcomes["magnet-scheme-outlay"] == "all agree"
    assert outcomes["ncmm-psu-investment"] == "alone on its key"
    assert outcomes[None].startswith("no key")
    [unkeyed] = [k for k in report["keys"] if k["key"] is None]
    assert [f["text"] for f in unkeyed["figures"]] == ["two people"]
    table = cli("check", seeds, "--explain-keys").stdout
    assert "Figure keys:" in table and "(lexicon)" in table


def test_fail_on_threshold(cli, seeds):
    assert cli("check", seeds, "--fail-on", "never").exit_code == 0
    assert cli("check", seeds / "000_fd567ba0cbb0233b.txt").exit_code == 0
    assert cli("check", seeds / "003_c34b20c788253f0e.txt", "--fail-on", "warning").exit_code == 1


def test_output_is_deterministic(cli, seeds):
    first = cli("check", seeds, "--format", "json").stdout
    assert first == cli("check", seeds, "--format", "json").stdout


def test_default_corpus_is_seeds_in_current_folder(cli, seeds, tmp_path):
    result = cli("check", "--format", "json")
    assert result.exit_code == 1
    assert len(result.stdout) > 100


def test_corpus_from_pyproject(cli, seeds, tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "one.txt").write_text(" date 2025-06-17 China controls over 90% of refining capacity.\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.timeline]\ncorpus = "articles"\n', encoding="utf-8")
    report = cli.json("check")
    assert report["summary"]["articles"] == 1


def test_unknown_setting_is_a_usage_error(cli, tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.timeline]\nfail_onn = "warning"\n', encoding="utf-8")
    result = cli("check")
    assert result.exit_code == 2
    assert "pyproject.toml" in result.stderr and "fail_onn" in result.stderr
    assert "Traceback" not in result.output


def test_version_and_help(cli):
    assert cli("--version").stdout.startswith("timeline, version ")
    for command in ("check", "show", "claims", "rules"):
        assert "Usage:" in cli(command, "--help").stdout
        assert cli(command, "--version").stdout.startswith("timeline, version ")
