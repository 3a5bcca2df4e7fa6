"""A banner above a panel: an icon, one sentence about the open story, and its buttons
(a colleague's lock, the story in the trash, text recovered after a crash)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from newsdesk.ui.icons import icon

# (background, text): light enough for dark text in light and dark palettes alike.
INFO = ("#e7f1fb", "#0b3050")
WARNING = ("#fde8e6", "#5f1410")
GOOD = ("#e6f4ea", "#0d3b1e")


class Banner(QWidget):
    def __init__(self, icon_name: str, colours: tuple[str, str] = INFO,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        background, text = colours
        # A plain QWidget subclass paints a stylesheet background only when asked to.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(f"Banner {{ background: {background}; border-radius: 3px; }} "
                           f"Banner > QLabel {{ color: {text}; }}")
        self.icon = QLabel(self)
        # Its icons are baked when it is first shown: most banners never are, and a
        # window's start built five of them.
        self._icons_to_bake: list[tuple[QWidget, str]] = [(self.icon, icon_name)]
        self.label = QLabel("", self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # story text never becomes markup
        # Buttons go under the sentence, right-aligned: beside it they would widen the
        # editor's minimum width, and the list pane with it.
        self._buttons = QHBoxLayout()
        self._buttons.setSpacing(4)
        self._buttons.addStretch(1)
        layout = QGridLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setVerticalSpacing(2)
        layout.addWidget(self.icon, 0, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 0, 1)
        layout.addLayout(self._buttons, 1, 1)
        layout.setColumnStretch(1, 1)
        self.hide()

    def add_button(self, text: str, icon_name: str, slot: Callable[[], None],
                   tooltip: str = "") -> QPushButton:
        button = QPushButton(text, self)
        if self._icons_to_bake:
            self._icons_to_bake.append((button, icon_name))
        else:
            button.setIcon(icon(icon_name))
        button.setToolTip(tooltip)
        button.clicked.connect(lambda _=False: slot())
        self._buttons.addWidget(button)
        return button

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        for widget, icon_name in self._icons_to_bake:
            if isinstance(widget, QLabel):
                widget.setPixmap(icon(icon_name).pixmap(18, 18))
            elif isinstance(widget, QPushButton):
                widget.setIcon(icon(icon_name))
        self._icons_to_bake = []
        super().showEvent(event)

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        self.show()
