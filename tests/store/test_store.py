"""The store: opening, refusing bad databases, migrations and backups."""

from __future__ import annotations

import sqlite3

import pytest

from newsdesk.errors import (
    ConflictError,
    DatabaseMissing,
    DatabaseUnavailable,
    StoryInTrash,
    UserError,
)
from newsdesk.store import migrations
from newsdesk.store.db import database_in_use, open_database
from newsdesk.store.migrations import Migration, current_version, latest_version
from newsdesk.store.models import Article, Revision
from newsdesk.stories import articles


def test_new_database_is_migrated_with_wal_and_foreign_keys(db):
    assert current_version(db) == latest_version()
    assert db.database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.database.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_missing_database_is_refused_unless_created(tmp_path):
    with pytest.raises(DatabaseMissing, match="no database here"):
        open_database(str(tmp_path / "missing.sqlite3"))
    with pytest.raises(DatabaseMissing, match="no database here"):
        open_database(str(tmp_path / "no folder" / "missing.sqlite3"))
    assert list(tmp_path.iterdir()) == []


def test_corrupt_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "corrupt.sqlite3"
    path.write_bytes(b"this is not a database at all\n" * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseUnavailable, match="not a newsdesk database") as refused:
        open_database(str(path))
    assert not isinstance(refused.value, DatabaseMissing)  # never offered to be created
    assert path.read_bytes() == before


def test_a_database_a_failing_block_started_is_removed_an_existing_one_never(tmp_path):
    path = tmp_path / "new.sqlite3"
    with pytest.raises(UserError, match="bad input"):
        with database_in_use(str(path), create=True):
            articles.create_article({"headline": "Written, then the block fails",
                                     "body": "Text"})
            assert {p.name for p in tmp_path.iterdir()} == {
                "new.sqlite3", "new.sqlite3-wal", "new.sqlite3-shm"}
            raise UserError("bad input")
    assert list(tmp_path.iterdir()) == []
    with database_in_use(str(path), create=True):
        articles.create_article({"headline": "Kept", "body": "Text"})
    with pytest.raises(UserError, match="bad input"):
        with database_in_use(str(path), create=True):
            raise UserError("bad input")
    with database_in_use(str(path)):
        assert [a.headline for a in Article.select()] == ["Kept"]


def test_read_only_file_is_refused(tmp_path):
    path = tmp_path / "ro.sqlite3"
    open_database(str(path), create=True).close()
    path.chmod(0o444)
    with pytest.raises(DatabaseUnavailable, match="read-only"):
        open_database(str(path))


def test_newer_database_is_refused_without_change(tmp_path):
    path = tmp_path / "newer.sqlite3"
    open_database(str(path), create=True).close()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE schema_info SET value = '999' WHERE key = 'schema_version'")
    before = path.read_bytes()
    with pytest.raises(DatabaseUnavailable, match="newer newsdesk"):
        open_database(str(path))
    assert path.read_bytes() == before


def test_locked_database_gives_clear_message(tmp_path):
    path = tmp_path / "locked.sqlite3"
    open_database(str(path), create=True).close()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE schema_info SET value = '0' WHERE key = 'schema_version'")
    holder = sqlite3.connect(path, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseUnavailable, match="locked"):
            opened = open_database(str(path))
            opened.database.execute_sql("PRAGMA busy_timeout = 0")
    finally:
        holder.rollback()
        holder.close()


