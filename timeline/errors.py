"""Errors the user can act on: each prints as one line naming the file (and line)."""

from __future__ import annotations


class TimelineError(Exception):
    """Base for errors reported as ``path:line: message`` without a traceback."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if self.path and self.line:
            where = f"{self.path}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class InputError(TimelineError):
    """An article that cannot be read; the other articles are still checked."""


class InputWarning(TimelineError):
    """An article read, but not quite as written: a limit cut part of it (a sentence over
    ``max-sentence-length`` is read in pieces). Reported; it does not make the run fail."""


class ConfigError(TimelineError):
    """A rule, lexicon or [tool.timeline] setting that is not valid."""
