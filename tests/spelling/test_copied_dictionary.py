"""``db copy`` carries the newsroom's spelling dictionary and each story's ignored words
(going from one laptop to the team server must not lose them)."""

from __future__ import annotations

from newsdesk.spelling.ignored import ignore_word, ignored_words
from newsdesk.spelling.newsroom import add_word
from newsdesk.store.db import open_database
from newsdesk.store.models import NewsroomWord
from newsdesk.stories import articles
from tests.conftest import run_cli


def test_db_copy_keeps_the_newsroom_dictionary_and_ignored_words(tmp_path):
    source, target = tmp_path / "laptop.sqlite3", tmp_path / "copy.sqlite3"
    opened = open_database(str(source), create=True)
    try:
        story = articles.create_article({"headline": "Ilham Aliyev in Shusha",
                                         "body": "Zxqv said so.", "language": "en"})
        add_word("Qarabağ", "az", added_by="nigar")
        add_word("Turan", "", added_by="nigar")
        ignore_word(story.id, "Zxqv", "en", ignored_by="nigar")
    finally:
        opened.close()
    result = run_cli("db", "copy", "--from", str(source), "--to", str(target))
    assert result.returncode == 0, result.stderr
    opened = open_database(str(target))
    try:
        words = {(w.word, w.language, w.added_by) for w in NewsroomWord.select()}
        assert words == {("qarabağ", "az", "nigar"), ("turan", "", "nigar")}  # kept lower
        assert ignored_words(articles.get_article(story.slug).id) == {"zxqv"}
    finally:
        opened.close()
