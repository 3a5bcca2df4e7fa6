"""Where newsdesk keeps its own files: the user's data and cache folders, as the desktop
names them (XDG on Linux), for every part that keeps files there."""

from __future__ import annotations

import sys

import pytest

from newsdesk.store.db import default_database_path
from newsdesk.sync.run import default_replica_path
from newsdesk.user_folders import cache_folder, data_folder, write_whole

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="XDG folders are Linux's")


def test_the_folders_follow_the_desktops_data_and_cache_homes(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert data_folder("recovery") == tmp_path / "data" / "newsdesk" / "recovery"
    assert cache_folder("templates", "abc") == tmp_path / "cache" / "newsdesk" / "templates" / "abc"
    assert default_database_path() == tmp_path / "data" / "newsdesk" / "newsdesk.sqlite3"
    assert default_replica_path("postgresql://db.example/news").parent == \
        tmp_path / "data" / "newsdesk" / "replicas"


def test_a_file_is_written_whole_or_not_at_all(tmp_path):
    target = tmp_path / "kept.bin"
    target.write_bytes(b"before")
    write_whole(target, b"after")
    assert target.read_bytes() == b"after"
    assert [path.name for path in tmp_path.iterdir()] == ["kept.bin"]

    in_the_way = tmp_path / "folder"
    (in_the_way / "inside").mkdir(parents=True)
    with pytest.raises(OSError):
        write_whole(in_the_way, b"data")  # a folder stands where the file would go
    assert sorted(path.name for path in tmp_path.iterdir()) == ["folder", "kept.bin"]


def test_a_cleanup_that_fails_does_not_hide_why_the_write_failed(tmp_path, monkeypatch):
    # A folder that lets a file be written but not removed (a sticky shared folder): the
    # caller hears why the write failed, not that the leftover could not be removed.
    import pathlib

    import newsdesk.user_folders as user_folders

    def refuse_rename(source, target):
        raise OSError(28, "No space left on device")

    def refuse_removal(self, missing_ok=False):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(user_folders.os, "replace", refuse_rename)
    monkeypatch.setattr(pathlib.Path, "unlink", refuse_removal)
    with pytest.raises(OSError) as raised:
        write_whole(tmp_path / "kept.bin", b"data")
    assert raised.value.errno == 28
