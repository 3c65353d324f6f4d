"""Write a file so that a reader sees either the old one or the whole new one, never half of it.

The text goes to a temporary file in the same folder (a rename is atomic only
within one file system), is flushed and fsynced, and then replaces the
target with ``os.replace``. If anything fails, the temporary file is removed
and the target is left as it was. The new file gets the mode the target had,
or for a new file the usual mode for the umask (``mkstemp`` alone would make
it readable by its owner only, a surprise for an export meant to be shared).
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from timeline.errors import TimelineError


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8, line ends as given); TimelineError naming the file on failure."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise TimelineError("cannot write: it is a folder", str(path))
    if not folder.is_dir():
        raise TimelineError(f"cannot write: no such folder '{folder}'", str(path))
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise TimelineError(f"cannot write: {error.strerror or error}", str(path)) from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise TimelineError(f"cannot write: {error.strerror or error}", str(path)) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def _mode_for(path: Path) -> int:
    """The target's permission bits if it exists, else 0o666 less the process umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows fsync on a folder (POSIX); best effort."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
