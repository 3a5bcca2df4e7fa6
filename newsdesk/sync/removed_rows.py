"""A row removed in a replica keeps its pairing apart from any row numbered after it.

SQLite numbers a new row after the highest there is, so a row added after the highest one
was removed takes its number. Its pairing in ``sync_row`` then named the new row, which a
sync took for the server's: a tag removed offline and another added (on any story) left
the server with the removed tag and without the new one, for good. A trigger on each
replicated table turns the pairing of a removed row to the negative of its id: still a
row removed here to the sync (no row has that id), and never the pairing of a new one.
"""

from __future__ import annotations

from newsdesk.store.models import Article, SyncRow, database_proxy
from newsdesk.sync.bookkeeping import GROUP_TABLE
from newsdesk.sync.tables import BLOBS, SPECS

# A trigger is made once (IF NOT EXISTS): one whose SQL changes needs a name of its own.
TRIGGER_PREFIX = "sync_row_removed_"


def mark_removed_rows() -> None:
    """Install the triggers where they are missing (models bound to the replica; every
    sync does, so a replica made before them has them from its next sync on)."""
    database = database_proxy.obj
    pairs = SyncRow._meta.table_name
    for spec in (*SPECS.values(), BLOBS):
        table, key = spec.name, spec.model._meta.primary_key.column_name
        # A story's translation group as pulled is paired under its id too.
        names = (table, GROUP_TABLE) if spec.model is Article else (table,)
        paired_as = ", ".join(f"'{name}'" for name in names)
        # OR REPLACE: the pairing of a row removed earlier with the same number (whose
        # removal a sync has not settled yet) gives way rather than fail the removal.
        database.execute_sql(
            f'CREATE TRIGGER IF NOT EXISTS "{TRIGGER_PREFIX}{table}" AFTER DELETE ON '
            f'"{table}" BEGIN UPDATE OR REPLACE "{pairs}" SET local_id = -OLD."{key}" '
            f'WHERE table_name IN ({paired_as}) AND local_id = OLD."{key}"; END')


def removed_mark(local_id: int) -> int:
    """What the pairing of the replica's row ``local_id`` holds once the row is removed."""
    return -local_id


def removed(local_id: int | None) -> bool:
    """Whether a pairing's local id is the mark of a row removed here."""
    return local_id is not None and local_id < 0
