"""The fast JSON writer gives json.dumps(indent=2, ensure_ascii=False)'s exact text."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.render.json_text import pretty, stream

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | st.text()
documents = st.recursive(scalars, lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5), max_leaves=40)


@settings(max_examples=500, deadline=None)
@given(documents)
def test_same_text_as_json_dumps(document):
    assert pretty(document) == json.dumps(document, indent=2, ensure_ascii=False)


CASES = [
    {"quote": "Rain \u201ceased\u201d \x1b[31m at 5\u00a0pm", "tab": "a\tb", "line": 3, "ratio": 0.25, "empty": {}, "none": []},
    {"claims": ({"path": "a.md", "line": 1},), "spread": 1e-7, "big": 10**30},
    {1: "an int key", None: "a None key"},  # keys JSON converts: left to json.dumps
]


def test_cases():
    for document in CASES:
        assert pretty(document) == json.dumps(document, indent=2, ensure_ascii=False)


def test_a_value_json_does_not_know_fails_as_json_dumps_does():
    with pytest.raises(TypeError, match="not JSON serializable"):
        pretty({"day": date(2031, 5, 1)})


reports = st.dictionaries(st.text(), st.one_of(documents, st.lists(documents, max_size=6)), max_size=4)


@settings(max_examples=300, deadline=None)
@given(reports, st.booleans())
def test_a_streamed_report_joins_to_the_same_text(report, lists_as_iterators):
    streamed = {key: iter(value) if lists_as_iterators and isinstance(value, list) else value for key, value in report.items()}
    assert "".join(stream(streamed)) == json.dumps(report, indent=2, ensure_ascii=False)


def test_an_item_json_dumps_must_convert_is_left_to_it_and_the_rest_still_streams():
    report = {"mentions": [{"line": 1}, {2: "an int key"}], "summary": {"n": 2}}
    assert "".join(stream(report)) == json.dumps(report, indent=2, ensure_ascii=False)


def test_a_streamed_list_makes_each_record_only_when_it_is_written():
    made = []

    def records():
        for n in range(3):
            made.append(n)
            yield {"n": n}

    pieces = stream({"findings": records(), "summary": {"findings": 3}})
    assert next(pieces) == '{\n  "findings": '
    assert next(pieces) == '[\n    {\n      "n": 0\n    }' and made == [0]
    assert next(pieces) == ',\n    {\n      "n": 1\n    }' and made == [0, 1]
    assert "".join(pieces).endswith('"findings": 3\n  }\n}') and made == [0, 1, 2]
