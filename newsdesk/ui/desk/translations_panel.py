"""The open story's translations, below the editor: its siblings in other languages, the
chosen one's text to translate from, and "Translate to..." for a new linked draft."""

from __future__ import annotations

from collections.abc import Callable

import peewee
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.errors import UserError
from newsdesk.store.models import Article
from newsdesk.stories import translations
from newsdesk.stories.translation_groups import siblings
from newsdesk.ui.i18n import tr
from newsdesk.ui.icons import icon, icon_later

LANGUAGES = ("en", "az", "ru")
ID_ROLE = 0x0100  # Qt.ItemDataRole.UserRole


class TranslationLinks(QWidget):
    """The open story's translations in the editor's header, beside its language: one
    button per language, so that opening a story shows where else it is told."""

    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(tr("Also in:"), self)
        self.buttons: list[QToolButton] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        self.setToolTip(tr("This story in other languages: click one to open it"))
        self.show_siblings([])

    def show_siblings(self, found: list[Article]) -> None:
        layout = self.layout()
        for button in self.buttons:
            layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for sibling in found:
            button = QToolButton(self)
            button.setText(sibling.language)
            button.setAutoRaise(True)
            _look_like_a_link(button)
            button.setToolTip(tr("Open the {language} version: {headline}").format(
                language=sibling.language,
                headline=sibling.headline or tr("(no headline yet)")))
            button.clicked.connect(lambda _checked=False, chosen=sibling.id:
                                   self.open_requested.emit(chosen))
            layout.addWidget(button)
            self.buttons.append(button)
        self.setVisible(bool(found))


def _look_like_a_link(button: QToolButton) -> None:
    """Flat, in the link colour, underlined, with the hand cursor: it goes somewhere."""
    palette = button.palette()
    palette.setColor(QPalette.ColorRole.ButtonText, palette.color(QPalette.ColorRole.Link))
    button.setPalette(palette)
    font = button.font()
    font.setUnderline(True)
    button.setFont(font)
    button.setCursor(Qt.CursorShape.PointingHandCursor)


class TranslationsPanel(QWidget):
    open_requested = Signal(int)  # a story to open in the editor
    message = Signal(str)

    def __init__(self, author: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.author = author
        self.article_id: int | None = None
        self.language = ""
        self.siblings = QListWidget(self)
        self.siblings.setToolTip(tr("The same story in other languages; double-click to "
                                    "open one"))
        self.source = QPlainTextEdit(self)
        self.source.setReadOnly(True)
        self.source.setPlaceholderText(tr("Choose a translation to read it here while you "
                                          "write"))
        self.empty = QLabel(tr("This story has no translations yet."), self)
        # Shown in the editor's header (the desk puts it there), filled with this panel.
        self.links = TranslationLinks(self)
        self.links.open_requested.connect(self.open_requested)
        self.translate_menu = QMenu(tr("Translate to…"), self)
        self.translate_menu.setIcon(icon("mdi6.translate"))
        self.translate_menu.aboutToShow.connect(self._fill_translate_menu)
        self.translate_button = QPushButton(icon("mdi6.translate"), tr("Translate to…"), self)
        self.translate_button.setMenu(self.translate_menu)
        self.open_button = QPushButton(tr("Open"), self)
        icon_later(self.open_button, "mdi6.open-in-app")  # its tab is not on screen at start
        self.open_button.clicked.connect(self._open_chosen)
        buttons = QHBoxLayout()
        buttons.addWidget(self.translate_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.empty)
        layout.addWidget(self.siblings)
        layout.addWidget(self.source, 1)
        layout.addLayout(buttons)
        self.siblings.currentItemChanged.connect(lambda *_: self._show_chosen())
        self.siblings.itemDoubleClicked.connect(lambda _item: self._open_chosen())
        self.load(None)

    def load(self, article_id: int | None) -> None:
        """Show the translations of ``article_id`` (None: no story open)."""
        self.article_id = article_id
        self.siblings.clear()
        self.source.clear()
        article = Article.get_or_none(Article.id == article_id) if article_id else None
        self.language = article.language if article is not None else ""
        found = siblings(article) if article is not None else []
        for sibling in found:
            headline = sibling.headline or tr("(no headline yet)")
            item = QListWidgetItem(f"{sibling.language} · {headline}")
            item.setData(ID_ROLE, sibling.id)
            self.siblings.addItem(item)
        self.links.show_siblings(found)
        self.empty.setVisible(not found)
        self.siblings.setVisible(bool(found))
        self.source.setVisible(bool(found))
        self.open_button.setEnabled(bool(found))
        self.translate_button.setEnabled(article is not None)
        if found:
            self.siblings.setCurrentRow(0)

    def _chosen_id(self) -> int | None:
        item = self.siblings.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def _show_chosen(self) -> None:
        chosen = self._chosen_id()
        article = Article.get_or_none(Article.id == chosen) if chosen else None
        self.source.setPlainText(
            f"{article.headline}\n\n{article.body}" if article is not None else "")

    def _open_chosen(self) -> None:
        chosen = self._chosen_id()
        if chosen is not None:
            self.open_requested.emit(chosen)

    def _fill_translate_menu(self) -> None:
        self.translate_menu.clear()
        taken = {self.language} | {self.siblings.item(i).text().split(" ·")[0]
                                   for i in range(self.siblings.count())}
        for language in LANGUAGES:
            action = QAction(language, self.translate_menu)
            action.setEnabled(language not in taken)
            action.triggered.connect(lambda _checked=False, lang=language: self.translate(lang))
            self.translate_menu.addAction(action)

    def translate(self, language: str) -> int | None:
        """Make a linked draft in ``language`` and ask for it to be opened."""
        if self.article_id is None:
            return None
        try:
            made = translations.make_translation(self.article_id, language,
                                                 author=self.author())
        except (UserError, peewee.DatabaseError) as exc:
            self.message.emit(tr("No translation made: {reason}").format(reason=str(exc)))
            return None
        self.message.emit(tr("A draft in {language} is linked to this story").format(
            language=language))
        self.open_requested.emit(made.id)
        return made.id
