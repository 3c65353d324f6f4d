"""Baselines: `check --write-baseline` records the findings, `check --baseline` reports only what is not in it.

The stability cases are the issue's: an unrelated edit, a moved paragraph,
a new article with no conflict and the same files listed in another order
bring nothing back; a new article disputing the same quantity brings back
exactly that conflict.
"""

from __future__ import annotations

from dataclasses import replace
import json
import os
import re
import shlex
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.fingerprints import CorpusNames, fingerprint
from timeline.models import FigureClaim, FigureValue, Finding, Provenance, QuantityKey, Severity

ROOT = Path(__file__).resolve().parent.parent


def write_baseline(cli, *paths) -> Path:
    result = cli("check", *paths, "--write-baseline", "accepted.json")
    assert result.exit_code == 0, result.stderr
    return Path("accepted.json")


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_write_baseline_records_every_finding_and_prints_nothing_on_stdout(cli, flood):
    result = cli("check", flood, "--write-baseline", "accepted.json")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "timeline: baseline of 1 finding written to accepted.json\n"
    document = json.loads(Path("accepted.json").read_text(encoding="utf-8"))
    [finding] = cli.json("check", flood)["findings"]
    assert document["version"] == 1
    [entry] = document["findings"]
    assert entry["rule"] == finding["rule"] == "figure-contradiction"
    assert entry["message"] == finding["message"] and entry["subject"] == finding["subject"]
    assert entry["files"] == ["01_courier.md", "02_wire.md"], "files are named within the corpus folder"
    assert len(entry["fingerprint"]) == 64 and int(entry["fingerprint"], 16) >= 0


def test_the_baseline_file_is_the_same_bytes_every_time_and_no_temporary_file_is_left(cli, seeds, tmp_path):
    first = write_baseline(cli, seeds).read_bytes()
    os.chmod("accepted.json", 0o640)
    second = write_baseline(cli, seeds).read_bytes()
    assert first == second
    entries = json.loads(first)["findings"]
    assert len(entries) == 4 and [(e["rule"], e["subject"] or "") for e in entries] == sorted((e["rule"], e["subject"] or "") for e in entries)
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["accepted.json"]
    assert Path("accepted.json").stat().st_mode & 0o777 == 0o640, "rewriting keeps the file's mode"


def test_a_baseline_hides_what_it_records_and_says_so(cli, flood):
    write_baseline(cli, flood)
    result = cli("check", flood, "--baseline", "accepted.json")
    assert result.exit_code == 0
    assert result.stdout.startswith("0 findings (0 errors, 0 warnings, 0 info) in 3 articles; 1 finding in the baseline not shown;")
    summary = cli.json("check", flood, "--baseline", "accepted.json")["summary"]
    assert (summary["findings"], summary["error"], summary["baselined"]) == (0, 0, 1)


def edit_an_unrelated_line(flood: Path) -> None:
    rewrite(flood / "01_courier.md", "until late in the evening.", "until midnight, a pastor said, and again at dawn.")


def move_a_paragraph(flood: Path) -> None:
    path = flood / "02_wire.md"
    head, body = path.read_text(encoding="utf-8").split("---\n", 2)[1:]
    first, disputed, last = body.strip("\n").split("\n\n")
    path.write_text(f"---\n{head}---\n{last}\n\n{first}\n\nA second line of text pushes it down.\n\n{disputed}\n", encoding="utf-8")


def add_an_article_with_no_conflict(flood: Path) -> None:
    (flood / "00_bakery.md").write_text(
        "---\npublished: 2031-05-07\nsource: Valley Wire\n---\nThe Ashcombe bakery reopened on Wednesday, its owner said.\n", encoding="utf-8"
    )


@pytest.mark.parametrize("change", [edit_an_unrelated_line, move_a_paragraph, add_an_article_with_no_conflict])
def test_changes_that_leave_the_conflict_as_it_was_bring_nothing_back(cli, flood, change):
    write_baseline(cli, flood)
    change(flood)
    unfiltered = cli.json("check", flood)["findings"]
    assert [f["rule"] for f in unfiltered] == ["figure-contradiction"], "the conflict is still there"
    report = cli.json("check", flood, "--baseline", "accepted.json")
    assert report["findings"] == [] and report["summary"]["baselined"] == 1


