"""The spelling underline over Markdown's own formats, character by character."""

from __future__ import annotations

from PySide6.QtGui import QPalette, QTextCharFormat, QTextDocument

from newsdesk.ui.desk.markdown_highlighter import MISSPELT_COLOR, MarkdownHighlighter


def _formats_by_character(document: QTextDocument) -> list[QTextCharFormat]:
    block = document.firstBlock()
    formats = [QTextCharFormat() for _ in block.text()]
    for fmt_range in block.layout().formats():
        for position in range(fmt_range.start, fmt_range.start + fmt_range.length):
            formats[position] = QTextCharFormat(fmt_range.format)
    return formats


def test_a_misspelling_across_bold_and_plain_text_keeps_each_letters_format(qapp):
    text = "The **minsiter** saidd *it* twice"
    misspelt = [(text.index("minsiter") - 2, len("**minsiter** saidd")),  # bold, then plain
                (text.index("twice"), len("twice"))]
    document = QTextDocument(text)
    highlighter = MarkdownHighlighter(document, QPalette())
    highlighter.misspelt = lambda _text: misspelt
    highlighter.rehighlight()

    formats = _formats_by_character(document)
    underlined = {position for start, length in misspelt
                  for position in range(start, start + length)}
    for position, fmt in enumerate(formats):
        is_underlined = fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
        assert is_underlined == (position in underlined), (position, text[position])
        if is_underlined:
            assert fmt.underlineColor() == MISSPELT_COLOR
    bold = {position for position, fmt in enumerate(formats) if fmt.fontWeight() == 700}
    assert bold == set(range(text.index("**"), text.index("saidd") - 1))
    italic = {position for position, fmt in enumerate(formats) if fmt.fontItalic()}
    assert italic == set(range(text.index("*it*"), text.index("*it*") + 4))
