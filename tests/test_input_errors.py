"""Bad input: one clear line naming the file, no traceback, the other articles still checked."""

from __future__ import annotations

from pathlib import Path


def test_non_utf8_file_is_named_and_others_are_checked(cli, seeds):
    bad = seeds / "bad.txt"
    bad.write_bytes(b" date 2025-06-18 ok line\nsecond line \xff\xfe broken\n")
    result = cli("check", seeds, "--format", "json")
    assert result.exit_code == 2
    errors = result.stderr.strip().splitlines()
    assert errors == [f"timeline: error: {bad}:2: not valid UTF-8 (byte 0xff at byte offset 37); save the file as UTF-8"]
    assert "Traceback" not in result.output
    import json

    report = json.loads(result.stdout)
    assert report["summary"]["articles"] == 5 and report["summary"]["unreadable"] == 1
    assert any(f["rule"] == "figure-contradiction" for f in report["findings"])


def test_unreadable_file_is_named(cli, seeds, monkeypatch):
    locked = seeds / "locked.txt"
    locked.write_text("text", encoding="utf-8")
    real_read = Path.read_bytes

    def read_bytes(path):
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = cli("claims", seeds)
    assert result.exit_code == 2
    assert result.stderr == f"timeline: error: {locked}: cannot read: Permission denied\n"
    assert "000_fd567ba0cbb0233b.txt" in result.stdout and "004_146535670ad2fdfe.txt" in result.stdout


def test_missing_path_is_named(cli, seeds, tmp_path):
    result = cli("check", seeds, tmp_path / "nowhere")
    assert result.exit_code == 2
    assert "nowhere: no such file or folder" in result.stderr


def test_empty_folder_is_an_input_error(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    result = cli("check", tmp_path / "empty")
    assert result.exit_code == 2 and "no .txt or .md articles found" in result.stderr


def test_broken_front_matter_names_file_and_line(cli, tmp_path):
    article = tmp_path / "a.md"
    article.write_text("---\ntitle: [unclosed\n---\nBody.\n", encoding="utf-8")
    result = cli("check", article)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"timeline: error: {article}:") and "front matter" in result.stderr


def test_articles_are_never_modified(cli, seeds):
    before = {p.name: p.read_bytes() for p in seeds.iterdir()}
    for command in ("check", "show", "claims"):
        cli(command, seeds)
    assert {p.name: p.read_bytes() for p in seeds.iterdir()} == before
