"""Markdown syntax highlighting for the story body: headings, emphasis, links, quotes, lists.

QSyntaxHighlighter only re-highlights the blocks an edit touched, so a keystroke costs one
paragraph's worth of regular expressions, however long the story.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtGui import (
    QColor,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)

from newsdesk.stories import picture_refs

# Misspelt words' ranges in a block's text, (start, length); set by the spell check.
Misspelt = Callable[[str], list[tuple[int, int]]]
MISSPELT_COLOR = QColor("#d32f2f")

# Past this size (a pasted book) highlighting is skipped so the editor stays responsive.
MAX_HIGHLIGHT_CHARS = 1_000_000

_HEADING = re.compile(r"^#{1,6}\s.*$")
_QUOTE = re.compile(r"^\s{0,3}>.*$")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![*_\w])([*_])(?![*_\s])(.+?)(?<![*_\s])\1(?![*_\w])")
_LINK = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|<https?://[^>\s]+>")
_CODE = re.compile(r"`[^`\n]+`")


def _format(*, bold: bool = False, italic: bool = False, color: QColor | None = None,
            point_delta: float = 0) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if bold:
        fmt.setFontWeight(700)  # QFont.Weight.Bold; the enum is not accepted here
    if italic:
        fmt.setFontItalic(True)
    if color is not None:
        fmt.setForeground(color)
    if point_delta:
        fmt.setProperty(QTextCharFormat.Property.FontSizeAdjustment, int(point_delta))
    return fmt


def underline_misspelt(highlighter: QSyntaxHighlighter, misspelt: Misspelt | None,
                       text: str) -> None:
    """Add the spelling underline to the formats a block already has."""
    if misspelt is None:
        return
    for start, length in misspelt(text):
        for position in range(start, start + length):
            fmt = QTextCharFormat(highlighter.format(position))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
            fmt.setUnderlineColor(MISSPELT_COLOR)
            highlighter.setFormat(position, 1, fmt)


class SpellingHighlighter(QSyntaxHighlighter):
    """Plain text (the footnote): only the spelling underline."""

    def __init__(self, document: QTextDocument) -> None:
        self.misspelt: Misspelt | None = None
        super().__init__(document)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        document = self.document()
        if document is not None and document.characterCount() <= MAX_HIGHLIGHT_CHARS:
            underline_misspelt(self, self.misspelt, text)


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        self.misspelt: Misspelt | None = None
        # The story's pictures (SHA-256), for references to check; None: not known.
        self.pictures: tuple[str, ...] | None = None
        link = palette.color(QPalette.ColorRole.Link)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        self.formats = {
            "heading": _format(bold=True, color=link, point_delta=1),
            "quote": _format(italic=True, color=muted),
            "list": _format(bold=True, color=link),
            "strong": _format(bold=True),
            "emphasis": _format(italic=True),
            "link": _format(color=link),
            "code": _format(color=muted),
            "picture": _format(bold=True, color=link),
            "missing picture": _format(color=MISSPELT_COLOR),
        }
        self.formats["missing picture"].setFontStrikeOut(True)
        self.formats["link"].setFontUnderline(True)
        self.formats["code"].setFontFixedPitch(True)
        super().__init__(document)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        document = self.document()
        if document is None or document.characterCount() > MAX_HIGHLIGHT_CHARS:
            return
        self._markdown(text)
        underline_misspelt(self, self.misspelt, text)

    def _markdown(self, text: str) -> None:
        if _HEADING.match(text):
            self.setFormat(0, len(text), self.formats["heading"])
            return
        if _QUOTE.match(text):
            self.setFormat(0, len(text), self.formats["quote"])
        bullet = _LIST.match(text)
        if bullet:
            self.setFormat(0, bullet.end(), self.formats["list"])
        for pattern, name in ((_STRONG, "strong"), (_EMPHASIS, "emphasis"), (_LINK, "link"),
                              (_CODE, "code")):
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), self.formats[name])
        for ref in picture_refs.references(text):  # none without "picture:" (one test)
            known = self.pictures is None or \
                picture_refs.resolve(ref.prefix, self.pictures) is not None
            self.setFormat(ref.start, ref.end - ref.start,
                           self.formats["picture" if known else "missing picture"])
