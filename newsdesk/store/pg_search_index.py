"""The PostgreSQL full-text index over stories: a tsvector per story, kept by triggers.

Mirrors ``newsdesk.store.search_index`` (SQLite FTS5): the same fields, the tagged names
(canonical and aliases) included, and the same folding — ``newsdesk_fold`` replaces the
letters Unicode cannot decompose (``newsdesk.store.folding.FOLDED_LETTERS``: ``ə``->``a``,
``ı``/``İ``->``i``, ``ё``->``е``, ``ß``->``ss``, curly apostrophes), strips diacritics with the ``unaccent`` extension where the server allows it,
and lower-cases; the query side folds with ``newsdesk.search.folding.fold`` in Python.
"""

from __future__ import annotations

import peewee

from newsdesk.store.folding import FOLDED_LETTERS

# Long stories are indexed by their first 200,000 characters: a tsvector holds at most
# 1 MB, and a longer paste must never make a save fail.
INDEXED_BODY_CHARS = 200_000
# translate() maps one letter to one letter; longer replacements (ß) go through replace().
_FROM = "".join(before for before, after in FOLDED_LETTERS if len(after) == 1)
_TO = "".join(after for before, after in FOLDED_LETTERS if len(after) == 1)
_LONGER = tuple((before, after) for before, after in FOLDED_LETTERS if len(after) != 1)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _fold_function(with_unaccent: bool) -> str:
    inner = f"translate(coalesce(t, ''), {_quote(_FROM)}, {_quote(_TO)})"
    for before, after in _LONGER:
        inner = f"replace({inner}, {_quote(before)}, {_quote(after)})"
    body = f"lower(unaccent({inner}))" if with_unaccent else f"lower({inner})"
    return (f"CREATE OR REPLACE FUNCTION newsdesk_fold(t text) RETURNS text AS $$ "
            f"SELECT {body} $$ LANGUAGE sql STABLE")


# Separators the default parser would glue into one token ("05/11K" as a file path, an
# e-mail address, "3.5"): spaces instead, so tokens agree with SQLite's unicode61.
_SEPARATORS = "[/.:@_+-]"


def _words(expression: str) -> str:
    return (f"to_tsvector('simple', regexp_replace(newsdesk_fold({expression}), "
            f"'{_SEPARATORS}', ' ', 'g'))")


_NAMES = ("coalesce((SELECT string_agg(n, '; ') FROM ("
          "SELECT e.name AS n FROM article_tag t JOIN entity e ON e.id = t.entity_id "
          "WHERE t.article_id = aid UNION ALL SELECT al.name FROM article_tag t "
          "JOIN alias al ON al.entity_id = t.entity_id WHERE t.article_id = aid) names), '')")

_DOCUMENT = f"""
CREATE OR REPLACE FUNCTION newsdesk_article_document(aid integer) RETURNS tsvector AS $$
SELECT setweight({_words("a.headline")}, 'A')
    || setweight({_words(_NAMES)}, 'A')
    || setweight({_words("a.desk_code")}, 'B')
    || setweight({_words("a.footnote")}, 'C')
    || setweight({_words(f"left(a.body, {INDEXED_BODY_CHARS})")}, 'D')
FROM article a WHERE a.id = aid
$$ LANGUAGE sql STABLE
"""

_REINDEX = """
CREATE OR REPLACE FUNCTION newsdesk_reindex(aid integer) RETURNS void AS $$
INSERT INTO article_search (article_id, document)
SELECT aid, newsdesk_article_document(aid) WHERE EXISTS (SELECT 1 FROM article WHERE id = aid)
ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document
$$ LANGUAGE sql
"""

_TRIGGERS = """
CREATE OR REPLACE FUNCTION newsdesk_article_changed() RETURNS trigger AS $$
BEGIN PERFORM newsdesk_reindex(NEW.id); RETURN NULL; END; $$ LANGUAGE plpgsql;

CREATE OR REPLACE TRIGGER newsdesk_search_article
AFTER INSERT OR UPDATE OF headline, body, footnote, desk_code ON article
FOR EACH ROW EXECUTE FUNCTION newsdesk_article_changed();

CREATE OR REPLACE FUNCTION newsdesk_tag_changed() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM newsdesk_reindex(OLD.article_id); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM newsdesk_reindex(NEW.article_id); END IF;
    RETURN NULL;
END; $$ LANGUAGE plpgsql;

CREATE OR REPLACE TRIGGER newsdesk_search_tag
AFTER INSERT OR UPDATE OR DELETE ON article_tag
FOR EACH ROW EXECUTE FUNCTION newsdesk_tag_changed();

CREATE OR REPLACE FUNCTION newsdesk_names_changed() RETURNS trigger AS $$
DECLARE changed integer;
BEGIN
    IF TG_TABLE_NAME = 'entity' THEN
        changed := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
    ELSE
        changed := CASE WHEN TG_OP = 'DELETE' THEN OLD.entity_id ELSE NEW.entity_id END;
    END IF;
    PERFORM newsdesk_reindex(t.article_id) FROM article_tag t WHERE t.entity_id = changed;
    RETURN NULL;
END; $$ LANGUAGE plpgsql;

CREATE OR REPLACE TRIGGER newsdesk_search_alias
AFTER INSERT OR UPDATE OR DELETE ON alias
FOR EACH ROW EXECUTE FUNCTION newsdesk_names_changed();

CREATE OR REPLACE TRIGGER newsdesk_search_entity
AFTER UPDATE OF name ON entity
FOR EACH ROW EXECUTE FUNCTION newsdesk_names_changed();
"""


def _try_unaccent(database: peewee.Database) -> bool:
    """Use the unaccent extension if it is there or we may create it."""
    try:
        with database.atomic():
            database.execute_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
        return True
    except peewee.DatabaseError:
        return False


def install(database: peewee.Database) -> None:
    database.execute_sql(_fold_function(_try_unaccent(database)))
    database.execute_sql(
        "CREATE TABLE IF NOT EXISTS article_search (article_id integer PRIMARY KEY "
        "REFERENCES article(id) ON DELETE CASCADE, document tsvector NOT NULL)")
    database.execute_sql("CREATE INDEX IF NOT EXISTS article_search_document "
                         "ON article_search USING gin (document)")
    database.execute_sql(_DOCUMENT)
    database.execute_sql(_REINDEX)
    database.execute_sql(_TRIGGERS)


def rebuild(database: peewee.Database) -> None:
    database.execute_sql("DELETE FROM article_search")
    database.execute_sql("INSERT INTO article_search (article_id, document) "
                         "SELECT id, newsdesk_article_document(id) FROM article")
