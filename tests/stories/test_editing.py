"""The editor's save state machine without a window: a real SQLite database, a real
recovery journal in a temporary folder, colleagues played by direct service calls."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from newsdesk.errors import ConflictError, StoryInTrash
from newsdesk.store.models import Article, Revision
from newsdesk.stories import articles
from newsdesk.stories.editing import (
    BACK,
    DELETED,
    KEEP_MINE,
    SAVE_COPY,
    TAKE_THEIRS,
    TRASHED,
    EditSession,
    content,
)
from newsdesk.stories.recovery import RecoveryJournal


@pytest.fixture
def journal(tmp_path):
    return RecoveryJournal(tmp_path / "journal")


@pytest.fixture
def story(db):
    return articles.create_article({"headline": "Flood in Baku", "dateline_place": "Baku",
                                    "body": "The river rose."}, author="colleague")


@pytest.fixture
def session(story, journal):
    opened = EditSession(lambda: "aysel", journal)
    opened.open(Article.get_by_id(story.id))
    return opened


def mine(session: EditSession, body: str) -> dict:
    """The editor's fields after typing ``body``; the session hears about the edit."""
    fields = {**session.base, "body": body}
    session.edited()
    return fields


def revisions_of(story_id: int) -> list[Revision]:
    return list(Revision.select().where(Revision.article == story_id).order_by(Revision.id))


def test_opening_starts_clean_at_the_stored_version(session, story):
    assert (session.article_id, session.article_uuid) == (story.id, story.uuid)
    assert session.version == story.version
    assert session.base == content(articles.editable_fields(story))
    assert not session.dirty and not session.journal_dirty and not session.holds_back()


def test_an_edit_is_journaled_once_then_saved_and_the_entry_goes(session, journal, story):
    fields = mine(session, "The river rose. Ə ğ 👍")
    session.write_journal(fields)
    assert journal.read(story.id, story.uuid).base_version == story.version
    assert not session.journal_dirty and session.dirty
    journal.clear(story.id)
    session.write_journal(fields)  # the journal has it already: nothing written again
    assert journal.read(story.id) is None
    session.write_journal(fields)
    article = session.save(fields, reason="autosave", revision=False)
    assert Article.get_by_id(story.id).body == "The river rose. Ə ğ 👍"
    assert session.version == article.version == story.version + 1
    assert session.base["body"] == "The river rose. Ə ğ 👍" and not session.dirty
    assert journal.read(story.id) is None


def test_a_revision_is_recorded_only_when_asked_and_when_due(session, story):
    before = len(revisions_of(story.id))
    session.save(mine(session, "one"), reason="autosave", revision=False)
    assert len(revisions_of(story.id)) == before
    assert not session.revision_due(300) and session.revision_due(0)
    session.save(mine(session, "two"), reason="save", revision=True)
    latest = revisions_of(story.id)[-1]
    assert (latest.reason, latest.author) == ("save", "aysel")
    assert json.loads(latest.snapshot)["body"] == "two"


def test_a_status_move_elsewhere_is_not_a_conflict(session, story):
    articles.set_status(story.id, "edited", author="colleague")
    fields = mine(session, "Typed after the move.")
    article = session.save(fields, reason="autosave", revision=False)
    assert session.rebased_status == "edited"
    stored = Article.get_by_id(story.id)
    assert (stored.status, stored.body) == ("edited", "Typed after the move.")
    assert session.version == article.version == stored.version


def test_text_saved_elsewhere_is_a_conflict_and_nothing_is_written(session, story, journal):
    articles.save_article(story.id, {"body": "Their text."}, expected_version=story.version)
    fields = mine(session, "My text.")
    session.write_journal(fields)
    with pytest.raises(ConflictError):
        session.save(fields, reason="autosave", revision=False)
    assert Article.get_by_id(story.id).body == "Their text."
    assert session.dirty and session.version == story.version and session.rebased_status is None
    assert journal.read(story.id).fields["body"] == "My text."
    theirs = session.conflict()
    assert theirs.body == "Their text." and session.holds_back()


def conflicted(session: EditSession, story: Article) -> tuple[dict, int]:
    theirs = articles.save_article(story.id, {"body": "Their text."},
                                   expected_version=story.version)
    fields = mine(session, "My text.")
    with pytest.raises(ConflictError):
        session.save(fields, reason="autosave", revision=False)
    session.conflict()
    return fields, theirs.version


def test_keep_mine_stores_mine_and_keeps_theirs_as_a_revision(session, story):
    fields, their_version = conflicted(session, story)
    article = session.resolve(KEEP_MINE, fields, their_version=their_version)
    assert Article.get_by_id(story.id).body == "My text." == article.body
    assert not session.holds_back() and not session.dirty
    assert session.version == article.version
    snapshots = [json.loads(r.snapshot)["body"] for r in revisions_of(story.id)]
    assert "Their text." in snapshots


def test_take_theirs_keeps_mine_as_a_revision_only(session, story, journal):
    fields, their_version = conflicted(session, story)
    session.write_journal(fields)
    assert session.resolve(TAKE_THEIRS, fields, their_version=their_version) is None
    assert Article.get_by_id(story.id).body == "Their text."
    assert json.loads(revisions_of(story.id)[-1].snapshot)["body"] == "My text."
    assert journal.read(story.id) is None and not session.holds_back()


