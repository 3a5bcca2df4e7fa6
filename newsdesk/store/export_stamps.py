"""Export stamps: a per-story counter the database moves whenever something an export
prints about the story changes, so a re-export knows what changed without reading it all.

Table ``export_stamp (article_id, stamp)``. Triggers, for every writer (this program,
a colleague's, a script writing SQL), add one to a story's stamp when:

- the story's own stored fields change (not the edit lock or its heartbeat);
- a tag is added to it, removed from it or changed;
- a person or organisation tagged on it is renamed, changes kind or link;
- one of its reviews is approved, or stops being approved, or an approved one changes;
- a picture is added to it, changed or removed (migration 14);
- it joins or leaves a translation group, or another story of its group joins, leaves,
  is trashed or restored, or changes language or identity (migration 15: its ninjs names
  the group's other stories; the site's pages also depend on which of them are
  published, which the site's plan follows itself).

A changed story gets a stamp it never had. Stamps count within one database only: ``database_identity()`` names the database (a copy gets its own), and an
export made from another one is rewritten whole.
"""

from __future__ import annotations

import peewee

from newsdesk.store.dialect import install_sql, postgres_review_status_function
from newsdesk.store.models import SchemaInfo

DATABASE_ID_KEY = "database_id"

# The story's columns when migration 7 installed the triggers (frozen: an older database
# upgraded through migration 7 does not have the later ones yet).
_MIGRATION_7_COLUMNS = (
    "uuid", "slug", "headline", "dateline_place", "dateline_date", "dateline_source",
    "body", "footnote", "desk_code", "byline", "section", "language", "urgency", "status",
    "created_at", "updated_at", "published_at", "version", "deleted_at",
)
# Migration 10 added the agency identity and the last change (frozen, as above).
MIGRATION_10_COLUMNS = (
    *_MIGRATION_7_COLUMNS, "agency_uri", "agency_version", "agency_version_created",
    "agency_metadata", "change_kind", "change_note", "changed_at",
)
# Migration 14 added the embargo (frozen, as above).
MIGRATION_14_COLUMNS = (*MIGRATION_10_COLUMNS, "embargo_until")
# Everything of a story an export may print (or select it by): all but the edit lock and
# the import digest. Migration 15 added the translation group.
STAMPED_COLUMNS = (*MIGRATION_14_COLUMNS, "translation_group")

# A changed story gets a stamp no story ever had, not just its old one plus one: a story
# deleted and imported again (same uuid) must not meet its old stamp in an export's memo.
# SQLite takes the largest stamp plus one (rows of deleted stories stay, so it never goes
# back); PostgreSQL a sequence (no lock shared by all writers).
_SQLITE_NEXT = "(SELECT coalesce(max(stamp), 0) + 1 FROM export_stamp)"
_SQLITE_SETUP = (
    "CREATE TABLE IF NOT EXISTS export_stamp (article_id INTEGER PRIMARY KEY, "
    "stamp INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS export_stamp_stamp ON export_stamp (stamp)",
    "INSERT INTO export_stamp (article_id, stamp) SELECT id, 1 FROM article "
    "WHERE id NOT IN (SELECT article_id FROM export_stamp)",
)


def _sqlite_bump(article_id: str) -> str:
    return f"UPDATE export_stamp SET stamp = {_SQLITE_NEXT} WHERE article_id = {article_id};"


def _sqlite_article_update(columns: tuple[str, ...]) -> str:
    return (f"CREATE TRIGGER IF NOT EXISTS export_stamp_article_update AFTER UPDATE OF "
            f"{', '.join(columns)} ON article BEGIN {_sqlite_bump('NEW.id')} END")


_SQLITE_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS export_stamp_article_insert AFTER INSERT ON article BEGIN "
    f"INSERT OR REPLACE INTO export_stamp (article_id, stamp) VALUES (NEW.id, {_SQLITE_NEXT});"
    " END",
    _sqlite_article_update(_MIGRATION_7_COLUMNS),
    "CREATE TRIGGER IF NOT EXISTS export_stamp_tag_insert AFTER INSERT ON article_tag BEGIN "
    f"{_sqlite_bump('NEW.article_id')} END",
    "CREATE TRIGGER IF NOT EXISTS export_stamp_tag_delete AFTER DELETE ON article_tag BEGIN "
    f"{_sqlite_bump('OLD.article_id')} END",
    "CREATE TRIGGER IF NOT EXISTS export_stamp_tag_update AFTER UPDATE ON article_tag BEGIN "
    f"{_sqlite_bump('OLD.article_id')} {_sqlite_bump('NEW.article_id')} END",
    "CREATE TRIGGER IF NOT EXISTS export_stamp_entity_update AFTER UPDATE OF name, kind, uri "
    f"ON entity BEGIN UPDATE export_stamp SET stamp = {_SQLITE_NEXT} WHERE article_id IN "
    "(SELECT article_id FROM article_tag WHERE entity_id = NEW.id); END",
    "CREATE TRIGGER IF NOT EXISTS export_stamp_review_insert AFTER INSERT ON review "
    f"WHEN NEW.status = 'approved' BEGIN {_sqlite_bump('NEW.article_id')} END",
    "CREATE TRIGGER IF NOT EXISTS export_stamp_review_delete AFTER DELETE ON review "
    f"WHEN OLD.status = 'approved' BEGIN {_sqlite_bump('OLD.article_id')} END",
    "CREATE TRIGGER IF NOT EXISTS export_stamp_review_update AFTER UPDATE ON review "
    "WHEN OLD.status = 'approved' OR NEW.status = 'approved' BEGIN "
    f"{_sqlite_bump('OLD.article_id')} {_sqlite_bump('NEW.article_id')} END",
)

