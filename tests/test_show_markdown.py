"""`timeline show --format markdown`: a publishable chronology whose article text cannot inject formatting or links.

Escaping is checked by parsing the output back with markdown-it-py (CommonMark,
plus GFM tables and strikethrough): every title, quote and path must come back
as plain text equal to what went in, with whitespace runs made one space.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from timeline.models import DateValue, EventClaim, Precision, Provenance, TimelineEntry
from timeline.render.markdown import escape, render_timeline

PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
PLAIN = {"text"}


def plain(text: str) -> str:
    return " ".join(text.split())


JUNE_17 = DateValue(text="June 17", value="2025-06-17", start=date(2025, 6, 17), end=date(2025, 6, 17), precision=Precision.DAY)


def entry(title: str, quote: str = "It happened.", path: str = "a.txt", dated: bool = True) -> TimelineEntry:
    when = JUNE_17 if dated else None
    source = EventClaim(
        provenance=Provenance(path=path, line=1, column=1, quote=quote), text=title, published=date(2025, 6, 20),
        event_kind="meeting", title=title, date=when,
    )  # fmt: skip
    return TimelineEntry(date=when, event_kind="meeting", title=title, sources=(source,))


def items(document: str) -> list[list]:
    """The inline children of every list item's paragraph, in order (nested items included)."""
    tokens = PARSER.parse(document)
    return [tokens[i + 2].children for i, t in enumerate(tokens) if t.type == "list_item_open"]


def block_types(document: str) -> list[str]:
    return [t.type for t in PARSER.parse(document) if t.type.endswith("_open") and t.nesting == 1]


ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=60)
PIECES = list("*_[]()`<>#|~&!\\-+=.:/;\"' \n\tab1") + ["http://x.example", "&amp;", "&#42;", "<b>", "```", "\n# ", "\n> ", "\n- ", "\n1. ", "\n===", "    "]
MARKDOWNISH = st.lists(st.sampled_from(PIECES), min_size=1, max_size=20).map("".join)
TITLES = st.one_of(ANY_TEXT, MARKDOWNISH).filter(lambda text: text.split())  # a title always has a word


@settings(max_examples=500, deadline=None)
@given(text=TITLES)
def test_escaped_text_is_one_plain_paragraph_even_at_the_start_of_a_line(text):
    tokens = PARSER.parse(escape(text))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert {c.type for c in tokens[1].children} <= PLAIN
    assert "".join(c.content for c in tokens[1].children) == plain(text)


@settings(max_examples=300, deadline=None)
@given(title=TITLES, path=TITLES)
def test_any_title_and_path_render_back_as_plain_text(title, path):
    [children] = items(render_timeline([entry(title, path=path)]))
    assert [c.type for c in children[:4]] == ["text", "strong_open", "text", "strong_close"]
    assert children[2].content == "17 Jun 2025"
    assert {c.type for c in children[4:]} <= PLAIN
    assert "".join(c.content for c in children[4:]) == f" — {plain(title)} (1 source: {plain(path + ':1')})"


@settings(max_examples=300, deadline=None)
@given(title=TITLES)
def test_any_undated_title_renders_back_as_plain_text(title):
    document = render_timeline([entry(title, dated=False)])
    [children] = items(document)
    assert {c.type for c in children} <= PLAIN
    assert "".join(c.content for c in children) == f"{plain(title)} (reported 20 Jun 2025; 1 source: a.txt:1)"
    assert block_types(document) == ["heading_open", "heading_open", "bullet_list_open", "list_item_open", "paragraph_open"]


@settings(max_examples=300, deadline=None)
@given(quote=TITLES)
def test_any_quote_renders_back_as_plain_text(quote):
    [_, source] = items(render_timeline([entry("meeting", quote=quote)], verbose=True))
    assert {c.type for c in source} <= PLAIN
    assert "".join(c.content for c in source) == f"a.txt:1: “{plain(quote)}”"


@settings(max_examples=100, deadline=None)
@given(titles=st.lists(TITLES, min_size=1, max_size=6))
def test_one_item_per_event_whatever_the_titles(titles):
    document = render_timeline([entry(t) for t in titles], verbose=True)
    types = block_types(document)
    assert types.count("heading_open") == 1 and types.count("bullet_list_open") == 1 + len(titles)
    assert types.count("list_item_open") == 2 * len(titles)
    assert not {"html_block", "blockquote_open", "table_open", "code_block", "fence", "hr"} & {t.type for t in PARSER.parse(document)}


ADVERSARIAL = [
    ("[click here](http://evil.example)", r"\[click here\](http://evil.example)"),
    ("![pixel](http://evil.example/p.png)", r"\!\[pixel\](http://evil.example/p.png)"),
    ("<http://evil.example>", r"\<http://evil.example\>"),
    ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
    ("**loud** and _soft_", r"\*\*loud\*\* and \_soft\_"),
    ("`rm -rf` meeting", r"\`rm -rf\` meeting"),
    ("# not a heading", r"\# not a heading"),
    ("talks\n# Injected heading\n\n- injected item", r"talks \# Injected heading - injected item"),
    ("fee | tax | levy", r"fee \| tax \| levy"),
    ("~~struck~~ plan", r"\~\~struck\~\~ plan"),
    ("R&amp;D scheme", r"R\&amp;D scheme"),
    ("ends in a backslash\\", "ends in a backslash\\\\"),
    ("[ref]: http://evil.example", r"\[ref\]: http://evil.example"),
    ("council's inter-ministerial meeting", "council's inter-ministerial meeting"),
]


