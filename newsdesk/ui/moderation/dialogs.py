"""The moderation panel's helpers: the Rules dialog, the shortcut overlay, the review jobs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QEvent, QObject, Qt
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
from newsdesk.ui.i18n import tr
from newsdesk.ui.workers import Job

SHORTCUTS = (
    ("J / K", QT_TR_NOOP("next / previous review")),
    ("A", QT_TR_NOOP("approve")), ("R", QT_TR_NOOP("reject")),
    ("S", QT_TR_NOOP("mark as spam")),
    ("Z", QT_TR_NOOP("undo the last decision (again for earlier ones)")),
    ("X", QT_TR_NOOP("select or unselect the review")),
    ("Shift+A / R / S", QT_TR_NOOP("approve / reject / spam every selected review")),
    ("B", QT_TR_NOOP("ban the author")),
    ("Ctrl+F", QT_TR_NOOP("search review text")),
    ("?", QT_TR_NOOP("show or hide this help")),
)


class RulesDialog(QDialog):
    """Banned and suspect words, banned authors (one per line) and the link limit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Moderation rules"))
        rules = moderation_rules.load_rules()
        self.banned_words = self._lines(rules.banned_words)
        self.suspect_words = self._lines(rules.suspect_words)
        self.banned_authors = self._lines(rules.banned_authors)
        self.max_links = QSpinBox(self)
        self.max_links.setRange(0, 100)
        self.max_links.setValue(rules.max_links)
        form = QFormLayout()
        form.addRow(tr("Banned words (reject):"), self.banned_words)
        form.addRow(tr("Suspect words (flag):"), self.suspect_words)
        form.addRow(tr("Banned authors (email or name):"), self.banned_authors)
        form.addRow(tr("Hold reviews with more links than:"), self.max_links)
        note = QLabel(tr("One entry per line. Rules apply to reviews imported from now on."),
                      self)
        note.setWordWrap(True)
        pending = reviews.pending_count()
        self.recheck = QCheckBox(
            tr("Also check the %Ln pending review(s) again now (banned words and authors "
               "reject them; Z undoes)", "", pending), self)
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
        rows = "".join(f"<tr><td><b>{keys}</b></td><td>&nbsp;&nbsp;{tr(what)}</td></tr>"
                       for keys, what in SHORTCUTS)
        heading, closing = tr("Keyboard"), tr("Press any key to close.")
        label = QLabel(f"<h3>{heading}</h3><table>{rows}</table><p>{closing}</p>", self)
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


def import_job(path: Path) -> Callable[[Job], reviews.ImportResult]:
    """Read and import one review file on a worker thread; the result is the import's
    counts. Cancel rolls the import's transaction back."""
    def work(job: Job) -> reviews.ImportResult:
        records = review_import.read_review_file(path)
        job.report(0, max(1, len(records)))
        return reviews.import_records(records, source=str(path), progress=job.report)

    return work


def recheck_job(job: Job) -> reviews.RecheckResult:
    """Apply the rules to the pending reviews (on a worker thread)."""
    return reviews.recheck_pending(progress=job.report)
