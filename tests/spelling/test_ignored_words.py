"""Words ignored in one story, kept in the database (migration 16): on SQLite and
PostgreSQL, per story, gone with the story, and added to a database left at schema 14."""

from __future__ import annotations

import sqlite3

import pytest

from newsdesk.errors import UserError
from newsdesk.spelling.ignored import ignore_word, ignored_words
from newsdesk.store.db import open_database
from newsdesk.store.migrations import current_version, latest_version
from newsdesk.store.models import IgnoredWord
from newsdesk.stories import articles


def _ignore_and_read() -> None:
    first = articles.create_article({"headline": "Zxqv", "body": "Zxqv is a code name."})
    second = articles.create_article({"headline": "Other", "body": "Zxqv again."})
    assert ignore_word(first.id, "Zxqv", "en", ignored_by="nigar") == "zxqv"
    assert ignore_word(first.id, "ZXQV", "en") == "zxqv"  # once, whatever its case
    assert ignore_word(first.id, "İLHAM", "az") == "ilham"  # Azerbaijani lower case
    assert ignored_words(first.id) == {"zxqv", "ilham"}
    assert ignored_words(second.id) == set()
    with pytest.raises(UserError, match="not a word"):
        ignore_word(first.id, "two words", "en")
    articles.move_to_trash([first.id])
    articles.empty_trash()
    assert IgnoredWord.select().count() == 0  # gone with its story


def test_ignored_words_are_kept_per_story(db):
    _ignore_and_read()


def test_ignored_words_are_kept_per_story_on_postgresql(pg_db):
    _ignore_and_read()


def test_a_database_at_schema_14_gets_the_table(tmp_path):
    path = tmp_path / "schema14.sqlite3"
    opened = open_database(str(path), create=True)
    story = articles.create_article({"headline": "Before", "body": "Zxqv."})
    opened.close()
    with sqlite3.connect(path) as raw:
        raw.execute("DROP TABLE ignored_word")
        raw.execute("UPDATE schema_info SET value = '14' WHERE key = 'schema_version'")
    opened = open_database(str(path))
    try:
        assert current_version(opened) == latest_version()
        ignore_word(story.id, "Zxqv", "en")
        assert ignored_words(story.id) == {"zxqv"}
    finally:
        opened.close()
