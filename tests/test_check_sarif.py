"""`timeline check --format sarif`: valid SARIF 2.1.0 (against the OASIS schema in tests/schemas) that says what JSON says.

The schema is the standard's own (see tests/schemas/README.md). It does not
check everything GitHub code scanning relies on, so the tests also check
what GitHub reads: rules with descriptions and levels, a ruleId per result,
at least one location with a relative URI and a region, and fingerprints
that survive edits elsewhere in an article.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest

from timeline.ruleset import default_rules_dir, load_ruleset

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def sarif(cli, *args) -> dict:
    result = cli("check", *args, "--format", "sarif")
    log = json.loads(result.stdout)
    errors = sorted(VALIDATOR.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]
    return log


def test_the_shipped_schema_is_the_official_one():
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    assert SCHEMA["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    assert not VALIDATOR.is_valid({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}), "the schema must reject a driver with no name"


def test_seeds_give_a_valid_log_with_one_result_per_finding(cli, seeds):
    findings = cli.json("check", seeds)["findings"]
    log = sarif(cli, seeds)
    assert log["version"] == "2.1.0" and log["$schema"] == SCHEMA["id"]
    [run] = log["runs"]
    assert run["tool"]["driver"]["name"] == "timeline" and run["tool"]["driver"]["version"]
    assert run["columnKind"] == "unicodeCodePoints"
    results = run["results"]
    assert [r["level"] for r in results] == ["error", "warning", "warning", "warning"]
    by_rule = {r["ruleId"]: r for r in results}
    assert len(by_rule) == len(findings) == 4
    for finding in findings:
        result = by_rule[finding["rule"]]
        assert result["level"] == LEVELS[finding["severity"]] and result["message"]["text"] == finding["message"]
        first = result["locations"][0]["physicalLocation"]
        assert first["artifactLocation"]["uri"] == "seeds/" + Path(finding["path"]).name
        assert (first["region"]["startLine"], first["region"]["startColumn"]) == (finding["line"], finding["column"])


def test_every_statement_is_a_location_with_its_text_and_sentence(cli, seeds):
    findings = {f["rule"]: f for f in cli.json("check", seeds)["findings"]}
    for result in sarif(cli, seeds)["runs"][0]["results"]:
        claims = findings[result["ruleId"]]["claims"]
        locations = result["locations"]
        if not claims:
            assert len(locations) == 1 and "snippet" not in locations[0]["physicalLocation"]["region"]
            continue
        assert len(locations) == len(claims)
        for location, claim in zip(locations, claims):
            physical = location["physicalLocation"]
            assert physical["artifactLocation"]["uri"] == "seeds/" + Path(claim["path"]).name
            assert physical["region"] == {
                "startLine": claim["line"], "startColumn": claim["column"],
                "endLine": claim["line"], "endColumn": claim["column"] + len(claim["text"]), "snippet": {"text": claim["text"]},
            }  # fmt: skip
            assert location["message"]["text"] == claim["quote"]


def test_regions_are_the_claims_text_on_disk(cli, seeds):
    for result in sarif(cli, seeds)["runs"][0]["results"]:
        for location in result["locations"]:
            physical = location["physicalLocation"]
            region = physical["region"]
            if "snippet" not in region:
                continue
            line = (seeds / Path(physical["artifactLocation"]["uri"]).name).read_text(encoding="utf-8").split("\n")[region["startLine"] - 1]
            assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == region["snippet"]["text"]


def test_rules_are_every_rule_in_force_with_descriptions_and_levels(cli, seeds):
    run = sarif(cli, seeds)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    in_force = load_ruleset().rules
    assert [r["id"] for r in rules] == [r.id for r in in_force]
    for descriptor, rule in zip(rules, in_force):
        assert descriptor["defaultConfiguration"]["level"] == LEVELS[rule.severity.value]
        full = " ".join(rule.description.split())
        assert descriptor["fullDescription"]["text"] == full
        assert full.startswith(descriptor["shortDescription"]["text"]) and descriptor["shortDescription"]["text"].endswith((".", ")", '"'))
        assert descriptor["help"]["text"].startswith(full)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_a_rule_with_a_link_gets_a_help_uri(cli, seeds, tmp_path):
    rules = tmp_path / "my-rules"
    shutil.copytree(default_rules_dir(), rules)
    path = rules / "checks" / "figure-contradiction.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "link: https://example.org/guide/figures\n", encoding="utf-8")
    [descriptor] = [r for r in sarif(cli, seeds, "--rules", rules)["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "figure-contradiction"]
    assert descriptor["helpUri"] == "https://example.org/guide/figures"


def test_a_clean_corpus_is_a_valid_log_with_no_results(cli, tmp_path):
    (tmp_path / "one.md").write_text("---\npublished: 2031-03-03\n---\nThe Tellwick ferry sailed on time on Monday.\n", encoding="utf-8")
    run = sarif(cli, tmp_path)["runs"][0]
    assert run["results"] == [] and len(run["tool"]["driver"]["rules"]) == len(load_ruleset().rules)


def test_story_levels_and_order(cli, story):
    results = sarif(cli, story)["runs"][0]["results"]
    assert [(r["level"], r["ruleId"]) for r in results] == [
        ("error", "figure-contradiction"), ("warning", "article-undated"), ("note", "status-update"),
    ]  # fmt: skip


def test_uris_are_relative_forward_slash_references_safe_for_any_file_name(cli, tmp_path):
    corpus = tmp_path / "news desk" / "march"
    corpus.mkdir(parents=True)
    (corpus / "c:notes #1 100%.md").write_text("The Tellwick spillway was inspected.\n", encoding="utf-8")
    [result] = sarif(cli, tmp_path / "news desk")["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "news%20desk/march/c%3Anotes%20%231%20100%25.md"
    parts = urlsplit(uri)
    assert (parts.scheme, parts.netloc, parts.fragment) == ("", "", "") and unquote(parts.path) == "news desk/march/c:notes #1 100%.md"


def test_an_article_outside_the_current_folder_gets_a_file_uri(cli, tmp_path):
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    elsewhere.mkdir()
    (elsewhere / "notes.md").write_text("The Tellwick spillway was inspected.\n", encoding="utf-8")
    [result] = sarif(cli, elsewhere)["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (elsewhere / "notes.md").as_uri()


def fingerprints(cli, folder: Path) -> dict[str, str]:
    return {r["ruleId"]: r["partialFingerprints"]["timelineFinding/v1"] for r in sarif(cli, folder)["runs"][0]["results"]}


def test_fingerprints_are_distinct_and_ignore_line_numbers(cli, story):
    before = fingerprints(cli, story)
    assert len(set(before.values())) == len(before) == 3
    for name in ("a-harbour-post.md", "b-valley-daily.md"):  # push every statement down a few lines
        path = story / name
        head, body = path.read_text(encoding="utf-8").split("---\n", 2)[1:]
        path.write_text(f"---\n{head}---\nTellwick sits at the mouth of the valley.\n\nIts harbour wall is old.\n\n{body}", encoding="utf-8")
    moved = cli.json("check", story)["findings"]
    assert {f["line"] for f in moved if f["rule"] == "figure-contradiction"} == {11}, "the statements did move"
    assert fingerprints(cli, story) == before


def test_fingerprints_change_when_a_statement_does(cli, story):
    before = fingerprints(cli, story)
    path = story / "b-valley-daily.md"
    path.write_text(path.read_text(encoding="utf-8").replace("over 60%", "over 65%"), encoding="utf-8")
    after = fingerprints(cli, story)
    assert after["figure-contradiction"] != before["figure-contradiction"]
    assert after["article-undated"] == before["article-undated"]


def test_the_hostile_article_is_still_a_valid_log(cli, tmp_path):
    hostile = "The Tellwick dam holds over 60% of the valley reservoir capacity \x1b]8;;x\x07 ::error file=x::pwned %0A <script>\u2028\x85, engineers said.\n"
    (tmp_path / "evil\n\x1b[31m.md").write_text(hostile, encoding="utf-8")
    (tmp_path / "harbour-post.md").write_text(
        "---\npublished: 2031-03-02\n---\nThe Tellwick dam holds around 40-45% of the valley reservoir capacity, engineers said.\n", encoding="utf-8"
    )
    results = sarif(cli, tmp_path)["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"figure-contradiction", "article-undated"}
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for r in results for loc in r["locations"]}
    assert "evil%0A%1B%5B31m.md" in uris


@pytest.mark.parametrize("folder", ["seeds", "story"])
def test_sarif_says_what_json_says(cli, folder, request):
    path = request.getfixturevalue(folder)
    findings = cli.json("check", path)["findings"]
    results = sarif(cli, path)["runs"][0]["results"]
    assert sorted((f["rule"], f["message"]) for f in findings) == sorted((r["ruleId"], r["message"]["text"]) for r in results)
