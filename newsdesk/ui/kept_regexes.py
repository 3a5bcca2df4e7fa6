"""Sparing the window's start the compile of its regular expressions.

Python compiles a regular expression from its source once per process: ``re``'s cache
lives in memory only. The window's start compiled some seventy, 22-24 ms of every start
on a 2-core machine. Two thirds of that is shiboken's: each import of PySide6 compiles
the three large brace-matching patterns of its signature support (5-6 ms each; a bare
PySide6 window pays them too). The rest are the standard library's (argparse, logging,
gettext) and newsdesk's own module-level patterns.

While the window starts, ``keep_regexes`` stands in for ``re``'s compiler: a pattern an
earlier start compiled is built from what that compile produced (the engine's code,
flags and groups, the arguments of ``_sre.compile``), kept in the user's cache folder as
Python keeps a module's .pyc; it is not parsed again (0.06 ms where the parse took 5.7).
At the first frame ``stop_keeping_regexes`` puts the compiler back and keeps what this
start compiled anew.

What is kept is checked when it is kept: built from the kept parts, the pattern must
equal the one ``re`` compiled (same flags, same engine code) with the same groups, or it
is not kept. A file is used only by the very interpreter that wrote it (its version and
its engine's magic number), a kept pattern only for the very source and flags it came
from; anything that cannot be read, built or written is compiled as before.
"""

from __future__ import annotations

import _sre
import marshal
import re
import sys
from contextlib import suppress
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

from newsdesk.user_folders import cache_folder, keep_if_possible

# Bump when what a kept entry holds changes.
FORMAT = 1
# More than this many kept patterns: the file starts again from one start's patterns
# (those of earlier newsdesk versions are never asked for again).
MOST_KEPT = 400

# (is bytes, source, flags) -> (flags, code, groups, groupindex, indexgroup)
Key = tuple[bool, Any, int]
Parts = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]


def default_path() -> Path:
    """The kept patterns of this Python (another one compiles to other code)."""
    return cache_folder("regexes", f"{sys.implementation.cache_tag}.marshal")


def interpreter() -> tuple[Any, ...]:
    """What kept code is valid for: this very interpreter and its regular expression
    engine."""
    return (FORMAT, sys.version, _sre.MAGIC, _sre.CODESIZE)


class _Keeper:
    """``re``'s compiler while the window starts: kept patterns built, others compiled
    and noted."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.real_compile = _compiler.compile
        self.kept = _read(path)
        self.new: dict[Key, Any] = {}  # compiled by this start: keys and their sources

    def compile(self, pattern: Any, flags: int = 0) -> Any:
        if not isinstance(pattern, (str, bytes)) or flags & re.DEBUG:
            return self.real_compile(pattern, flags)
        key = (isinstance(pattern, bytes), pattern, int(flags))
        parts = self.kept.get(key)
        if parts is not None:
            with suppress(Exception):  # a damaged entry: compiled as before
                return _sre.compile(pattern, *parts)
        compiled = self.real_compile(pattern, flags)
        self.new[key] = compiled
        return compiled

    def keep_new(self) -> None:
        """Keep what this start compiled, beside what earlier starts kept."""
        if not self.new:
            return
        fresh = {key: parts for key, compiled in self.new.items()
                 if (parts := parts_of(key[1], key[2], compiled)) is not None}
        kept = {**self.kept, **fresh} if len(self.kept) + len(fresh) <= MOST_KEPT else fresh
        keep_if_possible(self.path, marshal.dumps((interpreter(), kept)))


_keeper: _Keeper | None = None


def keep_regexes(path: Path | None = None) -> None:
    """From now until ``stop_keeping_regexes``: patterns kept at ``path``
    (``default_path()``) by an earlier start are built from it, others compiled."""
    global _keeper
    if _keeper is not None:
        return
    _keeper = _Keeper(path if path is not None else default_path())
    _compiler.compile = _keeper.compile


def stop_keeping_regexes() -> None:
    """``re`` compiles as before; what was compiled meanwhile is kept for the next start
    (again, or without ``keep_regexes``: nothing)."""
    global _keeper
    keeper, _keeper = _keeper, None
    if keeper is None:
        return
    if _compiler.compile == keeper.compile:
        _compiler.compile = keeper.real_compile
    keeper.keep_new()


def parts_of(pattern: str | bytes, flags: int, compiled: re.Pattern) -> Parts | None:
    """What ``_sre.compile`` builds ``compiled`` from, worked out as ``re`` does; None
    where the parts do not build that very pattern (another Python's ``re``)."""
    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[Any] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        parts: Parts = (int(flags | parsed.state.flags), code, parsed.state.groups - 1,
                        groupindex, tuple(indexgroup))
        rebuilt = _sre.compile(pattern, *parts)
    except Exception:  # noqa: BLE001 (another Python's internals: simply not kept)
        return None
    same = (rebuilt == compiled and rebuilt.groupindex == compiled.groupindex
            and rebuilt.groups == compiled.groups)
    return parts if same else None


def _read(path: Path) -> dict[Key, Parts]:
    try:
        written_by, kept = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}  # none kept yet, or damaged: kept again at the first frame
    return kept if written_by == interpreter() and isinstance(kept, dict) else {}
