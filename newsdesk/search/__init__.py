"""Finding stories: the list's pages and full-text search, for the window, CLI and bench.

The shape is backend-neutral, so SQLite and PostgreSQL each implement it:
- ``parse_query`` turns what the user typed into ``Term`` objects (words, ``"phrases"``,
  ``prefix*``); it never fails, whatever the text. Each backend renders terms into its own
  query language (``SqliteSearch.match_expression`` for FTS5). Before that, each backend
  adds the other spellings of a typed word that its index holds (``ə`` typed as ``e``:
  ``Gence`` also searches ``ganca``; ``query.with_spellings``), so ``Gəncə``, ``Ganca`` and
  ``Gence`` find the same stories in the same order.
- ``Filters`` (status, section, language, trash) and ``Sort`` (any list column) describe
  what to show; ``SearchBackend`` answers with rows as plain tuples (``ROW_FIELDS``), the
  cheapest shape to hold many of.
- Pages of the list are keyset pages (``after`` = the sort key of the last row shown), so
  the 500th page costs what the first does. Relevance-ordered search pages use an offset:
  ranking must look at every match anyway.

The SQLite index itself (tables, triggers, folding) is ``newsdesk.store.search_index``.
"""

from __future__ import annotations

import peewee

from newsdesk.search.listing import (
    DATE,
    DESK,
    EMBARGO,
    GROUP,
    HEADLINE,
    ID,
    LANGUAGE,
    LOCK_SESSION,
    LOCKED_AT,
    LOCKED_BY,
    PENDING,
    PLACE,
    RANK,
    RELEVANCE,
    ROW_FIELDS,
    SECTION,
    SLUG,
    SNIPPET,
    SORT_KEYS,
    SOURCE,
    STATUS,
    UPDATED,
    Filters,
    Page,
    Row,
    SearchBackend,
    Sort,
    row_to_dict,
    snippet_html,
    snippet_text,
)
from newsdesk.search.query import ParsedQuery, Term, parse_query
from newsdesk.search.sqlite import SqliteSearch
from newsdesk.store.models import database_proxy

__all__ = ["DATE", "DESK", "EMBARGO", "GROUP", "HEADLINE", "ID", "LANGUAGE", "LOCK_SESSION", "LOCKED_AT",
           "LOCKED_BY", "PENDING", "PLACE", "RANK", "RELEVANCE", "ROW_FIELDS", "SECTION", "SLUG", "SNIPPET",
           "SORT_KEYS", "SOURCE", "STATUS", "UPDATED", "Filters", "Page", "ParsedQuery", "Row",
           "SearchBackend", "Sort", "Term", "backend", "parse_query", "row_to_dict", "search",
           "snippet_html", "snippet_text"]


def backend(database: peewee.Database | None = None) -> SearchBackend:
    """The search backend for ``database`` (default: the open one)."""
    chosen = database or database_proxy.obj
    if isinstance(chosen, peewee.SqliteDatabase):
        return SqliteSearch(chosen)
    from newsdesk.search.postgres import PostgresSearch  # a team server's, not a file's

    return PostgresSearch(chosen)


def search(text: str, filters: Filters | None = None, limit: int = 50,
           offset: int = 0) -> list[Row]:
    return backend().search(text, filters or Filters(), limit, offset)
