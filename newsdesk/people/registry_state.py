"""The registry's state, read and moved in SQL: the suggestion index is rebuilt when it
changes, and built from the rows read here."""

from __future__ import annotations

from newsdesk.store.dialect import in_param_style
from newsdesk.store.models import Alias, Entity, Setting, database_proxy

REGISTRY_REVISION_KEY = "registry_revision"


def bump_registry_revision() -> None:
    """Record that the registry changed; call inside the write's transaction."""
    current = Setting.get_value(REGISTRY_REVISION_KEY)
    Setting.put(REGISTRY_REVISION_KEY, str(int(current) + 1) if current else "1")


def registry_stamp() -> tuple:
    """Changes whenever the registry does: the revision counter plus row counts and maxima
    (so rows written by raw SQL, as the benchmark's generator does, are noticed too)."""
    database = database_proxy.obj
    row = database.execute_sql(in_param_style(
        "SELECT (SELECT value FROM setting WHERE key = ?), (SELECT count(*) FROM entity), "
        "(SELECT max(id) FROM entity), (SELECT count(*) FROM alias), "
        "(SELECT max(id) FROM alias)"), (REGISTRY_REVISION_KEY,)).fetchone()
    return (id(database), getattr(database, "database", None), *row)


def registry_rows() -> list[tuple[int, str, str, list[str]]]:
    """``(id, kind, name, aliases)`` of every entity not merged away, in two queries."""
    aliases: dict[int, list[str]] = {}
    for entity_id, name in Alias.select(Alias.entity, Alias.name).order_by(Alias.id).tuples():
        aliases.setdefault(entity_id, []).append(name)
    rows = (Entity.select(Entity.id, Entity.kind, Entity.name)
            .where(Entity.merged_into.is_null()).order_by(Entity.id).tuples())
    return [(entity_id, kind, name, aliases.get(entity_id, [])) for entity_id, kind, name in rows]
