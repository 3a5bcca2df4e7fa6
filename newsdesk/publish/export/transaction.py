"""Writing an export as one transaction: the changed files are rendered into a staging
folder beside the target (in worker processes for large batches), the unchanged ones are
hard-linked beside them, and the staging folder is exchanged with the target in one
``renameat2(RENAME_EXCHANGE)`` (Linux): at every instant the target is the whole previous
export or the whole new one, even if the process is killed. Where that call is missing
(other systems, file systems without it), a first or full export is swapped in with two
renames and a re-export's few files are moved in under an undo journal; one cut short by a
dead process is rolled back by the next (``recover_interrupted_export``).

``export_lock`` keeps a second export out of a folder while one is writing it; worker
processes die with the export that started them (``_die_with_parent``).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import json
import os
import re
import secrets
import shutil
import signal
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from newsdesk import __version__
from newsdesk.cores import usable_cores
from newsdesk.errors import UserError
from newsdesk.publish.export.checks import check_plan, is_inside
from newsdesk.publish.export.plan import (
    MANIFEST_NAME,
    ExportFormat,
    ExportResult,
    Plan,
    PlannedFile,
)

_TMP_MARK = ".newsdesk-tmp-"
_OLD_MARK = ".newsdesk-old-"
_UNDO_MARK = ".newsdesk-undo-"
_LOCK_MARK = ".newsdesk-lock"
_SPARE_MARK = ".newsdesk-spare"
JOURNAL_NAME = "journal.json"

# Fewer files than this render in-process: starting workers would cost more than it saves.
PARALLEL_MINIMUM = 100

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


class ExportCancelled(Exception):
    """The user cancelled; nothing was changed."""


# -- one export per folder --------------------------------------------------------------
def lock_path(out: Path) -> Path:
    """The lock file of ``out``: beside it, not in it (the folder itself is exchanged)."""
    return out.parent / f".{out.name}{_LOCK_MARK}"


@contextlib.contextmanager
def export_lock(out: Path) -> Iterator[None]:
    """Hold ``out``'s lock for a whole export; refuse at once if another export holds it.

    An ``flock`` on a file beside the folder: the system drops it when its holder exits,
    however it ends, so a killed export never leaves the folder locked. (Refusing rather
    than waiting: an export that silently waits for minutes looks hung, and the second
    export would redo what the first just wrote.) Without ``fcntl`` (Windows) there is no
    lock.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    path = lock_path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode("ascii", "replace").strip() or "unknown"
            raise UserError(f"another export into this folder is running (process {holder});"
                            " wait for it to finish and export again", file=str(out)) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


# -- system calls through the C library (Linux) -----------------------------------------
_RENAME_EXCHANGE = 2
_PR_SET_PDEATHSIG = 1
_libc: Any = None


def _load_libc() -> Any:
    global _libc
    if _libc is None:
        name = ctypes.util.find_library("c")
        try:
            _libc = ctypes.CDLL(name, use_errno=True) if name else False
        except OSError:
            _libc = False
    return _libc


def can_exchange() -> bool:
    """Whether the C library has ``renameat2`` (the file system may still refuse it)."""
    libc = _load_libc()
    return bool(libc) and hasattr(libc, "renameat2")


def exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (``renameat2(RENAME_EXCHANGE)``); False where the
    system or the file system cannot, and nothing was changed."""
    libc = _load_libc()
    renameat2 = getattr(libc, "renameat2", None) if libc else None
    if renameat2 is None:  # not glibc 2.28+ (musl, macOS, Windows)
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second),
                       _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def _die_with_parent(parent: int) -> None:
    """Worker initializer: end when the export that started it ends, even if killed.

    Each worker holds a copy of the export's memory (about 170 MB with a large site); a
    worker outliving a killed export would keep it, and the export's folder lock, for good.
    """
    libc = _load_libc()
    if libc and hasattr(libc, "prctl"):
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


# -- writing ----------------------------------------------------------------------------
def read_manifest(out: Path) -> dict[str, Any]:
    try:
        data = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_export(out: Path, fmt: ExportFormat, plan: Plan, story_count: int,
                 previous: dict[str, Any], settings_key: str, present: set[str], *,
                 progress: Progress | None = None,
                 cancelled: Cancelled | None = None) -> ExportResult:
    """Write ``plan`` to ``out``: only the files whose key changed, all or nothing.

    ``previous`` is the manifest of the export already in ``out`` if it was made with the
    same format and settings, else empty; ``present`` the planned paths found in ``out``
    (files deleted by hand are written again). A first or full export is built whole in a
    staging folder beside ``out`` and swapped in. A re-export renders only the changed
    files into a staging folder that holds links to all the others (``_mirror``, starting
    from the spare: its cost follows what changed, not the size of the site) and exchanges
    it with ``out``; where that is impossible, it moves the changed files in under an undo
    journal (``_apply_changes``).
    """
    old_files: dict[str, str] = previous.get("files") or {}
    incremental = bool(previous)
    files = {item.path: item.key for item in plan.files}
    pending = [item for item in plan.files
               if not (item.path in present and old_files.get(item.path) == item.key)]
    check_plan(pending)
    for path in plan.carried:
        files[path] = old_files[path]
    result = _tally(out, fmt.name, story_count, len(files), pending)
    # The manifest is a file anyone could edit: only names inside the folder are removed.
    result.removed = sorted(path for path in set(old_files) - set(files)
                            if is_inside(path)) if incremental else []
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.parent / f".{out.name}{_TMP_MARK}{os.getpid()}-{secrets.token_hex(4)}"
    spare = spare_path(out)
    if incremental and spare.is_dir():
        os.rename(spare, staging)  # claimed: if this export dies, it is a mere leftover
    else:
        if spare.is_dir():  # a full export shares nothing with it
            shutil.rmtree(spare, ignore_errors=True)
        staging.mkdir()
    exchanged = False
    try:
        replaced = {item.path for item in pending} | set(result.removed) | {MANIFEST_NAME}
        if incremental and can_exchange():
            # ``present`` was read under the folder's lock: it is still what is there.
            _mirror(out, staging, present - replaced)
        for folder in {item.path.rpartition("/")[0] for item in pending} - {""}:
            os.makedirs(staging / folder, exist_ok=True)
        _write_pending(str(staging), pending, result, progress, cancelled)
        manifest = {"generator": f"newsdesk {__version__}", "format": fmt.name,
                    "settings": settings_key, "files": files, "memo": plan.memo}
        # No indent: json's fast C encoder only serves compact output. Files stay in plan
        # order (story files first), which diffs as well as sorted order.
        (staging / MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")
        if incremental:
            exchanged = exchange(staging, out)
            if not exchanged:
                _apply_changes(staging, out, [item.path for item in pending], result.removed)
        else:
            _swap_in(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if exchanged:
        # The previous export, now in staging, shares every unchanged file with the new
        # one: kept as the spare, the next re-export starts from it.
        os.rename(staging, spare)
    else:
        shutil.rmtree(staging, ignore_errors=True)
    return result


def spare_path(out: Path) -> Path:
    """Where the export before the current one is kept (hidden, beside ``out``)."""
    return out.parent / f".{out.name}{_SPARE_MARK}"


def _mirror(out: Path, staging: Path, keep: set[str]) -> None:
    """Make ``staging`` hold, as hard links, exactly the files of ``out`` named in
    ``keep``: no other file, so that what is written next is written afresh, never into a
    file the current export shares.

    ``staging`` is empty or the spare: the export before the one in ``out``, which shares
    every file that did not change since (same inode). Only the rest is linked again, so
    a re-export's cost follows what changed, not the size of the site (a link costs about
    ten microseconds; a site of 10,000 stories has 25,000 files). The inodes come with the
    folder listings, without a ``stat`` per file.
    """
    have = _inodes(staging)
    want = _inodes(out)
    source = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    target = os.open(staging, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for path in have.keys() - keep:  # gone since, changed, or to be written afresh
            os.unlink(path, dir_fd=target)
        made: set[str] = set()
        for path in keep:
            inode = have.get(path)
            if inode is not None and inode == want.get(path):
                continue  # the very same file
            if inode is not None:
                os.unlink(path, dir_fd=target)
            folder = path.rpartition("/")[0]
            if folder and folder not in made:
                os.makedirs(staging / folder, exist_ok=True)
                made.add(folder)
            try:
                os.link(path, path, src_dir_fd=source, dst_dir_fd=target)
            except OSError:  # a file system without hard links
                shutil.copy2(out / path, staging / path)
    finally:
        os.close(source)
        os.close(target)


def _inodes(folder: Path) -> dict[str, int]:
    """Every file in ``folder`` and its folders (relative POSIX paths) with its inode."""
    found: dict[str, int] = {}
    pending = [("", str(folder))]
    while pending:
        prefix, current = pending.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                pending.append((f"{prefix}{entry.name}/", entry.path))
            else:
                found[prefix + entry.name] = entry.inode()
    return found


def files_in(out: Path) -> set[str]:
    """Every file in ``out`` and its folders, as relative POSIX paths (a re-export writes
    again what was deleted by hand since the last one)."""
    return set(_inodes(out))


def _tally(out: Path, format_name: str, story_count: int, file_count: int,
           pending: Sequence[PlannedFile]) -> ExportResult:
    """The summary's counts: a story counts as written if any of its files is."""
    written = len({item.story.id for item in pending if item.story is not None})
    return ExportResult(out=out, format=format_name, stories=story_count, written=written,
                        skipped=story_count - written,
                        files_kept=file_count - len(pending))


