"""peewee models: the one description of what newsdesk stores.

Models bind to ``database_proxy``; ``newsdesk.store.db.open_database`` chooses the real
database (a SQLite file or a PostgreSQL URL) at run time. The tables themselves are created
and changed only by the numbered migrations in ``newsdesk.store.migrations``.
"""

from __future__ import annotations

from collections.abc import Iterable

from peewee import (
    SQL,
    AutoField,
    BigIntegerField,
    BlobField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from newsdesk.store.timestamps import utcnow

database_proxy = DatabaseProxy()

STATUSES = ("draft", "edited", "ready", "published", "killed")
REVIEW_STATUSES = ("pending", "approved", "rejected", "spam")
ENTITY_KINDS = ("person", "organisation", "place")
# ``located``: where the story happens (the dateline place is tagged so on its own).
TAG_RELATIONS = ("about", "mentioned", "located")
# ``Review.moderated_by`` of a decision the moderation rules made (on import or recheck).
RULES_MODERATOR = "(rules)"


# The database's own default for columns added by later migrations, so rows written by a
# script (or an older newsdesk sharing the server) that does not name them still go in.
EMPTY = SQL("DEFAULT ''")


def new_uuid() -> str:
    import uuid  # not on the window's start (lean_peewee.py)

    return str(uuid.uuid4())


class BaseModel(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class SchemaInfo(BaseModel):
    """Key/value facts about the database itself (``schema_version``)."""

    key = CharField(primary_key=True)
    value = TextField()


class Setting(BaseModel):
    """Newsroom-wide settings shared by everyone on this database (e.g. ``max_links``)."""

    key = CharField(primary_key=True)
    value = TextField()

    @classmethod
    def get_value(cls, key: str, default: str | None = None) -> str | None:
        """The stored value of ``key``, or ``default`` when it was never set."""
        row = cls.get_or_none(cls.key == key)
        return row.value if row is not None else default

    @classmethod
    def get_values(cls, keys: Iterable[str], default: str = "") -> dict[str, str]:
        """Several settings in one query (``default`` for those never set)."""
        keys = list(keys)
        found = dict(cls.select(cls.key, cls.value).where(cls.key.in_(keys)).tuples())
        return {key: found.get(key, default) for key in keys}

    @classmethod
    def put(cls, key: str, value: str) -> None:
        """Store ``value`` under ``key``, replacing any earlier one. An upsert that both
        SQLite and PostgreSQL understand (``REPLACE INTO`` is SQLite's own); it opens no
        transaction, so it joins the caller's."""
        (cls.insert(key=key, value=value)
         .on_conflict(conflict_target=[cls.key], update={cls.value: value}).execute())


class Article(BaseModel):
    id = AutoField()
    uuid = CharField(unique=True, default=new_uuid)
    slug = CharField(unique=True)
    headline = TextField(default="")
    dateline_place = CharField(default="")
    dateline_date = DateField(null=True)
    dateline_source = CharField(default="")
    body = TextField(default="")
    footnote = TextField(default="")
    desk_code = CharField(default="")
    byline = CharField(default="")
    section = CharField(default="", index=True)
    language = CharField(default="en", index=True)
    urgency = IntegerField(default=5)
    status = CharField(default="draft", index=True)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow, index=True)
    published_at = DateTimeField(null=True)
    version = IntegerField(default=1)
    deleted_at = DateTimeField(null=True, index=True)
    # Team mode: who has the story open for editing, refreshed by a heartbeat.
    locked_by = CharField(null=True)
    locked_at = DateTimeField(null=True)
    lock_session = CharField(null=True)  # the window holding the lock (migration 9)
    # Agency identity (migration 10): a story from an agency keeps the agency's ``uri``,
    # ``version`` and ``versioncreated`` as written, so the agency's next version of it
    # updates this story. Text columns: another system's identifiers have no length limit.
    agency_uri = TextField(null=True, unique=True)
    agency_version = TextField(default="", constraints=[EMPTY])
    agency_version_created = TextField(default="", constraints=[EMPTY])  # with its offset
    # What the agency's file says that newsdesk does not edit (ninjs subjects, places,
    # copyright notice, ...), a JSON object in ninjs 2.x names ("" when none).
    agency_metadata = TextField(default="", constraints=[EMPTY])
    # A digest of the fields as last imported: a file without a version that brings
    # nothing new since then is skipped, even if the desk has edited the story since.
    import_digest = CharField(default="", constraints=[EMPTY])
    # The last update from the source: "update" or "correction" ("" for none), its note
    # and when it was made; the site prints "Updated HH:MM" and a correction note.
    change_kind = CharField(default="", constraints=[EMPTY])
    change_note = TextField(default="", constraints=[EMPTY])
    changed_at = DateTimeField(null=True)
    # The same story told in other languages shares one group (migration 12); None: alone.
    translation_group = CharField(null=True, index=True)
    # Not exported before this moment (naive UTC like every stored time; migration 14).
    embargo_until = DateTimeField(null=True)

    class Meta:
        # Wire copy names no identity: it is found again by its dateline (migration 10).
        indexes = ((("dateline_date", "dateline_source"), False),)


class ExportStamp(BaseModel):
    """A story's export stamp, kept by triggers only (``store/export_stamps.py``); made by
    migration 7, not by ``create_tables`` and not copied with the data."""

    article_id = IntegerField(primary_key=True)
    stamp = BigIntegerField()

    class Meta:
        table_name = "export_stamp"


# The fields a user edits; revisions snapshot exactly these.
EDITABLE_FIELDS = (
    "headline", "dateline_place", "dateline_date", "dateline_source", "body", "footnote",
    "desk_code", "byline", "section", "language", "urgency", "status", "embargo_until",
)


class Revision(BaseModel):
    id = AutoField()
    article = ForeignKeyField(Article, backref="revisions", on_delete="CASCADE")
    created_at = DateTimeField(default=utcnow)
    author = CharField(default="")
    # save | autosave | restore | conflict | import | update | correction | status ...
    reason = CharField(default="save")
    version = IntegerField()
    status = CharField()
    word_count = IntegerField(default=0)
    snapshot = TextField()  # JSON object of EDITABLE_FIELDS
    # An update or correction from the source (migration 10): its note (e.g. the agency's
    # editorial note) and the source's version of the story it brought.
    note = TextField(default="", constraints=[EMPTY])
    agency_version = TextField(default="", constraints=[EMPTY])


class Entity(BaseModel):
    id = AutoField()
    kind = CharField(index=True)  # person | organisation | place
    name = CharField()
    normalized = CharField(index=True, default="")  # folded name, see entities.normalize_name
    description = TextField(default="")
    uri = CharField(null=True)
    # A place's coordinates in WGS 84 degrees (migration 13); None for people and bodies.
    latitude = FloatField(null=True)
    longitude = FloatField(null=True)
    created_at = DateTimeField(default=utcnow)
    # Set when merged into another entity, so a merge can be undone without loss.
    merged_into = ForeignKeyField("self", null=True, backref="merged", on_delete="SET NULL")


class Alias(BaseModel):
    id = AutoField()
    entity = ForeignKeyField(Entity, backref="aliases", on_delete="CASCADE")
    name = CharField()
    normalized = CharField(index=True)  # folded form used for matching


class ArticleTag(BaseModel):
    id = AutoField()
    article = ForeignKeyField(Article, backref="tags", on_delete="CASCADE")
    entity = ForeignKeyField(Entity, backref="tags", on_delete="CASCADE")
    relation = CharField(default="about")  # about | mentioned | located

    class Meta:
        indexes = ((("article", "entity"), True),)


class DismissedSuggestion(BaseModel):
    """A tag suggestion the editor dismissed for one story; it is not offered again."""

    id = AutoField()
    article = ForeignKeyField(Article, backref="dismissed", on_delete="CASCADE")
    key = CharField()

    class Meta:
        indexes = ((("article", "key"), True),)


class Review(BaseModel):
    id = AutoField()
    external_id = CharField(unique=True)
    article = ForeignKeyField(Article, backref="reviews", on_delete="CASCADE")
    author = CharField(default="")
    email = CharField(default="", index=True)
    text = TextField()
    text_hash = CharField(index=True)  # folded text digest, finds repeated posts
    rating = IntegerField(null=True)
    submitted_at = DateTimeField()
    imported_at = DateTimeField(default=utcnow)
    status = CharField(default="pending", index=True)
    moderated_at = DateTimeField(null=True)
    # Who decided (migration 11): a moderator's name, RULES_MODERATOR for the automatic
    # rules, "" while pending and for decisions made before it was recorded. The SQL
    # default keeps raw INSERTs (imports, the benchmarks' synthetic newsroom) working.
    moderated_by = CharField(default="", constraints=[SQL("DEFAULT ''")])

    class Meta:
        # (status, submitted_at, id): the moderation queues page in this order (migration 5).
        # The two time indexes serve the dashboard's figures per day (migration 11).
        indexes = ((("article", "status"), False), (("status", "submitted_at", "id"), False),
                   (("submitted_at", "status"), False),
                   (("moderated_at", "moderated_by", "status", "submitted_at"), False))


class ReviewFlag(BaseModel):
    id = AutoField()
    review = ForeignKeyField(Review, backref="flags", on_delete="CASCADE")
    code = CharField()  # links | suspect | repeat | shouting | banned_word | banned_author
    reason = TextField()


class ModerationRule(BaseModel):
    """One moderation rule: a banned or suspect word, or a banned author (email or name)."""

    id = AutoField()
    kind = CharField(index=True)  # banned_word | suspect_word | banned_author
    value = CharField()
    created_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("kind", "value"), True),)


