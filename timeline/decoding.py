"""Bytes on disk to article text: which encodings are accepted, and what is said about the rest.

Newsroom files are UTF-8, sometimes with a byte-order mark; files saved by
Windows tools are sometimes UTF-16, and more rarely UTF-32, always with a BOM.
Those are decoded. Anything else is not guessed at (a guess that turns
"café" into "cafÃ©" would put wrong quotes into a published chronology):
the error names the byte offset and line of the first byte that is not
UTF-8, so the file can be fixed. NUL bytes in the text mean a binary file
(an image or a PDF saved with a .txt name). Line ends (CRLF, CR) become LF,
which moves no line or column.
"""

from __future__ import annotations

import codecs

from timeline.errors import InputError

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(raw: bytes, path: str) -> str:
    """The text of ``raw``: UTF-8 with or without BOM, UTF-16 or UTF-32 with a BOM; LF line ends."""
    encoding, start = "utf-8", 0
    for mark, name in BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            encoding, start = name, len(mark)
            break
    if encoding == "utf-8" and b"\x00" in raw:
        raise InputError("looks like a binary file (contains NUL bytes)", path)
    try:
        text = raw[start:].decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(undecodable(raw, start + error.start, encoding), path, line_of_byte(raw, start + error.start, encoding)) from None
    if "\x00" in text:
        raise InputError("looks like a binary file (contains NUL bytes)", path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def undecodable(raw: bytes, offset: int, encoding: str) -> str:
    if encoding != "utf-8":
        return f"not valid {encoding.upper()} at byte offset {offset}"
    return f"not valid UTF-8 (byte 0x{raw[offset]:02x} at byte offset {offset}); save the file as UTF-8"


def line_of_byte(raw: bytes, offset: int, encoding: str) -> int:
    """The 1-based line holding byte ``offset``, counting LF bytes (or LF code units in UTF-16/32)."""
    if encoding == "utf-8":
        return raw.count(b"\n", 0, offset) + 1
    unit = 4 if encoding.startswith("utf-32") else 2
    newline = "\n".encode(encoding)
    return sum(1 for at in range(0, offset - offset % unit, unit) if raw[at : at + unit] == newline) + 1
