"""A team window and its replica in the middle of a session (a real PostgreSQL): a
colleague's lock kept read-only offline, publishing and exporting left to the server,
the side-by-side view for stories that need a look, and a whole day through the window:
online, the server stopped, work goes on in the replica, the server back, the window
back on it, both sides equal field by field."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt

from newsdesk.store.db import open_database
from newsdesk.store.models import Article, NeedsLook, database_proxy
from newsdesk.stories import locks
from newsdesk.stories.articles import create_article, get_article, save_article
from newsdesk.sync.binding import using
from newsdesk.sync.push import OFFLINE_EDIT
from newsdesk.ui.app import close_window, open_for_window
from tests.conftest import open_handles, start_own_server, stop_own_server
from tests.sync.sync_helpers import build_newsroom, newsroom_view, run_sync
from tests.ui.test_editor import type_at_end
from tests.ui.test_offline_window import UNREACHABLE, window_args

pytestmark = pytest.mark.postgres

COLLEAGUE_SESSION = "newsroom-pc:4242:rashad-window"


def offline_window(qtbot, settings, tmp_path, pg_url):
    """A window opened on an unreachable server: it works in the replica of ``pg_url``."""
    from newsdesk.ui.main_window import MainWindow

    replica = tmp_path / "laptop.sqlite3"
    run_sync(pg_url, replica, keep_all=True)
    opened = open_for_window(window_args("--db", UNREACHABLE, "--replica", str(replica)),
                             tmp_path)
    window = MainWindow(opened, settings)
    qtbot.addWidget(window)
    window.work_offline(UNREACHABLE, replica)
    window.show()
    qtbot.waitExposed(window)
    return window


def list_tooltip(window, article_id: int) -> str:
    model = window.desk.article_list.model
    return model.data(model.index(model.row_of(article_id), 0), Qt.ItemDataRole.ToolTipRole)


def test_a_story_a_colleague_had_locked_stays_read_only_offline(qtbot, pg_url, tmp_path,
                                                                 settings):
    build_newsroom(pg_url, tmp_path)
    server = open_database(pg_url)
    with using(server):
        assert locks.acquire(get_article("flood-relief").id, "rashad",
                             COLLEAGUE_SESSION) is None
    server.close()
    window = offline_window(qtbot, settings, tmp_path, pg_url)
    editor, guard = window.desk.editor, window.desk.lock_guard
    flood = get_article("flood-relief")
    window.desk.open_article(flood.id)
    assert editor.read_only and editor.body.isReadOnly()
    assert guard.banner.isVisible() and not guard.banner.take_over.isVisible()
    assert "being edited by rashad since" in guard.banner.label.text()
    assert "edit it once the server is back" in guard.banner.label.text()
    assert "being edited by rashad" in list_tooltip(window, flood.id).lower()
    assert window.desk.article_list.model.data(
        window.desk.article_list.model.index(window.desk.article_list.model.row_of(flood.id),
                                             0), Qt.ItemDataRole.DecorationRole) is not None
    # A story nobody held opens for editing as usual.
    window.desk.open_article(get_article("ceasefire").id)
    assert not editor.read_only and not guard.banner.isVisible()
    window.close()


def test_publishing_and_exporting_are_left_to_the_server_offline(qtbot, pg_url, tmp_path,
                                                                 settings):
    build_newsroom(pg_url, tmp_path)
    window = offline_window(qtbot, settings, tmp_path, pg_url)
    editor = window.desk.editor
    flood = get_article("flood-relief")  # ready: one step from published
    window.desk.open_article(flood.id)
    assert not editor.change_status("published")
    assert get_article("flood-relief").status == "ready"
    assert "publishing is for the server" in editor.status_hint.text()
    assert editor.status_hint.isVisible()
    listing = window.desk.article_list
    messages: list[str] = []
    listing.message.connect(messages.append)
    assert listing.selected_ids() == [flood.id]  # the open story is the one chosen
    listing.set_status_selected("published")
    assert get_article("flood-relief").status == "ready"
    assert messages and "publishing is for the server" in messages[0]
    window.export_action.trigger()
    assert window.export_dialog is None
    assert "exports are made from the server" in window.statusBar().currentMessage()
    window.close()


@pytest.mark.parametrize("choice", ["keep_mine", "take_theirs", "merge_by_hand"])
def test_a_story_that_needs_a_look_opens_the_side_by_side_view(qtbot, pg_url, tmp_path,
                                                              settings, choice):
    from newsdesk.ui.main_window import MainWindow

    build_newsroom(pg_url, tmp_path)
    replica = tmp_path / "laptop.sqlite3"
    run_sync(pg_url, replica, keep_all=True)
    copy = open_database(str(replica))
    with using(copy):
        flood = get_article("flood-relief")
        save_article(flood.id, {"body": "Aid arrived, written on the train."},
                     expected_version=flood.version, revision=True, reason="save")
    copy.close()
    server = open_database(pg_url)
    with using(server):
        flood = get_article("flood-relief")
        save_article(flood.id, {"body": "Aid arrived, written at the office."},
                     expected_version=flood.version, revision=True, reason="save")
    server.close()
    assert run_sync(pg_url, replica).open_conflicts == 1
    opened = open_for_window(window_args("--db", pg_url, "--replica", str(replica)), tmp_path)
    window = MainWindow(opened, settings)
    qtbot.addWidget(window)
    window.keep_replica(pg_url, replica)
    window.show()
    qtbot.waitExposed(window)
    flood_id = get_article("flood-relief").id
    assert "Needs a look" in list_tooltip(window, flood_id)
    window.desk.open_article(flood_id)
    dialog = window.look_guard.dialog
    assert dialog is not None and dialog.isVisible()
    assert "Aid arrived, written on the train." in dialog.mine_view.toPlainText()
    assert "Aid arrived, written at the office." in dialog.theirs_view.toPlainText()
    button = {"keep_mine": dialog.keep_mine_button, "take_theirs": dialog.take_theirs_button,
              "merge_by_hand": dialog.copy_button}[choice]
    assert button.text() == {"keep_mine": "Keep mine", "take_theirs": "Take theirs",
                             "merge_by_hand": "Merge by hand"}[choice]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.look_guard.dialog is None
    expected = ("Aid arrived, written on the train." if choice == "keep_mine"
                else "Aid arrived, written at the office.")
    assert get_article("flood-relief").body == expected
    assert window.desk.editor.body.toPlainText() == expected
    assert not NeedsLook.select().where(NeedsLook.resolved_at.is_null()).exists()
    assert "Needs a look" not in list_tooltip(window, flood_id)
    if choice == "merge_by_hand":
        compare = window.look_guard.compare
        assert compare is not None and compare.isVisible()
        compare.close()
    # Nothing is lost: both versions are among the story's revisions.
    from newsdesk.store.models import Revision
    snapshots = [r.snapshot for r in Revision.select().where(Revision.article == flood_id)]
    assert any("written on the train" in s for s in snapshots)
    assert any("written at the office" in s for s in snapshots)
    assert Revision.select().where((Revision.article == flood_id)
                                   & (Revision.reason == OFFLINE_EDIT)).exists()
    # Opened again, it asks nothing more.
    window.desk.editor.close_article()
    window.desk.open_article(flood_id)
    assert window.look_guard.dialog is None
    window.close()


# -- moving between the server and the replica mid-session -------------------------------
def online_window(qtbot, settings, tmp_path, pg_url, *, add: bool = True):
    """A window on ``pg_url`` keeping its replica, once the replica's first sync is done."""
    from newsdesk.ui.main_window import MainWindow

    replica = tmp_path / "laptop.sqlite3"
    opened = open_for_window(window_args("--db", pg_url, "--replica", str(replica)),
                             tmp_path)
    window = MainWindow(opened, settings)
    if add:
        qtbot.addWidget(window)
    window.keep_replica(pg_url, replica)
    with qtbot.waitSignal(window.offline.synced, timeout=60000):
        window.show()
    qtbot.waitExposed(window)
    return window


