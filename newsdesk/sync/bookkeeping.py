"""A replica's bookkeeping (its ``sync_state``, ``sync_row`` and ``sync_keep`` tables):
read and written with the models bound to the replica."""

from __future__ import annotations

from dataclasses import dataclass, fields

from newsdesk.store.models import SyncKeep, SyncRow, SyncState, database_proxy

SERVER_KEY = "server_id"  # the server's database identity
LAST_SEQ_KEY = "last_seq"  # the highest change number pulled
OPEN_XIDS_KEY = "open_xids"  # transactions open at the last pull, read again next time
KEEP_ALL_KEY = "keep_all"  # "1": every story's full text
# The replica's highest export stamp when the last complete sync read its changes. Every
# write of a story here moves its stamp above every other (the stamps' triggers; they never
# go back), so the stories changed since are found by the stamp's index, not by comparing
# each of 100,000 stories with its pairing.
STAMP_SEEN_KEY = "stamp_seen"
# A story's translation group as pulled, kept (for stories in a group only) as a pairing
# of this pseudo-table: the group in ``base_hash``.
GROUP_TABLE = "article_group"
GROUPS_KEPT_KEY = "groups_kept"  # "1": the groups as pulled are kept (see seed_groups)


def state(key: str, default: str = "") -> str:
    row = SyncState.get_or_none(SyncState.key == key)
    return row.value if row is not None else default


def put_state(key: str, value: str) -> None:
    (SyncState.insert(key=key, value=value)
     .on_conflict(conflict_target=[SyncState.key], update={SyncState.value: value})
     .execute())


@dataclass(slots=True)
class Pairing:
    """One ``sync_row`` as plain values (a replica of 100,000 stories holds as many: model
    instances cost several times more to build)."""

    table_name: str
    server_id: int
    local_id: int
    base_hash: str = ""
    base_version: int = 0
    base_deleted: bool = False
    parent_id: int = 0
    full: bool = True


PAIRING_FIELDS = tuple(f.name for f in fields(Pairing))


def pairings(table: str, column: str, ids: list[int]) -> list[Pairing]:
    """The table's pairings whose ``column`` (server_id or local_id) is one of ``ids``
    (read on the bare cursor: peewee's conversions cost more than the read)."""
    columns = ", ".join(SyncRow._meta.fields[name].column_name for name in PAIRING_FIELDS)
    marks = ", ".join("?" * len(ids))
    cursor = database_proxy.obj.execute_sql(
        f"SELECT {columns} FROM sync_row WHERE table_name = ? AND {column} IN ({marks})",
        (table, *ids))
    return [Pairing(name, server_id, local_id, base_hash, base_version, bool(base_deleted),
                    parent_id, bool(full))
            for name, server_id, local_id, base_hash, base_version, base_deleted, parent_id,
            full in cursor]


def remember(table: str, server_id: int, local_id: int, *, base_hash: str = "",
             base_version: int = 0, base_deleted: bool = False, parent_id: int = 0,
             full: bool = True, new: bool = False) -> None:
    """Record (or move) the pairing of a server row with a local one, and its base;
    ``new``: neither row is paired yet (nothing to replace)."""
    if not new:
        SyncRow.delete().where((SyncRow.table_name == table) & (
            (SyncRow.server_id == server_id) | (SyncRow.local_id == local_id))).execute()
    SyncRow.insert(table_name=table, server_id=server_id, local_id=local_id,
                   base_hash=base_hash, base_version=base_version, base_deleted=base_deleted,
                   parent_id=parent_id, full=full).execute()


def server_ids(table: str, *, full_only: bool = False) -> set[int]:
    """The server ids of the table's pulled rows (of stories held in full)."""
    query = SyncRow.select(SyncRow.server_id).where(SyncRow.table_name == table)
    if full_only:
        query = query.where(SyncRow.full)
    return {server_id for (server_id,) in query.tuples()}


def forget(table: str, server_id: int) -> None:
    SyncRow.delete().where((SyncRow.table_name == table)
                           & (SyncRow.server_id == server_id)).execute()


def kept_uuids() -> set[str]:
    return {uuid for (uuid,) in SyncKeep.select(SyncKeep.uuid).tuples()}


def keep(uuids: list[str]) -> None:
    for uuid in uuids:
        SyncKeep.insert(uuid=uuid).on_conflict_ignore().execute()


def seed_groups() -> None:
    """Once per replica: the groups of the stories pulled before groups as pulled were
    kept, taken as they are here (a link made offline before then stays here, as it did;
    it is never mistaken for a link to send over a colleague's unlinking)."""
    if state(GROUPS_KEPT_KEY):
        return
    database_proxy.obj.execute_sql(
        "INSERT OR REPLACE INTO sync_row (table_name, server_id, local_id, base_hash, "
        "base_version, base_deleted, parent_id, \"full\") "
        f"SELECT '{GROUP_TABLE}', s.server_id, s.local_id, a.translation_group, 0, 0, 0, 1 "
        "FROM sync_row s JOIN article a ON a.id = s.local_id "
        "WHERE s.table_name = 'article' AND a.translation_group IS NOT NULL")
    put_state(GROUPS_KEPT_KEY, "1")
