"""The story list's pages and search behind one interface: rows, filters, sorting and the
SQL every backend shares; the backends (``sqlite``, ``postgres``) add full-text search."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import peewee

from newsdesk.errors import UserError
from newsdesk.search.query import ParsedQuery, parse_query, with_spellings
from newsdesk.store.timestamps import iso_utc, stored_time
from newsdesk.stories import workflow

# One list row: these fields, in this order (search rows add snippet and rank).
ROW_FIELDS = ("id", "headline", "status", "dateline_place", "dateline_date", "desk_code",
              "language", "section", "updated_at", "pending_reviews", "slug", "dateline_source",
              "locked_by", "locked_at", "lock_session", "embargo_until", "translation_group")
(ID, HEADLINE, STATUS, PLACE, DATE, DESK, LANGUAGE, SECTION, UPDATED, PENDING, SLUG, SOURCE,
 LOCKED_BY, LOCKED_AT, LOCK_SESSION, EMBARGO, GROUP) = range(len(ROW_FIELDS))
SNIPPET, RANK = len(ROW_FIELDS), len(ROW_FIELDS) + 1

# Sortable columns: key -> what the list's "Sort by" means for it.
SORT_KEYS = ("headline", "status", "dateline", "desk_code", "language", "section",
             "updated", "pending_reviews", "embargo")
RELEVANCE = "relevance"
# Sorts by a column of another table: what to join, and the column that breaks ties (the
# story's id as that table has it, so one index serves the whole ORDER BY).
_SORT_JOINS = {"pending_reviews": ("JOIN review_pending rp ON rp.article_id = a.id",
                                   "rp.article_id")}

# Snippet markers: control characters cannot occur in stored text that came through
# the editor or importers, so they safely delimit a highlighted match.
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"
SNIPPET_TOKENS = 14
# Up to this many stories in the trash, live searches over-fetch instead of joining first.
MAX_TRASH_OVERFETCH = 1000


# -- filters, sorting, rows --------------------------------------------------------------

@dataclass(frozen=True)
class Filters:
    """What the list is narrowed to: statuses (none: all), one section, one language, the
    trash or the live stories.

    (Each record here has a docstring: without one, ``dataclass`` writes one from
    ``inspect.signature``, costly as the window starts.)"""

    statuses: tuple[str, ...] = ()
    section: str | None = None
    language: str | None = None
    trash: bool = False  # True: only stories in the trash; False: only live ones

    def __post_init__(self) -> None:
        unknown = [s for s in self.statuses if s not in workflow.STATUS_LABELS]
        if unknown:
            raise UserError(f"unknown status {unknown[0]!r} (choose from "
                            f"{', '.join(workflow.STATUS_LABELS)})", field="status")


@dataclass(frozen=True)
class Sort:
    """The list's order: a column of ``SORT_KEYS`` (or relevance, for a search)."""

    key: str = "updated"
    descending: bool = True

    def __post_init__(self) -> None:
        if self.key not in (*SORT_KEYS, RELEVANCE):
            raise ValueError(f"unknown sort key {self.key!r}")


Row = tuple[Any, ...]
SortKey = tuple[Any, int]  # (value of the sort column, id) of a row


@dataclass(frozen=True)
class Page:
    """One page of the list: its rows, and where the next page starts."""

    rows: list[Row]
    next_after: SortKey | int | None  # keyset key, or offset for relevance; None: the end
    keys: list[SortKey] = field(default_factory=list)  # each row's sort key (keyset pages)
    # The live languages of each translation group on the page (``list_page`` only).
    languages: dict[str, tuple[str, ...]] = field(default_factory=dict)


def snippet_html(snippet: str) -> str:
    """The snippet as safe HTML: text escaped, matches in ``<b>``."""
    import html  # with a search's snippets, not with the window's start (html.entities)

    escaped = html.escape(snippet, quote=False)
    return escaped.replace(MARK_OPEN, "<b>").replace(MARK_CLOSE, "</b>")


def snippet_text(snippet: str, open_mark: str = "[", close_mark: str = "]") -> str:
    return snippet.replace(MARK_OPEN, open_mark).replace(MARK_CLOSE, close_mark)


def row_to_dict(row: Row) -> dict[str, Any]:
    """A row as JSON-ready values (the ``list --json`` shape, plus snippet/rank if any)."""
    data = {
        "id": row[ID], "slug": row[SLUG], "headline": row[HEADLINE], "status": row[STATUS],
        "language": row[LANGUAGE], "section": row[SECTION],
        "dateline": {"place": row[PLACE], "date": _iso(row[DATE]), "source": row[SOURCE]},
        "desk_code": row[DESK], "updated_at": _iso(row[UPDATED]).replace(" ", "T"),
        "pending_reviews": row[PENDING],
        "embargo_until": _iso_utc(row[EMBARGO]),
    }
    if len(row) > SNIPPET:
        data["snippet"] = snippet_text(row[SNIPPET])
        data["snippet_html"] = snippet_html(row[SNIPPET])
        data["rank"] = row[RANK]
    return data


