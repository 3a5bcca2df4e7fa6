"""Numbered forward migrations, run on open after an automatic backup.

Each step imports the modules it installs: a database at the latest schema (every start
but a new database's or an update's) needs none of them.

Convention: every migration is idempotent against the *current* models (``safe=True``
table creation, columns added only when missing), so a fresh database runs them all and an
old one runs just what it lacks. A migration that must transform data in an old shape keeps
a frozen copy of what it reads inside its own function.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from newsdesk.errors import DatabaseUnavailable
from newsdesk.store.changes import install_notify_triggers
from newsdesk.store.models import ALL_MODELS, Picture, PictureBlob, SchemaInfo
from newsdesk.store.opened import OpenedDatabase

SCHEMA_KEY = "schema_version"
# The list's sort by embargo (no embargo sorts first); ``search/listing.py`` sorts by the
# same expressions, so the index serves it.
EMBARGO_SORT_SQL = "coalesce(embargo_until, '')"
PG_EMBARGO_SORT_SQL = "coalesce(embargo_until, TIMESTAMP '0001-01-01')"


class Migration(NamedTuple):
    version: int
    title: str
    apply: Callable[[OpenedDatabase], None]


def _initial_schema(opened: OpenedDatabase) -> None:
    opened.database.create_tables(ALL_MODELS, safe=True)


def _search_index(opened: OpenedDatabase) -> None:
    """The full-text index and list sort indexes, built for the stories already there."""
    from newsdesk.store import search_index

    if not opened.is_sqlite:
        return  # PostgreSQL has its own index, installed by a later migration
    connection = opened.database.connection()
    search_index.install(connection)
    search_index.rebuild(connection)


def _notify_triggers(opened: OpenedDatabase) -> None:
    install_notify_triggers(opened)


def _postgres_search_index(opened: OpenedDatabase) -> None:
    """PostgreSQL's full-text index (SQLite's is migration 2), built for existing stories."""
    from newsdesk.store import pg_search_index

    if opened.is_sqlite:
        return
    pg_search_index.install(opened.database)
    pg_search_index.rebuild(opened.database)


def _review_queue_index(opened: OpenedDatabase) -> None:
    """The moderation queues list reviews by (status, submitted_at, id); without this
    index each page of 200 sorted all 60,000 pending reviews of a large newsroom."""
    opened.database.execute_sql(
        "CREATE INDEX IF NOT EXISTS review_status_submitted_at_id "
        "ON review (status, submitted_at, id)")


def _published_page_indexes(opened: OpenedDatabase) -> None:
    """What every story page shows beside the story: the News Line (latest published,
    newest first) and the story's approved reviews. Without these the planner sorted all
    published stories (~200 ms at 100,000) and picked the queue index for the reviews."""
    opened.database.execute_sql(
        "CREATE INDEX IF NOT EXISTS article_news_line ON article (deleted_at, status, "
        "published_at)")
    opened.database.execute_sql(
        "CREATE INDEX IF NOT EXISTS review_article_status_time ON review (article_id, status, "
        "submitted_at, id)")


def _export_stamps(opened: OpenedDatabase) -> None:
    """Per-story export stamps kept by triggers, and the database's identity: a re-export
    reads what changed instead of every story (see ``store/export_stamps.py``)."""
    from newsdesk.store import export_stamps

    export_stamps.install(opened.database)


def _review_counts(opened: OpenedDatabase) -> None:
    """Pending reviews per story kept by triggers, so the list sorts by them through an
    index (``store/review_counts.py``)."""
    from newsdesk.store import review_counts

    review_counts.install(opened.database)


def _lock_sessions(opened: OpenedDatabase) -> None:
    """A story lock belongs to one window (its session id), not to a user name: two
    windows of one user were both let in. Older locks have none and simply expire."""
    columns = {column.name for column in opened.database.get_columns("article")}
    if "lock_session" not in columns:
        opened.database.execute_sql("ALTER TABLE article ADD COLUMN lock_session VARCHAR(255)")


# Migration 10's columns: (table, column, SQLite type, PostgreSQL type), each with the
# default its model field has.
_AGENCY_COLUMNS = (
    ("article", "agency_uri", "TEXT", "TEXT"),
    ("article", "agency_version", "TEXT NOT NULL DEFAULT ''", "TEXT NOT NULL DEFAULT ''"),
    ("article", "agency_version_created", "TEXT NOT NULL DEFAULT ''",
     "TEXT NOT NULL DEFAULT ''"),
    ("article", "agency_metadata", "TEXT NOT NULL DEFAULT ''", "TEXT NOT NULL DEFAULT ''"),
    ("article", "import_digest", "VARCHAR(255) NOT NULL DEFAULT ''",
     "VARCHAR(255) NOT NULL DEFAULT ''"),
    ("article", "change_kind", "VARCHAR(255) NOT NULL DEFAULT ''",
     "VARCHAR(255) NOT NULL DEFAULT ''"),
    ("article", "change_note", "TEXT NOT NULL DEFAULT ''", "TEXT NOT NULL DEFAULT ''"),
    ("article", "changed_at", "DATETIME", "TIMESTAMP"),
    ("revision", "note", "TEXT NOT NULL DEFAULT ''", "TEXT NOT NULL DEFAULT ''"),
    ("revision", "agency_version", "TEXT NOT NULL DEFAULT ''", "TEXT NOT NULL DEFAULT ''"),
)


def _agency_identity(opened: OpenedDatabase) -> None:
    """A story keeps its agency's identity (uri, version, what the file says that newsdesk
    does not edit) and its last update or correction, so the agency's next version of it
    updates the story instead of making a second one. The export stamp watches them."""
    from newsdesk.store import export_stamps

    database = opened.database
    present = {table: {column.name for column in database.get_columns(table)}
               for table in ("article", "revision")}
    for table, column, sqlite_type, postgres_type in _AGENCY_COLUMNS:
        if column not in present[table]:
            kind = sqlite_type if opened.is_sqlite else postgres_type
            database.execute_sql(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
    database.execute_sql("CREATE UNIQUE INDEX IF NOT EXISTS article_agency_uri "
                         "ON article (agency_uri)")
    database.execute_sql("CREATE INDEX IF NOT EXISTS article_dateline_date_dateline_source "
                         "ON article (dateline_date, dateline_source)")
    export_stamps.watch_columns(database, export_stamps.MIGRATION_10_COLUMNS)


def _review_deciders(opened: OpenedDatabase) -> None:
    """Who decided each review (the dashboard's decisions per moderator; earlier decisions
    keep "", not recorded), and the time indexes its figures per day read: without them
    each figure read every review or story (~0.5 s for the stories published per day at
    100,000, more for the reviews at 1,000,000)."""
    columns = {column.name for column in opened.database.get_columns("review")}
    if "moderated_by" not in columns:
        opened.database.execute_sql(
            "ALTER TABLE review ADD COLUMN moderated_by VARCHAR(255) NOT NULL DEFAULT ''")
    opened.database.execute_sql(
        "CREATE INDEX IF NOT EXISTS review_submitted_at_status ON review (submitted_at, status)")
    opened.database.execute_sql(
        "CREATE INDEX IF NOT EXISTS review_moderated_at_moderated_by_status_submitted_at "
        "ON review (moderated_at, moderated_by, status, submitted_at)")
    opened.database.execute_sql(
        "CREATE INDEX IF NOT EXISTS article_published_at ON article (published_at, deleted_at, "
        "language)")


def _spelling_and_translations(opened: OpenedDatabase) -> None:
    """The newsroom's spelling dictionary, the word counts of published stories that
    Azerbaijani is checked against, and translation groups (one story in several
    languages)."""
    from newsdesk.store.models import ArchiveStory, ArchiveWord, NewsroomWord

    database = opened.database
    database.create_tables([NewsroomWord, ArchiveWord, ArchiveStory], safe=True)
    if "translation_group" not in {column.name for column in database.get_columns("article")}:
        database.execute_sql("ALTER TABLE article ADD COLUMN translation_group VARCHAR(255)")
    database.execute_sql("CREATE INDEX IF NOT EXISTS article_translation_group "
                         "ON article (translation_group)")


def _places(opened: OpenedDatabase) -> None:
    """Places beside people and organisations: a place keeps its coordinates (the kind and
    the ``located`` relation are plain values of existing columns)."""
    from newsdesk.store import export_stamps

    columns = {column.name for column in opened.database.get_columns("entity")}
    kind = "REAL" if opened.is_sqlite else "DOUBLE PRECISION"
    for column in ("latitude", "longitude"):
        if column not in columns:
            opened.database.execute_sql(f"ALTER TABLE entity ADD COLUMN {column} {kind}")
    export_stamps.watch_place_coordinates(opened.database)


def _embargoes_and_pictures(opened: OpenedDatabase) -> None:
    """A story may be held until a moment (its embargo): exports leave it out until then.
    The list sorts by it through an index, and the export stamp watches it (a new or
    lifted embargo changes what an export prints). Stories get pictures: their images in
    a table of their own, once per content, and the stamp watches a story's pictures."""
    from newsdesk.store import export_stamps

    database = opened.database
    database.create_tables([PictureBlob, Picture], safe=True)
    export_stamps.watch_pictures(database)
    columns = {column.name for column in database.get_columns("article")}
    if "embargo_until" not in columns:
        kind = "DATETIME" if opened.is_sqlite else "TIMESTAMP"
        database.execute_sql(f"ALTER TABLE article ADD COLUMN embargo_until {kind}")
    database.execute_sql("CREATE INDEX IF NOT EXISTS article_embargo_sort ON article "
                         f"({EMBARGO_SORT_SQL if opened.is_sqlite else PG_EMBARGO_SORT_SQL})")
    export_stamps.watch_columns(database, export_stamps.MIGRATION_14_COLUMNS)


