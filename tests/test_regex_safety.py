"""Regular expressions in rule files are refused at load when invalid or able to backtrack for ever."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from timeline.regex_safety import ALTERNATIVES, NESTED, regex_problem

ROOT = Path(__file__).resolve().parent.parent

CASES = [
    # pattern, expected problem (None: accepted)
    (r"Subscribe to \S+", None),
    (r"(?:Also read|Read more)\s*:.*", None),
    (r"[\w\s]+", None),
    (r"(?:ab){2}", None),
    (r"(?i:also read|read more)\s*:[^“\n]*", None),
    (r"(\w+\s?)+$", NESTED),
    (r"(a+)+b", NESTED),
    (r"(?:x*y?)*z", NESTED),
    (r"(?:\d+,?){3,}", NESTED),
    (r"(a|a)*", ALTERNATIVES),
    (r"(?:Sign up|Subscribe)+", ALTERNATIVES),
    (r"(?=(a+)+)", NESTED),
    (r"(", "not a valid regular expression"),
    (r"[z-a]", "not a valid regular expression"),
    (r"a{2,1}", "not a valid regular expression"),
    (r"[[a]", "read differently by future Python versions"),  # a possible nested set
    (r"[a--b]", "read differently by future Python versions"),  # a possible set difference
    (r"\[\[a\]", None),
]


@pytest.mark.parametrize("pattern, problem", CASES)
def test_pattern_is_judged(pattern, problem):
    found = regex_problem(pattern)
    if problem is None:
        assert found is None
    else:
        assert found is not None and found.startswith(problem)


@given(st.text(alphabet="ab()|*+?{},[]^$\\.-2", max_size=12))
def test_an_accepted_pattern_compiles(pattern):
    if regex_problem(pattern) is None:
        re.compile(pattern)


def test_a_backtracking_boilerplate_pattern_stops_the_run_with_its_file_and_line(cli, seeds, tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    boilerplate = rules / "boilerplate.yaml"
    text = boilerplate.read_text(encoding="utf-8")
    boilerplate.write_text(text + "  - '(\\w+\\s?)+$'\n", encoding="utf-8")
    line = text.count("\n") + 1
    result = cli("check", seeds, "--rules", "rules")  # from tmp_path, the working folder
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"timeline: error: item {len(yaml.safe_load(text)['span_patterns']) + 1} of 'span_patterns' is not valid: "
        f"'(\\\\w+\\\\s?)+$' has {NESTED} (rules/boilerplate.yaml:{line})\n"
    )
