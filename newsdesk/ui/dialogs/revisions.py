"""The revisions panel: a story's revisions, a word diff against the current text, restore;
and a dialog comparing two versions of a story (recovered text against the saved one)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from newsdesk.store.timestamps import local_time
from newsdesk.stories import revisions, workflow
from newsdesk.stories.revisions import DiffPiece
from newsdesk.ui.icons import icon

REASON_LABELS = {"save": "Saved", "autosave": "Autosave", "restore": "Restored",
                 "conflict": "Conflict", "import": "Imported", "recovered": "Recovered",
                 "update": "Update from source", "correction": "Correction from source"}
SELECT_HINT = "Select a revision to see what changed since."


def diff_html(changes: list[tuple[str, list[DiffPiece]]]) -> str:
    """The word diff as HTML; every piece of story text is escaped."""
    if not changes:
        return "<p><i>No differences from the current text.</i></p>"
    parts = []
    for label, pieces in changes:
        parts.append(f"<h4>{escape(label)}</h4><p>")
        for piece in pieces:
            text = escape(piece.text).replace("\n", "<br>")
            if piece.kind == "added":
                parts.append(f'<span style="background:#c8f0c8;color:#0b4d0b">{text}</span>')
            elif piece.kind == "removed":
                parts.append('<span style="background:#f6c6c6;color:#6d0b0b;'
                             f'text-decoration:line-through">{text}</span>')
            else:
                parts.append(text)
        parts.append("</p>")
    return "".join(parts)


def story_text(fields: dict[str, Any]) -> str:
    """A version of a story as plain text to read: the short fields labelled, then the body
    and the footnote."""
    lines, blocks = [], []
    for name, label in revisions.DIFF_FIELDS:
        value = fields.get(name)
        text = value.isoformat() if hasattr(value, "isoformat") else str(value or "")
        if name in ("body", "footnote"):
            blocks.append(text)
        elif text:
            lines.append(f"{label}: {text}")
    return "\n\n".join(["\n".join(lines), *filter(None, blocks)])


class CompareDialog(QDialog):
    """Two versions of a story: their word diff, and each in full (non-modal)."""

    def __init__(self, title: str, old: dict[str, Any], old_label: str,
                 new: dict[str, Any], new_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 560)
        legend = QLabel(f"Green: only in {new_label.lower()}. Red: only in "
                        f"{old_label.lower()}.", self)
        self.diff_view = QTextBrowser(self)
        self.diff_view.setOpenLinks(False)
        self.diff_view.setHtml(diff_html(revisions.field_diffs(old, new)))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.diff_view, "Differences")
        self.versions: dict[str, QPlainTextEdit] = {}
        for label, fields in ((new_label, new), (old_label, old)):
            view = QPlainTextEdit(story_text(fields), self)
            view.setReadOnly(True)
            self.tabs.addTab(view, label)
            self.versions[label] = view
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(legend)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)


class RevisionsPanel(QWidget):
    """Lists revisions; the diff shows what restoring the selected one would change."""

    restore_requested = Signal(int)

    def __init__(self, current_fields: Callable[[], dict[str, Any]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current_fields = current_fields
        self.article_id: int | None = None
        self.tree = QTreeWidget(self)
        self.diff_view = QTextBrowser(self)
        self.restore_button = QPushButton(icon("mdi6.restore"), "Restore this revision", self)
        self.hint = QLabel(SELECT_HINT, self)
        self.hint.setWordWrap(True)
        self._build()

    def _build(self) -> None:
        self.tree.setHeaderLabels(["Time", "Words", "Status", "Why"])
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnWidth(0, 140)
        self.tree.itemSelectionChanged.connect(self.show_selected_diff)
        self.diff_view.setOpenLinks(False)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._restore_clicked)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.diff_view)
        splitter.setSizes([260, 400])
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def load(self, article_id: int | None) -> None:
        """Show the revisions of ``article_id`` (keeps the selection when it still exists)."""
        selected = self.selected_revision_id()
        self.article_id = article_id
        self.tree.clear()
        if article_id is None:
            self.diff_view.clear()
            return
        for summary in revisions.list_revisions(article_id):
            local = local_time(summary.created_at)
            item = QTreeWidgetItem([local.strftime("%d.%m.%y %H:%M:%S"),
                                    f"{summary.word_count:,}",
                                    workflow.STATUS_LABELS.get(summary.status, summary.status),
                                    REASON_LABELS.get(summary.reason, summary.reason)])
            item.setData(0, Qt.ItemDataRole.UserRole, summary.id)
            item.setToolTip(0, f"version {summary.version}")
            if summary.note or summary.agency_version:  # an update from the source
                source = (f"source's version {summary.agency_version}"
                          if summary.agency_version else "")
                item.setToolTip(3, ": ".join(filter(None, (source, summary.note))))
            self.tree.addTopLevelItem(item)
            if summary.id == selected:
                item.setSelected(True)
        if self.selected_revision_id() is None:
            self.diff_view.clear()
            self.restore_button.setEnabled(False)

    def selected_revision_id(self) -> int | None:
        items = self.tree.selectedItems()
        return int(items[0].data(0, Qt.ItemDataRole.UserRole)) if items else None

    def select_row(self, row: int) -> None:
        item = self.tree.topLevelItem(row)
        if item is not None:
            self.tree.setCurrentItem(item)

    def show_selected_diff(self) -> None:
        revision_id = self.selected_revision_id()
        self.restore_button.setEnabled(revision_id is not None)
        if revision_id is None:
            self.diff_view.clear()
            self.hint.setText(SELECT_HINT)
            return
        self.hint.setText("Restoring it removes the red text and brings back the green.")
        old = revisions.snapshot(revision_id)
        # Read as "restoring this revision would change the current text like so".
        changes = revisions.field_diffs(self.current_fields(), old)
        self.diff_view.setHtml(diff_html(changes))

    def _restore_clicked(self) -> None:
        revision_id = self.selected_revision_id()
        if revision_id is not None:
            self.restore_requested.emit(revision_id)
