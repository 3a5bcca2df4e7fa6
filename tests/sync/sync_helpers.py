"""A small newsroom on the team server, offline work on a replica, and whole-newsroom
views of both sides to compare field by field."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from newsdesk.cli import main
from newsdesk.people.registry import create_entity, find_by_name, tag_article, untag_article
from newsdesk.store.db import create_database, open_database
from newsdesk.store.models import (
    Alias,
    Article,
    ArticleTag,
    Entity,
    ModerationRule,
    NeedsLook,
    NewsroomWord,
    Picture,
    PictureBlob,
    Review,
    ReviewFlag,
    Revision,
)
from newsdesk.store.opened import OpenedDatabase
from newsdesk.stories.articles import create_article, get_article, save_article
from newsdesk.sync.binding import using
from newsdesk.sync.report import SyncReport
from newsdesk.sync.run import sync
from newsdesk.sync.tables import SPECS, pulled_fields

ARTICLE_FIELDS = [f.name for f in pulled_fields(SPECS["article"]) if f.name != "id"]


def plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime | date) else value


def build_newsroom(server_url: str, folder: Path) -> None:
    """Three stories (one with tags, history and reviews), people, the dictionary and
    the moderation rules, written the way the newsroom writes them."""
    server = open_database(server_url)
    with using(server):
        budget = create_article({
            "headline": "Parliament passes amended media law", "body": "The Milli Majlis "
            "adopted the amended law.", "footnote": "The law was first debated in February.",
            "dateline_place": "Baku", "dateline_date": date(2023, 3, 14),
            "dateline_source": "Turan", "desk_code": "-05/11K-", "section": "politics",
            "language": "en", "urgency": 3, "status": "edited"},
            slug="media-law", author="aysel")
        save_article(budget.id, {"body": "The Milli Majlis adopted the amended law on "
                                         "Tuesday."}, expected_version=1, revision=True,
                     reason="save", author="aysel")
        create_article({"headline": "Flood relief reaches Sabirabad", "body": "Aid arrived.",
                        "status": "ready", "language": "az"}, slug="flood-relief")
        create_article({"headline": "Ceasefire talks resume", "body": "Talks resumed.",
                        "status": "draft"}, slug="ceasefire")
        person = create_entity("person", "Rauf Mammadov", aliases=["Rauf Mamedov"])
        union = create_entity("organisation", "Press Freedom Union")
        tag_article(budget.id, person.id, "about")
        tag_article(budget.id, union.id, "mentioned")
        NewsroomWord.create(word="Majlis", language="en", added_by="aysel")
        ModerationRule.create(kind="suspect_word", value="casino")
    server.close()
    reviews = [
        {"id": "r-1", "article": "media-law", "author": "Leyla", "email": "leyla@example.com",
         "text": "A fair report.", "submitted": "2023-03-14T18:02:11+04:00"},
        {"id": "r-2", "article": "media-law", "author": "Spammer", "email": "s@example.com",
         "text": "Win at the casino http://a.example http://b.example",
         "submitted": "2023-03-14T19:00:00+04:00"},
        {"id": "r-3", "article": "flood-relief", "author": "Kamran", "email": "k@example.com",
         "text": "Thank you.", "submitted": "2023-03-15T09:00:00+04:00"},
    ]
    path = folder / "reviews.json"
    path.write_text(json.dumps(reviews), encoding="utf-8")
    assert main(["reviews", "import", str(path), "--db", server_url]) == 0


def run_sync(server_url: str, replica_path: Path, **options: Any) -> SyncReport:
    server = open_database(server_url)
    replica = create_database(replica_path)
    try:
        return sync(server, replica, **options)
    finally:
        replica.close()
        server.close()


def newsroom_view(opened: OpenedDatabase, *, header_only: set[str] = frozenset()) -> dict:
    """Everything a replica holds, keyed by what both sides share (uuids, names,
    external ids), not by row ids; ``header_only``: stories compared by their header."""
    with using(opened):
        stories = {}
        for article in Article.select().order_by(Article.uuid):
            fields = {name: plain(getattr(article, name)) for name in ARTICLE_FIELDS}
            if article.uuid in header_only:
                fields.pop("body")
                fields.pop("footnote")
            else:
                fields["tags"] = sorted(
                    (t.entity.kind, t.entity.name, t.relation)
                    for t in ArticleTag.select(ArticleTag, Entity).join(Entity)
                    .where(ArticleTag.article == article.id))
                fields["revisions"] = sorted(
                    (plain(r.created_at), r.reason, r.version, r.status, r.snapshot, r.note,
                     r.author) for r in Revision.select().where(Revision.article == article.id))
                fields["reviews"] = sorted(
                    (r.external_id, r.author, r.email, r.text, r.status, r.moderated_by,
                     plain(r.submitted_at), plain(r.moderated_at),
                     sorted((f.code, f.reason) for f in
                            ReviewFlag.select().where(ReviewFlag.review == r.id)))
                    for r in Review.select().where(Review.article == article.id))
                fields["pictures"] = sorted(
                    (p.blob.sha256, p.blob.content_type, p.blob.width, p.blob.height,
                     bytes(p.blob.data), p.position, p.caption, p.credit, p.alt, p.lead,
                     p.filename, plain(p.created_at))
                    for p in Picture.select(Picture, PictureBlob).join(PictureBlob)
                    .where(Picture.article == article.id))
            stories[article.uuid] = fields
        entities = sorted(
            (e.kind, e.name, e.normalized, e.description, e.uri,
             sorted(a.name for a in Alias.select().where(Alias.entity == e.id)))
            for e in Entity.select())
        words = sorted((w.word, w.language, w.added_by) for w in NewsroomWord.select())
        rules = sorted((r.kind, r.value) for r in ModerationRule.select())
    return {"stories": stories, "entities": entities, "words": words, "rules": rules}


def sides(url: str, replica: Path, **view: Any) -> tuple[dict, dict]:
    """The whole newsroom as the server and as the replica hold it (``newsroom_view``)."""
    server, copy = open_database(url), open_database(str(replica))
    try:
        return newsroom_view(server, **view), newsroom_view(copy, **view)
    finally:
        copy.close()
        server.close()


def counts(opened: OpenedDatabase) -> dict[str, int]:
    with using(opened):
        return {"article": Article.select().count(), "revision": Revision.select().count(),
                "tag": ArticleTag.select().count(), "entity": Entity.select().count(),
                "review": Review.select().count(), "flag": ReviewFlag.select().count(),
                "needs_look": NeedsLook.select().count(),
                "offline_edit": Revision.select().where(Revision.reason == "offline edit")
                .count()}


def relations(opened: OpenedDatabase, slug: str) -> dict[str, str]:
    """The story's tags here: name -> relation."""
    with using(opened):
        story = get_article(slug)
        return {tag.entity.name: tag.relation
                for tag in ArticleTag.select().where(ArticleTag.article == story.id)}


def tag_offline(copy: OpenedDatabase, slug: str, name: str, relation: str) -> None:
    with using(copy):
        tag_article(get_article(slug).id, find_by_name(name).id, relation)


def untag_offline(copy: OpenedDatabase, slug: str, name: str) -> None:
    with using(copy):
        assert untag_article(get_article(slug).id, find_by_name(name).id)
