"""Sparing the start shiboken's compile of its own Python support code.

Each time PySide6 is imported, shiboken runs its signature support (the ``shibokensupport``
package and its bootstrap) from Python sources embedded in its library, compiling all
fourteen of them from source (``compile`` in the bootstrap's ``EmbeddableZipImporter``):
no ``__pycache__`` keeps them. That was 20-25 ms of every window start here, 106 M of its
1,137 M instructions (callgrind). PySide's own remedy, ``SBK_EMBED=0``, writes the sources
into the installed package: site-packages, often read-only, and shared with every other
program that uses PySide6.

``kept_support_bytecode`` keeps the compiled code in the user's cache folder instead, as
Python keeps a module's .pyc: while PySide6 is first imported, ``compile`` asked for one of
those sources returns the code an earlier start compiled from the same source. Each file
holds the source with its code and is used only for that very source (another PySide6
brings other sources), in a folder per bytecode version. Every other ``compile`` goes to
the real one, and a file that cannot be read or written is compiled as before.
"""

from __future__ import annotations

import builtins
import marshal
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType
from typing import Any

from newsdesk.user_folders import cache_folder, keep_if_possible

# The names shiboken compiles its support sources under (their paths in its archive).
SUPPORT_FILES = ("signature_bootstrap.py", "shibokensupport/")


def default_folder() -> Path:
    """The cache folder of this Python's bytecode version (another one marshals code
    differently)."""
    return cache_folder("pyside-support", MAGIC_NUMBER.hex())


@contextmanager
def kept_support_bytecode(folder: Path | None = None) -> Iterator[None]:
    """Around the process's first import of PySide6: its support code from ``folder``
    (``default_folder()``) where an earlier start kept it, compiled and kept otherwise."""
    if "shiboken6" in sys.modules:  # imported already: nothing left to spare
        yield
        return
    real_compile = builtins.compile
    store = folder if folder is not None else default_folder()

    def compile_kept(source: Any, filename: Any, mode: str, *args: Any, **options: Any
                     ) -> Any:
        if (args or options or mode != "exec" or not isinstance(source, bytes)
                or not isinstance(filename, str) or not filename.startswith(SUPPORT_FILES)):
            return real_compile(source, filename, mode, *args, **options)
        return _kept_code(store, source, filename, real_compile)

    builtins.compile = compile_kept
    try:
        yield
    finally:
        if builtins.compile is compile_kept:
            builtins.compile = real_compile


def _kept_code(folder: Path, source: bytes, filename: str, real_compile: Any) -> CodeType:
    # The file's name only finds it: what it holds is used only for this very source.
    name = f"{zlib.crc32(filename.encode()):08x}-{zlib.crc32(source):08x}-{len(source)}"
    path = folder / f"{name}.code"
    try:
        kept_source, code = marshal.loads(path.read_bytes())
        if kept_source == source and isinstance(code, CodeType):
            return code
    except (OSError, EOFError, ValueError, TypeError):
        pass  # not kept yet, or unreadable: compiled and kept again below
    code = real_compile(source, filename, "exec")
    # Another window starting meanwhile reads a whole file or none.
    keep_if_possible(path, marshal.dumps((source, code)))
    return code
