"""The claims cache: the same bytes out with and without it, read again whenever rules, settings or text change.

Reads are counted (calls to the extractor), never timed. Each test has its
own working folder, so its cache (``.timeline-cache`` there) starts empty.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

import timeline.reading as reading
from timeline.ruleset import default_rules_dir

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "tests" / "stories" / "river-flood"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    shutil.copytree(STORY, folder / "river-flood", ignore=shutil.ignore_patterns("*.yaml"))
    return folder


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The articles extracted afresh (cache misses), in order."""
    seen: list[str] = []
    real = reading.extract_article

    def counting(article, *args, **kwargs):
        seen.append(Path(article.path).name)
        return real(article, *args, **kwargs)

    monkeypatch.setattr(reading, "extract_article", counting)
    return seen


def articles(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.suffix in (".txt", ".md"))


@pytest.mark.parametrize("command", [("check", "--format", "json"), ("show", "--format", "json"), ("claims", "--format", "json"), ("export",)])
def test_output_is_byte_identical_cold_warm_and_without_cache(cli, corpus, command, reads):
    cold = cli(command[0], corpus, *command[1:])
    warm = cli(command[0], corpus, *command[1:])
    fresh = cli(command[0], corpus, *command[1:], "--no-cache")
    assert cold.stdout == warm.stdout == fresh.stdout and cold.exit_code == warm.exit_code == fresh.exit_code
    n = articles(corpus)
    assert len(reads) == 2 * n, "the warm run read nothing afresh; --no-cache read everything"


def test_only_what_changed_is_read_again(cli, corpus, reads, tmp_path):
    cli("check", corpus)
    assert len(reads) == articles(corpus)
    reads.clear()
    cli("check", corpus)
    assert reads == []
    (corpus / "late.md").write_text("---\npublished: 2025-08-01\n---\nThe Varn river fell 1.2 metres on July 30.\n", encoding="utf-8")
    edited = corpus / "seeds" / "002_3ddd81d5719723fa.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA line added later.\n", encoding="utf-8")
    cli("check", corpus)
    assert sorted(reads) == ["002_3ddd81d5719723fa.txt", "late.md"]