def back_online(qtbot, window) -> None:
    """The next sync gets through: the window goes back to the server by itself."""
    window.offline.try_server()
    qtbot.waitUntil(lambda: not window.working_offline(), timeout=120000)


@pytest.mark.parametrize("back", [False, True], ids=["in-the-replica", "back-on-the-server"])
def test_the_app_closes_the_database_the_window_holds_at_the_end(qtbot, pg_url, tmp_path,
                                                                 settings, back):
    build_newsroom(pg_url, tmp_path)
    # Not left to qtbot: the app's own ending disposes of the window.
    window = online_window(qtbot, settings, tmp_path, pg_url, add=False)
    closed = False
    try:
        on_server = window.opened
        replica = window.offline.replica
        assert window.go_offline()
        assert on_server.database.is_closed()  # the one it left
        held = window.opened
        assert held.target == str(replica) and not held.database.is_closed()
        if back:
            back_online(qtbot, window)
            assert held.database.is_closed() and open_handles(replica) == 0
            held = window.opened
            assert held.target == pg_url and not held.database.is_closed()
        closed = True
        close_window(window)
    finally:
        if not closed:
            # A failure above must not leave a live window behind: its replica sync
            # would go on rebinding the models under the tests that follow.
            close_window(window)
    assert held.database.is_closed()
    assert open_handles(replica) == 0


