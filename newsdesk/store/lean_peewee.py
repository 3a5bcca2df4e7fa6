"""peewee imported for the window's start, without what the start never uses.

peewee imports at its own import its PostgreSQL driver (left out by ``pg_driver.py``) and
five standard modules that it reads only inside functions: ``calendar`` (timestamp
fields), ``hashlib`` (shortening long index names), ``json`` (JSON fields), ``socket``
(IP address fields) and ``uuid`` (UUID fields, savepoint names). Importing them took
13-24 ms of every window's start on a 2-core machine: ``socket`` makes four enums from
its C module's constants, ``hashlib`` loads OpenSSL, ``uuid`` imports ``platform``. The
window's start uses none of them.

``import_peewee_for_window`` imports peewee with a stand-in for each of them; the
stand-in imports the real module the first time one of its names is read (in peewee, or
in anything else that imported it meanwhile) and from then on holds the real module's
names. peewee's own reference is replaced by the real module then. Once peewee is
imported, the stand-ins leave ``sys.modules``: any later ``import uuid`` is the ordinary
one, so there is only ever one ``uuid`` module.
"""

from __future__ import annotations

import importlib
import sys
import threading
from types import ModuleType
from typing import Any

from newsdesk.store.pg_driver import import_peewee_without_driver

DEFERRED_MODULES = ("calendar", "hashlib", "json", "socket", "uuid")
_lock = threading.RLock()  # importing one may read another


class _StandIn(ModuleType):
    """In place of a standard module until one of its names is read."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)  # import machinery and introspection asking
        with _lock:
            if sys.modules.get(self.__name__) is self:  # read during peewee's import
                del sys.modules[self.__name__]
            module = importlib.import_module(self.__name__)
            self.__dict__.update(module.__dict__)
            peewee = sys.modules.get("peewee")
            if peewee is not None and getattr(peewee, self.__name__, None) is self:
                setattr(peewee, self.__name__, module)
        return getattr(module, name)


def import_peewee_for_window() -> None:
    """Import peewee without its driver and without the five modules above (nothing to
    do once peewee is imported)."""
    if "peewee" in sys.modules:
        return
    stand_ins = {name: _StandIn(name) for name in DEFERRED_MODULES if name not in sys.modules}
    sys.modules.update(stand_ins)
    try:
        import_peewee_without_driver()
    finally:
        for name, stand_in in stand_ins.items():
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