def _iso_utc(value: Any) -> str | None:
    moment = stored_time(value)
    return None if moment is None else iso_utc(moment)


def _iso(value: Any) -> Any:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


# -- backends ----------------------------------------------------------------------------

class SearchBackend(ABC):
    """What the window, the CLI and the bench ask of the database."""

    @abstractmethod
    def page(self, filters: Filters, sort: Sort, query: ParsedQuery | None = None,
             after: SortKey | int | None = None, limit: int = 200) -> Page:
        """One page of stories in ``sort`` order after ``after`` (keyset or offset)."""

    @abstractmethod
    def group_languages(self, groups: Collection[str]) -> dict[str, tuple[str, ...]]:
        """The languages of the live stories of each translation group, sorted."""

    def list_page(self, filters: Filters, sort: Sort, query: ParsedQuery | None = None,
                  after: SortKey | int | None = None, limit: int = 200) -> Page:
        """``page`` with the languages of its rows' translation groups, as the window's
        list shows them: one more query for the whole page, none when no row is in a
        group."""
        page = self.page(filters, sort, query, after, limit)
        groups = {row[GROUP] for row in page.rows}
        groups.discard(None)
        groups.discard("")
        return replace(page, languages=self.group_languages(groups)) if groups else page

    @abstractmethod
    def status_counts(self, filters: Filters, query: ParsedQuery | None = None
                      ) -> dict[str, int]:
        """Stories per status under ``filters`` (its statuses ignored) and ``query``."""

    @abstractmethod
    def rows_by_id(self, ids: Sequence[int]) -> dict[int, Row]:
        """The current list rows of these stories (trashed ones included)."""

    @abstractmethod
    def sections(self) -> list[str]:
        """The sections in use, for the filter."""

    @abstractmethod
    def languages(self) -> list[str]:
        """The languages in use, for the filter."""

    def search(self, text: str, filters: Filters = Filters(), limit: int = 50,
               offset: int = 0) -> list[Row]:
        """The best ``limit`` matches of ``text``, with snippets; the filtered list if empty."""
        query = parse_query(text)
        sort = Sort(RELEVANCE) if query else Sort()
        return self.page(filters, sort, query, offset if query else None, limit).rows


# Shown from the same trigger-kept count the list sorts by (store/review_counts.py): one
# primary-key lookup a row instead of counting the story's reviews.
_PENDING = ("coalesce((SELECT rc.pending FROM review_pending rc "
            "WHERE rc.article_id = a.id), 0)")
_SORT_SQL = {
    "headline": "a.headline", "status": "a.status",
    "dateline": "coalesce(a.dateline_date, '')", "desk_code": "a.desk_code",
    "language": "a.language", "section": "a.section", "updated": "a.updated_at",
    "pending_reviews": "rp.pending",  # kept by triggers: store/review_counts.py
    "embargo": "coalesce(a.embargo_until, '')",  # indexed by migration 14
}
# PostgreSQL: a date never coalesces to text, and unary plus is SQLite's planner hint.
_PG_SORT_SQL = {**_SORT_SQL, "dateline": "coalesce(a.dateline_date, DATE '0001-01-01')",
                "embargo": "coalesce(a.embargo_until, TIMESTAMP '0001-01-01')"}
ROW_SQL = ("a.id, a.headline, a.status, a.dateline_place, a.dateline_date, a.desk_code, "
           "a.language, a.section, a.updated_at, " + _PENDING + ", a.slug, a.dateline_source, "
           "a.locked_by, a.locked_at, a.lock_session, a.embargo_until, a.translation_group")


_GROUP_BATCH = 500  # groups per query: within every database's limit on parameters