def test_all_changes_together_and_a_reordered_folder_bring_nothing_back(cli, flood):
    write_baseline(cli, flood)
    for change in (edit_an_unrelated_line, move_a_paragraph, add_an_article_with_no_conflict):
        change(flood)
    files = sorted(flood.iterdir(), reverse=True)
    assert cli.json("check", *files, "--baseline", "accepted.json")["findings"] == [], "files given one by one, in reverse order"
    os.chdir(flood)
    assert cli.json("check", ".", "--baseline", "../accepted.json")["findings"] == [], "the same folder, from inside it"


def test_a_new_article_disputing_the_same_quantity_brings_back_exactly_that_conflict(cli, flood):
    write_baseline(cli, flood)
    (flood / "04_radio.md").write_text(
        "---\npublished: 2031-05-06\nsource: County Radio\n---\n"
        "Floodwater covered nearly 70% of the Ashcombe district farmland on Sunday, the county engineer said.\n",
        encoding="utf-8",
    )
    report = cli.json("check", flood, "--baseline", "accepted.json")
    [finding] = report["findings"]
    assert finding["rule"] == "figure-contradiction"
    assert sorted((Path(c["path"]).name, c["text"]) for c in finding["claims"]) == [
        ("01_courier.md", "around 30-35%"), ("02_wire.md", "over 50%"), ("04_radio.md", "nearly 70%"),
    ]  # fmt: skip
    assert report["summary"]["baselined"] == 0
    assert cli("check", flood, "--baseline", "accepted.json").exit_code == 1


def test_a_changed_value_is_a_new_finding(cli, flood):
    write_baseline(cli, flood)
    rewrite(flood / "02_wire.md", "over 50%", "over 55%")
    [finding] = cli.json("check", flood, "--baseline", "accepted.json")["findings"]
    assert {c["text"] for c in finding["claims"]} == {"around 30-35%", "over 55%"}


def test_the_committed_seeds_baseline_accepts_exactly_the_seeds_findings(cli, seeds):
    """What `.ci/run` checks; and no stale entry is left behind when a finding goes away."""
    entries = json.loads((ROOT / "seeds.baseline.json").read_text(encoding="utf-8"))["findings"]
    result = cli("check", "seeds", "--baseline", ROOT / "seeds.baseline.json", "--fail-on", "info")
    assert result.exit_code == 0, result.stdout
    summary = cli.json("check", "seeds", "--baseline", ROOT / "seeds.baseline.json")["summary"]
    assert summary["findings"] == 0 and summary["baselined"] == len(entries) == len(cli.json("check", "seeds")["findings"])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "accepted.json: baseline file not found (write one with --write-baseline)"),
        ('{"version": 1,\n "findings": [\n', "accepted.json:3: baseline is not valid JSON: Expecting value"),
        ('{"version": 2, "findings": []}', "accepted.json: baseline version 2 is not supported (expected 1)"),
        ("[1, 2]", "accepted.json: not a timeline baseline (no 'findings')"),
        ('{"version": 1, "findings": [{"rule": "figure-contradiction"}]}', "accepted.json: not a timeline baseline (every finding needs a 'fingerprint' string)"),
        (b"\xff\xfe", "accepted.json: baseline is not UTF-8 text"),
    ],
)  # fmt: skip
def test_a_missing_or_broken_baseline_is_one_line_and_exit_2(cli, flood, content, message):
    if isinstance(content, bytes):
        Path("accepted.json").write_bytes(content)
    elif content is not None:
        Path("accepted.json").write_text(content, encoding="utf-8")
    result = cli("check", flood, "--baseline", "accepted.json")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"timeline: error: {message}\n"


def test_no_baseline_is_written_when_an_article_cannot_be_read(cli, flood):
    (flood / "broken.md").write_bytes(b"Floodwater \xff covered the farmland.\n")
    result = cli("check", flood, "--write-baseline", "accepted.json")
    assert result.exit_code == 2 and not Path("accepted.json").exists()
    assert result.stderr.splitlines()[-1] == "timeline: error: accepted.json: baseline not written: some articles could not be read (see above)"


def test_a_baseline_in_a_missing_folder_is_one_line_and_exit_2(cli, flood):
    result = cli("check", flood, "--write-baseline", "no/such/folder/accepted.json")
    assert result.exit_code == 2
    assert result.stderr == "timeline: error: no/such/folder/accepted.json: cannot write: no such folder 'no/such/folder'\n"


@pytest.mark.parametrize("other", [("--baseline", "accepted.json"), ("--new",), ("--changed-since", "main")])
def test_write_baseline_goes_with_none_of_the_narrowing_options(cli, flood, other):
    result = cli("check", flood, "--write-baseline", "accepted.json", *other)
    assert result.exit_code == 2 and "--write-baseline records every finding" in result.stderr


