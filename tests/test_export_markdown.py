"""`timeline export --format markdown`: a chronology that parses as intended and that article text cannot subvert.

Documents are parsed back with markdown-it-py (CommonMark, GFM tables and
strikethrough, and the footnote plugin that mirrors GFM footnotes) and their
structure is compared with what `show` and `check` say in JSON: one heading
per month, one list item per event, a footnote per source, a disputed item
per finding.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from timeline.render.export_markdown import MONTH_NAMES, inert
from timeline.render.findings import printable

PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(footnote_plugin)
FOOTNOTE_REFERENCE = re.compile(r"\[\^([0-9]+)\]")


def parse(document: str) -> list:
    return PARSER.parse(document)


def headings(tokens: list) -> list[tuple[int, str]]:
    return [(int(t.tag[1]), tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"]


def section(tokens: list, title: str) -> list:
    """The tokens after the heading ``title`` up to the next heading of the same or a higher level."""
    start = next(i for i, t in enumerate(tokens) if t.type == "heading_open" and tokens[i + 1].content == title)
    level = tokens[start].tag
    end = next((i for i in range(start + 3, len(tokens)) if tokens[i].type == "heading_open" and tokens[i].tag <= level), len(tokens))
    return tokens[start + 3 : end]


def items(tokens: list, depth: int = 1) -> list:
    """The inline token of every list item at ``depth`` (1 = top level)."""
    result, level = [], 0
    for i, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            level += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            level -= 1
        elif token.type == "list_item_open" and level == depth:
            result.append(tokens[i + 2])
    return result


def text_of(inline) -> str:
    """What a reader sees in an inline token: its text, code and footnote references as [n]."""
    parts = []
    for child in inline.children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "footnote_ref":
            parts.append(f"[{child.meta['label']}]")
        elif child.type == "softbreak":
            parts.append("\n")
    return "".join(parts)


def child_types(tokens: list) -> set[str]:
    return {t.type for t in tokens} | {c.type for t in tokens if t.children for c in t.children}


def footnotes(document: str) -> dict[int, str]:
    """Footnote number -> its text, as the parser reads the definitions."""
    tokens = parse(document)
    notes, current = {}, None
    for token in tokens:
        if token.type == "footnote_open":
            current = int(token.meta["label"])
        elif token.type == "inline" and current is not None:
            notes[current] = text_of(token)
        elif token.type == "footnote_close":
            current = None
    return notes


def month_heading(entry: dict) -> str:
    start = entry["date"]["start"]
    return f"{MONTH_NAMES[int(start[5:7]) - 1]} {start[:4]}"


# --- the seeds -------------------------------------------------------------


def test_sections_and_month_headings_follow_the_timeline(cli, seeds):
    document = cli("export", "seeds").stdout
    tokens = parse(document)
    entries = cli.json("show", "seeds")["timeline"]
    months = list(dict.fromkeys(month_heading(e) for e in entries if not e["undated"] and e["date"]["end"] and e["date"]["start"][:7] == e["date"]["end"][:7]))
    assert headings(tokens) == [
        (1, "Seeds: a chronology"), (2, "Sources"), (2, "Events"), *[(3, m) for m in months], (3, "Undated"), (2, "Disputed"),
    ]  # fmt: skip
    assert len(months) >= 3


def test_one_item_per_event_in_timeline_order_with_its_date_title_and_a_footnote_per_source(cli, seeds):
    document = cli("export", "seeds").stdout
    events = items(section(parse(document), "Events"))
    entries = cli.json("show", "seeds")["timeline"]
    assert len(events) == len(entries)
    notes = footnotes(document)
    for item, entry in zip(events, entries):
        seen = text_of(item)
        assert entry["title"] in seen
        if not entry["undated"]:
            assert [c.type for c in item.children if c.content or c.type != "text"][0] == "strong_open"  # the date, in bold, first
        cited = [int(n) for n in re.findall(r"\[([0-9]+)\]", seen)]
        assert len(cited) == entry["source_count"]
        first_in_each = {}
        for source in entry["sources"]:
            first_in_each.setdefault(source["path"], source)
        for number, source in zip(cited, first_in_each.values()):
            assert " ".join(source["quote"].split()) in notes[number]


def test_undated_events_come_last_under_their_own_heading(cli, seeds):
    tokens = parse(cli("export", "seeds").stdout)
    undated = [e["title"] for e in cli.json("show", "seeds")["timeline"] if e["undated"]]
    assert undated
    assert headings(section(tokens, "Events"))[-1] == (3, "Undated")
    assert [text_of(i).split(" (reported")[0].split("[")[0] for i in items(section(tokens, "Undated"))] == undated


def test_sources_list_names_every_article_with_its_publication_day(cli, seeds):
    tokens = parse(cli("export", "seeds").stdout)
    listed = [text_of(i) for i in items(section(tokens, "Sources"))]
    articles = sorted(seeds.glob("*.txt"))
    assert len(listed) == len(articles)
    for line, article in zip(listed, articles):
        assert line.startswith(f"seeds/{article.name}")
    assert "seeds/000_fd567ba0cbb0233b.txt, 17 Jun 2025" in listed


def test_disputed_lists_the_findings_at_or_above_the_threshold_errors_first(cli, seeds):
    findings = cli.json("check", "seeds")["findings"]
    rank = {"error": 3, "warning": 2, "info": 1}
    for threshold in ("error", "warning", "info"):
        tokens = parse(cli("export", "seeds", "--min-severity", threshold).stdout)
        kept = sorted((f for f in findings if rank[f["severity"]] >= rank[threshold]), key=lambda f: -rank[f["severity"]])
        listed = items(section(tokens, "Disputed"))
        assert [text_of(i) for i in listed] == [f"{f['severity'].capitalize()} · {f['rule']}: {f['message']}" for f in kept]


def test_each_disputed_statement_is_named_with_its_sources(cli, seeds):
    document = cli("export", "seeds").stdout
    findings = [f for f in cli.json("check", "seeds")["findings"] if f["rule"] == "figure-divergence"]
    [finding] = findings
    statements = [text_of(i) for i in items(section(parse(document), "Disputed"), depth=2)]
    notes = footnotes(document)
    for statement in finding["statements"]:
        [line] = [s for s in statements if s.startswith(f"“{statement['text']}” — ")]
        cited = [int(n) for n in re.findall(r"\[([0-9]+)\]", line)]
        assert len(cited) == len(statement["claims"]) == line.count("seeds/")
        for number, claim in zip(cited, statement["claims"]):
            assert notes[number].startswith(claim["path"])


def test_a_sentence_cited_twice_has_one_footnote(cli, seeds):
    document = cli("export", "seeds").stdout
    definitions = re.findall(r"^\[\^([0-9]+)\]: (.*)$", document, re.M)
    assert [int(n) for n, _ in definitions] == list(range(1, len(definitions) + 1))
    assert len({text for _, text in definitions}) == len(definitions)
    references = FOOTNOTE_REFERENCE.findall(document.split("\n[^1]: ")[0])
    assert len(references) > len(definitions)  # the figure findings cite sentences the events or each other cite too
    assert sorted(set(int(r) for r in references)) == list(range(1, len(definitions) + 1))


def test_same_input_same_bytes_and_title_option(cli, seeds):
    first = cli("export", "seeds").stdout
    assert cli("export", "seeds").stdout == first
    titled = cli("export", "seeds", "--title", "Magnets: what happened when").stdout
    assert titled.splitlines()[0] == "# Magnets: what happened when"
    assert titled.splitlines()[1:] == first.splitlines()[1:]


# --- front matter ----------------------------------------------------------

FRONT_MATTER_STORY = {
    "01-courier.md": (
        "---\ntitle: Ferry service halted after storm\nsource: Harbour Courier\npublished: 2031-05-02\n"
        "url: https://courier.example/ferry?day=2&lang=en\n---\n"
        "The island council suspended the ferry service on May 1, 2031, after the storm.\n"
    ),
    "02-notes.txt": "The island council suspended the ferry service on May 1, 2031.\n",
}


def test_sources_carry_title_outlet_date_and_a_web_address_as_a_link(cli, tmp_path):
    folder = tmp_path / "ferry-storm"
    folder.mkdir()
    for name, text in FRONT_MATTER_STORY.items():
        (folder / name).write_text(text, encoding="utf-8")
    document = cli("export", folder.name).stdout
    tokens = parse(document)
    assert headings(tokens)[0] == (1, "Ferry storm: a chronology")
    courier, notes = items(section(tokens, "Sources"))
    assert text_of(courier) == "Ferry service halted after storm, Harbour Courier, 2 May 2031, https://courier.example/ferry?day=2&lang=en (ferry-storm/01-courier.md)"
    [link] = [c for c in courier.children if c.type == "link_open"]
    assert link.attrs["href"] == "https://courier.example/ferry?day=2&lang=en"
    assert text_of(notes) == "ferry-storm/02-notes.txt"
    [event] = items(section(tokens, "May 2031"))
    assert re.fullmatch(r"1 May 2031 — .*\[1\]\[2\]", text_of(event))
    assert footnotes(document)[1].startswith("Ferry service halted after storm, Harbour Courier, 2 May 2031: “The island council")


# --- hostile text ----------------------------------------------------------

HOSTILE_TITLE = "# Owned <script>alert(1)</script> [x](http://evil.example) *bold* `code` ![i](http://evil.example/i.png) [^1]"
HOSTILE = {
    "a-hostile.md": (
        "---\n"
        f"title: '{HOSTILE_TITLE}'\n"
        "source: 'Evil | Outlet ::error file=x::pwned %0A'\npublished: 2031-03-09\nurl: 'javascript:alert(1)'\n---\n"
        "The Tellwick council approved the `rm -rf` plan on March 4, 2031.\n\n"
        "The Tellwick council approved the Pipe|Plan on March 5, 2031.\n\n"
        "The Tellwick council approved the Evil%0APlan on March 6, 2031.\n\n"
        "The Tellwick council approved the \x1b[31mRed plan on March 7, 2031.\n\n"
        "# The Tellwick dam holds around 40-45% of the valley reservoir capacity, engineers said on Monday. "
        "<script>alert(1)</script> [x](http://evil.example) *bold* ::error file=a.md::forged %0A \x1b[31mred\x1b[0m | pipe\n"
    ),
    "b-valley.md": (
        "---\npublished: 2031-03-08\nsource: Valley Daily\n---\n"
        "The Tellwick dam holds over 60% of the valley reservoir capacity, engineers said.\n"
    ),
}


def hostile_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "hostile"
    folder.mkdir()
    for name, text in HOSTILE.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_hostile_article_adds_no_html_link_image_code_heading_or_line_of_its_own(cli, tmp_path):
    folder = hostile_corpus(tmp_path)
    document = cli("export", folder.name).stdout
    tokens = parse(document)
    kinds = child_types(tokens)
    assert not kinds & {"html_inline", "html_block", "image", "code_inline", "code_block", "fence", "em_open", "table_open", "hr"}
    assert [t.attrs["href"] for t in tokens if t.children for t in t.children if t.type == "link_open"] == []
    assert headings(tokens) == [(1, "Hostile: a chronology"), (2, "Sources"), (2, "Events"), (3, "March 2031"), (2, "Disputed")]
    assert "\x1b" not in document
    assert not [line for line in document.splitlines() if line.startswith("::")]
    strong = [c for t in tokens if t.children for c in t.children if c.type == "strong_open"]
    assert len(strong) == 4 + 1  # the four event dates and the one finding's severity, none from the article


def test_hostile_text_reads_back_as_the_text_the_article_wrote(cli, tmp_path):
    folder = hostile_corpus(tmp_path)
    document = cli("export", folder.name).stdout
    tokens = parse(document)
    [hostile, _] = items(section(tokens, "Sources"))
    assert text_of(hostile) == f"{HOSTILE_TITLE}, Evil | Outlet ::error file=x::pwned %0A, 9 Mar 2031, javascript:alert(1) (hostile/a-hostile.md)"
    titles = [text_of(i) for i in items(section(tokens, "March 2031"))]
    for title in ("`rm -rf` plan", "Pipe|Plan", "Evil%0APlan", "\\x1b[31mRed plan"):
        assert any(title in seen for seen in titles), (title, titles)
    quote = HOSTILE["a-hostile.md"].splitlines()[-1]
    assert any(note.endswith(f"“{printable(quote)}”") for note in footnotes(document).values())


def test_the_disputed_finding_names_the_hostile_source_as_plain_text(cli, tmp_path):
    folder = hostile_corpus(tmp_path)
    document = cli("export", folder.name).stdout
    tokens = parse(document)
    [finding] = items(section(tokens, "Disputed"))
    assert text_of(finding).startswith("Error · figure-contradiction: ")
    hostile, valley = [text_of(i) for i in items(section(tokens, "Disputed"), depth=2)]
    notes = footnotes(document)
    assert hostile.startswith(f"“around 40-45%” — {HOSTILE_TITLE}[")
    assert "around 40-45% of the valley reservoir" in notes[int(hostile.rsplit("[", 1)[1].rstrip("]"))]
    assert valley.startswith("“over 60%” — hostile/b-valley.md[")
    assert "over 60% of the valley reservoir" in notes[int(valley.rsplit("[", 1)[1].rstrip("]"))]


MARKDOWNISH = st.lists(
    st.sampled_from(list("*_[]()`<>#|~&!\\-+=.:/;\"'^ \n\t\x1b\x07\u202eab1") + ["http://x.example", "<script>", "[^1]", "```", "\n# ", "\n- ", "\n1. ", "::error ", "%0A"]),
    min_size=1, max_size=20,
).map("".join)  # fmt: skip
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(MARKDOWNISH, ANY_TEXT).filter(lambda t: t.split()))
def test_inert_text_is_plain_text_in_an_event_item_and_a_footnote(text):
    expected = printable(" ".join(text.split()))
    document = f"- **1 May 2031** — {inert(text)}[^1]\n\n[^1]: {inert(text)}: “{inert(text)}”\n"
    tokens = parse(document)
    [item] = items(tokens)
    assert text_of(item) == f"1 May 2031 — {expected}[1]"
    assert footnotes(document) == {1: f"{expected}: “{expected}”"}
    assert not child_types(tokens) & {"html_inline", "html_block", "link_open", "image", "code_inline", "em_open", "s_open", "heading_open", "hardbreak"}