def test_save_copy_makes_a_new_draft_of_mine(session, story):
    fields, their_version = conflicted(session, story)
    copy = session.resolve(SAVE_COPY, fields, their_version=their_version)
    assert (copy.headline, copy.body, copy.status) == ("Flood in Baku (my copy)", "My text.",
                                                       "draft")
    assert Article.get_by_id(story.id).body == "Their text."


def test_keep_mine_over_a_second_save_elsewhere_asks_again(session, story):
    fields, their_version = conflicted(session, story)
    articles.save_article(story.id, {"body": "Theirs again."}, expected_version=their_version)
    with pytest.raises(ConflictError):
        session.resolve(KEEP_MINE, fields, their_version=their_version)
    assert Article.get_by_id(story.id).body == "Theirs again."


def test_a_story_trashed_elsewhere_refuses_the_save_until_restored(session, story):
    assert session.check_trash() is None
    articles.move_to_trash([story.id])
    assert session.check_trash() == TRASHED
    fields = mine(session, "Typed after the trash.")
    with pytest.raises(StoryInTrash) as refused:
        session.save(fields, reason="autosave", revision=False)
    assert not refused.value.deleted
    session.trashed(deleted=False)
    assert session.check_trash() is None and session.in_trash
    assert session.restore() and session.check_trash() == BACK
    session.back_from_trash()
    assert session.check_trash() is None
    session.save(fields, reason="autosave", revision=False)
    assert Article.get_by_id(story.id).body == "Typed after the trash."


def test_a_story_restored_elsewhere_comes_back(session, story):
    articles.move_to_trash([story.id])
    session.trashed(deleted=False)
    articles.restore_from_trash([story.id])
    assert session.check_trash() == BACK


def test_text_of_a_story_deleted_for_good_becomes_a_new_story(session, story, journal):
    articles.move_to_trash([story.id])
    session.trashed(deleted=False)
    articles.empty_trash()
    assert session.check_trash() == DELETED
    session.trashed(deleted=True)
    assert session.check_trash() is None and not session.restore()
    fields = mine(session, "Kept aside.")
    session.write_journal(fields)
    copy = session.save_gone_as_new(fields)
    assert Article.get_by_id(copy.id).body == "Kept aside."
    assert session.article_id is None and not session.dirty
    assert journal.read(story.id) is None


def test_journal_text_left_by_a_crash_is_recovered_from_its_base(story, journal):
    journal.write(story.id, story.version, {"body": "Typed before the crash."}, story.uuid)
    later = EditSession(lambda: "aysel", journal)  # began after the entry was written
    article = Article.get_by_id(story.id)
    later.open(article)
    entry, recovered = later.recover(article)
    assert recovered["body"] == "Typed before the crash." and "status" not in recovered
    assert later.outlived_crash(entry)
    later.started = entry.written_at - timedelta(seconds=1)
    assert not later.outlived_crash(entry)  # written by this session: a failed save
    assert later.dirty and later.version == story.version and later.base is None
    later.save({**content(articles.editable_fields(article)), **recovered},
               reason="recovered", revision=True)
    assert Article.get_by_id(story.id).body == "Typed before the crash."


def test_a_journal_entry_equal_to_the_stored_story_is_dropped(story, journal):
    journal.write(story.id, story.version, {"body": story.body}, story.uuid)
    session = EditSession(lambda: "aysel", journal)
    session.open(story)
    assert session.recover(story) is None and not session.dirty
    assert journal.read(story.id) is None


def test_without_a_base_a_moved_version_is_a_conflict(story, journal):
    """Recovered text was edited from an unknown base: never saved over a newer story."""
    journal.write(story.id, story.version, {"body": "Old recovered text."}, story.uuid)
    articles.set_status(story.id, "edited")
    session = EditSession(lambda: "aysel", journal)
    article = Article.get_by_id(story.id)
    session.open(article)
    _, recovered = session.recover(article)
    with pytest.raises(ConflictError):
        session.save(recovered, reason="recovered", revision=True)


def test_status_move_advances_the_version_and_records_a_revision(session, story):
    article = session.set_status("edited")
    assert session.version == article.version == story.version + 1
    assert revisions_of(story.id)[-1].reason == "status edited"
    assert not session.revision_due(300)


def test_set_aside_keeps_unsaved_text_in_the_revisions(session, story, journal):
    fields = mine(session, "Mine, when the lock was taken.")
    session.write_journal(fields)
    session.set_aside(fields, reason="unsaved when the lock was taken over")
    latest = revisions_of(story.id)[-1]
    assert latest.reason == "unsaved when the lock was taken over"
    assert json.loads(latest.snapshot)["body"] == "Mine, when the lock was taken."
    assert Article.get_by_id(story.id).body == "The river rose."
    assert not session.dirty and journal.read(story.id) is None


def test_closing_forgets_the_story(session):
    session.close()
    assert session.article_id is None and session.version == 0 and session.base is None
    assert not session.dirty and not session.in_trash
