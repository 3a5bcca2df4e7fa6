"""The window's settings, declared once in ``newsdesk.ui.settings``: defaults, the types
they come back in from an ini file, round trips, old users' files, and no other module
reading or writing a QSettings by key."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, Qt

from newsdesk.ui import settings as ui_settings
from newsdesk.ui.settings import (
    DEFAULT_AGENCY,
    EDITOR_SPLITTER,
    EXPORT_FOLDER,
    EXPORT_FORMAT,
    LAST_STORY,
    LIST_SORT,
    MODERATION_QUEUE,
    OPTIONS,
    USER_NAME,
    WINDOW_GEOMETRY,
    WINDOW_MODE,
    ini_settings,
    user_name,
)

UI_PACKAGE = Path(ui_settings.__file__).parent

# The keys users' settings files already hold: renaming one loses their choices.
STORED_KEYS = {
    "window/geometry", "window/state", "window/mode", "desk/splitter", "desk/last_article",
    "editor/splitter", "list/sort", "list/columns", "moderation/splitter",
    "moderation/queue", "export/folder", "export/format", "team/user_name",
    "editor/default_agency", "window/language",
}


def fresh_read(path: Path, tmp_path: Path):
    """A store over a copy of ``path``: Qt keeps what one process wrote to a file in memory,
    typed; a copy under a new name is read back from its text, as the next start reads it."""
    copy = tmp_path / f"reread-{len(list(tmp_path.iterdir()))}.ini"
    shutil.copy(path, copy)
    return ini_settings(copy)


def test_every_key_is_declared_once_under_its_stored_name():
    keys = [option.key for option in OPTIONS]
    assert len(keys) == len(set(keys))
    assert set(keys) == STORED_KEYS
    declared = [value for value in vars(ui_settings).values()
                if isinstance(value, ui_settings.Option)]
    assert set(declared) == set(OPTIONS)  # none declared but left out of OPTIONS
    assert all(option.description for option in OPTIONS)


def test_defaults_on_first_run(tmp_path):
    store = ini_settings(tmp_path / "settings.ini")
    assert WINDOW_MODE.read(store) == "desk"
    assert LIST_SORT.read(store) == "updated:desc"
    assert MODERATION_QUEUE.read(store) == "pending"
    assert EXPORT_FORMAT.read(store) == "site"
    assert EXPORT_FOLDER.read(store) == ""
    assert DEFAULT_AGENCY.read(store) == "Turan"
    assert LAST_STORY.read(store) is None
    assert WINDOW_GEOMETRY.read(store) is None
    assert EDITOR_SPLITTER.read(store) is None
    assert not (tmp_path / "settings.ini").exists()  # reading writes nothing


def test_values_are_coerced_from_the_strings_an_ini_file_gives_back(tmp_path):
    path = tmp_path / "old.ini"
    # As an earlier newsdesk (or a hand edit) left it: every value is text to Qt.
    path.write_text("[desk]\nlast_article=42\n"
                    "[team]\nuser_name=Aydin, Leyla\n"
                    "[export]\nfolder=\"/srv/out, final\"\n"
                    "[editor]\ndefault_agency=7\n"
                    "[window]\ngeometry=@ByteArray(\\x1\\xd9\\xd0\\xcb)\nmode=moderation\n")
    store = ini_settings(path)
    assert store.value("desk/last_article") == "42"  # what Qt alone gives back
    assert LAST_STORY.read(store) == 42
    assert store.value("team/user_name") == ["Aydin", "Leyla"]  # an unquoted comma splits
    assert USER_NAME.read(store) == "Aydin, Leyla"
    assert EXPORT_FOLDER.read(store) == "/srv/out, final"
    assert DEFAULT_AGENCY.read(store) == "7"
    assert WINDOW_GEOMETRY.read(store) == QByteArray(b"\x01\xd9\xd0\xcb")
    assert WINDOW_MODE.read(store) == "moderation"


def test_damaged_values_read_as_the_default(tmp_path):
    path = tmp_path / "damaged.ini"
    path.write_text("[desk]\nlast_article=the big one\nsplitter=not a state\n"
                    "[window]\ngeometry=12\n")
    store = ini_settings(path)
    assert LAST_STORY.read(store) is None
    assert ui_settings.DESK_SPLITTER.read(store) is None
    assert WINDOW_GEOMETRY.read(store) is None


def test_every_option_round_trips_through_the_file(tmp_path):
    path = tmp_path / "settings.ini"
    store = ini_settings(path)
    chosen = {
        option: (QByteArray(b"\x00state\xff" + option.key.encode()) if option.default is None
                 and option is not LAST_STORY else f"value of {option.key}, with a comma")
        for option in OPTIONS
    }
    chosen[LAST_STORY] = 1234
    for option, value in chosen.items():
        option.write(store, value)
    store.sync()
    reread = fresh_read(path, tmp_path)
    for option, value in chosen.items():
        assert option.read(reread) == value, option.key
        assert type(option.read(reread)) is type(value), option.key


def test_user_name_falls_back_to_the_login_name(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSDESK_USER", "rauf")
    store = ini_settings(tmp_path / "settings.ini")
    assert user_name(store) == "rauf"
    USER_NAME.write(store, "   ")
    assert user_name(store) == "rauf"
    USER_NAME.write(store, " Leyla Sultanova ")
    assert user_name(store) == "Leyla Sultanova"


def test_a_settings_file_from_an_earlier_run_restores_the_window(qtbot, demo_db, tmp_path):
    from newsdesk.store.models import Article
    from newsdesk.ui.desk.article_list import COLUMNS
    from newsdesk.ui.main_window import MainWindow

    newest = Article.select().order_by(Article.updated_at.desc()).first()
    story = Article.select().where(Article.id != newest.id).order_by(Article.id).first()
    path = tmp_path / "earlier.ini"
    path.write_text(f"[desk]\nlast_article={story.id}\n[window]\nmode=moderation\n"
                    "[moderation]\nqueue=flagged\n[list]\nsort=headline:asc\n")
    window = MainWindow(demo_db, ini_settings(path))
    qtbot.addWidget(window)
    assert window.current_mode() == "moderation"
    assert window.moderation.current_queue() == "flagged"
    assert window.desk.editor.article_id == story.id
    header = window.desk.article_list.table.horizontalHeader()
    assert COLUMNS[header.sortIndicatorSection()][0] == "headline"
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder


# -- one declaration: nobody else reads or writes a QSettings --------------------------------
STORE_METHODS = {"value", "setValue", "contains", "remove", "clear", "allKeys", "childKeys"}


def direct_settings_access(source: str) -> list[str]:
    """Calls in ``source`` that reach a QSettings past the declarations: a key method
    called on something named like a settings store, or a QSettings constructed."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        if (isinstance(function, ast.Attribute) and function.attr in STORE_METHODS
                and "settings" in ast.unparse(function.value).lower()):
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
        elif isinstance(function, ast.Name | ast.Attribute) and \
                ast.unparse(function).split(".")[-1] == "QSettings":
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return found


