"""The throwaway folder of a ``--demo`` run (the window's or a command's), and the sweep
of those that earlier runs left behind.

A demo's folder is removed when the run ends, but not by a run that is killed (a
``timeout``, SIGKILL, a closed terminal's SIGHUP) or that crashes: such folders, with
their database, piled up in the temporary folder (884 of them on one machine). Each
folder names its process in a file; a demo starting removes the folders, of this user,
whose process is gone.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PREFIX = "newsdesk-demo-"
OWNER_FILE = "owner.pid"


@contextmanager
def demo_folder() -> Iterator[Path]:
    """A new temporary folder for a demo, removed at the end (after removing those of
    earlier demos whose process is gone)."""
    remove_abandoned(Path(tempfile.gettempdir()))
    with tempfile.TemporaryDirectory(prefix=PREFIX) as made:
        folder = Path(made)
        (folder / OWNER_FILE).write_text(str(os.getpid()), encoding="ascii")
        yield folder


def remove_abandoned(root: Path) -> list[Path]:
    """Remove this user's demo folders in ``root`` whose process has ended; returns them.
    A folder without its owner's file is left: another newsdesk's, or one being made."""
    if os.name != "posix":
        return []  # (os.kill(pid, 0) would end the process on Windows, not ask after it)
    removed = []
    for folder in root.glob(f"{PREFIX}*"):
        try:
            if folder.stat().st_uid != os.getuid():
                continue
            owner = int((folder / OWNER_FILE).read_text(encoding="ascii"))
        except (OSError, ValueError):
            continue
        if not _running(owner):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OverflowError:
        return False  # no process has that number
    return True
