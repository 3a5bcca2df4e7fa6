"""The story was saved elsewhere meanwhile: show both versions and let the user choose.

Every choice keeps both texts: the one not kept in the story becomes a revision (or a
new story), so nothing is lost either way.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from newsdesk.store.models import Article
from newsdesk.store.timestamps import local_time
from newsdesk.stories import revisions
from newsdesk.stories.dateline import Dateline
from newsdesk.stories.editing import KEEP_MINE, SAVE_COPY, TAKE_THEIRS
from newsdesk.ui.dialogs.revisions import diff_html
from newsdesk.ui.i18n import tr

# An offline edit met a colleague's edit (``newsdesk sync``): the user edits the story
# beside both versions instead of choosing one.
MERGE_BY_HAND = "merge_by_hand"


def story_text(fields: dict[str, Any]) -> str:
    dateline = Dateline(fields.get("dateline_place") or "", fields.get("dateline_date"),
                        fields.get("dateline_source") or "").printed()
    parts = [fields.get("headline") or "", dateline, fields.get("body") or ""]
    if fields.get("footnote"):
        parts.append("* " + fields["footnote"])
    if fields.get("desk_code"):
        parts.append(f"-{fields['desk_code']}-")
    return "\n\n".join(part for part in parts if part)


class ConflictDialog(QDialog):
    """Non-blocking (window-modal, opened with ``open()``); emits ``chosen`` once."""

    chosen = Signal(str)

    def __init__(self, mine: dict[str, Any], theirs: Article,
                 parent: QWidget | None = None, *, offline_edit: bool = False) -> None:
        """``offline_edit``: ``mine`` is the user's offline edit a sync kept as a revision
        beside the server's version (the story needs a look), not unsaved text."""
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.mine = mine
        self.their_version = theirs.version
        their_fields = {name: getattr(theirs, name) for name in mine}
        saved_at = local_time(theirs.updated_at).strftime("%H:%M:%S")
        headline = theirs.headline or tr("This story")
        if offline_edit:
            self.setWindowTitle(tr("Story edited offline and on the server"))
            text = tr("“{headline}” was edited on the server (last at {time}) while you "
                      "edited it offline. The server's version is the story's for now; your "
                      "offline edit is kept as a revision. Choose which text the story "
                      "keeps, or merge them by hand.").format(headline=headline,
                                                               time=saved_at)
            mine_label = tr("<b>Your offline edit</b>")
        else:
            self.setWindowTitle(tr("Story saved elsewhere meanwhile"))
            text = tr("“{headline}” was saved elsewhere (another window or computer) at "
                      "{time} while you were editing it. Choose which text the story keeps; "
                      "the other one is kept too, as a revision or a new story.").format(
                          headline=headline, time=saved_at)
            mine_label = tr("<b>Your version</b> (not saved)")
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        self.mine_view = self._text_view(story_text(mine))
        self.theirs_view = self._text_view(story_text(their_fields))
        self.diff_view = QTextBrowser(self)
        self.diff_view.setHtml(diff_html(revisions.field_diffs(their_fields, mine)))
        grid = QGridLayout()
        grid.addWidget(QLabel(mine_label, self), 0, 0)
        grid.addWidget(QLabel(tr("<b>Their version</b> (saved, version {version})").format(
            version=theirs.version), self), 0, 1)
        grid.addWidget(self.mine_view, 1, 0)
        grid.addWidget(self.theirs_view, 1, 1)
        grid.addWidget(QLabel(tr("What your version changes in theirs:"), self), 2, 0, 1, 2)
        grid.addWidget(self.diff_view, 3, 0, 1, 2)
        buttons = QDialogButtonBox(self)
        self.keep_mine_button = self._button(buttons, tr("Keep mine"), KEEP_MINE,
                                             tr("Save your text; theirs becomes a revision"))
        self.take_theirs_button = self._button(buttons, tr("Take theirs"), TAKE_THEIRS,
                                               tr("Load their text; yours becomes a revision"))
        if offline_edit:
            self.copy_button = self._button(
                buttons, tr("Merge by hand"), MERGE_BY_HAND,
                tr("Edit their text yourself with both versions side by side"))
        else:
            self.copy_button = self._button(
                buttons, tr("Save mine as a copy"), SAVE_COPY,
                tr("Keep theirs here and save your text as a new story"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid, 1)
        layout.addWidget(buttons)
        self.resize(900, 600)

    def _text_view(self, text: str) -> QPlainTextEdit:
        view = QPlainTextEdit(self)
        view.setReadOnly(True)
        view.setPlainText(text)
        return view

    def _button(self, box: QDialogButtonBox, label: str, choice: str,
                tip: str) -> QPushButton:
        button = box.addButton(label, QDialogButtonBox.ButtonRole.AcceptRole)
        button.setToolTip(tip)
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: str) -> None:
        self.chosen.emit(choice)
        self.accept()

    def reject(self) -> None:
        """Esc does not dismiss it: the choice decides where each text goes."""
