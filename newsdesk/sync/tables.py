"""How each replicated table is matched and linked in a replica.

A replica numbers its rows itself (a story created offline must never take a number the
server gives a colleague's story), so every pulled row is paired with its server id in
``sync_row``, and its links to other rows are translated through those pairs. A pulled
row not yet paired is first looked for by its natural key (a story by uuid, a review by
external id, ...): that is how a row sent by a push is found again, never doubled.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import peewee

from newsdesk.store.models import (
    Alias,
    Article,
    ArticleTag,
    Entity,
    ModerationRule,
    NewsroomWord,
    Picture,
    PictureBlob,
    Review,
    ReviewFlag,
    Revision,
)
from newsdesk.store.sync_sequence import UNREPLICATED_ARTICLE_COLUMNS


@dataclass(frozen=True)
class TableSpec:
    model: type[peewee.Model]
    keys: tuple[str, ...]  # natural key (field names); () for none
    parents: dict[str, str] = field(default_factory=dict)  # link field -> parent table
    story_child: bool = False  # pulled only for stories whose full text is kept

    @property
    def name(self) -> str:
        return str(self.model._meta.table_name)


SPECS: dict[str, TableSpec] = {spec.name: spec for spec in (
    TableSpec(Entity, ("kind", "normalized"), {"merged_into": "entity"}),
    TableSpec(Alias, ("entity", "normalized"), {"entity": "entity"}),
    TableSpec(Article, ("uuid",)),
    TableSpec(ArticleTag, ("article", "entity"), {"article": "article", "entity": "entity"},
              story_child=True),
    TableSpec(Revision, (), {"article": "article"}, story_child=True),
    TableSpec(Review, ("external_id",), {"article": "article"}, story_child=True),
    TableSpec(ReviewFlag, ("review", "code"), {"review": "review"}),
    TableSpec(Picture, ("article", "blob"), {"article": "article", "blob": "picture_blob"},
              story_child=True),
    TableSpec(NewsroomWord, ("word", "language")),
    TableSpec(ModerationRule, ("kind", "value")),
)}
BLOBS = TableSpec(PictureBlob, ("sha256",))
STORY_TEXT_FIELDS = ("body", "footnote")


def pulled_fields(spec: TableSpec, *, text: bool = True) -> list[peewee.Field]:
    """The fields a pull reads (``text=False``: a story's header without its text)."""
    skipped = set(UNREPLICATED_ARTICLE_COLUMNS) if spec.model is Article else set()
    if not text:
        skipped |= set(STORY_TEXT_FIELDS)
    return [f for f in spec.model._meta.sorted_fields if f.name not in skipped]
