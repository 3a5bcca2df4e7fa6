"""A working day in the real window, compressed: the soak test and ``bench soak``.

``SoakDriver`` drives a ``MainWindow`` over a real SQLite file the way the newsroom does
all day, round after round until the time is up:

- the editor opens the next story from the article list (a click on its row, Return),
  types a paragraph at the end of the body with real key events (a typo now and then,
  corrected with Backspace; letters such as ə or Cyrillic arrive as key events carrying
  text, as from a keyboard layout), waits for the autosave, and tags the story (accepts a
  suggestion with A, or picks a name in the tag field's completer);
- the moderator switches to Moderation (Ctrl+2) and decides reviews with J/K/A/R/S/Z,
  importing the next batch of readers' reviews through the window's import when the
  queue runs low, then switches back (Ctrl+1);
- twice in the run, File > Export (Ctrl+E) writes the website.

The Desk, with its preview, is on screen whenever the moderator is not. Everything typed
and decided is compared with the database, and resident memory is read after a warm-up
(every path once) and at the end. ``python -m newsdesk.ui.soak --minutes N`` runs a session in a
process of its own and prints JSON lines (a heartbeat per round, then the report) for
``python -m newsdesk.bench soak``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from newsdesk import search
from newsdesk.moderation import reviews
from newsdesk.people.registry_state import registry_rows
from newsdesk.store.models import Article, Review
from newsdesk.stories import articles
from newsdesk.ui.bench_probe import rss_mb
from newsdesk.ui.desk.editor import SAVED
from newsdesk.ui.settings import ini_settings

WAIT_S = 60.0  # longer than any step may take: past it, the window counts as hung
KEY_PACE_S = 0.025  # between keystrokes (a fast typist, so a short run still types a lot)
TYPO_EVERY = 35  # about one wrong letter (then Backspace) in this many
DECISIONS_PER_ROUND = 20
IMPORT_BATCH = 250
LOW_QUEUE = 2 * DECISIONS_PER_ROUND  # import the next batch below this many pending
EXPORTS_AT = (1 / 3, 2 / 3)  # fractions of the run
MODERATION_KEYS = "AAAAARRSJJKZ"  # what the moderator presses, as often as it is here
UNDO_LIMIT = reviews.DecisionHistory().limit

SENTENCES = {
    "en": ("{a} told reporters in Baku that talks with {b} would resume next week.",
           "According to {a}, the budget debate will continue on Tuesday.",
           "{a} and {b} did not comment on the ruling by the deadline.",
           "The statement by {a} was read out at the end of the session."),
    "az": ("{a} bildirib ki, {b} ilə danışıqlar gələn həftə davam edəcək.",
           "{a} jurnalistlərə açıqlamasında büdcə müzakirəsinin çərşənbə axşamı "
           "keçiriləcəyini söyləyib.",
           "{a} və {b} qərarı şərh etməyiblər."),
    "ru": ("{a} заявил журналистам в Баку, что переговоры с {b} продолжатся.",
           "По словам {a}, обсуждение бюджета продолжится во вторник.",
           "{a} и {b} не прокомментировали решение суда."),
}
REVIEW_TEXTS = ("Thank you for the clear report.", "This is one-sided, as usual.",
                "Finally someone writes about this.", "Who pays for all of this?",
                "More details at http://example.org/more and http://example.org/again",
                "Çox sağ olun, maraqlı yazıdır.", "Спасибо за статью.")
REVIEW_AUTHORS = ("Aysel M.", "Farid", "Leyla Aliyeva", "Nigar", "Orkhan B.", "Tural",
                  "Sevda", "Kamal", "Anna Petrova", "Reader")


class SoakError(Exception):
    """The window stopped doing what it was asked: the session cannot go on."""


@dataclass
class SoakReport:
    planned_s: float
    elapsed_s: float = 0.0  # the measured part, after the warm-up
    rounds: int = 0
    keystrokes: int = 0
    autosaves: int = 0
    switches: int = 0
    tags_accepted: int = 0  # suggestions accepted with A
    tags_added: int = 0  # names picked in the tag field
    decisions: int = 0
    undos: int = 0
    imports: int = 0
    exports: int = 0
    stray_export_progress: int = 0  # export progress dialogs left up after finishing
    rss_start_mb: float = 0.0
    rss_end_mb: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def growth_mb(self) -> float:
        return self.rss_end_mb - self.rss_start_mb

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "growth_mb": round(self.growth_mb, 1)}


# -- the event loop and the process ------------------------------------------------------
def pump(seconds: float) -> None:
    """Run the event loop for ``seconds``, as ``exec()`` would, deferred deletes included
    (processEvents alone leaves those queued, which would look like a leak)."""
    end = time.perf_counter() + seconds
    while True:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if time.perf_counter() >= end:
            return
        time.sleep(0.002)


def wait_for(condition: Callable[[], object], what: str, timeout: float = WAIT_S) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise SoakError(f"waited {timeout:.0f} s for {what}")
        pump(0.01)


# -- input like a user's ------------------------------------------------------------------
def press(widget: QWidget, char: str) -> None:
    """One keystroke that types ``char``."""
    if char == "\n":
        QTest.keyClick(widget, Qt.Key.Key_Return)
    elif char.isascii():
        QTest.keyClicks(widget, char)
    else:  # QTest's own mapping only knows ASCII; a layout sends the text with the key
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char,
                           Qt.KeyboardModifier.NoModifier)


def click(widget: QWidget, at: QPoint | None = None) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     at if at is not None else widget.rect().center())


def shortcut(window: QWidget, key: Qt.Key) -> None:
    """Ctrl+key on the window (mode switches, export): shortcuts reach the active window."""
    activate(window)
    QTest.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)


def activate(window: QWidget) -> None:
    if not window.isActiveWindow():
        window.activateWindow()
        wait_for(window.isActiveWindow, "the window to become active")


def replace_text(line_edit: QWidget, text: str) -> None:
    """Select what a line edit holds and type over it."""
    click(line_edit)
    QTest.keyClick(line_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    for char in text:
        press(line_edit, char)


# -- the editor -----------------------------------------------------------------------------
class Typist:
    """Opens stories from the article list and types into their bodies, keeping the text
    each body must have in the database (``expected``)."""

    def __init__(self, window, rng: random.Random, problems: list[str]) -> None:
        self.window = window
        self.desk = window.desk
        self.editor = window.desk.editor
        self.rng = rng
        self.problems = problems
        self.expected: dict[int, str] = {}
        self.names = [name for _id, _kind, name, _aliases in registry_rows()]
        self.keystrokes = 0
        self.switches = 0

    def open_next_story(self) -> int:
        """Click the next story's row in the list and press Return."""
        return self.open_story(self._next_story())

    def open_story(self, target: int) -> int:
        """Click ``target``'s row in the list and press Return."""
        table, model = self.desk.article_list.table, self.desk.article_list.model
        index = model.index(model.row_of(target), 0)
        table.scrollTo(index)
        click(table.viewport(), table.visualRect(index).center())
        QTest.keyClick(table, Qt.Key.Key_Return)
        wait_for(lambda: self.editor.article_id == target, f"story {target} to open")
        self.switches += 1
        self._remember(target)
        return target

    def story_per_language(self) -> dict[str, int]:
        """The first story (by id) of each language among those the list shows."""
        model = self.desk.article_list.model
        found: dict[str, int] = {}
        for row in sorted(range(model.rowCount()), key=model.article_id):
            shown = model.row(row)
            if shown is not None:
                found.setdefault(shown[search.LANGUAGE], model.article_id(row))
        return found

    def _next_story(self) -> int:
        """The story after the open one, in id order, among those the list shows."""
        model = self.desk.article_list.model
        ids = sorted(model.article_id(row) for row in range(model.rowCount()))
        if not ids:
            raise SoakError("the article list is empty")
        current = self.editor.article_id or 0
        return next((i for i in ids if i > current), ids[0])

    def _remember(self, article_id: int) -> None:
        shown = self.editor.body.toPlainText()
        typed = self.expected.get(article_id)
        if typed is not None and typed != shown:
            self.problems.append(f"story {article_id} reopened without the text typed "
                                 f"earlier: {difference(typed, shown)}")
        self.expected[article_id] = shown

    def type_paragraph(self) -> None:
        """A new paragraph at the end of the body, typed key by key."""
        body = self.editor.body
        click(body.viewport())
        QTest.keyClick(body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        text = "\n\n" + self._paragraph()
        for char in text:
            if char.isalpha() and self.rng.randrange(TYPO_EVERY) == 0:
                self._typo(body)
            press(body, char)
            self._typed(1)
        self.expected[self.editor.article_id] += text

    def _typo(self, body: QWidget) -> None:
        press(body, self.rng.choice("qxz"))
        QTest.keyClick(body, Qt.Key.Key_Backspace)
        self._typed(2)

    def _typed(self, keys: int) -> None:
        self.keystrokes += keys
        pump(KEY_PACE_S)

    def _paragraph(self) -> str:
        language = self.editor.language.currentText()
        sentences = SENTENCES.get(language, SENTENCES["en"])
        return " ".join(self.rng.choice(sentences).format(a=self.rng.choice(self.names),
                                                          b=self.rng.choice(self.names))
                        for _ in range(3))

    def wait_for_autosave(self) -> None:
        wait_for(lambda: not self.editor.dirty and self.editor.save_state == SAVED,
                 "the autosave after typing")

    def check_stored(self, article_id: int) -> None:
        stored = articles.get_article(article_id).body
        if stored != self.expected[article_id]:
            self.problems.append(f"story {article_id}: the database does not have what was "
                                 f"typed: {difference(self.expected[article_id], stored)}")
            self.expected[article_id] = stored  # report each loss once

    def wait_for_preview(self) -> None:
        preview = self.desk.preview
        if not preview.isVisible():
            self.problems.append("the preview is not on screen in the Desk")
        wait_for(lambda: preview.shows_body(self.editor.body.toPlainText()),
                 "the preview to show the typed text")


def difference(wanted: str, found: str) -> str:
    at = next((i for i, (a, b) in enumerate(zip(wanted, found, strict=False)) if a != b),
              min(len(wanted), len(found)))
    return (f"{len(wanted)} characters wanted, {len(found)} found, first difference at "
            f"{at}: {wanted[at:at + 30]!r} vs {found[at:at + 30]!r}")


class Tagger:
    """Tags the open story through the tag panel: a suggestion accepted with A, or, when
    nothing is suggested, a name typed into the tag field and picked from its completer."""

    def __init__(self, window, rng: random.Random, problems: list[str]) -> None:
        self.panel = window.desk.tag_panel
        self.rng = rng
        self.problems = problems
        self.done = {"accepted": 0, "added": 0}
        self._passes = 0
        self.panel.suggestions_ready.connect(self._passed)

    def _passed(self) -> None:
        self._passes += 1

    def tag(self, article_id: int, by_name: bool = False) -> None:
        """Tag the story one way (the other when the first finds no one to tag)."""
        ways = [("added", self._add_by_name), ("accepted", self._accept_suggestion)]
        for how, way in ways if by_name else reversed(ways):
            name = way(article_id)
            if name is not None:
                self._check_stored(article_id, name, how)
                return

    def _check_stored(self, article_id: int, name: str, how: str) -> None:
        if name in {tag["name"] for tag in articles.tags_of(article_id)}:
            self.done[how] += 1
        else:
            self.problems.append(f"story {article_id}: {name!r} was tagged in the window "
                                 "but is not stored")

    def _accept_suggestion(self, _article_id: int) -> str | None:
        passes = self._passes
        click(self.panel.suggest_button)
        wait_for(lambda: self._passes > passes, "the tag suggestions")
        tree = self.panel.suggestions
        known = [number for number, suggestion in enumerate(self.panel.shown_suggestions())
                 if suggestion.entity_id is not None]
        if not known:
            return None
        item = tree.topLevelItem(known[0])
        tree.scrollToItem(item)
        click(tree.viewport(), tree.visualItemRect(item).center())
        name = self.panel.selected_suggestions()[0].name
        QTest.keyClick(tree, Qt.Key.Key_A)
        return name

    def _add_by_name(self, article_id: int) -> str | None:
        tagged = {tag["name"] for tag in articles.tags_of(article_id)}
        untagged = [name for _id, _kind, name, _aliases in registry_rows()
                    if name not in tagged]
        if not untagged:
            return None
        name = self.rng.choice(untagged)
        field = self.panel.add_field
        replace_text(field, name)
        popup = self.panel.completer.popup()
        wait_for(popup.isVisible, "the tag field's completions")
        QTest.keyClick(popup, Qt.Key.Key_Down)
        chosen = popup.currentIndex().data()
        QTest.keyClick(popup, Qt.Key.Key_Return)
        return str(chosen).split(" — ")[0]


# -- moderation -----------------------------------------------------------------------------
class Moderator:
    """Decides reviews from the keyboard in the Moderation mode, keeping the status each
    decided review must have in the database (``expected``)."""

    STATUS_OF_KEY = {"A": "approved", "R": "rejected", "S": "spam"}

    def __init__(self, window, workdir: Path, rng: random.Random,
                 problems: list[str]) -> None:
        self.window = window
        self.panel = window.moderation
        self.workdir = workdir
        self.rng = rng
        self.problems = problems
        self.expected: dict[int, str] = {}
        self.undo_stack: list[int] = []  # decided review ids, as the panel's history
        self.decisions = self.undos = self.imports = 0
        self._imported: list[tuple[bool, str]] = []
        self.panel.import_finished.connect(lambda ok, text: self._imported.append((ok, text)))

    def session(self, decisions: int) -> None:
        shortcut(self.window, Qt.Key.Key_2)
        wait_for(lambda: self.window.current_mode() == "moderation", "the Moderation mode")
        tabs = self.panel.tabs
        click(tabs, tabs.tabRect(0).center())  # Pending
        if reviews.pending_count() < LOW_QUEUE:
            self.import_batch()
        click(self.panel.view, self.panel.view.visualRect(self.panel.view.currentIndex())
              .center())
        decided: list[int] = []
        while len(decided) < decisions:
            review_id = self._press(self.rng.choice(MODERATION_KEYS))
            if review_id is not None:
                decided.append(review_id)
        self.check_stored(decided)
        shortcut(self.window, Qt.Key.Key_1)
        wait_for(lambda: self.window.current_mode() == "desk", "the Desk mode")

    def _press(self, key: str) -> int | None:
        """Press one moderation key; returns the id of the review it decided, if any."""
        # A dialog that came and went (the import's progress) leaves no window active on
        # the offscreen platform, where no window manager hands activation back to the
        # window as a desktop does; without it the keys would miss their shortcuts.
        activate(self.window)
        review_id = self.panel.current_review_id()
        QTest.keyClick(self.panel.view, getattr(Qt.Key, f"Key_{key}"))
        pump(0.005)
        if key == "Z" and self.undo_stack:
            self.expected[self.undo_stack.pop()] = "pending"
            self.undos += 1
        if key in self.STATUS_OF_KEY and review_id is not None:
            self.expected[review_id] = self.STATUS_OF_KEY[key]
            self.undo_stack.append(review_id)
            del self.undo_stack[:-UNDO_LIMIT]
            self.decisions += 1
            return review_id
        return None

    def import_batch(self) -> None:
        """The next batch of readers' reviews, through the window's import (what File >
        Import reviews… runs once a file is chosen)."""
        self.imports += 1
        path = write_reviews(self.workdir / f"reviews-{self.imports}.json",
                             generated_reviews(self.rng, self.imports, IMPORT_BATCH))
        before = len(self._imported)
        self.panel.import_file(path)
        wait_for(lambda: len(self._imported) > before, "the review import")
        ok, text = self._imported[-1]
        if not ok:
            raise SoakError(f"the review import failed: {text}")

    def check_stored(self, review_ids: list[int] | None = None) -> None:
        ids = list(dict.fromkeys(self.expected if review_ids is None else review_ids))
        stored = stored_statuses(ids)
        wrong = [i for i in ids if stored.get(i) != self.expected[i]]
        for review_id in wrong[:10]:
            self.problems.append(f"review {review_id}: decided {self.expected[review_id]}, "
                                 f"stored {stored.get(review_id)}")
            self.expected[review_id] = stored.get(review_id, "")  # report each loss once


def stored_statuses(review_ids: list[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for start in range(0, len(review_ids), 500):
        chunk = review_ids[start:start + 500]
        found.update(Review.select(Review.id, Review.status)
                     .where(Review.id.in_(chunk)).tuples())
    return found


def generated_reviews(rng: random.Random, batch: int, count: int) -> list[dict[str, Any]]:
    """Readers' reviews in the import format (design.md section 6), on the live stories."""
    slugs = [slug for (slug,) in Article.select(Article.slug)
             .where(Article.deleted_at.is_null()).tuples()]
    start = datetime(2024, 6, 1, 8, 0, tzinfo=UTC) + timedelta(days=batch)
    records = []
    for number in range(count):
        author = rng.choice(REVIEW_AUTHORS)
        records.append({
            "id": f"soak-{batch}-{number}", "article": rng.choice(slugs), "author": author,
            "email": f"{author.split()[0].lower()}@example.org",
            "text": rng.choice(REVIEW_TEXTS),
            "submitted": (start + timedelta(minutes=number)).isoformat(),
            "rating": rng.randint(1, 5)})
    return records


def write_reviews(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


# -- export ---------------------------------------------------------------------------------
class Exporter:
    """File > Export (Ctrl+E): the folder typed in, Export pressed, the end awaited."""

    def __init__(self, window, workdir: Path, problems: list[str]) -> None:
        self.window = window
        self.workdir = workdir
        self.problems = problems
        self.exports = 0
        self.stray_progress = 0
        self._results: list[Any] = []
        self._watched: QWidget | None = None

    def export(self) -> None:
        dialog = self._open_dialog()
        self.exports += 1
        folder = self.workdir / f"site-{self.exports}"
        replace_text(dialog.folder_edit, str(folder))
        before = len(self._results)
        click(dialog.export_button)
        wait_for(lambda: len(self._results) > before or "failed" in dialog.summary_label.text(),
                 "the export to finish", timeout=300)
        if len(self._results) == before:
            raise SoakError(f"export: {dialog.summary_label.text()}")
        if not (folder / "index.html").is_file():
            self.problems.append(f"export {self.exports}: no index.html in {folder}")
        # Past the progress dialog's minimum duration (300 ms): one that would still
        # show itself after the export has done so by now.
        pump(0.5)
        click(dialog.buttons.button(dialog.buttons.StandardButton.Close))
        wait_for(lambda: not dialog.isVisible(), "the export dialog to close")
        self.close_stray_progress()

    def _open_dialog(self):
        shortcut(self.window, Qt.Key.Key_E)
        wait_for(lambda: self.window.export_dialog is not None
                 and self.window.export_dialog.isVisible(), "the export dialog")
        dialog = self.window.export_dialog
        if dialog is not self._watched:  # made on first use
            dialog.exported.connect(self._results.append)
            self._watched = dialog
        return dialog

    def close_stray_progress(self) -> None:
        """A progress dialog still up after an export is the bug that locked the window
        on the first fresh install (a window-modal QProgressDialog shown by its own timer
        after the job had ended; ``workers.JobProgressDialog``): it is a problem of the
        session, closed as a user would have to close it so the session goes on."""
        dialog = self.window.export_dialog
        if dialog is None:
            return
        for progress in dialog.findChildren(QProgressDialog):
            if progress.isVisible() and progress is not dialog.progress_dialog:
                progress.close()
                self.stray_progress += 1
                self.problems.append(f"export {self.exports}: its progress dialog stayed "
                                     "up after the export, locking the window")


# -- the whole day --------------------------------------------------------------------------
class SoakDriver:
    """Plays rounds of the newsroom's day on ``window`` and checks what they stored."""

    def __init__(self, window, workdir: Path, seed: int = 2024) -> None:
        self.window = window
        self.rng = random.Random(seed)
        self.problems: list[str] = []
        self.typist = Typist(window, self.rng, self.problems)
        self.tagger = Tagger(window, self.rng, self.problems)
        self.moderator = Moderator(window, workdir, self.rng, self.problems)
        self.exporter = Exporter(window, workdir, self.problems)
        self.autosaves = 0
        self.rounds = 0
        window.desk.editor.article_saved.connect(self._saved)

    def _saved(self, _article_id: int) -> None:
        self.autosaves += 1

    def run(self, seconds: float,
            heartbeat: Callable[[SoakReport], None] | None = None) -> SoakReport:
        """A warm-up (two rounds and an export), then rounds for ``seconds`` with two
        exports among them."""
        report = SoakReport(planned_s=seconds)
        try:
            self._warm_up()
            report.rss_start_mb = self._settled_rss()
            self._play_for(seconds, report, heartbeat)
            self._finish()
            report.rss_end_mb = self._settled_rss()
        except SoakError as exc:
            self.problems.append(f"after {report.elapsed_s:.0f} s: {exc}")
        self._fill(report)
        return report

    def _warm_up(self) -> None:
        """Every path once before memory is first read (modules, caches, the export
        dialog): growth after that is what a day adds."""
        self.window.show_mode("desk")
        self.window.raise_()
        activate(self.window)
        self.play_round()
        self.play_round()
        self._load_every_speller()
        self.exporter.export()

    def _load_every_speller(self) -> None:
        """A story in each language opened, and its speller loaded: the first Russian
        story loads pymorphy3's dictionary (~30 MB, once a process), which came a minute
        into the session and read as growth of the day."""
        spelling = self.window.desk.editor.spelling
        for article_id in self.typist.story_per_language().values():
            self.typist.open_story(article_id)
            wait_for(lambda: spelling.speller is not None
                     and spelling.speller.language == spelling.language(),
                     f"the {spelling.language()} speller")

    def _play_for(self, seconds: float, report: SoakReport,
                  heartbeat: Callable[[SoakReport], None] | None) -> None:
        exports_due = [seconds * fraction for fraction in EXPORTS_AT]
        start = time.perf_counter()
        while report.elapsed_s < seconds or exports_due:
            if exports_due and report.elapsed_s >= exports_due[0]:
                exports_due.pop(0)
                self.exporter.export()
            elif report.elapsed_s < seconds:
                self.play_round()
            report.elapsed_s = time.perf_counter() - start
            if heartbeat is not None:
                self._fill(report)
                report.rss_end_mb = rss_mb()
                heartbeat(report)

    def play_round(self) -> None:
        """The editor's turn (story, paragraph, autosave, preview, tag), then the
        moderator's."""
        self._check_no_modal_dialog()
        article_id = self.typist.open_next_story()
        self.typist.type_paragraph()
        self.typist.wait_for_autosave()
        self.typist.check_stored(article_id)
        self.typist.wait_for_preview()
        self.tagger.tag(article_id, by_name=self.rounds % 2 == 1)
        self.moderator.session(DECISIONS_PER_ROUND)
        self.rounds += 1

    def _check_no_modal_dialog(self) -> None:
        self.exporter.close_stray_progress()
        modal = QApplication.activeModalWidget()
        if modal is not None:
            raise SoakError(f"a modal dialog is left open: {modal.windowTitle()!r}")

    def _finish(self) -> None:
        """Leave the story (what switching or closing does) and check everything stored."""
        if not self.window.desk.editor.flush():
            self.problems.append("the editor could not store its text at the end")
        for article_id in self.typist.expected:
            self.typist.check_stored(article_id)
        self.moderator.check_stored()

    def _settled_rss(self) -> float:
        pump(0.5)
        gc.collect()
        pump(0.1)
        return rss_mb()

    def _fill(self, report: SoakReport) -> None:
        report.rounds = self.rounds
        report.keystrokes = self.typist.keystrokes
        report.autosaves = self.autosaves
        report.switches = self.typist.switches
        report.tags_accepted = self.tagger.done["accepted"]
        report.tags_added = self.tagger.done["added"]
        report.decisions = self.moderator.decisions
        report.undos = self.moderator.undos
        report.imports = self.moderator.imports
        report.exports = self.exporter.exports
        report.stray_export_progress = self.exporter.stray_progress
        report.problems = list(self.problems)


# -- a session in a process of its own (the bench) ------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsdesk.ui.soak",
                                     description="A long session in the real window.")
    parser.add_argument("--minutes", type=float, default=30.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsdesk-soak-") as folder:
        report = _session(Path(folder), args.minutes * 60)
    print(json.dumps({"report": report.as_dict()}), flush=True)
    return 0 if not report.problems else 1


def _session(folder: Path, seconds: float) -> SoakReport:
    """The demo newsroom in ``folder``, the window on it, the day played."""
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        os.environ[variable] = str(folder / variable.lower())  # journal, locks: not the user's
    from newsdesk.sample import load_sample_content
    from newsdesk.store.db import open_database
    from newsdesk.ui.app import create_application, prepare_environment
    from newsdesk.ui.main_window import MainWindow

    prepare_environment(offscreen=True)
    create_application()
    opened = open_database(str(folder / "newsroom.sqlite3"), create=True)
    load_sample_content()
    window = MainWindow(opened, ini_settings(folder / "settings.ini"))
    window.show()
    report = SoakDriver(window, folder).run(seconds, heartbeat=_print_heartbeat)
    window.close()  # releases the story lock; the process then ends without teardown
    opened.close()
    return report


def _print_heartbeat(report: SoakReport) -> None:
    print(json.dumps({"heartbeat": {"elapsed_s": round(report.elapsed_s, 1),
                                    "rss_mb": round(report.rss_end_mb, 1),
                                    "rss_start_mb": round(report.rss_start_mb, 1)}}),
          flush=True)


if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)  # without the interpreter's teardown of Qt objects (see app.run_window)
