"""One open story's save state: what the editor shows versus what the database and the
recovery journal hold, and the decisions about saving it. No Qt: the editor panel keeps
the widgets and the timers and asks this session what to do.

The session knows the stored version the text was edited from (``version``) and the
stored text at that version (``base``), whether the database (``dirty``) and the journal
(``journal_dirty``) lack the text on screen, whether a conflict waits for the user's
choice, and whether the story went to the trash elsewhere. Storing raises the story
service's errors (``ConflictError``, ``StoryInTrash``, ``UserError``,
``peewee.DatabaseError``); the caller decides how to show them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

from newsdesk.errors import ConflictError
from newsdesk.store.models import Article, database_proxy
from newsdesk.store.timestamps import utcnow
from newsdesk.stories import articles, lock_state
from newsdesk.stories.recovery import RecoveryEntry, RecoveryJournal, fields_from_entry

# The user's choices when the story was saved elsewhere meanwhile.
KEEP_MINE = "keep_mine"
TAKE_THEIRS = "take_theirs"
SAVE_COPY = "save_copy"

# What check_trash() found out about the open story.
TRASHED, DELETED, BACK = "trashed", "deleted", "back"


def content(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The fields the text is made of (all editable fields but the status)."""
    return {name: value for name, value in fields.items() if name != "status"}


