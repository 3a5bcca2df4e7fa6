"""The replica's pairing of server ids with its own (``sync_row``), as a pull needs it:
read for the rows at hand, a chunk at a time, and held in memory for the rest of the pull.
A replica of 100,000 stories holds as many pairings; reading them all took longer than
pulling 1,000 changed stories."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from newsdesk.sync import bookkeeping, bulk
from newsdesk.sync.bookkeeping import Pairing

IN_CHUNK = 500


class Pairs:
    def __init__(self) -> None:
        self.by_server: dict[str, dict[int, Pairing]] = {}
        self.by_local: dict[str, dict[int, Pairing]] = {}
        # Ids already looked up (found or not): what is not held is not paired.
        self.asked_server: dict[str, set[int]] = {}
        self.asked_local: dict[str, set[int]] = {}

    def _table(self, name: str) -> None:
        self.by_server.setdefault(name, {})
        self.by_local.setdefault(name, {})
        self.asked_server.setdefault(name, set())
        self.asked_local.setdefault(name, set())

    def load(self, name: str, *, server_ids: Iterable[int | None] = (),
             local_ids: Iterable[int | None] = ()) -> None:
        """Read the pairings of these rows that are not held yet."""
        self._table(name)
        for column, ids, asked in (("server_id", server_ids, self.asked_server[name]),
                                   ("local_id", local_ids, self.asked_local[name])):
            todo = sorted({i for i in ids if i is not None} - asked)
            asked.update(todo)
            for start in range(0, len(todo), IN_CHUNK):
                for row in bookkeeping.pairings(name, column, todo[start:start + IN_CHUNK]):
                    if row.server_id not in self.by_server[name] \
                            and row.local_id not in self.by_local[name]:
                        self._hold(row)

    def _hold(self, row: Pairing) -> None:
        name = row.table_name
        self.by_server[name][row.server_id] = row
        self.by_local[name][row.local_id] = row
        self.asked_server[name].add(row.server_id)
        self.asked_local[name].add(row.local_id)

    def local(self, name: str, server_id: int | None) -> int | None:
        """The replica's id of a server row; None when it is not paired."""
        if server_id is None:
            return None
        self.load(name, server_ids=[server_id])
        row = self.by_server[name].get(server_id)
        return row.local_id if row is not None else None

    def of_local(self, name: str, local_id: int) -> Pairing | None:
        """The pairing of a replica row; None for a row made here."""
        self.load(name, local_ids=[local_id])
        return self.by_local[name].get(local_id)

    def pair(self, name: str, server_id: int, local_id: int, **base: Any) -> None:
        new = self.local(name, server_id) is None and self.of_local(name, local_id) is None
        bookkeeping.remember(name, server_id, local_id, new=new, **base)
        self.note(Pairing(table_name=name, server_id=server_id, local_id=local_id, **base))

    def record(self, rows: Sequence[Pairing]) -> None:
        """Write ``rows`` to ``sync_row`` (a few statements) and hold them."""
        bulk.pair_rows(rows)
        for row in rows:
            self.note(row)

    def note(self, row: Pairing) -> None:
        """Hold ``row`` (written to ``sync_row`` by the caller, replacing any older
        pairing of its server row or its local row) in place of those."""
        name = row.table_name
        self._table(name)
        self.unpair(name, row.server_id, forget=False)
        stale = self.by_local[name].pop(row.local_id, None)
        if stale is not None:
            self.by_server[name].pop(stale.server_id, None)
        self._hold(row)

    def unpair(self, name: str, server_id: int, *, forget: bool = True) -> None:
        if forget:
            bookkeeping.forget(name, server_id)
        self._table(name)
        self.asked_server[name].add(server_id)
        old = self.by_server[name].pop(server_id, None)
        if old is not None:
            self.by_local[name].pop(old.local_id, None)
