"""Starting the window on a database: a missing one is offered to be created, others
that cannot be opened are explained."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from newsdesk.cli import build_parser
from newsdesk.store.migrations import current_version, latest_version
from newsdesk.store.models import Article
from newsdesk.ui.app import _run_window, open_for_window

QUESTION = "There is no newsdesk database at {}. Create a new, empty one?"


class BoxAnswerer:
    """Answers each message box the application shows, as a user reads and clicks it."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.seen: list[tuple[QMessageBox.Icon, str, list[str]]] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._look)
        self.timer.start()

    def _look(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            return
        labels = [button.text().replace("&", "") for button in box.buttons()]
        self.seen.append((box.icon(), box.text(), sorted(labels)))
        if not self.answers:  # one box too many: the test fails on ``seen``, not hangs
            box.reject()
            return
        button = box.buttons()[labels.index(self.answers.pop(0))]
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    def stop(self) -> None:
        self.timer.stop()


@pytest.fixture
def answer():
    answerers: list[BoxAnswerer] = []

    def start(*answers: str) -> BoxAnswerer:
        answerers.append(BoxAnswerer(*answers))
        return answerers[-1]

    yield start
    for answerer in answerers:
        answerer.stop()


def run_window(*argv: str) -> int:
    """The window's own start (``newsdesk`` without a command) up to its event loop,
    minus the final ``os._exit``: for the ways it ends before a window opens."""
    return _run_window(build_parser().parse_args(list(argv)))


@pytest.fixture
def open_window(qtbot, settings, tmp_path):
    """What the window opens on (its start's own first step), then the window on it.

    Not ``_run_window`` whole: a second ``QApplication.exec()`` quitting inside the test
    run would leave Qt's quit flag set, and every later event loop would return at once.
    """
    from newsdesk.ui.main_window import MainWindow

    windows = []

    def start(*argv: str) -> MainWindow:
        opened = open_for_window(build_parser().parse_args(list(argv)), tmp_path)
        windows.append(MainWindow(opened, settings))
        windows[-1].show()
        qtbot.waitExposed(windows[-1])
        return windows[-1]

    yield start
    for window in windows:
        window.close()
        window.opened.close()


def test_create_offered_for_a_missing_database_opens_the_window_on_a_new_one(
        tmp_path, answer, open_window):
    path = tmp_path / "new folder" / "news.sqlite3"
    user = answer("Create")
    window = open_window("--db", str(path))
    assert user.seen == [(QMessageBox.Icon.Question, QUESTION.format(path),
                          ["Cancel", "Create"])]
    assert window.database_label.text() == f"Database: {path}"
    assert window.desk.article_list.model.rowCount() == 0
    window.desk.editor.new_article()  # the new database takes work at once
    assert window.desk.article_list.model.rowCount() == 1
    assert current_version(window.opened) == latest_version()
    assert Article.select().count() == 1
    assert path.is_file()


def test_cancel_creates_nothing_and_exits_1(qapp, tmp_path, answer, capsys):
    path = tmp_path / "new folder" / "news.sqlite3"
    user = answer("Cancel")
    assert run_window("--db", str(path)) == 1
    assert [icon for icon, _text, _buttons in user.seen] == [QMessageBox.Icon.Question]
    assert not path.parent.exists()
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (f"newsdesk: error: {path}: no database here "
                            "(check the path or --db)\n")


def test_newsdesk_db_naming_a_missing_file_is_offered_too(tmp_path, answer, open_window,
                                                          monkeypatch):
    path = tmp_path / "env.sqlite3"
    monkeypatch.setenv("NEWSDESK_DB", str(path))
    user = answer("Create")
    window = open_window()
    assert user.seen[0][1] == QUESTION.format(path)
    assert window.database_label.text() == f"Database: {path}" and path.is_file()


def test_a_corrupt_database_is_explained_not_offered(qapp, tmp_path, answer, capsys):
    path = tmp_path / "corrupt.sqlite3"
    path.write_bytes(b"not a database " * 100)
    user = answer("OK")
    assert run_window("--db", str(path)) == 1
    [(icon, text, buttons)] = user.seen
    assert icon == QMessageBox.Icon.Critical and buttons == ["OK"]
    assert text == f"{path}: is not a newsdesk database (corrupt or another kind of file)"
    assert path.read_bytes() == b"not a database " * 100
    assert "is not a newsdesk database" in capsys.readouterr().err


def test_a_database_that_cannot_be_created_is_explained(qapp, tmp_path, answer):
    blocker = tmp_path / "a file"
    blocker.write_text("x")
    path = blocker / "news.sqlite3"
    user = answer("Create", "OK")
    assert run_window("--db", str(path)) == 1
    assert [icon for icon, _text, _buttons in user.seen] == [QMessageBox.Icon.Question,
                                                              QMessageBox.Icon.Critical]
    assert user.seen[1][1].startswith(f"{path}: cannot create the folder")
    assert blocker.read_text() == "x"


def test_a_screenshot_of_a_missing_database_asks_nothing(cli, tmp_path):
    path = tmp_path / "missing.sqlite3"
    png = tmp_path / "shot.png"
    result = cli("--db", str(path), "--screenshot", str(png), timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip().endswith(f"{path}: no database here (check the path or --db)")
    assert not path.exists() and not png.exists()
