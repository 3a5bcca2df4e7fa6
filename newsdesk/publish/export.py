"""Exporting stories to a folder: selection, safe names, incremental and atomic writing.

Every format (site, ninjs, markdown) describes its output as a plan of files, each with a
key: a digest of everything that goes into it. The engine builds the new export in a
temporary folder beside the target, carries over (hard-links) the files whose key matches
the previous export's manifest and renders only the rest, then swaps the folders. An
export that fails, is cancelled or is interrupted leaves the previous one as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from newsdesk import __version__
from newsdesk.errors import UserError
from newsdesk.publish.stories import ExportStory, load_stories
from newsdesk.workflow import EXPORTED_BY_DEFAULT

# No .json suffix: partners ingest every *.json file of a ninjs folder.
MANIFEST_NAME = ".newsdesk-manifest"
FORMATS = ("site", "ninjs", "markdown")
_TMP_MARK = ".newsdesk-tmp-"
_OLD_MARK = ".newsdesk-old-"

# Names Windows reserves in every folder, with or without an extension.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
             *(f"lpt{i}" for i in range(10))}
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
# Names that pass every rule of unsafe_name_reason but the reserved ones: safe characters,
# no "..", not ending with ".", at most 120 characters.
_PLAIN_NAME = re.compile(r"^(?=.{1,120}$)[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$")

# Fewer files than this render in-process: starting workers would cost more than it saves.
PARALLEL_MINIMUM = 100

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


class ExportCancelled(Exception):
    """The user cancelled; nothing was changed."""


@dataclass(frozen=True)
class PlannedFile:
    """One output file: where it goes, what it depends on, and how to make it.

    ``make(*args)`` returns the bytes; ``make`` is a module-level function and ``args``
    plain data, so the work can be handed to another process.
    """

    path: str  # relative, POSIX separators
    key: str
    make: Callable[..., bytes]
    args: tuple = ()
    story: ExportStory | None = None


class ExportFormat(Protocol):
    name: str
    with_reviews: bool

    def settings_key(self) -> str:
        """A digest of the options that change every file (versions, templates...)."""

    def plan(self, stories: Sequence[ExportStory]) -> list[PlannedFile]:
        """Every file of the export, story files first."""


@dataclass
class ExportOptions:
    out: Path
    format: str = "site"
    statuses: tuple[str, ...] = EXPORTED_BY_DEFAULT
    ninjs_version: str = "2.1"
    since: date | datetime | None = None
    full: bool = False
    share_networks: tuple[str, ...] | None = None  # None: the site's default networks


@dataclass
class ExportResult:
    out: Path
    format: str
    stories: int = 0
    written: int = 0  # stories whose files were (re)written
    skipped: int = 0  # stories unchanged since the last export
    files_written: int = 0
    files_kept: int = 0
    removed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        noun = "story" if self.stories == 1 else "stories"
        return (f"exported {self.stories} {noun} as {self.format} to {self.out}: "
                f"{self.written} written, {self.skipped} unchanged and skipped "
                f"({self.files_written} files written, {self.files_kept} kept)")


def make_format(options: ExportOptions) -> ExportFormat:
    if options.format == "ninjs":
        from newsdesk.publish.ninjs import NinjsFormat

        return NinjsFormat(options.ninjs_version)
    if options.format == "markdown":
        from newsdesk.publish.markdown_export import MarkdownFormat

        return MarkdownFormat()
    if options.format == "site":
        from newsdesk.publish.site import SiteFormat

        return SiteFormat(share_networks=options.share_networks)
    raise UserError(f"unknown format {options.format!r} (choose from {', '.join(FORMATS)})",
                    field="--format")


def export(options: ExportOptions, *, progress: Progress | None = None,
           cancelled: Cancelled | None = None) -> ExportResult:
    """Export the selected stories to ``options.out``; all or nothing."""
    out = Path(options.out).expanduser().absolute()
    check_target(out)
    fmt = make_format(options)
    stories = load_stories(options.statuses, since=options.since,
                           with_reviews=fmt.with_reviews)
    check_stories(stories)
    plan = fmt.plan(stories)
    check_plan(plan)
    return write_export(out, fmt, plan, stories, full=options.full, progress=progress,
                        cancelled=cancelled)


# -- checks -----------------------------------------------------------------------------
def unsafe_name_reason(name: str) -> str | None:
    """Why ``name`` may not be used as a file name in the export, or None if it may."""
    if _PLAIN_NAME.match(name) and name.split(".")[0].lower() not in _RESERVED:
        return None  # the common case in one test (a plan checks thousands of names)
    if not name:
        return "it is empty"
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return "it is an absolute path"
    if "/" in name or "\\" in name or ".." in name:
        return "it would escape the output folder"
    if name.startswith("."):
        return "it would be a hidden file"
    if name.split(".")[0].lower() in _RESERVED:
        return "it is a name Windows reserves"
    if not _SAFE_NAME.match(name) or name.endswith("."):
        return "only ASCII letters, digits, '.', '-' and '_' are allowed"
    if len(name) > 120:
        return "it is longer than 120 characters"
    return None


def check_stories(stories: Sequence[ExportStory]) -> None:
    """Refuse the export (before anything is written) if a story cannot be published."""
    seen: dict[str, ExportStory] = {}
    for story in stories:
        reason = unsafe_name_reason(story.slug)
        if reason:
            raise UserError(f"{story.label()}: the slug cannot be a file name ({reason}); "
                            "change the slug and export again", field="slug")
        if not story.body.strip():
            raise UserError(f"{story.label()}: the story has no body", field="body")
        other = seen.setdefault(story.slug.lower(), story)
        if other is not story:
            raise UserError(f"{story.label()}: its file name would clash with "
                            f"{other.label()} on case-insensitive disks", field="slug")


def check_plan(plan: Sequence[PlannedFile]) -> None:
    """Every planned path must stay inside the folder (a guard against format bugs too)."""
    checked: set[str] = set()
    for item in plan:
        for part in item.path.split("/"):
            if part in checked:
                continue
            reason = unsafe_name_reason(part)
            if reason:
                who = item.story.label() + ": " if item.story else ""
                raise UserError(f"{who}cannot write {item.path!r} ({reason})")
            checked.add(part)


def _writable(path: Path) -> bool:
    # Root passes os.access(W_OK) regardless, so honour the write bits the user set too.
    mode = path.stat().st_mode
    return os.access(path, os.W_OK) and bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def check_target(out: Path) -> None:
    """The output folder must be a folder we may replace: ours, empty or not there yet."""
    if out.exists() and not out.is_dir():
        raise UserError("is a file, not a folder; choose a folder for the export",
                        file=str(out))
    parent = out.parent
    existing = parent
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir() or not _writable(existing):
        raise UserError(f"cannot write in {existing} (permission denied)", file=str(out))
    if out.is_dir():
        if not _writable(out):
            raise UserError("the folder is not writable", file=str(out))
        if any(out.iterdir()) and not (out / MANIFEST_NAME).is_file():
            raise UserError("the folder is not empty and holds no newsdesk export; choose "
                            "an empty or new folder so nothing of yours is replaced",
                            file=str(out))


# -- writing ----------------------------------------------------------------------------
def read_manifest(out: Path) -> dict:
    try:
        data = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_export(out: Path, fmt: ExportFormat, plan: Sequence[PlannedFile],
                 stories: Sequence[ExportStory], *, full: bool = False,
                 progress: Progress | None = None,
                 cancelled: Cancelled | None = None) -> ExportResult:
    out.parent.mkdir(parents=True, exist_ok=True)
    _recover_interrupted_swap(out)
    _remove_leftovers(out)
    previous = {} if full else read_manifest(out)
    settings_key = fmt.settings_key()
    old_files: dict[str, str] = {}
    # A file's key is the format's item key; the settings every file depends on are kept
    # once (changed settings: nothing carries over).
    if previous.get("format") == fmt.name and previous.get("settings") == settings_key:
        old_files = previous.get("files") or {}
    result = ExportResult(out=out, format=fmt.name, stories=len(stories))
    staging = out.parent / f".{out.name}{_TMP_MARK}{os.getpid()}-{secrets.token_hex(4)}"
    staging.mkdir()
    try:
        files = _fill_staging(staging, out, plan, old_files, result, progress, cancelled)
        result.removed = sorted(set(old_files) - set(files))
        manifest = {"generator": f"newsdesk {__version__}", "format": fmt.name,
                    "settings": settings_key, "files": files,
                    "stories": {s.uuid: s.slug for s in stories}}
        # No indent: json's fast C encoder only serves compact output.
        (staging / MANIFEST_NAME).write_text(json.dumps(manifest, sort_keys=True),
                                             encoding="utf-8")
        _swap_in(staging, out, old_files)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return result


def _fill_staging(staging: Path, out: Path, plan: Sequence[PlannedFile],
                  old_files: dict[str, str], result: ExportResult, progress: Progress | None,
                  cancelled: Cancelled | None) -> dict[str, str]:
    """Carry over the unchanged files, then render and write the rest."""
    files: dict[str, str] = {}
    story_changed: dict[int, bool] = {}
    pending: list[PlannedFile] = []
    # Plain strings, not Path objects: thousands of files, and pathlib's cost shows.
    staging_dir, out_dir = str(staging), str(out)
    folders: dict[str, _Folders] = {}
    unchanged: dict[str, list[str]] = {}  # folder -> names whose key is unchanged
    try:
        for item in plan:
            folder, _, name = item.path.rpartition("/")
            if folder not in folders:
                folders[folder] = _Folders(out_dir, staging_dir, folder, bool(old_files))
            if old_files.get(item.path) == item.key:
                unchanged.setdefault(folder, []).append(name)
            files[item.path] = item.key
        kept = _carry_over_all(folders, unchanged)
    finally:
        for pair in folders.values():
            pair.close()
    for item in plan:
        carried = item.path in kept
        if carried:
            result.files_kept += 1
        else:
            pending.append(item)
        if item.story is not None:
            story_changed[item.story.id] = (story_changed.get(item.story.id, False)
                                            or not carried)
    total = len(pending)
    if progress:
        progress(0, total, "")
    for index, item in enumerate(write_all(staging_dir, pending, cancelled)):
        result.files_written += 1
        if progress and (index % 20 == 0 or index == total - 1):
            progress(index + 1, total, item.path)
    result.written = sum(story_changed.values())
    result.skipped = len(story_changed) - result.written
    return files


def _make_and_write(folder: str, item: PlannedFile) -> None:
    # Creating thousands of files costs as much as rendering them on some disks, so the
    # workers write too.
    data = item.make(*item.args)
    with open(os.path.join(folder, item.path), "wb") as handle:
        handle.write(data)


def _pool_context():
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


def write_all(folder: str, items: Sequence[PlannedFile], cancelled: Cancelled | None = None):
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


def _each_folder(work: Callable[[str, list[str]], list[str]],
                 names: dict[str, list[str]]) -> list[str]:
    """``work(folder, names)`` for every folder, on threads when there are several: the
    file system links and unlinks in different folders at once (a re-export handles
    thousands of files, and the system calls are most of its time)."""
    if len(names) < 2 or sum(map(len, names.values())) < PARALLEL_MINIMUM:
        return [path for folder, members in names.items() for path in work(folder, members)]
    from concurrent.futures import ThreadPoolExecutor

    # The pool's threads are joined before this returns, so forked workers may follow.
    with ThreadPoolExecutor(max_workers=min(len(names), 4)) as pool:
        done = pool.map(work, names.keys(), names.values())
        return [path for paths in done for path in paths]


def _carry_over_all(folders: dict[str, _Folders], unchanged: dict[str, list[str]]) -> set[str]:
    """The paths of the unchanged files now carried over into the staging folder."""
    def carry(folder: str, names: list[str]) -> list[str]:
        pair = folders[folder]
        prefix = f"{folder}/" if folder else ""
        return [prefix + name for name in names if pair.carry_over(name)]

    return set(_each_folder(carry, unchanged))


def _remove_export(folder: Path, files: Iterable[str]) -> None:
    """Delete a replaced export: its known files by name first (no directory scan and
    stat per entry), then whatever is left."""
    by_folder: dict[str, list[str]] = {}
    for path in files:
        parent, _, name = path.rpartition("/")
        by_folder.setdefault(parent, []).append(name)
    base = str(folder)

    def unlink(parent: str, names: list[str]) -> list[str]:
        try:
            fd = os.open(f"{base}/{parent}" if parent else base, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            return []
        try:
            for name in names:
                try:
                    os.unlink(name, dir_fd=fd)
                except OSError:
                    pass  # rmtree below gets (or reports nothing about) what is left
        finally:
            os.close(fd)
        return []

    if os.unlink in os.supports_dir_fd:
        _each_folder(unlink, by_folder)
    shutil.rmtree(folder, ignore_errors=True)


class _Folders:
    """One folder of the export in the previous export and in the staging folder.

    Files are linked by name relative to open folder descriptors where the platform allows
    it: a re-export links thousands of unchanged files, and resolving two full paths for
    each showed in its time.
    """

    def __init__(self, out_dir: str, staging_dir: str, folder: str, linking: bool) -> None:
        self.source = f"{out_dir}/{folder}/" if folder else f"{out_dir}/"
        self.target = f"{staging_dir}/{folder}/" if folder else f"{staging_dir}/"
        if folder:
            os.makedirs(self.target, exist_ok=True)
        self.fds: tuple[int, int] | None = None
        if linking and os.link in os.supports_dir_fd:
            try:
                source_fd = os.open(self.source, os.O_RDONLY | os.O_DIRECTORY)
            except OSError:
                return  # not in the previous export: nothing to carry over from it
            try:
                self.fds = (source_fd, os.open(self.target, os.O_RDONLY | os.O_DIRECTORY))
            except OSError:
                os.close(source_fd)

    def carry_over(self, name: str) -> bool:
        """Reuse an unchanged file of the previous export (a hard link where possible)."""
        try:
            if self.fds is not None:
                os.link(name, name, src_dir_fd=self.fds[0], dst_dir_fd=self.fds[1])
            else:
                os.link(self.source + name, self.target + name)
            return True
        except FileNotFoundError:
            return False
        except OSError:
            try:
                shutil.copy2(self.source + name, self.target + name)
                return True
            except OSError:
                return False

    def close(self) -> None:
        if self.fds is not None:
            for fd in self.fds:
                os.close(fd)
            self.fds = None


def _swap_in(staging: Path, out: Path, old_files: Iterable[str] = ()) -> None:
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
    _remove_export(old, old_files)


def _recover_interrupted_swap(out: Path) -> None:
    """If a swap was cut between its two renames, put the previous export back."""
    if out.exists():
        return
    olds = sorted(out.parent.glob(f".{glob_escape(out.name)}{_OLD_MARK}*"),
                  key=lambda p: p.stat().st_mtime)
    if olds:
        os.rename(olds[-1], out)


def _remove_leftovers(out: Path) -> None:
    """Folders left by an export that was killed outright (no finally ran)."""
    for mark in (_TMP_MARK, _OLD_MARK):
        for leftover in out.parent.glob(f".{glob_escape(out.name)}{mark}*"):
            shutil.rmtree(leftover, ignore_errors=True)


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def content_key(*parts: object) -> str:
    """A short digest of the parts a file is made from."""
    # One update of the parts joined (each followed by NUL): the same digest as hashing
    # them one by one, at a fraction of the calls (listings have hundreds of parts).
    text = "\0".join(map(str, parts)) + "\0" if parts else ""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
