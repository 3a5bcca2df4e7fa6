"""Spelling in the editor: unknown words underlined in the story's language, suggestions and
the newsroom's dictionary on right-click, F7 to the next one, a count for the status bar.

Never on the keystroke path: a keystroke re-highlights its block from the words already
looked up (unchecked words are not underlined yet); the look-ups run after a pause, on the
blocks in view, and the story's count after them. Dictionaries and the speller (newsroom
words, registry, archive) are loaded on a worker when a story or its language changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any, Protocol

import peewee
from PySide6.QtCore import QCoreApplication, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QAction, QTextBlock, QTextCursor
from PySide6.QtWidgets import QComboBox, QLineEdit, QMenu, QPlainTextEdit

from newsdesk.errors import UserError
from newsdesk.ui.desk.markdown_highlighter import SpellingHighlighter
from newsdesk.ui.desk.spelling_line import SpellingLineEdit
from newsdesk.ui.i18n import tr
from newsdesk.ui.startup import ms_since_start
from newsdesk.ui.turns import turn_queue
from newsdesk.ui.workers import JobRunner

if TYPE_CHECKING:  # the spelling package is imported once a story is checked, not at start
    from newsdesk.spelling.speller import Speller
    from newsdesk.spelling.words import Word, WordFinder


class SpellingHost(Protocol):
    """What the spell check needs of the editor panel it serves."""

    body: QPlainTextEdit
    footnote: QPlainTextEdit
    headline: SpellingLineEdit
    language: QComboBox
    message: Any  # Signal(str)

    @property
    def article_id(self) -> int | None: ...

    @property
    def author(self) -> str: ...

    def formatting_only(self) -> AbstractContextManager[None]: ...

PAUSE_MS = 400
# The start's first seconds belong to the window's first paint and the preview's first
# page: a speller loading on the worker meanwhile competes for the interpreter (its imports
# and word lists hold the GIL for a few hundred milliseconds).
LOADS_FROM_PROCESS_AGE_MS = 2000
# Past this size the story's count is left out (the blocks in view are still checked).
MAX_COUNTED_CHARS = 200_000
# The story's count runs a few hundred words at a time, with the event queue looked at in
# between: counted at once, a 2,000-word story held the GUI thread for 24 ms (the longest
# keystroke of the bench, typed just as a check after a pause began).
COUNT_WORDS_PER_STEP = 100
# Texts already looked up word by word, remembered up to this many (a pause after typing
# then looks up only the paragraph typed in, not every one in view).
MAX_REMEMBERED_TEXTS = 20_000


class SpellCheck(QObject):
    """The spelling of the story open in one editor panel."""

    count_changed = Signal(int)  # unknown words in the story; -1: not checked
    checked = Signal()  # a check after a pause has finished (tests)

    def __init__(self, editor: SpellingHost, parent: QObject) -> None:
        super().__init__(parent)
        self.editor = editor
        self.speller: Speller | None = None
        # Story id -> words ignored in it, as the database keeps them (read on opening).
        self.ignored: dict[int, set[str]] = {}
        self.asked_ready: set[int] = set()  # stories whose "ready anyway?" was answered
        self.count = -1
        self.reloads = 0  # how many times ``reload`` ran (the editor's open skips a second)
        self._formatting = False  # re-highlighting: Qt reports a text change
        self._finder: WordFinder | None = None  # the unknown words found so far
        self._finder_made_from: tuple[object, ...] | None = None  # what it was made from
        self._looked_up: set[str] = set()  # texts whose words the speller has looked up
        self._looked_up_with: tuple[object, int] | None = None  # by that speller, then
        self.jobs = JobRunner(self, name="spelling")
        # The speller's load asked for last, waiting for the start's end (``reload``).
        self._load: Callable[[], None] | None = None
        self._load_timer = QTimer(self)
        self._load_timer.setSingleShot(True)
        self._load_timer.timeout.connect(self._start_load)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        # Due with the editor's journal and autosave after a pause: a turn each (``turns``).
        self.timer.timeout.connect(lambda: turn_queue().call_soon(self, self.check_now))
        self._counting: Iterator[str] | None = None  # the words of a count under way
        self._counted = 0
        # Owns the count's steps in the turn queue: a step per turn of the event loop.
        self._count_turns = QObject(self)
        for widget in self.texts():
            if not hasattr(widget, "highlighter"):  # the footnote: no Markdown to colour
                widget.highlighter = SpellingHighlighter(widget.document())  # type: ignore[attr-defined]
            widget.highlighter.misspelt = self.misspelt_ranges  # type: ignore[attr-defined]
            widget.textChanged.connect(self._text_changed)
            widget.verticalScrollBar().valueChanged.connect(self.timer.start)
        editor.headline.misspelt = self.misspelt_ranges
        editor.headline.textEdited.connect(self._text_changed)
        editor.language.currentTextChanged.connect(lambda _text: self.reload())

    def _text_changed(self) -> None:
        if not self._formatting:
            self._stop_count()  # of a text that is no longer there; the pause counts anew
            self.timer.start()

    def texts(self) -> list[QPlainTextEdit]:
        return [self.editor.body, self.editor.footnote]

    # -- the speller -------------------------------------------------------------------------
    def language(self) -> str:
        return self.editor.language.currentText().strip() or "en"

    def reload(self) -> None:
        """Load the speller for the open story's language (on the worker)."""
        article_id, language = self.editor.article_id, self.language()
        self.reloads += 1
        self._stop_count()  # another story's, or the same one's in another language
        if article_id is None:
            self.rehighlight()
            self._set_count(-1)
            return
        # With a speller on (another story's), this story's ignored words before its own
        # check comes; with none yet (the start), nothing is underlined that they could
        # change: they are read when the speller's load begins.
        read_now = self.speller is not None
        if read_now:
            self._read_ignored(article_id)
            self.rehighlight()
        wanted = (article_id, language)

        def load() -> None:
            if not read_now:
                self._read_ignored(article_id)
            self.jobs.start(lambda _job: _load_speller(language),
                            done=lambda speller: self._loaded(wanted, speller),
                            failed=self._load_failed)

        # Every load asked for during the start waits for its end (a delay given only to
        # the first load was lost: the story's language set again at start asked anew);
        # the last one asked for is the one that counts.
        self._load = load
        self._load_timer.start(max(0, round(LOADS_FROM_PROCESS_AGE_MS - ms_since_start())))

    def _start_load(self) -> None:
        load, self._load = self._load, None
        if load is not None:
            load()

    def finish(self) -> None:
        """The open story checked and counted now, not after the start's wait and a pause
        (a screenshot, grabbed 1.8 s after the window shows, came before the speller
        loaded 2 s into the process's life, and showed no count)."""
        if self._load_timer.isActive():
            self._load_timer.stop()
            self._start_load()
        self.jobs.wait()
        QCoreApplication.sendPostedEvents(self.jobs)  # the speller's arrival (``_loaded``)
        self.check_now(count_at_once=True)

    def _read_ignored(self, article_id: int) -> None:
        """The story's ignored words as stored now (a colleague may have added some)."""
        from newsdesk.spelling.ignored import ignored_words

        try:
            self.ignored[article_id] = ignored_words(article_id)
        except peewee.DatabaseError:
            pass  # the words known from before stay; the editor reports the database

    def _loaded(self, wanted: tuple[int | None, str], speller: Speller) -> None:
        if wanted != (self.editor.article_id, self.language()):
            return  # another story or language meanwhile; its own load follows
        self.speller = speller
        self.rehighlight()
        self.check_now()

    def _load_failed(self, reason: str) -> None:
        self.speller = None
        self._set_count(-1)
        self.editor.message.emit(tr("Spelling is off: {reason}").format(reason=reason))

    # -- what is unknown ---------------------------------------------------------------------
    def _ignored_here(self) -> set[str]:
        article_id = self.editor.article_id
        return self.ignored.get(article_id, set()) if article_id is not None else set()

    def is_unknown(self, word: str) -> bool:
        """Whether ``word`` is underlined (looked up now if it was not before)."""
        speller = self.speller
        if speller is None or _lower(word, speller.language) in self._ignored_here():
            return False
        return not speller.known(word)

    def misspelt_ranges(self, text: str) -> list[tuple[int, int]]:
        """Where the words found unknown so far stand in a block (every keystroke)."""
        return self._finder.ranges(text) if self._finder is not None else []

    def _refresh_finder(self) -> None:
        """After look-ups, the dictionary or the ignored words changed."""
        speller = self.speller
        if speller is None:
            self._finder = self._finder_made_from = None
            return
        from newsdesk.spelling.words import WordFinder

        ignored = self._ignored_here()
        # Asked after every check: the same look-ups and ignored words give the same finder.
        made_from = (speller, speller.unknown_changes, frozenset(ignored))
        last = self._finder_made_from
        if last is not None and last[0] is speller and last[1:] == made_from[1:]:
            return
        self._finder_made_from = made_from
        wanted = {w for w in speller.unknown_so_far()
                  if _lower(w, speller.language) not in ignored}
        if self._finder is None or wanted != self._finder.words:
            self._finder = WordFinder(wanted)

    def unknown_words(self, text: str) -> list[Word]:
        from newsdesk.spelling.words import words_to_check

        return [w for w in words_to_check(text) if self.is_unknown(w.text)]

    # -- checking after a pause --------------------------------------------------------------
    def check_now(self, *, count_at_once: bool = False) -> None:
        """Look up the words in view, then count the story's (``checked`` when done)."""
        self.timer.stop()
        turn_queue().drop(self)
        if self.speller is None or self.editor.article_id is None:
            return
        in_view = [(widget, block) for widget in self.texts()
                   for block in _visible_blocks(widget)]
        self._look_up(self.editor.headline.text(), *(block.text() for _w, block in in_view))
        before = self._finder
        self._refresh_finder()  # once: making the finder costs more than a block's look-ups
        if self._finder is not before:
            for widget, block in in_view:
                text = block.text()
                if self.misspelt_ranges(text) != (before.ranges(text) if before else []):
                    with self._formatting_only():
                        widget.highlighter.rehighlightBlock(block)  # type: ignore[attr-defined]
        self.editor.headline.update()
        self._count_story(at_once=count_at_once)

    def _look_up(self, *texts: str) -> None:
        """Have the speller look up the words of ``texts`` it has not seen yet."""
        from newsdesk.spelling.words import distinct_words

        speller = self.speller
        assert speller is not None
        last = self._looked_up_with
        if (last is None or last[0] is not speller or last[1] != speller.forgets
                or len(self._looked_up) > MAX_REMEMBERED_TEXTS):
            self._looked_up = set()
            self._looked_up_with = (speller, speller.forgets)
        for text in texts:
            if text not in self._looked_up:
                for word in distinct_words(text):
                    speller.known(word)
                self._looked_up.add(text)

    def _count_story(self, *, at_once: bool = True) -> None:
        """Count the unknown words of the headline, body and footnote: at once, or
        ``COUNT_WORDS_PER_STEP`` words per turn of the event loop."""
        from newsdesk.spelling.words import word_texts

        self._stop_count()
        texts = [self.editor.headline.text(), *(w.toPlainText() for w in self.texts())]
        if sum(len(t) for t in texts) > MAX_COUNTED_CHARS:
            self._set_count(-1)
            self.checked.emit()
            return
        self._counting = (word for text in texts for word in word_texts(text))
        self._counted = 0
        if at_once:
            self._count_step(limit=None)
        else:
            turn_queue().call_soon(self._count_turns, self._count_step)

    def _count_step(self, limit: int | None = COUNT_WORDS_PER_STEP) -> None:
        counting = self._counting
        if counting is None:
            return
        for seen, word in enumerate(counting, 1):
            if self.is_unknown(word):
                self._counted += 1
            if limit is not None and seen >= limit:
                turn_queue().call_soon(self._count_turns, self._count_step)
                return
        self._stop_count()
        self._set_count(self._counted)
        self._refresh_finder()  # words first looked up by the count, out of view
        self.editor.headline.update()
        self.checked.emit()

    def _stop_count(self) -> None:
        turn_queue().drop(self._count_turns)
        self._counting = None

    def _set_count(self, count: int) -> None:
        self.count = count
        self.count_changed.emit(count)

    def rehighlight(self) -> None:
        self._refresh_finder()
        with self._formatting_only():
            for widget in self.texts():
                widget.highlighter.rehighlight()  # type: ignore[attr-defined]
        self.editor.headline.update()

    @contextmanager
    def _formatting_only(self) -> Iterator[None]:
        self._formatting = True
        try:
            with self.editor.formatting_only():
                yield
        finally:
            self._formatting = False

    # -- acting on a word --------------------------------------------------------------------
    def word_at(self, widget: QPlainTextEdit, position: QPoint) -> tuple[QTextCursor, Word] | None:
        """The unknown word under ``position`` (viewport coordinates), selected in a cursor."""
        if self.speller is None:
            return None
        from newsdesk.spelling.words import words_to_check

        cursor = widget.cursorForPosition(position)
        block, at = cursor.block(), cursor.positionInBlock()
        for word in words_to_check(block.text()):
            if word.start <= at <= word.end and self.is_unknown(word.text):
                selection = QTextCursor(block)
                selection.setPosition(block.position() + word.start)
                selection.setPosition(block.position() + word.end,
                                      QTextCursor.MoveMode.KeepAnchor)
                return selection, word
        return None

    def actions_for(self, widget: QPlainTextEdit, position: QPoint,
                    parent: QObject) -> list[QAction]:
        """The menu entries for the word under ``position``: suggestions, then the
        dictionary's; none when the word is known."""
        found = self.word_at(widget, position)
        if found is None or self.speller is None or widget.isReadOnly():
            return []
        selection, word = found
        return self._word_actions(word, _replacer(selection), parent)

    def _word_actions(self, word: Word, replace: Callable[[str], None],
                      parent: QObject) -> list[QAction]:
        if self.speller is None:
            return []
        actions = []
        for suggestion in self.speller.suggestions(word.text):
            action = QAction(suggestion, parent)
            action.triggered.connect(lambda _checked=False, text=suggestion: replace(text))
            actions.append(action)
        if not actions:
            none = QAction(tr("(no suggestions)"), parent)
            none.setEnabled(False)
            actions.append(none)
        add = QAction(tr("Add to newsroom dictionary"), parent)
        add.triggered.connect(lambda: self.add_to_dictionary(word.text))
        ignore = QAction(tr("Ignore in this story"), parent)
        ignore.triggered.connect(lambda: self.ignore(word.text))
        return [*actions, _separator(parent), add, ignore]

    def line_actions_for(self, line: QLineEdit, position: QPoint,
                         parent: QObject) -> list[QAction]:
        """The same entries for the unknown word under ``position`` in a one-line field
        (the headline)."""
        if self.speller is None or line.isReadOnly():
            return []
        from newsdesk.spelling.words import words_to_check

        at = line.cursorPositionAt(position)
        text = line.text()
        for word in words_to_check(text):
            if word.start <= at <= word.end and self.is_unknown(word.text):
                return self._word_actions(word, _line_replacer(line, word), parent)
        return []

    def add_to_dictionary(self, word: str) -> None:
        """Add ``word`` for the story's language, for everyone on this database."""
        speller = self.speller
        if speller is None:
            return
        from newsdesk.spelling.newsroom import add_word

        try:
            add_word(word, speller.language, added_by=self.editor.author)
        except (UserError, peewee.DatabaseError) as exc:
            self.editor.message.emit(tr("Not added to the dictionary: {reason}").format(
                reason=str(exc)))
            return
        speller.learn(word)
        self._after_word_change(tr("Added to the newsroom dictionary: {word}").format(word=word))

    def ignore(self, word: str) -> None:
        """Leave ``word`` alone in this story, now and whenever it is opened again."""
        article_id = self.editor.article_id
        if article_id is None or self.speller is None:
            return
        from newsdesk.spelling.ignored import ignore_word

        try:
            kept = ignore_word(article_id, word, self.speller.language,
                               ignored_by=self.editor.author)
        except (UserError, peewee.DatabaseError) as exc:
            self.editor.message.emit(tr("Not ignored: {reason}").format(reason=str(exc)))
            return
        self.ignored.setdefault(article_id, set()).add(kept)
        self._after_word_change(tr("Ignored in this story: {word}").format(word=word))

    def _after_word_change(self, message: str) -> None:
        self.rehighlight()
        self._count_story()
        self.editor.message.emit(message)

    def next_unknown(self) -> bool:
        """Select the next unknown word after the cursor (F7), in reading order: the
        headline, the body, the footnote, and from the top again after the last one;
        False when there is none."""
        if self.speller is None:
            return False
        fields: list[QLineEdit | QPlainTextEdit] = [self.editor.headline, *self.texts()]
        found = [(index, word) for index, field in enumerate(fields)
                 for word in self.unknown_words(_text_of(field))]
        if not found:
            self.editor.message.emit(tr("No unknown words"))
            return False
        # From the field being written in; from the body's cursor when none has the focus.
        here = next((i for i, field in enumerate(fields) if field.hasFocus()), 1)
        after = _selection_end(fields[here])
        index, word = next(((i, w) for i, w in found
                            if i > here or (i == here and w.start >= after)), found[0])
        field = fields[index]
        if isinstance(field, QLineEdit):
            field.setSelection(word.start, word.end - word.start)
        else:
            cursor = field.textCursor()
            cursor.setPosition(word.start)
            cursor.setPosition(word.end, QTextCursor.MoveMode.KeepAnchor)
            field.setTextCursor(cursor)
        field.setFocus()
        return True

    def confirm_ready(self, ask: Callable[[int], bool]) -> bool:
        """Before a move to ``ready``: ask once per story when it has unknown words."""
        article_id = self.editor.article_id
        if self.speller is None or article_id is None or article_id in self.asked_ready:
            return True
        self.check_now(count_at_once=True)
        if self.count <= 0:
            return True
        answer = ask(self.count)
        self.asked_ready.add(article_id)
        return answer


