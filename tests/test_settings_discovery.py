"""Settings are found like ruff's, from any subfolder; the rules in force follow a fixed order, and say why."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from timeline.ruleset import default_rules_dir

ROOT = Path(__file__).resolve().parent.parent
SECTION = '[tool.timeline]\ncorpus = "articles"\n'
PLAIN_PYPROJECT = '[project]\nname = "harbour-desk"\nversion = "1.0"\n'

# An invented story in two articles with one contradiction: the flood barrier's height.
FLOOD = {
    "a-coast-herald.md": "---\npublished: 2031-02-10\nsource: Coast Herald\n---\nThe Tellwick flood barrier is 12 metres high, engineers said on Monday.\n",
    "b-valley-post.md": "---\npublished: 2031-02-11\nsource: Valley Post\n---\nThe Tellwick flood barrier is 9 metres high, the council said.\n",
}


def write_story(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in FLOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def header(cli) -> tuple[str, str]:
    """The two lines `timeline rules` starts with: rules and settings in force."""
    result = cli("rules")
    assert result.exit_code == 0, result.stderr
    rules, settings, blank = result.stdout.splitlines()[:3]
    assert blank == ""
    return rules, settings


# files to write under the project (relative path -> text), the folder to run from, the settings file expected (relative to the project)
LAYOUTS = {
    "pyproject two folders up": ({"pyproject.toml": SECTION}, "articles/2031", "pyproject.toml [tool.timeline]"),
    "a pyproject without the section is passed over": (
        {"pyproject.toml": SECTION, "articles/pyproject.toml": PLAIN_PYPROJECT}, "articles", "pyproject.toml [tool.timeline]",
    ),
    "timeline.toml wins over pyproject.toml in one folder": (
        {"pyproject.toml": SECTION, "timeline.toml": 'corpus = "articles"\n'}, "articles", "timeline.toml",
    ),
    "the nearest file wins": ({"pyproject.toml": SECTION, "articles/timeline.toml": 'corpus = "."\n'}, "articles/2031", "articles/timeline.toml"),
    "the section in the current folder": ({"pyproject.toml": PLAIN_PYPROJECT + "\n" + SECTION}, ".", "pyproject.toml [tool.timeline]"),
}


@pytest.mark.parametrize("files, run_from, expected", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_the_nearest_settings_file_is_in_force(cli, tmp_path, monkeypatch, files, run_from, expected):
    project = tmp_path / "project"
    for name, text in files.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")
    (project / run_from).mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(project / run_from)
    path, _, section = expected.partition(" ")
    inside = (project / path).parent == project / run_from
    shown = path.rpartition("/")[2] if inside else str(project / path)
    assert header(cli)[1] == f"settings: {shown}{' ' + section if section else ''}"


def test_no_settings_anywhere_means_defaults_and_the_built_in_rules(cli):
    """The tests' own folders (under the system's temporary folder) have no settings above them."""
    assert header(cli) == (f"rules: {default_rules_dir()} (built-in)", "settings: none (defaults)")


def test_a_subfolder_of_the_repository_checks_the_repository_corpus(cli, monkeypatch):
    """The issue's complaint: from seeds/, `timeline check` said "seeds: no such file or folder"."""
    monkeypatch.chdir(ROOT / "seeds")
    report = cli.json("check")
    assert report["summary"]["articles"] == len(list((ROOT / "seeds").glob("*.txt"))) + len(list((ROOT / "seeds").glob("*.md")))
    assert {claim["path"] for finding in report["findings"] for claim in finding["claims"]} <= {p.name for p in (ROOT / "seeds").iterdir()}
    assert header(cli) == (f"rules: {ROOT / 'rules'} (beside {ROOT / 'pyproject.toml'})", f"settings: {ROOT / 'pyproject.toml'} [tool.timeline]")


def test_corpus_is_relative_to_the_settings_file(cli, tmp_path, monkeypatch):
    project = tmp_path / "desk"
    write_story(project / "articles")
    (project / "notes").mkdir()
    (project / "pyproject.toml").write_text(PLAIN_PYPROJECT + "\n" + SECTION, encoding="utf-8")
    monkeypatch.chdir(project)
    from_root = cli.json("check")
    assert [c["path"] for c in from_root["findings"][0]["claims"]] == ["articles/a-coast-herald.md", "articles/b-valley-post.md"]
    monkeypatch.chdir(project / "notes")
    from_notes = cli.json("check")
    assert [c["path"] for c in from_notes["findings"][0]["claims"]] == [str(project / "articles" / name) for name in sorted(FLOOD)]
    assert from_notes["findings"][0]["message"] == from_root["findings"][0]["message"].replace("(articles/", f"({project}/articles/")
    monkeypatch.chdir(project / "articles")
    assert [c["path"] for c in cli.json("check")["findings"][0]["claims"]] == sorted(FLOOD)


