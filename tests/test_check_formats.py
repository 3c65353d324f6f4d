"""`timeline check --format concise|github|sarif`: what all three promise, and `concise` itself.

Every format reports the same findings as JSON, anchored at the same place,
errors first; the exit code does not depend on the format; output is
deterministic. GitHub's escaping and SARIF's schema have their own modules.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from timeline.models import Finding, Provenance, Severity
from timeline.render import concise
from timeline.render.findings import places, printable, relative_path, severity_first

NEW_FORMATS = ("concise", "github", "sarif")
CONCISE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info) (?P<rule>[a-z-]+) (?P<message>.+)$")
RANK = {"error": 3, "warning": 2, "info": 1}


def concise_lines(cli, *args) -> list[dict]:
    lines = cli("check", *args, "--format", "concise").stdout.splitlines()
    matches = [CONCISE.match(line) for line in lines]
    assert all(matches), lines
    return [m.groupdict() for m in matches]


def test_concise_has_one_line_per_json_finding_at_the_same_place(cli, seeds):
    findings = cli.json("check", seeds)["findings"]
    lines = concise_lines(cli, seeds)
    assert len(lines) == len(findings) == 4
    expected = {(f["path"], str(f["line"]), str(f["column"]), f["severity"], f["rule"], f["message"]) for f in findings}
    assert {(x["path"], x["line"], x["column"], x["severity"], x["rule"], x["message"]) for x in lines} == expected


def test_concise_on_seeds_puts_the_one_error_first(cli, seeds):
    lines = concise_lines(cli, seeds)
    assert [(Path(x["path"]).name[:3], x["line"], x["severity"], x["rule"]) for x in lines] == [
        ("003", "9", "error", "figure-contradiction"),
        ("000", "11", "warning", "status-change"),
        ("003", "1", "warning", "article-undated"),
        ("003", "9", "warning", "figure-divergence"),
    ]


def test_concise_orders_by_severity_then_path_and_line(cli, story):
    lines = concise_lines(cli, story)
    assert [(Path(x["path"]).name, int(x["line"]), x["severity"]) for x in lines] == [
        ("a-harbour-post.md", 7, "error"),
        ("c-notes.md", 1, "warning"),
        ("a-harbour-post.md", 5, "info"),
    ]
    engine_order = [(Path(f["path"]).name, f["line"]) for f in cli.json("check", story)["findings"]]
    assert engine_order == [("a-harbour-post.md", 5), ("a-harbour-post.md", 7), ("c-notes.md", 1)], "the story no longer tests the reordering"


def test_concise_points_at_the_first_statement_on_disk(cli, story):
    first = concise_lines(cli, story)[0]
    line = (story / "a-harbour-post.md").read_text(encoding="utf-8").split("\n")[int(first["line"]) - 1]
    assert line[int(first["column"]) - 1 :].startswith("around 40-45%")


def test_concise_prints_nothing_for_a_clean_corpus(cli, tmp_path):
    (tmp_path / "one.md").write_text("---\npublished: 2031-03-03\n---\nThe Tellwick ferry sailed on time on Monday.\n", encoding="utf-8")
    result = cli("check", tmp_path, "--format", "concise")
    assert (result.exit_code, result.stdout) == (0, "")


@pytest.mark.parametrize("output_format", NEW_FORMATS)
@pytest.mark.parametrize("fail_on", [None, "warning", "info", "never"])
def test_exit_code_does_not_depend_on_the_format(cli, story, output_format, fail_on):
    options = ["--fail-on", fail_on] if fail_on else []
    assert cli("check", story, *options, "--format", output_format).exit_code == cli("check", story, *options).exit_code


@pytest.mark.parametrize("output_format", NEW_FORMATS)
def test_an_unreadable_article_is_reported_on_stderr_and_exits_2(cli, story, output_format):
    (story / "broken.md").write_bytes(b"The Tellwick \xff dam.\n")
    result = cli("check", story, "--format", output_format)
    assert result.exit_code == 2
    assert "broken.md" in result.stderr
    assert "input-error" in result.stdout and "broken.md" in result.stdout, "the unreadable article is in the report too"
    assert "figure-contradiction" in result.stdout, "the readable articles are still reported"


@pytest.mark.parametrize("output_format", NEW_FORMATS)
def test_output_is_the_same_bytes_every_run(cli, seeds, output_format):
    first = cli("check", seeds, "--format", output_format).stdout
    assert first and first == cli("check", seeds, "--format", output_format).stdout


@pytest.mark.parametrize("output_format", NEW_FORMATS)
def test_explain_keys_is_refused_outside_table_and_json(cli, seeds, output_format):
    result = cli("check", seeds, "--format", output_format, "--explain-keys")
    assert result.exit_code == 2
    assert "--explain-keys" in result.output and "Traceback" not in result.output


def test_only_check_gains_the_new_formats(cli, seeds):
    for command in ("show", "claims"):
        result = cli(command, seeds, "--format", "concise")
        assert result.exit_code == 2 and "Invalid value" in result.output


def finding(severity: str, path: str, line: int, rule: str = "r") -> Finding:
    where = Provenance(path=path, line=line, column=1, quote="q")
    return Finding(rule=rule, severity=Severity(severity), subject=None, message="m", location=where)


def test_severity_first_is_a_stable_sort_of_the_engine_order():
    engine_order = [finding("info", "a", 1), finding("error", "a", 2), finding("warning", "a", 3), finding("error", "b", 1), finding("info", "b", 2)]
    assert [(f.severity.value, f.location.path, f.location.line) for f in severity_first(engine_order)] == [
        ("error", "a", 2), ("error", "b", 1), ("warning", "a", 3), ("info", "a", 1), ("info", "b", 2),
    ]  # fmt: skip


def test_places_start_at_the_anchor_and_name_each_place_once(cli, seeds):
    from timeline.cli import load_run
    from timeline.engine import run_rules

    run = load_run((seeds,), None)
    for each in run_rules(run.corpus, run.ruleset):
        spots = [(p.path, p.line, p.column) for p in places(each)]
        assert spots[0] == (each.location.path, each.location.line, each.location.column)
        assert len(spots) == len(set(spots))
        assert set(spots[1:]) <= {(c.provenance.path, c.provenance.line, c.provenance.column) for c in each.claims}


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain text, “quoted” ₹900 crore", "plain text, “quoted” ₹900 crore"),
        ("tab\tkept", "tab\tkept"),
        ("line\nend\r", "line\\x0aend\\x0d"),
        ("\x1b]8;;https://x.example\x07link\x1b]8;;\x07", "\\x1b]8;;https://x.example\\x07link\\x1b]8;;\\x07"),
        ("\x1b[2Jclear\x7f\x9b", "\\x1b[2Jclear\\x7f\\x9b"),
        ("nel\x85ls\u2028ps\u2029vt\x0bff\x0c", "nel\\x85ls\\u2028ps\\u2029vt\\x0bff\\x0c"),
        ("rtl\u202eoverride\u2066", "rtl\\u202eoverride\\u2066"),
    ],
)
def test_printable_writes_out_what_a_terminal_or_log_would_act_on(text, shown):
    assert printable(text) == shown


def test_concise_keeps_a_hostile_file_name_on_its_own_line(cli, tmp_path):
    name = "evil\n::error file=x::pwned \x1b[31mred\x07.md"
    (tmp_path / name).write_text("The Tellwick spillway was inspected.\n", encoding="utf-8")
    result = cli("check", tmp_path, "--format", "concise")
    [line] = result.stdout.splitlines()
    assert line.endswith(": warning article-undated article has no publication date")
    assert "evil\\x0a::error file=x::pwned \\x1b[31mred\\x07.md:1:1:" in line
    assert not any(ch in line for ch in "\x1b\x07\r")


def test_relative_path_is_relative_to_the_current_folder_with_forward_slashes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert relative_path(str(tmp_path / "story" / "a.md")) == "story/a.md"
    assert relative_path("story/a.md") == "story/a.md"
    outside = tmp_path.parent / "elsewhere.md"
    assert relative_path(str(outside)) == outside.as_posix()


def test_concise_renderer_collapses_a_message_to_one_line():
    where = Provenance(path="story/a.md", line=3, column=7, quote="q")
    multi = Finding(rule="figure-divergence", severity=Severity.WARNING, subject=None, message="two\nlines\r\nhere", location=where)
    assert concise.render_findings([multi]) == "story/a.md:3:7: warning figure-divergence two lines here\n"


def test_json_output_is_unchanged_by_the_new_formats(cli, seeds):
    report = cli.json("check", seeds)
    assert [f["rule"] for f in report["findings"]] == ["status-change", "article-undated", "figure-contradiction", "figure-divergence"]
    assert json.loads(cli("check", seeds, "--format", "json").stdout) == report
