"""Translation groups read back from files: an imported story joins the group of its
translations already stored (found by their identity) and of the other stories of the
same import that name its group (ninjs carries both; see ``formats/ninjs.py``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsdesk.errors import UserError
from newsdesk.formats.imported import ImportedStory
from newsdesk.store.models import Article
from newsdesk.stories import translations

_URN_UUID = re.compile(r"urn:uuid:([0-9a-fA-F-]{36})")


def restore_translations(imported: Sequence[tuple[ImportedStory, int]]) -> list[str]:
    """Link each imported story (with the id it was stored as) to its translations: those
    stored (by uuid or agency uri) and those of this import in the same group. A set of
    stories that would hold two in one language is left as it was; returns one line for
    each such set."""
    named = [(story, article_id) for story, article_id in imported
             if story.translation_group]
    parent: dict[int, int] = {}

    def root(article_id: int) -> int:
        parent.setdefault(article_id, article_id)
        while parent[article_id] != article_id:
            parent[article_id] = parent[parent[article_id]]
            article_id = parent[article_id]
        return article_id

    def join(first: int, second: int) -> None:
        parent[root(second)] = root(first)

    first_of_group: dict[str, int] = {}
    file_group: dict[int, str] = {}
    for story, article_id in named:
        group = str(story.translation_group)
        file_group.setdefault(article_id, group)
        join(first_of_group.setdefault(group, article_id), article_id)
        for sibling in _stored(story.translation_uris):
            if sibling != article_id:
                join(article_id, sibling)
    sets: dict[int, list[int]] = {}
    for article_id in list(parent):
        sets.setdefault(root(article_id), []).append(article_id)
    refused = []
    for members in sets.values():
        group = next(file_group[m] for m in sorted(members) if m in file_group)
        if len(members) == 1:  # its translations may come in a later import
            (Article.update(translation_group=group)
             .where((Article.id == members[0]) & Article.translation_group.is_null())
             .execute())
            continue
        try:
            translations.link(sorted(members), group=group)
        except UserError as exc:
            refused.append(f"translations not linked: {exc}")
    return refused


def _stored(uris: Sequence[str]) -> list[int]:
    """The live stories these ninjs uris name: ``urn:uuid:`` ours, any other an agency's."""
    uuids = [m[1].lower() for m in (_URN_UUID.fullmatch(u.strip()) for u in uris) if m]
    others = [u.strip() for u in uris if not _URN_UUID.fullmatch(u.strip())]
    if not uuids and not others:
        return []
    condition = Article.uuid.in_(uuids) | Article.agency_uri.in_(others)
    return [a.id for a in Article.select(Article.id)
            .where(condition & Article.deleted_at.is_null()).order_by(Article.id)]
