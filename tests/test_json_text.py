"""The fast JSON writer gives json.dumps(indent=2, ensure_ascii=False)'s exact text."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.render.json_text import pretty

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
