"""A row removed in a replica keeps its pairing apart from any row numbered after it.

SQLite numbers a new row after the highest there is, so a row added after the highest one
was removed takes its number. Its pairing in ``sync_row`` then named the new row, which a
sync took for the server's: a tag removed offline and another added (on any story) left
the server with the removed tag and without the new one, for good. A trigger on each
replicated table gives the pairing of a removed row a negative local id of its own (the
lowest of its table's, less one): still a row removed here to the sync (no row has that
id), never the pairing of another row.
"""

from __future__ import annotations

from newsdesk.store.models import Article, SyncRow, database_proxy
from newsdesk.sync.bookkeeping import GROUP_TABLE
from newsdesk.sync.tables import BLOBS, SPECS

# A trigger is made once (IF NOT EXISTS): one whose SQL changes needs a name of its own.
TRIGGER_PREFIX = "sync_row_removed_"
_PAIRS = SyncRow._meta.table_name
# The next mark of a pairing's table: below every local id of the table's pairings.
_NEXT_MARK = (f'SELECT min(0, coalesce(min(marks.local_id), 0)) - 1 FROM "{_PAIRS}" AS marks '
              "WHERE marks.table_name = {table}")


def mark_removed_rows() -> None:
    """Install the triggers where they are missing (models bound to the replica; every
    sync does, so a replica made before them has them from its next sync on)."""
    database = database_proxy.obj
    for spec in (*SPECS.values(), BLOBS):
        table, key = spec.name, spec.model._meta.primary_key.column_name
        # A story's translation group as pulled is paired under its id too.
        names = (table, GROUP_TABLE) if spec.model is Article else (table,)
        paired_as = ", ".join(f"'{name}'" for name in names)
        next_mark = _NEXT_MARK.format(table=f'"{_PAIRS}".table_name')
        database.execute_sql(
            f'CREATE TRIGGER IF NOT EXISTS "{TRIGGER_PREFIX}{table}" AFTER DELETE ON '
            f'"{table}" BEGIN UPDATE "{_PAIRS}" SET local_id = ({next_mark}) '
            f'WHERE table_name IN ({paired_as}) AND local_id = OLD."{key}"; END')


def removed_marks(table: str, count: int) -> list[int]:
    """``count`` marks for pairings of rows of ``table`` removed here (written by the
    caller before any other mark of that table is taken)."""
    if not count:
        return []  # most pulled chunks (no query for them)
    (first,) = database_proxy.obj.execute_sql(_NEXT_MARK.format(table="?"),
                                              (table,)).fetchone()
    return [first - step for step in range(count)]


def removed(local_id: int | None) -> bool:
    """Whether a pairing's local id is the mark of a row removed here."""
    return local_id is not None and local_id < 0
