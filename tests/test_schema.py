"""`timeline schema`: the JSON Schemas of the tool's documents, and real output validated against them.

Output from the seeds and from the bridge-closure story (which has every
optional field: "early June" modifiers, weekday conflicts, counted nouns,
figure findings, --explain-keys) must validate, and a document with a field
too many or one missing must not: the schema and the output cannot drift apart.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from timeline.documents import DOCUMENTS, json_schema

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "tests" / "stories" / "bridge-closure"
CORPORA = {"seeds": ROOT / "seeds", "story": STORY}
COMMANDS = {
    "claims": [["claims"]],
    "findings": [["check"], ["check", "--explain-keys"]],
    "timeline": [["show"]],
    "export": [["export", "--min-severity", "info"]],
}
SOMETIMES = {"modifier", "weekday_conflict", "noun", "keys", "verdict", "verdicts", "statements", "spread", "agreeing_sources"}


def validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json_schema(name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def keys_in(document) -> set[str]:
    if isinstance(document, dict):
        return set(document) | set().union(*(keys_in(v) for v in document.values()))
    if isinstance(document, list):
        return set().union(*(keys_in(v) for v in document)) if document else set()
    return set()


def outputs(cli, name: str) -> list[dict]:
    documents = []
    for corpus in CORPORA.values():
        for command in COMMANDS[name]:
            result = cli(command[0], corpus, *command[1:], "--format", "json")
            assert result.exit_code in (0, 1), result.stderr
            documents.append(json.loads(result.stdout))
    return documents


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_each_schema_is_a_valid_draft_2020_12_schema_and_is_what_the_command_prints(cli, name):
    schema = json_schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert DOCUMENTS[name][1] in schema["description"]
    printed = cli("schema", name)
    assert printed.exit_code == 0
    assert json.loads(printed.stdout) == schema
    assert cli("schema", name).stdout == printed.stdout


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_real_output_validates_against_its_schema(cli, name):
    check = validator(name)
    for document in outputs(cli, name):
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in check.iter_errors(document)]
        assert errors == []


def test_the_documents_validated_hold_every_field_that_appears_only_sometimes(cli):
    seen = set().union(*(keys_in(d) for name in DOCUMENTS for d in outputs(cli, name)))
    assert SOMETIMES <= seen


def mutations(document: dict) -> list[tuple[str, dict]]:
    """The document with a field added to, and the first field removed from, one record of each shape."""
    cases = []
    for path in paths_to_records(document):
        record = dig(document, path)
        added = copy.deepcopy(document)
        dig(added, path)["surprise"] = 1
        cases.append((f"{path} + surprise", added))
        required = next(iter(record))
        removed = copy.deepcopy(document)
        del dig(removed, path)[required]
        cases.append((f"{path} - {required}", removed))
    return cases


def paths_to_records(document) -> list[tuple]:
    """The path to one dict of each shape inside ``document``: each kind of mention, finding, date, key ..."""
    found: dict[tuple, tuple] = {}

    def walk(value, path: tuple) -> None:
        if isinstance(value, dict):
            shape = (tuple(k for k in path if isinstance(k, str)), frozenset(value))
            found.setdefault(shape, path)
            for key, child in value.items():
                walk(child, (*path, key))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, (*path, index))

    walk(document, ())
    return list(found.values())


def dig(document, path):
    for key in path:
        document = document[key]
    return document


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_a_field_too_many_or_missing_anywhere_fails_validation(cli, name):
    check = validator(name)
    document = outputs(cli, name)[-1]
    cases = mutations(document)
    assert len(cases) >= 8
    for label, changed in cases:
        assert not check.is_valid(changed), label


@pytest.mark.parametrize(
    "name, path, value",
    [
        ("findings", ("findings", 0, "severity"), "fatal"),
        ("findings", ("findings", 0, "line"), 0),
        ("timeline", ("timeline", 0, "date", "start"), "17 June"),
        ("timeline", ("timeline", 0, "undated"), None),
        ("export", ("summary", "min_severity"), "urgent"),
        ("claims", ("mentions", 0, "kind"), "rumour"),
    ],
)
def test_a_wrong_value_fails_validation(cli, name, path, value):
    document = outputs(cli, name)[0]
    dig(document, path[:-1])[path[-1]] = value
    assert not validator(name).is_valid(document)


def test_with_no_document_it_lists_the_documents_and_their_commands(cli):
    result = cli("schema")
    assert result.exit_code == 0
    for name, (_, command) in DOCUMENTS.items():
        assert any(line.split()[0] == name and line.endswith(command) for line in result.stdout.splitlines()[2:])
    unknown = cli("schema", "sarif")
    assert unknown.exit_code == 2 and "'sarif' is not one of" in unknown.stderr
