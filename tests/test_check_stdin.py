"""`timeline check -`: one article from stdin, named by --stdin-filename, standing in for the file of that name."""

from __future__ import annotations

import json

from click.testing import CliRunner

from timeline.cli import main

FERRY = (
    "---\npublished: 2032-05-04\nsource: Coast Courier\n---\n"
    "The Marlow ferry carried 212 passengers on its last crossing, the operator said on Tuesday.\n"
)
FERRY_AGAIN = (
    "---\npublished: 2032-05-05\nsource: Island Wire\n---\n"
    "The Marlow ferry carried 180 passengers on its last crossing, the operator said.\n"
)


def check(args: list[str], text: str) -> dict:
    result = CliRunner().invoke(main, ["check", *args, "--format", "json"], input=text.encode(), catch_exceptions=False)
    return json.loads(result.stdout)


def test_an_article_alone_from_stdin(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = check(["-", "--stdin-filename", "drafts/ferry.md"], "The harbour reopened on a calm morning.\n")
    assert report["summary"]["articles"] == 1
    assert [(f["rule"], f["path"]) for f in report["findings"]] == [("article-undated", "drafts/ferry.md")]


def test_stdin_stands_in_for_the_file_it_is_named_after(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story").mkdir()
    (tmp_path / "story" / "a-courier.md").write_text(FERRY, encoding="utf-8")
    (tmp_path / "story" / "b-wire.md").write_text(FERRY_AGAIN, encoding="utf-8")
    on_disk = check(["story"], "")
    assert [f["rule"] for f in on_disk["findings"]] == ["figure-contradiction"]
    edited = FERRY_AGAIN.replace("180", "212")
    from_editor = check(["story", "-", "--stdin-filename", "story/b-wire.md"], edited)
    assert from_editor["findings"] == [] and from_editor["summary"]["articles"] == 2
    assert (tmp_path / "story" / "b-wire.md").read_text(encoding="utf-8") == FERRY_AGAIN  # the file is never touched


def test_stdin_without_a_name_is_called_stdin(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = check(["-"], "The harbour reopened.\n")
    assert report["findings"][0]["path"] == "<stdin>"
