"""One sync between the team server and a replica: push what changed here, then pull
what changed there, and count the stories still needing a look.

Pushing first lets every offline change meet the server's current version (and be kept
as an offline edit when the server changed too) before the pull replaces the replica's
copy with the server's. Every step commits on its own; ``checkpoint`` is called after
each (tests stop a sync there), and a sync stopped anywhere and run again ends in the
same state.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from newsdesk.errors import UserError
from newsdesk.store.export_stamps import database_identity
from newsdesk.store.models import Article, NeedsLook, PictureBlob, database_proxy
from newsdesk.store.opened import OpenedDatabase
from newsdesk.stories.articles import get_article
from newsdesk.stories.needs_look import settle
from newsdesk.sync import bookkeeping, pulled_locks
from newsdesk.sync.binding import using
from newsdesk.sync.local_additions import local_additions
from newsdesk.sync.local_changes import highest_stamp, local_changes
from newsdesk.sync.push import push
from newsdesk.sync.push_additions import push_additions
from newsdesk.sync.removed_rows import mark_removed_rows
from newsdesk.sync.replica_apply import apply_batch
from newsdesk.sync.report import SyncReport
from newsdesk.sync.server_read import ReplicaView, read_changes
from newsdesk.user_folders import data_folder


def default_replica_path(server_url: str) -> Path:
    """The replica of ``server_url`` in the user data folder, named after the server."""
    parts = urlsplit(server_url)
    name = f"{parts.hostname or 'localhost'}-{parts.port or 5432}-{parts.path.strip('/')}"
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", name)
    return data_folder("replicas", f"{safe}.sqlite3")


def sync(server: OpenedDatabase, replica: OpenedDatabase, *, keep: Sequence[str] = (),
         keep_all: bool | None = None, looked: Sequence[str] = (), author: str = "",
         checkpoint: Callable[[str], None] | None = None) -> SyncReport:
    """Push the replica's changes, pull the server's; ``keep``: stories (slug, id or uuid
    on the server) to hold in full from now on; ``keep_all``: every story in full (None:
    as chosen before); ``looked``: stories whose offline edits a person has looked at
    (their "needs a look" flags are cleared)."""
    step = checkpoint or (lambda _label: None)
    report = SyncReport()
    with using(server):
        server_id = database_identity()
        kept = [get_article(ref, include_deleted=True).uuid for ref in keep]
        with database_proxy.atomic():
            for ref in looked:
                settle(get_article(ref, include_deleted=True).id)
    with using(replica), database_proxy.atomic():
        replica_id = _claim(replica, server_id)
        mark_removed_rows()
        bookkeeping.keep(kept)
        if keep_all is not None:
            bookkeeping.put_state(bookkeeping.KEEP_ALL_KEY, "1" if keep_all else "")
    with using(replica), database_proxy.atomic():  # the stamp and the changes it covers
        bookkeeping.seed_groups()
        stamp_seen = highest_stamp()
        since = int(bookkeeping.state(bookkeeping.STAMP_SEEN_KEY, "0"))
        changes = local_changes(since)
        additions = local_additions(since)
    outcome = push(server, changes, report, replica_id=replica_id, author=author,
                   checkpoint=step)
    push_additions(server, replica, additions, report, settled=outcome.settled,
                   checkpoint=step)
    with using(replica):
        view = _view({story.uuid for story in changes.stories if story.base is None})
    with using(server), server.database.atomic():
        batch = read_changes(view)
    with using(replica):
        apply_batch(batch, report, pushed=outcome, checkpoint=step)
        with database_proxy.atomic():
            bookkeeping.put_state(bookkeeping.LAST_SEQ_KEY, str(batch.last_seq))
            bookkeeping.put_state(bookkeeping.OPEN_XIDS_KEY, json.dumps(batch.open_xids))
            pulled_locks.record(batch.locks)
            if not report.refused:  # a story left here is looked at again next time
                bookkeeping.put_state(bookkeeping.STAMP_SEEN_KEY, str(stamp_seen))
    with using(server):
        report.open_conflicts = (NeedsLook.select()
                                 .where((NeedsLook.replica == replica_id)
                                        & NeedsLook.resolved_at.is_null()).count())
    return report


def _claim(replica: OpenedDatabase, server_id: str) -> str:
    """The replica's own identity, after checking it belongs to this server (a new one
    is bound to it, if it holds no stories of its own)."""
    known = bookkeeping.state(bookkeeping.SERVER_KEY)
    if not known:
        if Article.select().exists():
            raise UserError("this database is not a replica (it has stories of its own); "
                            "give a new file to --replica", file=replica.target)
        bookkeeping.put_state(bookkeeping.SERVER_KEY, server_id)
    elif known != server_id:
        raise UserError("this replica belongs to another server", file=replica.target)
    return database_identity()


def _view(local_only: set[str]) -> ReplicaView:
    """What the replica holds; ``local_only``: the stories made here, not yet pulled."""
    return ReplicaView(
        last_seq=int(bookkeeping.state(bookkeeping.LAST_SEQ_KEY, "0")),
        open_xids=json.loads(bookkeeping.state(bookkeeping.OPEN_XIDS_KEY, "[]")),
        full_articles=bookkeeping.server_ids("article", full_only=True),
        reviews=bookkeeping.server_ids("review"),
        blobs=bookkeeping.server_ids("picture_blob"),
        blob_files=set(PictureBlob.select(PictureBlob.sha256).scalars()),
        keep_all=bookkeeping.state(bookkeeping.KEEP_ALL_KEY) == "1",
        keep=bookkeeping.kept_uuids(),
        local_only=local_only)
