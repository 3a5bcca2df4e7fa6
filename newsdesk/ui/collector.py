"""The cycle collector during the window's start: held while the start allocates (what it
allocates lives on), resumed at the first frame. No Qt here: the hold begins before the
start imports anything heavy (peewee and the store alone set off some twenty
collections, ~4 ms)."""

from __future__ import annotations

import gc


def hold_cycle_collector() -> None:
    """No cycle collection while the start allocates; see ``release_cycle_collector``."""
    gc.disable()


def release_cycle_collector() -> None:
    """The start is over: what it built is kept out of later collections (``freeze``),
    and collection resumes."""
    gc.freeze()
    gc.enable()
