"""The progress line: only at a terminal, only for runs longer than a second, wiped before the findings."""

from __future__ import annotations

import io

from timeline.cli.progress import Progress, progress_wanted


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_nothing_is_drawn_in_the_first_second():
    stream, clock = Terminal(), Clock()
    progress = Progress(10, enabled=True, stream=stream, clock=clock)
    for _ in range(5):
        clock.now += 0.1
        progress.advance()
    progress.close()
    assert stream.getvalue() == ""


def test_a_long_run_shows_its_count_and_wipes_it():
    stream, clock = Terminal(), Clock()
    progress = Progress(40, enabled=True, stream=stream, clock=clock)
    for _ in range(40):
        clock.now += 0.05
        progress.advance()
    drawn = stream.getvalue()
    first = drawn.split("\r\x1b[2K")[1]
    assert first.startswith("reading articles 2") and int(first.split()[2].split("/")[0]) >= 19  # from about a second in
    assert drawn.endswith("reading articles 40/40 [####################]")
    assert drawn.count("\r") <= 20  # redrawn at most ten times a second, not once per article
    progress.close()
    assert stream.getvalue().endswith("\r\x1b[2K")


def test_wanted_only_at_a_terminal_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert progress_wanted(Terminal())
    assert not progress_wanted(io.StringIO())
    assert not progress_wanted(Terminal(), quiet=True)
    monkeypatch.setenv("CI", "true")
    assert not progress_wanted(Terminal())
    monkeypatch.delenv("CI")
    monkeypatch.setenv("TERM", "dumb")
    assert not progress_wanted(Terminal())


def test_no_progress_in_captured_output(cli, seeds):
    result = cli("check", seeds)
    assert "reading articles" not in result.stderr and "\r" not in result.stdout
