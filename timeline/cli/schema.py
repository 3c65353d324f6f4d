"""``timeline schema``: the JSON Schema of each JSON document the tool prints, generated from ``timeline.documents``."""

from __future__ import annotations

import click
from tabulate import tabulate

from timeline.cli import main
from timeline.cli.common import version_option
from timeline.documents import DOCUMENTS, json_schema
from timeline.render.json_format import dump


@main.command()
@click.argument("document", required=False, type=click.Choice(list(DOCUMENTS)))
@version_option
def schema(document: str | None) -> None:
    """Print the JSON Schema (draft 2020-12) of DOCUMENT; with none, list the documents and the command printing each."""
    if document is None:
        rows = [[name, command] for name, (_, command) in DOCUMENTS.items()]
        click.echo(tabulate(rows, headers=["document", "printed by"], tablefmt="simple"))
        return
    click.echo(dump(json_schema(document)), nl=False)
