"""A progress line on stderr for long runs at a terminal, and nowhere else.

A check of a few articles takes well under a second and needs no progress;
a thousand articles take ten. So the line appears only once a run has taken
``DELAY`` seconds, only when stderr is a terminal (never in a pipe, a file
or a CI log, where a carriage-return animation is noise), never under
``TERM=dumb`` or when ``CI`` is set (some CI runners fake a terminal), and
never with ``--quiet``. It is redrawn at most ten times a second and wiped
when the run moves on, so the findings on stdout start on a clean line.
"""

from __future__ import annotations

import os
import sys
import time
from typing import IO

DELAY = 1.0
REDRAW = 0.1


def progress_wanted(stream: IO | None = None, quiet: bool = False) -> bool:
    stream = stream or sys.stderr
    if quiet or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Progress:
    """``reading articles  120/1000 [#####.....]`` while articles are read, then ``comparing…``."""

    def __init__(self, total: int, enabled: bool, stream: IO | None = None, clock=time.monotonic):
        self.total = total
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.clock = clock
        self.started = clock()
        self.drawn_at: float | None = None
        self.done = 0

    def advance(self) -> None:
        self.done += 1
        line = f"reading articles {self.done:>{len(str(self.total))}}/{self.total} {self._bar()}"
        self._draw(line, force=self.done == self.total)

    def stage(self, label: str) -> None:
        """A step with no count ("comparing claims…"), shown once the run is long enough."""
        self._draw(label, force=True)

    def close(self) -> None:
        if self.drawn_at is not None:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.drawn_at = None

    def _bar(self, width: int = 20) -> str:
        filled = width * self.done // max(self.total, 1)
        return "[" + "#" * filled + "." * (width - filled) + "]"

    def _draw(self, line: str, force: bool = False) -> None:
        if not self.enabled:
            return
        now = self.clock()
        if now - self.started < DELAY:
            return
        if not force and self.drawn_at is not None and now - self.drawn_at < REDRAW:
            return
        self.stream.write("\r\x1b[2K" + line)
        self.stream.flush()
        self.drawn_at = now
