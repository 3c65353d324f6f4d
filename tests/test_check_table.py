"""`timeline check` (the table): most serious first, every finding with its message, never wider than asked."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from hostile import hostile_story

from timeline.cli import main
from timeline.models import Finding, Provenance, Severity
from timeline.render.check_table import render_findings
from timeline.render.style import Style, wants_colour


def table(cli, *args, columns: int = 100) -> list[str]:
    """The table's lines, the corpus named relative to the working folder as a user would type it."""
    named = [arg.relative_to(Path.cwd()) if isinstance(arg, Path) else arg for arg in args]
    result = CliRunner(env={"COLUMNS": str(columns)}).invoke(main, ["check", *map(str, named)], catch_exceptions=False)
    return result.stdout.splitlines()


def test_errors_come_first_and_each_finding_says_what_is_wrong(cli, seeds):
    lines = table(cli, seeds)
    heads = [line.split("  ")[:2] for line in lines if line and not line.startswith(" ") and "finding" not in line]
    assert heads == [["error", "figure-contradiction"], ["warning", "status-change"], ["warning", "article-undated"], ["warning", "figure-divergence"]]
    block = lines[: lines.index("")]
    message = " ".join(line.strip() for line in block[1:] if not line.startswith("    "))
    assert message.startswith("China, share of global rare-earth production (mining):") and message.endswith("cannot all hold")
    statements = [line.split() for line in block if line.startswith("    ")]
    assert [(s[0], s[1]) for s in statements] == [
        ("seeds/003_c34b20c788253f0e.txt:9", "undated"),
        ("seeds/004_146535670ad2fdfe.txt:7", "2025-07-29"),
    ]
    assert '"over 70%"' in block[-1] and "over 70% of global" in block[-1]
    assert lines[-1].startswith("4 findings (1 error, 3 warnings, 0 info) in 5 articles")


def test_the_table_fits_the_width_it_is_given(cli, seeds):
    for columns in (60, 80, 100, 140):
        lines = table(cli, seeds, columns=columns)
        statements = [line for line in lines if line.startswith("    ")]
        assert len(statements) >= 7 and all(len(line) <= columns for line in statements), columns
        wrapped = [line for line in lines if line.startswith("  ") and not line.startswith("    ")]
        assert all(len(line) <= columns for line in wrapped), columns
    assert len(max(table(cli, seeds, columns=140), key=len)) > 100  # a wide terminal is used, not a fixed width
    narrow = table(cli, seeds, columns=60)
    assert any(line.startswith('      "over 85%"  …') for line in narrow)  # what was said has a line of its own


def test_quotes_are_cut_around_the_figure(cli, seeds):
    [line] = [line for line in table(cli, seeds, columns=100) if line.startswith("    ") and '"over 85%"' in line]
    quote = line.split('"over 85%"')[1].strip()
    assert "over 85%" in quote and quote.startswith("…") and quote.endswith("…")


def test_quiet_prints_only_the_findings(cli, seeds):
    lines = table(cli, seeds, "-q")
    assert not any("finding" in line and "articles" in line for line in lines)
    assert lines[0].startswith("error  figure-contradiction")


def test_no_colour_in_a_pipe_and_no_escape_from_an_article(cli, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    hostile_story(corpus)
    output = "\n".join(table(cli, corpus, columns=400))
    assert "\x1b" not in output and "\x07" not in output
    assert "\\x1b[2J\\x1b[31m" in output  # shown as text
    assert "::error file=x::pwned" in output


def finding(severity: Severity) -> Finding:
    where = Provenance(path="story/a.md", line=3, column=5, quote="The \x1b[31mdam\x1b[0m holds 40%.")
    return Finding(rule="figure-divergence", severity=severity, subject="dam", message="dam: 40% vs 60%", location=where, claims=())


def test_colour_marks_severity_and_never_lets_article_escapes_through():
    coloured = render_findings([finding(Severity.ERROR)], width=80, style=Style(colour=True))
    assert coloured.startswith("\x1b[31m\x1b[1merror\x1b[0m")
    plain = render_findings([finding(Severity.ERROR)], width=80)
    assert "\x1b" not in plain


class Terminal:
    def __init__(self, tty: bool):
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_colour_only_on_a_terminal_without_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert wants_colour(Terminal(True))
    assert not wants_colour(Terminal(False))
    assert not wants_colour(Terminal(True), no_color=True)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_colour(Terminal(True))
