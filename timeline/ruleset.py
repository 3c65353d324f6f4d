"""Load the rule set (``rules/``): boilerplate, lexicon, figure bands and rule instances.

Everything is validated before any article is read, the way yamllint checks
its configuration first: an unknown key, a wrong type, an unknown rule type,
a key written twice or an id used twice is a ConfigError naming the entry by
its id, the file and the line (see ``timeline/config_errors.py``), and
nothing runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, ConfigDict, Field

from timeline.config_errors import EntryError, did_you_mean, display_path
from timeline.errors import ConfigError
from timeline.lexicon import Lexicon
from timeline.models import Frozen as Strict
from timeline.models import Severity
from timeline.regex_safety import regex_problem
from timeline.yaml_document import ENTRY_KINDS, YamlDocument


def safe_pattern(pattern: str) -> str:
    """A rule file's regular expression, refused at load when it is invalid or can backtrack for ever."""
    if problem := regex_problem(pattern):
        raise ValueError(f"{pattern!r} is {problem}" if problem.startswith(("not", "read ")) else f"{pattern!r} has {problem}")
    return pattern


Pattern = Annotated[str, AfterValidator(safe_pattern)]


class Boilerplate(Strict):
    """``rules/boilerplate.yaml``: lines and spans blanked before an article is read."""

    lines: tuple[str, ...] = ()
    line_patterns: tuple[Pattern, ...] = ()
    span_patterns: tuple[Pattern, ...] = ()


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
        if is_rule_set(candidate):
            return candidate
    raise ConfigError("the default rule set is missing from this installation", str(here / "default_rules"))


def is_rule_set(folder: Path) -> bool:
    """Whether a folder is laid out as a rule set: rule instances in ``checks/``."""
    return (folder / "checks").is_dir()


def read_yaml(path: Path) -> Any:
    """The data of one YAML file (for tools and tests; the loaders below keep its lines for messages)."""
    return YamlDocument.read(path).data


def load_lexicon(folder: Path) -> Lexicon:
    merged: dict[str, Any] = {}
    where: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        document = YamlDocument.read(path)
        for key in document.mapping():
            if key in merged:
                raise EntryError(f"'{key}' is defined in more than one lexicon file", document.shown, document.line((key,)), f"also in {where[key]}")
            merged[key], where[key] = document.data[key], document.shown
        document.validate(Lexicon)
        check_unique_names(document)
    return Lexicon.model_validate(merged)


def check_unique_names(document: YamlDocument) -> None:
    """Two entries of one list with the same id: which one a key or a finding refers to would be a guess."""
    for holder, entries in document.data.items():
        if not isinstance(entries, list):
            continue
        first: dict[str, int] = {}
        for index, entry in enumerate(entries):
            named_by = next((key for key in ("id", "kind") if isinstance(entry, dict) and key in entry), None)
            if named_by is None:
                continue
            name, line = entry[named_by], document.line((holder, index))
            if name in first:
                kind = ENTRY_KINDS.get(holder, holder) + (" id" if named_by == "id" else "")
                raise EntryError(f"duplicate {kind} '{name}'", document.shown, line, f"the first is on line {first[name]}")
            first[name] = line


def load_rules(folder: Path) -> tuple[RuleInstance, ...]:
    from timeline.rule_types import RULE_TYPES

    rules = []
    first: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        document = YamlDocument.read(path, whole_entry="rule")
        document.mapping()
        rule = document.validate(RuleInstance)
        if rule.type not in RULE_TYPES:
            raise EntryError(f"unknown rule type '{rule.type}' in {document.top}", document.shown, document.line(("type",)), did_you_mean(rule.type, sorted(RULE_TYPES)))
        if rule.id in first:
            raise EntryError(f"duplicate rule id '{rule.id}'", document.shown, document.line(("id",)), f"the first is in {first[rule.id]}")
        first[rule.id] = f"{document.shown}:{document.line(('id',))}"
        document.validate(RULE_TYPES[rule.type].Options, rule.options, prefix=("options",))
        rules.append(rule)
    return tuple(rules)


def load_ruleset(root: Path | None = None) -> RuleSet:
    root = root or default_rules_dir()
    if not is_rule_set(root):
        raise ConfigError("not a rule set folder (no checks/ inside)", display_path(root))
    return RuleSet(
        root=root,
        boilerplate=YamlDocument.read(root / "boilerplate.yaml").validate(Boilerplate),
        lexicon=load_lexicon(root / "lexicon"),
        figures=YamlDocument.read(root / "figures.yaml").validate(FigureSettings),
        statuses=_statuses(root / "statuses.yaml"),
        rules=load_rules(root / "checks"),
    )


def _statuses(path: Path) -> StatusTransitions:
    """The transition table; a rule set without one (older copies) reports no clause-status moves."""
    if not path.is_file():
        return StatusTransitions()
    return YamlDocument.read(path).validate(StatusTransitions)