def test_the_detector_finds_direct_access():
    source = ("self.settings.setValue('a/b', 1)\nx = settings.value('a/b')\n"
              "s = QtCore.QSettings()\nself.spin.setValue(3)\nself.bar.value()\n")
    assert len(direct_settings_access(source)) == 3


@pytest.mark.parametrize("module", sorted(path.relative_to(UI_PACKAGE).as_posix()
                                          for path in UI_PACKAGE.rglob("*.py")
                                          if path.name != "settings.py"
                                          or path.parent != UI_PACKAGE))
def test_no_module_but_settings_touches_a_qsettings_directly(module):
    assert direct_settings_access((UI_PACKAGE / module).read_text()) == []


def test_no_settings_io_at_import_time():
    """The declarations module builds stores only inside functions, when asked."""
    tree = ast.parse(Path(ui_settings.__file__).read_text())
    top_level = [node for node in tree.body
                 if not isinstance(node, ast.FunctionDef | ast.ClassDef)]
    for statement in top_level:
        for node in ast.walk(statement):
            if isinstance(node, ast.Call):
                assert ast.unparse(node.func) not in {"QSettings", "QSettings.value"}
                assert not (isinstance(node.func, ast.Attribute)
                            and node.func.attr in {"read", "write"}), ast.unparse(node)
