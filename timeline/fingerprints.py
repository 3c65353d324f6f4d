"""A finding's identity from one run to the next: what baselines and SARIF fingerprints remember.

A baseline must keep recognising an accepted conflict while the articles
around it are edited, and must stop recognising it the moment the conflict
itself changes. So the identity is made of what the conflict *is*:

- the rule;
- the quantity disputed: a figure finding's key id ("China|share|...");
  any other finding's subject;
- its statements: each claim's text, with runs of whitespace made one space
  and case folded, and the file it stands in, named relative to the corpus
  folder it was found under (``003_c34b.txt`` whether the check ran on
  ``seeds`` from the repository or on ``.`` from inside ``seeds``).

Line numbers, columns, the sentence around a claim, the message (which
quotes ``path:line``) and the order in which files were read play no part:
an edit elsewhere in an article, a moved paragraph or a folder listed in
another order leaves the fingerprint as it was, while a new statement on a
disputed quantity, a changed value or a renamed file gives a new one.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Callable, Iterable

from timeline.models import Finding

Namer = Callable[[str], str]


def fingerprint(finding: Finding, name: Namer | None = None) -> str:
    """A hex SHA-256 of the rule, the disputed quantity and the statements (file, text); ``name`` names each file."""
    name = name or as_given
    identity = json.dumps([finding.rule, disputed(finding), statements(finding, name)], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()


def disputed(finding: Finding) -> str:
    """The key id of a figure finding (subject, measure, kind, unit, modifiers), else the subject."""
    if finding.key is not None:
        return finding.key.id
    return finding.subject or ""


def statements(finding: Finding, name: Namer) -> list[tuple[str, str]]:
    """Each distinct (file, normalised claim text); a finding about a whole article is its file alone."""
    found = sorted({(name(claim.provenance.path), normalised(claim.text)) for claim in finding.claims})
    return found or [(name(finding.location.path), "")]


def normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def as_given(path: str) -> str:
    return Path(path).as_posix()


class CorpusNames:
    """Names an article by its path relative to the first corpus root (a PATH or corpus folder) holding it.

    A root that is a file names that file by its name alone; an article under
    no root (which a run never reads) also goes by its name.
    """

    def __init__(self, roots: Iterable[Path]):
        self.roots = [root.resolve() for root in roots]

    def __call__(self, path: str) -> str:
        where = Path(path).resolve()
        for root in self.roots:
            if where == root:
                return where.name
            if where.is_relative_to(root):
                return where.relative_to(root).as_posix()
        return where.name