def as_colleague(pg_url: str, work: Callable[[], int]) -> int:
    """``work`` done on the server through a colleague's connection; the models stay
    bound to what the window holds."""
    bound = database_proxy.obj
    colleague = open_database(pg_url)
    try:
        return work()
    finally:
        colleague.close()
        database_proxy.initialize(bound)


def test_text_typed_offline_into_a_story_opened_after_the_last_pull_is_a_plain_edit(
        qtbot, pg_url, tmp_path, settings, monkeypatch):
    # The server goes away before the sync that would bring the opened story in full.
    monkeypatch.setattr("newsdesk.ui.offline.KEEP_SOON_MS", 10 * 60_000)
    build_newsroom(pg_url, tmp_path)
    window = online_window(qtbot, settings, tmp_path, pg_url)
    editor = window.desk.editor
    filed = as_colleague(pg_url, lambda: create_article(
        {"headline": "Bridge reopens in Ganja", "body": "The bridge reopened."},
        slug="bridge", author="rashad").id)
    window.desk.article_list.refresh()
    window.desk.open_article(filed)
    type_at_end(qtbot, editor.body, " Traffic is light.")
    qtbot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert get_article("bridge").body == "The bridge reopened. Traffic is light."
    uuid = get_article("bridge").uuid

    assert window.go_offline()  # as when the next save finds the server gone
    assert window.opened.target == str(window.offline.replica)
    assert get_article(editor.article_id).uuid == uuid  # the replica's copy, open
    type_at_end(qtbot, editor.body, " Buses run again.")
    qtbot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.desk.article_list.model.offline_edits() == {editor.article_id}

    back_online(qtbot, window)
    final = "The bridge reopened. Traffic is light. Buses run again."
    assert get_article(editor.article_id).uuid == uuid
    assert get_article("bridge").body == final and editor.body.toPlainText() == final
    assert not NeedsLook.select().exists()
    from newsdesk.store.models import Revision
    assert not Revision.select().where(Revision.reason == OFFLINE_EDIT).exists()
    window.close()


