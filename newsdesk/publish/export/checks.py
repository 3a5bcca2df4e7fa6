"""What refuses an export before anything is written: file names that are unsafe or would
clash, paths a plan would write outside the folder, and a target folder that is not ours to
replace. (Bodies are checked as stories are read: ``plan.check_bodies``.)"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path

from newsdesk.errors import UserError
from newsdesk.publish.export.plan import MANIFEST_NAME, PlannedFile
from newsdesk.publish.stories import StoryHeader

# Names Windows reserves in every folder, with or without an extension.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
             *(f"lpt{i}" for i in range(10))}
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
# Names that pass every rule of unsafe_name_reason but the reserved ones: safe characters,
# no "..", not ending with ".", at most 120 characters.
_PLAIN_NAME = re.compile(r"^(?=.{1,120}$)[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$")


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
