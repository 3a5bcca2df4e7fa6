"""The preview's web view: QtWebEngine's page and view, kept to our own pages.

A module of its own so that QtWebEngine (about a fifth of the window's start) is imported
only when the preview creates its view, after the window's first paint.
"""

from __future__ import annotations

import atexit
import weakref
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QContextMenuEvent, QDesktopServices
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget
from shiboken6 import Shiboken

EXTERNAL_SCHEMES = {"http", "https", "mailto"}


_live_pages: weakref.WeakSet[QWebEnginePage] = weakref.WeakSet()


@atexit.register
def _delete_pages() -> None:
    # WebEngine wants every page gone before its profile; at interpreter exit the window
    # may still exist (a screenshot run never deletes it), so delete the pages first.
    for page in list(_live_pages):
        if Shiboken.isValid(page):
            Shiboken.delete(page)


class PreviewPage(QWebEnginePage):
    """Lets only our own loads happen; every clicked link leaves the app."""

    story_link_clicked = Signal(str)

    def __init__(self, site_root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.site_root = site_root

    def acceptNavigationRequest(self, url: QUrl, kind: QWebEnginePage.NavigationType,  # noqa: N802
                                is_main_frame: bool) -> bool:
        if kind in (QWebEnginePage.NavigationType.NavigationTypeTyped,
                    QWebEnginePage.NavigationType.NavigationTypeReload):
            return True
        self.open_link(url)
        return False

    def open_link(self, url: QUrl) -> None:
        if url.scheme() in EXTERNAL_SCHEMES:
            QDesktopServices.openUrl(url)
            return
        if url.isLocalFile():  # the site's own pages: only stories exist in the database
            path = Path(url.toLocalFile())
            if path.parent.name == "stories" and path.suffix == ".html":
                self.story_link_clicked.emit(path.stem)

    def createWindow(self, _kind: QWebEnginePage.WebWindowType) -> QWebEnginePage:  # noqa: N802
        # A middle-click or "open in new window": hand the link over instead of opening one.
        return _LinkCatcher(self)


class _LinkCatcher(QWebEnginePage):
    """A page that is never shown: its first navigation is passed to the preview page's
    link handling (system browser or the desk), then it goes away."""

    def __init__(self, owner: PreviewPage) -> None:
        super().__init__(owner.profile(), owner)
        self.owner = owner

    def acceptNavigationRequest(self, url: QUrl, _kind: QWebEnginePage.NavigationType,  # noqa: N802
                                _is_main_frame: bool) -> bool:
        self.owner.open_link(url)
        self.deleteLater()
        return False


class PreviewView(QWebEngineView):
    """The web view, with a context menu for copying only (no back, reload, new window)."""

    KEPT_ACTIONS = (QWebEnginePage.WebAction.Copy, QWebEnginePage.WebAction.SelectAll,
                    QWebEnginePage.WebAction.CopyLinkToClipboard,
                    QWebEnginePage.WebAction.CopyImageToClipboard,
                    QWebEnginePage.WebAction.CopyImageUrlToClipboard)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = self.createStandardContextMenu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        kept = {self.page().action(action) for action in self.KEPT_ACTIONS}
        for action in menu.actions():
            if action not in kept:
                menu.removeAction(action)
        if menu.actions():
            menu.popup(event.globalPos())
        else:
            menu.close()


def create_web_view(parent: QWidget, site_root: Path, bridge: QObject,
                    ) -> tuple[PreviewView, PreviewPage, QWebChannel]:
    """The view, its page (``bridge`` published to ``sync.js`` as ``preview``)."""
    view = PreviewView(parent)
    page = PreviewPage(site_root, view)
    page.settings().setAttribute(
        QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows, False)
    view.setPage(page)
    _live_pages.add(page)
    channel = QWebChannel(page)
    channel.registerObject("preview", bridge)
    page.setWebChannel(channel)
    return view, page, channel
