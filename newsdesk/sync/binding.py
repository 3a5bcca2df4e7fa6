"""Which database the models speak to while a sync reads one side and writes the other.

Every store and domain helper goes through ``database_proxy``; a sync holds two open
databases and points the proxy at one side at a time. The command line runs one sync on
one thread, so the switch is safe there; the window would give a sync its own process.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from newsdesk.store.models import database_proxy
from newsdesk.store.opened import OpenedDatabase


@contextmanager
def using(opened: OpenedDatabase) -> Iterator[OpenedDatabase]:
    """The models bound to ``opened`` for the block, then to what they were before."""
    previous = database_proxy.obj
    database_proxy.initialize(opened.database)
    try:
        yield opened
    finally:
        database_proxy.initialize(previous)
