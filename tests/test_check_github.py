"""`timeline check --format github`: workflow commands that article text cannot forge.

The runner treats every output line that starts with ``::`` as a command, up
to the line's end; ``parse`` reads a line the way it does (properties split
at ``,``, names from values at ``=``, values and message unescaped as
``%0D %0A %3A %2C``, then ``%25``). A hostile article tries to end the line,
close a property early or drive the terminal; each of its tricks must come
out as inert text inside the one command its finding produces.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from hostile import HOSTILE_NAME, hostile_story
from timeline.models import Finding, Provenance, Severity
from timeline.render import github
from timeline.render.findings import unsafe

COMMAND = re.compile(r"^::(?P<command>[a-z]+) (?P<properties>[^:]*)::(?P<message>.*)$")
PROPERTY_NAMES = ["file", "line", "col", "title"]


def unescape(value: str) -> str:
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ",")):
        value = value.replace(escaped, raw)
    return value.replace("%25", "%")


def parse(line: str) -> dict:
    match = COMMAND.match(line)
    assert match, f"not one workflow command: {line!r}"
    properties = dict(part.split("=", 1) for part in match["properties"].split(","))
    assert list(properties) == PROPERTY_NAMES, line
    return {"command": match["command"], **{k: unescape(v) for k, v in properties.items()}, "message": unescape(match["message"])}


def commands(output: str) -> list[dict]:
    # str.splitlines also splits at VT, FF, FS, GS, RS, NEL, U+2028 and U+2029, more than any log reader: no line may hide there.
    lines = output.splitlines()
    assert all(line.startswith("::") for line in lines), lines
    return [parse(line) for line in lines]


def test_one_command_per_finding_on_the_seeds(cli, seeds):
    findings = cli.json("check", seeds)["findings"]
    parsed = commands(cli("check", seeds, "--format", "github").stdout)
    assert len(parsed) == len(findings) == 4
    assert [c["command"] for c in parsed] == ["error", "warning", "warning", "warning"]
    assert {(c["file"], c["line"], c["col"], c["title"]) for c in parsed} == {
        ("seeds/" + Path(f["path"]).name, str(f["line"]), str(f["column"]), f["rule"]) for f in findings
    }
    for command in parsed:
        [message] = [f["message"] for f in findings if f["rule"] == command["title"]]
        assert command["message"].split("\n")[0] == message


def test_the_message_quotes_every_statement_with_its_place(cli, seeds):
    [contradiction] = [c for c in commands(cli("check", seeds, "--format", "github").stdout) if c["title"] == "figure-contradiction"]
    assert contradiction["message"].split("\n")[1:] == [
        "seeds/003_c34b20c788253f0e.txt:9: “China currently dominates around 60-70% of global rare earth production and over 85% of processing capacity.”",
        "seeds/004_146535670ad2fdfe.txt:7: “China is the world's dominant exporter of rare earth magnets, controlling over 70% of global Rare Earth Element (REE) production and over 90% of refining capacity.”",
    ]


def test_info_is_a_notice_and_errors_come_first(cli, story):
    parsed = commands(cli("check", story, "--format", "github").stdout)
    assert [(c["command"], c["title"], c["file"]) for c in parsed] == [
        ("error", "figure-contradiction", "story/a-harbour-post.md"),
        ("warning", "article-undated", "story/c-notes.md"),
        ("notice", "status-update", "story/a-harbour-post.md"),
    ]


def test_a_hostile_article_cannot_forge_a_workflow_command(cli, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    hostile_story(corpus)
    findings = cli.json("check", corpus)["findings"]
    assert {f["rule"] for f in findings} == {"figure-contradiction", "article-undated"}, "the hostile text must reach a finding"
    output = cli("check", corpus, "--format", "github").stdout

    assert output.endswith("\n") and output.count("\n") == len(findings)
    assert not any(unsafe(ch) for ch in output.replace("\n", "")), "no raw control character or line separator is printed"
    parsed = commands(output)
    assert [(c["command"], c["title"], c["line"], c["col"]) for c in parsed] == [
        ("error", "figure-contradiction", "1", "24"),
        ("warning", "article-undated", "1", "1"),
    ]
    for command in parsed:
        assert command["file"] == "corpus/" + HOSTILE_NAME  # the whole name, newline and all, stays inside the property

    message = parsed[0]["message"]
    assert message.startswith("Tellwick, valley reservoir capacity")
    assert "::error file=x::pwned %0A %0D %25 <script>alert(1)</script>" in message  # kept as text, not dropped or decoded
    assert "\\x1b]8;;https://evil.example\\x07click here\\x1b]8;;\\x07 \\x1b[2J\\x1b[31m\\x07" in message  # shown, not run
    assert "::warning::forged ::notice::forged ::error::forged ::error::forged" in message  # separators in a quote read as spaces


def test_a_hostile_article_in_the_raw_log(cli, tmp_path):
    (tmp_path / "corpus").mkdir()
    hostile_story(tmp_path / "corpus")
    output = cli("check", tmp_path / "corpus", "--format", "github").stdout
    assert "pwned %250A %250D %2525" in output  # the article's own percent signs cannot be read as escapes
    assert "file=corpus/evil%0A%3A%3Aerror file=x%2Cline=1%3A%3Apwned %250A.md,line=" in output
    assert "\n::error file=x" not in output and "\x1b" not in output and "\x07" not in output


def finding(message: str, quote: str, path: str = "story/a.md", rule: str = "figure-divergence") -> Finding:
    where = Provenance(path=path, line=2, column=5, quote=quote)
    return Finding(rule=rule, severity=Severity.WARNING, subject=None, message=message, location=where)


def test_real_line_ends_in_a_message_are_escaped_not_printed():
    output = github.render_findings([finding("first\nline\r\n::error file=x::pwned", "a quote")])
    assert output == (
        "::warning file=story/a.md,line=2,col=5,title=figure-divergence::first%0Aline%0D%0A::error file=x::pwned%0Astory/a.md:2: “a quote”\n"
    )
    assert parse(output.rstrip("\n"))["message"] == "first\nline\r\n::error file=x::pwned\nstory/a.md:2: “a quote”"


def test_escaping_matches_the_actions_toolkit():
    assert github.escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert github.escape_property("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext%3A a%2C b"
    assert github.escape_property("%3A") == "%253A"


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)


@given(message=TEXT, quote=TEXT, path=TEXT.filter(lambda p: p.strip()), rule=TEXT)
def test_any_text_makes_exactly_one_command(message, quote, path, rule):
    output = github.render_findings([finding(message, quote, path, rule)])
    [line] = output.splitlines()
    assert output == line + "\n" and not any(unsafe(ch) for ch in line)
    parsed = parse(line)
    assert parsed["command"] == "warning" and parsed["line"] == "2" and parsed["col"] == "5"


@given(text=st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60))
def test_escaping_round_trips_through_the_runner(text):
    safe = "".join(ch for ch in text if ch in "\r\n" or not unsafe(ch))
    assert unescape(github.escape_data(safe)) == safe
    assert unescape(github.escape_property(safe)) == safe
    assert "," not in github.escape_property(safe) and ":" not in github.escape_property(safe)