def _write_pending(staging: str, pending: Sequence[PlannedFile], result: ExportResult,
                   progress: Progress | None, cancelled: Cancelled | None) -> None:
    total = len(pending)
    if progress:
        progress(0, total, "")
    for index, item in enumerate(write_all(staging, pending, cancelled)):
        result.files_written += 1
        if progress and (index % 20 == 0 or index == total - 1):
            progress(index + 1, total, item.path)


def _make_and_write(folder: str, item: PlannedFile) -> None:
    # Creating thousands of files costs as much as rendering them on some disks, so the
    # workers write too.
    try:
        data = item.make(*item.args)
    except RecursionError as exc:  # one story must not stop every export with a traceback
        who = item.story.label() if item.story else item.path
        raise UserError(f"{who}: cannot be rendered (its Markdown nests too deeply); "
                        "simplify the story and export again") from exc
    with open(os.path.join(folder, item.path), "wb") as handle:
        handle.write(data)


def _pool_context() -> Any:
    """A fork context when forking is safe (one thread, a platform that forks), else None.

    Forked workers start instantly with everything imported; a process with other threads
    (the window runs exports on a worker thread) must not fork, so it renders in-process.
    Workers never touch the database: they get plain data and return bytes, and they end
    with ``os._exit`` (multiprocessing's fork start), so the SQLite connection they
    inherit is never used or closed by them.
    """
    import multiprocessing
    import threading

    if threading.active_count() > 1 or usable_cores() < 2:
        return None
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return multiprocessing.get_context("fork")


