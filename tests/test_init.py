"""`timeline init`: starter settings and a rule set to edit, written atomically, never over anything."""

from __future__ import annotations

import os
import re
import stat
import tomllib
from pathlib import Path

import pytest

from timeline.config import Settings
from timeline.ruleset import default_rules_dir

# An invented story: two reports of a council budget that disagree.
BUDGET = {
    "a-town-crier.md": "---\npublished: 2031-04-02\nsource: Town Crier\n---\nThe Marlow council approved a roads budget of 40 million dollars on Tuesday.\n\nThe new ring road will have 14 bridges, the council said.\n",
    "b-marlow-news.md": "---\npublished: 2031-04-03\nsource: Marlow News\n---\nThe Marlow ring road will have 9 bridges, engineers said.\n",
}


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def write_story(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in BUDGET.items():
        (folder / name).write_text(text, encoding="utf-8")


def test_init_in_an_empty_folder_sets_up_settings_and_rules_that_are_then_in_force(cli, tmp_path, monkeypatch):
    desk = tmp_path / "desk"
    result = cli("init", desk)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "wrote desk/timeline.toml\ncopied the built-in rules to desk/rules\n"
    assert sorted(os.listdir(desk)) == ["rules", "timeline.toml"]  # no temporary file left behind
    assert files_under(desk / "rules") == files_under(default_rules_dir())
    written = tomllib.loads((desk / "timeline.toml").read_text(encoding="utf-8"))
    assert written == {"rules": "rules"}
    assert Settings.model_validate(written) == Settings(rules="rules")
    monkeypatch.chdir(desk)
    rules, settings = cli("rules").stdout.splitlines()[:2]
    assert (rules, settings) == ("rules: rules (set by 'rules' in timeline.toml)", "settings: timeline.toml")


def test_the_starter_settings_document_every_setting_with_its_default(cli, tmp_path):
    cli("init", tmp_path / "desk")
    text = (tmp_path / "desk" / "timeline.toml").read_text(encoding="utf-8")
    for name, field in Settings.model_fields.items():
        key = field.alias or name
        [line] = [line for line in text.splitlines() if line.lstrip("# ").startswith(f"{key} ")]
        if key != "rules":
            uncommented = tomllib.loads(line.lstrip("# ").split("  #")[0])
            read = Settings.model_validate(uncommented)  # a setting with no default shows a valid example instead
            assert read == Settings() or (field.default is None and field.examples), line
        assert field.description is None or line.endswith(field.description)


def test_an_edit_to_the_copied_rules_changes_what_check_reports(cli, tmp_path, monkeypatch):
    desk = tmp_path / "desk"
    cli("init", desk)
    write_story(desk / "articles")
    monkeypatch.chdir(desk)
    [before] = [f for f in cli.json("check", "articles")["findings"] if f["rule"] == "figure-contradiction"]
    rule = desk / "rules" / "checks" / "figure-contradiction.yaml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("severity: error", "severity: info"), encoding="utf-8")
    [after] = [f for f in cli.json("check", "articles")["findings"] if f["rule"] == "figure-contradiction"]
    assert (before["severity"], after["severity"]) == ("error", "info")
    assert cli("check", "articles").exit_code == 0


def test_an_existing_pyproject_gets_the_section_appended_and_nothing_else_changes(cli, tmp_path):
    desk = tmp_path / "desk"
    desk.mkdir()
    original = b'[project]\r\nname = "marlow-desk"\r\n\r\n[tool.ruff]\r\nline-length = 100'
    (desk / "pyproject.toml").write_bytes(original)
    os.chmod(desk / "pyproject.toml", 0o640)
    result = cli("init", desk)
    assert result.exit_code == 0 and "added a [tool.timeline] section to desk/pyproject.toml" in result.stdout
    written = (desk / "pyproject.toml").read_bytes()
    assert written.startswith(original + b"\r\n\r\n[tool.timeline]\r\n")
    assert b"\n" not in written.replace(b"\r\n", b"")  # the file's own line endings, throughout
    assert stat.S_IMODE((desk / "pyproject.toml").stat().st_mode) == 0o640
    data = tomllib.loads(written.decode("utf-8"))
    assert data["tool"]["timeline"] == {"rules": "rules"} and data["tool"]["ruff"] == {"line-length": 100}
    assert not (desk / "timeline.toml").exists()


# what is there before (relative path -> text; a path ending in / is a folder), what init says about it
ALREADY_THERE = {
    "timeline.toml": ({"timeline.toml": 'corpus = "stories"\n'}, "desk/timeline.toml exists already; left as it is"),
    "a [tool.timeline] section": (
        {"pyproject.toml": '[project]\nname = "x"\n\n[tool.timeline]\nfail-on = "warning"\n'},
        "desk/pyproject.toml has a [tool.timeline] section already; left as it is",
    ),
    "timeline.toml beside a pyproject without the section": (
        {"timeline.toml": "day-first = false\n", "pyproject.toml": '[project]\nname = "x"\n'}, "desk/timeline.toml exists already; left as it is",
    ),
}


@pytest.mark.parametrize("before, said", ALREADY_THERE.values(), ids=ALREADY_THERE.keys())
def test_existing_settings_are_never_overwritten(cli, tmp_path, before, said):
    desk = tmp_path / "desk"
    desk.mkdir()
    for name, text in before.items():
        (desk / name).write_text(text, encoding="utf-8")
    result = cli("init", desk)
    assert result.exit_code == 0 and said in result.stdout.splitlines()
    assert {name: (desk / name).read_text(encoding="utf-8") for name in before} == before
    assert (desk / "rules" / "checks").is_dir()


def test_existing_rules_are_never_overwritten_and_a_second_run_changes_nothing(cli, tmp_path):
    desk = tmp_path / "desk"
    cli("init", desk)
    rule = desk / "rules" / "checks" / "figure-update.yaml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("severity: info", "severity: warning"), encoding="utf-8")
    before = files_under(desk)
    again = cli("init", desk)
    assert again.exit_code == 0
    assert again.stdout == "desk/timeline.toml exists already; left as it is\ndesk/rules exists already; left as it is\n"
    assert files_under(desk) == before


def test_a_rules_folder_that_is_not_a_rule_set_is_left_and_the_exit_code_says_so(cli, tmp_path):
    desk = tmp_path / "desk"
    (desk / "rules").mkdir(parents=True)
    (desk / "rules" / "house-style.txt").write_text("Spell out numbers below ten.\n", encoding="utf-8")
    result = cli("init", desk)
    assert result.exit_code == 1
    assert result.stderr == "desk/rules is not a rule set (no checks/ inside): the built-in rules stay in force\n"
    assert os.listdir(desk / "rules") == ["house-style.txt"]
    assert tomllib.loads((desk / "timeline.toml").read_text(encoding="utf-8")) == {}
    assert '# rules = "rules"' in (desk / "timeline.toml").read_text(encoding="utf-8")


def test_a_pyproject_that_is_not_toml_is_an_error_and_nothing_is_appended(cli, tmp_path):
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "pyproject.toml").write_text('[project]\nname = "x\n', encoding="utf-8")
    result = cli("init", desk)
    assert result.exit_code == 2
    assert result.stderr.startswith("timeline: error: desk/pyproject.toml:2: invalid TOML: ")
    assert (desk / "pyproject.toml").read_text(encoding="utf-8") == '[project]\nname = "x\n'
    assert not (desk / "rules").exists()


def test_a_pyproject_whose_tool_is_not_a_table_is_left_alone(cli, tmp_path):
    (tmp_path / "pyproject.toml").write_text('tool = "hatch"\n', encoding="utf-8")
    result = cli("init")
    assert result.exit_code == 2
    assert result.stderr == "timeline: error: pyproject.toml: cannot add a [tool.timeline] section: 'tool' here is not a table\n"
    assert os.listdir(tmp_path) == ["pyproject.toml"]  # nothing written, the rules not copied either
    assert (tmp_path / "pyproject.toml").read_text(encoding="utf-8") == 'tool = "hatch"\n'


def test_init_defaults_to_the_current_folder(cli, tmp_path):
    result = cli("init")
    assert result.exit_code == 0
    assert result.stdout == "wrote timeline.toml\ncopied the built-in rules to rules\n"
    assert (tmp_path / "rules" / "checks").is_dir()


def test_the_readme_shows_what_init_prints_and_writes(cli, tmp_path):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    [(printed, written)] = re.findall(r"In an empty folder, `timeline init` prints\n\n```text\n(.*?)```.*?```toml\n(.*?)```", readme, re.S)
    assert cli("init").stdout == printed
    assert (tmp_path / "timeline.toml").read_text(encoding="utf-8") == written
