"""Command line: ``timeline check``, ``show``, ``claims``, ``rules``, ``init``, ``export`` and ``schema``.

Exit codes follow linters such as ruff and yamllint: 0 when nothing is at or
above ``--fail-on``, 1 when something is, 2 on a usage, configuration or input
error (an unreadable article is reported on stderr as one line, the other
articles are still checked, and the exit code is 2 because the check was
incomplete).

Each command lives in its own module and registers itself on ``main``.
"""

from __future__ import annotations

import gc
import importlib
from typing import Any

import click

from timeline import __version__


class LazyGroup(click.Group):
    """A command group that imports a command's module only when that command is run or listed.

    ``timeline --version`` then loads click and nothing else: no rule set,
    model, date library or lemmatiser (under 0.1 s, where importing them all
    takes several tenths). Each module registers its commands on ``main``
    when imported, as before.
    """

    MODULES = {"check": "check", "claims": "listing", "show": "listing", "export": "export", "init": "init", "rules": "rules", "schema": "schema"}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(self.MODULES)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.MODULES and name not in self.commands:
            importlib.import_module(f"timeline.cli.{self.MODULES[name]}")
        return self.commands.get(name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="timeline")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error (a bug) instead of one line.")
def main(debug: bool) -> None:
    """Find dated claims in news articles, flag conflicts across sources, print one timeline."""
    # A run builds hundreds of thousands of small objects (claims) that live until it ends; with the default
    # thresholds, the collector walks all of them again and again for no garbage (about 5% of a run).
    gc.set_threshold(100_000, 50, 100)


def __getattr__(name: str) -> Any:
    """``timeline.cli.load_run`` for scripts and tests, imported on first use."""
    if name == "load_run":
        from timeline.cli.common import load_run

        return load_run
    raise AttributeError(name)
