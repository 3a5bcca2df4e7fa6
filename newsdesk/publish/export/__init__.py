"""Exporting stories to a folder: selection, safe names, incremental and atomic writing.

Every format (site, ninjs, markdown) describes its output as a plan of files, each with a
key: a digest of everything that goes into it (stories stand in by their fingerprint, the
uuid and export stamp the database moves on every change that shows). The engine renders
only the files whose key differs from the previous export's manifest, into a temporary
folder beside the target, links the unchanged ones beside them and exchanges that folder
with the target in one step: at every instant the target holds the whole previous export
or the whole new one (``transaction``). One export at a time writes a folder
(``export_lock``).

A re-export reads every story's header (no text) and whole stories only where the stamp
moved; the memo a format left in the manifest lets it carry the other files over without
planning them again. Its cost follows what changed, not the size of the newsroom.

``plan``: the options, the stories a format plans from, its plan of files and their keys;
``checks``: what refuses an export before anything is written; ``transaction``: staging,
swapping in, the undo journal and recovery, parallel writing. ``export_with`` (here) runs
one export through them.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from newsdesk.errors import UserError
from newsdesk.publish.export.checks import check_headers, check_target, unsafe_name_reason
from newsdesk.publish.export.plan import (
    MANIFEST_NAME,
    ExportFormat,
    ExportOptions,
    ExportResult,
    Plan,
    PlannedFile,
    StorySource,
    content_key,
    is_map_of,
    module_key,
    plan_per_story,
)
from newsdesk.publish.export.transaction import (
    Cancelled,
    ExportCancelled,
    Progress,
    export_lock,
    files_in,
    read_manifest,
    recover_interrupted_export,
    remove_leftovers,
    write_export,
)
from newsdesk.publish.stories import load_headers, load_held
from newsdesk.store.export_stamps import database_identity
from newsdesk.store.timestamps import utcnow
from newsdesk.stories.newsroom_zone import zone_name

__all__ = [
    "MANIFEST_NAME", "Cancelled", "ExportCancelled", "ExportFormat", "ExportOptions",
    "ExportResult", "Plan", "PlannedFile", "Progress", "StorySource", "content_key", "module_key",
    "export_with", "is_map_of", "plan_per_story", "recover_interrupted_export",
    "unsafe_name_reason",
]


def export_with(fmt: ExportFormat, options: ExportOptions, *,
                progress: Progress | None = None,
                cancelled: Cancelled | None = None) -> ExportResult:
    """Export the selected stories to ``options.out`` in ``fmt``; all or nothing."""
    out = Path(options.out).expanduser().absolute()
    check_target(out)
    with export_lock(out):  # a second export into the folder is refused while this runs
        recover_interrupted_export(out)
        remove_leftovers(out)
        try:
            return _export(out, fmt, options, progress, cancelled)
        except OSError as exc:
            # A full disk, a folder made read-only, a failing drive: the staging folder is
            # gone and a re-export's moves rolled back by now, so the previous export stands.
            raise UserError(f"cannot write the export ({exc.strerror or exc}); nothing was "
                            "changed", file=str(out)) from exc
        finally:
            gc.unfreeze()  # back to the collector: everything the export kept is freed now


def _export(out: Path, fmt: ExportFormat, options: ExportOptions, progress: Progress | None,
            cancelled: Cancelled | None) -> ExportResult:
    # One moment for every query of the export: a story released while it runs is in
    # all of its files or in none.
    now = options.now or utcnow()
    options = replace(options, now=now)
    with _collector_paused():
        headers = load_headers(options.statuses, since=options.since, now=now)
        held = load_held(options.statuses, since=options.since, now=now)
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
        present = files_in(out) if previous else set()
        if not _can_carry(plan.carried, source.old_files, present):
            source.memo = None  # a carried file is gone: work everything out
            plan = fmt.plan(source)
    result = write_export(out, fmt, plan, len(headers), previous, settings_key, present,
                          progress=progress, cancelled=cancelled)
    result.warnings = list(plan.warnings)
    result.held, result.zone = held, zone_name()
    return result


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
