"""Find and replace in the story body (Ctrl+F / Ctrl+H), a bar above the text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.ui.i18n import tr
from newsdesk.ui.icons import icon_later


class FindReplaceBar(QWidget):
    message = Signal(str)

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.find_field = QLineEdit(self)
        self.find_field.setPlaceholderText(tr("Find in story"))
        self.find_field.setClearButtonEnabled(True)
        self.replace_field = QLineEdit(self)
        self.replace_field.setPlaceholderText(tr("Replace with"))
        self.case_box = QCheckBox(tr("Match case"), self)
        self.result_label = QLabel("", self)
        # Hidden until Ctrl+F: icons baked after the first frame.
        self.next_button = QPushButton("", self)
        icon_later(self.next_button, "mdi6.chevron-down")
        self.previous_button = QPushButton("", self)
        icon_later(self.previous_button, "mdi6.chevron-up")
        self.replace_button = QPushButton(tr("Replace"), self)
        self.replace_all_button = QPushButton(tr("Replace all"), self)
        self.close_button = QPushButton("", self)
        icon_later(self.close_button, "mdi6.close")
        self._build()
        self.hide()

    def _build(self) -> None:
        self.next_button.setToolTip(tr("Next match (Enter)"))
        self.previous_button.setToolTip(tr("Previous match (Shift+Enter)"))
        self.close_button.setToolTip(tr("Close (Esc)"))
        find_row = QHBoxLayout()
        for widget in (self.find_field, self.previous_button, self.next_button, self.case_box,
                       self.result_label, self.close_button):
            find_row.addWidget(widget)
        find_row.setStretch(0, 1)
        self.replace_row = QWidget(self)
        replace_layout = QHBoxLayout(self.replace_row)
        replace_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.replace_field, self.replace_button, self.replace_all_button):
            replace_layout.addWidget(widget)
        replace_layout.setStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(find_row)
        layout.addWidget(self.replace_row)
        self.find_field.returnPressed.connect(self.find_next)
        self.find_field.textChanged.connect(lambda _t: self.result_label.clear())
        self.replace_field.returnPressed.connect(self.replace_one)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.close_bar)
        back = QShortcut(QKeySequence("Shift+Return"), self.find_field)
        back.activated.connect(self.find_previous)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_bar)

    def open_find(self, *, replace: bool = False) -> None:
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_field.setText(selected)
        self.replace_row.setVisible(replace)
        self.show()
        target = self.replace_field if replace and self.find_field.text() else self.find_field
        target.setFocus()
        target.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.editor.setFocus()

    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case_box.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def _find(self, *, backward: bool) -> bool:
        needle = self.find_field.text()
        if not needle:
            return False
        if self.editor.find(needle, self._flags(backward)):
            self.result_label.clear()
            return True
        # Wrap around once, from the other end of the story.
        cursor = self.editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End if backward
                            else QTextCursor.MoveOperation.Start)
        self.editor.setTextCursor(cursor)
        found = self.editor.find(needle, self._flags(backward))
        self.result_label.setText("" if found else tr("Not found"))
        return found

    def _selection_matches(self) -> bool:
        selected = self.editor.textCursor().selectedText()
        needle = self.find_field.text()
        if self.case_box.isChecked():
            return selected == needle
        return selected.casefold() == needle.casefold()

    def replace_one(self) -> None:
        """Replace the current match (if the selection is one) and go to the next."""
        if self.find_field.text() and self._selection_matches():
            self.editor.textCursor().insertText(self.replace_field.text())
        self.find_next()

    def replace_all(self) -> int:
        """Replace every match as one undo step; returns how many were replaced."""
        needle, replacement = self.find_field.text(), self.replace_field.text()
        if not needle:
            return 0
        document = self.editor.document()
        edit = QTextCursor(document)
        edit.beginEditBlock()
        count = 0
        found = document.find(needle, 0, self._flags())
        while not found.isNull():
            found.insertText(replacement)
            count += 1
            found = document.find(needle, found.position(), self._flags())
        edit.endEditBlock()
        self.result_label.setText(tr("%Ln replaced", "", count))
        self.message.emit(tr("Replaced %Ln occurrence(s)", "", count))
        return count
