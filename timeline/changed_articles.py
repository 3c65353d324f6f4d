"""``check --changed-since GITREF``: the articles git says are new or changed, for CI on a pull request.

Which files: those added, modified or renamed (``--diff-filter=AMR``)
between the merge base of GITREF and HEAD and the working tree, plus
untracked files git does not ignore. The merge base, not GITREF itself, so
that on a branch behind ``origin/main`` the articles main gained since do not
count as this branch's (what ``git diff origin/main...`` shows for a pull
request); the working tree, so that a local run before committing sees the
same as CI after. Deleted files are gone and have nothing to check. Only
files the check reads count: callers intersect with the corpus.

git is asked in each corpus folder's repository (a folder of PATHS or of
``[tool.timeline] corpus``). No ``git`` on PATH, a folder outside any
repository, an unknown GITREF and a shallow clone without the merge base are
each one clear line and exit code 2, never a silently empty check.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Iterable

from timeline.errors import TimelineError


class GitError(TimelineError):
    """git is missing, or cannot say what changed."""


def require_git() -> str:
    """The git executable, or GitError when there is none on PATH."""
    git = shutil.which("git")
    if git is None:
        raise GitError("--changed-since needs git, and no 'git' command was found on PATH")
    return git


def changed_since(ref: str, roots: Iterable[Path]) -> frozenset[Path]:
    """Resolved paths of the files new or changed since ``ref`` in the repositories holding ``roots``."""
    git = require_git()
    if ref.startswith("-"):
        raise GitError(f"'{ref}' is not a git revision")
    changed: set[Path] = set()
    for top in dict.fromkeys(repository_top(git, root) for root in roots):
        changed.update(changed_in(git, top, ref))
    return frozenset(changed)


def repository_top(git: str, root: Path) -> Path:
    folder = root if root.is_dir() else root.parent
    folder = folder if str(folder) else Path(".")
    done = run_git(git, folder, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        raise GitError("not inside a git repository, so --changed-since cannot tell what changed", str(root))
    return Path(done.stdout.strip())


def changed_in(git: str, top: Path, ref: str) -> set[Path]:
    if run_git(git, top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}").returncode != 0:
        raise GitError(f"unknown git revision '{ref}'", str(top))
    base = run_git(git, top, "merge-base", "--end-of-options", ref, "HEAD")
    if base.returncode != 0:
        raise GitError(f"'{ref}' and HEAD have no common ancestor here (a shallow clone? fetch the history, e.g. fetch-depth: 0)", str(top))
    diff = run_git(git, top, "diff", "--name-only", "-z", "--diff-filter=AMR", base.stdout.strip(), "--")
    untracked = run_git(git, top, "ls-files", "--others", "--exclude-standard", "-z")
    for done in (diff, untracked):
        if done.returncode != 0:
            message = done.stderr.strip().splitlines()[0] if done.stderr.strip() else f"exit code {done.returncode}"
            raise GitError(f"git failed: {message}", str(top))
    names = [name for done in (diff, untracked) for name in done.stdout.split("\0") if name]
    return {(top / name).resolve() for name in names}


def run_git(git: str, folder: Path, *args: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run([git, "-C", str(folder), *args], capture_output=True, text=True, encoding="utf-8", errors="surrogateescape")
    except OSError as error:
        raise GitError(f"cannot run git: {error.strerror or error}", str(folder)) from None
