"""The recovery journal and revision helpers, without Qt."""

from __future__ import annotations

import json
from datetime import date

from newsdesk.store.models import Revision
from newsdesk.stories import articles, revisions
from newsdesk.stories.recovery import RecoveryJournal, database_key, fields_from_entry


def test_journal_round_trip_and_clear(tmp_path):
    journal = RecoveryJournal(tmp_path / "journal")
    assert journal.read(7) is None and journal.article_ids() == []
    journal.write(7, 3, {"body": "ə ğ 🎉", "dateline_date": date(2023, 3, 14)})
    journal.write(9, 1, {"body": "other"})
    entry = journal.read(7)
    assert (entry.article_id, entry.base_version) == (7, 3)
    assert fields_from_entry(entry) == {"body": "ə ğ 🎉", "dateline_date": date(2023, 3, 14)}
    assert sorted(journal.article_ids()) == [7, 9]
    journal.clear(7)
    assert journal.read(7) is None and journal.article_ids() == [9]
    assert not list((tmp_path / "journal").glob("*.tmp"))


def test_an_entry_is_only_given_to_the_story_that_wrote_it(tmp_path):
    journal = RecoveryJournal(tmp_path)
    journal.write(4, 2, {"body": "mine"}, "uuid-a")
    assert journal.read(4, "uuid-a").fields == {"body": "mine"}
    assert journal.read(4, "uuid-b") is None  # another story got the id since
    assert journal.path_for(4).with_suffix(".orphaned").is_file()
    journal.write(5, 1, {"body": "written before uuids were kept"})
    assert journal.read(5, "uuid-c").fields == {"body": "written before uuids were kept"}


def test_emptying_the_trash_forgets_the_deleted_stories_unsaved_text(db, tmp_path):
    journal = RecoveryJournal(tmp_path)
    kept, trashed, purged = (articles.create_article({"headline": name, "body": "x"})
                             for name in ("kept", "trashed", "purged"))
    for story in (kept, trashed, purged):
        journal.write(story.id, 1, {"body": "unsaved"}, story.uuid)
    articles.move_to_trash([purged.id])
    articles.empty_trash()
    articles.move_to_trash([trashed.id])  # in the trash, not gone: may be restored
    assert journal.forget_deleted() == 1
    assert sorted(journal.article_ids()) == sorted([kept.id, trashed.id])


def test_a_damaged_entry_is_set_aside_not_fatal(tmp_path):
    journal = RecoveryJournal(tmp_path)
    journal.path_for(4).write_text("{not json", encoding="utf-8")
    assert journal.read(4) is None
    assert (tmp_path / "story-4.damaged").exists()


def test_each_database_has_its_own_journal(tmp_path):
    first = RecoveryJournal.for_target(str(tmp_path / "a.sqlite3"), base=tmp_path)
    second = RecoveryJournal.for_target(str(tmp_path / "b.sqlite3"), base=tmp_path)
    assert first.folder != second.folder
    assert database_key("postgresql://h:5432/news") != database_key("postgresql://h:5432/x")


def test_a_database_keeps_the_journal_folder_it_had():
    """The folder's name is the first 16 hex digits of the target's SHA-256, as it always
    was (now from the interpreter's own SHA-256 where it has one): a crash's unsaved text
    is found again after an update."""
    import hashlib

    target = "postgresql://desk@news.example:5432/turan"
    assert database_key(target) == hashlib.sha256(target.encode("utf-8")).hexdigest()[:16]
    assert database_key(target) == "47e534d74f99bf70"


def test_word_diff_marks_changed_words_only():
    pieces = revisions.word_diff("The talks resumed in Baku.", "The talks ended in Baku.")
    assert [(p.kind, p.text) for p in pieces] == [
        ("same", "The talks "), ("removed", "resumed"), ("added", "ended"),
        ("same", " in Baku.")]


def test_conflict_helpers_keep_both_texts(db):
    story = articles.create_article({"headline": "H", "body": "base"})
    theirs = articles.save_article(story.id, {"body": "theirs"},
                                   expected_version=story.version)
    kept = revisions.keep_mine(story.id, {"body": "mine"}, their_version=theirs.version)
    assert kept.body == "mine"
    bodies = [json.loads(r.snapshot)["body"] for r in Revision.select()]
    assert "theirs" in bodies and "mine" in bodies
    revisions.take_theirs(story.id, {"body": "lost?"}, base_version=1)
    assert "lost?" in [json.loads(r.snapshot)["body"] for r in Revision.select()]
    copy = revisions.save_as_copy({"headline": "H", "body": "mine again"})
    assert (copy.headline, copy.status, copy.body) == ("H (my copy)", "draft", "mine again")
