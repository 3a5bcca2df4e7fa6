"""Writing a chunk of one table's rows into the replica at once: one prepared statement
run over the chunk (``executemany``), values converted by the model's fields as peewee
converts them. Built per row, peewee's query objects cost ~1 ms a pulled story, far more
than SQLite's own work; a prepared statement runs at SQLite's speed.

Every function runs inside the caller's write transaction (the replica's transactions
begin IMMEDIATE, so the numbers ``next_ids`` hands out are this writer's alone).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
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


def _select_in(sql: str, column: str, values: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
    """The rows of ``sql`` (ending in WHERE) whose ``column`` is one of ``values``, read
    on the bare cursor a chunk at a time (peewee's query objects cost more than the read)."""
    for start in range(0, len(values), IN_CHUNK):
        chunk = values[start:start + IN_CHUNK]
        marks = ", ".join("?" * len(chunk))
        yield from database_proxy.obj.execute_sql(f'{sql} "{column}" IN ({marks})', chunk)


def present(model: type[peewee.Model], ids: Iterable[int]) -> set[int]:
    """Which of ``ids`` the table holds."""
    key = model._meta.primary_key.column_name
    return {row[0] for row in _select_in(f'SELECT "{key}" FROM {_table(model)} WHERE', key,
                                         sorted(set(ids)))}


def by_keys(model: type[peewee.Model], keys: Sequence[str],
            wanted: Iterable[tuple[Any, ...]]) -> dict[tuple[Any, ...], list[int]]:
    """The table's rows whose natural key (``keys``, field names; no key field is a
    date or a flag, so stored values compare as they are) is one of ``wanted``: their
    ids by key, lowest first."""
    wanted = set(wanted)
    firsts = sorted({key[0] for key in wanted if key[0] is not None})
    columns = [_column(model, k).column_name for k in keys]
    select = (f'SELECT "{model._meta.primary_key.column_name}", '
              + ", ".join(f'"{c}"' for c in columns) + f" FROM {_table(model)} WHERE")
    rows = list(_select_in(select, columns[0], firsts))
    if any(key[0] is None for key in wanted):
        rows.extend(database_proxy.obj.execute_sql(f'{select} "{columns[0]}" IS NULL'))
    found: dict[tuple[Any, ...], list[int]] = {}
    for local_id, *key in rows:
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


def _converters(model: type[peewee.Model], names: Sequence[str]) -> list[Any]:
    return [_column(model, name).db_value for name in names]


def insert_rows(model: type[peewee.Model], rows: Sequence[tuple[int, dict[str, Any]]]) -> None:
    """Insert ``rows`` (id, values by field name; the model's defaults for the others,
    as peewee fills them: a story held by its header gets no text)."""
    rows = [(row_id, {**_defaults(model, values), **values}) for row_id, values in rows]
    for names, group in _by_fields(rows).items():
        columns = ", ".join(f'"{_column(model, n).column_name}"' for n in names)
        marks = ", ".join("?" * (len(names) + 1))
        key = model._meta.primary_key.column_name
        convert = _converters(model, names)
        database_proxy.obj.cursor().executemany(
            f'INSERT INTO {_table(model)} ("{key}", {columns}) VALUES ({marks})',
            [[row_id, *(c(values[n]) for c, n in zip(convert, names, strict=True))]
             for row_id, values in group])


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
        convert = _converters(model, names)
        database_proxy.obj.cursor().executemany(
            f'UPDATE {_table(model)} SET {assignments} WHERE "{key}" = ?',
            [[*(c(values[n]) for c, n in zip(convert, names, strict=True)), row_id]
             for row_id, values in group])


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