def write_all(folder: str, items: Sequence[PlannedFile], cancelled: Cancelled | None = None
              ) -> Iterator[PlannedFile]:
    """Render and write each item into ``folder``, yielding it once written (in order);
    large batches are shared among worker processes, one per core."""
    def check() -> None:
        if cancelled and cancelled():
            raise ExportCancelled("export cancelled; the previous export is unchanged")

    context = _pool_context() if len(items) >= PARALLEL_MINIMUM else None
    if context is None:
        for item in items:
            check()
            _make_and_write(folder, item)
            yield item
        return
    from concurrent.futures import ProcessPoolExecutor

    workers = min(usable_cores(), 8)
    chunk = max(1, min(32, len(items) // (workers * 8)))
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=_die_with_parent, initargs=(os.getpid(),))
    try:
        done = pool.map(_make_and_write, [folder] * len(items), items, chunksize=chunk)
        for item, _ in zip(items, done, strict=True):
            check()
            yield item
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# -- replacing the previous export ------------------------------------------------------
def _swap_in(staging: Path, out: Path) -> None:
    """Put a whole new export in place of the previous one: one exchange (True: the
    previous export is now in ``staging``), or two renames where the system has no exchange
    (the old export is aside for a moment between them; ``recover_interrupted_export``
    puts it back if the process dies there)."""
    if not out.exists():
        os.rename(staging, out)
        return
    if exchange(staging, out):
        shutil.rmtree(staging, ignore_errors=True)  # the previous export, a separate copy
        return
    old = out.parent / f".{out.name}{_OLD_MARK}{os.getpid()}-{secrets.token_hex(4)}"
    os.rename(out, old)
    try:
        os.rename(staging, out)
    except BaseException:
        os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _apply_changes(staging: Path, out: Path, changed: Sequence[str],
                   removed: Sequence[str]) -> None:
    """Move the staged files of a re-export into ``out``, all or nothing.

    Before anything in ``out`` changes, every file about to be replaced or removed (and the
    manifest) is hard-linked into an undo folder beside it, and a journal saying what to
    restore and what to delete is written there. Moving in the changes, the manifest last,
    then takes a few renames. If they fail, they are rolled back at once; if the process
    dies among them, the next export finds the journal and rolls back
    (``recover_interrupted_export``). Either way the previous export comes back whole.
    """
    targets = [*changed, MANIFEST_NAME]
    existing = {path for path in [*targets, *removed] if os.path.lexists(out / path)}
    journal = {"restore": sorted(existing),
               "added": sorted(path for path in targets if path not in existing)}
    undo = out.parent / f".{out.name}{_UNDO_MARK}{os.getpid()}-{secrets.token_hex(4)}"
    undo.mkdir()
    try:
        for path in journal["restore"]:
            _keep_copy(out / path, undo / path)
        # Written last, by rename: a journal that exists is complete.
        (undo / f"{JOURNAL_NAME}.part").write_text(json.dumps(journal), encoding="utf-8")
        os.rename(undo / f"{JOURNAL_NAME}.part", undo / JOURNAL_NAME)
    except BaseException:
        shutil.rmtree(undo, ignore_errors=True)  # nothing in out was touched yet
        raise
    try:
        for path in changed:
            target = out / path
            if "/" in path:
                target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / path, target)
        for path in removed:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(out / path)
        os.replace(staging / MANIFEST_NAME, out / MANIFEST_NAME)
    except BaseException:
        # If the roll-back fails too, the undo folder stays for the next export to finish.
        _roll_back(undo, out)
        shutil.rmtree(undo, ignore_errors=True)
        raise
    shutil.rmtree(undo, ignore_errors=True)


def _keep_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links
        shutil.copy2(source, target)


def _roll_back(undo: Path, out: Path) -> None:
    """Undo a re-export's moves from its journal: delete what it added, restore the rest."""
    journal = json.loads((undo / JOURNAL_NAME).read_text(encoding="utf-8"))
    for path in journal["added"]:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(out / path)
    for path in journal["restore"]:
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        os.replace(undo / path, out / path)


def recover_interrupted_export(out: Path) -> None:
    """Put the previous export back if a process died while replacing it."""
    for undo in out.parent.glob(f".{glob_escape(out.name)}{_UNDO_MARK}*"):
        if (undo / JOURNAL_NAME).is_file() and out.is_dir():
            _roll_back(undo, out)
        shutil.rmtree(undo, ignore_errors=True)
    if out.exists():
        return
    # Cut between the two renames of a whole swap: the previous export is aside.
    olds = sorted(out.parent.glob(f".{glob_escape(out.name)}{_OLD_MARK}*"),
                  key=lambda p: p.stat().st_mtime)
    if olds:
        os.rename(olds[-1], out)


def remove_leftovers(out: Path) -> None:
    """Folders left by an export that was killed outright (no finally ran)."""
    for mark in (_TMP_MARK, _OLD_MARK):
        for leftover in out.parent.glob(f".{glob_escape(out.name)}{mark}*"):
            shutil.rmtree(leftover, ignore_errors=True)


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)
