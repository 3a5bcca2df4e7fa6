"""Writing a chunk of one table's rows into the replica at once: one prepared statement
run over the chunk (``executemany``), values converted by the model's fields as peewee
converts them. Built per row, peewee's query objects cost ~1 ms a pulled story, far more
than SQLite's own work; a prepared statement runs at SQLite's speed.

Every function runs inside the caller's write transaction (the replica's transactions
begin IMMEDIATE, so the numbers ``next_ids`` hands out are this writer's alone).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import peewee

from newsdesk.store.models import SyncRow, database_proxy
from newsdesk.sync.bookkeeping import PAIRING_FIELDS, Pairing

# Well under SQLite's 32,766 variables in one statement.
IN_CHUNK = 500


def _table(model: type[peewee.Model]) -> str:
    return f'"{model._meta.table_name}"'


def _column(model: type[peewee.Model], name: str) -> peewee.Field:
    return model._meta.fields[name]


def present(model: type[peewee.Model], ids: Iterable[int]) -> set[int]:
    """Which of ``ids`` the table holds."""
    wanted = sorted(set(ids))
    found: set[int] = set()
    for start in range(0, len(wanted), IN_CHUNK):
        chunk = wanted[start:start + IN_CHUNK]
        found.update(i for (i,) in model.select(model._meta.primary_key)
                     .where(model._meta.primary_key.in_(chunk)).tuples())
    return found


def by_keys(model: type[peewee.Model], keys: Sequence[str],
            wanted: Iterable[tuple[Any, ...]]) -> dict[tuple[Any, ...], list[int]]:
    """The table's rows whose natural key (``keys``, field names) is one of ``wanted``:
    their ids by key, lowest first."""
    wanted = set(wanted)
    firsts = sorted({key[0] for key in wanted if key[0] is not None})
    first = _column(model, keys[0])
    fields = [model._meta.primary_key, *(_column(model, k) for k in keys)]
    conditions = [first.in_(firsts[s:s + IN_CHUNK]) for s in range(0, len(firsts), IN_CHUNK)]
    if any(key[0] is None for key in wanted):
        conditions.append(first.is_null())
    found: dict[tuple[Any, ...], list[int]] = {}
    for condition in conditions:
        for local_id, *key in model.select(*fields).where(condition).tuples():
            if tuple(key) in wanted:
                found.setdefault(tuple(key), []).append(int(local_id))
    for ids in found.values():
        ids.sort()
    return found


def next_ids(model: type[peewee.Model], count: int) -> list[int]:
    """``count`` free ids after the table's highest (as SQLite itself would number them)."""
    key = model._meta.primary_key
    (top,) = model.select(peewee.fn.MAX(key)).tuples().get()
    start = (top or 0) + 1
    return list(range(start, start + count))


def _converted(model: type[peewee.Model], names: Sequence[str],
               values: dict[str, Any]) -> list[Any]:
    return [_column(model, name).db_value(values[name]) for name in names]


def insert_rows(model: type[peewee.Model], rows: Sequence[tuple[int, dict[str, Any]]]) -> None:
    """Insert ``rows`` (id, values by field name; the model's defaults for the others,
    as peewee fills them: a story held by its header gets no text)."""
    rows = [(row_id, {**_defaults(model, values), **values}) for row_id, values in rows]
    for names, group in _by_fields(rows).items():
        columns = ", ".join(f'"{_column(model, n).column_name}"' for n in names)
        marks = ", ".join("?" * (len(names) + 1))
        key = model._meta.primary_key.column_name
        database_proxy.obj.cursor().executemany(
            f'INSERT INTO {_table(model)} ("{key}", {columns}) VALUES ({marks})',
            [[row_id, *_converted(model, names, values)] for row_id, values in group])


def _defaults(model: type[peewee.Model], given: dict[str, Any]) -> dict[str, Any]:
    key = model._meta.primary_key
    return {field.name: default() if callable(default) else default
            for field, default in model._meta.defaults.items()
            if field.name not in given and field is not key}


def update_rows(model: type[peewee.Model], rows: Sequence[tuple[int, dict[str, Any]]]) -> None:
    """Set each row's ``values`` (id, values by field name)."""
    for names, group in _by_fields(rows).items():
        assignments = ", ".join(f'"{_column(model, n).column_name}" = ?' for n in names)
        key = model._meta.primary_key.column_name
        database_proxy.obj.cursor().executemany(
            f'UPDATE {_table(model)} SET {assignments} WHERE "{key}" = ?',
            [[*_converted(model, names, values), row_id] for row_id, values in group])


def _by_fields(rows: Sequence[tuple[int, dict[str, Any]]]
               ) -> dict[tuple[str, ...], list[tuple[int, dict[str, Any]]]]:
    """Rows grouped by the fields they set (a story held by its header sets no text)."""
    groups: dict[tuple[str, ...], list[tuple[int, dict[str, Any]]]] = {}
    for row_id, values in rows:
        groups.setdefault(tuple(values), []).append((row_id, values))
    return groups


def pair_rows(pairs: Sequence[Pairing]) -> None:
    """Record each pairing, replacing any older one of its server row or its local row
    (the two unique indexes of ``sync_row``)."""
    columns = ", ".join(f'"{SyncRow._meta.fields[n].column_name}"' for n in PAIRING_FIELDS)
    marks = ", ".join("?" * len(PAIRING_FIELDS))
    database_proxy.obj.cursor().executemany(
        f"INSERT OR REPLACE INTO {_table(SyncRow)} ({columns}) VALUES ({marks})",
        [[SyncRow._meta.fields[n].db_value(getattr(row, n)) for n in PAIRING_FIELDS]
         for row in pairs])


def forget_pairs(table: str, server_ids: Sequence[int]) -> None:
    """Drop the pairings of these server rows."""
    database_proxy.obj.cursor().executemany(
        f"DELETE FROM {_table(SyncRow)} WHERE table_name = ? AND server_id = ?",
        [(table, server_id) for server_id in server_ids])
