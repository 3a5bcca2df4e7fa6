"""The SQLite full-text index over stories (FTS5), kept in sync by triggers.

Layout:
- ``article_search_names``: one row per story with the names (canonical and aliases) of the
  people and organisations tagged in it, so a story is found by any spelling of them.
- ``article_fts``: an FTS5 *external content* table over headline, body, footnote, desk
  code and those names. Its content is the view ``article_fts_content`` (the original
  text), so snippets show the story as written.
- What is *indexed* is the text after ``fold_sql``: the letters Unicode cannot decompose
  (``newsdesk.store.folding.FOLDED_LETTERS``: ``ə``->``a``, ``ı``/``İ``->``i``, ``ё``->``е``,
  ``ß``->``ss``, curly apostrophes) are replaced in SQL, and the ``unicode61 remove_diacritics 2`` tokenizer then folds case and
  the decomposable diacritics (``ş ç ğ ö ü``). Queries are folded with
  ``newsdesk.search.folding.fold`` and go through the same tokenizer, so both sides agree.
  Every replacement keeps the token count, so highlight positions found in the folded index
  line up with the original text.

The triggers use only built-in SQL functions, so any connection (the app, a script, the
benchmark generator, the ``sqlite3`` shell) keeps the index right. They hold one invariant:
the index entry of story N is always the folded text of row N of ``article_fts_content``;
every change to that row deletes the old entry (with the old values) and inserts the new.
"""

from __future__ import annotations

from typing import Protocol

from newsdesk.store.folding import FOLDED_LETTERS

TOKENIZER = "unicode61 remove_diacritics 2"
# Headline and names weigh most; the body is long and weighs least per match.
RANK = "bm25(10.0, 1.0, 2.0, 5.0, 5.0)"
FTS_COLUMNS = ("headline", "body", "footnote", "desk_code", "names")


def fold_sql(expression: str) -> str:
    """``expression`` wrapped in the SQL replacements (see the module docstring)."""
    for before, after in FOLDED_LETTERS:
        after = after.replace("'", "''")
        expression = f"replace({expression}, '{before}', '{after}')"
    return expression


def _names_sql(article_id: str) -> str:
    """The tagged names (canonical and aliases) of one story, as one text."""
    return (
        "coalesce((SELECT group_concat(n, '; ') FROM ("
        f"SELECT e.name AS n FROM article_tag t JOIN entity e ON e.id = t.entity_id "
        f"WHERE t.article_id = {article_id} "
        f"UNION ALL SELECT al.name FROM article_tag t JOIN alias al ON al.entity_id = t.entity_id "
        f"WHERE t.article_id = {article_id})), '')")


def _fts_row(prefix: str, names: str) -> str:
    """The folded values of one index entry: the article fields of ``prefix`` plus names."""
    fields = [fold_sql(f"{prefix}.{name}") for name in FTS_COLUMNS[:-1]]
    return ", ".join([*fields, fold_sql(names)])


_COLUMN_LIST = ", ".join(FTS_COLUMNS)
_STORED_NAMES = "coalesce((SELECT names FROM article_search_names WHERE article_id = {id}), '')"


def _insert_entry(row_id: str, prefix: str, names: str) -> str:
    return (f"INSERT INTO article_fts(rowid, {_COLUMN_LIST}) "
            f"VALUES ({row_id}, {_fts_row(prefix, names)});")


def _delete_entry(row_id: str, prefix: str, names: str) -> str:
    return (f"INSERT INTO article_fts(article_fts, rowid, {_COLUMN_LIST}) "
            f"VALUES ('delete', {row_id}, {_fts_row(prefix, names)});")


def _refresh_names(article_ids: str) -> str:
    """Recompute the stored names of the stories ``article_ids`` (an SQL set expression)."""
    return (f"UPDATE article_search_names SET names = {_names_sql('article_search_names.article_id')} "
            f"WHERE article_id IN ({article_ids});")


def _names_change(old_names: str, new_names: str, article_id: str) -> str:
    """Replace a story's index entry after its names changed (the article row is unchanged)."""
    select = "SELECT {kind} a.id, {values} FROM article a WHERE a.id = " + article_id + ";"
    delete = (f"INSERT INTO article_fts(article_fts, rowid, {_COLUMN_LIST}) "
              + select.format(kind="'delete',", values=_fts_row("a", old_names)))
    insert = (f"INSERT INTO article_fts(rowid, {_COLUMN_LIST}) "
              + select.format(kind="", values=_fts_row("a", new_names)))
    return delete + "\n" + insert


_ARTICLE_CHANGED = " OR ".join(f"old.{c} IS NOT new.{c}" for c in FTS_COLUMNS[:-1])