# -- the whole day: a server of its own (``own_server``), stopped and started again ------
def test_a_day_online_offline_and_back_through_the_window(qtbot, own_server, tmp_path,
                                                          settings):
    from newsdesk.ui.main_window import MainWindow

    url, folder = own_server
    build_newsroom(url, tmp_path)
    replica = tmp_path / "laptop.sqlite3"
    opened = open_for_window(window_args("--db", url, "--replica", str(replica)), tmp_path)
    window = MainWindow(opened, settings)
    qtbot.addWidget(window)
    window.keep_replica(url, replica)
    with qtbot.waitSignal(window.offline.synced, timeout=60000):
        window.show()
    qtbot.waitExposed(window)
    editor = window.desk.editor
    flood_uuid = get_article("flood-relief").uuid
    # The morning, online: a story opened is in the replica in full soon after.
    with qtbot.waitSignal(window.offline.synced, timeout=60000):
        window.desk.open_article(get_article("flood-relief").id)
    type_at_end(qtbot, editor.body, " Trucks came at dawn.")
    qtbot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert get_article("flood-relief").body == "Aid arrived. Trucks came at dawn."

    # The server goes away; the user goes on typing, and the next save finds it gone.
    stop_own_server(folder)
    type_at_end(qtbot, editor.body, " Roads were closed.")
    editor.autosave()
    qtbot.waitUntil(window.working_offline, timeout=15000)
    assert window.offline_band.isVisible()
    assert window.offline_band.label.text() == ("Offline - changes will be sent when the "
                                                "server is back")
    assert window.opened.target == str(replica)
    assert editor.article_id is not None and get_article(editor.article_id).uuid == flood_uuid
    expected = "Aid arrived. Trucks came at dawn. Roads were closed."
    assert editor.body.toPlainText() == expected and not editor.dirty
    assert get_article(editor.article_id).body == expected  # saved into the replica
    # More work offline: more text, and a new story.
    type_at_end(qtbot, editor.body, " Schools reopen Monday.")
    qtbot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    window.desk.article_list.new_action.trigger()
    new_story = editor.article_id
    qtbot.keyClicks(editor.headline, "River levels fall in Sabirabad")
    type_at_end(qtbot, editor.body, "The Kura fell by a metre overnight.")
    editor.save_now()
    new_uuid = get_article(new_story).uuid
    window.desk.open_article(get_article("flood-relief").id)  # the flood story stays open
    type_at_end(qtbot, editor.body, " Power is back.")  # typed, not saved yet

    # Still out of reach: the minute's sync fails quietly.
    window.offline.try_server()
    qtbot.waitUntil(lambda: window.offline.process is None, timeout=60000)
    assert window.working_offline()

    # The server is back: the minute's sync sends everything, the window goes back.
    start_own_server(url, folder)
    window.offline.try_server()
    qtbot.waitUntil(lambda: not window.working_offline(), timeout=120000)
    assert not window.offline_band.isVisible()
    assert window.opened.target == url
    final = "Aid arrived. Trucks came at dawn. Roads were closed. Schools reopen Monday. " \
            "Power is back."
    assert get_article(editor.article_id).uuid == flood_uuid  # the same story, open
    assert editor.body.toPlainText() == final and not editor.read_only
    assert get_article("flood-relief").body == final
    assert Article.get(Article.uuid == new_uuid).headline == "River levels fall in Sabirabad"
    assert not NeedsLook.select().exists()  # the window's own saves are no conflict
    # Both sides, field by field, once the replica has pulled the server's last word.
    with qtbot.waitSignal(window.offline.synced, timeout=60000):
        window.offline.try_server()
    headers = {get_article(slug).uuid for slug in ("media-law", "ceasefire")}  # never opened
    server, copy = open_database(url), open_database(str(replica))
    try:
        on_server, in_copy = (newsroom_view(server, header_only=headers),
                              newsroom_view(copy, header_only=headers))
        assert set(on_server["stories"]) == set(in_copy["stories"])
        for story, fields in on_server["stories"].items():
            for name, value in fields.items():
                assert (story, name, in_copy["stories"][story][name]) == (story, name, value)
        assert on_server == in_copy
    finally:
        copy.close()
        server.close()
    window.close()

