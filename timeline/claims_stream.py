"""Claims as JSON Lines, one article a line: extraction as a map over articles, checking as a reduce.

``timeline claims --format jsonl`` writes, for each article read, one line
holding the article, its claims and its warnings (the same records the
claims cache keeps, ``claims_cache.Entry``), and one ``{"input_error":
...}`` line for each input that could not be read. ``timeline check
--from-claims FILE`` runs the rules on such lines instead of reading
articles. Because extraction never looks at another article, the lines of
any split of a corpus, concatenated in any order, check exactly as the
whole corpus does: a corpus too big for one machine can be extracted in
pieces (a Dask bag, a Spark job, a shell loop) and checked once, on the
merged lines. See README, "Beyond one machine".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator

from pydantic import ValidationError

from timeline.claims_cache import Entry
from timeline.errors import InputError, TimelineError


def entry_lines(entries: Iterable[Entry], errors: Iterable[InputError]) -> Iterator[str]:
    """One line per article read, then one per input error, each ending in a newline."""
    for entry in entries:
        yield entry.model_dump_json() + "\n"
    for error in errors:
        yield json.dumps({"input_error": {"path": error.path, "line": error.line, "message": error.message}}, ensure_ascii=False) + "\n"


def read_entries(path: Path) -> tuple[list[Entry], list[InputError]]:
    """The articles and input errors of a JSON Lines claims file, sorted by path, as a run reads folders.

    A line that is not such a record is an error naming the file and line.
    """
    entries: dict[str, Entry] = {}
    errors: list[InputError] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise TimelineError(f"cannot read claims: {getattr(error, 'strerror', None) or error}", str(path)) from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if isinstance(record, dict) and set(record) == {"input_error"}:
                error = record["input_error"]
                errors.append(InputError(str(error["message"]), error.get("path"), error.get("line")))
                continue
            entry = Entry.model_validate(record)  # its values shared by the caller (``share_read_back``), as the cache's are
        except (ValueError, ValidationError, KeyError, TypeError) as error:
            raise TimelineError(f"not a line of `timeline claims --format jsonl`: {_why(error)}", str(path), number) from None
        entries.setdefault(entry.article.path, entry)  # an article in two pieces' output counts once
    return [entries[name] for name in sorted(entries)], errors


def _why(error: Exception) -> str:
    """The first line of the error; for broken JSON, where on the line ("Expecting ',' delimiter at column 4478"),
    since the file's line is already given and json's own "line 1 column 4478 (char 4477)" reads as another line."""
    if isinstance(error, json.JSONDecodeError):  # some of json's messages end in "at" ("Unterminated string starting at")
        return f"{error.msg} column {error.colno}" if error.msg.endswith(" at") else f"{error.msg} at column {error.colno}"
    return str(error).splitlines()[0]
