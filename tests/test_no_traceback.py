"""Whatever goes wrong ends in one line and an exit code; --debug shows the traceback of a bug instead."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

from click.testing import CliRunner

import timeline.reading as reading
import timeline.render.concise as concise
from timeline.cli import main


def broken_on(name: str, real):
    def extract(article, *args, **kwargs):
        if Path(article.path).name == name:
            raise ValueError("a bug met on this article")
        return real(article, *args, **kwargs)

    return extract


def test_a_bug_on_one_article_is_an_input_error_for_it_and_the_rest_is_checked(cli, seeds, monkeypatch):
    monkeypatch.setattr(reading, "extract_article", broken_on("003_c34b20c788253f0e.txt", reading.extract_article))
    result = cli("check", seeds, "--format", "json")
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line == (
        f"timeline: error: {seeds}/003_c34b20c788253f0e.txt: internal error while reading this article, "
        "a bug in timeline (please report it): ValueError: a bug met on this article"
    )
    report = json.loads(result.stdout)
    assert report["summary"]["articles"] == 4 and report["summary"]["unreadable"] == 1
    rules = [f["rule"] for f in report["findings"]]
    assert "input-error" in rules and "status-change" in rules  # 000 and 004 are still compared


def test_a_bug_anywhere_else_is_one_line_and_exit_2(seeds, monkeypatch):
    def crash(findings):
        raise KeyError("renderer")

    monkeypatch.setattr(concise, "render_findings", crash)
    result = CliRunner().invoke(main, ["check", str(seeds), "--format", "concise"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr == "timeline: error: internal error, a bug in timeline (please report it; --debug shows where): KeyError: 'renderer'\n"
    debug = CliRunner().invoke(main, ["--debug", "check", str(seeds), "--format", "concise"])
    assert isinstance(debug.exception, KeyError)  # the traceback is shown, not swallowed


def test_ctrl_c_is_exit_130_with_one_line(seeds, monkeypatch):
    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(reading, "extract_article", interrupt)
    result = CliRunner().invoke(main, ["check", str(seeds)])
    assert (result.exit_code, result.stderr) == (130, "timeline: interrupted\n")


def test_sigterm_is_exit_143_with_one_line_and_the_handler_is_restored(seeds, monkeypatch):
    before = signal.getsignal(signal.SIGTERM)

    def terminated(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGTERM)
        raise AssertionError("SIGTERM should have stopped the run")

    monkeypatch.setattr(reading, "extract_article", terminated)
    result = CliRunner().invoke(main, ["check", str(seeds)])
    assert (result.exit_code, result.stderr) == (143, "timeline: interrupted (terminated)\n")
    assert signal.getsignal(signal.SIGTERM) is before


def test_an_interrupted_export_leaves_no_file(cli, seeds, tmp_path, monkeypatch):
    import timeline.atomic_write as atomic_write

    real_fsync = os.fsync

    def interrupted_fsync(descriptor):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic_write.os, "fsync", interrupted_fsync)
    result = cli("export", seeds, "-o", tmp_path / "out" / "chronology.md") if (tmp_path / "out").mkdir() is None else None
    monkeypatch.setattr(atomic_write.os, "fsync", real_fsync)
    assert result.exit_code == 130 and result.stderr == "timeline: interrupted\n"
    assert list((tmp_path / "out").iterdir()) == []
