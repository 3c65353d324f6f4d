"""Broken and hostile inputs, built at test time: what arrives when articles are pasted from the web.

Each case is data: a name, how to build it in a corpus folder, and what the
tool must make of it: ``READ`` (an ordinary article after all), ``WARNED``
(read, with a warning whose message holds ``says`` at ``line``) or an input
error whose message holds ``says`` at ``line`` (None where no line applies).
The builders write files only under the folder they are given.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

READ = "read"
WARNED = "warning"

FLOOD = "The Varn river rose 2.4 metres overnight on March 3, the water board said.\n"
DATED = "---\npublished: 2032-03-04\n---\n" + FLOOD


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], None]
    outcome: str  # READ, WARNED or "error"
    says: str = ""
    line: int | None = None
    during: Callable[[Path, object], None] | None = None  # what happens to the folder while the run is under way (given pytest's monkeypatch)
    removed: str | None = None  # a file that ``during`` removes: gone afterwards, but not by the tool's doing


def text(name: str, content: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_text(content, encoding="utf-8", newline="")


def raw(name: str, content: bytes) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(content)


def nested(depth: int) -> str:
    return "---\ntags: " + "[" * depth + "]" * depth + "\n---\n" + FLOOD


def alias_bomb() -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    return "---\n" + "\n".join(lines) + "\ntitle: *a8\n---\n" + FLOOD


def folder_loop(folder: Path) -> None:
    (folder / "loop").mkdir()
    os.symlink(folder / "loop", folder / "loop" / "again")


def self_link(folder: Path) -> None:
    os.symlink(folder / "a.md", folder / "a.md")


def dangling_link(folder: Path) -> None:
    os.symlink(folder / "gone.md", folder / "a.md")


def directory_named_md(folder: Path) -> None:
    (folder / "x.md").mkdir()
    (folder / "x.md" / "inner.txt").write_text(DATED, encoding="utf-8")


def deleted_after_listing(folder: Path, monkeypatch) -> None:
    """The file is found, then removed before it is read: as when a sync tool or an editor replaces it."""
    import timeline.cli.common as common

    listed = common.discover

    def discover_then_delete(paths):  # each run (check, then show and claims) lists the file and then loses it
        (folder / "a.md").write_text(DATED, encoding="utf-8")
        found = listed(paths)
        (folder / "a.md").unlink()
        return found

    monkeypatch.setattr(common, "discover", discover_then_delete)


def permission_denied(folder: Path, monkeypatch) -> None:
    """Reading the file is refused by the system. Mode 000 is not enough when the tests run as root, so
    the refusal is the one the system gives for it (errno 13), raised where the file is opened."""
    (folder / "a.md").chmod(0)
    real = Path.read_bytes

    def refused(path: Path) -> bytes:
        if path.name == "a.md":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", refused)


CASES = [
    Case("cms-datetime-with-zone", text("a.md", "---\npublished: 2032-03-04T10:15:00+05:30\n---\n" + FLOOD), READ),
    Case("date-key-as-hugo-writes-it", text("a.md", "---\ndate: 2032-03-04\n---\n" + FLOOD), READ),
    Case("quoted-datetime", text("a.md", '---\npublished: "2032-03-04T23:30:00-05:00"\n---\n' + FLOOD), READ),
    Case("impossible-date", text("a.md", "---\npublished: 2032-02-30\n---\n" + FLOOD), "error", "not a date", 2),
    Case("published-is-a-word", text("a.md", "---\npublished: yesterday\n---\n" + FLOOD), "error", "not a date", 2),
    Case("published-is-a-list", text("a.md", "---\npublished: [2032, 3]\n---\n" + FLOOD), "error", "not a date", 2),
    Case("deeply-nested-front-matter", text("a.md", nested(5000)), "error", "nested more than", 2),
    Case("yaml-alias-bomb", text("a.md", alias_bomb()), "error", "alias", None),
    Case("list-front-matter", text("a.md", "---\n- one\n- two\n---\n" + FLOOD), "error", "mapping", 2),
    Case("unterminated-front-matter", text("a.md", "---\npublished: 2032-03-04\n" + FLOOD), "error", "never closed", 1),
    Case("yaml-syntax-error", text("a.md", "---\ntitle: [unclosed\n---\n" + FLOOD), "error", "not valid YAML", None),
    Case("title-is-a-mapping", text("a.md", "---\ntitle: {a: 1}\npublished: 2032-03-04\n---\n" + FLOOD), "error", "title", 2),
    Case("front-matter-only", text("a.md", "---\npublished: 2032-03-04\n---\n"), "error", "no text", None),
    Case("empty-file", text("a.txt", ""), "error", "empty", None),
    Case("only-whitespace", text("a.txt", " \n\t\n\n"), "error", "empty", None),
    Case("invalid-utf8", raw("a.txt", FLOOD.encode() + b"caf\xe9 closed\n"), "error", "not valid UTF-8", 2),
    Case("latin-1", raw("a.txt", "Le café a fermé le 3 mars.\n".encode("latin-1")), "error", "byte offset", 1),
    Case("binary-nul", raw("a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "error", "binary", None),
    Case("utf16-bom", raw("a.txt", DATED.encode("utf-16")), READ),
    Case("utf16-be-bom", raw("a.txt", b"\xfe\xff" + DATED.encode("utf-16-be")), READ),
    Case("utf32-bom", raw("a.txt", DATED.encode("utf-32")), READ),
    Case("utf8-bom", raw("a.txt", b"\xef\xbb\xbf" + DATED.encode()), READ),
    Case("crlf", raw("a.txt", DATED.replace("\n", "\r\n").encode()), READ),
    Case("cr-only", raw("a.txt", DATED.replace("\n", "\r").encode()), READ),
    Case("terminal-escapes", text("a.txt", "\x1b]8;;https://evil.example\x07x\x1b]8;;\x07\x1b[2J " + FLOOD), READ),
    Case("c1-controls", text("a.txt", "\x85\x9b31m " + FLOOD), READ),
    Case("letters-re-takes-for-ascii", text("a.md", "---\npublished: 2032-03-04\n---\nThe toll bridge cost uſd 40 million and reopened two weekſ after the flood; ıNR 4,000 went to each family.\n"), READ),
    Case("html-in-text", text("a.md", "<script>alert(1)</script> <img src=x onerror=alert(1)> " + DATED), READ),
    Case("deep-brackets-in-text", text("a.txt", "(" * 5000 + FLOOD.strip() + ")" * 5000 + "\n"), WARNED, "max-sentence-length", 1),
    Case("many-numbers-in-one-sentence", text("a.txt", "Gauges read " + ", ".join(f"{i}.{i % 7} metres" for i in range(3000)) + " on March 3.\n"), WARNED, "max-sentence-length", 1),
    Case("long-line-of-short-sentences", text("a.txt", "---\npublished: 2032-03-04\n---\n" + (FLOOD.strip() + " ") * 1_000 + "\n"), READ),
    Case("oversized-file", text("a.txt", FLOOD * 80_000), "error", "max-file-size", None),
    Case("overlong-line", text("a.txt", FLOOD.strip() * 3_000 + "\n"), "error", "max-line-length", 1),
    Case("symlink-folder-loop", folder_loop, READ),
    Case("symlink-to-itself", self_link, "error", "symbolic link", None),
    Case("dangling-symlink", dangling_link, "error", "symbolic link", None),
    Case("directory-named-x.md", directory_named_md, READ),
    Case("deleted-during-the-run", text("a.md", DATED), "error", "No such file", None, during=deleted_after_listing, removed="a.md"),
    Case("permission-denied", text("a.md", DATED), "error", "Permission denied", None, during=permission_denied),
]
