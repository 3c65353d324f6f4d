"""``timeline init [DIR]``: starter settings and a copy of the built-in rules to edit.

What it writes:

- the settings: a ``[tool.timeline]`` section appended to ``DIR/pyproject.toml``
  when that file exists (a Python project keeps its tools' settings there, and
  nothing else in the file is touched), else a new ``DIR/timeline.toml`` (a
  folder of articles is rarely a Python project). Every key is written out
  commented with its default, so the file documents itself; only
  ``rules = "rules"`` is live.
- ``DIR/rules/``: a copy of the built-in rule set.

It never overwrites: settings already there (``timeline.toml``, or
``[tool.timeline]`` in ``pyproject.toml``) and an existing ``DIR/rules`` are
left as they are, with one line saying so. Running it twice is therefore
harmless, and it exits 0 whenever the folder ends up with settings and a rule
set to edit, written now or before, as ``git init`` does on a repository.
It exits 1 when ``DIR/rules`` exists but is not a rule set (nothing to edit
was set up, and nothing was overwritten to get there), and 2 on an error
(a ``pyproject.toml`` that is not valid TOML, a folder it cannot write).

Files are written atomically: a temporary file in the same folder, then a
rename; the rules are copied into a temporary folder that is then renamed,
so an interrupted run leaves no half-written settings or half-copied rules.
The settings come first, so that a ``pyproject.toml`` that cannot take the
section stops the run before anything at all is written.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import click

from timeline.atomic_write import write_atomically
from timeline.cli import main
from timeline.cli.common import guarded, version_option
from timeline.config import PYPROJECT_SECTION, Settings, quoted_key, read_toml
from timeline.config_errors import display_path
from timeline.errors import ConfigError
from timeline.ruleset import default_rules_dir, is_rule_set


@main.command()
@click.argument("folder", metavar="[DIR]", default=".", type=click.Path(path_type=Path, file_okay=False))
@version_option
@guarded
def init(folder: Path) -> None:
    """Write starter settings and a copy of the built-in rules into DIR (default: here); never overwrite."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ConfigError(f"cannot create the folder: {error.strerror}", display_path(folder)) from None
    rules = folder / "rules"
    # Settings first: a pyproject.toml that cannot take the section stops the run before anything is written.
    write_settings(folder, live_rules=is_rule_set(rules) or not rules.exists())
    if rules.exists():
        click.echo(f"{display_path(rules)} exists already; left as it is")
    else:
        copy_rules(rules)
        click.echo(f"copied the built-in rules to {display_path(rules)}")
    if not is_rule_set(rules):
        click.echo(f"{display_path(rules)} is not a rule set (no checks/ inside): the built-in rules stay in force", err=True)
        sys.exit(1)


def write_settings(folder: Path, live_rules: bool) -> None:
    own, pyproject = folder / "timeline.toml", folder / "pyproject.toml"
    if own.is_file():
        click.echo(f"{display_path(own)} exists already; left as it is")
        return
    if pyproject.is_file():
        text, data = read_toml(pyproject)
        if isinstance(data.get("tool"), dict) and "timeline" in data["tool"]:
            click.echo(f"{display_path(pyproject)} has a [tool.timeline] section already; left as it is")
            return
        newline = "\r\n" if "\r\n" in text else "\n"
        body = starter_settings(PYPROJECT_SECTION, live_rules).replace("\n", newline)
        separator = "" if not text else (newline if text.endswith(("\n", "\r")) else newline * 2)
        try:  # a `tool = ...` that is not a table would make the section invalid: check before writing
            tomllib.loads(text + separator + body)
        except tomllib.TOMLDecodeError:
            raise ConfigError("cannot add a [tool.timeline] section: 'tool' here is not a table", display_path(pyproject)) from None
        write_atomically(pyproject, text + separator + body)
        click.echo(f"added a [tool.timeline] section to {display_path(pyproject)}")
        return
    write_atomically(own, starter_settings((), live_rules))
    click.echo(f"wrote {display_path(own)}")


def starter_settings(section: tuple[str, ...], live_rules: bool) -> str:
    """Every setting, commented with its default and its description; ``rules = "rules"`` live when the copy is there."""
    lines = [f"[{'.'.join(section)}]"] if section else []
    lines += ["# Written by `timeline init`. Paths are relative to this file.", "# Every setting is optional: the commented values are the defaults."]
    entries = []
    for name, field in Settings.model_fields.items():
        key = field.alias or name
        if key == "rules":
            value = 'rules = "rules"' if live_rules else '# rules = "rules"'
            entries.append((value, field.description or ""))
        elif field.default is None:
            example = f" = {toml_value(field.examples[0])}" if field.examples else " (not set)"
            entries.append((f"# {key}{example}", field.description or ""))
        else:
            entries.append((f"# {key} = {toml_value(field.default)}", field.description or ""))
    width = max(len(text) for text, _ in entries)
    lines += [f"{text:<{width}}  # {description}" if description else text for text, description in entries]
    return "\n".join(lines) + "\n"


def toml_value(value: Any) -> str:
    """A default as TOML: text, booleans, numbers, lists and (inline) tables."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{quoted_key(str(k))} = {toml_value(v)}" for k, v in value.items()) + "}"
    return json.dumps(str(value))


def copy_rules(target: Path) -> None:
    """The built-in rules, copied beside ``target`` under a temporary name, then renamed into place."""
    try:
        staging = Path(tempfile.mkdtemp(prefix=".rules-", dir=target.parent))
    except OSError as error:
        raise ConfigError(f"cannot copy the built-in rules: {error.strerror or error}", display_path(target)) from None
    try:
        shutil.copytree(default_rules_dir(), staging / "rules", ignore=shutil.ignore_patterns("__pycache__", ".*"))
        os.rename(staging / "rules", target)
    except OSError as error:
        raise ConfigError(f"cannot copy the built-in rules: {error.strerror or error}", display_path(target)) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
