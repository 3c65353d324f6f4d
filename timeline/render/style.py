"""Colour for terminal output, decided once per run and never applied to article text's own escapes.

Colour is on only when it can help and cannot hurt, as in ruff and most
command-line tools that follow https://no-color.org: the output is a
terminal, ``NO_COLOR`` is unset or empty, and ``--no-color`` was not given.
Pipes, files and CI logs get plain text, so ``grep`` and diffs see the same
bytes whatever the terminal. Text from articles is made printable before it
is styled (see ``timeline.render.findings.printable``), so an escape sequence
in an article is shown, never obeyed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import IO

import click

SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


def wants_colour(stream: IO, no_color: bool = False) -> bool:
    """Whether ``stream`` should get colour: a terminal, no ``NO_COLOR``, no ``--no-color``."""
    if no_color or os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


@dataclass(frozen=True)
class Style:
    """The few styles the findings table uses; with ``colour`` off each returns its text unchanged."""

    colour: bool = False

    def severity(self, severity: str) -> str:
        return click.style(severity, fg=SEVERITY_COLOURS.get(severity), bold=True) if self.colour else severity

    def rule(self, rule: str) -> str:
        return click.style(rule, bold=True) if self.colour else rule

    def place(self, place: str) -> str:
        return click.style(place, fg="cyan") if self.colour else place

    def faint(self, text: str) -> str:
        return click.style(text, dim=True) if self.colour else text
