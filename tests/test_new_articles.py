"""CI on new articles: `check --new PATH...` and `check --changed-since GITREF`, and the front matter a new article needs.

A new article is checked against the whole corpus (alone it would have
nothing to disagree with), and only findings that involve it are reported
(the corpus's old, accepted conflicts are not). The git cases run a real
repository in a temporary folder.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from pathlib import Path

import pytest

RADIO = (
    "---\npublished: 2031-05-06\nsource: County Radio\n---\n"
    "Over 45% of the town's homes were still without power on Tuesday, the grid operator said.\n"
)
UNDATED_RADIO = "Over 45% of the town's homes were still without power on Tuesday, the grid operator said.\n"


def settings(folder: Path, lines: str) -> None:
    (folder / "pyproject.toml").write_text(f"[tool.timeline]\n{lines}\n", encoding="utf-8")


def rules_and_files(report: dict) -> list[tuple[str, list[str]]]:
    return [(f["rule"], sorted({Path(c["path"]).name for c in f["claims"]} or {Path(f["path"]).name})) for f in report["findings"]]


@pytest.fixture
def corpus(cli, flood, tmp_path) -> Path:
    """The flood story as the project's corpus (`corpus = "flood"`), with the radio report beside it, not yet in it."""
    settings(tmp_path, 'corpus = "flood"')
    (tmp_path / "radio.md").write_text(RADIO, encoding="utf-8")
    return flood


def test_a_new_article_is_checked_against_the_corpus_and_only_its_findings_are_reported(cli, corpus):
    assert rules_and_files(cli.json("check", "radio.md")) == [], "alone, the new article disputes nothing"
    report = cli.json("check", "--new", "radio.md")
    assert rules_and_files(report) == [("figure-contradiction", ["03_notes.md", "radio.md"])]
    summary = report["summary"]
    assert (summary["articles"], summary["new_articles"], summary["outside_new"], summary["findings"]) == (4, 1, 1, 1)
    assert "; 1 new article, 1 finding about other articles not shown;" in cli("check", "--new", "radio.md").stdout


def test_a_new_article_inside_the_corpus_folder_is_read_once(cli, corpus):
    (corpus / "04_radio.md").write_text(RADIO, encoding="utf-8")
    for spelling in ("flood/04_radio.md", corpus / "04_radio.md", "./flood/../flood/04_radio.md"):
        report = cli.json("check", "--new", spelling)
        assert report["summary"]["articles"] == 4, spelling
        assert rules_and_files(report) == [("figure-contradiction", ["03_notes.md", "04_radio.md"])]
        assert {c["path"] for c in report["findings"][0]["claims"]} == {"flood/03_notes.md", "flood/04_radio.md"}, "named as the corpus names it"


def test_an_article_with_no_conflict_reports_nothing_and_exits_0(cli, corpus):
    Path("bakery.md").write_text("---\npublished: 2031-05-07\n---\nThe Ashcombe bakery reopened on Wednesday.\n", encoding="utf-8")
    result = cli("check", "--new", "bakery.md")
    assert result.exit_code == 0
    assert result.stdout.startswith("0 findings (0 errors, 0 warnings, 0 info) in 4 articles; 1 new article, 1 finding about other articles not shown;")


def test_a_new_folder_makes_each_of_its_articles_new(cli, corpus):
    Path("late").mkdir()
    Path("radio.md").rename("late/radio.md")
    Path("late/bakery.md").write_text("The Ashcombe bakery reopened on Wednesday.\n", encoding="utf-8")
    report = cli.json("check", "--new", "late")
    assert report["summary"]["new_articles"] == 2
    assert rules_and_files(report) == [
        ("article-undated", ["bakery.md"]), ("front-matter-required", ["bakery.md"]), ("figure-contradiction", ["03_notes.md", "radio.md"]),
    ]  # fmt: skip
    [conflict] = [f for f in report["findings"] if f["rule"] == "figure-contradiction"]
    assert conflict["path"].endswith("late/radio.md")  # anchored in the new article, where a reviewer of the change looks


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--new",), "--new needs the new articles as PATHS"),
        (("--new", "radio.md", "--changed-since", "main"), "--new and --changed-since cannot be used together"),
    ],
)  # fmt: skip
def test_misused_new_is_a_usage_error(cli, corpus, args, message):
    result = cli("check", *args)
    assert result.exit_code == 2 and message in result.stderr and result.stdout == ""


# Required front matter.


def test_a_new_article_without_front_matter_published_is_an_error_in_every_format(cli, corpus):
    Path("radio.md").write_text("May 6, 2031\n\n" + UNDATED_RADIO, encoding="utf-8")
    report = cli.json("check", "--new", "radio.md")
    [required] = [f for f in report["findings"] if f["rule"] == "front-matter-required"]
    assert (required["severity"], required["path"], required["line"], required["column"]) == ("error", "radio.md", 1, 1)
    assert required["message"] == "new article has no front matter 'published'" and required["subject"] == "published"
    assert "article-undated" not in {f["rule"] for f in report["findings"]}, "the dateline dates it, but is not front matter"
    concise = cli("check", "--new", "radio.md", "--format", "concise")
    assert concise.exit_code == 1
    assert "radio.md:1:1: error front-matter-required new article has no front matter 'published'\n" in concise.stdout
    github = cli("check", "--new", "radio.md", "--format", "github").stdout
    assert "::error file=radio.md,line=1,col=1,title=front-matter-required::new article has no front matter 'published'" in github
    run = json.loads(cli("check", "--new", "radio.md", "--format", "sarif").stdout)["runs"][0]
    [descriptor] = [r for r in run["tool"]["driver"]["rules"] if r["id"] == "front-matter-required"]
    assert descriptor["defaultConfiguration"]["level"] == "error"
    assert [r["ruleId"] for r in run["results"]].count("front-matter-required") == 1
    assert "front matter 'published'" in cli("check", "--new", "radio.md").stdout


