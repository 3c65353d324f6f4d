"""What was read from each article, cached in SQLite, so that a re-check reads only what changed.

CI re-checks the whole corpus on every pull request, and almost every
article is the same as last time. An entry holds one article as read (its
``Article``), its claims and its cut-sentence warnings, keyed by

- the article's path (claims carry it as provenance) and the SHA-256 of its bytes;
- the run's fingerprint: the tool's version and the bytes of its own code,
  this cache format, every setting, and the bytes of every file of the rule
  set in force.

Any change to one of them is a miss, never a stale hit: editing a lexicon
file or ``fiscal-year-start`` reads every article afresh. Rules run on the
claims every time, so findings always see the whole corpus.

The store is one SQLite file, ``claims.sqlite3`` under ``cache-dir``
(default ``.timeline-cache`` beside the settings file, else in the current
folder; ``--no-cache`` turns it off). WAL mode and a busy timeout let two
runs share it: entries are written with ``INSERT OR REPLACE`` in batches
of up to ``BATCH`` (one short transaction each, never held while articles
are read; a commit per article was about 2% of a cold run), so concurrent
writers at worst both write the same entry. A
file that is not this cache (corrupt, foreign, another format) is set aside
and rebuilt, with one warning line; a cache that cannot be written (a
read-only folder) is left alone with one warning, and the run goes on
without it. The cache is never placed inside a folder being read: then it
is not used (the tool never writes into the corpus).

Entries are serialised by pydantic (``Entry``; the claims in it are records
that pydantic validates and dumps as it does models) and stored compressed
with zlib (``LEVEL``): the JSON of 10,000 synthetic 3 KB articles is 329 MB,
eleven times the articles; compressed, the file for 3,000 of them is 12.9 MB
instead of 103 MB, which matters to a CI job that saves and restores the
cache between runs. Compressing costs about 2% of a cold run, and
decompressing about 0.5 s of a re-check at 10,000 articles. zlib's
checksum makes a damaged entry fail to decompress, so it is a miss, never
a wrong read. The file is made with incremental auto-vacuum, so that
``prune`` gives the pages of forgotten entries back to the file system: a
change of rules rewrites every entry, and without it the file kept twice
the size it needs. A test checks that output is byte-identical with and
without the cache.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
import zlib
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from timeline import __version__
from timeline.errors import InputWarning
from timeline.models import Article, Claim

FORMAT = 2  # 2: entries compressed, auto-vacuum
FILE_NAME = "claims.sqlite3"
LEVEL = 6  # zlib's default: level 1 made the cache a quarter larger and saved under 1% of a cold run
BATCH = 100  # entries written per transaction; an interrupted run loses at most these, never the file
COLUMNS = ["path", "digest", "fingerprint", "data"]  # of ``entries``, as SCHEMA makes them
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
    path TEXT NOT NULL, digest TEXT NOT NULL, fingerprint TEXT NOT NULL, data BLOB NOT NULL,
    PRIMARY KEY (path, digest, fingerprint)
);
"""


class Entry(BaseModel):
    """One article as read, with what was extracted from it."""

    model_config = ConfigDict(frozen=True)

    article: Article
    claims: list[Claim]
    warnings: list[tuple[str, int | None]] = []

    def input_warnings(self) -> list[InputWarning]:
        return [InputWarning(message, self.article.path, line) for message, line in self.warnings]


