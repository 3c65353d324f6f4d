"""part-whole rule type: a table of sentences, each with a total and maybe its parts."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from timeline.corpus import Corpus
from timeline.extract import extract_claims
from timeline.models import Article
from timeline.rule_types import RULE_TYPES, part_whole

CASES = yaml.safe_load((Path(__file__).parent / "part_whole_cases.yaml").read_text(encoding="utf-8"))


def findings(text: str, ruleset) -> list:
    article = Article(path="case.txt", body=text)
    corpus = Corpus(articles=(article,), claims=tuple(extract_claims(article, ruleset)))
    [rule] = [r for r in ruleset.rules if r.type == part_whole.TYPE]
    return list(part_whole.check(rule, part_whole.Options.model_validate(rule.options), corpus, ruleset))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_part_whole_case(case, ruleset):
    found = findings(case["text"], ruleset)
    if case["expect"] == "none":
        assert found == [], [f.message for f in found]
        return
    assert len(found) == 1, [f.message for f in found]
    finding = found[0]
    if "message" in case:
        assert finding.message == case["message"]
    if "claims" in case:
        assert [c.text for c in finding.claims] == case["claims"]


def test_table_covers_both_outcomes_across_domains():
    assert len(CASES) >= 20
    assert {c["expect"] for c in CASES} == {"finding", "none"}
    assert len({c["id"] for c in CASES}) == len(CASES)


def test_the_instance_is_registered_as_a_warning(ruleset):
    [rule] = [r for r in ruleset.rules if r.id == "parts-total-mismatch"]
    assert (rule.type, rule.severity.value) == ("part-whole", "warning")
    assert RULE_TYPES["part-whole"] is part_whole


def test_a_part_without_its_own_figure_claim_is_placed_in_the_file(ruleset):
    text = "Turnout note.\nCounting ended. The 1,200 seats are split into 700 for the alliance and 400 for the opposition."
    [finding] = findings(text, ruleset)
    total, first, second = finding.claims
    assert [(c.text, c.provenance.line, c.provenance.column) for c in finding.claims] == [("1,200 seats", 2, 21), ("700", 2, 48), ("400", 2, 73)]
    assert (first.value.unit, second.value.noun) == ("count", "seats")
    assert finding.location == total.provenance


def test_the_same_sentence_twice_in_an_article_is_checked_twice(ruleset):
    sentence = "The state set aside ₹900 crore, of which ₹600 crore for roads and ₹200 crore for housing."
    found = findings(f"{sentence}\n\n{sentence}\n", ruleset)
    assert [(f.location.line, len(f.claims)) for f in found] == [(1, 3), (3, 3)]


def test_check_through_the_cli_reports_a_warning(cli, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(" date 2025-06-10 The state set aside ₹900 crore, of which ₹600 crore for roads and ₹200 crore for housing.\n", encoding="utf-8")
    report = cli.json("check", folder)
    [finding] = [f for f in report["findings"] if f["rule"] == "parts-total-mismatch"]
    assert finding["severity"] == "warning"
    assert [c["text"] for c in finding["claims"]] == ["₹900 crore", "₹600 crore", "₹200 crore"]
    assert cli("check", folder).exit_code == 0


def test_sentences_passed_over_for_want_of_a_cue_hold_no_finding(ruleset, monkeypatch):
    """The rule asks each sentence first whether it holds a cue word at all; asking every sentence in full
    finds the same on every case of the table and on the test stories (none of which is tuned to the cue list)."""
    texts = [case["text"] for case in CASES] + [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[1] / "stories").glob("*/*.txt"))]
    assert len(texts) > 40
    quick = [[f.message for f in findings(text, ruleset)] for text in texts]
    monkeypatch.setattr(part_whole, "holds_word", lambda text, words: True)
    assert quick == [[f.message for f in findings(text, ruleset)] for text in texts]
    assert sum(map(len, quick)) >= 10  # the table's failing cases are found either way