_POSTGRES_NEXT = "nextval('export_stamp_sequence')"
_POSTGRES_SETUP = (
    "CREATE SEQUENCE IF NOT EXISTS export_stamp_sequence",
    "CREATE TABLE IF NOT EXISTS export_stamp (article_id INTEGER PRIMARY KEY, "
    "stamp BIGINT NOT NULL)",
    f"INSERT INTO export_stamp (article_id, stamp) SELECT id, {_POSTGRES_NEXT} FROM article "
    "ON CONFLICT (article_id) DO NOTHING",
)


def _postgres_bump(article_id: str) -> str:
    return f"UPDATE export_stamp SET stamp = {_POSTGRES_NEXT} WHERE article_id = {article_id};"


_POSTGRES_FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION newsdesk_stamp_article() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO export_stamp (article_id, stamp) VALUES (NEW.id, {_POSTGRES_NEXT})
        ON CONFLICT (article_id) DO UPDATE SET stamp = EXCLUDED.stamp;
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM export_stamp WHERE article_id = OLD.id;
    ELSE
        {_postgres_bump('NEW.id')}
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION newsdesk_stamp_tag() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN {_postgres_bump('OLD.article_id')} END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN {_postgres_bump('NEW.article_id')} END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION newsdesk_stamp_entity() RETURNS trigger AS $$
BEGIN
    UPDATE export_stamp SET stamp = {_POSTGRES_NEXT} WHERE article_id IN
        (SELECT article_id FROM article_tag WHERE entity_id = NEW.id);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

"""
_POSTGRES_REVIEW_FUNCTION = postgres_review_status_function(
    "newsdesk_stamp_review", "approved", _postgres_bump("OLD.article_id"),
    _postgres_bump("NEW.article_id"))
def _postgres_article_trigger(columns: tuple[str, ...]) -> str:
    return ("CREATE OR REPLACE TRIGGER newsdesk_stamp_article AFTER INSERT OR DELETE OR "
            f"UPDATE OF {', '.join(columns)} ON article FOR EACH ROW EXECUTE FUNCTION "
            "newsdesk_stamp_article()")


_POSTGRES_TRIGGERS = (
    _postgres_article_trigger(_MIGRATION_7_COLUMNS),
    "CREATE OR REPLACE TRIGGER newsdesk_stamp_tag AFTER INSERT OR DELETE OR UPDATE ON "
    "article_tag FOR EACH ROW EXECUTE FUNCTION newsdesk_stamp_tag()",
    "CREATE OR REPLACE TRIGGER newsdesk_stamp_entity AFTER UPDATE OF name, kind, uri ON "
    "entity FOR EACH ROW EXECUTE FUNCTION newsdesk_stamp_entity()",
    "CREATE OR REPLACE TRIGGER newsdesk_stamp_review AFTER INSERT OR DELETE OR UPDATE ON "
    "review FOR EACH ROW EXECUTE FUNCTION newsdesk_stamp_review()",
)


def install(database: peewee.Database) -> None:
    """Migration step: the stamp table, its triggers, a stamp for every story there is,
    and the database's identity."""
    import uuid  # a migration step: not on the window's start (lean_peewee.py)

    install_sql(database, sqlite=[*_SQLITE_SETUP, *_SQLITE_TRIGGERS],
                postgres=[*_POSTGRES_SETUP, _POSTGRES_FUNCTIONS, _POSTGRES_REVIEW_FUNCTION,
                          *_POSTGRES_TRIGGERS])
    (SchemaInfo.insert(key=DATABASE_ID_KEY, value=uuid.uuid4().hex)
     .on_conflict_ignore().execute())


