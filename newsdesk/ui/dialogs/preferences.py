"""Personal preferences: the user's name (locks, revisions) and the default agency."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from newsdesk.stories.identity import default_user_name
from newsdesk.ui.settings import DEFAULT_AGENCY, USER_NAME, user_name


class PreferencesDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle("Preferences")
        self.user_name = QLineEdit(user_name(settings), self)
        self.user_name.setPlaceholderText(default_user_name())
        self.agency = QLineEdit(DEFAULT_AGENCY.read(settings), self)
        form = QFormLayout()
        form.addRow("Your name", self.user_name)
        form.addRow("", QLabel("Shown to colleagues on the stories you edit and on your "
                               "revisions.", self))
        form.addRow("Default agency", self.agency)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        USER_NAME.write(self.settings, self.user_name.text().strip())
        DEFAULT_AGENCY.write(self.settings, self.agency.text().strip())
        super().accept()
