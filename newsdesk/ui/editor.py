"""The story editor (first version): every field, explicit save with a version check."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QSettings, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from newsdesk import articles, workflow
from newsdesk.errors import ConflictError, UserError
from newsdesk.textstats import char_count, word_count
from newsdesk.ui.icons import icon

NO_DATE = QDate(2000, 1, 1)


class EditorPanel(QWidget):
    counts_changed = Signal(int, int)
    save_state_changed = Signal(str)
    content_changed = Signal(dict)
    article_saved = Signal(int)
    message = Signal(str)

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.article_id: int | None = None
        self.version = 0
        self.dirty = False
        self.headline = QLineEdit(self)
        self.place = QLineEdit(self)
        self.date = QDateEdit(self)
        self.source = QLineEdit(self)
        self.byline = QLineEdit(self)
        self.section = QLineEdit(self)
        self.language = QComboBox(self)
        self.urgency = QSpinBox(self)
        self.desk_code = QLineEdit(self)
        self.status = QComboBox(self)
        self.body = QPlainTextEdit(self)
        self.footnote = QPlainTextEdit(self)
        self._build()
        self.setEnabled(False)

    def _build(self) -> None:
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd.MM.yy")
        self.date.setMinimumDate(NO_DATE)
        self.date.setSpecialValueText("no date")
        self.language.addItems(["en", "az", "ru"])
        self.language.setEditable(True)
        self.urgency.setRange(1, 9)
        for status, label in workflow.STATUS_LABELS.items():
            self.status.addItem(label, status)
        self.status.activated.connect(self._status_chosen)
        self.headline.setPlaceholderText("Headline")
        self.footnote.setPlaceholderText("Footnote (background, printed in small type)")
        self.footnote.setMaximumHeight(90)
        dateline = QHBoxLayout()
        for widget, hint in ((self.place, "Place"), (self.date, None), (self.source, "Agency")):
            if hint:
                widget.setPlaceholderText(hint)
            dateline.addWidget(widget)
        meta = QHBoxLayout()
        for widget in (self.section, self.language, self.urgency, self.desk_code, self.status):
            meta.addWidget(widget)
        self.section.setPlaceholderText("Section")
        self.desk_code.setPlaceholderText("Desk code 03/06D")
        form = QFormLayout()
        form.addRow("Headline", self.headline)
        form.addRow("Dateline", dateline)
        form.addRow("Byline", self.byline)
        form.addRow("", meta)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.footnote)
        for line in (self.headline, self.place, self.source, self.byline, self.section,
                     self.desk_code):
            line.textEdited.connect(self._edited)
        for text in (self.body, self.footnote):
            text.textChanged.connect(self._edited)
        self.date.dateChanged.connect(self._edited)
        self.urgency.valueChanged.connect(self._edited)
        self.language.currentTextChanged.connect(self._edited)
        self.save_action = QAction(icon("mdi6.content-save-outline"), "&Save story", self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(lambda: self.save(revision=True))

    # -- loading -----------------------------------------------------------------------
    def new_article(self) -> None:
        if not self.flush():
            return
        article = articles.create_article({})
        self.open_article(article.id)
        self.headline.setFocus()

    def open_article(self, article_id: int) -> None:
        if self.article_id == article_id or not self.flush():
            return
        article = articles.get_article(article_id)
        self._loading = True
        self.article_id = article.id
        self.version = article.version
        self.headline.setText(article.headline)
        self.place.setText(article.dateline_place)
        self.date.setDate(QDate(article.dateline_date) if article.dateline_date else NO_DATE)
        self.source.setText(article.dateline_source)
        self.byline.setText(article.byline)
        self.section.setText(article.section)
        self.language.setCurrentText(article.language)
        self.urgency.setValue(article.urgency)
        self.desk_code.setText(article.desk_code)
        self.status.setCurrentIndex(self.status.findData(article.status))
        self.body.setPlainText(article.body)
        self.footnote.setPlainText(article.footnote)
        self._loading = False
        self.dirty = False
        self.setEnabled(True)
        self.save_state_changed.emit("Saved")
        self._announce()

    # -- editing -----------------------------------------------------------------------
    def fields(self) -> dict[str, Any]:
        date = self.date.date()
        return {
            "headline": self.headline.text(), "dateline_place": self.place.text(),
            "dateline_date": None if date == NO_DATE else date.toPython(),
            "dateline_source": self.source.text(), "byline": self.byline.text(),
            "section": self.section.text(), "language": self.language.currentText(),
            "urgency": self.urgency.value(), "desk_code": self.desk_code.text(),
            "body": self.body.toPlainText(), "footnote": self.footnote.toPlainText(),
        }

    def _edited(self, *_: object) -> None:
        if getattr(self, "_loading", False) or self.article_id is None:
            return
        self.dirty = True
        self.save_state_changed.emit("Unsaved")
        self._announce()

    def _announce(self) -> None:
        body = self.body.toPlainText()
        self.counts_changed.emit(word_count(body), char_count(body))
        fields = self.fields()
        fields["status"] = self.status.currentData()
        fields["article_id"] = self.article_id
        self.content_changed.emit(fields)

    def save(self, *, revision: bool = False) -> bool:
        if self.article_id is None:
            return True
        self.save_state_changed.emit("Saving...")
        try:
            article = articles.save_article(self.article_id, self.fields(),
                                            expected_version=self.version,
                                            reason="save", revision=revision)
        except (ConflictError, UserError) as exc:
            self.save_state_changed.emit("Unsaved")
            QMessageBox.warning(self, "Not saved", exc.message)
            return False
        self.version = article.version
        self.dirty = False
        self.save_state_changed.emit("Saved")
        self.article_saved.emit(article.id)
        return True

    def _status_chosen(self, _index: int) -> None:
        target = self.status.currentData()
        if self.article_id is None or not self.save():
            return
        try:
            article = articles.set_status(self.article_id, target,
                                          expected_version=self.version)
        except UserError as exc:
            self.message.emit(f"Status not changed: {exc.reason}")
            current = articles.get_article(self.article_id).status
            self.status.setCurrentIndex(self.status.findData(current))
            return
        self.version = article.version
        self.article_saved.emit(article.id)
        self.message.emit(f"Status: {workflow.STATUS_LABELS[target]}")

    def flush(self) -> bool:
        """Save pending changes before the story is left; False if that failed."""
        return self.save() if self.dirty else True

    def file_actions(self) -> list[QAction]:
        return [self.save_action]
