"""Writing an export as one transaction: the changed files are rendered into a staging
folder beside the target (in worker processes for large batches), then a first or full
export is swapped in whole, and a re-export's few files are moved in under an undo journal.
An export that fails, is cancelled or is interrupted leaves the previous one as it was;
one cut short by a dead process is rolled back by the next (``recover_interrupted_export``).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from newsdesk import __version__
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
JOURNAL_NAME = "journal.json"

# Fewer files than this render in-process: starting workers would cost more than it saves.
PARALLEL_MINIMUM = 100

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


class ExportCancelled(Exception):
    """The user cancelled; nothing was changed."""


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
    staging folder beside ``out`` and swapped in. A re-export stages only the changed
    files, then moves them in under an undo journal (``_apply_changes``): its cost follows
    what changed, not the size of the site.
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
    staging.mkdir()
    try:
        for folder in {item.path.rpartition("/")[0] for item in pending} - {""}:
            os.makedirs(staging / folder, exist_ok=True)
        _write_pending(str(staging), pending, result, progress, cancelled)
        manifest = {"generator": f"newsdesk {__version__}", "format": fmt.name,
                    "settings": settings_key, "files": files, "memo": plan.memo}
        # No indent: json's fast C encoder only serves compact output. Files stay in plan
        # order (story files first), which diffs as well as sorted order.
        (staging / MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")
        if incremental:
            _apply_changes(staging, out, [item.path for item in pending], result.removed)
        else:
            _swap_in(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return result


def files_in(out: Path) -> set[str]:
    """Every file in ``out`` and its folders, as relative POSIX paths (a re-export writes
    again what was deleted by hand since the last one)."""
    found: set[str] = set()
    pending = [("", str(out))]
    while pending:
        prefix, folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                pending.append((f"{prefix}{entry.name}/", entry.path))
            else:
                found.add(prefix + entry.name)
    return found


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
    data = item.make(*item.args)
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

    if threading.active_count() > 1 or (os.cpu_count() or 1) < 2:
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

    workers = min(os.cpu_count() or 2, 8)
    chunk = max(1, min(32, len(items) // (workers * 8)))
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    try:
        done = pool.map(_make_and_write, [folder] * len(items), items, chunksize=chunk)
        for item, _ in zip(items, done, strict=True):
            check()
            yield item
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# -- replacing the previous export ------------------------------------------------------
def _swap_in(staging: Path, out: Path) -> None:
    """Put a whole new export in place of the previous one (two renames)."""
    if not out.exists():
        os.rename(staging, out)
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