def test_pending_migration_backs_up_first_and_keeps_data(tmp_path):
    path = tmp_path / "old.sqlite3"
    opened = open_database(str(path), create=True)
    articles.create_article({"headline": "Kept through the migration", "body": "Text"})
    applied = []

    def add_column(db_handle):
        applied.append(True)
        db_handle.database.execute_sql("CREATE TABLE extra_thing (id INTEGER PRIMARY KEY)")

    future = [*migrations.MIGRATIONS, Migration(latest_version() + 1, "test", add_column)]
    before = migrations.migrate(opened, future)
    assert before == latest_version()
    assert applied == [True]
    assert current_version(opened) == latest_version() + 1
    backups = list(tmp_path.glob("old.sqlite3.schema*.bak"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as raw:
        headline = raw.execute("SELECT headline FROM article").fetchone()[0]
        assert headline == "Kept through the migration"
        assert raw.execute("SELECT name FROM sqlite_master WHERE name='extra_thing'"
                           ).fetchone() is None
    assert Article.get().headline == "Kept through the migration"
    opened.close()


def test_save_checks_version_and_never_overwrites_silently(db):
    article = articles.create_article({"headline": "First", "body": "one"})
    saved = articles.save_article(article.id, {"body": "two"},
                                  expected_version=article.version)
    assert saved.version == article.version + 1
    with pytest.raises(ConflictError):
        articles.save_article(article.id, {"body": "stale"}, expected_version=article.version)
    assert Article.get_by_id(article.id).body == "two"


def test_explicit_save_records_a_revision(db):
    article = articles.create_article({"headline": "Rev", "body": "one two"})
    articles.save_article(article.id, {"body": "one two three"},
                          expected_version=article.version, reason="save", revision=True)
    revisions = list(Revision.select().where(Revision.article == article.id)
                     .order_by(Revision.id))
    assert [r.word_count for r in revisions] == [2, 3]


def test_status_workflow_refuses_with_reason(db):
    article = articles.create_article({"headline": "No body yet"})
    with pytest.raises(UserError, match="needs a dateline place, a body"):
        articles.set_status(article.id, "ready")
    articles.save_article(article.id, {"body": "Text", "dateline_place": "Baku"},
                          expected_version=article.version)
    assert articles.set_status(article.id, "ready").status == "ready"
    published = articles.set_status(article.id, "published")
    assert published.published_at is not None
    with pytest.raises(UserError, match="cannot become draft"):
        articles.set_status(article.id, "draft")


def test_slug_is_transliterated_and_unique(db):
    first = articles.create_article({"headline": "Əliyev şəhərdə çıxış etdi"})
    second = articles.create_article({"headline": "Əliyev şəhərdə çıxış etdi"})
    assert first.slug == "eliyev-sheherde-chixish-etdi"
    assert second.slug == first.slug + "-2"


def test_trash_and_restore(db):
    article = articles.create_article({"headline": "Trash me"})
    articles.move_to_trash([article.id])
    with pytest.raises(UserError):
        articles.get_article(article.slug)
    articles.restore_from_trash([article.id])
    assert articles.get_article(article.slug).id == article.id


def test_a_story_in_the_trash_is_never_written_into(db):
    article = articles.create_article({"headline": "Trash me", "body": "Kept."})
    articles.move_to_trash([article.id])
    with pytest.raises(StoryInTrash, match="is in the trash") as refused:
        articles.save_article(article.id, {"body": "Typed later."},
                              expected_version=article.version)
    assert not refused.value.deleted
    with pytest.raises(StoryInTrash):
        articles.set_status(article.id, "edited")
    stored = Article.get_by_id(article.id)
    assert (stored.body, stored.status, stored.version) == ("Kept.", "draft", article.version)
    articles.restore_from_trash([article.id])
    assert articles.save_article(article.id, {"body": "Typed later."},
                                 expected_version=article.version).body == "Typed later."
    articles.move_to_trash([article.id])
    articles.empty_trash()
    with pytest.raises(StoryInTrash, match="deleted for good") as refused:
        articles.save_article(article.id, {"body": "x"}, expected_version=article.version + 1)
    assert refused.value.deleted


def test_setting_put_replaces_and_get_value_defaults(db):
    from newsdesk.store.models import Setting, database_proxy

    assert Setting.get_value("desk.motto") is None
    assert Setting.get_value("desk.motto", "none yet") == "none yet"
    Setting.put("desk.motto", "first")
    Setting.put("desk.motto", "second")
    assert Setting.get_value("desk.motto") == "second"
    assert Setting.get_values(("desk.motto", "desk.unset"), "-") == {
        "desk.motto": "second", "desk.unset": "-"}
    # put joins the caller's transaction: rolled back with it
    with database_proxy.atomic() as transaction:
        Setting.put("desk.motto", "third")
        transaction.rollback()
    assert Setting.get_value("desk.motto") == "second"


def test_migration_11_gives_an_older_database_who_decided_and_the_time_indexes(tmp_path):
    from newsdesk.moderation import reviews
    from newsdesk.store.models import Review
    from tests.review_helpers import make_stories, record

    path = tmp_path / "schema9.sqlite3"
    opened = open_database(str(path), create=True)
    make_stories()
    reviews.import_records([reviews.ReviewRecord(record("a"), 1)], source="t")
    reviews.decide([Review.get().id], "approved", moderator="Leyla")
    opened.close()
    added = ("review_submitted_at_status",
             "review_moderated_at_moderated_by_status_submitted_at", "article_published_at")
    with sqlite3.connect(path) as raw:  # as newsdesk left it before migration 11
        for index in added:
            raw.execute(f"DROP INDEX {index}")
        raw.execute("ALTER TABLE review DROP COLUMN moderated_by")
        raw.execute("UPDATE schema_info SET value = '9' WHERE key = 'schema_version'")
    opened = open_database(str(path))
    try:
        assert current_version(opened) == latest_version()
        review = Review.get()
        assert (review.status, review.moderated_by) == ("approved", "")  # not recorded then
        indexes = {name for (name,) in opened.database.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert set(added) <= indexes
    finally:
        opened.close()