class EditSession:
    """The save state of the story open in an editor (at most one at a time)."""

    def __init__(self, author: Callable[[], str],
                 journal: RecoveryJournal | None = None) -> None:
        self._author = author
        self._journal = journal
        self._journal_given = journal is not None
        # This window's id: story locks belong to it, not to the user name, and the story
        # service refuses its saves while another window holds the lock.
        self.session_id = lock_state.new_session()
        self.started = utcnow()  # journal entries older than this outlived a crash
        # A conflict waits for the user's choice; outlives a reload (a colleague took the
        # lock over while the dialog was open).
        self.awaiting_choice = False
        self._forget()

    def _forget(self) -> None:
        self.article_id: int | None = None
        self.article_uuid = ""
        self.version = 0
        self.base: dict[str, Any] | None = None  # the stored text at self.version
        self.stored: Article | None = None  # the story as stored at self.version
        self.database: object | None = None  # the database the story was opened from
        self.dirty = False  # the editor holds text the database does not have
        self.journal_dirty = False  # ... and text the journal does not have
        self.in_trash = False  # the story went to the trash (or was deleted) elsewhere
        self.gone = False  # ... and deleted for good
        self.last_revision_at = time.monotonic()
        self.rebased_status: str | None = None  # set when a save followed a status move

    @property
    def author(self) -> str:
        return self._author()

    @property
    def journal(self) -> RecoveryJournal:
        if self._journal is None:
            self._journal = RecoveryJournal.for_current_database()
        return self._journal

    # -- opening and closing -------------------------------------------------------------
    def open(self, article: Article) -> None:
        """Start from the stored story (also after a reload)."""
        self._forget()
        self.article_id = article.id
        self.article_uuid = article.uuid
        self.database = database_proxy.obj
        self._at_stored(article)

    def close(self) -> None:
        self._forget()

    def _at_stored(self, article: Article) -> None:
        self.version = article.version
        self.stored = article
        self.base = content(articles.editable_fields(article))

    def edited(self) -> None:
        self.dirty = self.journal_dirty = True

    def forget_unsaved(self) -> None:
        """The pending text went somewhere safe (or is given up): nothing to save."""
        self.dirty = self.journal_dirty = False

    # -- the journal ---------------------------------------------------------------------
    def leave_database(self) -> None:
        """The editor moves to another database (a team window going offline or back):
        no story is open here any more, and the journal is that database's."""
        self._forget()
        if not self._journal_given:
            self._journal = None

    def write_journal(self, fields: Mapping[str, Any]) -> None:
        """Journal the text if the journal lacks it; raises OSError if that fails."""
        if self.article_id is None or not self.journal_dirty:
            return
        self.journal.write(self.article_id, self.version, fields, self.article_uuid)
        self.journal_dirty = False

    def recover(self, article: Article) -> tuple[RecoveryEntry, dict[str, Any]] | None:
        """Text the journal holds for the story just opened but the database does not
        (a crash, a failed save): the entry and its fields, the session now holding them
        unsaved. An entry equal to the stored story is dropped."""
        entry = self.journal.read(article.id, article.uuid)
        if entry is None:
            return None
        recovered = fields_from_entry(entry)
        stored = articles.editable_fields(article)
        if all(recovered.get(k, stored[k]) == stored[k] for k in stored):
            self.journal.clear(article.id)
            return None
        recovered.pop("status", None)
        self.version = entry.base_version
        self.base = None  # what the journal's text was edited from is not known
        self.edited()
        return entry, recovered

    def outlived_crash(self, entry: RecoveryEntry) -> bool:
        return entry.written_at < self.started

    # -- saving --------------------------------------------------------------------------
    def revision_due(self, interval_s: float) -> bool:
        return time.monotonic() - self.last_revision_at >= interval_s

    def holds_back(self) -> bool:
        """Keep the text in the journal only: the user is choosing between versions, or
        the database this story came from was closed (only ever in tests and tools)."""
        return self.awaiting_choice or database_proxy.obj is not self.database

    def save(self, fields: Mapping[str, Any], *, reason: str, revision: bool) -> Article:
        """Store the text with the version check; a version that moved on without anyone
        changing the text (a status move from the list) is not a conflict."""
        assert self.article_id is not None
        self.rebased_status = None
        try:
            article = self._save_at_version(fields, reason, revision)
        except ConflictError:
            if not self._rebase_onto_stored():
                raise
            article = self._save_at_version(fields, reason, revision)
        self.saved(article, revision=revision)
        return article

    def _save_at_version(self, fields: Mapping[str, Any], reason: str,
                         revision: bool) -> Article:
        assert self.article_id is not None
        return articles.save_article(self.article_id, fields, expected_version=self.version,
                                     reason=reason, author=self.author, revision=revision,
                                     session=self.session_id)

    def _rebase_onto_stored(self) -> bool:
        """Continue from the stored version if its text is still the one we started from."""
        if self.base is None or self.article_id is None:
            return False
        stored = Article.get_by_id(self.article_id)
        if content(articles.editable_fields(stored)) != self.base:
            return False
        self.version = stored.version
        self.rebased_status = stored.status
        return True

    def store_call(self, fields: Mapping[str, Any], *, reason: str,
                   revision: bool) -> Callable[[], Article]:
        """The store ``save()`` starts with, as a call another thread can make (the
        editor's timed autosave): it reads nothing of this session when it runs, and a
        conflict raises (``save()`` on this thread then sees whether it can rebase)."""
        assert self.article_id is not None
        article_id, version = self.article_id, self.version
        author, session = self.author, self.session_id
        fields = dict(fields)
        return lambda: articles.save_article(article_id, fields, expected_version=version,
                                             reason=reason, author=author,
                                             revision=revision, session=session)

    def saved(self, article: Article, *, revision: bool, edited_since: bool = False) -> None:
        """The database has the text at ``article.version``: the journal entry goes,
        unless the text was ``edited_since`` the store began (a store on another thread):
        then that newer text is still to be saved and journalled, from the new version."""
        self._at_stored(article)
        if revision:
            self.last_revision_at = time.monotonic()
        if edited_since:
            self.journal_dirty = True
            return
        self.forget_unsaved()
        self.journal.clear(article.id)

    def set_status(self, target: str) -> Article:
        """Move the story along the workflow (recorded as a revision)."""
        assert self.article_id is not None
        article = articles.set_status(self.article_id, target,
                                      expected_version=self.version, author=self.author)
        self._at_stored(article)
        self.last_revision_at = time.monotonic()
        return article

    def restore_revision(self, revision_id: int) -> None:
        from newsdesk.stories import revisions  # when first needed, not at the start

        assert self.article_id is not None
        revisions.restore_revision(self.article_id, revision_id,
                                   expected_version=self.version, author=self.author,
                                   session=self.session_id)

    def set_aside(self, fields: Mapping[str, Any], *, reason: str) -> None:
        """Keep the unsaved text as a revision (not the story's text) and drop it here."""
        from newsdesk.stories import revisions  # when first needed, not at the start

        assert self.article_id is not None
        revisions.record_unsaved(self.article_id, fields, base_version=self.version,
                                 reason=reason, author=self.author)
        self.journal.clear(self.article_id)
        self.forget_unsaved()

    # -- conflicts -----------------------------------------------------------------------
    def conflict(self) -> Article:
        """The story was saved elsewhere: their version; the session now waits for the
        user's choice (saves go to the journal only meanwhile)."""
        assert self.article_id is not None
        self.awaiting_choice = True
        return Article.get_by_id(self.article_id)

    def resolve(self, choice: str, mine: Mapping[str, Any], *,
                their_version: int) -> Article | None:
        """Settle a conflict: keep mine over theirs (returns the story), take theirs
        (None; mine goes to the revisions), or save mine as a new story (returns it)."""
        from newsdesk.stories import revisions  # when first needed, not at the start

        assert self.article_id is not None
        self.awaiting_choice = False
        if choice == KEEP_MINE:
            article = revisions.keep_mine(self.article_id, mine, their_version=their_version,
                                          author=self.author, session=self.session_id)
            self.saved(article, revision=True)
            return article
        if choice == TAKE_THEIRS:
            revisions.take_theirs(self.article_id, mine, base_version=self.version,
                                  author=self.author)
            self.journal.clear(self.article_id)
            return None
        if choice == SAVE_COPY:
            copy = revisions.save_as_copy(mine, author=self.author)
            self.journal.clear(self.article_id)
            return copy
        raise ValueError(f"unknown conflict choice: {choice!r}")

    # -- the trash -----------------------------------------------------------------------
    def check_trash(self) -> str | None:
        """Has the open story gone to the trash (TRASHED), been deleted for good
        (DELETED) or come back (BACK) since the session last knew? None if not."""
        if self.article_id is None:
            return None
        found = Article.select(Article.deleted_at).where(Article.id == self.article_id).first()
        in_trash = found is None or found.deleted_at is not None
        if in_trash and not (self.in_trash and self.gone == (found is None)):
            return DELETED if found is None else TRASHED
        if not in_trash and self.in_trash:
            return BACK
        return None

    def trashed(self, *, deleted: bool) -> None:
        self.in_trash, self.gone = True, deleted

    def back_from_trash(self) -> None:
        self.in_trash = self.gone = False

    def restore(self) -> bool:
        """Take the story out of the trash; False if it was deleted for good meanwhile."""
        assert self.article_id is not None
        return not self.gone and bool(articles.restore_from_trash([self.article_id]))

    def save_gone_as_new(self, fields: Mapping[str, Any]) -> Article:
        """The story was deleted for good: the text on screen becomes a new story."""
        from newsdesk.stories import revisions  # when first needed, not at the start

        copy = revisions.save_as_copy(fields, author=self.author)
        if self.article_id is not None:
            self.journal.clear(self.article_id)
        self.forget_unsaved()
        self.article_id = None  # SQLite may give the copy the gone story's id
        return copy
