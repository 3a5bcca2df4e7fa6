"""peewee without its PostgreSQL driver until a PostgreSQL database is opened.

peewee imports psycopg2 (and with it libpq, ssl and socket) at its own import, whether or
not the program ever talks to a server: about 15-20 ms of every window's start on a
newsroom's laptop, which only ever opens a SQLite file. ``import_peewee_without_driver``
imports peewee as if psycopg2 were not installed; ``load_driver`` (called by every
PostgreSQL database newsdesk opens, ``NewsdeskPostgresqlDatabase``) then gives peewee the
driver exactly as its own import would have. Where peewee was imported the ordinary way
(the command line, the tests), ``load_driver`` has nothing to do.

Giving peewee its driver later repeats peewee's own import of it, which differs between
peewee's versions: a peewee whose import this module does not know (another major
version, or names it no longer has) is imported again the ordinary way, driver and all.
newsdesk uses psycopg2 (its declared dependency), never psycopg 3.
"""

from __future__ import annotations

import sys
import threading
from typing import Any

# The drivers peewee's import would load (psycopg2cffi, PyPy's, is left to peewee: it
# registers itself as psycopg2 there, and where it is installed it is what works).
DRIVERS = ("psycopg2", "psycopg")
_lock = threading.Lock()


class _HideDrivers:
    """A finder on ``sys.meta_path`` that answers ``ImportError`` for the drivers, as an
    interpreter without them would (not an ``importlib.abc.MetaPathFinder``: importing
    that module costs 5 ms of the start)."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name.partition(".")[0] in DRIVERS:
            raise ImportError(f"{name} is imported when a PostgreSQL database is opened",
                              name=name)
        return None


def import_peewee_without_driver() -> None:
    """Import peewee without psycopg2 (nothing to do once peewee is imported)."""
    if "peewee" in sys.modules or any(name in sys.modules for name in DRIVERS):
        return
    hide = _HideDrivers()
    sys.meta_path.insert(0, hide)
    try:
        import peewee
    finally:
        sys.meta_path.remove(hide)
    if not _known_driver_import(peewee):
        del sys.modules["peewee"]  # nothing holds it yet: the start imports it first
        import peewee  # noqa: F401  (the ordinary way)


def _known_driver_import(peewee: Any) -> bool:
    """Whether ``load_driver`` knows how this peewee imports psycopg2 (peewee 4's way)."""
    adapter = getattr(peewee, "Psycopg2Adapter", None)
    return (str(getattr(peewee, "__version__", "")).startswith("4.")
            and adapter is not None and hasattr(adapter, "txn_idle")
            and all(hasattr(peewee, name) for name in ("psycopg2", "Json_pg2")))


def load_driver() -> None:
    """Give peewee its PostgreSQL driver if its import went without one (a driver that is
    not installed stays missing: peewee then says so when the database connects)."""
    import peewee

    with _lock:
        if peewee.psycopg2 is not None:
            return
        try:
            _load_psycopg2(peewee)
        except ImportError:
            pass


def _load_psycopg2(peewee: Any) -> None:
    # The same names, set the same way, as peewee's module-level ``try: import psycopg2``.
    import psycopg2
    from psycopg2 import extensions
    from psycopg2.extras import Json, register_uuid

    register_uuid()
    adapter = peewee.Psycopg2Adapter
    adapter.txn_idle = extensions.TRANSACTION_STATUS_IDLE
    adapter.txn_inerror = extensions.TRANSACTION_STATUS_INERROR
    adapter.txn_unknown = extensions.TRANSACTION_STATUS_UNKNOWN
    peewee.pg_extensions = extensions
    peewee.pg_register_uuid = register_uuid
    peewee.Json_pg2 = Json
    peewee.psycopg2 = psycopg2  # last: the sign that the driver is there
