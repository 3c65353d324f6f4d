"""Which settings file and which rules folder are in force, found the way ruff finds its configuration.

Settings: walking up from the current folder, the first folder with a
``timeline.toml`` or with a ``pyproject.toml`` that has a ``[tool.timeline]``
section (one without it is passed over). In one folder ``timeline.toml``
wins, as ``ruff.toml`` wins over ``pyproject.toml``. So ``timeline check``
run from any subfolder of a project reads the project's settings, and paths
in them (``corpus``, ``rules``) are relative to the settings file's folder,
not to wherever the command was typed. With no settings file anywhere, the
defaults apply and ``corpus`` is ``./seeds``.

Rules, first found wins:

1. ``--rules DIR`` on the command line (relative to the current folder);
2. ``rules = "..."`` in the settings;
3. a ``rules/`` folder beside the settings file, when it is laid out as a
   rule set (it has ``checks/``);
4. the built-in rules.

Step 3 is what makes an edit to the repository's ``rules/`` take effect after
``pip install .``: the repository's ``pyproject.toml`` has ``[tool.timeline]``
and ``rules/`` sits beside it, so the installed copy is not used there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from timeline.config import Settings, SettingsFile, settings_file_in
from timeline.config_errors import EntryError, display_path
from timeline.ruleset import default_rules_dir, is_rule_set


@dataclass(frozen=True)
class SettingsInForce:
    """The settings, with ``corpus`` and ``rules`` already resolved against their file's folder.

    Resolved paths are shown relative to the current folder when inside it,
    else absolute, like article paths everywhere else.
    """

    settings: Settings
    file: SettingsFile | None

    @property
    def label(self) -> str:
        return self.file.label if self.file else "none (defaults)"


@dataclass(frozen=True)
class RulesInForce:
    folder: Path
    origin: str  # why this folder: "--rules", "set by 'rules' in ...", "beside ...", "built-in"


def find_settings(start: Path | None = None) -> SettingsInForce:
    """The nearest settings file at or above ``start`` (the current folder), read and resolved."""
    start = (start or Path.cwd()).absolute()
    for folder in (start, *start.parents):
        found = settings_file_in(folder)
        if found is not None:
            return SettingsInForce(settings=resolved(found.settings(), found.path.parent), file=found)
    return SettingsInForce(settings=Settings(), file=None)


def resolved(settings: Settings, base: Path) -> Settings:
    """``corpus``, ``rules`` and ``cache-dir`` made relative to ``base`` (the settings file's folder) instead of the current folder."""
    update: dict = {"corpus": [display_path(base / entry) for entry in settings.corpus], "cache_dir": display_path(base / settings.cache_dir)}
    if settings.rules:
        update["rules"] = display_path(base / settings.rules)
    return settings.model_copy(update=update)


def choose_rules(option: Path | None, found: SettingsInForce) -> RulesInForce:
    """The rules folder in force and why (see the module docstring for the order)."""
    if option is not None:
        return RulesInForce(folder=option, origin="--rules")
    if found.file is not None and found.settings.rules:
        folder = Path(found.settings.rules)
        if not is_rule_set(folder):
            raise EntryError(
                f"'rules' in {found.file.table() or 'the settings'} names '{found.settings.rules}', which is not a rule set folder (no checks/ inside)",
                display_path(found.file.path), found.file.line(("rules",)),
            )  # fmt: skip
        return RulesInForce(folder=folder, origin=f"set by 'rules' in {found.file.label}")
    if found.file is not None and is_rule_set(beside := found.file.path.parent / "rules"):
        return RulesInForce(folder=Path(display_path(beside)), origin=f"beside {display_path(found.file.path)}")
    return RulesInForce(folder=default_rules_dir(), origin="built-in")


def in_force(option: Path | None) -> tuple[SettingsInForce, RulesInForce]:
    """Settings and rules folder for a command run from the current folder."""
    found = find_settings()
    return found, choose_rules(option, found)