def _translation_group_stamps(opened: OpenedDatabase) -> None:
    """A story linked to its translations or unlinked from them moves its export stamp,
    and so do the stamps of the group's other stories: its site page links the group's
    other stories and its ninjs names them."""
    from newsdesk.store import export_stamps

    export_stamps.watch_columns(opened.database)
    export_stamps.watch_translation_siblings(opened.database)


def _ignored_words(opened: OpenedDatabase) -> None:
    """The words "Ignore in this story" leaves alone, kept with the story: reopened, or
    opened by a colleague in team mode, it still ignores them."""
    from newsdesk.store.models import IgnoredWord

    opened.database.create_tables([IgnoredWord], safe=True)


def _sync_sequence(opened: OpenedDatabase) -> None:
    """Offline replicas: the server numbers every change of a replicated row (triggers,
    tombstones for deletions), stories flagged "needs a look" after an offline edit met a
    colleague's, and a replica's bookkeeping (``store/sync_sequence.py``)."""
    from newsdesk.store import sync_sequence

    sync_sequence.install(opened.database)


def _held_locks_index(opened: OpenedDatabase) -> None:
    """The story locks held now: every sync reads them whole (a replica keeps colleagues'
    locks), and without this index that read scanned every story (43 ms of a 65 ms idle
    sync at 100,000 stories)."""
    opened.database.execute_sql(
        "CREATE INDEX IF NOT EXISTS article_held_locks ON article (locked_at) "
        "WHERE locked_by IS NOT NULL")