def test_changed_rules_or_settings_read_everything_again(cli, corpus, reads, tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    cli("check", corpus, "--rules", rules)
    cli("check", corpus, "--rules", rules)
    n = articles(corpus)
    assert len(reads) == n
    with (rules / "lexicon" / "entities.yaml").open("a", encoding="utf-8") as lexicon:
        lexicon.write("\n# a comment is a change too\n")
    cli("check", corpus, "--rules", rules)
    assert len(reads) == 2 * n, "a changed rule file is a miss for every article"
    (tmp_path / "timeline.toml").write_text(f'rules = "rules"\ncorpus = ["{corpus.name}"]\nfiscal-year-start = 1\n', encoding="utf-8")
    cli("check")
    assert len(reads) == 3 * n, "changed settings are a miss for every article"
    cli("check")
    assert len(reads) == 3 * n


@pytest.mark.parametrize("damage", ["garbage", "foreign", "other format"])
def test_a_damaged_or_foreign_cache_is_rebuilt_with_one_warning(cli, corpus, reads, tmp_path, damage):
    expected = cli("check", corpus, "--format", "json").stdout
    store = tmp_path / ".timeline-cache" / "claims.sqlite3"
    store.unlink()
    if damage == "garbage":
        store.write_bytes(b"not a database at all" * 100)
    else:
        with sqlite3.connect(store) as other:
            if damage == "foreign":
                other.execute("CREATE TABLE entries (id INTEGER, payload TEXT)")
            else:
                other.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('format', '0');")
        other.close()
    result = cli("check", corpus, "--format", "json")
    assert result.stdout == expected
    [line] = result.stderr.splitlines()
    assert line.startswith("timeline: warning: cache ") and "rebuilding it" in line, line
    assert ("made by another release of timeline" in line) == (damage == "other format"), line
    reads.clear()
    again = cli("check", corpus, "--format", "json")
    assert again.stdout == expected and again.stderr == "" and reads == []


def test_nothing_is_cached_inside_the_corpus_or_with_no_cache(cli, corpus, tmp_path, monkeypatch):
    cli("check", corpus, "--no-cache")
    assert not (tmp_path / ".timeline-cache").exists()
    monkeypatch.chdir(corpus)
    cli("check", ".")
    assert not (corpus / ".timeline-cache").exists(), "the cache would lie inside the folder read"


def test_two_concurrent_runs_share_the_cache_safely(corpus, tmp_path):
    command = [sys.executable, "-m", "timeline", "check", str(corpus), "--format", "json"]
    runs = [subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [run.communicate() for run in runs]
    assert all(run.returncode == 1 for run in runs), [err for _, err in outputs]
    assert len({out for out, _ in outputs}) == 1 and all(err == "" for _, err in outputs)
    after = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert after.stdout == outputs[0][0] and after.stderr == ""
    with sqlite3.connect(tmp_path / ".timeline-cache" / "claims.sqlite3") as store:
        assert store.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert store.execute("SELECT COUNT(*) FROM entries").fetchone() == (articles(corpus),)
    store.close()


def test_other_code_of_the_same_version_reads_everything_again(cli, corpus, reads, monkeypatch):
    """An editable install being worked on, or a patched copy, never reuses entries made by other code."""
    import timeline.claims_cache as claims_cache

    cli("check", corpus)
    n = len(reads)
    monkeypatch.setattr(claims_cache, "code_digest", lambda: "other code")
    cli("check", corpus)
    assert len(reads) == 2 * n


@pytest.mark.parametrize("batch", [1, 3, 100])
def test_entries_written_in_batches_all_land(cli, corpus, reads, monkeypatch, batch):
    """Entries are written a batch at a time; whatever the batch size, the last partial batch is written too."""
    import timeline.claims_cache as claims_cache

    monkeypatch.setattr(claims_cache, "BATCH", batch)
    cold = cli("check", corpus, "--format", "json")
    with sqlite3.connect(Path(".timeline-cache") / claims_cache.FILE_NAME) as db:
        stored = db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
    n = articles(corpus)
    assert stored == n
    warm = cli("check", corpus, "--format", "json")
    assert warm.stdout == cold.stdout and len(reads) == n, "the second run read nothing afresh"


def test_entries_are_stored_compressed_and_a_damaged_one_is_read_again(cli, corpus, reads):
    """zlib's checksum turns a damaged entry into a miss: that article is read again, the output unchanged."""
    import timeline.claims_cache as claims_cache

    cold = cli("check", corpus, "--format", "json")
    store = Path(".timeline-cache") / claims_cache.FILE_NAME
    with sqlite3.connect(store) as db:
        rows = db.execute("SELECT path, data FROM entries ORDER BY path").fetchall()
        stored, plain = sum(len(data) for _, data in rows), sum(len(zlib.decompress(data)) for _, data in rows)
        assert stored * 3 < plain, "entries are kept compressed"
        damaged_path, data = rows[0]
        db.execute("UPDATE entries SET data = ? WHERE path = ?", (data[:-5] + bytes(5), damaged_path))
    db.close()
    reads.clear()
    warm = cli("check", corpus, "--format", "json")
    assert warm.stdout == cold.stdout and warm.stderr == cold.stderr
    assert reads == [Path(damaged_path).name], "only the damaged entry was a miss"


def test_entries_forgotten_after_a_change_of_rules_give_their_space_back(cli, corpus, tmp_path):
    """A change of rules rewrites every entry; pruning the old ones shrinks the file instead of leaving it twice the size."""
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    for copy in range(4):  # more text, so the file is many pages
        shutil.copytree(STORY, corpus / f"copy-{copy}", ignore=shutil.ignore_patterns("*.yaml"))
    cli("check", corpus, "--rules", rules)
    store = Path(".timeline-cache") / "claims.sqlite3"

    def pages() -> int:
        with sqlite3.connect(store) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            count = db.execute("PRAGMA page_count").fetchone()[0]
        db.close()
        return count

    before = pages()
    with (rules / "lexicon" / "entities.yaml").open("a", encoding="utf-8") as lexicon:
        lexicon.write("\n# a comment is a change too\n")
    cli("check", corpus, "--rules", rules)
    assert pages() <= before + 2, "the old entries' pages were given back"