def watch_columns(database: peewee.Database,
                  columns: tuple[str, ...] = STAMPED_COLUMNS) -> None:
    """Migration step: the story's update trigger watches ``columns`` (every column in
    ``STAMPED_COLUMNS`` by default; a migration names the ones it knew)."""
    install_sql(database,
                sqlite=["DROP TRIGGER IF EXISTS export_stamp_article_update",
                        _sqlite_article_update(columns)],
                postgres=[_postgres_article_trigger(columns)])


_SQLITE_PICTURE_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS export_stamp_picture_insert AFTER INSERT ON picture BEGIN "
    f"{_sqlite_bump('NEW.article_id')} END",
    "CREATE TRIGGER IF NOT EXISTS export_stamp_picture_delete AFTER DELETE ON picture BEGIN "
    f"{_sqlite_bump('OLD.article_id')} END",
    "CREATE TRIGGER IF NOT EXISTS export_stamp_picture_update AFTER UPDATE ON picture BEGIN "
    f"{_sqlite_bump('OLD.article_id')} {_sqlite_bump('NEW.article_id')} END",
)
_POSTGRES_PICTURE_TRIGGER = (
    "CREATE OR REPLACE TRIGGER newsdesk_stamp_picture AFTER INSERT OR DELETE OR UPDATE ON "
    "picture FOR EACH ROW EXECUTE FUNCTION newsdesk_stamp_tag()")


def watch_pictures(database: peewee.Database) -> None:
    """Migration step: a picture added to a story, changed or removed moves its stamp
    (PostgreSQL shares the tags' function: both rows name their story ``article_id``)."""
    install_sql(database, sqlite=list(_SQLITE_PICTURE_TRIGGERS),
                postgres=[_POSTGRES_PICTURE_TRIGGER])


def watch_place_coordinates(database: peewee.Database) -> None:
    """Migration step (12): a place's coordinates are printed in ninjs, so moving a place
    re-exports the stories tagged with it, as renaming it does."""
    install_sql(database,
                sqlite=["CREATE TRIGGER IF NOT EXISTS export_stamp_entity_coordinates AFTER "
                        "UPDATE OF latitude, longitude ON entity BEGIN UPDATE export_stamp "
                        f"SET stamp = {_SQLITE_NEXT} WHERE article_id IN (SELECT article_id "
                        "FROM article_tag WHERE entity_id = NEW.id); END"],
                postgres=["CREATE OR REPLACE TRIGGER newsdesk_stamp_entity AFTER UPDATE OF "
                          "name, kind, uri, latitude, longitude ON entity FOR EACH ROW "
                          "EXECUTE FUNCTION newsdesk_stamp_entity()"])


# What ninjs prints of a story's translations (their identity and language) and which of
# them there are (membership, the trash).
_SIBLING_COLUMNS = "translation_group, deleted_at, language, uuid, agency_uri"
_SQLITE_SIBLINGS_TRIGGER = (
    "CREATE TRIGGER IF NOT EXISTS export_stamp_translation_siblings AFTER UPDATE OF "
    f"{_SIBLING_COLUMNS} ON article WHEN OLD.translation_group IS NOT NULL OR "
    f"NEW.translation_group IS NOT NULL BEGIN UPDATE export_stamp SET stamp = {_SQLITE_NEXT} "
    "WHERE article_id IN (SELECT id FROM article WHERE translation_group IN "
    "(OLD.translation_group, NEW.translation_group) AND id != NEW.id); END")
_POSTGRES_SIBLINGS = (
    f"""
CREATE OR REPLACE FUNCTION newsdesk_stamp_translation_siblings() RETURNS trigger AS $$
BEGIN
    UPDATE export_stamp SET stamp = {_POSTGRES_NEXT} WHERE article_id IN
        (SELECT id FROM article WHERE translation_group IN
         (OLD.translation_group, NEW.translation_group) AND id <> NEW.id);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
""",
    "CREATE OR REPLACE TRIGGER newsdesk_stamp_translation_siblings AFTER UPDATE OF "
    f"{_SIBLING_COLUMNS} ON article FOR EACH ROW WHEN (OLD.translation_group IS NOT NULL "
    "OR NEW.translation_group IS NOT NULL) EXECUTE FUNCTION "
    "newsdesk_stamp_translation_siblings()",
)


def watch_translation_siblings(database: peewee.Database) -> None:
    """Migration step (15): a story joining or leaving a group, trashed or restored, or
    changing language or identity moves the stamps of the group's other stories (their
    ninjs lists it), whoever writes."""
    install_sql(database, sqlite=[_SQLITE_SIBLINGS_TRIGGER], postgres=list(_POSTGRES_SIBLINGS))


def database_identity() -> str:
    """This database's own name (made once, by the migration; not copied with the data)."""
    row = SchemaInfo.get_or_none(SchemaInfo.key == DATABASE_ID_KEY)
    return row.value if row is not None else ""
