"""Personal preferences: the user's name (locks, revisions), the default agency and the
window's language."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from newsdesk.stories.identity import default_user_name
from newsdesk.ui.i18n import LANGUAGE_NAMES, LANGUAGES, system_language, tr
from newsdesk.ui.settings import DEFAULT_AGENCY, USER_NAME, WINDOW_LANGUAGE, user_name


class PreferencesDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(tr("Preferences"))
        self.user_name = QLineEdit(user_name(settings), self)
        self.user_name.setPlaceholderText(default_user_name())
        self.agency = QLineEdit(DEFAULT_AGENCY.read(settings), self)
        self.language = QComboBox(self)
        self.language.addItem(tr("System language ({language})").format(
            language=LANGUAGE_NAMES[system_language()]), "")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        chosen = self.language.findData(WINDOW_LANGUAGE.read(settings).strip().lower())
        self.language.setCurrentIndex(max(chosen, 0))
        form = QFormLayout()
        form.addRow(tr("Your name"), self.user_name)
        form.addRow("", self._note(tr("Shown to colleagues on the stories you edit and on "
                                      "your revisions.")))
        form.addRow(tr("Default agency"), self.agency)
        form.addRow(tr("Language"), self.language)
        form.addRow("", self._note(tr("The window uses it from the next start.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _note(self, text: str) -> QLabel:
        note = QLabel(text, self)
        note.setWordWrap(True)
        return note

    def accept(self) -> None:
        USER_NAME.write(self.settings, self.user_name.text().strip())
        DEFAULT_AGENCY.write(self.settings, self.agency.text().strip())
        WINDOW_LANGUAGE.write(self.settings, self.language.currentData())
        super().accept()
