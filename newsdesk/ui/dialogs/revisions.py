"""The revisions panel: a story's revisions, a word diff against the current text, restore;
and a dialog comparing two versions of a story (recovered text against the saved one)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QT_TR_NOOP, Qt, Signal
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
from newsdesk.stories import revisions
from newsdesk.stories.revisions import DiffPiece
from newsdesk.ui.domain_texts import status_label, translated
from newsdesk.ui.i18n import number_text, tr
from newsdesk.ui.icons import icon_later

REASON_LABELS = {"save": QT_TR_NOOP("Saved"), "autosave": QT_TR_NOOP("Autosave"),
                 "restore": QT_TR_NOOP("Restored"), "conflict": QT_TR_NOOP("Conflict"),
                 "import": QT_TR_NOOP("Imported"), "recovered": QT_TR_NOOP("Recovered"),
                 "update": QT_TR_NOOP("Update from source"),
                 "correction": QT_TR_NOOP("Correction from source"),
                 # desk/story_lock.py sets unsaved text aside under this reason.
                 "unsaved when the lock was taken over":
                     QT_TR_NOOP("Unsaved when the lock was taken over"),
                 # sync/push.py: a replica's version that met a colleague's edit.
                 "offline edit": QT_TR_NOOP("Offline edit")}
TAKEN_OVER = "lock taken over from "
SELECT_HINT = QT_TR_NOOP("Select a revision to see what changed since.")
# A field's name in the diff, by the English name ``revisions.field_diffs`` gives it.
FIELD_BY_LABEL = {phrase.english: phrase for phrase in revisions.FIELD_NAMES.values()}


def field_label(label: str) -> str:
    phrase = FIELD_BY_LABEL.get(label)
    return translated(phrase()) if phrase else label


def reason_label(reason: str) -> str:
    """Why a revision was recorded (stored in English: "save", "status ready"...)."""
    known = REASON_LABELS.get(reason)
    if known:
        return tr(known)
    kind, _, rest = reason.partition(" ")
    if kind == "status" and rest:  # articles.set_status records "status <new status>"
        return tr("Status: {status}").format(status=status_label(rest))
    if reason.startswith(TAKEN_OVER):  # locks.take_over: "lock taken over from <holder>"
        return tr("Lock taken over from {holder}").format(holder=reason[len(TAKEN_OVER):])
    return reason


def diff_html(changes: list[tuple[str, list[DiffPiece]]]) -> str:
    """The word diff as HTML; every piece of story text is escaped."""
    if not changes:
        same = tr("No differences from the current text.")
        return f"<p><i>{escape(same)}</i></p>"
    parts = []
    for label, pieces in changes:
        parts.append(f"<h4>{escape(field_label(label))}</h4><p>")
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
            lines.append(f"{field_label(label)}: {text}")
    return "\n\n".join(["\n".join(lines), *filter(None, blocks)])


class CompareDialog(QDialog):
    """Two versions of a story: their word diff, and each in full (non-modal)."""

    def __init__(self, title: str, old: dict[str, Any], old_label: str,
                 new: dict[str, Any], new_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 560)
        legend = QLabel(tr("Green: only in “{new}”. Red: only in “{old}”.").format(
            new=new_label, old=old_label), self)
        self.diff_view = QTextBrowser(self)
        self.diff_view.setOpenLinks(False)
        self.diff_view.setHtml(diff_html(revisions.field_diffs(old, new)))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.diff_view, tr("Differences"))
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
        self.restore_button = QPushButton(tr("Restore this revision"), self)
        icon_later(self.restore_button, "mdi6.restore")  # not on screen at the start
        self.hint = QLabel(tr(SELECT_HINT), self)
        self.hint.setWordWrap(True)
        self._build()

    def _build(self) -> None:
        self.tree.setHeaderLabels([tr("Time"), tr("Words"), tr("Status"), tr("Why")])
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
                                    number_text(summary.word_count),
                                    status_label(summary.status),
                                    reason_label(summary.reason)])
            item.setData(0, Qt.ItemDataRole.UserRole, summary.id)
            item.setToolTip(0, tr("version {version}").format(version=summary.version))
            if summary.note or summary.agency_version:  # an update from the source
                source = (tr("source's version {version}").format(
                    version=summary.agency_version) if summary.agency_version else "")
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
            self.hint.setText(tr(SELECT_HINT))
            return
        self.hint.setText(tr("Restoring it removes the red text and brings back the green."))
        old = revisions.snapshot(revision_id)
        # Read as "restoring this revision would change the current text like so".
        changes = revisions.field_diffs(self.current_fields(), old)
        self.diff_view.setHtml(diff_html(changes))

    def _restore_clicked(self) -> None:
        revision_id = self.selected_revision_id()
        if revision_id is not None:
            self.restore_requested.emit(revision_id)
