"""A hostile story shared by the tests of every output format: an article whose name and text try every trick.

Its sentence holds workflow commands, percent escapes, HTML, an OSC 8
hyperlink, terminal escapes that clear the screen and recolour it, and every
line separator a log reader might split at; its file name holds a newline and
a forged command. The story has one real conflict, so the text reaches a
finding in every format.
"""

from __future__ import annotations

from pathlib import Path

HOSTILE_SENTENCE = (
    "The Tellwick dam holds over 60% of the valley reservoir capacity ::error file=x::pwned %0A %0D %25 "
    "<script>alert(1)</script> \x1b]8;;https://evil.example\x07click here\x1b]8;;\x07 \x1b[2J\x1b[31m\x07 "
    "\u2028::warning::forged\x85::notice::forged\x0b::error::forged\x0c::error::forged, engineers said."
)
HOSTILE_NAME = "evil\n::error file=x,line=1::pwned %0A.md"


def hostile_story(folder: Path) -> None:
    """A dated article, and an undated one whose name and sentence try every trick; both state the dam's share."""
    (folder / "harbour-post.md").write_text(
        "---\npublished: 2031-03-02\nsource: Harbour Post\n---\n"
        "The Tellwick dam holds around 40-45% of the valley reservoir capacity, engineers said on Monday.\n",
        encoding="utf-8",
    )
    (folder / HOSTILE_NAME).write_text(HOSTILE_SENTENCE + "\n", encoding="utf-8")