class NewsroomWord(BaseModel):
    """A word the newsroom added to its spelling dictionary ("" language: every language)."""

    id = AutoField()
    word = CharField()
    language = CharField(default="")
    added_by = CharField(default="")
    added_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "newsroom_word"
        indexes = ((("word", "language"), True),)


class IgnoredWord(BaseModel):
    """A word the spell check leaves alone in one story ("Ignore in this story"; migration
    16), kept in the spelling dictionaries' lower case."""

    id = AutoField()
    article = ForeignKeyField(Article, backref="ignored_words", on_delete="CASCADE")
    word = CharField()
    ignored_by = CharField(default="")
    ignored_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "ignored_word"
        indexes = ((("article", "word"), True),)


class ArchiveWord(BaseModel):
    """How many published stories of a language used a word: Azerbaijani's spelling list."""

    id = AutoField()
    language = CharField()
    word = CharField()
    stories = IntegerField(default=0)

    class Meta:
        table_name = "archive_word"
        indexes = ((("language", "word"), True),)


class ArchiveStory(BaseModel):
    """The version of each published story whose words ``ArchiveWord`` has counted."""

    article_id = IntegerField(primary_key=True)
    version = IntegerField()

    class Meta:
        table_name = "archive_story"


class PictureBlob(BaseModel):
    """An image file as it was added, once however many stories use it (migration 14):
    found again by the SHA-256 of its bytes. Width and height are as shown (after the
    EXIF orientation)."""

    id = AutoField()
    sha256 = CharField(unique=True)
    content_type = CharField()  # image/jpeg | image/png | image/webp
    width = IntegerField()
    height = IntegerField()
    size = IntegerField()
    data = BlobField()
    created_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "picture_blob"


