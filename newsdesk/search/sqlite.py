"""Full-text search on SQLite (FTS5), behind the same interface as the PostgreSQL backend."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from newsdesk.search.listing import (
    ID,
    MAX_TRASH_OVERFETCH,
    ROW_SQL,
    SNIPPET_TOKENS,
    Filters,
    Page,
    Row,
    SqlListing,
)
from newsdesk.search.query import ParsedQuery

_SNIPPET_SQL = (f"snippet(article_fts, -1, char(2), char(3), '…', {SNIPPET_TOKENS})")
# The index's own word list, to learn which spellings of a typed word it holds. A temporary
# table of each connection: it reads the live index and needs no migration.
_WORDS_TABLE = ("CREATE VIRTUAL TABLE IF NOT EXISTS temp.article_fts_words "
                "USING fts5vocab(main, article_fts, row)")
# Sorts after every character FTS5 can store: "gen" .. "gen" + this covers "gen*".
_LAST_CHARACTER = "\U0010ffff"


class SqliteSearch(SqlListing):
    """FTS5 search on SQLite (the index: ``newsdesk.store.search_index``)."""

    # Unary + keeps the planner off the deleted_at index for the live list (almost every
    # row is live): the sort column's index is the right one there.
    live_clause = "+a.deleted_at IS NULL"

    @staticmethod
    def match_expression(query: ParsedQuery) -> str:
        """The FTS5 MATCH text: every term quoted (so no syntax survives), ANDed."""
        parts = []
        for term in query.terms:
            phrases = ['"' + " ".join(words).replace('"', '""') + '"'
                       + (" *" if term.prefix else "") for words in term.spellings]
            parts.append(phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")")
        return " AND ".join(parts)

    def _known_words(self, words: Collection[str], prefix: bool) -> set[str]:
        self.database.execute_sql(_WORDS_TABLE)
        if not prefix:
            marks = ", ".join("?" * len(words))
            return {term for (term,) in self._execute(
                f"SELECT term FROM temp.article_fts_words WHERE term IN ({marks})", list(words))}
        return {word for word in words if self._execute(
            "SELECT EXISTS (SELECT 1 FROM temp.article_fts_words WHERE term >= ? AND term < ?)",
            (word, word + _LAST_CHARACTER))[0][0]}

    def _match_clause(self, query: ParsedQuery) -> tuple[str, list[Any]]:
        return ("a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)",
                [self.match_expression(query)])

    def _with_snippets(self, rows: list[Row], query: ParsedQuery) -> list[Row]:
        ids = [r[ID] for r in rows]
        sql = (f"SELECT rowid, {_SNIPPET_SQL}, rank FROM article_fts WHERE article_fts MATCH ? "
               f"AND rowid IN ({', '.join('?' * len(ids))})")
        found = {rowid: (snippet, rank) for rowid, snippet, rank in
                 self.database.execute_sql(sql, (self.match_expression(query), *ids))}
        return [(*r, *found.get(r[ID], ("", 0.0))) for r in rows]

    def _ranked_page(self, filters: Filters, query: ParsedQuery, offset: int,
                     limit: int) -> Page:
        clauses, params = self._where(filters)
        match = self.match_expression(query)
        trashed = None if filters != Filters() else self._trashed_count()
        if trashed is not None and trashed <= MAX_TRASH_OVERFETCH:
            # The plain live list (the usual case): let FTS5 see the LIMIT itself, so it
            # keeps only the best rows while ranking instead of sorting every match, and
            # make room for the trashed stories the outer query drops.
            sql = (f"SELECT {ROW_SQL}, f.snippet, f.rank FROM ("
                   f"SELECT rowid, {_SNIPPET_SQL} AS snippet, rank FROM article_fts "
                   f"WHERE article_fts MATCH ? ORDER BY rank LIMIT ?) f "
                   f"JOIN article a ON a.id = f.rowid WHERE {' AND '.join(clauses)} "
                   f"ORDER BY f.rank LIMIT ? OFFSET ?")
            args = (match, offset + limit + trashed, *params, limit, offset)
        else:
            # FTS5 orders by rank itself, so the joined rows (and their snippets) are
            # computed only for the rows returned, not for every match.
            sql = (f"SELECT {ROW_SQL}, {_SNIPPET_SQL}, article_fts.rank "
                   f"FROM article_fts JOIN article a ON a.id = article_fts.rowid "
                   f"WHERE article_fts MATCH ? AND {' AND '.join(clauses)} "
                   f"ORDER BY article_fts.rank LIMIT ? OFFSET ?")
            args = (match, *params, limit, offset)
        rows = self._execute(sql, args)
        return Page(rows, offset + len(rows) if len(rows) == limit else None)

    def _trashed_count(self) -> int:
        return self._execute("SELECT count(*) FROM article WHERE deleted_at IS NOT NULL")[0][0]


