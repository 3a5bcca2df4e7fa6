"""Where the export figures write their files: a RAM folder when one has room.

Why not the system's temp folder: on a disk whose ext4 has no journal (these VMs' root),
the kernel will not reuse an inode freed in the last 30-60 seconds, and finds a free one
by checking each recently freed inode in turn (``recently_deleted`` in ext4's inode
allocator). Right after thousands of files were deleted (the previous bench run's
clean-up, a test run's temp folders), creating a file costs ~0.5 ms of kernel time
instead of ~0.05 ms, so the same export took 1.6 s on one run and 2.95 s on the next.
In a RAM folder creating a file costs the same on every run, and the figures measure
newsdesk, not the disk's inode quarantine. ``--scratch DIR`` chooses the folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

RAM_FOLDERS = (Path("/dev/shm"),)
# Every copy the export figures write (three site exports, three floors, the Markdown
# export, Pelican's outputs, the one-core exports), with room to spare.
BYTES_PER_STORY = 256 * 1024


def scratch_parent(stories: int, chosen: str | None = None) -> Path | None:
    """The folder to make the figures' temp folder in: ``chosen``, else a RAM folder with
    room for ``stories`` stories, else None (the system's temp folder)."""
    if chosen:
        return Path(chosen)
    needed = stories * BYTES_PER_STORY
    for folder in RAM_FOLDERS:
        if folder.is_dir() and os.access(folder, os.W_OK | os.X_OK) \
                and shutil.disk_usage(folder).free > needed:
            return folder
    return None


def scratch_label(parent: Path | None) -> str:
    """How the figure's line says where its files went."""
    where = parent if parent is not None else Path(tempfile.gettempdir())
    return f"files in {where}"
