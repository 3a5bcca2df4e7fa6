"""Reading translation groups: a story's siblings in other languages."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsdesk.store.models import Article


def siblings(article: Article) -> list[Article]:
    """The other live stories of ``article``'s group, by language."""
    if not article.translation_group:
        return []
    return list(Article.select()
                .where((Article.translation_group == article.translation_group)
                       & (Article.id != article.id) & Article.deleted_at.is_null())
                .order_by(Article.language, Article.id))


def translations_of(article: Article) -> list[dict[str, Any]]:
    """``show --json``'s ``translations``: each sibling's language, slug and uuid."""
    return [{"language": s.language, "slug": s.slug, "uuid": s.uuid, "id": s.id}
            for s in siblings(article)]


def languages_in_order(own: str, group: Iterable[str]) -> list[str]:
    """A story's languages as the list shows them: its own first, then its translations'
    alphabetically (``en · az · ru``), so sorting by language sorts by the first."""
    return ([own] if own else []) + sorted(set(group) - {own, ""})