def test_paths_given_on_the_command_line_stay_relative_to_the_current_folder(cli, tmp_path, monkeypatch):
    project = tmp_path / "desk"
    write_story(project / "articles")
    write_story(project / "drafts" / "flood")
    (project / "timeline.toml").write_text('corpus = "articles"\n', encoding="utf-8")
    monkeypatch.chdir(project / "drafts")
    claims = cli.json("check", "flood")["findings"][0]["claims"]
    assert [c["path"] for c in claims] == [f"flood/{name}" for name in sorted(FLOOD)]


def copy_rules(target: Path, severity: str | None = None) -> Path:
    shutil.copytree(default_rules_dir(), target)
    if severity:
        rule = target / "checks" / "figure-contradiction.yaml"
        rule.write_text(rule.read_text(encoding="utf-8").replace("severity: error", f"severity: {severity}"), encoding="utf-8")
    return target


# rule sets to lay out (folder -> severity given to figure-contradiction in it), settings, --rules, expected origin, severity in force
PRECEDENCE = {
    "built-in when nothing else is there": ({}, SECTION, None, "built-in", "error"),
    "rules/ beside the settings file": ({"rules": "warning"}, SECTION, None, "beside pyproject.toml", "warning"),
    "a rules/ that is not a rule set is passed over": ({"rules/notes": None}, SECTION, None, "built-in", "error"),
    "the rules setting over rules/ beside": (
        {"rules": "warning", "house": "info"}, SECTION + 'rules = "house"\n', None, "set by 'rules' in pyproject.toml [tool.timeline]", "info",
    ),
    "--rules over everything": ({"rules": "warning", "house": "info", "trial": "warning"}, SECTION + 'rules = "house"\n', "trial", "--rules", "warning"),
}


@pytest.mark.parametrize("rule_sets, settings, option, origin, severity", PRECEDENCE.values(), ids=PRECEDENCE.keys())
def test_rules_in_force_follow_the_documented_order(cli, tmp_path, monkeypatch, rule_sets, settings, option, origin, severity):
    project = tmp_path / "desk"
    write_story(project / "articles")
    (project / "pyproject.toml").write_text(settings, encoding="utf-8")
    for folder, given in rule_sets.items():
        if given is None:
            (project / folder).mkdir(parents=True)
        else:
            copy_rules(project / folder, given)
    monkeypatch.chdir(project)
    arguments = ("--rules", option) if option else ()
    result = cli("rules", *arguments)
    folder = default_rules_dir() if origin == "built-in" else option or ("house" if "set by" in origin else "rules")
    assert result.stdout.splitlines()[0] == f"rules: {folder} ({origin})"
    assert [f["severity"] for f in cli.json("check", *arguments)["findings"] if f["rule"] == "figure-contradiction"] == [severity]


def test_the_rules_setting_is_relative_to_its_file_from_a_subfolder(cli, tmp_path, monkeypatch):
    """An edit to the project's own rules takes effect wherever the command is run, which the installed copy never did."""
    project = tmp_path / "desk"
    write_story(project / "articles")
    copy_rules(project / "style" / "rules", "warning")
    (project / "timeline.toml").write_text('corpus = "articles"\nrules = "style/rules"\n', encoding="utf-8")
    monkeypatch.chdir(project / "articles")
    assert header(cli) == (f"rules: {project / 'style' / 'rules'} (set by 'rules' in {project / 'timeline.toml'})", f"settings: {project / 'timeline.toml'}")
    assert [f["severity"] for f in cli.json("check")["findings"]] == ["warning"]


def test_explain_still_prints_only_the_rule(cli):
    explained = cli("rules", "--explain", "figure-update").stdout
    assert explained.startswith("figure-update (figure-consistency, info)\n") and "settings:" not in explained


def test_the_readme_header_example_is_what_the_repository_prints(cli, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [example] = re.findall(r"from the repository's folder it prints:\n\n```text\n(.*?)```", readme, re.S)
    monkeypatch.chdir(ROOT)
    assert "\n".join(header(cli)) + "\n" == example
