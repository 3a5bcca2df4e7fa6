"""The templates' compiled code, kept in the user's cache folder between runs.

Jinja compiles each template to Python the first time a process loads it: ``story.html``
with ``base.html`` took 40-50 ms of the window's first preview at every start, and as
much again in the preview's renderer process and in each export worker. Jinja's own file
cache keys the code by template file and source checksum; the folder's name adds what
else shapes the code (newsdesk's and Jinja's versions, the environment's settings), so a
cached template is never one compiled under other rules. A folder that cannot be made or
written only means compiling as before.
"""

from __future__ import annotations

import hashlib
import pickle
from functools import cache

import jinja2
from jinja2.bccache import Bucket

from newsdesk import __version__
from newsdesk.user_folders import cache_folder


class _QuietFileCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache, except that a file it cannot read or write is no error."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        # Unreadable, or cut short (a disk that filled up, a copy of the folder).
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except (OSError, ValueError):
            pass


# What an environment compiles by, besides the template's own text.
_CODE_SHAPING = ("block_start_string", "block_end_string", "variable_start_string",
                 "variable_end_string", "comment_start_string", "comment_end_string",
                 "line_statement_prefix", "line_comment_prefix", "trim_blocks",
                 "lstrip_blocks", "newline_sequence", "keep_trailing_newline",
                 "autoescape", "optimized", "undefined", "newstyle_gettext")


def compiled_template_cache(environment: jinja2.Environment) -> jinja2.BytecodeCache | None:
    """The cache for code compiled by ``environment`` as it is now (None where the user's
    cache folder cannot hold it)."""
    shape = [(name, repr(getattr(environment, name, None))) for name in _CODE_SHAPING]
    shape.append(("extensions", repr(sorted(environment.extensions))))
    return _cache_for(hashlib.sha1(
        f"{__version__}|{jinja2.__version__}|{shape}".encode()).hexdigest()[:16])


@cache
def _cache_for(fingerprint: str) -> jinja2.BytecodeCache | None:
    folder = cache_folder("templates", fingerprint)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _QuietFileCache(str(folder))