def test_old_articles_are_never_asked_for_front_matter(cli, corpus):
    (corpus / "05_old.md").write_text(UNDATED_RADIO, encoding="utf-8")
    assert "front-matter-required" not in {f["rule"] for f in cli.json("check")["findings"]}
    assert "front-matter-required" not in {f["rule"] for f in cli.json("check", "--new", "radio.md")["findings"]}


@pytest.mark.parametrize(
    ("required", "missing"),
    [
        ('["published", "source", "url"]', ["url"]),
        ('["title", "published"]', ["title"]),
        ("[]", []),
    ],
)  # fmt: skip
def test_the_required_fields_are_a_setting(cli, corpus, tmp_path, required, missing):
    settings(tmp_path, f'corpus = "flood"\nrequired-front-matter = {required}')
    report = cli.json("check", "--new", "radio.md")
    assert [f["subject"] for f in report["findings"] if f["rule"] == "front-matter-required"] == missing


def test_an_unknown_required_field_is_a_configuration_error(cli, corpus, tmp_path):
    settings(tmp_path, 'corpus = "flood"\nrequired-front-matter = ["author"]')
    result = cli("check", "--new", "radio.md")
    assert result.exit_code == 2 and result.stderr.startswith("timeline: error: ") and "required-front-matter" in result.stderr
    assert len(result.stderr.splitlines()) == 1


# --changed-since, with a real git repository.


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def repo(cli, flood, tmp_path, monkeypatch) -> Path:
    """The project as a git repository: the flood story committed on main, then a branch `desk` checked out."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for variable in ("NAME", "EMAIL"):
        monkeypatch.setenv(f"GIT_AUTHOR_{variable}", "Desk" if variable == "NAME" else "desk@example.org")
        monkeypatch.setenv(f"GIT_COMMITTER_{variable}", "Desk" if variable == "NAME" else "desk@example.org")
    settings(tmp_path, 'corpus = "flood"')
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "The flood story")
    git(tmp_path, "checkout", "-q", "-b", "desk")
    return tmp_path


def test_articles_committed_changed_or_untracked_since_the_ref_are_new(cli, repo):
    (repo / "flood" / "04_radio.md").write_text(RADIO, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Radio report")
    report = cli.json("check", "--changed-since", "main")
    assert report["summary"]["new_articles"] == 1
    assert rules_and_files(report) == [("figure-contradiction", ["03_notes.md", "04_radio.md"])]
    path = repo / "flood" / "02_wire.md"  # an uncommitted edit makes an old article changed too
    path.write_text(path.read_text(encoding="utf-8").replace("over 50%", "over 55%"), encoding="utf-8")
    (repo / "flood" / "05_untracked.md").write_text("The Ashcombe bakery reopened on Wednesday.\n", encoding="utf-8")
    (repo / "notes.txt").write_text("Not in the corpus.\n", encoding="utf-8")
    report = cli.json("check", "--changed-since", "main")
    assert report["summary"]["new_articles"] == 3
    assert sorted(rules_and_files(report)) == [
        ("article-undated", ["05_untracked.md"]), ("figure-contradiction", ["01_courier.md", "02_wire.md"]),
        ("figure-contradiction", ["03_notes.md", "04_radio.md"]), ("front-matter-required", ["05_untracked.md"]),
    ]  # fmt: skip


def test_changes_made_on_the_ref_after_the_branch_left_it_are_not_the_branchs(cli, repo):
    git(repo, "checkout", "-q", "main")
    path = repo / "flood" / "01_courier.md"
    path.write_text(path.read_text(encoding="utf-8").replace("late in the evening", "midnight"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Copy edit on main")
    git(repo, "checkout", "-q", "desk")
    report = cli.json("check", "--changed-since", "main")
    assert report["summary"]["new_articles"] == 0 and report["findings"] == []


def test_the_corpus_may_be_given_as_paths_and_git_is_asked_in_its_folder(cli, repo, tmp_path, monkeypatch):
    (repo / "flood" / "04_radio.md").write_text(RADIO, encoding="utf-8")
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    report = cli.json("check", repo / "flood", "--changed-since", "main")
    assert rules_and_files(report) == [("figure-contradiction", ["03_notes.md", "04_radio.md"])]


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("no-such-branch", "unknown git revision 'no-such-branch'"),
        ("--output=x", "'--output=x' is not a git revision"),
    ],
)  # fmt: skip
def test_an_unknown_ref_is_one_line_and_exit_2(cli, repo, ref, message):
    result = cli("check", "--changed-since", ref)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("timeline: error: ") and result.stderr.rstrip().endswith(message)
    assert len(result.stderr.splitlines()) == 1 and not (repo / "x").exists()


def test_outside_a_repository_is_one_line_and_exit_2(cli, corpus, monkeypatch, tmp_path):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = cli("check", "--changed-since", "main")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "timeline: error: flood: not inside a git repository, so --changed-since cannot tell what changed\n"


def test_without_git_on_path_is_one_line_and_exit_2(cli, repo, tmp_path, monkeypatch):
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = cli("check", "--changed-since", "main")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "timeline: error: --changed-since needs git, and no 'git' command was found on PATH\n"


def test_readme_new_example_is_what_check_prints(cli, seeds):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    [(command, printed)] = re.findall(r"`(timeline check --new \S+ --format concise)`\nprints[^:]*:\n\n```text\n(.*?)```", readme, re.S)
    assert cli(*shlex.split(command)[1:]).stdout == printed
