"""`claims --format jsonl` and `check --from-claims`: the claims of a corpus's parts, merged, check as the whole does."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    shutil.copytree(ROOT / "tests" / "stories" / "municipal-election", folder / "election", ignore=shutil.ignore_patterns("*.yaml"))
    (folder / "broken.md").write_bytes(b"---\npublished: [unclosed\n---\nText.\n")
    return folder


def files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md"))


@pytest.mark.parametrize("output_format", ["json", "sarif", "table"])
def test_two_halves_merged_give_the_findings_of_the_whole(cli, corpus, tmp_path, output_format):
    articles = files(corpus)
    halves = [articles[::2], articles[1::2]]  # interleaved: each half holds articles of both stories
    parts = []
    for index, half in enumerate(halves):
        result = cli("claims", *half, "--format", "jsonl")
        assert result.exit_code in (0, 2)
        parts.append(result.stdout)
    merged = tmp_path / "merged.jsonl"
    merged.write_text(parts[1] + parts[0], encoding="utf-8")  # in either order
    whole = cli("check", corpus, "--format", output_format)
    from_claims = cli("check", "--from-claims", merged, "--format", output_format)
    assert from_claims.stdout == whole.stdout and from_claims.exit_code == whole.exit_code == 2
    assert "broken.md" in from_claims.stderr, "the input error travels with the claims"


def test_each_line_is_one_article_with_its_claims(cli, corpus):
    result = cli("claims", corpus / "seeds", "--format", "jsonl")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == len(files(corpus / "seeds"))
    assert all(set(line) == {"article", "claims", "warnings"} and line["claims"] for line in lines)
    assert {claim["kind"] for line in lines for claim in line["claims"]} >= {"date", "figure", "status"}
    listed = cli.json("claims", corpus / "seeds")["mentions"]
    assert sum(len(line["claims"]) for line in lines) == len(listed)


def test_a_line_that_is_no_record_is_one_error_with_its_line(cli, corpus, tmp_path):
    good = cli("claims", corpus / "seeds", "--format", "jsonl").stdout.splitlines()
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join([good[0], '{"article": 3}', *good[1:]]) + "\n", encoding="utf-8")
    result = cli("check", "--from-claims", bad)
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"timeline: error: {bad}:2: not a line of `timeline claims --format jsonl`"), line


def test_broken_json_on_a_line_is_placed_by_its_line_and_column(cli, corpus, tmp_path):
    good = cli("claims", corpus / "seeds", "--format", "jsonl").stdout.splitlines()
    bad = tmp_path / "bad.jsonl"
    broken = good[1].replace('{"article":', '{"article"', 1)  # the record's first key loses its colon
    bad.write_text("\n".join([good[0], broken, *good[2:]]) + "\n", encoding="utf-8")
    result = cli("check", "--from-claims", bad)
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"timeline: error: {bad}:2: not a line of `timeline claims --format jsonl`: "), line
    assert line.endswith(": Expecting ':' delimiter at column 11"), line
    opening = good[1].index('"body":"') + len('"body":')  # where the article's text opens, 0-based
    bad.write_text("\n".join([good[0], good[1][: opening + 5]]) + "\n", encoding="utf-8")  # cut inside that text
    [line] = cli("check", "--from-claims", bad).stderr.splitlines()
    assert line.endswith(f": Unterminated string starting at column {opening + 1}"), line


def test_from_claims_does_not_go_with_paths(cli, corpus, tmp_path):
    (tmp_path / "x.jsonl").write_text("", encoding="utf-8")
    result = cli("check", corpus, "--from-claims", tmp_path / "x.jsonl")
    assert result.exit_code == 2 and "--from-claims" in result.stderr


def test_an_empty_claims_file_is_an_input_error_as_an_empty_folder_is(cli, tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    result = cli("check", "--from-claims", empty)
    assert result.exit_code == 2 and result.stderr == f"timeline: error: {empty}: holds no articles (no line of `timeline claims --format jsonl`)\n"
