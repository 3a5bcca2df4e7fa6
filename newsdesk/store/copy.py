"""Copying a whole newsroom database between SQLite and PostgreSQL, all-or-nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import peewee

from newsdesk.errors import UserError
from newsdesk.store.failures import database_failures
from newsdesk.store.models import (
    Alias,
    Article,
    ArticleTag,
    DismissedSuggestion,
    Entity,
    IgnoredWord,
    ModerationRule,
    NewsroomWord,
    Picture,
    PictureBlob,
    Review,
    ReviewFlag,
    Revision,
    Setting,
)
from newsdesk.store.opened import OpenedDatabase

# Parents before children, so foreign keys hold at every insert.
COPIED_MODELS: tuple[type[peewee.Model], ...] = (
    Setting, Article, Revision, Entity, Alias, ArticleTag, DismissedSuggestion, Review,
    ReviewFlag, ModerationRule, PictureBlob, Picture, IgnoredWord, NewsroomWord,
)
# Not copied: what is rebuilt from the stories (the archive's word counts, export stamps)
# or belongs to one machine (locks, a replica's sync bookkeeping).
CHUNK = 500
# Picture files are up to 40 MB each: a few at a time, not 500 (up to 20 GB in memory).
CHUNKS = {"picture_blob": 4}


@dataclass(frozen=True)
class CopyReport:
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _count(database: peewee.Database, model: type[peewee.Model]) -> int:
    with database.bind_ctx([model]):
        return model.select().count()


def _ensure_empty(target: OpenedDatabase) -> None:
    for model in (Article, Entity, Review, Revision):
        if _count(target.database, model):
            raise UserError("the target database is not empty; copy into a new one",
                            file=target.target)


def _position(fields: list[peewee.Field], wanted: peewee.Field) -> int:
    # list.index() would compare with ==, which peewee turns into an (always true) expression.
    return next(i for i, field in enumerate(fields) if field is wanted)


def _copy_model(model: type[peewee.Model], source: OpenedDatabase,
                target: OpenedDatabase) -> None:
    fields = list(model._meta.sorted_fields)
    order = model._meta.primary_key
    # Entities may point at other entities (merged_into): copy that link after every row exists.
    deferred = [f for f in fields if isinstance(f, peewee.ForeignKeyField) and f.rel_model is model]
    last = None
    chunk = CHUNKS.get(model._meta.table_name, CHUNK)
    while True:
        # A failure names the side it came from: the source or the target.
        with database_failures(source.target), source.database.bind_ctx([model]):
            query = model.select(*fields).order_by(order).limit(chunk)
            if last is not None:
                query = query.where(order > last)
            rows = list(query.tuples())
        if not rows:
            break
        last = rows[-1][_position(fields, order)]
        if deferred:
            positions = [_position(fields, f) for f in deferred]
            rows_now = [tuple(None if i in positions else v for i, v in enumerate(row))
                        for row in rows]
        else:
            rows_now = rows
        with target.database.bind_ctx([model]):
            model.insert_many(rows_now, fields=fields).execute()
            for field in deferred:
                index = _position(fields, field)
                for row in rows:
                    if row[index] is not None:
                        (model.update({field: row[index]})
                         .where(order == row[_position(fields, order)]).execute())


def _reset_sequences(target: OpenedDatabase) -> None:
    if not isinstance(target.database, peewee.PostgresqlDatabase):
        return
    for model in COPIED_MODELS:
        key = model._meta.primary_key
        if isinstance(key, peewee.AutoField):
            table = model._meta.table_name
            target.database.execute_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', '{key.column_name}'), "
                f"COALESCE((SELECT MAX({key.column_name}) FROM {table}), 0) + 1, false)")


def copy_database(source: OpenedDatabase, target: OpenedDatabase,
                  on_table: Callable[[str], None] | None = None) -> CopyReport:
    """Copy every row of ``source`` into the empty ``target`` in one transaction.

    Counts are verified per table before committing; any difference rolls everything back,
    and so does a failure of either database (a stopped server, a full disk): it is
    raised as ``DatabaseUnavailable`` naming that database.
    """
    with database_failures(target.target):
        _ensure_empty(target)
    with database_failures(source.target):
        expected = {m._meta.table_name: _count(source.database, m) for m in COPIED_MODELS}
    with database_failures(target.target), target.database.atomic():
        with target.database.bind_ctx([Setting]):
            Setting.delete().execute()
        for model in COPIED_MODELS:
            _copy_model(model, source, target)
            if on_table:
                on_table(model._meta.table_name)
        copied = {m._meta.table_name: _count(target.database, m) for m in COPIED_MODELS}
        if copied != expected:
            wrong = [f"{t}: {copied[t]} of {n}" for t, n in expected.items() if copied[t] != n]
            raise UserError("the copy did not verify (" + "; ".join(wrong) + "); nothing "
                            "was written", file=target.target)
        _reset_sequences(target)
    return CopyReport(copied)
