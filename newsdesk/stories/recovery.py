"""The recovery journal: unsaved story text kept in a local file until the database has it.

The editor writes an entry on every debounced change, before it tries the database, and
deletes it once a save succeeded with the same text. So after a crash (``kill -9``), a
database that turned read-only, or a lost connection, the text is still on the user's disk
and the editor offers it back when the story is opened again.

Entries live in the user data folder (not next to the database: the database's disk may be
the one that failed), in one folder per database so two databases never mix.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from newsdesk.store.models import database_proxy
from newsdesk.store.timestamps import as_date, stored_time, utcnow
from newsdesk.user_folders import data_folder


class RecoveryEntry(NamedTuple):
    article_id: int
    base_version: int  # the stored version the unsaved text was edited from
    fields: dict[str, Any]  # editable fields, dates as ISO text
    written_at: datetime
    uuid: str = ""  # the story's uuid ("" in entries written before it was recorded)


def database_key(target: str) -> str:
    """A stable folder name for one database (a path is made absolute first)."""
    if "://" not in target and target != ":memory:":
        target = str(Path(target).resolve())
    return _sha256(target.encode("utf-8"))[:16]


def _parsed(text: str) -> Any:
    # The window's start asks for its story's entry, which is seldom there: json comes
    # with an entry to read (lean_peewee.py).
    import json

    return json.loads(text)


def _sha256(data: bytes) -> str:
    # The window's start reads the journal: hashlib would load OpenSSL for it (3-5 ms,
    # lean_peewee.py). The interpreter's own SHA-256 first, as its random module does.
    try:
        from _sha256 import sha256  # Python 3.11
    except ImportError:
        try:
            from _sha2 import sha256  # Python 3.12 and later
        except ImportError:
            from hashlib import sha256
    return sha256(data).hexdigest()


def current_database_target() -> str:
    """The path or URL of the database the models are bound to right now."""
    database = database_proxy.obj
    if database is None:
        raise RuntimeError("no database is open")
    name = str(database.database)
    if type(database).__name__.startswith("Postgres"):
        params = database.connect_params
        return f"postgresql://{params.get('host', '')}:{params.get('port', '')}/{name}"
    return name


class RecoveryJournal:
    """The journal folder of one database; one JSON file per story with unsaved text."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def for_target(cls, target: str, base: Path | None = None) -> RecoveryJournal:
        root = base or data_folder("recovery")
        return cls(root / database_key(target))

    @classmethod
    def for_current_database(cls) -> RecoveryJournal:
        return cls.for_target(current_database_target())

    def path_for(self, article_id: int) -> Path:
        return self.folder / f"story-{article_id}.json"

    def write(self, article_id: int, base_version: int, fields: Mapping[str, Any],
              uuid: str = "") -> Path:
        """Record unsaved text; atomic (a crash mid-write leaves the previous entry)."""
        import json  # with the first unsaved text, not with the window's start

        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.path_for(article_id)
        payload = {"article_id": article_id, "base_version": base_version, "uuid": uuid,
                   "written_at": utcnow().isoformat(),
                   "fields": {k: _jsonable(v) for k, v in fields.items()}}
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)
        return path

    def read(self, article_id: int, uuid: str = "") -> RecoveryEntry | None:
        """The unsaved text of a story, if any. Given the story's ``uuid``, an entry left by
        another story that had the same id (deleted since; SQLite reuses ids) is put aside
        as ``.orphaned`` rather than offered."""
        path = self.path_for(article_id)
        try:
            payload = _parsed(path.read_text(encoding="utf-8"))
            entry = RecoveryEntry(int(payload["article_id"]), int(payload["base_version"]),
                                  dict(payload["fields"]),
                                  datetime.fromisoformat(payload["written_at"]),
                                  str(payload.get("uuid") or ""))
        except FileNotFoundError:
            return None
        except (ValueError, KeyError, TypeError):
            # A damaged entry must not stop the story opening; keep it aside for a human.
            path.replace(path.with_suffix(".damaged"))
            return None
        if uuid and entry.uuid and entry.uuid != uuid:
            path.replace(path.with_suffix(".orphaned"))
            return None
        return entry

    def clear(self, article_id: int) -> None:
        self.path_for(article_id).unlink(missing_ok=True)

    def forget_deleted(self) -> int:
        """Remove the entries of stories deleted for good (the trash was emptied, here or
        by a colleague); returns how many. Stories in the trash keep theirs."""
        ids = self.article_ids()
        if not ids:
            return 0
        from newsdesk.store.models import Article

        existing = {row[0] for row in Article.select(Article.id)
                    .where(Article.id.in_(ids)).tuples()}
        gone = [article_id for article_id in ids if article_id not in existing]
        for article_id in gone:
            self.clear(article_id)
        return len(gone)

    def article_ids(self) -> list[int]:
        """Stories with unsaved text, most recently written first."""
        if not self.folder.is_dir():
            return []
        paths = sorted(self.folder.glob("story-*.json"), key=lambda p: p.stat().st_mtime,
                       reverse=True)
        return [int(p.stem.removeprefix("story-")) for p in paths
                if p.stem.removeprefix("story-").isdigit()]


def fields_from_entry(entry: RecoveryEntry) -> dict[str, Any]:
    """The entry's fields with the dateline date back as a ``date``."""
    fields = dict(entry.fields)
    if fields.get("dateline_date"):
        fields["dateline_date"] = as_date(fields["dateline_date"])
    if fields.get("embargo_until"):
        fields["embargo_until"] = stored_time(fields["embargo_until"])
    return fields


def _jsonable(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value
