"""`timeline export -o FILE`: written atomically, never inside the corpus, never half done; and the default title."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from timeline import atomic_write
from timeline.atomic_write import write_atomically
from timeline.errors import TimelineError
from timeline.export import default_title


def one_error_line(result) -> str:
    lines = result.stderr.splitlines()
    assert result.exit_code == 2 and len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("output_format", ["markdown", "json", "csv"])
def test_output_file_holds_exactly_what_stdout_would(cli, seeds, tmp_path, output_format):
    printed = cli("export", "seeds", "--format", output_format).stdout_bytes
    result = cli("export", "seeds", "--format", output_format, "-o", "out/chronology")
    assert result.exit_code == 2  # the folder does not exist yet
    (tmp_path / "out").mkdir()
    result = cli("export", "seeds", "--format", output_format, "-o", "out/chronology")
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""
    assert (tmp_path / "out" / "chronology").read_bytes() == printed
    assert temporaries(tmp_path / "out") == []


def test_a_missing_folder_is_one_line_naming_the_file(cli, seeds):
    line = one_error_line(cli("export", "seeds", "-o", "nowhere/chronology.md"))
    assert line == "timeline: error: nowhere/chronology.md: cannot write: no such folder 'nowhere'"


def test_an_existing_file_is_replaced_and_keeps_its_permissions(cli, seeds, tmp_path):
    target = tmp_path / "chronology.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    assert cli("export", "seeds", "-o", "chronology.md").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Seeds: a chronology\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_new_file_gets_the_umask_mode_not_the_private_mode_of_a_temporary_file(tmp_path):
    previous = os.umask(0o022)
    try:
        write_atomically(tmp_path / "new.md", "text\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o644


def test_a_failed_write_leaves_the_target_as_it_was_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "chronology.md"
    target.write_text("old\n", encoding="utf-8")

    def no_room(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_write.os, "replace", no_room)
    with pytest.raises(TimelineError) as raised:
        write_atomically(target, "new\n")
    assert str(raised.value) == f"{target}: cannot write: No space left on device"
    assert target.read_text(encoding="utf-8") == "old\n"
    assert temporaries(tmp_path) == []


@pytest.mark.parametrize(
    "args, output, message",
    [
        (["seeds"], "seeds/chronology.md", "is inside seeds, which is being read"),
        (["seeds"], "seeds/deeper/chronology.md", "is inside seeds, which is being read"),
        (["seeds/000_fd567ba0cbb0233b.txt"], "seeds/000_fd567ba0cbb0233b.txt", "is an article being read"),
        (["seeds"], "seeds/../seeds/000_fd567ba0cbb0233b.txt", "is an article being read"),
    ],
)
def test_refuses_to_write_into_the_corpus_it_reads(cli, seeds, args, output, message):
    before = {p: p.read_bytes() for p in seeds.rglob("*") if p.is_file()}
    line = one_error_line(cli("export", *args, "-o", output))
    assert line == f"timeline: error: {output}: {message}; write the export elsewhere"
    assert {p: p.read_bytes() for p in seeds.rglob("*") if p.is_file()} == before


def test_refuses_the_settings_corpus_too(cli, seeds, tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.timeline]\ncorpus = "seeds"\n', encoding="utf-8")
    line = one_error_line(cli("export", "-o", "seeds/chronology.md"))
    assert line.endswith("seeds/chronology.md: is inside seeds, which is being read; write the export elsewhere")
    assert cli("export", "-o", "chronology.md").exit_code == 0


def test_an_unreadable_article_prints_the_rest_but_writes_no_file(cli, seeds, tmp_path):
    (seeds / "broken.txt").write_bytes(b"The council met on \xff May 1.\n")
    printed = cli("export", "seeds")
    assert printed.exit_code == 2 and "broken.txt" in printed.stderr
    assert printed.stdout.startswith("# Seeds: a chronology\n")
    assert "broken" not in printed.stdout.split("## Disputed")[0]  # no source or event from it; the Disputed section names it
    target = tmp_path / "chronology.md"
    target.write_text("last good export\n", encoding="utf-8")
    written = cli("export", "seeds", "-o", "chronology.md")
    assert written.exit_code == 2
    assert written.stderr.splitlines() == [
        "timeline: error: seeds/broken.txt:1: not valid UTF-8 (byte 0xff at byte offset 19); save the file as UTF-8",
        "timeline: error: chronology.md: not written: 1 article could not be read",
    ]
    assert target.read_text(encoding="utf-8") == "last good export\n"


@pytest.mark.parametrize(
    "targets, title",
    [
        (["tests/stories/river-flood"], "River flood: a chronology"),
        (["seeds"], "Seeds: a chronology"),
        (["seeds/000_fd567ba0cbb0233b.txt"], "000 fd567ba0cbb0233b: a chronology"),
        (["tests/stories/river-flood", "tests/stories/city-budget"], "Stories: a chronology"),
        (["tests/stories/__ferry--sinking__"], "Ferry sinking: a chronology"),
        (["/"], "Timeline"),
        ([], "Timeline"),
    ],
)
def test_default_title_is_made_from_the_folder_read(targets, title):
    root = Path(__file__).resolve().parent.parent
    assert default_title([root / t if not t.startswith("/") else Path(t) for t in targets]) == title
