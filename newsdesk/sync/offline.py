"""Working offline: the replica of a team server that cannot be reached, opened in its
place, and the command that sends its changes once the server is back."""

from __future__ import annotations

import sys
from pathlib import Path

from newsdesk.store.db import open_database, shown_target
from newsdesk.store.opened import OpenedDatabase
from newsdesk.sync import bookkeeping
from newsdesk.sync.run import default_replica_path

OFFLINE_BAND = "Offline - changes will be sent when the server is back"


def replica_for(server_url: str, replica: Path | None = None) -> Path:
    return replica or default_replica_path(server_url)


def open_replica_instead(server_url: str, replica: Path | None = None) -> OpenedDatabase | None:
    """The replica of ``server_url`` opened for offline work, marked as standing in for
    it; None when there is no replica that was ever synced with a server."""
    path = replica_for(server_url, replica)
    if not path.is_file():
        return None
    opened = open_database(str(path))
    if not bookkeeping.state(bookkeeping.SERVER_KEY):
        opened.close()
        return None
    return opened._replace(offline_of=shown_target(server_url))


def sync_command(replica: Path) -> list[str]:
    """The command line of one ``newsdesk sync`` of ``replica`` (the server's URL goes in
    ``NEWSDESK_DB``, not on the command line where every user's ``ps`` shows it)."""
    if getattr(sys, "frozen", False):  # the packaged app: its own executable
        return [sys.executable, "sync", "--replica", str(replica)]
    return [sys.executable, "-m", "newsdesk", "sync", "--replica", str(replica)]
