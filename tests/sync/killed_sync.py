"""Run one sync and kill its own process (SIGKILL: no cleanup, no rollback by Python) at
a chosen moment: after the Nth committed step, or inside a transaction at the Nth
write of pairings to the replica (one, or a chunk's) or the Nth revision written on the server.

    python tests/sync/killed_sync.py SERVER_URL REPLICA WHERE N
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any


def main() -> None:
    url, replica_path, where, steps = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    from newsdesk.store.db import create_database, open_database
    from newsdesk.sync import bookkeeping, bulk, push
    from newsdesk.sync.run import sync

    calls = [0]

    def count() -> None:
        calls[0] += 1
        if calls[0] == steps:
            os.kill(os.getpid(), signal.SIGKILL)

    def counting(function: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            result = function(*args, **kwargs)
            count()  # after the write, before its transaction commits
            return result
        return wrapper

    if where == "pairing":
        bookkeeping.remember = counting(bookkeeping.remember)  # one pairing
        bulk.pair_rows = counting(bulk.pair_rows)  # a chunk's pairings
    elif where == "server-revision":
        push.record_revision = counting(push.record_revision)
        push.record_unsaved = counting(push.record_unsaved)
    sync(open_database(url), create_database(replica_path),
         checkpoint=(lambda _label: count()) if where == "step" else None)


if __name__ == "__main__":
    main()
