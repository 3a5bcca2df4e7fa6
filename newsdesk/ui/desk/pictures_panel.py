"""The editor's pictures strip: thumbnails of the open story's pictures, and the caption,
credit, alt text and lead mark of the one selected, edited in place.

A picture goes into the body as a reference (``stories.picture_refs``): Insert in body
(``Ctrl+Shift+B``) puts it at the cursor as a paragraph of its own, and a thumbnail
dragged onto the text puts it where it is dropped. Move left / Move right (``Alt+Left``,
``Alt+Right`` in the strip) change the order the exports print the pictures in; the lead
picture stays first.

Pictures come in from a file dialog (Add picture, ``Ctrl+Shift+I``), by dropping image
files or an image on the strip or on the story body, or by pasting one there. Checking a
file (Pillow), storing it and making thumbnails run on the panel's worker; thumbnails are
kept by content, so a picture is shrunk once per session however often it is shown.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMimeData, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QPixmap,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.errors import UserError
from newsdesk.stories import images, pictures
from newsdesk.stories.pictures import PictureInfo
from newsdesk.ui.desk.picture_actions import (
    REFERENCE_MIME,
    Incoming,
    PictureActions,
    images_in,
)
from newsdesk.ui.domain_texts import error_text
from newsdesk.ui.i18n import tr
from newsdesk.ui.icons import icon_later
from newsdesk.ui.workers import Job, JobRunner

THUMB = QSize(120, 90)
KEPT_THUMBNAILS = 200  # in memory, by content
PictureId = Qt.ItemDataRole.UserRole
PictureReference = Qt.ItemDataRole.UserRole + 1


def _add_all(job: Job, article_id: int, incoming: Sequence[Incoming]) -> list[str]:
    """Add each image (on the worker); the refusals, one line each."""
    refused = []
    for number, item in enumerate(incoming):
        job.report(number, len(incoming))
        try:
            data = item.data if item.data is not None else \
                pictures.read_image_file(Path(item.name))
            pictures.add_picture(article_id, data, item.name)
        except UserError as exc:
            refused.append(error_text(exc))
    return refused


def reference_mime(reference: str) -> QMimeData:
    """What a thumbnail carries when dragged: its reference, as itself and as text."""
    mime = QMimeData()
    mime.setData(REFERENCE_MIME, reference.encode("utf-8"))
    mime.setText(reference)
    return mime


class PictureStrip(QListWidget):
    """The thumbnails; one dragged away carries its picture's reference."""

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:  # noqa: N802
        references = [str(item.data(PictureReference) or "") for item in items]
        return reference_mime("\n\n".join(r for r in references if r))

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [REFERENCE_MIME, "text/plain"]


