"""The main window: four modes (Desk, Moderation, People & Organisations, Dashboard) and a
status bar."""

from __future__ import annotations

import peewee
from PySide6.QtCore import QT_TR_NOOP, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QToolBar

from newsdesk.moderation.queues import QueueFilter
from newsdesk.store.changes import ChangeWatcher
from newsdesk.store.opened import OpenedDatabase
from newsdesk.ui.dashboard.panel import DashboardPanel
from newsdesk.ui.desk.editor import NO_STORY
from newsdesk.ui.desk.panel import DeskView
from newsdesk.ui.dialogs.preferences import PreferencesDialog
from newsdesk.ui.i18n import tr
from newsdesk.ui.icons import icon
from newsdesk.ui.moderation.panel import ModerationPanel
from newsdesk.ui.people.panel import EntitiesPanel
from newsdesk.ui.settings import (
    WINDOW_GEOMETRY,
    WINDOW_MODE,
    WINDOW_STATE,
    user_settings,
)
from newsdesk.ui.workers import shut_down_jobs

CHANGE_POLL_MS = 2000
STORY_TABLES = {"article", "article_tag", "entity", "alias"}
REVIEW_TABLES = {"review", "review_flag"}

MODES = (
    ("desk", QT_TR_NOOP("Desk"), "mdi6.newspaper-variant-outline"),
    ("moderation", QT_TR_NOOP("Moderation"), "mdi6.comment-check-outline"),
    ("entities", QT_TR_NOOP("People && Organisations"), "mdi6.account-group-outline"),
    ("dashboard", QT_TR_NOOP("Dashboard"), "mdi6.chart-box-outline"),
)


class MainWindow(QMainWindow):
    def __init__(self, opened: OpenedDatabase, settings: QSettings | None = None) -> None:
        super().__init__()
        self.opened = opened
        self.settings = settings or user_settings()
        self.setWindowTitle("newsdesk")
        self.desk = DeskView(self.settings, self)
        self.moderation = ModerationPanel(self, self.settings)
        self.entities = EntitiesPanel(self)
        self.dashboard = DashboardPanel(self)
        self.panels = {"desk": self.desk, "moderation": self.moderation,
                       "entities": self.entities, "dashboard": self.dashboard}
        self.stack = QStackedWidget(self)
        for panel in self.panels.values():
            self.stack.addWidget(panel)
        self.setCentralWidget(self.stack)
        self.mode_actions: dict[str, QAction] = {}
        self.export_dialog = None  # created on first use (File > Export)
        self._build_toolbar()
        self._build_menus()
        self._build_status_bar()
        self.entities.open_article_requested.connect(self._open_article_from_elsewhere)
        self.dashboard.open_queue.connect(self.open_queue)
        self.dashboard.open_stories.connect(self.open_stories)
        self.dashboard.open_entity.connect(self.open_entity)
        self._watch_changes()
        self._restore_layout()

    # -- modes -------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        toolbar = QToolBar(tr("Modes"), self)
        toolbar.setObjectName("modes-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        group = QActionGroup(self)
        for number, (name, label, icon_name) in enumerate(MODES, 1):
            label = tr(label)
            action = QAction(icon(icon_name), label, self)
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

    def show_mode(self, name: str) -> None:
        panel = self.panels[name]
        self.stack.setCurrentWidget(panel)
        self.mode_actions[name].setChecked(True)
        # Word counts and save state belong to the story in the Desk.
        for label in (self.counts_label, self.save_state_label):
            label.setVisible(name == "desk")
        for action in self.story_edit_actions:
            action.setVisible(name == "desk")
        if hasattr(panel, "activated"):
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
        for action in self.moderation.file_actions():
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.export_action = QAction(icon("mdi6.export"), tr("&Export…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setToolTip(
            tr("Export finished stories: site, ninjs or Markdown (Ctrl+E)"))
        self.export_action.triggered.connect(self.open_export_dialog)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        quit_action = QAction(icon("mdi6.exit-to-app"), tr("&Quit"), self)
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
        preferences = QAction(icon("mdi6.cog-outline"), tr("&Preferences…"), self)
        preferences.setShortcut(QKeySequence.StandardKey.Preferences)
        preferences.triggered.connect(self.open_preferences)
        edit_menu.addAction(preferences)
        view_menu = self.menuBar().addMenu(tr("&View"))
        for action in self.mode_actions.values():
            view_menu.addAction(action)

    def open_preferences(self) -> None:
        PreferencesDialog(self.settings, self).open()

    def open_export_dialog(self) -> None:
        from newsdesk.ui.dialogs.export import ExportDialog, export_summary

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
        if tables & STORY_TABLES:
            self.desk.colleagues_changed_stories()
        if tables & (STORY_TABLES | REVIEW_TABLES):
            self.dashboard.colleagues_changed()
        if tables & REVIEW_TABLES:
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
        self.desk.message.connect(lambda text: bar.showMessage(text, 6000))
        self.moderation.message.connect(lambda text: bar.showMessage(text, 6000))
        self.entities.message.connect(lambda text: bar.showMessage(text, 6000))
        self.dashboard.message.connect(lambda text: bar.showMessage(text, 6000))

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
        self.show_mode(WINDOW_MODE.read(self.settings))

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if not self.desk.can_close():
            event.ignore()
            return
        WINDOW_GEOMETRY.write(self.settings, self.saveGeometry())
        WINDOW_STATE.write(self.settings, self.saveState())
        WINDOW_MODE.write(self.settings, self.current_mode())
        self.desk.save_layout()
        self.moderation.save_layout()
        if self.export_dialog is not None:
            self.export_dialog.close()  # cancels a running export and waits for its thread
        self.change_timer.stop()
        self.change_watcher.close()
        shut_down_jobs(self)
        super().closeEvent(event)

    def screenshot_delay_ms(self) -> int:
        """How long a screenshot waits for the window (and its preview) to settle."""
        return self.desk.settle_time_ms()

    def finish_background_figures(self) -> None:
        """Before a screenshot: wait for the dashboard's figures being computed."""
        self.dashboard.wait()