class Picture(BaseModel):
    """A picture in a story (migration 14): its image, caption, credit and alt text
    (required before the story is ready), its place among the story's pictures, and
    whether it leads the story."""

    id = AutoField()
    article = ForeignKeyField(Article, backref="pictures", on_delete="CASCADE")
    blob = ForeignKeyField(PictureBlob, backref="pictures", on_delete="RESTRICT")
    position = IntegerField(default=0)
    caption = TextField(default="")
    credit = TextField(default="")
    alt = TextField(default="")
    lead = BooleanField(default=False)
    filename = TextField(default="")  # the file's own name when it was added
    created_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("article", "blob"), True), (("article", "position"), False))


ALL_MODELS = (
    SchemaInfo, Setting, Article, Revision, Entity, Alias, ArticleTag, DismissedSuggestion,
    Review, ReviewFlag, ModerationRule, NewsroomWord, ArchiveWord, ArchiveStory,
    PictureBlob, Picture, IgnoredWord,
)


# -- Offline replicas (migration 18, ``store/sync_sequence.py``) ----------------------------
# Made by that migration, not by ``create_tables`` of the initial schema, and never copied
# with the data: the server keeps the change sequence, a replica its bookkeeping.


class SyncChange(BaseModel):
    """The server's change sequence: the last change number of every row of a replicated
    table, kept by triggers; ``deleted`` marks a row deleted since (a tombstone). ``xid``
    is the writing transaction, so a pull can come back for changes that were not yet
    committed when it read (their numbers may be lower than ones it saw)."""

    table_name = CharField()
    row_id = IntegerField()
    seq = BigIntegerField(index=True)
    deleted = BooleanField(default=False)
    xid = CharField(null=True)

    class Meta:
        table_name = "sync_change"
        primary_key = False
        indexes = ((("table_name", "row_id"), True),)


