"""The rule set as data: validated before anything runs, replaceable with --rules."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from timeline.rule_types import RULE_TYPES

from timeline.errors import ConfigError
from timeline.ruleset import default_rules_dir, load_ruleset


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "myrules"
    shutil.copytree(default_rules_dir(), target)
    return target


def test_default_rules_load_with_every_rule_type(ruleset):
    assert {r.id for r in ruleset.rules} >= {
        "figure-contradiction", "figure-divergence", "figure-update", "figure-correction", "amount-mismatch",
        "parts-total-mismatch", "status-change", "status-regression", "status-update", "article-undated", "date-mismatch",
        "weekday-mismatch",
    }  # fmt: skip
    assert {r.type for r in ruleset.rules} == set(RULE_TYPES)
    assert any(m.id == "share-of-global-rare-earth-processing" for m in ruleset.lexicon.metrics)


def test_unknown_key_in_a_rule_names_the_file(rules_copy):
    rule = rules_copy / "checks" / "figure-divergence.yaml"
    rule.write_text(rule.read_text(encoding="utf-8") + "severty: error\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_ruleset(rules_copy)
    assert str(rule) in str(caught.value) and "severty" in str(caught.value)


def test_unknown_option_and_unknown_type_are_rejected(rules_copy):
    rule = rules_copy / "checks" / "status-change.yaml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("report: change", "report: sideways"), encoding="utf-8")
    with pytest.raises(ConfigError, match="report"):
        load_ruleset(rules_copy)
    rule.write_text("id: x\ntype: no-such-type\nseverity: error\ndescription: d\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown rule type 'no-such-type'"):
        load_ruleset(rules_copy)


def test_status_transitions_reject_unknown_keys_and_states(rules_copy):
    table = rules_copy / "statuses.yaml"
    text = table.read_text(encoding="utf-8")
    table.write_text(text.replace("{from: planned, to: done, report: update}", "{from: planned, to: done, report: update, weight: 2}"), encoding="utf-8")
    with pytest.raises(ConfigError, match="weight") as caught:
        load_ruleset(rules_copy)
    assert str(table) in str(caught.value)
    table.write_text(text.replace("{from: planned, to: done, report: update}", "{from: planned, to: finished, report: update}"), encoding="utf-8")
    with pytest.raises(ConfigError, match="to"):
        load_ruleset(rules_copy)


def test_a_rule_set_without_a_transition_table_still_loads(rules_copy):
    (rules_copy / "statuses.yaml").unlink()
    assert load_ruleset(rules_copy).statuses.report("planned", "done") is None


def test_invalid_yaml_names_file_and_line(rules_copy):
    lexicon = rules_copy / "lexicon" / "entities.yaml"
    lexicon.write_text("entities:\n  - id: China\n    aliases: [China\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_ruleset(rules_copy)
    assert str(caught.value).startswith(f"{lexicon}:") and "invalid YAML" in str(caught.value)


def test_a_new_metric_in_yaml_is_used_without_python(cli, rules_copy, tmp_path):
    metrics = rules_copy / "lexicon" / "metrics.yaml"
    metrics.write_text(
        metrics.read_text(encoding="utf-8")
        + "  - id: share-of-global-graphite-supply\n    label: share of global graphite supply\n    units: [percent]\n    phrases: [graphite supply]\n",
        encoding="utf-8",
    )
    articles = tmp_path / "a"
    articles.mkdir()
    (articles / "1.txt").write_text(" date 2025-06-01 China holds about 60% of graphite supply.\n", encoding="utf-8")
    (articles / "2.txt").write_text(" date 2025-06-02 China holds over 80% of graphite supply.\n", encoding="utf-8")
    report = cli.json("check", articles, "--rules", rules_copy)
    [finding] = report["findings"]
    assert finding["rule"] == "figure-contradiction" and "graphite" in finding["message"]
    assert cli("check", articles, "--rules", rules_copy, "--fail-on", "error").exit_code == 1


def test_rules_command_lists_and_explains(cli):
    listing = cli("rules").stdout
    assert "figure-contradiction" in listing and "status-timeline" in listing
    explained = cli("rules", "--explain", "figure-contradiction").stdout
    assert "cannot all be true" in explained and "60-70%" in explained
    missing = cli("rules", "--explain", "nope")
    assert missing.exit_code == 2 and "no rule 'nope'" in missing.stderr


def test_explain_prints_a_rule_link(cli, rules_copy):
    rule = rules_copy / "checks" / "article-undated.yaml"
    rule.write_text(rule.read_text(encoding="utf-8") + "link: https://example.org/style#dates\n", encoding="utf-8")
    explained = cli("rules", "--rules", rules_copy, "--explain", "article-undated").stdout
    assert explained.rstrip().endswith("More: https://example.org/style#dates")
