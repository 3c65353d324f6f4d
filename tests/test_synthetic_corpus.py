"""The synthetic corpus of bench/bench_scale.py: deterministic, no sentence twice, and its injected conflicts are found.

No timing is asserted here; the benchmark itself is run by hand (`python bench/bench_scale.py`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from synthetic_corpus import duplicate_sentences, generate, write  # noqa: E402


def test_same_seed_gives_the_same_bytes(tmp_path: Path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    _, conflicts_one = write(first, 60, seed=3)
    _, conflicts_two = write(second, 60, seed=3)
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert len(names) == 60
    assert all((first / n).read_bytes() == (second / n).read_bytes() for n in names)
    assert conflicts_one == conflicts_two
    other, _ = generate(60, seed=4)
    assert [a.text for a in other] != [(first / n).read_text(encoding="utf-8") for n in names]


def test_no_sentence_is_written_twice_in_300_articles():
    articles, conflicts = generate(300, seed=7)
    assert duplicate_sentences(articles) == []
    assert conflicts, "a 300-article corpus has injected conflicts"
    sizes = [len(a.text.encode("utf-8")) for a in articles]
    assert 2_000 < sum(sizes) / len(sizes) < 4_000  # about 3 KB an article


def test_check_finds_every_injected_conflict(cli, tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _, conflicts = write(corpus, 40, seed=7, every=2)  # a conflict in every other pair: 10, of every template
    assert len(conflicts) == 10
    assert {c.template for c in conflicts} == {"farmland-share", "ferry-passengers", "repair-budget", "repair-status"}
    result = cli("check", "corpus", "--format", "json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    missed = []
    for conflict in conflicts:
        wanted = set(zip(conflict.files, conflict.lines, conflict.texts))
        held = [{(Path(c["path"]).name, c["line"], c["text"]) for c in f["claims"]} for f in findings if f["rule"] == conflict.rule]
        if not any(wanted <= claims for claims in held):
            missed.append(conflict)
    assert missed == []
