"""Project settings from ``timeline.toml``, or from ``[tool.timeline]`` in ``pyproject.toml``.

Which file is in force (the nearest one, walking up from the current folder)
is decided by ``timeline/settings_discovery.py``; this module reads one file.
``timeline.toml`` takes the same keys at its top level::

    [tool.timeline]
    corpus = "seeds"            # folder(s) checked when no PATH is given
    fail-on = "error"           # error | warning | info | never
    rules = "rules"             # a rule-set folder replacing the built-in one
    fiscal-year-start = 4       # month the fiscal year starts (April in India)
    day-first = true            # 04/06/2025 is 4 June
    max-claims = 8              # claims shown per finding in the table ("and N more")
    select = ["figure-contradiction"]       # rule ids to run (default: every rule)
    ignore = ["status-update"]              # rule ids never to run
    required-front-matter = ["published"]   # what a new article (check --new) must have

    [tool.timeline.fiscal-year-start-by-source]   # per source (front matter `source:`)
    "Capitol Ledger" = 10                         # a US federal source: October

Unknown keys are rejected (a typo must not pass silently) and every error
names the key, the table and the line in plain words, with a suggestion:
``unknown key 'fail_on' in [tool.timeline] (pyproject.toml:12); did you mean
'fail-on'?``. tomllib keeps no line numbers, so the key's line is found in
the file's text. Each field's ``description`` is also the comment that
``timeline init`` writes beside it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from timeline.config_errors import EntryError, Place, data_loc, display_path, first_error, plain_error
from timeline.errors import ConfigError

PYPROJECT_SECTION = ("tool", "timeline")


class Settings(BaseModel):
    """The settings. Strict, because TOML has real types: ``day-first = "yes"`` is text, not true."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, strict=True)

    corpus: list[str] = Field(["seeds"], description="folder(s) read when no PATH is given (a string or a list)")
    fail_on: Literal["error", "warning", "info", "never"] = Field("error", alias="fail-on", description="error | warning | info | never")
    rules: str | None = Field(None, description="the rule set in force, a folder laid out like the built-in rules/")
    fiscal_year_start: int = Field(4, alias="fiscal-year-start", ge=1, le=12, description="month the fiscal year starts (April, as in India)")
    day_first: bool = Field(True, alias="day-first", description="04/06/2025 is 4 June 2025")
    max_claims: int = Field(8, alias="max-claims", ge=1, description="claims shown per finding in the check table")
    fiscal_year_start_by_source: dict[str, Annotated[int, Field(ge=1, le=12)]] = Field(
        {}, alias="fiscal-year-start-by-source", description="per source, by front matter `source:`"
    )
    max_file_size: int = Field(5_000_000, alias="max-file-size", ge=1, description="bytes; a larger article is an input error")
    max_line_length: int = Field(100_000, alias="max-line-length", ge=1, description="characters; an article with a longer line is an input error")
    max_sentence_length: int = Field(2_000, alias="max-sentence-length", ge=100, description="characters; a longer sentence is read in pieces, with a warning")
    cache_dir: str = Field(".timeline-cache", alias="cache-dir", description="claims cache folder, beside this file; --no-cache skips it")
    select: list[str] | None = Field(
        None, description="rule ids to run (default: all); --select replaces it", examples=[["figure-contradiction", "status-change"]]
    )
    ignore: list[str] = Field([], description="rule ids not to run; --ignore adds to it")
    required_front_matter: list[Literal["published", "title", "source", "url"]] = Field(
        ["published"], alias="required-front-matter", description="front matter a new article must carry (check --new, --changed-since)"
    )


