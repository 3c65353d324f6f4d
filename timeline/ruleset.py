"""Load the rule set (``rules/``): boilerplate, lexicon, figure bands and rule instances.

Everything is validated before any article is read, the way yamllint checks
its configuration first: an unknown key, a wrong type or an unknown rule type
is a ConfigError naming the file, and nothing runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from timeline.errors import ConfigError
from timeline.lexicon import Lexicon
from timeline.models import Frozen as Strict
from timeline.models import Severity


class Boilerplate(Strict):
    lines: tuple[str, ...] = ()
    line_patterns: tuple[str, ...] = ()
    span_patterns: tuple[str, ...] = ()


class Band(Strict):
    absolute: float | None = None
    relative: float | None = None


class FigureSettings(Strict):
    """How figures are read and compared: qualifier bands, periods and cumulative quantities.

    ``current_window_days``: a figure whose text gives no period of its own
    speaks of its article's publication date, give or take this many days;
    two such figures are compared when their windows overlap.
    ``lookback_days``: such a figure is also compared with figures stated for
    a period that ended at most this many days before its publication (the
    latest quarter's, the end of last month's).
    ``cumulative``: measured things (shell-style patterns over the key's
    measure, "deaths", "*evacuated") that only grow over time; a later higher
    value is an update, not a conflict.
    """

    bands: dict[str, Band] = {"default": Band(relative=0.05)}
    current_window_days: int = Field(5, ge=0)
    lookback_days: int = Field(45, ge=0)
    cumulative: tuple[str, ...] = ()

    def band(self, unit: str, value: float) -> float:
        """Half-width of the interval that "around <value> <unit>" stands for."""
        band = self.bands.get(unit) or self.bands.get("default") or Band(relative=0.05)
        if band.absolute is not None:
            return band.absolute
        return abs(value) * (band.relative or 0.0)


STATE = Literal["planned", "pending", "not done", "done", "ongoing", "stopped", "postponed", "resumed"]


class Transition(Strict):
    """One move of a clause status between articles and what it is: ``update``, ``change`` or ``regression``."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    before: STATE = Field(alias="from")
    after: STATE = Field(alias="to")
    report: Literal["update", "change", "regression"]


class StatusTransitions(Strict):
    """``rules/statuses.yaml``: which moves between the clause stage's states are worth a finding."""

    transitions: tuple[Transition, ...] = ()

    def report(self, before: str, after: str) -> str | None:
        return next((t.report for t in self.transitions if (t.before, t.after) == (before, after)), None)


class RuleInstance(Strict):
    id: str
    type: str
    severity: Severity
    description: str
    options: dict[str, Any] = {}
    link: str | None = None


class RuleSet(Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    root: Path
    boilerplate: Boilerplate
    lexicon: Lexicon
    figures: FigureSettings
    statuses: StatusTransitions = StatusTransitions()
    rules: tuple[RuleInstance, ...]


def default_rules_dir() -> Path:
    """The rules shipped with the package, or the checkout's ``rules/`` when run from source."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "default_rules", here.parent / "rules"):
        if (candidate / "checks").is_dir():
            return candidate
    raise ConfigError("the default rule set is missing from this installation", str(here / "default_rules"))


def read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle) or {}
    except OSError as error:
        raise ConfigError(f"cannot read: {error.strerror}", str(path)) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise ConfigError(f"invalid YAML: {problem}", str(path), line) from None


def validate(model: type[BaseModel], data: Any, path: Path) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top level)"
        raise ConfigError(f"{where}: {first['msg']}", str(path)) from None


def load_lexicon(folder: Path) -> Lexicon:
    merged: dict[str, Any] = {}
    for path in sorted(folder.glob("*.yaml")):
        data = read_yaml(path)
        if not isinstance(data, dict):
            raise ConfigError("expected a mapping at the top level", str(path))
        for key, value in data.items():
            if key in merged:
                raise ConfigError(f"'{key}' is defined in more than one lexicon file", str(path))
            merged[key] = value
        validate(Lexicon, data, path)
    return Lexicon.model_validate(merged)


def load_rules(folder: Path) -> tuple[RuleInstance, ...]:
    from timeline.rule_types import RULE_TYPES

    rules = []
    seen: set[str] = set()
    for path in sorted(folder.glob("*.yaml")):
        rule = validate(RuleInstance, read_yaml(path), path)
        if rule.type not in RULE_TYPES:
            known = ", ".join(sorted(RULE_TYPES))
            raise ConfigError(f"unknown rule type '{rule.type}' (known: {known})", str(path))
        if rule.id in seen:
            raise ConfigError(f"rule id '{rule.id}' is used twice", str(path))
        seen.add(rule.id)
        validate(RULE_TYPES[rule.type].Options, rule.options, path)
        rules.append(rule)
    return tuple(rules)


def load_ruleset(root: Path | None = None) -> RuleSet:
    root = root or default_rules_dir()
    if not (root / "checks").is_dir():
        raise ConfigError("not a rule set folder (no checks/ inside)", str(root))
    return RuleSet(
        root=root,
        boilerplate=validate(Boilerplate, read_yaml(root / "boilerplate.yaml"), root / "boilerplate.yaml"),
        lexicon=load_lexicon(root / "lexicon"),
        figures=validate(FigureSettings, read_yaml(root / "figures.yaml"), root / "figures.yaml"),
        statuses=_statuses(root / "statuses.yaml"),
        rules=load_rules(root / "checks"),
    )


def _statuses(path: Path) -> StatusTransitions:
    """The transition table; a rule set without one (older copies) reports no clause-status moves."""
    if not path.is_file():
        return StatusTransitions()
    return validate(StatusTransitions, read_yaml(path), path)