class SqlListing(SearchBackend):
    """Keyset pages and counts in portable SQL (raw SQL: this is the hot path).

    Subclasses add the full-text part: ``_match_clause`` (restrict to matches),
    ``_with_snippets`` and ``_ranked_page``.
    """

    sort_sql = _SORT_SQL
    live_clause = "a.deleted_at IS NULL"

    def __init__(self, database: peewee.Database) -> None:
        self.database = database

    def _sql(self, sql: str) -> str:
        return sql if self.database.param == "?" else sql.replace("?", self.database.param)

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self.database.execute_sql(self._sql(sql), tuple(params)).fetchall()

    def _match_clause(self, query: ParsedQuery) -> tuple[str, list[Any]]:
        raise UserError("full-text search is not available on this database yet")

    def _known_words(self, words: Collection[str], prefix: bool) -> set[str]:
        """Which of these folded words (or word beginnings) the index holds."""
        return set()

    def _spelled(self, query: ParsedQuery) -> ParsedQuery:
        """The query with the other spellings of its words that the index holds."""
        if any(term.alternatives for term in query.terms):
            return query
        return with_spellings(query, self._known_words)

    def _with_snippets(self, rows: list[Row], query: ParsedQuery) -> list[Row]:
        raise UserError("full-text search is not available on this database yet")

    def _ranked_page(self, filters: Filters, query: ParsedQuery, offset: int,
                     limit: int) -> Page:
        raise UserError("full-text search is not available on this database yet")

    # -- pages ---------------------------------------------------------------------------
    def page(self, filters: Filters, sort: Sort, query: ParsedQuery | None = None,
             after: SortKey | int | None = None, limit: int = 200) -> Page:
        if query:
            query = self._spelled(query)
        if query and sort.key == RELEVANCE:
            return self._ranked_page(filters, query, int(after or 0), limit)  # type: ignore[arg-type]  # an offset
        if sort.key == RELEVANCE:
            sort = Sort()
        return self._keyset_page(filters, sort, query or None, after, limit)

    def _where(self, filters: Filters) -> tuple[list[str], list[Any]]:
        clauses = ["a.deleted_at IS NOT NULL" if filters.trash else self.live_clause]
        params: list[Any] = []
        if filters.statuses:
            clauses.append(f"a.status IN ({', '.join('?' * len(filters.statuses))})")
            params.extend(filters.statuses)
        if filters.section is not None:
            clauses.append("a.section = ?")
            params.append(filters.section)
        if filters.language is not None:
            clauses.append("a.language = ?")
            params.append(filters.language)
        return clauses, params

    def _keyset_page(self, filters: Filters, sort: Sort, query: ParsedQuery | None,
                     after: SortKey | int | None, limit: int) -> Page:
        expression = self.sort_sql[sort.key]
        join, tiebreak = _SORT_JOINS.get(sort.key, ("", "a.id"))
        clauses, params = self._where(filters)
        if query:
            clause, extra = self._match_clause(query)
            clauses.append(clause)
            params.extend(extra)
        if after is not None:
            clauses.append(f"({expression}, {tiebreak}) {'<' if sort.descending else '>'} "
                           "(?, ?)")
            params.extend(after)  # type: ignore[arg-type]
        direction = "DESC" if sort.descending else "ASC"
        order = f"ORDER BY {expression} {direction}, {tiebreak} {direction}"
        sql = (f"SELECT {ROW_SQL}, {expression} FROM article a {join} "
               f"WHERE {' AND '.join(clauses)} {order} LIMIT ?")
        raw = self._execute(sql, (*params, limit))
        keys = [(r[-1], r[ID]) for r in raw]
        rows = [r[:-1] for r in raw]
        if query and rows:
            rows = self._with_snippets(rows, query)
        return Page(rows, keys[-1] if len(rows) == limit else None, keys)

    # -- counts and filter choices -------------------------------------------------------
    def status_counts(self, filters: Filters, query: ParsedQuery | None = None
                      ) -> dict[str, int]:
        counting = Filters((), filters.section, filters.language, filters.trash)
        clauses, params = self._where(counting)
        # The covering (deleted_at, status, section, language) index answers this one.
        clauses[0] = clauses[0].replace("+", "")
        if query:
            clause, extra = self._match_clause(self._spelled(query))
            clauses.append(clause)
            params.extend(extra)
        sql = (f"SELECT a.status, count(*) FROM article a WHERE {' AND '.join(clauses)} "
               "GROUP BY a.status")
        counts = dict.fromkeys(workflow.STATUS_LABELS, 0)
        counts.update(dict(self._execute(sql, params)))
        return counts

    def rows_by_id(self, ids: Sequence[int]) -> dict[int, Row]:
        if not ids:
            return {}
        sql = f"SELECT {ROW_SQL} FROM article a WHERE a.id IN ({', '.join('?' * len(ids))})"
        return {row[ID]: row for row in self._execute(sql, ids)}

    def group_languages(self, groups: Collection[str]) -> dict[str, tuple[str, ...]]:
        wanted = sorted(groups)
        found: dict[str, list[str]] = {}
        # One query for the page (the translation_group index answers it), never one a row.
        for start in range(0, len(wanted), _GROUP_BATCH):
            chunk = wanted[start:start + _GROUP_BATCH]
            sql = ("SELECT a.translation_group, a.language FROM article a "
                   f"WHERE a.translation_group IN ({', '.join('?' * len(chunk))}) "
                   f"AND {self.live_clause} "
                   "GROUP BY a.translation_group, a.language "
                   "ORDER BY a.translation_group, a.language")
            for group, language in self._execute(sql, chunk):
                found.setdefault(group, []).append(language)
        return {group: tuple(languages) for group, languages in found.items()}

    def sections(self) -> list[str]:
        return self._distinct("section")

    def languages(self) -> list[str]:
        return self._distinct("language")

    def _distinct(self, column: str) -> list[str]:
        sql = f"SELECT DISTINCT {column} FROM article WHERE {column} != '' ORDER BY {column}"
        return [value for (value,) in self._execute(sql)]


class PostgresListing(SqlListing):
    """The list on PostgreSQL; ``PostgresSearch`` adds full-text search to it."""

    sort_sql = _PG_SORT_SQL


