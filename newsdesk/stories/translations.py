"""Translation groups: one story told in several languages (the same event), each a story
of its own, linked so that the desk and readers can go from one to the others."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from newsdesk.errors import UserError
from newsdesk.store.models import Article, ArticleTag, database_proxy
from newsdesk.stories import articles
from newsdesk.stories.translation_groups import siblings

# What a translation starts with from its source: where and when, the desk's marks.
COPIED_FIELDS = ("dateline_place", "dateline_date", "dateline_source", "desk_code",
                 "section", "byline", "urgency")


def link(refs: Sequence[str | int], *, group: str | None = None) -> list[Article]:
    """Put the stories ``refs`` name (and those already linked to them) into one group:
    the group one of them is in already, else ``group`` (a new one when None). Refused,
    with nothing changed, when two of them are in the same language."""
    chosen = [articles.get_article(ref) for ref in refs]
    if len({a.id for a in chosen}) < 2:
        raise UserError("name at least two different stories to link")
    groups = {a.translation_group for a in chosen if a.translation_group}
    members = {a.id: a for a in chosen}
    if groups:
        for other in Article.select().where(Article.translation_group.in_(list(groups))
                                            & Article.deleted_at.is_null()):
            members.setdefault(other.id, other)
    by_language: dict[str, Article] = {}
    for member in members.values():
        earlier = by_language.setdefault(member.language, member)
        if earlier.id != member.id:
            raise UserError(f"{earlier.slug!r} and {member.slug!r} are both in "
                            f"{member.language!r}: a group holds one story per language")
    group = sorted(groups)[0] if groups else (group or str(uuid.uuid4()))
    with database_proxy.atomic():
        (Article.update(translation_group=group)
         .where(Article.id.in_(list(members)) | Article.translation_group.in_(list(groups)))
         .execute())
    return sorted(members.values(), key=lambda a: (a.language, a.id))


def unlink(ref: str | int) -> None:
    """Take one story out of its group (the others stay linked)."""
    article = articles.get_article(ref)
    Article.update(translation_group=None).where(Article.id == article.id).execute()


def make_translation(source_id: int, language: str, *, author: str = "") -> Article:
    """A new draft in ``language`` linked to ``source_id``: its dateline, desk code, section,
    byline, urgency, tags and pictures (the same files, captions, credits and alt texts)
    copied, the headline and body left to the translator."""
    source = articles.get_article(source_id)
    if source.language == language:
        raise UserError(f"the story is already in {language!r}", field="language")
    taken = [s for s in siblings(source) if s.language == language]
    if taken:
        raise UserError(f"the story has a translation in {language!r} already: "
                        f"{taken[0].slug!r}", field="language")
    fields = {name: getattr(source, name) for name in COPIED_FIELDS}
    fields.update(language=language, status="draft")
    with database_proxy.atomic():
        group = source.translation_group or str(uuid.uuid4())
        if not source.translation_group:
            Article.update(translation_group=group).where(Article.id == source.id).execute()
        made = articles.create_article(fields, author=author, reason="translation")
        Article.update(translation_group=group).where(Article.id == made.id).execute()
        for tag in ArticleTag.select().where(ArticleTag.article == source.id):
            ArticleTag.create(article=made.id, entity=tag.entity_id, relation=tag.relation)
        # Imported here: the window's translations links import this module at start.
        from newsdesk.stories import pictures

        pictures.copy_pictures(source.id, made.id)
    return Article.get_by_id(made.id)
