"""Command line: ``timeline check``, ``show``, ``claims``, ``rules``, ``init``, ``export`` and ``schema``.

Exit codes follow linters such as ruff and yamllint: 0 when nothing is at or
above ``--fail-on``, 1 when something is, 2 on a usage, configuration or input
error (an unreadable article is reported on stderr as one line, the other
articles are still checked, and the exit code is 2 because the check was
incomplete).

Each command lives in its own module and registers itself on ``main``.
"""

from __future__ import annotations

import click

from timeline.cli.common import version_option


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@version_option
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error (a bug) instead of one line.")
def main(debug: bool) -> None:
    """Find dated claims in news articles, flag conflicts across sources, print one timeline."""


from timeline.cli import check, export, init, listing, rules, schema  # noqa: E402,F401  (registers the commands)
from timeline.cli.common import load_run  # noqa: E402,F401  (used by tests and scripts)
