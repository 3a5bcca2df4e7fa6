"""Exporting stories to a folder: selection, safe names, incremental and atomic writing.

Every format (site, ninjs, markdown) describes its output as a plan of files, each with a
key: a digest of everything that goes into it (stories stand in by their fingerprint, the
uuid and export stamp the database moves on every change that shows). The engine renders
only the files whose key differs from the previous export's manifest, into a temporary
folder beside the target. A first or full export is then swapped in whole; a re-export's
few files are moved in under an undo journal. An export that fails, is cancelled or is
interrupted leaves the previous one as it was.

A re-export reads every story's header (no text) and whole stories only where the stamp
moved; the memo a format left in the manifest lets it carry the other files over without
planning them again. Its cost follows what changed, not the size of the newsroom.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import re
import secrets
import shutil
import stat
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple, Protocol

from newsdesk import __version__
from newsdesk.errors import UserError
from newsdesk.publish.stories import ExportStory, StoryHeader, load_headers, load_stories
from newsdesk.store.export_stamps import database_identity
from newsdesk.stories.workflow import EXPORTED_BY_DEFAULT

# No .json suffix: partners ingest every *.json file of a ninjs folder.
MANIFEST_NAME = ".newsdesk-manifest"
_TMP_MARK = ".newsdesk-tmp-"
_OLD_MARK = ".newsdesk-old-"
_UNDO_MARK = ".newsdesk-undo-"
JOURNAL_NAME = "journal.json"

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


class PlannedFile(NamedTuple):
    """One output file: where it goes, what it depends on, and how to make it.

    ``make(*args)`` returns the bytes; ``make`` is a module-level function and ``args``
    plain data, so the work can be handed to another process. (A named tuple: a site
    plans thousands of these on every re-export, and tuples are the cheapest to make.)
    """

    path: str  # relative, POSIX separators
    key: str
    make: Callable[..., bytes]
    args: tuple = ()
    story: ExportStory | None = None


@dataclass
class Plan:
    """What a format makes of the stories.

    ``files``: the files it worked out (each with its key). ``carried``: paths of the
    previous export that it knows are unchanged without working them out again (only when
    given the previous export's memo). ``memo``: what it wants handed back next time.
    """

    files: list[PlannedFile]
    carried: list[str] = field(default_factory=list)
    memo: dict = field(default_factory=dict)


class StorySource:
    """The stories of one export as a format plans from them.

    ``headers``: every story, newest first, without its text (``StoryHeader``).
    ``stories(ids)``: whole stories (all of them when ``ids`` is None), read once each and
    checked as they are read. ``memo`` and ``old_files``: the previous export's memo and
    file keys, when it was made by the same format and settings from this database (else
    None and empty): with them a format may carry files over instead of planning them.
    """

    def __init__(self, headers: list[StoryHeader], options: ExportOptions,
                 with_reviews: bool, memo: dict | None = None,
                 old_files: dict[str, str] | None = None) -> None:
        self.headers = headers
        self.memo = memo
        self.old_files = old_files or {}
        self._options = options
        self._with_reviews = with_reviews
        self._loaded: dict[int, ExportStory] = {}

    def stories(self, ids: Collection[int] | None = None) -> list[ExportStory]:
        """Whole stories, newest first: those of ``ids``, or all of them. (A story deleted
        meanwhile by a colleague is left out; the next export sees it gone.)"""
        wanted = self.headers
        if ids is not None:
            chosen = set(ids)
            wanted = [header for header in self.headers if header.id in chosen]
        missing = [header.id for header in wanted if header.id not in self._loaded]
        if missing:
            loaded = load_stories(
                self._options.statuses, since=self._options.since,
                with_reviews=self._with_reviews,
                ids=None if len(missing) == len(self.headers) else missing)
            check_bodies(loaded)
            self._loaded.update((story.id, story) for story in loaded)
        return [self._loaded[header.id] for header in wanted if header.id in self._loaded]


class ExportFormat(Protocol):
    name: str
    with_reviews: bool

    def settings_key(self) -> str:
        """A digest of the options that change every file (versions, templates...)."""

    def plan(self, source: StorySource) -> Plan:
        """The files of the export, story files first; given the previous export's memo
        (``source.memo``) a format may carry unchanged files over instead of planning
        them again."""


@dataclass
class ExportOptions:
    out: Path
    format: str = "site"
    statuses: tuple[str, ...] = EXPORTED_BY_DEFAULT
    ninjs_version: str = "2.1"
    since: date | datetime | None = None
    full: bool = False
    share_networks: tuple[str, ...] | None = None  # None: the site's default networks
    site_url: str | None = None  # None: the newsroom's stored site address
    review_email: str | None = None  # None: the stored reviews e-mail


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


def plan_per_story(source: StorySource, suffix: str, make: Callable[..., bytes],
                   *extra: object) -> Plan:
    """The plan of a format with one file per story (ninjs, Markdown): ``<slug><suffix>``
    made by ``make(story, *extra)``, for the stories whose stamp moved since the previous
    export (all of them without one); the others' files are carried over."""
    def file_of(story: ExportStory) -> PlannedFile:
        return PlannedFile(f"{story.slug}{suffix}", story.fingerprint(), make,
                           (story, *extra), story)

    old = (source.memo or {}).get("stamps")
    if not is_map_of(old, str, int):  # none, or damaged by hand: plan from scratch
        stories = source.stories()
        return Plan([file_of(story) for story in stories], [],
                    {"stamps": {story.uuid: story.stamp for story in stories}})
    stale = {h.id for h in source.headers if old.get(h.uuid) != h.stamp}
    changed = source.stories(stale)
    loaded = {story.id: story for story in changed}
    present = [h for h in source.headers if h.id in loaded or h.id not in stale]
    stamps = {h.uuid: loaded[h.id].stamp if h.id in loaded else h.stamp for h in present}
    return Plan([file_of(story) for story in changed],
                [f"{h.slug}{suffix}" for h in present if h.id not in loaded],
                {"stamps": stamps})


def is_map_of(value: object, key_type: type, value_type: type) -> bool:
    """Whether a memo part read back from JSON has the shape it was written with (a
    manifest edited or damaged by hand must make a format plan from scratch, not fail)."""
    return isinstance(value, dict) and all(
        isinstance(k, key_type) and isinstance(v, value_type) for k, v in value.items())


def export_with(fmt: ExportFormat, options: ExportOptions, *,
                progress: Progress | None = None,
                cancelled: Cancelled | None = None) -> ExportResult:
    """Export the selected stories to ``options.out`` in ``fmt``; all or nothing."""
    out = Path(options.out).expanduser().absolute()
    check_target(out)
    recover_interrupted_export(out)
    _remove_leftovers(out)
    try:
        return _export(out, fmt, options, progress, cancelled)
    finally:
        gc.unfreeze()  # back to the collector: everything the export kept is freed now


def _export(out: Path, fmt: ExportFormat, options: ExportOptions, progress: Progress | None,
            cancelled: Cancelled | None) -> ExportResult:
    with _collector_paused():
        headers = load_headers(options.statuses, since=options.since)
        check_headers(headers)
        previous = {} if options.full else read_manifest(out)
        # An export made from another database (its stamps count differently), or with
        # other settings, carries nothing over.
        settings_key = content_key(fmt.settings_key(), database_identity())
        if not (out.is_dir() and previous.get("format") == fmt.name
                and previous.get("settings") == settings_key):
            previous = {}
        source = StorySource(headers, options, fmt.with_reviews,
                             previous.get("memo") if previous else None,
                             previous.get("files") if previous else None)
        plan = fmt.plan(source)
        present = _files_in(out) if previous else set()
        if not _can_carry(plan.carried, source.old_files, present):
            source.memo = None  # a carried file is gone: work everything out
            plan = fmt.plan(source)
    return write_export(out, fmt, plan, len(headers), previous, settings_key, present,
                        progress=progress, cancelled=cancelled)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while stories are loaded and planned, and what that
    made left out of its walks until the export ends (``gc.freeze``).

    That work makes tens of thousands of objects that live until the export ends and form
    no cycles: the collector would only walk them again and again (about a tenth of a
    re-export's time). It is back on before rendering, which does make garbage.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # unfrozen by export() when it is done
        if was_enabled:
            gc.enable()


def _can_carry(paths: Sequence[str], old_files: dict[str, str], present: set[str]) -> bool:
    """Whether every carried path is in the previous manifest and still on disk."""
    carried = set(paths)
    return carried <= present and carried <= old_files.keys()


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


def check_headers(headers: Sequence[StoryHeader]) -> None:
    """Refuse the export (before anything is written) if a story's slug cannot be a file
    name, or two would clash."""
    seen: dict[str, StoryHeader] = {}
    for header in headers:
        reason = unsafe_name_reason(header.slug)
        if reason:
            raise UserError(f"{header.label()}: the slug cannot be a file name ({reason}); "
                            "change the slug and export again", field="slug")
        other = seen.setdefault(header.slug.lower(), header)
        if other is not header:
            raise UserError(f"{header.label()}: its file name would clash with "
                            f"{other.label()} on case-insensitive disks", field="slug")


def check_bodies(stories: Sequence[ExportStory]) -> None:
    """Refuse the export (before anything is written) if a story to write has no body."""
    for story in stories:
        if not story.body.strip():
            raise UserError(f"{story.label()}: the story has no body", field="body")


def check_plan(plan: Sequence[PlannedFile]) -> None:
    """Every path to be written must stay inside the folder (a guard against format bugs
    too); files that are only kept are not written, so they are not checked again."""
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


def is_inside(path: str) -> bool:
    """Whether a relative POSIX path names a file inside the export folder."""
    return all(unsafe_name_reason(part) is None for part in path.split("/"))


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


def write_export(out: Path, fmt: ExportFormat, plan: Plan, story_count: int,
                 previous: dict, settings_key: str, present: set[str], *,
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


def _files_in(out: Path) -> set[str]:
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