@pytest.mark.parametrize(("title", "written"), ADVERSARIAL, ids=[t for t, _ in ADVERSARIAL])
def test_adversarial_titles_are_escaped(title, written):
    document = render_timeline([entry(title)])
    assert document == f"# Timeline\n\n- **17 Jun 2025** — {written} (1 source: a.txt:1)\n"
    [children] = items(document)
    assert {c.type for c in children[4:]} <= PLAIN
    assert "".join(c.content for c in children[4:]) == f" — {plain(title)} (1 source: a.txt:1)"


LINE_STARTS = [
    ("- injected item", r"\- injected item"),
    ("+ injected item", r"\+ injected item"),
    ("1. injected item", r"1\. injected item"),
    ("2025) injected item", r"2025\) injected item"),
    ("--- rule", r"\--- rule"),
    ("=== underline", r"\=== underline"),
    ("> quoted", r"\> quoted"),
    ("# heading", r"\# heading"),
    ("```fence", r"\`\`\`fence"),
]


@pytest.mark.parametrize(("title", "written"), LINE_STARTS, ids=[t for t, _ in LINE_STARTS])
def test_an_undated_title_cannot_open_a_block(title, written):
    """An undated bullet starts with the title, where Markdown reads lists, headings and rules."""
    document = render_timeline([entry(title, dated=False)])
    assert document == f"# Timeline\n\n## Undated\n\n- {written} (reported 20 Jun 2025; 1 source: a.txt:1)\n"
    [children] = items(document)
    assert "".join(c.content for c in children) == f"{title} (reported 20 Jun 2025; 1 source: a.txt:1)"


def test_no_events_is_a_heading_and_a_sentence():
    assert render_timeline([]) == "# Timeline\n\nNo events.\n"


# --- through the command line --------------------------------------------------------

COURT = """---
title: Harbour court hears ferry case
published: 2025-05-02
source: Norrvik Ledger
---

The Norrvik court held a _closed_ session meeting on May 1 with both ferry operators.

Judge Amara Solberg imposed a ban on the older ferry pending the appeal.
"""

APPEAL = """---
title: Ferry operators appeal
published: 2025-05-09
source: Coastline Wire
---

Lawyers for Brekke Lines said the court held a closed session meeting on May 1.
"""


@pytest.fixture
def court(tmp_path: Path) -> Path:
    folder = tmp_path / "court"
    folder.mkdir()
    (folder / "01_ledger.md").write_text(COURT, encoding="utf-8")
    (folder / "02_wire.md").write_text(APPEAL, encoding="utf-8")
    return folder


def test_markdown_chronology_of_a_story(cli, court):
    result = cli("show", "court", "--format", "markdown")
    assert result.exit_code == 0
    assert result.stdout == (
        "# Timeline\n"
        "\n"
        "- **1 May 2025** — Norrvik court holds \\_closed\\_ session meeting (2 sources: court/01\\_ledger.md:7, court/02\\_wire.md:7)\n"
        "\n"
        "## Undated\n"
        "\n"
        "- ban (reported 2 May 2025; 1 source: court/01\\_ledger.md:9)\n"
    )


def test_article_text_with_markup_stays_plain_text(cli, court):
    """'_closed_' in the article is a word of the title, not emphasis in the chronology."""
    document = cli("show", "court", "--format", "markdown", "--verbose").stdout
    titles = [e["title"] for e in cli.json("show", "court")["timeline"]]
    assert "Norrvik court holds _closed_ session meeting" in titles
    rendered = items(document)
    assert all({c.type for c in children} <= PLAIN | {"strong_open", "strong_close"} for children in rendered)
    assert "".join(c.content for c in rendered[0]) == "1 May 2025 — Norrvik court holds _closed_ session meeting (2 sources)"
    assert "".join(c.content for c in rendered[1]) == (
        "court/01_ledger.md:7: “The Norrvik court held a _closed_ session meeting on May 1 with both ferry operators.”"
    )


def test_markdown_is_filtered_like_the_other_formats(cli, court):
    document = cli("show", "court", "--format", "markdown", "--since", "2025-05").stdout
    assert "## Undated" not in document and "ban" not in document and "session meeting" in document
    assert cli("show", "court", "--format", "markdown", "--subject", "verdict").stdout == "# Timeline\n\nNo events.\n"


def test_markdown_of_the_seeds_is_deterministic_and_complete(cli, seeds):
    first = cli("show", seeds, "--format", "markdown").stdout
    assert first == cli("show", seeds, "--format", "markdown").stdout
    entries = cli.json("show", seeds)["timeline"]
    bullets = [line for line in first.splitlines() if line.startswith("- ")]
    assert len(bullets) == len(entries)
    undated_at = first.splitlines().index("## Undated")
    assert all(line.startswith("- **") for line in first.splitlines()[:undated_at] if line.startswith("- "))
    assert not any(line.startswith("- **") for line in first.splitlines()[undated_at:])
    assert "- **17 Jun 2025** — Inter-ministerial meeting held (2 sources: " in first
