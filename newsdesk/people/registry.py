"""The registry of people, organisations and places, with aliases (spelling variants)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from peewee import fn

from newsdesk.errors import UserError
from newsdesk.people.registry_state import bump_registry_revision
from newsdesk.search.folding import fold
from newsdesk.store.models import (
    ENTITY_KINDS,
    TAG_RELATIONS,
    Alias,
    Article,
    ArticleTag,
    DismissedSuggestion,
    Entity,
    database_proxy,
)
from newsdesk.texts import Phrase

if TYPE_CHECKING:
    from newsdesk.people.suggest import gazetteer

URI_NOT_WEB = Phrase("entity.uri_not_web",
                     "the external URI must start with http:// or https://")
NAME_REQUIRED = Phrase("entity.name_required", "a name is required")
MERGE_INTO_ITSELF = Phrase("entity.merge_into_itself", "cannot merge an entity into itself")
ALREADY_MERGED = Phrase("entity.already_merged",
                        "that entity was already merged into another one")
KIND_NAMES = {"person": Phrase("entity.kind.person", "person"),
              "organisation": Phrase("entity.kind.organisation", "organisation"),
              "place": Phrase("entity.kind.place", "place")}
RELATION_NAMES = {"about": Phrase("entity.relation.about", "about"),
                  "mentioned": Phrase("entity.relation.mentioned", "mentioned"),
                  "located": Phrase("entity.relation.located", "located")}
BAD_LATITUDE = Phrase("entity.bad_latitude", "the latitude must be a number from -90 to 90")
BAD_LONGITUDE = Phrase("entity.bad_longitude",
                       "the longitude must be a number from -180 to 180")
UNKNOWN_KIND = "unknown kind {kind!r} (person, organisation or place)"


def normalize_name(name: str) -> str:
    """The folded, whitespace-collapsed form names are matched by."""
    return " ".join(fold(name).split())


WEB_SCHEMES = ("http://", "https://")


def is_web_link(uri: str) -> bool:
    """http(s) only: an entity's URI becomes a link in exports, so ``javascript:`` and
    ``data:`` must never be one."""
    return uri.strip().lower().startswith(WEB_SCHEMES)


def checked_uri(uri: str | None) -> str | None:
    """The URI as stored (``None`` for none); raises ``UserError`` unless it is http(s)."""
    uri = (uri or "").strip()
    if uri and not is_web_link(uri):
        raise UserError(URI_NOT_WEB(), field="uri")
    return uri or None


def checked_coordinates(latitude: float | str | None, longitude: float | str | None
                        ) -> tuple[float | None, float | None]:
    """Degrees as stored; both or neither. Raises ``UserError`` naming the bad one."""
    def number(value: float | str | None, limit: float, field: str,
               message: Phrase) -> float | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            degrees = float(value)
        except (TypeError, ValueError):
            raise UserError(message(), field=field) from None
        if not -limit <= degrees <= limit:
            raise UserError(message(), field=field)
        return degrees
    lat = number(latitude, 90, "latitude", BAD_LATITUDE)
    lon = number(longitude, 180, "longitude", BAD_LONGITUDE)
    if (lat is None) != (lon is None):
        raise UserError(BAD_LATITUDE() if lat is None else BAD_LONGITUDE(),
                        field="latitude" if lat is None else "longitude")
    return lat, lon


def create_entity(kind: str, name: str, *, aliases: Iterable[str] = (), description: str = "",
                  uri: str | None = None, latitude: float | None = None,
                  longitude: float | None = None) -> Entity:
    uri = checked_uri(uri)
    if kind not in ENTITY_KINDS:
        raise UserError(UNKNOWN_KIND.format(kind=kind), field="kind")
    if not name.strip():
        raise UserError(NAME_REQUIRED(), field="name")
    latitude, longitude = checked_coordinates(latitude, longitude)
    with database_proxy.atomic():
        entity = Entity.create(kind=kind, name=name.strip(), normalized=normalize_name(name),
                               description=description, uri=uri, latitude=latitude,
                               longitude=longitude)
        for alias in aliases:
            add_alias(entity, alias)
        bump_registry_revision()
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


def find_or_create(kind: str, name: str, *, uri: str | None = None,
                   latitude: float | None = None, longitude: float | None = None,
                   aliases: Iterable[str] = ()) -> Entity:
    return find_by_name(name, kind) or create_entity(
        kind, name, uri=uri, latitude=latitude, longitude=longitude, aliases=aliases)


# -- editing -----------------------------------------------------------------------------

def get_entity(entity_id: int) -> Entity:
    entity = Entity.get_or_none(Entity.id == entity_id)
    if entity is None:
        raise UserError(f"no person, organisation or place with id {entity_id}")
    return entity


def update_entity(entity_id: int, *, name: str | None = None, kind: str | None = None,
                  description: str | None = None, uri: str | None = None,
                  aliases: Iterable[str] | None = None,
                  coordinates: tuple[float | str | None, float | str | None] | None = None
                  ) -> Entity:
    """Change what is given; ``aliases`` replaces the whole list (order kept, duplicates
    and spellings equal to the name dropped); ``coordinates`` (latitude, longitude) with
    two Nones clears them."""
    entity = get_entity(entity_id)
    if coordinates is not None:
        entity.latitude, entity.longitude = checked_coordinates(*coordinates)
    if name is not None:
        if not name.strip():
            raise UserError(NAME_REQUIRED(), field="name")
        entity.name = name.strip()
        entity.normalized = normalize_name(name)
    if kind is not None:
        if kind not in ENTITY_KINDS:
            raise UserError(UNKNOWN_KIND.format(kind=kind), field="kind")
        entity.kind = kind
    if description is not None:
        entity.description = description.strip()
    if uri is not None:
        entity.uri = checked_uri(uri)
    with database_proxy.atomic():
        entity.save()
        if aliases is not None:
            Alias.delete().where(Alias.entity == entity).execute()
            for alias in aliases:
                add_alias(entity, alias)
        bump_registry_revision()
    return entity


def add_aliases(entity_id: int, spellings: Iterable[str]) -> list[str]:
    """Record spellings seen in a story as aliases; returns the ones that were new."""
    entity = get_entity(entity_id)
    added = []
    with database_proxy.atomic():
        for spelling in spellings:
            if add_alias(entity, spelling) is not None:
                added.append(spelling.strip())
        bump_registry_revision()
    return added


def aliases_of(entity_id: int) -> list[str]:
    return [a.name for a in Alias.select().where(Alias.entity == entity_id).order_by(Alias.id)]


# -- merging -----------------------------------------------------------------------------

@dataclass
class MergeRecord:
    """What a merge changed, so ``undo_merge`` can put every row back."""

    source_id: int
    target_id: int
    moved_tags: list[int]  # ArticleTag ids re-pointed from source to target
    dropped_tags: list[tuple[int, str]]  # (article, relation) the target already carried
    moved_aliases: list[int]  # Alias ids re-pointed
    created_aliases: list[int]  # aliases added to the target (the source's name)
    dropped_aliases: list[tuple[int, str, str]] = field(default_factory=list)


def merge_entities(source_id: int, target_id: int) -> MergeRecord:
    """Merge ``source`` into ``target``: its tags and spellings move, it is marked
    ``merged_into`` (kept, not deleted) so the merge can be undone."""
    if source_id == target_id:
        raise UserError(MERGE_INTO_ITSELF())
    source, target = get_entity(source_id), get_entity(target_id)
    if source.merged_into_id is not None or target.merged_into_id is not None:
        raise UserError(ALREADY_MERGED())
    with database_proxy.atomic():
        tagged = {t.article_id for t in ArticleTag.select().where(ArticleTag.entity == target)}
        moved_tags, dropped_tags = [], []
        for tag in ArticleTag.select().where(ArticleTag.entity == source):
            if tag.article_id in tagged:
                dropped_tags.append((tag.article_id, tag.relation))
                tag.delete_instance()
            else:
                moved_tags.append(tag.id)
        ArticleTag.update(entity=target).where(ArticleTag.id.in_(moved_tags)).execute()
        target_spellings = {normalize_name(target.name)} | {
            a.normalized for a in Alias.select().where(Alias.entity == target)}
        moved_aliases, dropped_aliases = [], []
        for alias in Alias.select().where(Alias.entity == source):
            if alias.normalized in target_spellings:
                dropped_aliases.append((alias.id, alias.name, alias.normalized))
                alias.delete_instance()
            else:
                moved_aliases.append(alias.id)
                target_spellings.add(alias.normalized)
        Alias.update(entity=target).where(Alias.id.in_(moved_aliases)).execute()
        created = add_alias(target, source.name)
        Entity.update(merged_into=target).where(Entity.id == source.id).execute()
        bump_registry_revision()
    return MergeRecord(source.id, target.id, moved_tags, dropped_tags, moved_aliases,
                       [created.id] if created else [], dropped_aliases)


def undo_merge(record: MergeRecord) -> None:
    """Put back exactly what ``merge_entities`` changed."""
    with database_proxy.atomic():
        Alias.delete().where(Alias.id.in_(record.created_aliases)).execute()
        Alias.update(entity=record.source_id).where(Alias.id.in_(record.moved_aliases)).execute()
        for alias_id, name, normalized in record.dropped_aliases:
            Alias.create(id=alias_id, entity=record.source_id, name=name, normalized=normalized)
        (ArticleTag.update(entity=record.source_id)
         .where(ArticleTag.id.in_(record.moved_tags)).execute())
        for article_id, relation in record.dropped_tags:
            ArticleTag.create(article=article_id, entity=record.source_id, relation=relation)
        Entity.update(merged_into=None).where(Entity.id == record.source_id).execute()
        bump_registry_revision()


# -- tagging -----------------------------------------------------------------------------

def tag_article(article_id: int, entity_id: int, relation: str = "about") -> ArticleTag:
    """Tag a story (or change the relation of an existing tag)."""
    if relation not in TAG_RELATIONS:
        raise UserError(f"unknown relation {relation!r} (about, mentioned or located)",
                        field="relation")
    entity = get_entity(entity_id)
    if entity.merged_into_id is not None:
        entity = get_entity(entity.merged_into_id)
    with database_proxy.atomic():
        tag, created = ArticleTag.get_or_create(article=article_id, entity=entity,
                                                defaults={"relation": relation})
        if not created and tag.relation != relation:
            tag.relation = relation
            tag.save()
    return tag


def place_from_gazetteer(name: str) -> Entity | None:
    """The registry's place for a place the gazetteer knows (created on first use, with its
    names in en, az and ru, its URI and coordinates), or None for a name it does not know."""
    from newsdesk.people.suggest.gazetteer import lookup  # rapidfuzz: not at start

    found = lookup(name)
    return None if found is None else registry_place(found)


def registry_place(place: gazetteer.Place) -> Entity:
    """The newsroom's entry for a gazetteer place: one already carrying its URI or one of its
    names, else a new one."""
    existing = (Entity.select().where((Entity.kind == "place") & (Entity.uri == place.uri)
                                      & Entity.merged_into.is_null()).first())
    for spelling in place.spellings:
        if existing is not None:
            break
        existing = find_by_name(spelling, "place")
    if existing is not None:
        return existing
    return create_entity("place", place.en, aliases=place.spellings[1:], uri=place.uri,
                         latitude=place.latitude, longitude=place.longitude)


def tag_dateline_place(article_id: int) -> ArticleTag | None:
    """Tag the story's dateline place ``located`` when the registry or the gazetteer knows
    the place (by name or alias, folded): the dateline says where the story happens. A story
    that has a ``located`` place already (its file named it) keeps what it has."""
    article = Article.get_or_none(Article.id == article_id)
    place = (article.dateline_place or "").strip() if article else ""
    if not place or ArticleTag.select().where((ArticleTag.article == article_id)
                                              & (ArticleTag.relation == "located")).exists():
        return None
    entity = find_by_name(place, "place") or place_from_gazetteer(place)
    if entity is None:
        return None
    existing = ArticleTag.get_or_none((ArticleTag.article == article_id)
                                      & (ArticleTag.entity == entity))
    if existing is not None:
        return existing  # the editor's own relation for it stands
    return tag_article(article_id, entity.id, "located")


def untag_article(article_id: int, entity_id: int) -> bool:
    return bool(ArticleTag.delete().where((ArticleTag.article == article_id)
                                          & (ArticleTag.entity == entity_id)).execute())


def dismiss_suggestion(article_id: int, key: str) -> None:
    (DismissedSuggestion.insert(article=article_id, key=key)
     .on_conflict_ignore().execute())


def dismissed_keys(article_id: int) -> set[str]:
    return {d.key for d in DismissedSuggestion.select(DismissedSuggestion.key)
            .where(DismissedSuggestion.article == article_id)}


# -- lookups for the window --------------------------------------------------------------

def complete(text: str, limit: int = 20, *,
             build_index: bool = True) -> list[tuple[int, str, str, str]]:
    """Entities whose name or alias contains ``text`` (folded), or shares its spelling
    variant: ``(id, kind, name, matched spelling)``, names starting with it first.
    ``build_index=False`` skips variants while the suggestion index is being rebuilt."""
    needle = normalize_name(text)
    if not needle:
        return []
    pattern = f"%{needle}%"
    by_name = (Entity.select(Entity.id, Entity.kind, Entity.name, Entity.name)
               .where(Entity.merged_into.is_null() & (Entity.normalized ** pattern))
               .limit(limit).tuples())
    by_alias = (Alias.select(Entity.id, Entity.kind, Entity.name, Alias.name).join(Entity)
                .where(Entity.merged_into.is_null() & (Alias.normalized ** pattern))
                .limit(limit).tuples())
    found: dict[int, tuple[int, str, str, str]] = {}
    for row in [*by_name, *by_alias]:
        found.setdefault(row[0], row)
    from newsdesk.people.suggest import registry_index  # rapidfuzz: not at start

    index = registry_index(build=build_index) if len(found) < limit else None
    if index is not None:
        for entity_id in sorted(i for i in index.variant_matches(text) if i > 0):
            if len(found) >= limit:
                break
            entity = index.entities[entity_id]
            found.setdefault(entity_id, (entity_id, entity.kind, entity.name, entity.name))
    return sorted(found.values(),
                  key=lambda r: (not normalize_name(r[3]).startswith(needle), r[2].casefold()))


def stories_of(entity_id: int) -> list[tuple[int, str, str, str]]:
    """``(article id, headline, status, relation)`` of the stories tagged with an entity."""
    rows = (ArticleTag.select(Article.id, Article.headline, Article.status, ArticleTag.relation)
            .join(Article).where((ArticleTag.entity == entity_id)
                                 & Article.deleted_at.is_null())
            .order_by(Article.updated_at.desc()).tuples())
    return list(rows)


# -- the registry list (People & Organisations mode) -------------------------------------

def _registry_query(search: str, build_index: bool = True):
    """Entities (not merged away) matching ``search`` in name or alias, folded, or as a
    spelling variant; one story count per row comes from a correlated subquery."""
    query = Entity.select().where(Entity.merged_into.is_null())
    needle = normalize_name(search)
    if needle:
        pattern = f"%{needle}%"
        in_alias = Alias.select(Alias.entity).where(Alias.normalized ** pattern)
        condition = (Entity.normalized ** pattern) | Entity.id.in_(in_alias)
        from newsdesk.people.suggest import registry_index  # rapidfuzz: not at start

        index = registry_index(build=build_index)
        variants = ({i for i in index.variant_matches(search) if i > 0}
                    if index is not None else set())
        if variants and len(variants) <= 500:
            condition |= Entity.id.in_(sorted(variants))
        query = query.where(condition)
    return query


def registry_page(search: str = "", offset: int = 0, limit: int = 200, *,
                  build_index: bool = True) -> list[tuple[int, str, str, int]]:
    """``(id, name, kind, number of stories)`` sorted by name, one page."""
    stories = (ArticleTag.select(fn.COUNT(ArticleTag.id)).join(Article)
               .where((ArticleTag.entity == Entity.id) & Article.deleted_at.is_null()))
    query = (_registry_query(search, build_index)
             .select(Entity.id, Entity.name, Entity.kind, stories.alias("stories"))
             .order_by(fn.LOWER(Entity.name), Entity.id).offset(offset).limit(limit))
    return list(query.tuples())


def registry_count(search: str = "", *, build_index: bool = True) -> int:
    return _registry_query(search, build_index).count()


def aliases_for(entity_ids: Iterable[int]) -> dict[int, list[str]]:
    """Aliases of just these entities (one query), for the rows on screen."""
    found: dict[int, list[str]] = {}
    ids = list(entity_ids)
    if not ids:
        return found
    rows = (Alias.select(Alias.entity, Alias.name).where(Alias.entity.in_(ids))
            .order_by(Alias.id).tuples())
    for entity_id, name in rows:
        found.setdefault(entity_id, []).append(name)
    return found
