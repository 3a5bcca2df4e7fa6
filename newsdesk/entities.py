"""The registry of people and organisations, with aliases (spelling variants)."""

from __future__ import annotations

from collections.abc import Iterable

from newsdesk.errors import UserError
from newsdesk.folding import fold
from newsdesk.store.models import ENTITY_KINDS, Alias, Entity, database_proxy


def normalize_name(name: str) -> str:
    """The folded, whitespace-collapsed form names are matched by."""
    return " ".join(fold(name).split())


def create_entity(kind: str, name: str, *, aliases: Iterable[str] = (), description: str = "",
                  uri: str | None = None) -> Entity:
    if kind not in ENTITY_KINDS:
        raise UserError(f"unknown kind {kind!r} (person or organisation)", field="kind")
    if not name.strip():
        raise UserError("a name is required", field="name")
    with database_proxy.atomic():
        entity = Entity.create(kind=kind, name=name.strip(), normalized=normalize_name(name),
                               description=description, uri=uri)
        for alias in aliases:
            add_alias(entity, alias)
    return entity


def add_alias(entity: Entity, alias: str) -> Alias | None:
    """Record another spelling; a spelling the entity already has is not added twice."""
    normalized = normalize_name(alias)
    if not normalized or normalized == normalize_name(entity.name):
        return None
    existing = Alias.select().where((Alias.entity == entity) & (Alias.normalized == normalized))
    if existing.exists():
        return None
    return Alias.create(entity=entity, name=alias.strip(), normalized=normalized)


def find_by_name(name: str, kind: str | None = None) -> Entity | None:
    """An entity whose canonical name or alias folds to the same text as ``name``."""
    normalized = normalize_name(name)
    query = Entity.select().where(Entity.merged_into.is_null())
    if kind:
        query = query.where(Entity.kind == kind)
    by_name = query.where(Entity.normalized == normalized).first()
    if by_name:
        return by_name
    alias = (Alias.select(Alias, Entity).join(Entity)
             .where((Alias.normalized == normalized) & Entity.merged_into.is_null()))
    if kind:
        alias = alias.where(Entity.kind == kind)
    found = alias.first()
    return found.entity if found else None


def find_or_create(kind: str, name: str, *, uri: str | None = None) -> Entity:
    return find_by_name(name, kind) or create_entity(kind, name, uri=uri)
