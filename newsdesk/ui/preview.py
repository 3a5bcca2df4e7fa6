"""The preview (first version): the story rendered by the publishing renderer."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from newsdesk.dateline import Dateline
from newsdesk.publish.render import markdown_to_html


class PreviewPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.browser)

    def show_fields(self, fields: dict[str, Any]) -> None:
        dateline = Dateline(fields.get("dateline_place", ""), fields.get("dateline_date"),
                            fields.get("dateline_source", "")).printed()
        parts = [f"<h1>{escape(fields.get('headline', ''))}</h1>",
                 f"<p><b>{escape(dateline)}</b></p>", markdown_to_html(fields.get("body", ""))]
        if fields.get("footnote"):
            parts.append(f"<small>{markdown_to_html(fields['footnote'])}</small>")
        if fields.get("desk_code"):
            parts.append(f"<p>-{escape(fields['desk_code'])}-</p>")
        scroll = self.browser.verticalScrollBar().value()
        self.browser.setHtml("".join(parts))
        self.browser.verticalScrollBar().setValue(scroll)

    def settle_time_ms(self) -> int:
        return 150
