"""Sending what else a replica made offline (``local_additions``): each dictionary word,
each translation link (the stories put into one group, or taken out), each picture, and
each sent story's revisions written offline, in its own server transaction.

Revisions: the push records one revision of its own per story sent; the revisions saved
offline before it go too (a day's offline saves stay in the story's history on the
server, to compare and restore, as saves made online do), with their own times, authors
and versions as they were here. Only those of stories the push settled (sent, already
there, or kept as an offline edit): a story refused keeps its revisions for next time.

Idempotent like the rest of a push: a word or a picture the server has already is left
alone (a picture's file is sent only when the server has no file of its SHA-256), and a
story's group is set only where the server still has the group the replica pulled. A
group changed on the server meanwhile stays; the pull then brings it here.
"""

from __future__ import annotations

from collections.abc import Callable

from newsdesk.store.models import Article, NewsroomWord, Picture, PictureBlob, Revision
from newsdesk.store.opened import OpenedDatabase
from newsdesk.sync.binding import using
from newsdesk.sync.local_additions import (
    GroupChanged,
    LocalAdditions,
    PictureAdded,
    RevisionWritten,
    WordAdded,
)
from newsdesk.sync.push import Settled
from newsdesk.sync.report import SyncReport


def push_additions(server: OpenedDatabase, replica: OpenedDatabase, additions: LocalAdditions,
                   report: SyncReport, *, settled: Settled,
                   checkpoint: Callable[[str], None]) -> None:
    """Send ``additions``; a translation link refused (the server changed one of its
    stories' links meanwhile) is undone in the replica: its stories take the server's
    links, as the pull would give them."""
    for word in additions.words:
        with using(server), server.database.atomic():
            report.words += _push_word(word)
        checkpoint(f"word {word.word}")
    moves: dict[str | None, list[GroupChanged]] = {}
    for change in additions.groups:
        moves.setdefault(change.group, []).append(change)
    for group, changes in moves.items():
        with using(server), server.database.atomic():
            servers_own = _push_group(changes, report)
        if servers_own:
            with using(replica), replica.database.atomic():
                for uuid, servers_group in servers_own.items():
                    (Article.update(translation_group=servers_group)
                     .where(Article.uuid == uuid).execute())
        checkpoint(f"group {group}")
    for picture in additions.pictures:
        with using(server):
            has_file = PictureBlob.select().where(PictureBlob.sha256 == picture.sha256).exists()
        data = None if has_file else _file(replica, picture.blob_id)
        with using(server), server.database.atomic():
            report.pictures += _push_picture(picture, data, report)
        checkpoint(f"picture {picture.sha256}")
    written: dict[str, list[RevisionWritten]] = {}
    for revision in additions.revisions:
        if revision.story_uuid in settled:
            written.setdefault(revision.story_uuid, []).append(revision)
    for uuid, revisions in written.items():
        with using(server), server.database.atomic():
            report.revisions += _push_revisions(uuid, revisions)
        checkpoint(f"revisions {uuid}")


def _push_word(word: WordAdded) -> int:
    made = (NewsroomWord.insert(word=word.word, language=word.language,
                                added_by=word.added_by, added_at=word.added_at)
            .on_conflict_ignore().execute())
    return 0 if made is None else 1  # None: the server has the word


def _push_group(changes: list[GroupChanged], report: SyncReport) -> dict[str, str | None]:
    """Put the stories of one link into its group, all or none: none when the server
    changed the link of one of them meanwhile; then the server's links, by uuid."""
    stories = {story.uuid: story for story in Article.select().where(
        Article.uuid.in_([change.uuid for change in changes]))}
    moved = [change for change in changes if change.uuid in stories  # (deleted there)
             and stories[change.uuid].translation_group != change.group]  # (already)
    changed_there = [change for change in moved
                     if stories[change.uuid].translation_group != change.base]
    if changed_there:
        names = ", ".join(change.headline for change in changed_there)
        report.refused.append(f"translation link of {names}: changed on the server "
                              "meanwhile (the server's kept)")
        return {change.uuid: stories[change.uuid].translation_group for change in moved}
    if moved:
        (Article.update(translation_group=moved[0].group)
         .where(Article.uuid.in_([change.uuid for change in moved])).execute())
        report.groups += len(moved)
    return {}


def _push_revisions(uuid: str, revisions: list[RevisionWritten]) -> int:
    """The story's revisions written here that its history on the server lacks: not
    one already sent (a rerun), nor one of a text the server's history has (the last
    save here is the revision the push made, or the offline edit it kept)."""
    story = Article.get_or_none(Article.uuid == uuid)
    if story is None:
        return 0
    history = list(Revision.select(Revision.created_at, Revision.reason, Revision.version,
                                   Revision.snapshot)
                   .where(Revision.article == story.id).tuples())
    texts = {snapshot for _at, _reason, _version, snapshot in history}
    sent_before = {(at, reason, version) for at, reason, version, _snapshot in history}
    sent = 0
    for revision in revisions:
        values = revision.values
        if values["snapshot"] in texts \
                or (values["created_at"], values["reason"], values["version"]) in sent_before:
            continue
        Revision.insert(article=story.id, **values).execute()
        texts.add(values["snapshot"])
        sent += 1
    return sent


def _file(replica: OpenedDatabase, blob_id: int) -> bytes:
    with using(replica):
        (data,) = PictureBlob.select(PictureBlob.data).where(
            PictureBlob.id == blob_id).tuples().get()
    return bytes(data)


def _push_picture(picture: PictureAdded, data: bytes | None, report: SyncReport) -> int:
    story = Article.get_or_none(Article.uuid == picture.story_uuid)
    if story is None:
        report.refused.append(f"{picture.story_headline}: a picture added offline to a "
                              "story no longer on the server")
        return 0
    blob = PictureBlob.get_or_none(PictureBlob.sha256 == picture.sha256)
    if blob is None:
        if data is None:  # the file went away from the server between the two reads
            report.refused.append(f"{picture.story_headline}: a picture's file; sync again")
            return 0
        blob_id = PictureBlob.insert(**picture.blob, data=data).execute()
    else:
        blob_id = blob.id
    # One lead picture a story: the server's stays if it chose one meanwhile.
    lead = bool(picture.picture["lead"]) and not Picture.select().where(
        (Picture.article == story.id) & Picture.lead).exists()
    values = {**picture.picture, "lead": lead}
    made = Picture.insert(article=story.id, blob=blob_id, **values).on_conflict_ignore().execute()
    return 0 if made is None else 1  # None: the story has this picture
