"""The main window: four modes (Desk, Moderation, People & Organisations, Dashboard) and a
status bar.

Only the mode on screen is built at start; the others are built (and their modules
imported) when first shown or asked for: ``MODES`` says how, one entry per mode.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import peewee
from PySide6.QtCore import QT_TR_NOOP, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from newsdesk.errors import UserError
from newsdesk.store.changes import ChangeWatcher
from newsdesk.store.opened import OpenedDatabase
from newsdesk.ui.banner import WARNING, Banner
from newsdesk.ui.desk.editor import NO_STORY
from newsdesk.ui.desk.panel import DeskView
from newsdesk.ui.i18n import tr
from newsdesk.ui.icons import bake_later_icons, icon, icon_later
from newsdesk.ui.settings import (
    WINDOW_GEOMETRY,
    WINDOW_MODE,
    WINDOW_STATE,
    user_settings,
)
from newsdesk.ui.startup import FirstPaint
from newsdesk.ui.workers import JobRunner, shut_down_jobs

CHANGE_POLL_MS = 2000
STORY_TABLES = {"article", "article_tag", "entity", "alias"}
REVIEW_TABLES = {"review", "review_flag"}

if TYPE_CHECKING:
    from newsdesk.moderation.queues import QueueFilter
    from newsdesk.ui.dashboard.panel import DashboardPanel
    from newsdesk.ui.internal_errors import ErrorBand, InternalErrors
    from newsdesk.ui.moderation.panel import ModerationPanel
    from newsdesk.ui.offline import ReplicaSync
    from newsdesk.ui.people.panel import EntitiesPanel


def _desk(window: MainWindow) -> QWidget:
    return DeskView(window.settings, window)


def _moderation(window: MainWindow) -> QWidget:
    from newsdesk.ui.moderation.panel import ModerationPanel

    return ModerationPanel(window, window.settings)


def _entities(window: MainWindow) -> QWidget:
    from newsdesk.ui.people.panel import EntitiesPanel

    panel = EntitiesPanel(window)
    panel.open_article_requested.connect(window._open_article_from_elsewhere)
    return panel


def _dashboard(window: MainWindow) -> QWidget:
    from newsdesk.ui.dashboard.panel import DashboardPanel

    panel = DashboardPanel(window)
    panel.open_queue.connect(window.open_queue)
    panel.open_stories.connect(window.open_stories)
    panel.open_entity.connect(window.open_entity)
    return panel


class Mode(NamedTuple):
    name: str
    label: str  # untranslated (QT_TR_NOOP)
    icon: str
    build: Callable[[MainWindow], QWidget]  # the panel, its signals connected to the window


MODES = (
    Mode("desk", QT_TR_NOOP("Desk"), "mdi6.newspaper-variant-outline", _desk),
    Mode("moderation", QT_TR_NOOP("Moderation"), "mdi6.comment-check-outline", _moderation),
    Mode("entities", QT_TR_NOOP("People && Organisations"), "mdi6.account-group-outline",
         _entities),
    Mode("dashboard", QT_TR_NOOP("Dashboard"), "mdi6.chart-box-outline", _dashboard),
)
MODE_BY_NAME = {mode.name: mode for mode in MODES}


class MainWindow(QMainWindow):
    def __init__(self, opened: OpenedDatabase, settings: QSettings | None = None) -> None:
        super().__init__()
        self.opened = opened
        self.settings = settings or user_settings()
        self.setWindowTitle("newsdesk")
        central = QWidget(self)
        self.offline_band = Banner("mdi6.cloud-off-outline", WARNING, central)
        self.stack = QStackedWidget(central)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.offline_band)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        # The replica of the team server kept by this window (``keep_replica``), or the
        # one it works in while the server is out of reach (``work_offline``).
        self.offline: ReplicaSync | None = None
        self.panels: dict[str, QWidget] = {}  # the modes built so far
        self.desk: DeskView = self.panel("desk")  # type: ignore[assignment]
        self.mode_actions: dict[str, QAction] = {}
        self.export_dialog = None  # created on first use (File > Export)
        self.error_band: ErrorBand | None = None  # created at the first unexpected error
        self._error_log: Path | None = None
        self._build_toolbar()
        self._build_menus()
        self._build_status_bar()
        self._watch_changes()
        self._restore_layout()
        # What is not on screen gets its icons once the first frame is out.
        self._bake_icons = FirstPaint(self, lambda: QTimer.singleShot(0, bake_later_icons))

    def panel(self, name: str) -> QWidget:
        """The panel of mode ``name``, built on first use."""
        if name not in self.panels:
            panel = MODE_BY_NAME[name].build(self)
            self.panels[name] = panel
            self.stack.addWidget(panel)
            message = getattr(panel, "message", None)
            if message is not None:
                message.connect(self.show_message)
        return self.panels[name]

    @property
    def moderation(self) -> ModerationPanel:
        return self.panel("moderation")  # type: ignore[return-value]

    @property
    def entities(self) -> EntitiesPanel:
        return self.panel("entities")  # type: ignore[return-value]

    @property
    def dashboard(self) -> DashboardPanel:
        return self.panel("dashboard")  # type: ignore[return-value]

    def work_offline(self, server_url: str, replica: Path | None = None) -> None:
        """This window works in the replica of ``server_url``, which cannot be reached:
        a band says so, the changes are sent once it answers again, and the window goes
        back to the server then."""
        # Team mode's replica code is imported by the windows that use it, not at every
        # start of a newsroom on one laptop.
        from newsdesk.sync.offline import replica_for
        from newsdesk.ui.offline import ReplicaSync

        self.offline = ReplicaSync(server_url, replica_for(server_url, replica),
                                   self.offline_band, online=False, parent=self)
        self._follow_replica()
        self._replica_hooks(offline=True)
        self.desk.article_list.refresh()

    def keep_replica(self, server_url: str, replica: Path | None = None) -> None:
        """Keep the replica of ``server_url`` (this window's team server) up to date, with
        the stories opened here in full, to work in when the server is out of reach."""
        from newsdesk.sync.offline import replica_for
        from newsdesk.ui.offline import ReplicaSync

        self.offline = ReplicaSync(server_url, replica_for(server_url, replica),
                                   self.offline_band, online=True, parent=self)
        self._follow_replica()
        self._replica_hooks(offline=False)
        self.desk.article_list.refresh()
        if self.desk.editor.article_id is not None:  # opened at start, before this
            self.look_guard.opened(self.desk.editor.article_id)

    def _follow_replica(self) -> None:
        from newsdesk.ui.desk.offline_look import OfflineLookGuard

        assert self.offline is not None
        self.desk.editor.article_opened.connect(self.offline.keep)
        self.offline.synced.connect(self._replica_synced)
        self.offline.local_writes = self._local_writes
        # A save the server refused, or the change watcher finding it gone: maybe offline.
        self.desk.editor.write_failed.connect(self._server_trouble)
        self.look_guard = OfflineLookGuard(self.desk.editor)
        self.look_guard.looked.connect(self.desk.article_list.refresh_article)

    def _replica_hooks(self, *, offline: bool) -> None:
        """What differs between working in the replica and on the server: marks in the
        list, colleagues' locks as pulled, the conflict view, publishing and exporting."""
        from newsdesk.stories.needs_look import stories_needing_a_look
        from newsdesk.sync.local_changes import changed_story_ids
        from newsdesk.sync.pulled_locks import pulled_locks

        model = self.desk.article_list.model
        model.offline_edits = changed_story_ids if offline else None
        model.pulled_locks = pulled_locks if offline else None
        model.needs_look = None if offline else stories_needing_a_look
        self.desk.lock_guard.pulled_locks = pulled_locks if offline else None
        self.look_guard.active = not offline  # needs_look is the server's
        refusal = tr("Not published: this window works in its offline copy of the team "
                     "server, and publishing is for the server. Publish once the server is "
                     "back.") if offline else ""
        self.desk.editor.publish_refusal = refusal
        self.desk.article_list.publish_refusal = refusal

    def working_offline(self) -> bool:
        return self.offline is not None and not self.offline.online

    def _local_writes(self) -> int:
        """Writes this window made: rows through its own connection (SQLite's count),
        and the editor's autosaves stored through the worker's."""
        stores = self.desk.editor.background_save.writes
        if not self.opened.is_sqlite or self.opened.database.is_closed():
            return stores
        return int(self.opened.database.connection().total_changes) + stores

    def _replica_synced(self, code: int) -> None:
        from newsdesk.ui.offline import SYNCED_WITH_CONFLICTS

        if not self.working_offline():
            if code == SYNCED_WITH_CONFLICTS:
                self.show_message(tr("Offline edits met colleagues' edits: open the marked "
                                     "stories to choose which text to keep"))
                self.desk.article_list.refresh()
            return
        self._back_online(code)

    # -- switching between the server and its replica ----------------------------------
    def _server_trouble(self, *_args: object) -> None:
        """The server refused a write or stopped answering the change watcher: if it
        cannot be reached, the window goes on in the replica."""
        if self.offline is None or self.working_offline() or self._server_answers():
            return
        self.go_offline()

    def _server_answers(self) -> bool:
        database = self.opened.database
        try:
            database.close()
        except peewee.PeeweeException:
            pass  # a connection the server dropped
        try:
            database.connect()
        except peewee.PeeweeException:
            return False
        return True

    def go_offline(self) -> bool:
        """Go on in the replica with the story that was open, its unsaved text saved
        there; False when there is no replica to go on in (never synced)."""
        from newsdesk.store.models import database_proxy
        from newsdesk.sync.offline import open_replica_instead
        from newsdesk.sync.window_switch import adopt_saved_copy, local_story_id, take_in

        assert self.offline is not None
        editor = self.desk.editor
        editor.settle()
        server_story, fields, dirty = editor.article_id, editor.fields(), editor.dirty
        saved = editor.session.stored
        server_journal = editor.session.journal if server_story is not None else None
        replica = open_replica_instead(self.offline.server_url, self.offline.replica)
        if replica is None:
            database_proxy.initialize(self.opened.database)
            self.show_message(tr("The server cannot be reached, and there is no offline copy "
                                 "of it to work in yet"))
            return False
        local = None
        if server_story is not None:
            with replica.database.atomic():
                local = local_story_id(server_story)
                if local is not None and saved is not None:
                    adopt_saved_copy(local, saved)
                elif local is None and saved is not None:
                    local = take_in(saved)  # opened after the last pull
        self._rebind(replica)
        self.offline.go_offline()
        self._replica_hooks(offline=True)
        self.desk.article_list.refresh()
        if editor.switch_story(local, fields, dirty) and server_journal is not None:
            server_journal.clear(server_story)
        self.show_message(tr("The server cannot be reached: working in the offline copy"))
        return True

    def _back_online(self, code: int) -> None:
        """The sync reached the server: go back to it with the story that is open, once
        everything written here is sent (a sync that ran while the user typed goes again)."""
        from newsdesk.store.db import open_database
        from newsdesk.store.models import database_proxy
        from newsdesk.sync.window_switch import server_story_id
        from newsdesk.ui.offline import SYNCED_WITH_CONFLICTS

        assert self.offline is not None
        editor = self.desk.editor
        editor.flush()
        if self.offline.written_since_start() or editor.dirty:
            QTimer.singleShot(0, self.offline.try_server)
            return
        local = editor.article_id
        server_story = server_story_id(local) if local is not None else None
        try:
            server = open_database(self.offline.server_url)
        except (UserError, peewee.PeeweeException):
            database_proxy.initialize(self.opened.database)
            return  # gone again: the next try
        self._rebind(server)
        self.offline.go_online()
        self._replica_hooks(offline=False)
        self.desk.article_list.refresh()
        editor.switch_story(server_story, {}, False)
        if code == SYNCED_WITH_CONFLICTS:
            self.show_message(tr("Back on the server. Some stories were also changed there: "
                                 "open the marked stories to choose which text to keep"))
        else:
            self.show_message(tr("Back on the server; your offline changes were sent"))

    def _rebind(self, opened: OpenedDatabase) -> None:
        """The window works on ``opened`` from now on (the server or its replica)."""
        from newsdesk.store.models import database_proxy

        self.desk.lock_guard.forget()
        self.change_timer.stop()
        self.change_watcher.close()
        try:
            self.opened.close()
        except peewee.PeeweeException:
            pass  # a server connection already gone
        left, self.opened = self.opened.database, opened
        database_proxy.initialize(opened.database)
        for runner in self.findChildren(JobRunner):
            runner.let_go_of_old_database(left)
        self.change_watcher = ChangeWatcher(opened)
        self.change_timer.start()
        self.database_label.setText(tr("Database: {target}").format(target=opened.target))
        self.database_label.setToolTip(opened.target)
        current = self.current_mode()
        if current != "desk" and hasattr(self.panels[current], "activated"):
            self.panels[current].activated()

    def report_internal_errors(self, errors: InternalErrors) -> None:
        """Say in the window what ``errors`` catches: bugs nothing else caught."""
        self._error_log = errors.log_file
        errors.occurred.connect(self.show_internal_error)

    def show_internal_error(self, what: str) -> None:
        if self.error_band is None:
            from newsdesk.ui.internal_errors import ErrorBand

            self.error_band = ErrorBand(self._error_log, self.centralWidget())
            self.centralWidget().layout().insertWidget(0, self.error_band)
        self.error_band.show_error(what)

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    # -- modes -------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        toolbar = QToolBar(tr("Modes"), self)
        toolbar.setObjectName("modes-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        group = QActionGroup(self)
        for number, mode in enumerate(MODES, 1):
            name, label = mode.name, tr(mode.label)
            action = QAction(icon(mode.icon), label, self)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setToolTip(tr("{mode} (Ctrl+{number})").format(
                mode=label.replace("&&", "&"), number=number))
            action.triggered.connect(lambda _=False, n=name: self.show_mode(n))
            group.addAction(action)
            toolbar.addAction(action)
            self.mode_actions[name] = action
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.modes_toolbar = toolbar

    def show_mode(self, name: str, *, activate: bool = True) -> None:
        """Show mode ``name``; with ``activate`` its panel reads what may have changed
        while it was not on screen."""
        panel = self.panel(name)
        self.stack.setCurrentWidget(panel)
        self.mode_actions[name].setChecked(True)
        # Word counts, unknown words and save state belong to the story in the Desk.
        for label in (self.spelling_label, self.counts_label, self.save_state_label):
            label.setVisible(name == "desk")
        for action in self.story_edit_actions:
            action.setVisible(name == "desk")
        if activate and hasattr(panel, "activated"):
            panel.activated()

    def current_mode(self) -> str:
        current = self.stack.currentWidget()
        return next(name for name, panel in self.panels.items() if panel is current)

    def _open_article_from_elsewhere(self, article_id: int) -> None:
        self.show_mode("desk")
        self.desk.open_article(article_id)

    def open_queue(self, spec: QueueFilter) -> None:
        """The Moderation mode on ``spec``'s queue, narrowed as it says (dashboard bars)."""
        self.moderation.open_filtered(spec)
        self.show_mode("moderation")

    def open_stories(self, status: str) -> None:
        """The Desk listing the stories in ``status``."""
        self.show_mode("desk")
        self.desk.article_list.show_status(status)

    def open_entity(self, entity_id: int, name: str) -> None:
        """The People & Organisations mode on one entry."""
        self.show_mode("entities")
        if not self.entities.show_entry(entity_id, name):
            self.statusBar().showMessage(
                tr("{name} is no longer in the registry").format(name=name), 6000)

    # -- menus -------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(tr("&File"))
        for action in self.desk.file_actions():
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.import_reviews_action = QAction(tr("Import &reviews…"), self)
        icon_later(self.import_reviews_action, "mdi6.comment-arrow-right-outline")
        self.import_reviews_action.triggered.connect(
            lambda _=False: self.moderation.choose_import_file())
        file_menu.addAction(self.import_reviews_action)
        file_menu.addSeparator()
        self.export_action = QAction(tr("&Export…"), self)
        icon_later(self.export_action, "mdi6.export")
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setToolTip(
            tr("Export finished stories: site, ninjs or Markdown (Ctrl+E)"))
        self.export_action.triggered.connect(self.open_export_dialog)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        quit_action = QAction(tr("&Quit"), self)
        icon_later(quit_action, "mdi6.exit-to-app")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu(tr("&Edit"))
        # Shown (so their shortcuts live) only in the Desk: Ctrl+F searches reviews in the
        # Moderation mode; see show_mode().
        self.story_edit_actions = [self.desk.editor.find_action,
                                   self.desk.editor.replace_action,
                                   self.desk.editor.next_unknown_action]
        edit_menu.addActions(self.story_edit_actions)
        edit_menu.addSeparator()
        preferences = QAction(tr("&Preferences…"), self)
        icon_later(preferences, "mdi6.cog-outline")
        preferences.setShortcut(QKeySequence.StandardKey.Preferences)
        preferences.triggered.connect(self.open_preferences)
        edit_menu.addAction(preferences)
        view_menu = self.menuBar().addMenu(tr("&View"))
        for action in self.mode_actions.values():
            view_menu.addAction(action)

    def open_preferences(self) -> None:
        from newsdesk.ui.dialogs.preferences import PreferencesDialog

        PreferencesDialog(self.settings, self).open()

    def open_export_dialog(self) -> None:
        from newsdesk.ui.dialogs.export import ExportDialog, export_summary

        if self.working_offline():
            self.statusBar().showMessage(
                tr("Not exported: this window works in its offline copy of the team server, "
                   "and exports are made from the server. Export once the server is back."),
                15000)
            return

        if self.export_dialog is None:
            self.export_dialog = ExportDialog(self.settings, self)
            self.export_dialog.exported.connect(
                lambda result: self.statusBar().showMessage(export_summary(result), 10000))
        self.export_dialog.show()
        self.export_dialog.raise_()
        self.export_dialog.activateWindow()

    # -- colleagues' changes -----------------------------------------------------------
    def _watch_changes(self) -> None:
        """Refresh the story list and the queue counts when someone else changes them."""
        self.change_watcher = ChangeWatcher(self.opened)
        self.change_timer = QTimer(self)
        self.change_timer.setInterval(CHANGE_POLL_MS)
        self.change_timer.timeout.connect(self.check_for_changes)
        self.change_timer.start()

    def check_for_changes(self) -> None:
        try:
            tables = self.change_watcher.poll()
        except (peewee.DatabaseError, OSError):
            return  # the connection is in trouble; saving reports that where it matters
        if self.change_watcher.unreachable:
            self._server_trouble()
            return
        if tables & STORY_TABLES:
            self.desk.colleagues_changed_stories()
        # A mode not built yet reads everything when it is.
        if tables & (STORY_TABLES | REVIEW_TABLES) and "dashboard" in self.panels:
            self.dashboard.colleagues_changed()
        if tables & REVIEW_TABLES and "moderation" in self.panels:
            if self.current_mode() == "moderation":
                self.moderation.refresh()
            else:
                self.moderation.update_counts()

    # -- status bar --------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.counts_label = QLabel("", self)
        self.save_state_label = QLabel("", self)
        self.database_label = QLabel(tr("Database: {target}").format(target=self.opened.target),
                                     self)
        self.database_label.setToolTip(self.opened.target)
        self.spelling_label = QLabel("", self)
        self.spelling_label.setToolTip(tr("F7: the next unknown word"))
        bar.addPermanentWidget(self.spelling_label)
        bar.addPermanentWidget(self.counts_label)
        bar.addPermanentWidget(self.save_state_label)
        bar.addPermanentWidget(self.database_label)
        self.desk.counts_changed.connect(self._show_counts)
        self.desk.editor.spelling.count_changed.connect(self._show_unknown_words)
        self.desk.save_state_changed.connect(self._show_save_state)
        self.desk.editor.announce_state()  # the story opened before these were connected

    def _show_save_state(self, state: str) -> None:
        self.save_state_label.setText(tr(state) if state else "")
        if state == NO_STORY:  # no story open: no counts either
            self.counts_label.clear()

    def _show_unknown_words(self, unknown: int) -> None:
        self.spelling_label.setText(tr("%n unknown word(s)", "", unknown) if unknown >= 0
                                    else "")
        self.spelling_label.setStyleSheet("color: #b3261e;" if unknown > 0 else "")

    def _show_counts(self, words: int, chars: int) -> None:
        self.counts_label.setText(tr("%Ln word(s)", "", words) + " · "
                                  + tr("%Ln character(s)", "", chars))

    # -- layout memory -----------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = WINDOW_GEOMETRY.read(self.settings)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        state = WINDOW_STATE.read(self.settings)
        if state is not None:
            self.restoreState(state)
        mode = WINDOW_MODE.read(self.settings)
        # The Desk has just read everything, being built; the other modes read when shown.
        self.show_mode(mode, activate=mode != "desk")

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if not self.desk.can_close():
            event.ignore()
            return
        WINDOW_GEOMETRY.write(self.settings, self.saveGeometry())
        WINDOW_STATE.write(self.settings, self.saveState())
        WINDOW_MODE.write(self.settings, self.current_mode())
        self.desk.save_layout()
        if "moderation" in self.panels:
            self.moderation.save_layout()
        if self.export_dialog is not None:
            self.export_dialog.close()  # cancels a running export and waits for its thread
        self.change_timer.stop()
        self.change_watcher.close()
        if self.offline is not None:
            self.offline.stop()
        shut_down_jobs(self)
        super().closeEvent(event)

    def screenshot_delay_ms(self) -> int:
        """How long a screenshot waits for the window (and its preview) to settle."""
        return self.desk.settle_time_ms()

    def finish_background_figures(self) -> None:
        """Before a screenshot: wait for the list's counts, the open story's tag
        suggestions and spelling, and the dashboard's figures being computed."""
        self.desk.article_list.finish_counts()
        self.desk.tag_panel.finish_pass()
        self.desk.editor.spelling.finish()
        if "dashboard" in self.panels:
            self.dashboard.wait()