MIGRATIONS: list[Migration] = [
    Migration(1, "initial schema", _initial_schema),
    Migration(2, "full-text search index", _search_index),
    Migration(3, "PostgreSQL change notifications", _notify_triggers),
    Migration(4, "PostgreSQL full-text search index", _postgres_search_index),
    Migration(5, "review queue index", _review_queue_index),
    Migration(6, "News Line and approved reviews indexes", _published_page_indexes),
    Migration(7, "export stamps", _export_stamps),
    Migration(8, "pending review counts", _review_counts),
    Migration(9, "story lock sessions", _lock_sessions),
    Migration(10, "agency identity, updates and corrections", _agency_identity),
    Migration(11, "who decided each review, dashboard indexes", _review_deciders),
    Migration(12, "spelling dictionary, archive words, translation groups",
              _spelling_and_translations),
    Migration(13, "places: coordinates of a place", _places),
    Migration(14, "story embargoes and pictures", _embargoes_and_pictures),
    Migration(15, "export stamps watch translation groups", _translation_group_stamps),
    Migration(16, "words ignored in a story", _ignored_words),
    Migration(18, "offline replicas: change sequence, needs a look", _sync_sequence),
    Migration(19, "index of the story locks held", _held_locks_index),
]


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return max(m.version for m in migrations)


def current_version(opened: OpenedDatabase) -> int:
    if not opened.database.table_exists(SchemaInfo._meta.table_name):
        return 0
    row = SchemaInfo.get_or_none(SchemaInfo.key == SCHEMA_KEY)
    if row is None:
        return 0
    try:
        return int(row.value)
    except (TypeError, ValueError):
        raise DatabaseUnavailable(f"not a usable newsdesk database (schema version "
                                  f"{row.value!r} is not a number)", file=opened.target,
                                  field=SCHEMA_KEY) from None


def migrate(opened: OpenedDatabase, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring the database to the latest schema; returns the version it was at before."""
    before = current_version(opened)
    newest = latest_version(migrations)
    if before > newest:
        raise DatabaseUnavailable(
            f"this database was written by a newer newsdesk (schema {before}; this newsdesk "
            f"knows up to {newest}); please upgrade newsdesk", file=opened.target)
    pending = [m for m in sorted(migrations, key=lambda m: m.version) if m.version > before]
    if not pending:
        return before
    if before > 0 and opened.is_sqlite:
        backup_sqlite(opened, before)
    for migration in pending:
        with opened.database.atomic():
            # Another program may have applied it while this one waited for the lock.
            if current_version(opened) >= migration.version:
                continue
            if migration.version == 1 or not opened.database.table_exists("schema_info"):
                opened.database.create_tables([SchemaInfo], safe=True)
            migration.apply(opened)
            _record_version(migration.version)
    return before


def _record_version(version: int) -> None:
    (SchemaInfo.insert(key=SCHEMA_KEY, value=str(version))
     .on_conflict(conflict_target=[SchemaInfo.key], update={SchemaInfo.value: str(version)})
     .execute())


def backup_path_for(database_file: Path, version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return database_file.with_name(f"{database_file.name}.schema{version}-{stamp}.bak")


def backup_sqlite(opened: OpenedDatabase, version: int) -> Path:
    """Copy the whole database (consistently, WAL included) before changing its schema."""
    source_file = Path(opened.database.database)
    target = backup_path_for(source_file, version)
    destination = sqlite3.connect(target)
    try:
        opened.database.connection().backup(destination)
    finally:
        destination.close()
    return target
