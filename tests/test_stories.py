"""`timeline check` on invented stories outside the lexicon's domain.

Each folder under ``tests/stories/`` is one story: a handful of dated articles
and an ``expected.yaml`` listing what a careful fact-checker expects the check
to report (``conflicts``) and which look-alike figures it must leave alone
(``non_conflicts``). See ``tests/stories/README.md`` for the format.

The check runs once per story, with the built-in rules. Every look-alike is
one test and must be left alone; the conflicts are a score card per story
that must reach the project's recall target, and its message lists every
conflict missed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

STORIES = Path(__file__).resolve().parent / "stories"

# The rule a finding must come from for each kind of expected conflict.
RULE_FOR_KIND = {
    "contradiction": "figure-contradiction",
    "divergence": "figure-divergence",
    "update": "figure-update",
    "correction": "figure-correction",
    "decrease": "figure-divergence",
    "amount": "amount-mismatch",
    "parts": "parts-total-mismatch",
}


def _load_expected(story: Path) -> dict:
    return yaml.safe_load((story / "expected.yaml").read_text(encoding="utf-8"))


def _stories() -> list[Path]:
    return sorted(p for p in STORIES.iterdir() if (p / "expected.yaml").is_file())


def _cases(section: str) -> list:
    params = []
    for story in _stories():
        for case in _load_expected(story).get(section) or []:
            params.append(pytest.param(story.name, case, id=f"{story.name}/{case['id']}"))
    return params


def _claims() -> list:
    params = []
    for story in _stories():
        expected = _load_expected(story)
        for section in ("conflicts", "non_conflicts"):
            for case in expected.get(section) or []:
                for n, claim in enumerate(case["claims"], 1):
                    params.append(
                        pytest.param(story.name, claim, id=f"{story.name}/{case['id']}/{n}")
                    )
    return params


_reports: dict[str, dict] = {}


@pytest.fixture
def report(cli):
    """The JSON report of `timeline check` on a story, computed once per story."""

    def get(story: str) -> dict:
        if story not in _reports:
            _reports[story] = cli.json("check", STORIES / story)
        return _reports[story]

    return get


def _matches(claim: dict, expected: dict) -> bool:
    return (
        Path(claim["path"]).name == expected["file"]
        and claim["line"] == expected["line"]
        and expected["text"] in claim["text"]
    )


def _contains_all(finding: dict, expected_claims: list[dict]) -> bool:
    return all(any(_matches(c, e) for c in finding["claims"]) for e in expected_claims)


def _describe(claims: list[dict]) -> str:
    return ", ".join(f"{c['file']}:{c['line']} {c['text']!r}" for c in claims)


def test_every_story_has_an_expected_file():
    assert _stories(), "no stories found"
    for story in STORIES.iterdir():
        if story.is_dir():
            assert (story / "expected.yaml").is_file(), story.name


@pytest.mark.parametrize("story, case", _cases("conflicts") + _cases("non_conflicts"))
def test_case_is_well_formed(story, case):
    assert set(case) >= {"id", "why", "claims"}
    assert len(case["claims"]) >= 2
    if "kind" in case:
        assert case["kind"] in RULE_FOR_KIND


@pytest.mark.parametrize("story, claim", _claims())
def test_expected_claim_is_on_its_line(story, claim):
    path = STORIES / story / claim["file"]
    lines = path.read_text(encoding="utf-8").split("\n")
    assert 1 <= claim["line"] <= len(lines)
    assert claim["text"] in lines[claim["line"] - 1]


def _found(findings: list[dict], case: dict) -> bool:
    """Whether one finding holds every claim of an expected conflict, under the right rule.

    One finding per quantity carries its most serious verdict as its rule and
    every other verdict found on it in ``verdicts`` (an update inside a
    contradiction), so either counts.
    """
    together = [f for f in findings if _contains_all(f, case["claims"])]
    rules = {f["rule"] for f in together}
    verdicts = {v for f in together for v in f.get("verdicts", [])}
    return RULE_FOR_KIND[case["kind"]] in rules or case["kind"] in verdicts


# The share of a story's expected conflicts the check must find: the
# project's target on reporting it has not seen is 60% of figure and amount
# conflicts. Every look-alike must be left alone (test below).
RECALL_FLOOR = 0.6


@pytest.mark.parametrize("story", [p.name for p in _stories()])
def test_most_conflicts_are_reported(report, story):
    """A score card per story: the conflicts found and, in the message, the ones missed."""
    findings = report(story)["findings"]
    cases = _load_expected(STORIES / story)["conflicts"]
    missed = [c for c in cases if not _found(findings, c)]
    recall = 1 - len(missed) / len(cases)
    listing = "\n".join(f"  missed {c['id']} ({c['kind']}): {_describe(c['claims'])}" for c in missed)
    assert recall >= RECALL_FLOOR, f"{story}: {len(cases) - len(missed)} of {len(cases)} conflicts found ({recall:.0%})\n{listing}"


@pytest.mark.parametrize("story, case", _cases("non_conflicts"))
def test_non_conflict_is_left_alone(report, story, case):
    findings = report(story)["findings"]
    together = [f for f in findings if _contains_all(f, case["claims"])]
    assert not together, (
        f"{together[0]['rule']} puts together {_describe(case['claims'])}, "
        f"but {case['why']}"
    )
