"""`timeline check --format markdown`: a report a reviewer reads in a pull request, with nothing an article can inject."""

from __future__ import annotations

from hostile import hostile_story
from markdown_it import MarkdownIt

PARSER = MarkdownIt("commonmark")


def tokens(text: str):
    found = []
    for token in PARSER.parse(text):
        found.append(token)
        found.extend(token.children or [])
    return found


def test_one_numbered_item_per_finding_under_its_severity(cli, seeds):
    findings = cli.json("check", seeds)["findings"]
    report = cli("check", seeds, "--format", "markdown").stdout
    parsed = tokens(report)
    headings = [parsed[i + 1].content for i, t in enumerate(parsed) if t.type == "heading_open"]
    assert headings == ["timeline check", "Errors", "Warnings"]
    items = [t for t in parsed if t.type == "list_item_open" and t.markup in (".", ")")]
    assert len(items) == len(findings) == 4
    assert "4 findings (1 error, 3 warnings, 0 info) in 5 articles" in report
    rules = [t.content for i, t in enumerate(parsed) if t.type == "text" and i and parsed[i - 1].type == "strong_open"]
    assert rules == ["figure-contradiction", "status-change", "article-undated", "figure-divergence"]
    assert "“China currently controls over 90 per cent of the global processing capacity" in report


def test_quiet_leaves_out_the_summary(cli, seeds):
    report = cli("check", seeds, "--format", "markdown", "-q").stdout
    assert "findings (" not in report and report.startswith("# timeline check\n\n## Errors\n")


def test_a_hostile_article_stays_text(cli, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    hostile_story(corpus)
    report = cli("check", corpus, "--format", "markdown").stdout
    parsed = tokens(report)
    assert not [t for t in parsed if t.type in ("html_inline", "html_block", "link_open", "image", "code_inline", "em_open")]
    assert "\x1b" not in report and "\x07" not in report
    shown = "".join(t.content for t in parsed if t.type == "text")
    assert "<script>alert(1)</script>" in shown and "::error file=x::pwned %0A" in shown
    headings = [t for t in parsed if t.type == "heading_open"]
    assert len(headings) == 3  # the title and one heading per severity; nothing from the article