@dataclass(frozen=True)
class SettingsFile:
    """One settings file: its text (for line numbers), the table the settings are in, and their raw keys."""

    path: Path
    text: str
    section: tuple[str, ...]  # ("tool", "timeline") in pyproject.toml, () in timeline.toml
    data: dict[str, Any]

    @property
    def label(self) -> str:
        """How ``timeline rules`` names it: ``pyproject.toml [tool.timeline]`` or ``timeline.toml``."""
        return display_path(self.path) + (f" [{'.'.join(self.section)}]" if self.section else "")

    def table(self, *keys: str) -> str:
        """'[tool.timeline]', '[tool.timeline.fiscal-year-start-by-source]'; '' for timeline.toml's top level."""
        parts = self.section + keys
        return f"[{'.'.join(quoted_key(part) for part in parts)}]" if parts else ""

    def line(self, loc: tuple) -> int | None:
        """Line of the key at ``loc`` (of its table, when the key is written in a way not searched)."""
        return toml_line(self.text, self.section, tuple(str(part) for part in loc))

    def settings(self) -> Settings:
        """The settings validated; a key is spelt as in the files ("fail-on"), never as in Python ("fail_on")."""
        data = dict(self.data)
        for name, field in Settings.model_fields.items():
            if field.alias and name != field.alias and name in data:
                raise self.error({"type": "extra_forbidden", "loc": (name,), "msg": "", "input": data[name]})
        if isinstance(data.get("corpus"), str):
            data["corpus"] = [data["corpus"]]
        try:
            return Settings.model_validate(data)
        except ValidationError as error:
            raise self.error(first_error(error)) from None

    def error(self, detail) -> EntryError:
        """A pydantic error as a sentence: keys of a subtable are in ``[tool.timeline.<key>]``, the rest in the section."""
        loc = data_loc(self.data, tuple(detail["loc"]))
        entry = self.table(*(str(part) for part in loc[:1])) if len(loc) > 1 and not isinstance(loc[1], int) else self.table()
        holder = str(loc[0]) if loc and len(loc) > 1 else None
        place = Place(entry=entry, key=loc[-1] if loc else "(settings)", line=self.line(loc), holder=holder)
        problem = plain_error(detail, place, Settings, loc, display_path(self.path))
        if detail["type"] == "extra_forbidden" and not self.section and loc == ("tool",):
            problem.hint = "timeline.toml takes the settings at its top level, without [tool.timeline]"
        return problem


def settings_file_in(folder: Path) -> SettingsFile | None:
    """This folder's settings: ``timeline.toml`` first, else a ``pyproject.toml`` that has ``[tool.timeline]``.

    A ``pyproject.toml`` without the section belongs to another tool and is
    passed over, as ruff passes over one without ``[tool.ruff]``.
    """
    own = folder / "timeline.toml"
    if own.is_file():
        text, data = read_toml(own)
        return SettingsFile(path=own, text=text, section=(), data=data)
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        text, data = read_toml(pyproject)
        section = data.get("tool", {}).get("timeline") if isinstance(data.get("tool"), dict) else None
        if section is None:
            return None
        if not isinstance(section, dict):
            raise EntryError("'timeline' in [tool] must be a table of settings", display_path(pyproject), toml_line(text, ("tool",), ("timeline",)))
        return SettingsFile(path=pyproject, text=text, section=PYPROJECT_SECTION, data=section)
    return None


def load_settings(folder: Path) -> Settings:
    """The settings written in this folder (not above it), or the defaults."""
    found = settings_file_in(folder)
    return found.settings() if found else Settings()


def read_toml(path: Path) -> tuple[str, dict[str, Any]]:
    try:
        text = path.read_bytes().decode("utf-8")  # as it is on disk, CRLF and all, for `timeline init` to append to
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read settings: {getattr(error, 'strerror', None) or error}", display_path(path)) from None
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = re.search(r"\(at line (\d+), column \d+\)", str(error))
        problem = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", str(error))
        raise ConfigError(f"invalid TOML: {problem[:1].lower()}{problem[1:]}", display_path(path), int(where.group(1)) if where else None) from None


# A bare or quoted TOML key at the start of a line, or a table header.
KEY = r"""\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*"""
KEY_LINE = re.compile(rf"^{KEY}[=.]")
HEADER = re.compile(r"^\s*\[(?!\[)(.*)\]\s*(?:#.*)?$")


def quoted_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else f'"{key}"'


def header_parts(line: str) -> tuple[str, ...] | None:
    """The table a ``[a.b."c d"]`` header opens, or None for any other line."""
    match = HEADER.match(line)
    if not match:
        return None
    return tuple(key_text(part) for part in re.finditer(rf"{KEY}(?:\.|$)", match.group(1)))


def key_text(match: re.Match) -> str:
    return next(group for group in match.groups() if group is not None)


def toml_line(text: str, section: tuple[str, ...], loc: tuple[str, ...]) -> int | None:
    """1-based line where the key at ``loc`` under ``section`` is written, else its table's header line.

    Keys are looked for as ``key = ...`` lines inside their table and as
    ``[section.key]`` headers; the deepest part of ``loc`` found wins.
    """
    lines = text.splitlines()
    for depth in range(len(loc), 0, -1):
        table, key = section + loc[: depth - 1], loc[depth - 1]
        current: tuple[str, ...] = ()
        for number, line in enumerate(lines, 1):
            header = header_parts(line)
            if header is not None:
                current = header
                if header[: len(table) + 1] == table + (key,):
                    return number
            elif current == table and (match := KEY_LINE.match(line)) and key_text(match) == key:
                return number
    return next((number for number, line in enumerate(lines, 1) if header_parts(line) == section), None) if section else None
