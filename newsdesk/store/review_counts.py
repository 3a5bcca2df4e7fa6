"""Each story's count of pending reviews, kept by triggers, so the story list can sort by it
through an index (counting for every story on each page took ~70 ms at 100,000 stories).

Table ``review_pending (article_id, pending)``: a row for every story, made with it and
gone with it; every write of a review (this program's, a colleague's, a script's) moves
the counts it changes. The list reads it only to sort; what it shows is counted directly.
"""

from __future__ import annotations

import peewee

from newsdesk.store.dialect import install_sql, postgres_review_status_function

_SETUP = (
    "CREATE TABLE IF NOT EXISTS review_pending (article_id INTEGER PRIMARY KEY, "
    "pending INTEGER NOT NULL DEFAULT 0)",
    "CREATE INDEX IF NOT EXISTS review_pending_order ON review_pending (pending, article_id)",
    "DELETE FROM review_pending",
    "INSERT INTO review_pending (article_id, pending) SELECT a.id, (SELECT count(*) FROM "
    "review r WHERE r.article_id = a.id AND r.status = 'pending') FROM article a",
)


def _add(amount: str, article_id: str, condition: str = "") -> str:
    where = f" AND {condition}" if condition else ""
    return (f"UPDATE review_pending SET pending = pending {amount} "
            f"WHERE article_id = {article_id}{where};")


_SQLITE_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS review_pending_article_insert AFTER INSERT ON article "
    "BEGIN INSERT OR REPLACE INTO review_pending (article_id, pending) VALUES (NEW.id, 0); END",
    "CREATE TRIGGER IF NOT EXISTS review_pending_article_delete AFTER DELETE ON article "
    "BEGIN DELETE FROM review_pending WHERE article_id = OLD.id; END",
    "CREATE TRIGGER IF NOT EXISTS review_pending_insert AFTER INSERT ON review "
    f"WHEN NEW.status = 'pending' BEGIN {_add('+ 1', 'NEW.article_id')} END",
    "CREATE TRIGGER IF NOT EXISTS review_pending_delete AFTER DELETE ON review "
    f"WHEN OLD.status = 'pending' BEGIN {_add('- 1', 'OLD.article_id')} END",
    "CREATE TRIGGER IF NOT EXISTS review_pending_update AFTER UPDATE OF status, article_id "
    "ON review WHEN OLD.status = 'pending' OR NEW.status = 'pending' BEGIN "
    f"{_add('- 1', 'OLD.article_id', 'OLD.status = ' + repr('pending'))} "
    f"{_add('+ 1', 'NEW.article_id', 'NEW.status = ' + repr('pending'))} END",
)

_POSTGRES_ARTICLE_FUNCTION = """
CREATE OR REPLACE FUNCTION newsdesk_pending_article() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO review_pending (article_id, pending) VALUES (NEW.id, 0)
        ON CONFLICT (article_id) DO UPDATE SET pending = 0;
    ELSE
        DELETE FROM review_pending WHERE article_id = OLD.id;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""
_POSTGRES_REVIEW_FUNCTION = postgres_review_status_function(
    "newsdesk_pending_review", "pending", _add("- 1", "OLD.article_id"),
    _add("+ 1", "NEW.article_id"))
_POSTGRES_TRIGGERS = (
    "CREATE OR REPLACE TRIGGER newsdesk_pending_article AFTER INSERT OR DELETE ON article "
    "FOR EACH ROW EXECUTE FUNCTION newsdesk_pending_article()",
    "CREATE OR REPLACE TRIGGER newsdesk_pending_review AFTER INSERT OR DELETE OR UPDATE OF "
    "status, article_id ON review FOR EACH ROW EXECUTE FUNCTION newsdesk_pending_review()",
)


def install(database: peewee.Database) -> None:
    """Migration step: the table, filled from the reviews there are, and its triggers."""
    install_sql(database, sqlite=[*_SETUP, *_SQLITE_TRIGGERS],
                postgres=[*_SETUP, _POSTGRES_ARTICLE_FUNCTION, _POSTGRES_REVIEW_FUNCTION,
                          *_POSTGRES_TRIGGERS])