def fingerprint(settings_json: str, rules_root: Path) -> str:
    """What, besides an article's bytes, decides what is read from it: version, format, settings, rule files, code."""
    digest = hashlib.sha256(f"timeline {__version__} cache {FORMAT}\n{settings_json}\n{code_digest()}\n".encode())
    for path in sorted(p for p in rules_root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(rules_root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def code_digest() -> str:
    """A hash of the package's own source: a version number alone would keep entries made by other code
    (an editable install being worked on, a patched copy). About a hundred small files, read once per run."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def content_digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


class ClaimsCache:
    """The open cache of one run; ``open`` returns None (after one warning) when it cannot be used."""

    def __init__(self, connection: sqlite3.Connection, fingerprint: str) -> None:
        self.connection = connection
        self.fingerprint = fingerprint
        self.writable = True
        self.pending: list[tuple[str, str, bytes]] = []  # (path, digest, compressed data) not yet written

    @classmethod
    def open(cls, folder: Path, fingerprint: str, warn) -> ClaimsCache | None:
        path = folder / FILE_NAME
        try:
            folder.mkdir(parents=True, exist_ok=True)
            ignore = folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# made by timeline: the claims cache is never committed\n*\n", encoding="utf-8")
            return cls(_connect(path), fingerprint)
        except (sqlite3.DatabaseError, ForeignCache) as error:
            if isinstance(error, sqlite3.OperationalError):  # locked for too long, read-only, cannot be opened: not damage
                warn(f"cache {path} cannot be used ({error}); reading without it")
                return None
            reason = error if isinstance(error, ForeignCache) else f"is not a timeline cache or is damaged ({error})"
            warn(f"cache {path} {reason}; rebuilding it")
            try:
                _set_aside(path)
                return cls(_connect(path), fingerprint)
            except (OSError, sqlite3.Error, ForeignCache) as again:
                warn(f"cache {path} cannot be rebuilt ({again}); reading without it")
        except (OSError, sqlite3.Error) as error:
            warn(f"cache {path} cannot be used ({error}); reading without it")
        return None

    def get(self, path: str, digest: str) -> Entry | None:
        try:
            row = self.connection.execute(
                "SELECT data FROM entries WHERE path = ? AND digest = ? AND fingerprint = ?", (path, digest, self.fingerprint)
            ).fetchone()
            if row is None:
                return None
            return Entry.model_validate_json(zlib.decompress(row[0]))  # its values shared by the caller (``share_read_back``)
        except (sqlite3.Error, ValueError, TypeError, zlib.error):
            return None  # a damaged entry is a miss; it is written again below

    def put(self, path: str, digest: str, entry: Entry, warn) -> None:
        """Keep the entry to write with the next batch (``flush`` writes it)."""
        if not self.writable:
            return
        self.pending.append((path, digest, zlib.compress(entry.model_dump_json().encode(), LEVEL)))
        if len(self.pending) >= BATCH:
            self.flush(warn)

    def flush(self, warn) -> None:
        """Write the pending entries in one transaction, each replacing an older text of its article."""
        rows, self.pending = self.pending, []
        if not rows or not self.writable:
            return
        try:
            with self.connection:
                self.connection.executemany("DELETE FROM entries WHERE path = ? AND digest != ?", [(path, digest) for path, digest, _ in rows])
                self.connection.executemany(
                    "INSERT OR REPLACE INTO entries (path, digest, fingerprint, data) VALUES (?, ?, ?, ?)",
                    [(path, digest, self.fingerprint, data) for path, digest, data in rows],
                )
        except sqlite3.Error as error:
            self.writable = False
            warn(f"cache cannot be written ({error}); reading without it")

    def prune(self) -> None:
        """Forget entries made under another fingerprint (older rules or settings): they can never hit again."""
        if not self.writable:
            return
        try:
            with self.connection:
                forgotten = self.connection.execute("DELETE FROM entries WHERE fingerprint != ?", (self.fingerprint,)).rowcount
            if forgotten:
                self.connection.executescript("PRAGMA incremental_vacuum;")  # execute() steps it once, which frees one page
        except sqlite3.Error:
            pass  # another run may be writing: pruning can wait for the next one

    def close(self) -> None:
        self.connection.close()


class ForeignCache(Exception):
    """The file is an SQLite database, but not this cache's format."""


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=30)
    try:
        _patiently(lambda: _write_ahead(connection))
        _patiently(lambda: _schema(connection))
        stored = connection.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        columns = [row[1] for row in connection.execute("PRAGMA table_info(entries)")]
        if columns != COLUMNS or stored is None or not stored[0].isdigit():
            raise ForeignCache(f"is not a timeline cache (format {stored[0] if stored else 'unknown'}, expected {FORMAT})")
        if stored[0] != str(FORMAT):
            raise ForeignCache(f"was made by another release of timeline (cache format {stored[0]}; this release reads {FORMAT})")
    except BaseException:
        connection.close()
        raise
    return connection


def _write_ahead(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA auto_vacuum = INCREMENTAL")  # takes effect only on a new file, before WAL mode and the tables
    if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        connection.execute("PRAGMA journal_mode=WAL")


def _schema(connection: sqlite3.Connection) -> None:
    with connection:
        for statement in SCHEMA.split(";"):
            if statement.strip():
                connection.execute(statement)
        connection.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('format', ?)", (str(FORMAT),))


def _patiently(step, attempts: int = 40) -> None:
    """Run ``step``, waiting while another run holds the lock: switching to WAL mode, and creating the tables,
    may meet a run doing the same, and SQLite answers "locked" at once rather than through its busy timeout."""
    for attempt in range(attempts):
        try:
            return step()
        except sqlite3.OperationalError as error:
            if not _contended(error) or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _contended(error: sqlite3.OperationalError) -> bool:
    return "locked" in str(error) or "busy" in str(error)


def _set_aside(path: Path) -> None:
    """Remove a damaged or foreign cache file and its WAL companions, so a fresh one is made in its place."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
