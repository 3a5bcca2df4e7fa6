"""The window with the team server out of reach: it opens the server's replica, says so
in a band, lets the editor work, and sends the work once the server answers (a real
PostgreSQL, NEWSDESK_TEST_PG_URL; the sync runs as its own process, as in use)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from newsdesk.cli import build_parser
from newsdesk.errors import ServerUnreachable
from newsdesk.store.db import open_database
from newsdesk.store.models import Review
from newsdesk.stories.articles import get_article
from newsdesk.sync.binding import using
from newsdesk.ui.app import open_for_window
from tests.sync.sync_helpers import build_newsroom, newsroom_view, run_sync
from tests.ui.test_editor import type_at_end

pytestmark = pytest.mark.postgres

UNREACHABLE = "postgresql://newsdesk@127.0.0.1:1/newsroom"


def window_args(*argv: str):
    return build_parser(list(argv)).parse_args(list(argv))


def test_no_replica_means_the_unreachable_server_is_reported(tmp_path):
    with pytest.raises(ServerUnreachable, match="cannot connect"):
        open_for_window(window_args("--db", UNREACHABLE, "--replica",
                                    str(tmp_path / "none.sqlite3")), tmp_path)


def test_offline_window_works_in_the_replica_and_sends_the_work(qtbot, pg_url, tmp_path,
                                                                settings):
    from newsdesk.ui.main_window import MainWindow

    build_newsroom(pg_url, tmp_path)
    replica = tmp_path / "laptop.sqlite3"
    run_sync(pg_url, replica, keep_all=True)
    args = window_args("--db", UNREACHABLE, "--replica", str(replica))
    opened = open_for_window(args, tmp_path)
    assert opened.target == str(replica) and opened.offline_of == UNREACHABLE
    window = MainWindow(opened, settings)
    qtbot.addWidget(window)
    window.work_offline(UNREACHABLE, replica)
    window.show()
    qtbot.waitExposed(window)
    assert window.offline_band.isVisible()
    assert window.offline_band.label.text() == ("Offline - changes will be sent when the "
                                                "server is back")
    window.offline.try_server()  # still out of reach: nothing changes
    qtbot.waitUntil(lambda: window.offline.process is None, timeout=60000)
    assert not window.offline.sent
    editor = window.desk.editor
    window.desk.open_article(get_article("flood-relief").id)
    type_at_end(qtbot, editor.body, " Written on the train.")
    qtbot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert get_article("flood-relief").body == "Aid arrived. Written on the train."
    model = window.desk.article_list.model
    marked = {model.data(model.index(number, 0), Qt.ItemDataRole.UserRole):
              model.data(model.index(number, 0), Qt.ItemDataRole.ToolTipRole)
              for number in range(model.rowCount())}
    flood_id = get_article("flood-relief").id
    assert "Edited offline: sent when the server is back" in marked.pop(flood_id)
    assert not any("Edited offline" in tip for tip in marked.values())
    assert model.data(model.index(model.row_of(flood_id), 0),
                      Qt.ItemDataRole.DecorationRole) is not None
    # The moderator clears a review from the keyboard, offline.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    moderation = window.moderation
    approved = Review.get_by_id(moderation.current_review_id()).external_id
    qtbot.keyClick(moderation.view, Qt.Key.Key_A)
    assert Review.get(Review.external_id == approved).status == "approved"
    window.offline.server_url = pg_url  # the server is back
    with qtbot.waitSignal(window.offline.synced, timeout=60000) as synced:
        window.offline.try_server()
    assert synced.args == [0]
    # Sent: the mark goes once the list notices the sync's writes (as a colleague's).
    qtbot.waitUntil(lambda: "Edited offline" not in model.data(
        model.index(model.row_of(flood_id), 0), Qt.ItemDataRole.ToolTipRole), timeout=15000)
    # The window goes back to the server by itself, the same story open; the band goes.
    qtbot.waitUntil(lambda: not window.working_offline(), timeout=60000)
    assert not window.offline_band.isVisible()
    assert window.opened.target == pg_url
    assert get_article(window.desk.editor.article_id).slug == "flood-relief"
    server = open_database(pg_url)
    with using(server):
        assert get_article("flood-relief").body == "Aid arrived. Written on the train."
        assert Review.get(Review.external_id == approved).status == "approved"
    assert newsroom_view(server) == newsroom_view(opened)
    server.close()
    window.close()


def test_an_online_window_keeps_its_replica_with_the_stories_opened_in_full(
        qtbot, pg_url, tmp_path, settings):
    from newsdesk.store.models import Article
    from newsdesk.ui.main_window import MainWindow

    build_newsroom(pg_url, tmp_path)
    replica = tmp_path / "laptop.sqlite3"
    opened = open_for_window(window_args("--db", pg_url, "--replica", str(replica)), tmp_path)
    assert not opened.offline_of
    window = MainWindow(opened, settings)
    qtbot.addWidget(window)
    window.keep_replica(pg_url, replica)  # its first sync starts with the event loop
    with qtbot.waitSignal(window.offline.synced, timeout=60000) as first:
        window.show()
    assert first.args == [0]
    assert not window.offline_band.isVisible()
    copy = open_database(str(replica))
    with using(copy):
        assert Article.select().count() == 3
        assert get_article("flood-relief").body == ""  # a header until opened
    copy.close()
    with using(opened):
        flood_id = get_article("flood-relief").id
    window.desk.open_article(flood_id)
    with qtbot.waitSignal(window.offline.synced, timeout=60000):
        window.offline.try_server()
    copy = open_database(str(replica))
    with using(copy):
        assert get_article("flood-relief").body == "Aid arrived."
    copy.close()
    window.close()
