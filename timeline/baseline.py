"""Baselines: the findings a project has accepted, so that CI reports only what is new.

``timeline check --write-baseline FILE`` records every current finding;
``timeline check --baseline FILE`` then reports only findings whose
fingerprint (``timeline/fingerprints.py``) is not in the file. The file is
JSON meant to be committed and reviewed::

    {
      "version": 1,
      "findings": [
        {"fingerprint": "9c1e…", "rule": "figure-contradiction", "subject": "China",
         "message": "China, share of … cannot all hold", "files": ["003_c34b.txt", "004_1465.txt"]}
      ]
    }

Only ``fingerprint`` is read back; ``rule``, ``subject``, ``message`` and
``files`` are there for the reviewer of a diff. Entries are sorted by rule,
subject and fingerprint, so the same findings always give the same bytes.
The file is written atomically (a temporary file in the same folder, then a
rename), so an interrupted run never leaves half a baseline.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from timeline.atomic_write import write_atomically
from timeline.errors import ConfigError
from timeline.fingerprints import Namer, fingerprint
from timeline.models import Finding
from timeline.render.json_text import pretty

VERSION = 1


def baseline_document(findings: list[Finding], name: Namer) -> dict[str, Any]:
    entries = [
        {
            "fingerprint": fingerprint(finding, name),
            "rule": finding.rule,
            "subject": finding.subject,
            "message": finding.message,
            "files": sorted({name(where.path) for where in (finding.location, *(claim.provenance for claim in finding.claims))}),
        }
        for finding in findings
    ]
    entries.sort(key=lambda entry: (entry["rule"], entry["subject"] or "", entry["fingerprint"]))
    return {"version": VERSION, "findings": entries}


def write_baseline(path: Path, findings: list[Finding], name: Namer) -> None:
    text = pretty(baseline_document(findings, name)) + "\n"
    write_atomically(path, text)


def read_baseline(path: Path) -> frozenset[str]:
    """The fingerprints a baseline file accepts; a missing, unreadable or malformed file is a ConfigError naming it."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("baseline file not found (write one with --write-baseline)", str(path)) from None
    except UnicodeDecodeError:
        raise ConfigError("baseline is not UTF-8 text", str(path)) from None
    except OSError as error:
        raise ConfigError(f"cannot read baseline: {error.strerror or error}", str(path)) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ConfigError(f"baseline is not valid JSON: {error.msg}", str(path), error.lineno) from None
    if not isinstance(document, dict) or "findings" not in document:
        raise ConfigError("not a timeline baseline (no 'findings')", str(path))
    if document.get("version") != VERSION:
        raise ConfigError(f"baseline version {document.get('version')!r} is not supported (expected {VERSION})", str(path))
    entries = document["findings"]
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries):
        raise ConfigError("not a timeline baseline (every finding needs a 'fingerprint' string)", str(path))
    return frozenset(entry["fingerprint"] for entry in entries)


