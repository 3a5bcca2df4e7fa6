"""What a team window needs from the replica to move between it and the server in the
middle of a session: the open story's id on the other side, and the story as the window
last saved it on the server, taken in as if pulled (no Qt)."""

from __future__ import annotations

from newsdesk.store.models import Article, SyncRow
from newsdesk.sync import bookkeeping
from newsdesk.sync.fingerprints import article_digest, article_values, digest
from newsdesk.sync.tables import SPECS, pulled_fields


def local_story_id(server_id: int) -> int | None:
    """The replica's id of the server's story ``server_id`` (models bound to the
    replica); None when it was never pulled, or was deleted for good here since."""
    row = (SyncRow.select(SyncRow.local_id)
           .where((SyncRow.table_name == "article") & (SyncRow.server_id == server_id)
                  & (SyncRow.local_id > 0))  # not a removed row's mark (removed_rows.py)
           .first())
    return row.local_id if row is not None else None


def server_story_id(local_id: int) -> int | None:
    """The server's id of the replica's story ``local_id``; None for one not sent yet."""
    row = (SyncRow.select(SyncRow.server_id)
           .where((SyncRow.table_name == "article") & (SyncRow.local_id == local_id))
           .first())
    return row.server_id if row is not None else None


def adopt_saved_copy(local_id: int, saved: Article) -> bool:
    """Take in ``saved`` (the story as the window last stored it on the server, which a
    pull may not have brought yet) as the replica's story and its pulled base, so edits
    made from it offline go to the server as edits, not as conflicts with the window's
    own saves. Left alone when the replica already has it or changed the story itself
    (the sync's conflict rule decides then). Models bound to the replica."""
    base = (SyncRow.select().where((SyncRow.table_name == "article")
                                   & (SyncRow.local_id == local_id)).first())
    if base is None or (base.full and base.base_version >= saved.version):
        return False
    current = Article.get_or_none(Article.id == local_id)
    if current is None or article_digest(current, base.full) != base.base_hash:
        return False
    values = article_values(saved, True)
    Article.update(version=saved.version, updated_at=saved.updated_at, **values).where(
        Article.id == local_id).execute()
    (SyncRow.update(base_hash=digest(values), base_version=saved.version,
                    base_deleted=values["deleted_at"] is not None, full=True)
     .where((SyncRow.table_name == "article") & (SyncRow.local_id == local_id)).execute())
    bookkeeping.keep([saved.uuid])
    return True


def take_in(saved: Article) -> int:
    """A server story the replica never pulled (opened after the last pull), as the
    window had it: the replica's copy, paired with the server's row at that version and
    kept in full, so what is typed into it offline goes to the server as a plain edit
    when nobody changed the story there meanwhile (and as an offline edit beside the
    server's version when somebody did, as for any pulled story)."""
    values = {field.name: getattr(saved, field.name)
              for field in pulled_fields(SPECS["article"]) if field.name != "id"}
    taken = Article.select().where(Article.slug == values["slug"]).exists()
    if taken:
        values["slug"] = f"{values['slug']}~{saved.uuid[:8]}"
    local_id = int(Article.insert(**values).execute())
    pushed = article_values(saved, True)
    bookkeeping.remember("article", saved.id, local_id, base_hash=digest(pushed),
                         base_version=saved.version,
                         base_deleted=pushed["deleted_at"] is not None, full=True)
    bookkeeping.keep([saved.uuid])
    return local_id