class NeedsLook(BaseModel):
    """A story a person must look at: an offline edit met a colleague's edit of the same
    story. The colleague's version stayed; the offline one is the revision named here."""

    id = AutoField()
    article = ForeignKeyField(Article, backref="needs_look", on_delete="CASCADE")
    revision = ForeignKeyField(Revision, null=True, on_delete="SET NULL")
    replica = CharField(default="")  # the replica that sent the offline edit
    author = CharField(default="")
    content_hash = CharField()  # the offline version's fields, so a rerun records it once
    created_at = DateTimeField(default=utcnow)
    resolved_at = DateTimeField(null=True)

    class Meta:
        table_name = "needs_look"


class SyncState(BaseModel):
    """A replica's facts about its server (key/value): which server, the last change
    number pulled, the transactions still open at that pull, whether to keep every
    story's full text."""

    key = CharField(primary_key=True)
    value = TextField()

    class Meta:
        table_name = "sync_state"


class SyncRow(BaseModel):
    """A replica's row pulled from the server: the server's id for it, and what it was
    when pulled (``base_hash``: the fields a push compares; ``base_version`` and
    ``base_deleted``: the story's version and trash state, which every newsdesk edit of
    a story moves, so a sync hashes only the stories they changed), so a local change and
    a change on the server are both noticed. ``full``:
    a story whose full text is here (otherwise only its header)."""

    table_name = CharField()
    server_id = IntegerField()
    local_id = IntegerField()
    base_hash = CharField(default="")
    base_version = IntegerField(default=0)
    base_deleted = BooleanField(default=False)  # a story in the trash when pulled
    parent_id = IntegerField(default=0)  # a tag's story here (local id)
    full = BooleanField(default=True)

    class Meta:
        table_name = "sync_row"
        primary_key = False
        indexes = ((("table_name", "server_id"), True), (("table_name", "local_id"), True))


class SyncKeep(BaseModel):
    """A story the user chose to keep offline with its full text (by uuid)."""

    uuid = CharField(primary_key=True)

    class Meta:
        table_name = "sync_keep"


SYNC_MODELS = (SyncChange, NeedsLook, SyncState, SyncRow, SyncKeep)
