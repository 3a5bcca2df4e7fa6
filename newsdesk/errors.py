"""The two kinds of failure newsdesk distinguishes.

A ``UserError`` is something the user or the environment can fix (a bad file, a locked
database, a missing story): it is shown as one clear line or a dialog, never a traceback.
Anything else is a bug and is allowed to propagate with its traceback.
"""

from __future__ import annotations

from newsdesk.texts import Text


class UserError(Exception):
    """A failure the user can act on; ``str()`` is the one-line message to show.

    ``reason`` may be a ``Text``: ``self.reason`` is then its English sentence and
    ``self.text`` the phrase and values the window translates."""

    def __init__(self, reason: str | Text, *, file: str | None = None,
                 line: int | None = None, field: str | None = None) -> None:
        self.text = reason if isinstance(reason, Text) else None
        self.reason = str(reason)
        self.file = file
        self.line = line
        self.field = field
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = ""
        if self.file:
            where = self.file + (f":{self.line}" if self.line else "") + ": "
        elif self.line:
            where = f"line {self.line}: "
        if self.field:
            where += f"{self.field}: "
        return where + self.reason


class DatabaseUnavailable(UserError):
    """The database cannot be opened or used: missing, locked, read-only, corrupt, newer."""


class DatabaseMissing(DatabaseUnavailable):
    """No database file at the path: nothing is wrong with one, there is none (the window
    offers to create it; other failures to open are not offered that)."""


class ServerUnreachable(DatabaseUnavailable):
    """The PostgreSQL server could not be reached (or refused the connection): the
    window works in the server's replica instead, when there is one."""


class ConflictError(UserError):
    """Someone else saved the record meanwhile; the caller must let the user choose."""


class StoryLocked(UserError):
    """Another window holds the story's edit lock: nothing is written (the message names
    the holder)."""

    def __init__(self, reason: str | Text, *, holder: str) -> None:
        self.holder = holder
        super().__init__(reason)


class StoryInTrash(UserError):
    """The story was moved to the trash (or deleted for good since): nothing is written
    into it until it is restored."""

    def __init__(self, reason: str | Text, *, deleted: bool = False) -> None:
        self.deleted = deleted  # gone for good: it cannot be restored
        super().__init__(reason)
