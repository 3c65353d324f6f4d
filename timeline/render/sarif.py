"""``check --format sarif``: a SARIF 2.1.0 log, as GitHub code scanning and other CI dashboards read it.

Why SARIF: uploaded with ``github/codeql-action/upload-sarif``, findings
become code-scanning alerts that GitHub tracks across pushes (new, fixed,
dismissed), which workflow annotations (``--format github``) do not.

What goes where:

- one run whose ``tool.driver.rules`` lists every rule in force (so a clean
  run still says what was checked), each with its description, its severity
  as ``defaultConfiguration.level``, its ``link`` as ``helpUri`` and, as
  ``help``, what ``timeline rules --explain`` prints about it;
- one result per finding, ``level`` error, warning or note (for info);
- ``locations``: the finding's anchor first (GitHub annotates the first
  location only, so it is the same place ``concise`` and ``github`` name),
  then every other statement the finding involves. Each region is the
  claim's exact text (``snippet``), and the location's ``message`` is the
  sentence it stands in. Columns count Unicode code points
  (``columnKind``), as every other format does;
- ``partialFingerprints``: the finding's fingerprint (``timeline/fingerprints.py``,
  the one a baseline records): a hash of the rule, the disputed quantity and
  each statement's file and text, never line numbers, so GitHub recognises
  the same finding after an unrelated edit moves it.

No timestamps and no run-specific data: the same input, read from the same folder, gives the same bytes.
"""

from __future__ import annotations

import inspect
import re
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import quote

from timeline import __version__
from timeline.fingerprints import Namer, fingerprint
from timeline.models import Finding, Provenance
from timeline.render.findings import places, relative_path, severity_first
from timeline.render.json_text import pretty
from timeline.rule_types import RULE_TYPES
from timeline.ruleset import RuleInstance

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "timelineFinding/v1"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def render_findings(findings: list[Finding], rules: tuple[RuleInstance, ...], names: Namer | None = None) -> str:
    """The log; ``names`` names articles in fingerprints (by default as given; ``check`` names them within their corpus folder)."""
    index = {rule.id: position for position, rule in enumerate(rules)}
    driver: dict[str, Any] = {"name": "timeline", "version": __version__}
    if home := information_uri():
        driver["informationUri"] = home
    driver["rules"] = [rule_descriptor(rule) for rule in rules]
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "results": [result(finding, index, names) for finding in severity_first(findings)],
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return pretty(log) + "\n"


def information_uri() -> str | None:
    """The project's home page from the installed package's metadata, if it names one (SARIF wants an absolute URI)."""
    try:
        meta = metadata.metadata("timeline")
    except metadata.PackageNotFoundError:
        return None
    urls = [meta.get("Home-page")] + [entry.split(",", 1)[-1].strip() for entry in meta.get_all("Project-URL") or []]
    return next((url for url in urls if url and url.startswith(("https://", "http://"))), None)


def rule_descriptor(rule: RuleInstance) -> dict[str, Any]:
    description = " ".join(rule.description.split())
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "shortDescription": {"text": SENTENCE_END.split(description, 1)[0]},
        "fullDescription": {"text": description},
        "help": {"text": f"{description}\n\n{inspect.cleandoc(RULE_TYPES[rule.type].__doc__ or '')}".strip()},
        "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
        "properties": {"tags": [rule.type]},
    }
    if rule.link:
        descriptor["helpUri"] = rule.link
    return descriptor


def result(finding: Finding, index: dict[str, int], names: Namer | None = None) -> dict[str, Any]:
    texts = {(c.provenance.path, c.provenance.line, c.provenance.column): c.text for c in finding.claims}
    record: dict[str, Any] = {"ruleId": finding.rule}
    if finding.rule in index:
        record["ruleIndex"] = index[finding.rule]
    record.update(
        level=LEVELS[finding.severity.value],
        message={"text": finding.message},
        locations=[location(p, texts.get((p.path, p.line, p.column))) for p in places(finding)],
        partialFingerprints={FINGERPRINT: fingerprint(finding, names)},
    )
    return record


def location(where: Provenance, text: str | None) -> dict[str, Any]:
    """A physical location: the claim's own text as the region when known, its sentence as the message."""
    region: dict[str, Any] = {"startLine": where.line, "startColumn": where.column}
    if text and "\n" not in text and "\r" not in text:
        region.update(endLine=where.line, endColumn=where.column + len(text), snippet={"text": text})
    physical = {"artifactLocation": {"uri": uri(where.path)}, "region": region}
    found: dict[str, Any] = {"physicalLocation": physical}
    if sentence := " ".join(where.quote.split()):
        found["message"] = {"text": sentence}
    return found


def uri(path: str) -> str:
    """A relative URI reference with forward slashes (``seeds/000_x.txt``); a path outside the current folder is a file URI.

    Percent-encoding keeps a ``:`` in a file name from reading as a scheme, and spaces and ``#`` from breaking the URI.
    """
    shown = relative_path(path)
    return Path(shown).as_uri() if Path(shown).is_absolute() else quote(shown, safe="/")