def _text_of(field: QLineEdit | QPlainTextEdit) -> str:
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()


def _selection_end(field: QLineEdit | QPlainTextEdit) -> int:
    """Where the selection ends, or the cursor when nothing is selected."""
    if isinstance(field, QLineEdit):
        if field.hasSelectedText():
            return field.selectionStart() + len(field.selectedText())
        return field.cursorPosition()
    return field.textCursor().selectionEnd()


def _load_speller(language: str) -> Speller:
    from newsdesk.spelling.speller import speller_for

    return speller_for(language)


def _lower(word: str, language: str) -> str:
    from newsdesk.spelling.dictionaries import lower

    return lower(word, language)


def _visible_blocks(widget: QPlainTextEdit) -> list[QTextBlock]:
    blocks = []
    block = widget.firstVisibleBlock()
    height = widget.viewport().height()
    while block.isValid():
        top = widget.blockBoundingGeometry(block).translated(widget.contentOffset()).top()
        if top > height:
            break
        blocks.append(block)
        block = block.next()
    return blocks


def _replacer(selection: QTextCursor) -> Callable[[str], None]:
    def replace(text: str) -> None:
        selection.insertText(text)
    return replace


def _line_replacer(line: QLineEdit, word: Word) -> Callable[[str], None]:
    def replace(text: str) -> None:
        if line.text()[word.start:word.end] != word.text:
            return  # the headline changed under the menu
        # Through the field's own editing: undoable, and an edit the editor saves.
        line.setSelection(word.start, word.end - word.start)
        line.insert(text)
    return replace


def _separator(parent: QObject) -> QAction:
    action = QAction(parent)
    action.setSeparator(True)
    return action


def spelling_menu(check: SpellCheck, widget: QPlainTextEdit | QLineEdit,
                  position: QPoint) -> QMenu:
    """The text's context menu with the spelling entries first (right-click)."""
    if isinstance(widget, QLineEdit):
        menu = widget.createStandardContextMenu()
        actions = check.line_actions_for(widget, position, menu)
    else:
        menu = widget.createStandardContextMenu(position)
        actions = check.actions_for(widget, position, menu)
    if actions:
        first = menu.actions()[0] if menu.actions() else None
        menu.insertActions(first, [*actions, _separator(menu)])
    return menu