def trigger_statements() -> list[str]:
    """CREATE TRIGGER statements that keep the index in sync with every write."""
    stored_old = _STORED_NAMES.format(id="old.id")
    stored_new = _STORED_NAMES.format(id="new.id")
    return [
        # A new story: its names row (empty until tagged), then its index entry.
        "CREATE TRIGGER IF NOT EXISTS article_fts_insert AFTER INSERT ON article BEGIN "
        "INSERT OR REPLACE INTO article_search_names(article_id, names) "
        f"VALUES (new.id, {_names_sql('new.id')}); "
        f"{_insert_entry('new.id', 'new', stored_new)} END",
        "CREATE TRIGGER IF NOT EXISTS article_fts_update "
        "AFTER UPDATE OF headline, body, footnote, desk_code ON article "
        f"WHEN {_ARTICLE_CHANGED} BEGIN "
        f"{_delete_entry('old.id', 'old', stored_old)} "
        f"{_insert_entry('new.id', 'new', stored_new)} END",
        # BEFORE: the stored names must still be there (foreign-key cascades run first
        # otherwise, and a delete with the wrong values would corrupt the index).
        "CREATE TRIGGER IF NOT EXISTS article_fts_delete BEFORE DELETE ON article BEGIN "
        f"{_delete_entry('old.id', 'old', stored_old)} "
        "DELETE FROM article_search_names WHERE article_id = old.id; END",
        "CREATE TRIGGER IF NOT EXISTS article_search_names_update "
        "AFTER UPDATE OF names ON article_search_names WHEN old.names IS NOT new.names BEGIN "
        f"{_names_change('old.names', 'new.names', 'new.article_id')} END",
        "CREATE TRIGGER IF NOT EXISTS article_tag_fts_insert AFTER INSERT ON article_tag BEGIN "
        f"{_refresh_names('new.article_id')} END",
        "CREATE TRIGGER IF NOT EXISTS article_tag_fts_delete AFTER DELETE ON article_tag BEGIN "
        f"{_refresh_names('old.article_id')} END",
        "CREATE TRIGGER IF NOT EXISTS article_tag_fts_update "
        "AFTER UPDATE OF article_id, entity_id ON article_tag BEGIN "
        f"{_refresh_names('old.article_id, new.article_id')} END",
        "CREATE TRIGGER IF NOT EXISTS entity_fts_update AFTER UPDATE OF name ON entity "
        "WHEN old.name IS NOT new.name BEGIN "
        f"{_refresh_names('SELECT article_id FROM article_tag WHERE entity_id = new.id')} END",
        "CREATE TRIGGER IF NOT EXISTS alias_fts_insert AFTER INSERT ON alias BEGIN "
        f"{_refresh_names('SELECT article_id FROM article_tag WHERE entity_id = new.entity_id')}"
        " END",
        "CREATE TRIGGER IF NOT EXISTS alias_fts_delete AFTER DELETE ON alias BEGIN "
        f"{_refresh_names('SELECT article_id FROM article_tag WHERE entity_id = old.entity_id')}"
        " END",
        "CREATE TRIGGER IF NOT EXISTS alias_fts_update AFTER UPDATE OF name, entity_id ON alias "
        "BEGIN "
        f"{_refresh_names('SELECT article_id FROM article_tag WHERE entity_id IN (old.entity_id, new.entity_id)')}"
        " END",
    ]


TRIGGER_NAMES = (
    "article_fts_insert", "article_fts_update", "article_fts_delete",
    "article_search_names_update", "article_tag_fts_insert", "article_tag_fts_delete",
    "article_tag_fts_update", "entity_fts_update", "alias_fts_insert", "alias_fts_delete",
    "alias_fts_update",
)

TABLE_STATEMENTS = [
    "CREATE TABLE IF NOT EXISTS article_search_names ("
    "article_id INTEGER PRIMARY KEY, names TEXT NOT NULL DEFAULT '')",
    "CREATE VIEW IF NOT EXISTS article_fts_content AS "
    "SELECT a.id AS id, a.headline AS headline, a.body AS body, a.footnote AS footnote, "
    "a.desk_code AS desk_code, coalesce(n.names, '') AS names "
    "FROM article a LEFT JOIN article_search_names n ON n.article_id = a.id",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5({_COLUMN_LIST}, "
    f"content='article_fts_content', content_rowid='id', tokenize='{TOKENIZER}')",
    # Indexes for sorting the list by any column without scanning the stories.
    "CREATE INDEX IF NOT EXISTS article_headline_sort ON article(headline)",
    "CREATE INDEX IF NOT EXISTS article_desk_code_sort ON article(desk_code)",
    "CREATE INDEX IF NOT EXISTS article_dateline_sort ON article(coalesce(dateline_date, ''))",
    # Counting stories per status (live or trashed, per section/language) from the index.
    "CREATE INDEX IF NOT EXISTS article_status_counts "
    "ON article(deleted_at, status, section, language)",
]


class Executor(Protocol):
    def execute(self, sql: str, params: tuple[object, ...] = ...) -> object: ...


def install(connection: Executor) -> None:
    """Create the index (empty), its triggers and the sort indexes; idempotent."""
    for statement in TABLE_STATEMENTS:
        connection.execute(statement)
    connection.execute(f"INSERT INTO article_fts(article_fts, rank) VALUES ('rank', '{RANK}')")
    for statement in trigger_statements():
        connection.execute(statement)


def drop_triggers(connection: Executor) -> None:
    """For bulk loading: write the rows first, then ``rebuild`` (about twice as fast)."""
    for name in TRIGGER_NAMES:
        connection.execute(f"DROP TRIGGER IF EXISTS {name}")


def rebuild(connection: Executor) -> None:
    """Fill the names and the index from scratch for every story, then restore triggers.

    FTS5's own 'rebuild' would index the unfolded content, so this is its folded twin.
    """
    drop_triggers(connection)
    connection.execute("DELETE FROM article_search_names")
    connection.execute(
        "INSERT INTO article_search_names(article_id, names) "
        f"SELECT a.id, {_names_sql('a.id')} FROM article a")
    connection.execute("INSERT INTO article_fts(article_fts) VALUES ('delete-all')")
    connection.execute(
        f"INSERT INTO article_fts(rowid, {_COLUMN_LIST}) "
        f"SELECT c.id, {_fts_row('c', 'c.names')} FROM article_fts_content c")
    for statement in trigger_statements():
        connection.execute(statement)
