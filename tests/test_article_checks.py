"""``check`` runs the article rules as it reads each article, and keeps only the claims the other rules read.

The findings must be exactly those of every rule run on the whole corpus at
the end: these tests compare the two on every test story (whose articles
hold weekday slips and parts that do not add up) and on the seeds, and hold
each rule type to what it declares it reads.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.claims_cache import Entry
from timeline.cli import main
from timeline.cli.common import load_run
from timeline.engine import ArticleChecks, run_rules
from timeline.models import DateClaim, EventClaim, FigureClaim, StatusClaim
from timeline.rule_types import RULE_TYPES
from timeline.ruleset import load_ruleset
from timeline.suppression import chosen_rules

ROOT = Path(__file__).resolve().parent.parent
CORPORA = sorted(path for path in (ROOT / "tests" / "stories").iterdir() if path.is_dir()) + [ROOT / "seeds"]
KINDS = {"date": DateClaim, "figure": FigureClaim, "status": StatusClaim, "event": EventClaim}


@pytest.fixture(autouse=True)
def _away_from_repository(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the defaults, and a claims cache of the test's own


def dumped(findings) -> list[dict]:
    return [finding.model_dump(mode="json") for finding in findings]


@pytest.mark.parametrize("folder", CORPORA, ids=lambda path: path.name)
def test_findings_are_those_of_every_rule_run_on_the_whole_corpus(folder):
    whole = load_run((folder,), None, quiet=True)
    checks = ArticleChecks(whole.ruleset, also_kept=("figure",))
    kept = load_run((folder,), None, quiet=True, checks=checks)
    assert dumped(run_rules(kept.corpus, kept.ruleset, checks)) == dumped(run_rules(whole.corpus, whole.ruleset))


def test_the_stories_exercise_both_article_rules():
    found = set()
    for folder in CORPORA:
        run = load_run((folder,), None, quiet=True)
        checks = ArticleChecks(run.ruleset)
        load_run((folder,), None, quiet=True, checks=checks)
        found |= {finding.rule for finding in checks.findings}
    assert {"weekday-mismatch", "parts-total-mismatch"} <= found


def test_a_checked_run_keeps_no_date_claims_and_every_other_claim():
    folder = ROOT / "tests" / "stories" / "river-flood"
    whole = load_run((folder,), None, quiet=True)
    kept = load_run((folder,), None, quiet=True, checks=ArticleChecks(whole.ruleset, also_kept=("figure",)))
    assert any(isinstance(claim, DateClaim) for claim in whole.corpus.claims)
    assert not any(isinstance(claim, DateClaim) for claim in kept.corpus.claims)
    assert kept.corpus.claims == tuple(claim for claim in whole.corpus.claims if not isinstance(claim, DateClaim))


@pytest.mark.parametrize(
    ("selected", "also", "kept"),
    [
        (["status-change"], (), {"status"}),
        (["status-change"], ("figure",), {"status", "figure"}),
        (["date-mismatch", "figure-contradiction"], (), {"event", "figure"}),
        (["weekday-mismatch"], (), set()),
        (["weekday-mismatch", "parts-total-mismatch", "article-undated"], ("figure",), {"figure"}),
    ],
)
def test_what_is_kept_is_what_the_corpus_rules_read(selected, also, kept):
    checks = ArticleChecks(chosen_rules(load_ruleset(), selected, []), also_kept=also)
    assert checks.kept == kept
    assert checks.ids == {rule for rule in selected if RULE_TYPES[rule_type(rule)].SCOPE == "article"}


def rule_type(rule_id: str) -> str:
    return next(rule.type for rule in load_ruleset().rules if rule.id == rule_id)


@pytest.mark.parametrize("name", sorted(RULE_TYPES))
def test_every_rule_type_says_what_it_reads_and_how_far(name):
    module = RULE_TYPES[name]
    assert module.SCOPE in ("article", "corpus")
    assert module.READS <= set(KINDS)


@pytest.mark.parametrize("name", sorted(RULE_TYPES))
def test_a_rule_reads_nothing_but_the_kinds_it_declares(name):
    """Given only the claims of the kinds it declares, a rule finds what it finds given all of them: a run may drop the rest."""
    module, ruleset = RULE_TYPES[name], load_ruleset()
    for folder in CORPORA:
        run = load_run((folder,), None, quiet=True)
        for rule in (rule for rule in ruleset.rules if rule.type == name):
            options = module.Options.model_validate(rule.options)
            declared = replace(run.corpus, claims=tuple(c for c in run.corpus.claims if c.kind in module.READS), cache={})
            assert dumped(module.check(rule, options, declared, ruleset)) == dumped(module.check(rule, options, run.corpus, ruleset))


def test_take_leaves_an_entry_whole_when_every_claim_is_kept():
    run = load_run((ROOT / "tests" / "stories" / "river-flood",), None, quiet=True)
    article = run.corpus.articles[0]
    figures = [claim for claim in run.corpus.claims if isinstance(claim, FigureClaim) and claim.provenance.path == article.path]
    entry = Entry.model_construct(article=article, claims=figures, warnings=[])
    assert ArticleChecks(run.ruleset, also_kept=("figure",)).take(entry) is entry


@pytest.mark.parametrize("folder", CORPORA, ids=lambda path: path.name)
def test_figures_without_a_key_are_counted_not_kept_and_the_report_is_the_same(folder):
    """``check`` lets figures without a key go (no rule compares them) unless ``--explain-keys`` lists them: the
    findings and every figure count of the summary are those of a run that keeps them."""
    whole = load_run((folder,), None, quiet=True)
    unkeyed = [claim for claim in whole.corpus.figures() if claim.key is None]
    checks = ArticleChecks(whole.ruleset, also_kept=("figure",), count_unkeyed=True)
    kept = load_run((folder,), None, quiet=True, checks=checks)
    assert checks.unkeyed_counted == len(unkeyed)
    assert not any(claim.key is None for claim in kept.corpus.figures())
    assert len(kept.corpus.figures()) + checks.unkeyed_counted == len(whole.corpus.figures())
    assert dumped(run_rules(kept.corpus, kept.ruleset, checks)) == dumped(run_rules(whole.corpus, whole.ruleset))
    counted, listed = (CliRunner().invoke(main, ["check", str(folder), "--format", "json", *extra]) for extra in ([], ["--explain-keys"]))
    assert counted.exit_code == listed.exit_code and counted.exit_code in (0, 1), counted.output
    summary, explained = json.loads(counted.output), json.loads(listed.output)
    assert summary["summary"] == explained["summary"] and summary["findings"] == explained["findings"]
    assert summary["summary"]["figures"]["unkeyed"] == len(unkeyed)


def test_the_corpora_hold_figures_without_a_key():
    assert sum(claim.key is None for folder in CORPORA for claim in load_run((folder,), None, quiet=True).corpus.figures()) > 10


@pytest.mark.parametrize("selected", [["date-mismatch"], ["figure-contradiction"], ["weekday-mismatch", "status-change"]])
def test_the_figure_counts_do_not_hang_on_the_rules_chosen(selected):
    """``check`` counts figures, and lets go of those alone on their key, before any rule runs, whichever run."""
    folder = ROOT / "tests" / "stories" / "river-flood"
    every = json.loads(CliRunner().invoke(main, ["check", str(folder), "--format", "json"]).output)
    chosen = json.loads(CliRunner().invoke(main, ["check", str(folder), "--format", "json", "--select", ",".join(selected)]).output)
    assert chosen["summary"]["figures"] == every["summary"]["figures"]
    assert chosen["findings"] == [finding for finding in every["findings"] if finding["rule"] in selected]


def test_counting_the_figures_alone_on_their_key_keeps_their_number_and_the_comparisons():
    from timeline.comparison import analyse_figures

    run = load_run((ROOT / "tests" / "stories" / "river-flood",), None, quiet=True)
    analysis = analyse_figures(run.corpus, run.ruleset)
    alone, comparisons, lone = list(analysis.alone), list(analysis.comparisons), analysis.lone
    assert alone and comparisons
    gone = analysis.count_alone()
    assert gone == {id(claim) for claim, _ in alone}
    assert analysis.lone == lone and analysis.comparisons == comparisons and not analysis.alone
    assert [comparison.key.id for comparison in analysis.every_comparison()] == [comparison.key.id for comparison in comparisons]
