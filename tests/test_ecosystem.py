"""The pre-commit hook and README's GitHub Actions workflow run as written, on a real git repository."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PRE_COMMIT_KEYS = {
    "id", "name", "entry", "language", "files", "exclude", "types", "types_or", "exclude_types", "always_run", "fail_fast",
    "verbose", "pass_filenames", "require_serial", "description", "language_version", "minimum_pre_commit_version", "args", "stages",
}  # fmt: skip

OLD = {
    "a-river-news.md": "---\npublished: 2033-04-02\n---\nThe Ostra dam released 1,200 cubic metres of water on April 1, the river authority said.\n",
    "b-valley-times.md": "---\npublished: 2033-04-03\n---\nThe Ostra dam released 1,200 cubic metres of water on April 1, engineers said.\n",
}
NEW_CONFLICT = "---\npublished: 2033-04-04\n---\nThe Ostra dam released 2,900 cubic metres of water on April 1, a farmers' group said.\n"
NEW_CALM = "---\npublished: 2033-04-04\n---\nSchools in the Ostra valley reopened on Thursday after the flood warning was lifted.\n"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    """A newsroom repository: a settled corpus on main, and a branch that adds one article with a conflicting figure."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.timeline]\ncorpus = "articles"\n', encoding="utf-8")
    for name, text in OLD.items():
        (tmp_path / "articles" / name).write_text(text, encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "corpus")
    git(tmp_path, "update-ref", "refs/remotes/origin/main", "main")
    git(tmp_path, "checkout", "-q", "-b", "new-article")
    (tmp_path / "articles" / "c-farm-wire.md").write_text(NEW_CONFLICT, encoding="utf-8")
    (tmp_path / "articles" / "d-school-note.md").write_text(NEW_CALM, encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "new")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_pre_commit_hook_checks_the_files_it_is_given_against_the_corpus(cli, repo):
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert set(hook) <= PRE_COMMIT_KEYS and hook["language"] == "python" and hook.get("pass_filenames", True)
    files = [name for name in ("articles/c-farm-wire.md", "articles/d-school-note.md", "README.rst") if re.search(hook["files"], name)]
    assert files == ["articles/c-farm-wire.md", "articles/d-school-note.md"]
    command = shlex.split(hook["entry"])
    assert command[0] == "timeline"
    result = cli(*command[1:], *files)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("articles/c-farm-wire.md:4:") and "error figure-contradiction" in lines[0]
    assert cli(*command[1:], "articles/d-school-note.md").exit_code == 0


def workflow() -> dict:
    [block] = [b for b in re.findall(r"```yaml\n(.*?)```", README, re.S) if b.startswith("name: timeline\n")]
    return yaml.safe_load(block)


def test_the_readme_workflow_runs_as_written(cli, repo):
    flow = workflow()
    steps = flow["jobs"]["check"]["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@") and steps[0]["with"]["fetch-depth"] == 0
    assert "pull_request" in flow[True if True in flow else "on"]  # YAML 1.1 reads the key `on` as true
    [upload] = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    runs = [s["run"] for s in steps if s.get("run", "").startswith("timeline ")]
    assert len(runs) == 3
    outputs = {}
    for run in runs:
        command, _, target = run.replace("${{ github.base_ref }}", "main").partition(">")
        result = cli(*shlex.split(command)[1:])
        outputs[target.strip(' >"') or "stdout"] = (result.exit_code, result.stdout)
    code, annotations = outputs["stdout"]
    assert code == 1 and annotations.startswith("::error file=articles/c-farm-wire.md,line=4,")
    assert annotations.count("\n") == 1  # the calm new article and the old ones bring nothing
    code, summary = outputs["$GITHUB_STEP_SUMMARY"]
    assert code == 0 and summary.startswith("# timeline check") and "**figure-contradiction**" in summary
    code, sarif = outputs[upload["with"]["sarif_file"]]
    results = json.loads(sarif)["runs"][0]["results"]
    assert code == 0 and [r["ruleId"] for r in results] == ["figure-contradiction"]
    [cache] = [s["with"] for s in steps if s.get("uses", "").startswith("actions/cache@")]
    assert (repo / cache["path"] / "claims.sqlite3").is_file(), "the step caches the folder the runs wrote"
    assert cache["key"].startswith(cache["restore-keys"]) and "${{ github.run_id }}" in cache["key"]  # each run saves its own
