"""Project settings from ``[tool.timeline]`` in the current folder's ``pyproject.toml``.

Unknown keys are rejected (a typo must not pass silently) and defaults are
filled before anything runs::

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
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from timeline.errors import ConfigError


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    corpus: list[str] = ["seeds"]
    fail_on: Literal["error", "warning", "info", "never"] = Field("error", alias="fail-on")
    rules: str | None = None
    fiscal_year_start: int = Field(4, alias="fiscal-year-start", ge=1, le=12)
    day_first: bool = Field(True, alias="day-first")
    max_claims: int = Field(8, alias="max-claims", ge=1)
    fiscal_year_start_by_source: dict[str, Annotated[int, Field(ge=1, le=12)]] = Field({}, alias="fiscal-year-start-by-source")
    select: list[str] | None = None
    ignore: list[str] = []
    required_front_matter: list[Literal["published", "title", "source", "url"]] = Field(["published"], alias="required-front-matter")


def load_settings(folder: Path) -> Settings:
    path = folder / "pyproject.toml"
    if not path.is_file():
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"cannot read settings: {error}", str(path)) from None
    section = data.get("tool", {}).get("timeline", {})
    if isinstance(section.get("corpus"), str):
        section = {**section, "corpus": [section["corpus"]]}
    try:
        return Settings.model_validate(section)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"[tool.timeline] {where}: {first['msg']}", str(path)) from None
