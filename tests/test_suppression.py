"""Silencing: `--select` / `--ignore` (and their settings), and `<!-- timeline: ignore RULE -->` markers in articles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.suppression import MARKER, split_ids, strip_ignore_markers

FARMLAND = "Floodwater covered over 50% of the Ashcombe district farmland on Sunday, the county engineer said."


def rules_of(report: dict) -> list[str]:
    return [f["rule"] for f in report["findings"]]


def settings(folder: Path, lines: str) -> None:
    (folder / "pyproject.toml").write_text(f"[tool.timeline]\n{lines}\n", encoding="utf-8")


# --select and --ignore.


def test_select_runs_only_the_rules_named(cli, seeds):
    assert rules_of(cli.json("check", seeds, "--select", "figure-contradiction")) == ["figure-contradiction"]
    chosen = cli.json("check", seeds, "--select", "status-change,figure-divergence")
    assert sorted(rules_of(chosen)) == ["figure-divergence", "status-change"]
    assert sorted(rules_of(cli.json("check", seeds, "--select", "status-change", "--select", "article-undated"))) == ["article-undated", "status-change"]
    log = json.loads(cli("check", seeds, "--select", "figure-contradiction", "--format", "sarif").stdout)
    assert [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]] == ["figure-contradiction"], "SARIF lists the rules that ran"


def test_ignore_leaves_rules_out_and_wins_over_select(cli, seeds):
    assert rules_of(cli.json("check", seeds, "--ignore", "article-undated, status-change")) == ["figure-contradiction", "figure-divergence"]
    assert rules_of(cli.json("check", seeds, "--select", "figure-contradiction,status-change", "--ignore", "status-change")) == ["figure-contradiction"]
    result = cli("check", seeds, "--ignore", "figure-contradiction")
    assert result.exit_code == 0, "the only error was not checked"


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--select", "figure-contradicton", "Error: unknown rule 'figure-contradicton'; did you mean 'figure-contradiction'?"),
        ("--ignore", "status-change,weekday-mismatches", "Error: unknown rule 'weekday-mismatches'; did you mean 'weekday-mismatch'?"),
        ("--ignore", "F401", "Error: unknown rule 'F401' (see `timeline rules`)"),
    ],
)  # fmt: skip
def test_an_unknown_rule_id_is_a_usage_error_with_a_suggestion(cli, seeds, option, value, message):
    result = cli("check", seeds, option, value)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.rstrip().splitlines()[-1] == message


def test_settings_select_and_ignore_and_how_the_command_line_combines_with_them(cli, seeds, tmp_path):
    settings(tmp_path, 'select = ["figure-contradiction", "figure-divergence", "status-change"]\nignore = ["figure-divergence"]')
    assert rules_of(cli.json("check", seeds)) == ["status-change", "figure-contradiction"]
    assert rules_of(cli.json("check", seeds, "--select", "article-undated,figure-divergence")) == ["article-undated"], "--select replaces select; ignore holds"
    assert rules_of(cli.json("check", seeds, "--ignore", "status-change")) == ["figure-contradiction"], "--ignore adds to ignore"


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ('select = ["figure-contradiction", "status-chnage"]', "timeline: error: [tool.timeline] select: unknown rule 'status-chnage'; did you mean 'status-change'?"),
        ('ignore = ["article-undate"]', "timeline: error: [tool.timeline] ignore: unknown rule 'article-undate'; did you mean 'article-undated'?"),
    ],
)  # fmt: skip
def test_an_unknown_rule_id_in_the_settings_is_one_line_and_exit_2(cli, seeds, tmp_path, lines, message):
    settings(tmp_path, lines)
    result = cli("check", seeds)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message + "\n")


# Inline ignore markers.


def with_marker(flood: Path, name: str, old: str, new: str) -> None:
    path = flood / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize(
    ("placed", "silences"),
    [
        (FARMLAND + " <!-- timeline: ignore figure-contradiction -->", True),
        (FARMLAND + "<!--timeline:ignore figure-divergence,figure-contradiction-->", True),
        ("<!-- timeline: ignore figure-contradiction -->\n\n" + FARMLAND, True),
        ("<!-- timeline: ignore figure-contradiction -->\n" + FARMLAND, True),
        ("<!-- timeline: ignore figure-contradiction --> " + FARMLAND, True),
        (FARMLAND + " <!-- timeline: ignore figure-divergence -->", False),
        ("<!-- timeline: ignore figure-contradiction -->\nThe council met.\n\n" + FARMLAND, False),
        (FARMLAND + " <!-- timeline: ignored figure-contradiction -->", False),
    ],
)  # fmt: skip
def test_a_marker_silences_its_rules_on_its_line_or_the_next_non_blank_one(cli, flood, placed, silences):
    with_marker(flood, "02_wire.md", FARMLAND, placed)
    report = cli.json("check", flood)
    assert rules_of(report) == ([] if silences else ["figure-contradiction"])
    assert report["summary"]["silenced"] == (1 if silences else 0)


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_the_same_marker_works_in_txt_and_md_on_any_statement_of_the_finding(cli, flood, suffix):
    with_marker(flood, "01_courier.md", "county engineer said.", "county engineer said. <!-- timeline: ignore figure-contradiction -->")
    (flood / "01_courier.md").rename(flood / f"01_courier{suffix}")
    result = cli("check", flood)
    assert result.exit_code == 0
    assert "; 1 finding silenced by ignore markers;" in result.stdout


def test_the_marker_is_not_article_text_and_moves_no_column(cli, flood):
    before = {(c["line"], c["column"], c["text"]) for c in cli.json("claims", flood / "02_wire.md")["mentions"]}
    inline = "<!-- timeline: ignore status-change -->"
    with_marker(flood, "02_wire.md", "Floodwater covered", inline + "Floodwater covered")  # line 7
    with_marker(flood, "02_wire.md", "The council opened", "<!-- timeline: ignore figure-divergence -->\nThe council opened")  # was 9, now 10
    mentions = cli.json("claims", flood / "02_wire.md")["mentions"]
    assert all("timeline" not in m["quote"] and "<!--" not in m["quote"] for m in mentions)
    lines = (flood / "02_wire.md").read_text(encoding="utf-8").split("\n")
    for mention in mentions:
        assert lines[mention["line"] - 1][mention["column"] - 1 :].startswith(mention["text"]), "columns are the file's, marker and all"

    def without_markers(mention: dict) -> tuple[int, int, str]:
        line, column = mention["line"], mention["column"]
        return (line - 1 if line >= 10 else line, column - len(inline) if line == 7 else column, mention["text"])

    assert {without_markers(m) for m in mentions} == before


def test_an_unknown_rule_in_a_marker_is_a_warning_and_the_other_ids_still_apply(cli, flood):
    with_marker(flood, "02_wire.md", FARMLAND, FARMLAND + " <!-- timeline: ignore figure-contradiction, figure-contradicton -->")
    (flood / "03_notes.md").write_text("Schools reopened.\n<!-- timeline: ignore -->\n", encoding="utf-8")
    result = cli("check", "flood", "--format", "concise")
    assert result.exit_code == 0 and "figure-contradiction" not in result.stdout
    assert result.stderr.splitlines() == [
        "timeline: warning: flood/02_wire.md:7: unknown rule 'figure-contradicton' in an ignore marker; did you mean 'figure-contradiction'?",
        "timeline: warning: flood/03_notes.md:2: ignore marker names no rule, so it silences nothing",
    ]


def test_a_marker_for_a_rule_left_out_by_ignore_is_not_unknown(cli, flood):
    with_marker(flood, "02_wire.md", FARMLAND, FARMLAND + " <!-- timeline: ignore status-change -->")
    result = cli("check", flood, "--ignore", "status-change")
    assert result.stderr == ""


def test_a_marker_silences_an_article_finding_at_its_anchor(cli, flood):
    (flood / "04_undated.md").write_text("<!-- timeline: ignore article-undated -->\nSchools in Ashcombe reopened.\n", encoding="utf-8")
    report = cli.json("check", flood)
    assert rules_of(report) == ["figure-contradiction"] and report["summary"]["silenced"] == 1


# Reading markers.


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("<!-- timeline: ignore figure-divergence -->", ("figure-divergence",)),
        ("<!-- timeline: ignore a,b -->", ("a", "b")),
        ("<!--   timeline:  ignore  a ,  b  , -->", ("a", "b")),
        ("<!-- timeline: ignore -->", ()),
        ("<!-- timeline: ignore figure divergence -->", ("figure divergence",)),
    ],
)  # fmt: skip
def test_marker_ids(text, ids):
    body, [marker] = strip_ignore_markers(f"Text. {text}\n")
    assert marker.rules == ids and body == "Text. " + " " * len(text) + "\n"


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("a <!-- timeline: ignore x -->\nb\n", [1]),
        ("<!-- timeline: ignore x -->\n\n  \nb\n", [4]),
        ("<!-- timeline: ignore x -->\n<!-- timeline: ignore y -->\nb\n", [3, 3]),
        ("b\n<!-- timeline: ignore x -->\n", [2]),
    ],
)  # fmt: skip
def test_marker_targets(text, targets):
    _, markers = strip_ignore_markers(text)
    assert [m.target for m in markers] == targets


PIECES = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(blacklist_characters="<>"), max_size=30),
        st.just("\n"),
        st.builds(lambda ids: f"<!-- timeline: ignore {', '.join(ids)} -->", st.lists(st.from_regex(r"[a-z][a-z-]{0,12}", fullmatch=True), max_size=3)),
    ),
    max_size=12,
)


@given(PIECES)
def test_stripping_keeps_every_offset_and_every_other_character(pieces):
    text = "".join(pieces)
    body, markers = strip_ignore_markers(text)
    assert len(body) == len(text) and [i for i, c in enumerate(body) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    assert MARKER.search(body) is None and len(markers) == len(MARKER.findall(text))
    spans = [range(m.start(), m.end()) for m in MARKER.finditer(text)]
    assert all(body[i] == text[i] for i in range(len(text)) if not any(i in span for span in spans))


@pytest.mark.parametrize(
    ("values", "ids"),
    [(("a,b", "c"), ["a", "b", "c"]), ((" a , ,b ",), ["a", "b"]), ((), [])],
)  # fmt: skip
def test_split_ids(values, ids):
    assert split_ids(values) == ids


def test_readme_examples_of_the_usage_error_and_the_marker_are_true(cli, seeds, flood):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    [usage] = re.findall(r"`(Error: unknown rule [^`]+)`", readme)
    assert cli("check", seeds, "--select", "figure-contradicton").stderr.rstrip().splitlines()[-1] == usage
    [line] = re.findall(r"```markdown\n(Floodwater [^\n]*<!-- timeline: ignore [^\n]*)\n```", readme)
    _, [marker] = strip_ignore_markers(line)
    assert marker.rules == ("figure-contradiction",) and marker.target == 1
