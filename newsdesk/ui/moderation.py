"""The moderation queue (first version): pending reviews, approve / reject / spam."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk import reviews
from newsdesk.store.models import Article, Review
from newsdesk.ui.icons import icon


class ModerationPanel(QWidget):
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.queue = QListWidget(self)
        self.queue.setWordWrap(True)
        buttons = QHBoxLayout()
        for label, status, icon_name in (("Approve", "approved", "mdi6.check"),
                                         ("Reject", "rejected", "mdi6.close"),
                                         ("Spam", "spam", "mdi6.email-alert-outline")):
            button = QPushButton(icon(icon_name), label, self)
            button.clicked.connect(lambda _=False, s=status: self.decide_current(s))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.queue)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.queue.clear()
        query = (Review.select(Review, Article.headline).join(Article)
                 .where(Review.status == "pending").order_by(Review.submitted_at))
        for review in query:
            # Plain text only: a QListWidgetItem never interprets HTML.
            item = QListWidgetItem(f"{review.author} on {review.article.headline}\n"
                                   f"{review.text}")
            item.setData(Qt.ItemDataRole.UserRole, review.id)
            self.queue.addItem(item)
        if self.queue.count():
            self.queue.setCurrentRow(0)

    def decide_current(self, status: str) -> None:
        item = self.queue.currentItem()
        if item is None:
            return
        row = self.queue.currentRow()
        reviews.decide([item.data(Qt.ItemDataRole.UserRole)], status)
        self.message.emit(f"Review {status}")
        self.refresh()
        self.queue.setCurrentRow(min(row, self.queue.count() - 1))

    def activated(self) -> None:
        self.refresh()
