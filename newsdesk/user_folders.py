"""The folders newsdesk keeps its own files in, per user (platformdirs: the XDG folders on
Linux, Library on macOS, AppData on Windows): one place that names them, so the window,
the exports and the command line agree on where the database, the replicas, the crash
recovery, the caches and the log live."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir, user_log_dir

APP = "newsdesk"


def data_folder(*parts: str) -> Path:
    """A path in the user's data folder: what must survive (database, replicas, recovery)."""
    return Path(user_data_dir(APP, appauthor=False)).joinpath(*parts)


def cache_folder(*parts: str) -> Path:
    """A path in the user's cache folder: what can be made again (icons, compiled templates,
    preview pictures, benchmark databases)."""
    return Path(user_cache_dir(APP, appauthor=False)).joinpath(*parts)


def log_folder(*parts: str) -> Path:
    """A path in the user's log folder: what went wrong, for whoever looks into it."""
    return Path(user_log_dir(APP, appauthor=False)).joinpath(*parts)


def write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` aside, then rename it there: another process reading
    meanwhile (a second window, a renderer) finds the whole file or none. Raises OSError,
    leaving nothing aside."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError:
        # A folder that lets us write but not delete: the original error is the one to raise.
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise


def keep_if_possible(path: Path, data: bytes) -> None:
    """Write a cache file (``write_whole``) that is worth having, not needing: where its
    folder cannot be made or written, nothing is kept and the work is done again next
    time."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_whole(path, data)
