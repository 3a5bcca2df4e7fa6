"""Markdown syntax highlighting for the story body: headings, emphasis, links, quotes, lists.

QSyntaxHighlighter only re-highlights the blocks an edit touched, so a keystroke costs one
paragraph's worth of regular expressions, however long the story. Picture references are
the exception: whether one is in code (then it is text, as for the exports) depends on
the whole text (12 ms for 45,000 characters), so it is worked out when a paragraph gets
its first reference, and otherwise after a pause in typing (``mark_references_again``,
for a reference the edit moved into or out of code, maybe from another paragraph).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import pairwise

from PySide6.QtGui import (
    QColor,
    QPalette,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
)

from newsdesk.stories import picture_refs
from newsdesk.stories.markdown_code import maybe_code

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
# A block's state: which of its picture references (a bit each, in order) were taken as
# code when it was highlighted; Qt's -1 for a block without any.
NO_REFERENCES = -1
_MARKED_REFERENCES = 30  # the highest bit used (a block state is a C int)


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
                       text: str, edges: list[int] | None = None) -> None:
    """Add the spelling underline to the formats a block already has. ``edges``: where
    the formats set on the block start and end, sorted (one format holds between two);
    none: the block has no format of its own."""
    if misspelt is None:
        return
    for start, length in misspelt(text):
        end = start + length
        # One format per run formatted alike, read where the run starts: a format per
        # letter cost ~20 us each, over a millisecond for a paragraph's unknown words.
        cuts = [start]
        if edges:
            cuts += edges[bisect_right(edges, start):bisect_left(edges, end)]
        cuts.append(end)
        for run_start, run_end in pairwise(cuts):
            underlined = QTextCharFormat(highlighter.format(run_start))
            underlined.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
            underlined.setUnderlineColor(MISSPELT_COLOR)
            highlighter.setFormat(run_start, run_end - run_start, underlined)


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
        # Whether a position of the text is code (``maybe_code``), for that text.
        self._code: tuple[str, Callable[[int], bool]] | None = None
        self._recheck = False  # ``mark_references_again`` at work
        self._edges: set[int] = set()  # where the block's formats start and end
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
        self._edges = set()
        self._markdown(text)
        underline_misspelt(self, self.misspelt, text, sorted(self._edges))

    def _set_format(self, start: int, length: int, fmt: QTextCharFormat) -> None:
        self._edges.update((start, start + length))
        self.setFormat(start, length, fmt)

    def _markdown(self, text: str) -> None:
        refs = picture_refs.references(text)  # none without "picture:" (one test)
        in_code = self.currentBlockState()  # as last worked out
        if not refs or in_code == NO_REFERENCES or self._recheck:
            in_code = self._block_state(self.currentBlock(), refs)
        self.setCurrentBlockState(in_code)
        if _HEADING.match(text):
            self._set_format(0, len(text), self.formats["heading"])
            return
        if _QUOTE.match(text):
            self._set_format(0, len(text), self.formats["quote"])
        bullet = _LIST.match(text)
        if bullet:
            self._set_format(0, bullet.end(), self.formats["list"])
        for pattern, name in ((_STRONG, "strong"), (_EMPHASIS, "emphasis"), (_LINK, "link"),
                              (_CODE, "code")):
            for match in pattern.finditer(text):
                self._set_format(match.start(), match.end() - match.start(), self.formats[name])
        for index, ref in enumerate(refs):
            if in_code & (1 << min(index, _MARKED_REFERENCES)):
                continue  # a made-up hash in a code sample: text, as for the exports
            known = self.pictures is None or \
                picture_refs.resolve(ref.prefix, self.pictures) is not None
            self._set_format(ref.start, ref.end - ref.start,
                           self.formats["picture" if known else "missing picture"])

    def _block_state(self, block: QTextBlock, refs: list[picture_refs.Reference]) -> int:
        """Which of the block's picture references ``refs`` are in code, a bit each (past
        the 30th, the last bit stands for them all)."""
        if not refs:
            return NO_REFERENCES
        code, start, bits = self._in_code(), block.position(), 0
        for index, ref in enumerate(refs):
            if code(start + ref.start):
                bits |= 1 << min(index, _MARKED_REFERENCES)
        return bits

    def mark_references_again(self) -> None:
        """Mark again the picture references that went into or out of code since their
        paragraph was last worked out (Qt then reports a text change: nothing typed)."""
        stale = self.stale_reference_blocks()
        self._recheck = True
        try:
            for block in stale:
                self.rehighlightBlock(block)
        finally:
            self._recheck = False

    def stale_reference_blocks(self) -> list[QTextBlock]:
        """The blocks whose picture references went into or out of code since they were
        worked out (by typing in them, or an edit elsewhere: opening or closing a fence)."""
        document = self.document()
        if document is None or document.characterCount() > MAX_HIGHLIGHT_CHARS:
            return []
        if document.find(picture_refs.SCHEME, 0, QTextDocument.FindFlag.FindCaseSensitively).isNull():
            # Most stories: found out in Qt, not by taking every paragraph's text into
            # Python (a 70-paragraph story's 1-5 ms, on the key after every pause).
            return []
        stale, block = [], document.firstBlock()
        while block.isValid():
            text = block.text()
            if picture_refs.SCHEME in text and block.userState() != self._block_state(
                    block, picture_refs.references(text)):
                stale.append(block)
            block = block.next()
        return stale

    def _in_code(self) -> Callable[[int], bool]:
        # Keyed by the text, not the document's revision: loading a story starts the
        # revisions again.
        text = self.document().toPlainText()
        if self._code is None or self._code[0] != text:
            self._code = (text, maybe_code(text))
        return self._code[1]
