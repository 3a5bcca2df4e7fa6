"""Export stamps move with everything an export prints, whoever writes, on both databases."""

from __future__ import annotations

import pytest

from newsdesk.formats.outputs import export
from newsdesk.moderation import reviews
from newsdesk.people import registry as entities
from newsdesk.publish.export import ExportOptions
from newsdesk.store.export_stamps import database_identity
from newsdesk.store.models import Article, ArticleTag, ExportStamp, Review, database_proxy
from newsdesk.stories import articles, locks


def _stamp(article_id: int) -> int:
    return ExportStamp.get_by_id(article_id).stamp


def _newsroom():
    story = articles.create_article({"headline": "Budget passed", "body": "Text.",
                                     "dateline_place": "Baku", "status": "ready"})
    other = articles.create_article({"headline": "Flood relief", "body": "Text.",
                                     "dateline_place": "Baku", "status": "ready"})
    person = entities.create_entity("person", "Ali Karimli")
    entities.tag_article(story.id, person.id)
    reviews.import_records([reviews.ReviewRecord(
        {"id": "r1", "article": story.slug, "author": "Reader", "text": "Useful.",
         "submitted": "2023-03-15T10:00:00Z"}, 1)], "test")
    return story, other, person


def _moves(story_id: int, change) -> bool:
    before = _stamp(story_id)
    change()
    return _stamp(story_id) != before


def _changes_that_move_the_stamp(story, person):
    review = Review.get(Review.article == story.id)
    return {
        "body saved": lambda: articles.save_article(
            story.id, {"body": "New text."}, expected_version=Article.get_by_id(story.id).version),
        "status": lambda: articles.set_status(story.id, "published"),
        "tag removed": lambda: entities.untag_article(story.id, person.id),
        "tag added": lambda: entities.tag_article(story.id, person.id),
        "relation changed": lambda: ArticleTag.update(relation="mentioned").where(
            ArticleTag.article == story.id).execute(),
        "person renamed": lambda: entities.update_entity(person.id, name="Əli Kərimli"),
        "review approved": lambda: reviews.decide([review.id], "approved"),
        "review rejected": lambda: reviews.decide([review.id], "rejected"),
        "raw SQL by a script": lambda: database_proxy.execute_sql(
            f"UPDATE article SET footnote = 'x' WHERE id = {story.id}"),
        "trashed": lambda: articles.move_to_trash([story.id]),
    }


def _check_stamps(story, other, person):
    for what, change in _changes_that_move_the_stamp(story, person).items():
        assert _moves(story.id, change), what
    stamp_of_other = _stamp(other.id)
    locks.acquire(other.id, "Leyla", "window-1")  # an edit lock and its heartbeat print nothing
    locks.heartbeat(other.id, "window-1")
    assert _stamp(other.id) == stamp_of_other


def test_every_printed_change_moves_the_stamp_and_nothing_else_does(db):
    _check_stamps(*_newsroom())


@pytest.mark.postgres
def test_every_printed_change_moves_the_stamp_on_postgresql(pg_db):
    _check_stamps(*_newsroom())


def test_a_story_deleted_and_imported_again_never_meets_its_old_stamp(db, tmp_path):
    story = articles.create_article({"headline": "Budget passed", "body": "First text.",
                                     "status": "ready"})
    for _ in range(3):
        articles.save_article(story.id, {"body": "Edited."},
                              expected_version=Article.get_by_id(story.id).version)
    old = _stamp(story.id)
    uuid = story.uuid
    Article.delete().where(Article.id == story.id).execute()
    again = articles.create_article({"headline": "Budget passed", "body": "Other text.",
                                     "status": "ready"})
    Article.update(uuid=uuid).where(Article.id == again.id).execute()
    assert _stamp(again.id) > old


def test_an_export_from_another_database_is_rewritten_whole(db, tmp_path):
    from newsdesk.store.models import SchemaInfo

    _newsroom()
    out = tmp_path / "md"
    export(ExportOptions(out=out, format="markdown"))
    assert database_identity()
    # As if the folder had been exported from a copy of this newsroom.
    SchemaInfo.update(value="another-database").where(SchemaInfo.key == "database_id").execute()
    result = export(ExportOptions(out=out, format="markdown"))
    assert result.written == result.stories == 2


@pytest.mark.postgres
def test_a_copied_database_gets_its_own_identity(tmp_path, pg_url, cli):
    from newsdesk.store.db import open_database

    source = tmp_path / "source.sqlite3"
    opened = open_database(str(source), create=True)
    _newsroom()
    here = database_identity()
    opened.close()
    copied = cli("db", "copy", "--from", str(source), "--to", pg_url)
    assert copied.returncode == 0, copied.stderr
    opened = open_database(pg_url)
    try:
        assert database_identity() not in ("", here)
        stamps = dict(ExportStamp.select(ExportStamp.article_id, ExportStamp.stamp).tuples())
        assert sorted(stamps) == sorted(a.id for a in Article.select())
    finally:
        opened.close()


def _translated():
    en = articles.create_article({"headline": "Budget passed", "body": "Text.",
                                  "language": "en", "status": "ready"})
    az = articles.create_article({"headline": "Büdcə qəbul edildi", "body": "Mətn.",
                                  "language": "az", "status": "ready"})
    ru = articles.create_article({"headline": "Бюджет принят", "body": "Текст.",
                                  "language": "ru", "status": "ready"})
    bystander = articles.create_article({"headline": "Flood relief", "body": "Text.",
                                         "language": "az", "status": "ready"})
    return en, az, ru, bystander


def _check_translation_stamps(en, az, ru, bystander):
    """Linking moves the linked stories' stamps; one of them leaving the group, trashed,
    restored or changing language moves the others' too (their ninjs names it); nothing
    moves a story outside the group."""
    from newsdesk.stories import translations

    assert _moves(en.id, lambda: translations.link([en.id, az.id]))
    assert _moves(az.id, lambda: translations.link([ru.id, az.id]))  # az: in the group
    others = [en.id, az.id]
    changes = {
        "unlinked": lambda: translations.unlink(ru.id),
        "linked again": lambda: translations.link([ru.id, en.id]),
        "trashed": lambda: articles.move_to_trash([ru.id]),
        "restored": lambda: articles.restore_from_trash([ru.id]),
        "language by raw SQL": lambda: database_proxy.execute_sql(
            f"UPDATE article SET language = 'ru-RU' WHERE id = {ru.id}"),
    }
    for what, change in changes.items():
        before = {story_id: _stamp(story_id) for story_id in [*others, bystander.id]}
        change()
        assert all(_stamp(story_id) != before[story_id] for story_id in others), what
        assert _stamp(bystander.id) == before[bystander.id], what


def test_translation_group_changes_move_the_group_stamps(db):
    _check_translation_stamps(*_translated())


@pytest.mark.postgres
def test_translation_group_changes_move_the_group_stamps_on_postgresql(pg_db):
    _check_translation_stamps(*_translated())
