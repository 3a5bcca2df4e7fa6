"""Stories that need a look after a sync (an offline edit met a colleague's edit): the
story opens with the side-by-side conflict view, the offline edit as "mine" and the
server's version as "theirs". Keeping mine saves it over theirs (theirs stays a
revision), taking theirs leaves the story as it is (the offline edit stays a revision),
merging by hand leaves the story open beside both versions. Each choice settles the
look, as ``newsdesk sync --looked`` does. Only team windows (online) build this."""

from __future__ import annotations

from typing import Any

import peewee
from PySide6.QtCore import QObject, Signal

from newsdesk.errors import UserError
from newsdesk.store.failures import operational_error_text
from newsdesk.store.models import Article
from newsdesk.stories import revisions
from newsdesk.stories.editing import KEEP_MINE, content
from newsdesk.stories.needs_look import open_looks, settle
from newsdesk.ui.desk.editor import EditorPanel
from newsdesk.ui.dialogs.conflict import MERGE_BY_HAND, ConflictDialog
from newsdesk.ui.dialogs.revisions import CompareDialog
from newsdesk.ui.domain_texts import error_text, translated
from newsdesk.ui.i18n import tr


class OfflineLookGuard(QObject):
    looked = Signal(int)  # the story's look was settled (lists drop its mark)

    def __init__(self, editor: EditorPanel) -> None:
        super().__init__(editor)
        self.editor = editor
        self.dialog: ConflictDialog | None = None
        self.compare: CompareDialog | None = None
        self._article_id: int | None = None
        self.active = True  # False while the window works in a replica (no looks there)
        editor.article_opened.connect(self.opened)

    def opened(self, article_id: int) -> None:
        """Ask about the story's offline edit, if one waits (not while a colleague holds
        the story: then it is read-only here and theirs to settle)."""
        if not self.active or self.dialog is not None or self.editor.read_only:
            return
        looks = open_looks(article_id)
        if not looks or looks[-1]["revision"] is None:
            return
        mine = content(revisions.snapshot(looks[-1]["revision"]))
        self._article_id = article_id
        self.dialog = ConflictDialog(mine, Article.get_by_id(article_id), self.editor,
                                     offline_edit=True)
        self.dialog.chosen.connect(self._chosen)
        self.editor.message.emit(tr("This story was edited offline and on the server: "
                                    "choose which text to keep"))
        self.dialog.open()

    def _chosen(self, choice: str) -> None:
        dialog, self.dialog = self.dialog, None
        article_id = self._article_id
        if dialog is None or article_id is None:
            return
        dialog.deleteLater()
        try:
            if choice == KEEP_MINE:
                self._keep_mine(article_id, dialog.mine, dialog.their_version)
            settle(article_id)
        except (UserError, peewee.DatabaseError) as exc:
            reason = (error_text(exc) if isinstance(exc, UserError)
                      else translated(operational_error_text(exc)))
            self.editor.message.emit(tr("The look was not settled: {reason}").format(
                reason=reason))
            return
        if choice == KEEP_MINE:
            text = tr("Kept your offline edit; the server's version is in the revisions")
        elif choice == MERGE_BY_HAND:
            self._show_both(dialog.mine, article_id)
            text = tr("Merge by hand: the story's text is the server's; your offline edit "
                      "is beside it")
        else:
            text = tr("Kept the server's version; your offline edit is in the revisions")
        self.editor.reload()
        self.editor.revisions_panel.load(article_id)
        self.looked.emit(article_id)
        self.editor.message.emit(text)

    def _keep_mine(self, article_id: int, mine: dict[str, Any], their_version: int) -> None:
        article = revisions.keep_mine(article_id, mine, their_version=their_version,
                                      author=self.editor.session.author,
                                      session=self.editor.session.session_id)
        self.editor.session.saved(article, revision=True)

    def _show_both(self, mine: dict[str, Any], article_id: int) -> None:
        theirs = content({name: getattr(Article.get_by_id(article_id), name) for name in mine})
        if self.compare is not None:
            self.compare.close()
        self.compare = CompareDialog(tr("Offline edit and the server's version"), theirs,
                                     tr("Server's version"), mine, tr("Your offline edit"),
                                     self.editor)
        self.compare.show()
