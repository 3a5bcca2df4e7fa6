"""The moderation panel's helpers: the Rules dialog, the shortcut overlay, the review jobs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from newsdesk.moderation import review_files as review_import
from newsdesk.moderation import reviews
from newsdesk.moderation import rule_store as moderation_rules
from newsdesk.ui.workers import Job

SHORTCUTS = (
    ("J / K", "next / previous review"),
    ("A", "approve"), ("R", "reject"), ("S", "spam"),
    ("Z", "undo the last decision (again for earlier ones)"),
    ("X", "select or unselect the review"),
    ("Shift+A / R / S", "approve / reject / spam every selected review"),
    ("B", "ban the author"),
    ("Ctrl+F", "search review text"),
    ("?", "show or hide this help"),
)


class RulesDialog(QDialog):
    """Banned and suspect words, banned authors (one per line) and the link limit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Moderation rules")
        rules = moderation_rules.load_rules()
        self.banned_words = self._lines(rules.banned_words)
        self.suspect_words = self._lines(rules.suspect_words)
        self.banned_authors = self._lines(rules.banned_authors)
        self.max_links = QSpinBox(self)
        self.max_links.setRange(0, 100)
        self.max_links.setValue(rules.max_links)
        form = QFormLayout()
        form.addRow("Banned words (reject):", self.banned_words)
        form.addRow("Suspect words (flag):", self.suspect_words)
        form.addRow("Banned authors (email or name):", self.banned_authors)
        form.addRow("Hold reviews with more links than:", self.max_links)
        note = QLabel("One entry per line. Rules apply to reviews imported from now on.", self)
        pending = reviews.pending_count()
        self.recheck = QCheckBox(
            f"Also check the {pending:,} pending review{'s' if pending != 1 else ''} again "
            "now (banned words and authors reject them; Z undoes)", self)
        self.recheck.setChecked(pending > 0)
        self.recheck.setEnabled(pending > 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.recheck)
        layout.addWidget(buttons)

    def _lines(self, values: list[str]) -> QPlainTextEdit:
        edit = QPlainTextEdit("\n".join(values), self)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(90)
        return edit

    def values(self) -> dict[str, object]:
        def lines(edit: QPlainTextEdit) -> list[str]:
            return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]

        return {"banned_words": lines(self.banned_words),
                "suspect_words": lines(self.suspect_words),
                "banned_authors": lines(self.banned_authors),
                "max_links": self.max_links.value()}

    def accept(self) -> None:
        moderation_rules.replace_rules(self.values())
        super().accept()


class ShortcutOverlay(QFrame):
    """A panel laid over the queue listing the keys; any key or click hides it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("shortcut-overlay")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        rows = "".join(f"<tr><td><b>{keys}</b></td><td>&nbsp;&nbsp;{what}</td></tr>"
                       for keys, what in SHORTCUTS)
        label = QLabel(f"<h3>Keyboard</h3><table>{rows}</table>"
                       "<p>Press any key to close.</p>", self)
        label.setTextFormat(Qt.TextFormat.RichText)  # our own fixed text, not user input
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.hide()
        parent.installEventFilter(self)

    def toggle(self) -> None:
        if self.isVisible():
            self.close_overlay()
            return
        self.adjustSize()
        parent = self.parentWidget()
        self.move((parent.width() - self.width()) // 2, (parent.height() - self.height()) // 3)
        self.show()
        self.raise_()
        self.setFocus()

    def close_overlay(self) -> None:
        self.hide()
        self.parentWidget().setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.close_overlay()
        event.accept()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.close_overlay()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and self.isVisible():
            parent = self.parentWidget()
            self.move((parent.width() - self.width()) // 2,
                      (parent.height() - self.height()) // 3)
        return False


def import_job(path: Path) -> Callable[[Job], str]:
    """Read and import one review file on a worker thread; the result is the summary
    line. Cancel rolls the import's transaction back."""
    def work(job: Job) -> str:
        records = review_import.read_review_file(path)
        job.report(0, max(1, len(records)))
        return reviews.import_records(records, source=str(path), progress=job.report).summary()

    return work


def recheck_job(job: Job) -> reviews.RecheckResult:
    """Apply the rules to the pending reviews (on a worker thread)."""
    return reviews.recheck_pending(progress=job.report)
