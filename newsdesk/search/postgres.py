"""Full-text search on PostgreSQL, behind the same interface as the SQLite backend.

The index is ``newsdesk.store.pg_search_index`` (tsvector per story, weighted: headline and
tagged names A, desk code B, footnote C, body D). Ranking is ``ts_rank_cd``; snippets are
cut in Python from the stored text, matching folded words, so they show the story as
written (``Əliyev``) while the query was folded (``aliyev``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Any

from newsdesk.search.folding import fold
from newsdesk.search.listing import (
    ID,
    MARK_CLOSE,
    MARK_OPEN,
    ROW_SQL,
    SNIPPET_TOKENS,
    Filters,
    Page,
    PostgresListing,
    Row,
)
from newsdesk.search.query import ParsedQuery

_TOKEN = re.compile(r"[^\W_]+")

def tsquery(query: ParsedQuery) -> str:
    """The ``to_tsquery('simple', ...)`` text: terms ANDed, phrases with ``<->``.

    Words come from ``parse_query`` (letters and digits only) and are quoted anyway, so
    nothing the user typed can act as tsquery syntax.
    """
    parts = []
    for term in query.terms:
        phrases = []
        for spelling in term.spellings:
            words = ["'" + word.replace("'", "''") + "'" for word in spelling]
            if term.prefix:
                words[-1] += ":*"
            phrases.append("(" + " <-> ".join(words) + ")")
        parts.append(phrases[0] if len(phrases) == 1 else "(" + " | ".join(phrases) + ")")
    return " & ".join(parts)


def _matches(token: str, query: ParsedQuery) -> bool:
    folded = fold(token)
    for term in query.terms:
        for spelling in term.spellings:
            for position, word in enumerate(spelling):
                last = position == len(spelling) - 1
                if folded == word or (term.prefix and last and folded.startswith(word)):
                    return True
    return False


def make_snippet(texts: Sequence[str], query: ParsedQuery,
                 tokens: int = SNIPPET_TOKENS) -> str:
    """A window of about ``tokens`` words around the first match, matches marked."""
    for text in texts:
        found = [m for m in _TOKEN.finditer(text or "")]
        hits = [i for i, m in enumerate(found) if _matches(m.group(), query)]
        if not hits:
            continue
        first = max(0, hits[0] - tokens // 3)
        last = min(len(found), first + tokens)
        start = found[first].start()
        # Up to the next word, so closing punctuation stays ("shrink." not "shrink").
        end = found[last].start() if last < len(found) else len(text)
        pieces, cursor = [], start
        for index in range(first, last):
            match = found[index]
            pieces.append(text[cursor:match.start()])
            word = match.group()
            pieces.append(MARK_OPEN + word + MARK_CLOSE if index in hits else word)
            cursor = match.end()
        pieces.append(text[cursor:end])
        snippet = " ".join("".join(pieces).split())
        return ("…" if start > 0 else "") + snippet + ("…" if end < len(text) else "")
    return ""


class PostgresSearch(PostgresListing):
    """List pages plus ranked, snippeted full-text search on PostgreSQL."""

    def _known_words(self, words: Collection[str], prefix: bool) -> set[str]:
        # One GIN lookup per word: does any story's document hold it (or a word it begins)?
        suffix = " || ':*'" if prefix else ""
        sql = ("SELECT w FROM unnest(?::text[]) AS w WHERE EXISTS (SELECT 1 FROM "
               f"article_search WHERE document @@ to_tsquery('simple', quote_literal(w){suffix}))")
        return {word for (word,) in self._execute(sql, (list(words),))}

    def _match_clause(self, query: ParsedQuery) -> tuple[str, list[Any]]:
        return ("a.id IN (SELECT article_id FROM article_search "
                "WHERE document @@ to_tsquery('simple', ?))", [tsquery(query)])

    def _texts(self, ids: list[int], query: ParsedQuery) -> dict[int, tuple[str, float]]:
        marks = ", ".join("?" * len(ids))
        sql = (f"SELECT a.id, a.headline, a.body, a.footnote, a.desk_code, "
               f"ts_rank_cd(s.document, to_tsquery('simple', ?)) "
               f"FROM article a JOIN article_search s ON s.article_id = a.id "
               f"WHERE a.id IN ({marks})")
        result = {}
        for article_id, headline, body, footnote, desk, rank in self._execute(
                sql, (tsquery(query), *ids)):
            snippet = make_snippet([body, headline, footnote, desk], query)
            result[article_id] = (snippet, -float(rank))  # lower is better, as bm25
        return result

    def _with_snippets(self, rows: list[Row], query: ParsedQuery) -> list[Row]:
        found = self._texts([r[ID] for r in rows], query)
        return [(*r, *found.get(r[ID], ("", 0.0))) for r in rows]

    def _ranked_page(self, filters: Filters, query: ParsedQuery, offset: int,
                     limit: int) -> Page:
        clauses, params = self._where(filters)
        sql = (f"SELECT {ROW_SQL} FROM article_search s JOIN article a ON a.id = s.article_id "
               f"WHERE s.document @@ to_tsquery('simple', ?) AND {' AND '.join(clauses)} "
               f"ORDER BY ts_rank_cd(s.document, to_tsquery('simple', ?)) DESC, a.id "
               f"LIMIT ? OFFSET ?")
        text = tsquery(query)
        rows = self._execute(sql, (text, *params, text, limit, offset))
        rows = self._with_snippets(rows, query) if rows else rows
        return Page(rows, offset + len(rows) if len(rows) == limit else None)
