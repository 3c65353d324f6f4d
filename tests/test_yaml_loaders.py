"""libyaml reads the rule set and front matter exactly as Python's YAML parser did, and errors still read as before.

``yaml_document.py`` and ``front_matter.py`` parse with libyaml when PyYAML
has it (about 0.25 s less for every run) and fall back to Python's parser for
a file libyaml rejects, so that an error keeps its wording and line. These
tests hold the two parsers to the same data and the same lines on every rules
file and on every article's front matter we ship, and check that errors still
come from Python's parser.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from timeline.errors import ConfigError, InputError
from timeline.front_matter import FastPlainLoader, PlainLoader, split_front_matter
from timeline.yaml_document import FAST_LOADER, YamlDocument, _compose

ROOT = Path(__file__).resolve().parent.parent
RULE_FILES = sorted((ROOT / "rules").rglob("*.yaml"))
ARTICLES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "stories").glob("*/*.txt"))


def test_libyaml_is_in_use() -> None:
    assert FAST_LOADER is yaml.CSafeLoader  # PyYAML's wheels carry libyaml; without it both paths are Python's
    assert issubclass(FastPlainLoader, yaml.CSafeLoader)


def node_lines(node: yaml.Node | None) -> list[tuple[str, int, int]]:
    """Every node's tag and start line and column, depth first."""
    if node is None:
        return []
    lines = [(node.tag, node.start_mark.line, node.start_mark.column)]
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines += node_lines(key) + node_lines(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            lines += node_lines(item)
    return lines


@pytest.mark.parametrize("path", RULE_FILES, ids=[str(p.relative_to(ROOT)) for p in RULE_FILES])
def test_rules_file_reads_the_same_with_both_parsers(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast_node, fast_data = _compose(text, FAST_LOADER)
    python_node, python_data = _compose(text, yaml.SafeLoader)
    assert fast_data == python_data and fast_data
    assert node_lines(fast_node) == node_lines(python_node)


def test_front_matter_of_every_article_reads_the_same_with_both_parsers() -> None:
    read = 0
    for path in ARTICLES:
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            source = text[4 : text.index("\n---", 4)]
            assert yaml.load(source, Loader=FastPlainLoader) == yaml.load(source, Loader=PlainLoader), path
            read += 1
    assert read >= 20


@pytest.mark.parametrize(
    ("front", "value"),
    [("published: 2025-02-30", "2025-02-30"), ("published: 2025-06-17", "2025-06-17"), ("title: 'on: colons'", "on: colons"), ("count: 12", 12)],
)
def test_front_matter_dates_stay_text_on_libyaml(front: str, value: object) -> None:
    data = yaml.load(front, Loader=FastPlainLoader)
    assert list(data.values()) == [value]  # no implicit timestamp: dates are judged by the tool, not by YAML


def test_a_broken_rules_file_is_explained_by_pythons_parser(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("metrics:\n  - id: a\n    words: [x, y\n  - id: b\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        YamlDocument.read(path)
    try:
        yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        expected = error.problem
    assert f"invalid YAML: {expected}" in str(caught.value)


def test_broken_front_matter_keeps_its_line() -> None:
    text = "---\ntitle: x\nsource: [unclosed\npublished: 2025-06-17\n---\nBody.\n"
    with pytest.raises(InputError) as caught:
        split_front_matter(text, "a.md")
    assert "not valid YAML" in str(caught.value)
    assert caught.value.line == 4  # the 'published' line, where the parser finds the list unclosed ('---' is line 1)
