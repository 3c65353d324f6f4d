"""Reading never fails in any other way than an InputError, whatever the bytes, and keeps every line where it was."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.decoding import decode
from timeline.errors import InputError
from timeline.front_matter import as_date
from timeline.ingest import read_article
from timeline.ruleset import Boilerplate

FRONT_MATTER_PIECES = st.sampled_from(
    ["---\n", "...\n", "published: ", "date: ", "title: ", "2032-03-04", "2032-02-30", "T10:15:00+05:30", "[", "]", "{", "}",
     "&a ", "*a", "- ", ": ", "'", '"', "\n", "  ", "#", "!!python/object:x", "\t", "\x00", "é", "The dam held on March 3."]
)  # fmt: skip


def read(tmp_path: Path, raw: bytes):
    article = tmp_path / "a.md"
    article.write_bytes(raw)
    try:
        return read_article(article, Boilerplate())
    except InputError as error:
        assert error.path == str(article) and "\n" not in error.message
        return error


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_any_bytes_are_an_article_or_an_input_error(tmp_path, raw):
    read(tmp_path, raw)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(FRONT_MATTER_PIECES, max_size=40).map("".join))
def test_any_front_matter_is_read_or_refused_in_one_line(tmp_path, text):
    result = read(tmp_path, ("---\n" + text).encode("utf-8"))
    if not isinstance(result, InputError):
        assert result.body.count("\n") == text.count("\n") + 1  # front matter blanked, no line lost or added


@given(st.text(max_size=200), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_decoding_gives_back_the_text_with_lf_line_ends(text, encoding):
    if "\x00" in text or text.startswith("\ufeff"):
        return  # NUL means binary; a leading U+FEFF is read as the byte-order mark it encodes
    assert decode(text.encode(encoding), "a.txt") == text.replace("\r\n", "\n").replace("\r", "\n")


@given(st.text(max_size=40))
def test_a_front_matter_date_is_a_date_or_nothing(text):
    result = as_date(text)
    assert result is None or (1 <= result.month <= 12 and 1 <= result.day <= 31)
