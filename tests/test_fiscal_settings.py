"""Fiscal years per article and per source: front matter, [tool.timeline] and DateSettings.for_article."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.config import load_settings
from timeline.errors import ConfigError, InputError
from timeline.extract import extract_claims
from timeline.extract.dates import DateSettings
from timeline.ingest import read_article
from timeline.models import Article

US_FEDERAL = "---\npublished: 2025-11-04\nsource: Capitol Ledger\nfiscal-year-start: 10\n---\nThe agency overspent its budget this fiscal year.\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_front_matter_fiscal_year_start_is_read(tmp_path, ruleset):
    article = read_article(write(tmp_path, "a.md", US_FEDERAL), ruleset.boilerplate)
    assert (article.source, article.fiscal_year_start) == ("Capitol Ledger", 10)
    assert read_article(write(tmp_path, "b.md", "---\npublished: 2025-11-04\n---\nBody.\n"), ruleset.boilerplate).fiscal_year_start is None


@pytest.mark.parametrize("bad", ["13", "0", "October", "true"])
def test_a_fiscal_year_start_that_is_not_a_month_names_its_line(tmp_path, ruleset, bad):
    path = write(tmp_path, "a.md", f"---\ntitle: x\nfiscal-year-start: {bad}\n---\nBody.\n")
    with pytest.raises(InputError) as caught:
        read_article(path, ruleset.boilerplate)
    assert str(caught.value).startswith(f"{path}:3:") and "fiscal-year-start" in str(caught.value)


def test_the_article_override_wins_over_its_source_and_the_run(tmp_path, ruleset):
    run = DateSettings(fiscal_year_start=4)
    by_source = {"capitol ledger": 7, "Tokyo Evening Post": 4}
    article = read_article(write(tmp_path, "a.md", US_FEDERAL), ruleset.boilerplate)
    assert run.for_article(article, by_source).fiscal_year_start == 10
    plain = Article(path="b.md", body="", source=" Capitol Ledger ")
    assert run.for_article(plain, by_source).fiscal_year_start == 7
    assert run.for_article(Article(path="c.md", body="", source="Elsewhere"), by_source) is run
    assert run.for_article(Article(path="d.md", body=""), None) is run


def test_this_fiscal_year_follows_the_article_start_month(tmp_path, ruleset):
    article = read_article(write(tmp_path, "a.md", US_FEDERAL), ruleset.boilerplate)
    [fiscal] = [c for c in extract_claims(article, ruleset, DateSettings().for_article(article)) if c.kind == "date"]
    assert (fiscal.text, fiscal.date.value) == ("this fiscal year", "2025-10-01/2026-09-30")
    [indian] = [c for c in extract_claims(article, ruleset, DateSettings()) if c.kind == "date"]
    assert indian.date.value == "2025-04-01/2026-03-31"


def test_fiscal_year_start_by_source_is_a_setting(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.timeline]\nfiscal-year-start = 4\n\n[tool.timeline.fiscal-year-start-by-source]\n"Capitol Ledger" = 10\n"Harbour Times" = 7\n',
        encoding="utf-8",
    )
    assert load_settings(tmp_path).fiscal_year_start_by_source == {"Capitol Ledger": 10, "Harbour Times": 7}


def test_a_source_month_out_of_range_is_a_configuration_error(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.timeline.fiscal-year-start-by-source]\n"Capitol Ledger" = 13\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"'Capitol Ledger' in \[tool\.timeline\.fiscal-year-start-by-source\] must be at most 12, not 13 \(.*pyproject\.toml:2\)"):
        load_settings(tmp_path)


def test_a_bad_front_matter_month_is_an_input_error_in_the_cli(cli, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    write(folder, "a.md", "---\nfiscal-year-start: 13\n---\nBody.\n")
    result = cli("claims", folder)
    assert result.exit_code == 2 and "fiscal-year-start" in result.stderr and "a.md:2" in result.stderr