class PicturesPanel(QWidget):
    """The open story's pictures (``load_story``); ``pictures_changed`` after a change,
    ``pictures_loaded`` with the SHA-256 of each shown, ``insert_requested`` with a
    reference for the body."""

    pictures_changed = Signal(int)
    pictures_loaded = Signal(object)
    insert_requested = Signal(str)
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None,
                 actions: PictureActions | None = None) -> None:
        """With ``actions`` (made by the Desk before this panel, their ``triggered``
        routed by it) the panel keeps their enabled state; else it makes its own."""
        super().__init__(parent)
        self.article_id: int | None = None
        self.read_only = False
        self.jobs = JobRunner(self, name="pictures")
        self._thumbnails: OrderedDict[str, QPixmap] = OrderedDict()
        self._shown: list[PictureInfo] = []
        self._generation = 0
        self.strip = PictureStrip(self)
        self.strip.setViewMode(QListWidget.ViewMode.IconMode)
        self.strip.setFlow(QListWidget.Flow.LeftToRight)
        self.strip.setWrapping(False)
        self.strip.setIconSize(THUMB)
        self.strip.setMovement(QListWidget.Movement.Static)  # (turns dragging off: on below)
        self.strip.setMinimumHeight(THUMB.height() + 40)
        self.strip.setDragEnabled(True)  # a thumbnail dragged onto the body is placed there
        self.strip.setDragDropMode(QListWidget.DragDropMode.DragOnly)
        self.strip.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.strip.setAcceptDrops(False)  # the panel takes the drops
        self.caption = QLineEdit(self)
        self.credit = QLineEdit(self)
        self.alt = QLineEdit(self)
        self.lead = QCheckBox(tr("Lead picture"), self)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        if actions is None:
            actions = PictureActions(self)
            actions.add.triggered.connect(self.choose_files)
            actions.insert.triggered.connect(self.insert_selected)
        self.add_action, self.insert_action = actions.add, actions.insert
        # The Pictures tab is not on screen at the start: its icons come after the first frame.
        self.add_button = QToolButton(self)
        self.add_button.setDefaultAction(self.add_action)
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.remove_button = QToolButton(self)
        icon_later(self.remove_button, "mdi6.image-remove")
        self.remove_button.setText(tr("Remove"))
        self.remove_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.remove_button.clicked.connect(self.remove_selected)
        self.left_action = self._strip_action("mdi6.arrow-left", tr("Move &left"), "Alt+Left",
                                              lambda: self.move_selected(-1))
        self.right_action = self._strip_action("mdi6.arrow-right", tr("Move &right"),
                                               "Alt+Right", lambda: self.move_selected(1))
        self._build()
        self.setAcceptDrops(True)
        self.load_story(None)

    def _strip_action(self, icon_name: str, label: str, keys: str,
                      slot: object) -> QAction:
        action = QAction(label, self)
        icon_later(action, icon_name)
        action.setShortcut(QKeySequence(keys))
        # Only in the strip: in the text, Alt+arrows belong to the editor.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setToolTip(f"{label.replace('&', '')} ({keys})")
        assert callable(slot)
        action.triggered.connect(slot)
        self.strip.addAction(action)
        return action

    def _build(self) -> None:
        self.caption.setPlaceholderText(tr("Caption"))
        self.credit.setPlaceholderText(tr("Credit (photographer, agency)"))
        self.alt.setPlaceholderText(tr("Alt text: what the picture shows (required)"))
        self.add_button.setToolTip(tr("Add a JPEG, PNG or WebP picture (Ctrl+Shift+I); "
                                      "or drop or paste one on the story"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        for action in (self.insert_action, self.left_action, self.right_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            buttons.addWidget(button)
        buttons.addWidget(self.lead)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(tr("Caption"), self.caption)
        form.addRow(tr("Credit"), self.credit)
        form.addRow(tr("Alt text"), self.alt)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.strip)
        layout.addLayout(buttons)
        layout.addLayout(form)
        layout.addWidget(self.status)
        self.strip.currentRowChanged.connect(self._show_selected)
        for field, name in ((self.caption, "caption"), (self.credit, "credit"),
                            (self.alt, "alt")):
            field.editingFinished.connect(lambda name=name: self._text_edited(name))
        self.lead.clicked.connect(self._lead_clicked)

    # -- the open story ------------------------------------------------------------------
    def load_story(self, article_id: int | None) -> None:
        self.article_id = article_id
        self.strip.clear()
        self._shown = []
        self._show_selected(-1)
        self._apply_enabled()
        if article_id is not None:
            self.reload()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._apply_enabled()

    def _apply_enabled(self) -> None:
        editable = self.article_id is not None and not self.read_only
        self.add_action.setEnabled(editable)
        selected = editable and self.selected() is not None
        for widget in (self.remove_button, self.caption, self.credit, self.alt, self.lead):
            widget.setEnabled(selected)
        self.insert_action.setEnabled(selected)
        row = self.strip.currentRow()
        self.left_action.setEnabled(selected and row > self._first_movable_row())
        self.right_action.setEnabled(selected and row >= self._first_movable_row()
                                     and row < len(self._shown) - 1)

    def reload(self) -> None:
        """Read the story's pictures and make the missing thumbnails (on the worker)."""
        if self.article_id is None:
            return
        self._generation += 1
        generation, article_id = self._generation, self.article_id
        known = set(self._thumbnails)

        def work(_job: Job) -> tuple[list[PictureInfo], dict[str, bytes]]:
            found = pictures.pictures_of(article_id)
            made = {p.sha256: images.rendition(pictures.image_data(p.blob_id),
                                               THUMB.width() * 2, "image/jpeg").data
                    for p in found if p.sha256 not in known}
            return found, made

        self.jobs.start(work, done=lambda result: self._loaded(generation, *result),
                        failed=self._failed)

    def _loaded(self, generation: int, found: list[PictureInfo],
                made: dict[str, bytes]) -> None:
        if generation != self._generation:
            return  # another story, or a newer read, is on its way
        for sha, data in made.items():
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            self._thumbnails[sha] = pixmap
            while len(self._thumbnails) > KEPT_THUMBNAILS:
                self._thumbnails.popitem(last=False)
        selected = self.selected()
        self.strip.blockSignals(True)
        self.strip.clear()
        self._shown = found
        for picture in found:
            item = QListWidgetItem(QIcon(self._thumbnails.get(picture.sha256, QPixmap())),
                                   self._label(picture))
            item.setData(PictureId, picture.id)
            item.setData(PictureReference, picture.reference)
            # Escaped: Qt would take a caption that looks like HTML for markup.
            item.setToolTip(f"<qt>{html.escape(picture.caption or picture.filename)}</qt>")
            self.strip.addItem(item)
        row = next((n for n, p in enumerate(found) if selected and p.id == selected.id),
                   0 if found else -1)
        self.strip.setCurrentRow(row)
        self.strip.blockSignals(False)
        self._show_selected(row)
        self.pictures_loaded.emit([p.sha256 for p in found])
        missing = sum(1 for p in found if not p.alt.strip())
        self.status.setText(tr("%n picture(s) without alt text: needed before the story "
                               "is ready", "", missing) if missing else "")

    @staticmethod
    def _label(picture: PictureInfo) -> str:
        label = tr("Lead") if picture.lead else f"{picture.width}×{picture.height}"
        return label if picture.alt.strip() else f"⚠ {label}"

    def selected(self) -> PictureInfo | None:
        row = self.strip.currentRow()
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def thumbnail(self, row: int) -> QPixmap | None:
        """The thumbnail shown for a row (tests, and the strip's own icons)."""
        if not 0 <= row < len(self._shown):
            return None
        return self._thumbnails.get(self._shown[row].sha256)

    def _show_selected(self, _row: int) -> None:
        picture = self.selected()
        for field, value in ((self.caption, picture.caption if picture else ""),
                             (self.credit, picture.credit if picture else ""),
                             (self.alt, picture.alt if picture else "")):
            field.blockSignals(True)
            field.setText(value)
            field.setCursorPosition(0)
            field.blockSignals(False)
        self.lead.setChecked(bool(picture and picture.lead))
        self._apply_enabled()

    # -- adding --------------------------------------------------------------------------
    def choose_files(self) -> None:
        if self.article_id is None or self.read_only:
            return
        from PySide6.QtWidgets import QFileDialog  # its type costs the start ~2 ms

        names, _ = QFileDialog.getOpenFileNames(
            self, tr("Add pictures"), "", tr("Pictures (*.jpg *.jpeg *.png *.webp)"))
        if names:
            self.add_images([Incoming(name) for name in names])

    def add_images(self, incoming: Sequence[Incoming]) -> None:
        """Check and store the images on the worker, then show them."""
        if self.article_id is None or self.read_only or not incoming:
            return
        article_id = self.article_id
        self.status.setText(tr("Adding %n picture(s)...", "", len(incoming)))
        self.jobs.start(lambda job: _add_all(job, article_id, list(incoming)),
                        done=lambda refused: self._added(article_id, refused),
                        failed=self._failed)

    def add_mime(self, mime: QMimeData) -> bool:
        """Add the images a drop or paste brings; whether there were any."""
        found = images_in(mime)
        self.add_images(found)
        return bool(found)

    def _added(self, article_id: int, refused: list[str]) -> None:
        for line in refused:
            self.message.emit(line)
        if refused:
            self.status.setText("\n".join(refused))
        self.pictures_changed.emit(article_id)
        if article_id == self.article_id:
            self.reload()

    # -- editing -------------------------------------------------------------------------
    def _text_edited(self, name: str) -> None:
        picture = self.selected()
        if picture is None or self.read_only:
            return
        value = {"caption": self.caption, "credit": self.credit, "alt": self.alt}[name].text()
        if getattr(picture, name) == value:
            return
        self._change(lambda: pictures.update_picture(picture.id, **{name: value}))

    def _lead_clicked(self, checked: bool) -> None:
        picture = self.selected()
        if picture is not None and not self.read_only:
            self._change(lambda: pictures.update_picture(picture.id, lead=checked))

    def insert_selected(self) -> None:
        """Ask for the selected picture's reference to be placed in the body."""
        picture = self.selected()
        if picture is not None and not self.read_only:
            self.insert_requested.emit(picture.reference)

    def _first_movable_row(self) -> int:
        """The lead picture is printed first whatever its place: it does not move."""
        return 1 if self._shown and self._shown[0].lead else 0

    def move_selected(self, step: int) -> None:
        """Move the selected picture one place left (-1) or right (1) in the order."""
        picture = self.selected()
        row = self.strip.currentRow() + step
        if picture is None or self.read_only or picture.lead \
                or not self._first_movable_row() <= row < len(self._shown):
            return
        self._change(lambda: pictures.move_picture(picture.id, row))

    def remove_selected(self) -> None:
        picture = self.selected()
        if picture is not None and not self.read_only:
            self._change(lambda: pictures.remove_picture(picture.id))

    def _change(self, change: object) -> None:
        article_id = self.article_id
        assert callable(change)
        self.jobs.start(lambda _job: change(),
                        done=lambda _result: self._changed(article_id),
                        failed=self._failed)

    def _changed(self, article_id: int | None) -> None:
        if article_id is not None:
            self.pictures_changed.emit(article_id)
        if article_id == self.article_id:
            self.reload()

    def _failed(self, text: str) -> None:
        self.status.setText(text)
        self.message.emit(text)

    # -- drops on the strip --------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.article_id is not None and not self.read_only and \
                (event.mimeData().hasImage() or images_in(event.mimeData())):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        if self.add_mime(event.mimeData()):
            event.acceptProposedAction()