def test_sarif_fingerprints_are_the_baselines(cli, flood):
    write_baseline(cli, flood)
    [entry] = json.loads(Path("accepted.json").read_text(encoding="utf-8"))["findings"]
    [result] = json.loads(cli("check", flood, "--format", "sarif").stdout)["runs"][0]["results"]
    assert result["partialFingerprints"]["timelineFinding/v1"] == entry["fingerprint"]


# The fingerprint itself, on findings built by hand.

def figure(path: str, text: str, line: int = 3, column: int = 5, quote: str = "A sentence.") -> FigureClaim:
    value = FigureValue(text=text, low=50, high=None, low_open=True, unit="percent")
    return FigureClaim(provenance=Provenance(path=path, line=line, column=column, quote=quote), text=text, value=value)


KEY = QuantityKey(subject="Ashcombe", measure="farmland", kind="share", unit="percent")


def finding(*claims: FigureClaim, rule: str = "figure-contradiction", key: QuantityKey | None = KEY) -> Finding:
    return Finding(rule=rule, severity=Severity.ERROR, subject="Ashcombe", message="m", location=claims[0].provenance, claims=claims, key=key)


@given(
    lines=st.tuples(st.integers(1, 10_000), st.integers(1, 10_000)),
    columns=st.tuples(st.integers(1, 500), st.integers(1, 500)),
    spacing=st.sampled_from([" ", "  ", "\t", "\n", " \u00a0"]),
    upper=st.booleans(),
    quote=st.text(max_size=40),
)
def test_lines_columns_sentences_spacing_case_and_order_play_no_part(lines, columns, spacing, upper, quote):
    before = finding(figure("flood/01.md", "around 30-35%"), figure("flood/02.md", "over 50%"))
    text = "around" + spacing + ("30-35%".upper() if upper else "30-35%")
    moved = finding(
        figure("flood/02.md", "over 50%", lines[1], columns[1], quote),
        figure("flood/01.md", text, lines[0], columns[0], quote),
    )  # fmt: skip
    assert fingerprint(moved) == fingerprint(before)


@pytest.mark.parametrize(
    ("changed", "why"),
    [
        (finding(figure("flood/01.md", "around 30-35%"), figure("flood/02.md", "over 55%")), "a value"),
        (finding(figure("flood/01.md", "around 30-35%"), figure("flood/03.md", "over 50%")), "a file"),
        (finding(figure("flood/01.md", "around 30-35%"), figure("flood/02.md", "over 50%"), figure("flood/04.md", "nearly 70%")), "a new statement"),
        (finding(figure("flood/01.md", "around 30-35%"), figure("flood/02.md", "over 50%"), rule="figure-divergence"), "the rule"),
        (finding(figure("flood/01.md", "around 30-35%"), figure("flood/02.md", "over 50%"), key=replace(KEY, measure="pasture")), "the key"),
    ],
)  # fmt: skip
def test_what_the_conflict_is_made_of_changes_the_fingerprint(changed, why):
    assert fingerprint(changed) != fingerprint(finding(figure("flood/01.md", "around 30-35%"), figure("flood/02.md", "over 50%"))), why


def test_corpus_names_are_relative_to_the_first_root_holding_the_file(tmp_path):
    (tmp_path / "flood" / "late").mkdir(parents=True)
    names = CorpusNames([tmp_path / "flood", tmp_path / "elsewhere" / "one.md"])
    assert names(str(tmp_path / "flood" / "late" / "04.md")) == "late/04.md"
    assert names(str(tmp_path / "elsewhere" / "one.md")) == "one.md"
    assert names(str(tmp_path / "stray.md")) == "stray.md"


def test_readme_baseline_examples_are_what_check_writes_and_prints(cli, seeds):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [entry] = re.findall(r"An entry of `seeds.baseline.json`:\n\n```json\n(.*?)```", readme, re.S)
    write_baseline(cli, "seeds")
    assert json.loads(entry) in json.loads(Path("accepted.json").read_text(encoding="utf-8"))["findings"]
    [(command, printed)] = re.findall(r"`(timeline check seeds --baseline seeds.baseline.json --format json)` prints:\n\n```json\n(.*?)```", readme, re.S)
    Path("seeds.baseline.json").write_bytes((ROOT / "seeds.baseline.json").read_bytes())
    assert cli(*shlex.split(command)[1:]).stdout == printed
