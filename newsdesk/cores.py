"""How many cores this process may use (no Qt, nothing heavy to import)."""

from __future__ import annotations

import os


def usable_cores() -> int:
    """The cores this process may run on: ``taskset`` or a container's CPU set limit them,
    and ``os.cpu_count()`` does not know (two workers forked onto one core made a pinned
    export slower than rendering in-process)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
