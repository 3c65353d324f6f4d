"""Comparing figures across articles: scenarios as data, run end to end through `timeline check`."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

SCENARIOS = yaml.safe_load((Path(__file__).parent / "comparison_cases.yaml").read_text(encoding="utf-8"))["scenarios"]
FIGURE_RULES = {"figure-contradiction", "figure-divergence", "figure-update", "figure-correction", "amount-mismatch"}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_scenario(scenario, cli, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in scenario["articles"].items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    report = cli.json("check", folder)
    found = [f for f in report["findings"] if f["rule"] in FIGURE_RULES]
    assert [[f["rule"], [c["text"] for c in f["claims"]]] for f in found] == scenario["expect"]
    if not found:
        return
    first = found[0]
    if "verdict" in scenario:
        assert first["verdict"] == scenario["verdict"]
    if "statements" in scenario:
        assert [[s["text"], s["sources"]] for s in first["statements"]] == scenario["statements"]
    if "spread" in scenario:
        assert first["spread"] == pytest.approx(scenario["spread"], abs=1e-4)
    assert first["key"]["source"] in ("lexicon", "context")


def test_one_quantity_stated_a_thousand_ways_is_one_finding_in_linear_steps(ruleset):
    """Grouping then sweeping: the work grows with the number of claims, never with pairs of them."""
    from datetime import date

    from timeline.comparison import compare_key
    from timeline.models import DateValue, FigureClaim, FigureValue, Provenance, QuantityKey

    key = QuantityKey(subject="Orlin", measure="home", kind="level", unit="count")
    day = DateValue(text="2026-03-12", value="2026-03-12", start=date(2026, 3, 12), end=date(2026, 3, 12), precision="day")

    def claims(n: int) -> list[FigureClaim]:
        return [
            FigureClaim(
                provenance=Provenance(path=f"{i:05}.md", line=1, column=1, quote="q"), text=str(1000 + i),
                value=FigureValue(text=str(1000 + i), low=1000 + i, high=1000 + i, unit="count"), key=key, as_of=day,
            )  # fmt: skip
            for i in range(n)
        ]

    def steps(n: int):
        """Python-level calls made inside timeline.comparison while comparing n claims."""
        import sys

        batch, count = claims(n), [0]

        def tally(frame, event, arg):
            if event == "call" and frame.f_code.co_filename.endswith("comparison.py"):
                count[0] += 1

        sys.setprofile(tally)
        try:
            result = compare_key(key, batch, window=7, cumulative=False)
        finally:
            sys.setprofile(None)
        return result, count[0]

    small, small_steps = steps(500)
    large, large_steps = steps(1000)
    assert large.verdict == "contradiction" and len(large.statements) == 1000 and len(large.involved) == 1000
    assert small_steps > 500 and large_steps <= 2.2 * small_steps  # linear, not quadratic (which would be 4x)
