"""Ingestion: encodings, line endings, front matter, publication dates and boilerplate."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.errors import InputError
from timeline.extract import extract_claims
from timeline.ingest import discover, read_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_seed_publication_dates_and_how_they_were_found(ruleset):
    found = {p.name[:3]: read_article(p, ruleset.boilerplate) for p in sorted(SEEDS.iterdir())}
    assert (found["000"].published, found["000"].published_source) == (date(2025, 6, 17), "date-marker")
    assert (found["002"].published, found["002"].published_source) == (date(2025, 8, 14), "dateline")
    assert (found["003"].published, found["003"].published_source) == (None, None)
    assert found["004"].published == date(2025, 7, 29)


@pytest.mark.parametrize("prefix, ending", [(b"", b"\n"), (b"\xef\xbb\xbf", b"\n"), (b"", b"\r\n"), (b"\xef\xbb\xbf", b"\r\n")])
def test_bom_and_crlf_keep_line_and_column(tmp_path, ruleset, prefix, ending):
    body = ending.join([b" date 2025-06-17 Intro.", b"", b"China controls over 90% of refining capacity."]) + ending
    article = read_article(write(tmp_path, "a.txt", prefix + body), ruleset.boilerplate)
    assert article.published == date(2025, 6, 17)
    [figure] = [c for c in extract_claims(article, ruleset) if c.kind == "figure"]
    assert (figure.provenance.line, figure.provenance.column) == (3, 16)


def test_front_matter_gives_metadata_and_keeps_line_numbers(tmp_path, ruleset):
    text = "---\ntitle: Magnets\npublished: 2025-06-21\nsource: Example\nurl: https://example.org/a\ntags: [x]\n---\nThe meeting was held on Tuesday.\n"
    article = read_article(write(tmp_path, "a.md", text.encode()), ruleset.boilerplate)
    assert (article.title, article.published, article.published_source, article.source) == ("Magnets", date(2025, 6, 21), "front-matter", "Example")
    [tuesday] = [c for c in extract_claims(article, ruleset) if c.kind == "date"]
    assert (tuesday.provenance.line, tuesday.date.value) == (8, "2025-06-17")


def test_front_matter_with_a_bad_date_names_its_line(tmp_path, ruleset):
    path = write(tmp_path, "a.md", b"---\ntitle: x\npublished: someday\n---\nBody.\n")
    with pytest.raises(InputError) as caught:
        read_article(path, ruleset.boilerplate)
    assert str(caught.value) == f"{path}:3: front matter 'published' is not a date: 'someday'"


def test_boilerplate_is_blanked_without_moving_text(ruleset):
    article = read_article(SEEDS / "002_3ddd81d5719723fa.txt", ruleset.boilerplate)
    original = (SEEDS / "002_3ddd81d5719723fa.txt").read_text(encoding="utf-8")
    assert len(article.body) == len(original)
    assert "JOIN OUR MAIL LIST" not in article.body and "Most Popular" not in article.body
    assert "HomeAll News" not in article.body
    assert article.body.split("\n")[3] == original.split("\n")[3]


def test_also_read_teaser_is_dropped_but_the_quote_after_it_kept(ruleset):
    article = read_article(SEEDS / "001_e06879e72037b640.txt", ruleset.boilerplate)
    line = article.body.split("\n")[12]
    assert "Montra" not in line and "3 years away" not in line
    assert line.lstrip().startswith("“The government is also considering")
    claims = extract_claims(article, ruleset)
    assert not any("3 years" in c.text for c in claims)


def test_discovery_is_recursive_sorted_and_skips_other_files(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/2.md", "a.txt", "b/1.txt", "notes.pdf", ".hidden/x.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = discover([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found.files] == ["a.txt", "b/1.txt", "b/2.md"]


@pytest.mark.parametrize(
    "first_line, expected",
    [("17 June 2025", date(2025, 6, 17)), ("Tuesday, June 17, 2025", date(2025, 6, 17)), ("2025-06-17", date(2025, 6, 17)), ("June 17, 2025 was a busy day for the ministry.", None), ("June 2025", None)],
)
def test_a_dateline_is_a_first_line_holding_one_day_and_nothing_else(tmp_path, ruleset, first_line, expected):
    article = read_article(write(tmp_path, "a.txt", f"{first_line}\n\nBody text.\n".encode()), ruleset.boilerplate)
    assert article.published == expected
    assert article.published_source == ("dateline" if expected else None)
