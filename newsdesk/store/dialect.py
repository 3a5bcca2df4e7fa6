"""The few SQL spellings that differ between SQLite and PostgreSQL, in one place."""

from __future__ import annotations

import re
from collections.abc import Sequence

import peewee

from newsdesk.store.models import database_proxy

# Text that cannot be stored everywhere: NUL (PostgreSQL refuses it, so ``db copy`` would
# fail) and lone UTF-16 surrogates (not UTF-8; JSON's and YAML's "\ud800" escapes make them).
UNSTORABLE_TEXT = re.compile("[\x00\ud800-\udfff]")


def unstorable_reason(text: str) -> str | None:
    """Why ``text`` cannot be stored, or ``None`` when it can."""
    found = UNSTORABLE_TEXT.search(text)
    if found is None:
        return None
    if found.group() == "\x00":
        return "contains a NUL character (\\0)"
    return f"contains a lone UTF-16 surrogate (\\u{ord(found.group()):04x}), not text"


def is_postgres() -> bool:
    return isinstance(database_proxy.obj, peewee.PostgresqlDatabase)


def string_agg(expression: peewee.Node, separator: str = ",") -> peewee.Node:
    """Concatenate a group's values: ``group_concat`` on SQLite, ``string_agg`` on PostgreSQL."""
    if is_postgres():
        return peewee.fn.STRING_AGG(expression, separator)
    return peewee.fn.GROUP_CONCAT(expression, separator)


def in_param_style(sql: str) -> str:
    """Raw SQL written with ``?`` parameter marks, in the open database's parameter style."""
    param = database_proxy.obj.param
    return sql if param == "?" else sql.replace("?", param)


def install_sql(database: peewee.Database, sqlite: Sequence[str],
                postgres: Sequence[str]) -> None:
    """Run a migration step's statements for the kind of database it is."""
    chosen = postgres if isinstance(database, peewee.PostgresqlDatabase) else sqlite
    for statement in chosen:
        database.execute_sql(statement)


def postgres_review_status_function(name: str, status: str, leaving: str,
                                    entering: str) -> str:
    """A PostgreSQL trigger function on ``review`` that runs ``leaving`` (SQL using OLD)
    when a review of ``status`` is updated away or deleted, and ``entering`` (using NEW)
    when one is inserted or updated into it."""
    return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = '{status}' THEN
        {leaving}
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status = '{status}' THEN
        {entering}
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""
