"""Word counts of the newsroom's published stories, per language: the list Azerbaijani is
checked against. Counted incrementally: each published story version once (a story
published again after an edit adds the words of its new version)."""

from __future__ import annotations

from collections import Counter

from peewee import JOIN, fn

from newsdesk.spelling.dictionaries import lower
from newsdesk.spelling.words import words_to_check
from newsdesk.store.models import ArchiveStory, ArchiveWord, Article, database_proxy

BATCH = 500


def refresh(language: str) -> int:
    """Count the words of the published ``language`` stories not counted yet (or counted
    at an older version); returns how many stories were added."""
    pending = (Article.select(Article.id, Article.version, Article.headline, Article.body,
                              Article.footnote)
               .join(ArchiveStory, on=(ArchiveStory.article_id == Article.id),
                     join_type=JOIN.LEFT_OUTER)
               .where((Article.status == "published") & Article.deleted_at.is_null()
                      & (Article.language == language)
                      & (ArchiveStory.article_id.is_null()
                         | (ArchiveStory.version != Article.version)))
               .tuples())
    rows = list(pending)
    for start in range(0, len(rows), BATCH):
        _count(language, rows[start:start + BATCH])
    return len(rows)


def _count(language: str, rows: list[tuple[int, int, str, str, str]]) -> None:
    counts: Counter[str] = Counter()
    for _, _, *parts in rows:
        counts.update({lower(word.text, language)
                       for part in parts for word in words_to_check(part or "")})
    with database_proxy.atomic():
        for word, stories in counts.items():
            (ArchiveWord.insert(language=language, word=word, stories=stories)
             .on_conflict(conflict_target=[ArchiveWord.language, ArchiveWord.word],
                          update={ArchiveWord.stories: ArchiveWord.stories + stories})
             .execute())
        for article_id, version, *_ in rows:
            (ArchiveStory.insert(article_id=article_id, version=version)
             .on_conflict(conflict_target=[ArchiveStory.article_id],
                          update={ArchiveStory.version: version})
             .execute())


def word_counts(language: str) -> dict[str, int]:
    return dict(ArchiveWord.select(ArchiveWord.word, ArchiveWord.stories)
                .where(ArchiveWord.language == language).tuples())


def size(language: str) -> int:
    return (ArchiveWord.select(fn.COUNT(ArchiveWord.id))
            .where(ArchiveWord.language == language).scalar() or 0)
