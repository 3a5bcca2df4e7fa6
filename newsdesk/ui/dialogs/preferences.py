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

USER_NAME_KEY = "team/user_name"
DEFAULT_AGENCY_KEY = "editor/default_agency"
DEFAULT_AGENCY = "Turan"


def user_name(settings: QSettings) -> str:
    """The name colleagues see on locks and revisions; the login name until set."""
    return str(settings.value(USER_NAME_KEY, "") or "").strip() or default_user_name()


def default_agency(settings: QSettings) -> str:
    return str(settings.value(DEFAULT_AGENCY_KEY, DEFAULT_AGENCY) or "")


class PreferencesDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle("Preferences")
        self.user_name = QLineEdit(user_name(settings), self)
        self.user_name.setPlaceholderText(default_user_name())
        self.agency = QLineEdit(default_agency(settings), self)
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
        self.settings.setValue(USER_NAME_KEY, self.user_name.text().strip())
        self.settings.setValue(DEFAULT_AGENCY_KEY, self.agency.text().strip())
        super().accept()
