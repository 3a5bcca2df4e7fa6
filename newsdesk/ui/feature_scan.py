"""Sparing the start PySide6's source reads.

Once PySide6 is imported, its ``__import__`` hook reads the source of every module an
import statement returns, the first time it sees it (``inspect.getsource``), to record in
its published ``__feature__`` table whether the module uses PySide6 (0) or not (-1): the
table ``from __feature__ import snake_case`` switches on. That cost 0.1-0.8 ms a module,
some 20 ms of the window's start over the standard library's modules and newsdesk's.

newsdesk uses no ``__feature__``, and for the modules whose answer is known without
reading them this records the answer before the hook asks: the standard library never
imports PySide6, nor does newsdesk's domain and storage code (only ``newsdesk.ui`` may),
nor any module imported before PySide6 was. Other packages are left to PySide6's look.
"""

from __future__ import annotations

import sys
from collections.abc import MutableMapping, Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

USES_PYSIDE = 0  # PySide6's values in its table
IGNORED = -1


def known_selection(name: str) -> int | None:
    """What PySide6's source read would record for module ``name``; None where only
    reading it can tell."""
    if name == "newsdesk.ui" or name.startswith("newsdesk.ui."):
        return USES_PYSIDE
    top = name.partition(".")[0]
    if top == "newsdesk" or top in sys.stdlib_module_names:
        return IGNORED
    return None


class _Recorder:
    """A finder that finds nothing: it records a module's answer as it is imported."""

    def __init__(self, table: MutableMapping[str, int]) -> None:
        self.table = table

    def find_spec(self, name: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if name not in self.table:
            selection = known_selection(name)
            if selection is not None:
                self.table[name] = selection
        return None  # the ordinary finders import it


def spare_source_reads() -> None:
    """Record the known answers for the modules imported so far and for those imported
    from now on (call once PySide6 is imported; again does nothing)."""
    feature = sys.modules.get("PySide6.support.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return  # another PySide6: its own look it is
    if any(isinstance(finder, _Recorder) for finder in sys.meta_path):
        return
    for name in list(sys.modules):
        if name not in table:
            # Imported before PySide6 was, a module that is not newsdesk's window did not
            # import it (a later import would be another module's, with its own answer).
            selection = known_selection(name)
            table[name] = IGNORED if selection is None else selection
    sys.meta_path.insert(0, _Recorder(table))
