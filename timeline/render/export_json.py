"""``timeline export --format json``: the whole export as one document (part of the public JSON contract).

``{"title", "sources", "timeline", "disputed", "summary"}``: timeline entries
are exactly those of ``timeline show --format json`` and findings exactly
those of ``timeline check --format json`` (the same record builders), so a
tool that reads one reads the other. ``timeline schema export`` prints its
JSON Schema (``timeline.documents.ExportDocument``).
"""

from __future__ import annotations

from typing import Any

from timeline.export import Export
from timeline.models import Article
from timeline.render.json_format import dump
from timeline.render.records import entry_record, finding_record


def source_record(article: Article) -> dict[str, Any]:
    """An article as a source: front matter ``title``, ``source`` (as ``outlet``) and ``url``, and its publication day."""
    return {
        "path": article.path, "title": article.title, "outlet": article.source,
        "published": article.published.isoformat() if article.published else None, "url": article.url,
    }  # fmt: skip


def render(export: Export) -> str:
    return dump(
        {
            "title": export.title,
            "sources": [source_record(article) for article in export.articles],
            "timeline": [entry_record(entry) for entry in export.entries],
            "disputed": [finding_record(finding) for finding in export.disputed],
            "summary": export.summary(),
        }
    )
