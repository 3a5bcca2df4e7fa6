"""The few SQL spellings that differ between SQLite and PostgreSQL, in one place."""

from __future__ import annotations

import peewee

from newsdesk.store.models import database_proxy


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
