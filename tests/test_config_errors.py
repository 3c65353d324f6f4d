"""Configuration errors read as plain sentences: the entry by its id, the file and line, the key, a suggestion.

Each case copies the built-in rules into a folder of its own, breaks one
file, and compares the whole stderr line of `timeline rules`. Line numbers
are not written into the cases: each case marks the line it breaks, and the
test finds that line in the file it wrote.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.config import toml_line
from timeline.errors import ConfigError
from timeline.ruleset import default_rules_dir, load_ruleset

FLOOD_METRIC = "  - id: flood-death-toll\n    label: people killed in the flood\n    units: [count]\n    phrases: [flood deaths, drowned]\n"


def append(text: str):
    return lambda old: old + text


def replace(old: str, new: str):
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return edit


# (file to break, edit, how the line the error points at starts, expected message): {line} is the last
# line that starts so, {first} the first (for a thing written twice), {path} the file broken.
RULE_SET_CASES = {
    "unknown key, with the key it was meant to be": (
        "lexicon/metrics.yaml", append(FLOOD_METRIC.replace("phrases:", "phrase:")), "    phrase: [flood deaths",
        "unknown key 'phrase' in metric 'flood-death-toll' ({path}:{line}); did you mean 'phrases'?",
    ),
    "missing key, at the entry": (
        "lexicon/metrics.yaml", append(FLOOD_METRIC.replace("    phrases: [flood deaths, drowned]\n", "")), "  - id: flood-death-toll",
        "missing key 'phrases' in metric 'flood-death-toll' ({path}:{line})",
    ),
    "an entry with no id is named by its kind": (
        "lexicon/metrics.yaml", append(FLOOD_METRIC.replace("  - id: flood-death-toll\n    label", "  - label")), "  - label: people killed",
        "missing key 'id' in a metric ({path}:{line})",
    ),
    "a text where a list is needed": (
        "lexicon/metrics.yaml", append(FLOOD_METRIC.replace("units: [count]", "units: count")), "    units: count",
        "'units' in metric 'flood-death-toll' must be a list, not 'count' ({path}:{line})",
    ),
    "an item of a list that is not text": (
        "lexicon/metrics.yaml", append(FLOOD_METRIC.replace("units: [count]", "units:\n      - count\n      - {per: day}")), "      - {per: day}",
        "item 2 of 'units' in metric 'flood-death-toll' must be text, not a mapping ({path}:{line})",
    ),
    "a severity that does not exist": (
        "checks/figure-update.yaml", replace("severity: info", "severity: fatal"), "severity: fatal",
        "'severity' in rule 'figure-update' must be one of error, warning, info, not 'fatal' ({path}:{line})",
    ),
    "an unknown rule type": (
        "checks/figure-update.yaml", replace("type: figure-consistency", "type: figure-consistancy"), "type: figure-consistancy",
        "unknown rule type 'figure-consistancy' in rule 'figure-update' ({path}:{line}); did you mean 'figure-consistency'?",
    ),
    "an unknown option, called an option": (
        "checks/figure-update.yaml", replace("  report: [update]", "  reprot: [update]"), "  reprot: [update]",
        "unknown option 'reprot' in rule 'figure-update' ({path}:{line}); did you mean 'report'?",
    ),
    "an option below its bound": (
        "checks/date-mismatch.yaml", replace("max_gap_days: 14", "max_gap_days: -1"), "  max_gap_days: -1",
        "'max_gap_days' in rule 'date-mismatch' must be at least 0, not -1 ({path}:{line})",
    ),
    "a number written as a word": (
        "checks/date-mismatch.yaml", replace("max_gap_days: 14", "max_gap_days: fortnight"), "  max_gap_days: fortnight",
        "'max_gap_days' in rule 'date-mismatch' must be a whole number, not 'fortnight' ({path}:{line})",
    ),
    "a rule id used twice": (
        "checks/figure-update.yaml", replace("id: figure-update", "id: figure-contradiction"), "id: figure-contradiction",
        "duplicate rule id 'figure-contradiction' ({path}:{line}); the first is in rules/checks/figure-contradiction.yaml:1",
    ),
    "a metric id used twice": (
        "lexicon/metrics.yaml", append(FLOOD_METRIC + FLOOD_METRIC.replace("[count]", "[percent]")), "  - id: flood-death-toll",
        "duplicate metric id 'flood-death-toll' ({path}:{line}); the first is on line {first}",
    ),
    "a key written twice in one mapping": (
        "checks/figure-update.yaml", replace("description:", "severity: error\ndescription:"), "severity:",
        "key 'severity' is written twice in rule 'figure-update' ({path}:{line}); the first is on line {first}; only one is read",
    ),
    "a key in an entry inside an entry": (
        "lexicon/statuses.yaml",
        append("  - id: flood barrier\n    keywords: [barrier]\n    states:\n      - {state: raised, rank: 1, phrases: [raised]}\n      - {state: lowered, rnk: 2, phrases: [lowered]}\n"),
        "      - {state: lowered",
        "unknown key 'rnk' in state 'lowered' of status subject 'flood barrier' ({path}:{line}); did you mean 'rank'?",
    ),
    "a band is named by its unit": (
        "figures.yaml", replace("percent: {absolute: 2.5}", "percent: {absolut: 2.5}"), "  percent: {absolut",
        "unknown key 'absolut' in band 'percent' ({path}:{line}); did you mean 'absolute'?",
    ),
    "a transition is named by its two states; a choice with a space is quoted": (
        "statuses.yaml", append("  - {from: planned, to: finished, report: update}\n"), "  - {from: planned, to: finished",
        "'to' in transition 'planned -> finished' must be one of planned, pending, 'not done', done, ongoing, stopped, postponed, resumed, not 'finished' ({path}:{line})",
    ),
    "a key with no near miss lists the keys there are": (
        "statuses.yaml", append("  - {from: planned, to: done, report: update, weight: 2}\n"), "  - {from: planned, to: done, report: update, weight",
        "unknown key 'weight' in transition 'planned -> done' ({path}:{line}); expected one of: from, to, report",
    ),
    "a key at the top of a file names no entry": (
        "boilerplate.yaml", replace("\nlines:", "\nline:"), "line:",
        "unknown key 'line' ({path}:{line}); did you mean 'lines'?",
    ),
    "a lexicon list defined in two files": (
        "lexicon/events.yaml", append("entities:\n  - {id: Tellwick, aliases: [Tellwick]}\n"), "entities:",
        "'entities' is defined in more than one lexicon file ({path}:{line}); also in rules/lexicon/entities.yaml",
    ),
}


def break_rules(root: Path, file: str, edit) -> tuple[Path, str]:
    rules = root / "rules"
    shutil.copytree(default_rules_dir(), rules)
    target = rules / file
    target.write_text(edit(target.read_text(encoding="utf-8")), encoding="utf-8")
    return target, target.read_text(encoding="utf-8")


def line_of(text: str, start: str, occurrence: int = -1) -> int:
    lines = [number for number, line in enumerate(text.splitlines(), 1) if line.startswith(start)]
    assert lines, start
    return lines[occurrence]


@pytest.mark.parametrize("file, edit, marked, expected", RULE_SET_CASES.values(), ids=RULE_SET_CASES.keys())
def test_a_broken_rule_set_is_one_plain_line(cli, tmp_path, file, edit, marked, expected):
    """From a folder with its own (empty) settings, so that rules/ beside them is the rule set in force."""
    _, text = break_rules(tmp_path, file, edit)
    (tmp_path / "timeline.toml").write_text("", encoding="utf-8")
    fields = {"path": f"rules/{file}", "line": line_of(text, marked), "first": line_of(text, marked, 0)}
    result = cli("rules")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"timeline: error: {expected.format(**fields)}\n"


def test_the_issue_example_holds_to_the_letter(tmp_path, monkeypatch):
    """An invented flood story's metric with a misspelt key, found from the rule set's own folder."""
    _, text = break_rules(tmp_path, "lexicon/metrics.yaml", append(FLOOD_METRIC.replace("phrases:", "phrase:")))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as caught:
        load_ruleset(Path("rules"))
    line = line_of(text, "    phrase:")
    assert str(caught.value) == f"unknown key 'phrase' in metric 'flood-death-toll' (rules/lexicon/metrics.yaml:{line}); did you mean 'phrases'?"
    assert (caught.value.path, caught.value.line) == ("rules/lexicon/metrics.yaml", line)


def test_yaml_syntax_keeps_the_compiler_form_and_says_where_the_list_opened(cli, tmp_path):
    break_rules(tmp_path, "lexicon/entities.yaml", lambda _: "entities:\n  - id: Tellwick\n    aliases: [Tellwick, the town\n")
    result = cli("rules", "--rules", "rules")
    assert result.exit_code == 2
    assert result.stderr.startswith("timeline: error: rules/lexicon/entities.yaml:4: invalid YAML: expected ',' or ']'")
    assert "(while parsing a flow sequence that starts on line 3)" in result.stderr
    readme = " ".join((Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8").split())
    assert f"`{result.stderr.removeprefix('timeline: error: ').strip()}`" in readme


def test_a_file_that_is_a_list_at_the_top_is_named(cli, tmp_path):
    break_rules(tmp_path, "lexicon/entities.yaml", lambda _: "- Tellwick\n- Harbour\n")
    result = cli("rules", "--rules", "rules")
    assert result.stderr == "timeline: error: rules/lexicon/entities.yaml:1: expected keys and values at the top level, not a list or a single value\n"


# (settings file, its text, the text of the line the error points at, expected message with {line})
SETTINGS_CASES = {
    "a Python spelling of a key": (
        "pyproject.toml", '[project]\nname = "desk"\n\n[tool.timeline]\ncorpus = "articles"\nfail_on = "warning"\n', "fail_on",
        "unknown key 'fail_on' in [tool.timeline] (pyproject.toml:{line}); did you mean 'fail-on'?",
    ),
    "a choice that does not exist": (
        "pyproject.toml", '[tool.timeline]\nfail-on = "fatal"\n', "fail-on",
        "'fail-on' in [tool.timeline] must be one of error, warning, info, never, not 'fatal' (pyproject.toml:{line})",
    ),
    "a month out of range in a subtable": (
        "pyproject.toml", '[tool.timeline]\nday-first = false\n\n[tool.timeline.fiscal-year-start-by-source]\n"Harbour Post" = 13\n', '"Harbour Post"',
        "'Harbour Post' in [tool.timeline.fiscal-year-start-by-source] must be at most 12, not 13 (pyproject.toml:{line})",
    ),
    "a misspelt key in timeline.toml names no table": (
        "timeline.toml", "# settings of the desk\nmax-claim = 3\n", "max-claim",
        "unknown key 'max-claim' (timeline.toml:{line}); did you mean 'max-claims'?",
    ),
    "timeline.toml written like a pyproject.toml": (
        "timeline.toml", '[tool.timeline]\ncorpus = "articles"\n', "[tool.timeline]",
        "unknown key 'tool' (timeline.toml:{line}); timeline.toml takes the settings at its top level, without [tool.timeline]",
    ),
    "true or false written as a word": (
        "timeline.toml", 'day-first = "yes"\n', "day-first",
        "'day-first' must be true or false, not 'yes' (timeline.toml:{line})",
    ),
    "a rules folder that is not a rule set": (
        "pyproject.toml", '[tool.timeline]\nrules = "house-style"\n', "rules",
        "'rules' in [tool.timeline] names 'house-style', which is not a rule set folder (no checks/ inside) (pyproject.toml:{line})",
    ),
    "TOML that does not parse keeps the compiler form": (
        "timeline.toml", "corpus = [\"articles\"\nfail-on = 'error'\n", "fail-on",
        "timeline.toml:{line}: invalid TOML: unclosed array",
    ),
}


@pytest.mark.parametrize("name, text, marked, expected", SETTINGS_CASES.values(), ids=SETTINGS_CASES.keys())
def test_a_broken_setting_is_one_plain_line(cli, tmp_path, name, text, marked, expected):
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = cli("rules")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"timeline: error: {expected.format(line=line_of(text, marked, 0))}\n"


KEYS = st.sampled_from(["corpus", "fail-on", "rules", "day-first", "max-claims", "Capitol Ledger", "Harbour Post", "x_1"])


@settings(max_examples=150, deadline=None)
@given(
    before=st.lists(KEYS, max_size=4),
    key=KEYS,
    quote=st.sampled_from(['{}', '"{}"', "'{}'"]),
    spaces=st.sampled_from(["", " ", "   "]),
    nested=st.booleans(),
    comments=st.integers(0, 3),
)
def test_the_line_of_a_setting_is_found_however_it_is_written(before, key, quote, spaces, nested, comments):
    """Keys written bare or quoted, indented or not, after other keys and tables, in a table or its subtable."""
    if " " in key and quote == "{}":
        quote = '"{}"'
    lines = ["[project]", 'name = "desk"', *(["# a comment"] * comments), "[tool.timeline]"]
    lines += [f"{spaces}{other.replace(' ', '-')} = 1" for other in before if other.replace(" ", "-") != key]
    if nested:
        lines.append("[tool.timeline.fiscal-year-start-by-source]")
    lines.append(f"{spaces}{quote.format(key)}{spaces}= 7")
    lines.append("[tool.other]")
    lines.append(f"{quote.format(key)} = 8")
    loc = ("fiscal-year-start-by-source", key) if nested else (key,)
    assert toml_line("\n".join(lines) + "\n", ("tool", "timeline"), loc) == len(lines) - 2


@settings(max_examples=40, deadline=None)
@given(
    ids=st.lists(st.from_regex(r"[a-z]{3,8}(-[a-z]{3,8}){0,2}", fullmatch=True), min_size=1, max_size=5, unique=True),
    broken=st.integers(0, 4),
    typo=st.sampled_from(["phrase", "unit", "labels", "require"]),
)
def test_an_unknown_key_is_found_in_whichever_metric_it_is(tmp_path_factory, ids, broken, typo):
    root = tmp_path_factory.mktemp("rules")
    broken %= len(ids)
    entries = []
    for index, metric_id in enumerate(ids):
        entry = FLOOD_METRIC.replace("flood-death-toll", metric_id)
        entries.append(entry.replace("    label:", f"    {typo}: [x]\n    label:") if index == broken else entry)
    break_rules(root, "lexicon/metrics.yaml", lambda _: "metrics:\n" + "".join(entries))
    with pytest.raises(ConfigError) as caught:
        load_ruleset(root / "rules")
    assert caught.value.message == f"unknown key '{typo}' in metric '{ids[broken]}'"
    assert caught.value.line == 2 + 4 * broken + 1  # "metrics:", four lines per metric before it, then its id
    assert caught.value.hint.startswith("did you mean '")


def test_the_readme_examples_are_what_these_edits_print(cli, tmp_path, monkeypatch):
    """The README's block of configuration errors, each made by the case of the same meaning above."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    [block] = re.findall(r"then a hint:\n\n```text\n(.*?)```", readme, re.S)
    printed = []
    for case in ("unknown key, with the key it was meant to be", "missing key, at the entry", "a severity that does not exist", "an unknown rule type", "a rule id used twice"):
        file, edit, _, _ = RULE_SET_CASES[case]
        folder = tmp_path / str(len(printed))
        break_rules(folder, file, edit)
        monkeypatch.chdir(folder)
        printed.append(cli("rules", "--rules", "rules").stderr)
    name, text, _, _ = SETTINGS_CASES["a Python spelling of a key"]
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "desk")
    printed.append(cli("rules").stderr)
    assert block == "".join(printed)
