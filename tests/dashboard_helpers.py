"""A small newsroom with known figures, for the dashboard's and ``stats``'s tests.

Every time is set relative to "now", so the 30-day window always holds the same things:
the test reads the figures back for a period ending at the ``now`` it was built for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from newsdesk.moderation import reviews
from newsdesk.moderation import rule_store as moderation_rules
from newsdesk.people import registry
from newsdesk.store.models import Article, Review
from newsdesk.store.timestamps import iso_utc
from newsdesk.stories import articles

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


@dataclass
class KnownNewsroom:
    now: datetime
    story_ids: dict[str, int] = field(default_factory=dict)
    entity_ids: dict[str, int] = field(default_factory=dict)
    review_ids: dict[str, int] = field(default_factory=dict)


def _story(room: KnownNewsroom, slug: str, status: str, *, language: str = "en",
           published: datetime | None = None, updated: datetime | None = None) -> int:
    article = articles.create_article({"headline": slug.replace("-", " ").title(),
                                       "body": "Text.", "status": "draft",
                                       "language": language}, slug=slug)
    Article.update(status=status, published_at=published,
                   updated_at=updated or room.now - 20 * DAY).where(
        Article.id == article.id).execute()
    room.story_ids[slug] = article.id
    return article.id


def _review(key: str, submitted: datetime, text: str = "") -> dict[str, str]:
    # Each text its own, so no review counts as a repeat of another.
    return {"id": key, "article": "budget-passed", "author": f"Reader {key}",
            "email": f"{key}@example.org", "text": text or f"A fair report ({key}).",
            "submitted": iso_utc(submitted)}


def build_known_newsroom(now: datetime) -> KnownNewsroom:
    """Stories: 2 draft, 1 edited, 1 ready, 4 published (en today, en and az a day before,
    ru 40 days ago: outside the window), 1 killed, 1 in the trash. Reviews: 4 pending (2
    flagged: links, suspect word), 3 decided by people (Leyla approved 2, Rauf marked 1
    spam; waits 2 h, 4 h, 6 h), 1 rejected by the rules (banned word). Tags on stories
    updated this week: Rauf Mammadov on 3, Leyla Aliyeva on 1, Press Freedom Union on 2;
    Old Name only on a story updated 20 days ago."""
    room = KnownNewsroom(now)
    moderation_rules.replace_rules({"banned_words": ["scum"], "suspect_words": ["idiot"],
                                    "max_links": 1})
    recent = now - 2 * HOUR
    _story(room, "draft-one", "draft", updated=recent)
    _story(room, "draft-two", "draft")
    _story(room, "edited-one", "edited", updated=recent)
    _story(room, "ready-one", "ready")
    _story(room, "budget-passed", "published", published=now - 3 * HOUR, updated=recent)
    _story(room, "flood-relief", "published", published=now - DAY - 3 * HOUR, updated=recent)
    _story(room, "secki", "published", language="az", published=now - DAY - 4 * HOUR)
    _story(room, "old-news", "published", language="ru", published=now - 40 * DAY)
    _story(room, "withdrawn", "killed", published=now - 2 * DAY - 5 * HOUR)
    trashed = _story(room, "trashed", "published", published=now - 3 * HOUR, updated=recent)
    Article.update(deleted_at=now - HOUR).where(Article.id == trashed).execute()
    for kind, name in (("person", "Rauf Mammadov"), ("person", "Leyla Aliyeva"),
                       ("organisation", "Press Freedom Union"), ("person", "Old Name")):
        room.entity_ids[name] = registry.create_entity(kind, name).id
    for slug in ("budget-passed", "flood-relief", "draft-one"):
        registry.tag_article(room.story_ids[slug], room.entity_ids["Rauf Mammadov"])
    registry.tag_article(room.story_ids["edited-one"], room.entity_ids["Leyla Aliyeva"])
    for slug in ("budget-passed", "edited-one"):
        registry.tag_article(room.story_ids[slug], room.entity_ids["Press Freedom Union"])
    registry.tag_article(room.story_ids["trashed"], room.entity_ids["Leyla Aliyeva"])
    registry.tag_article(room.story_ids["old-news"], room.entity_ids["Old Name"])
    records = [
        _review("waiting-long", now - 10 * DAY),
        _review("waiting", now - 5 * HOUR),
        _review("linky", now - 6 * HOUR, "See http://a.example and http://b.example now."),
        _review("rude", now - 7 * HOUR, "Only an idiot would write this."),
        _review("good-1", now - 2 * HOUR),
        _review("good-2", now - 4 * HOUR),
        _review("junk", now - 6 * HOUR),
        _review("banned", now - 8 * HOUR, "The scum who wrote this."),
    ]
    reviews.import_records([reviews.ReviewRecord(r, n) for n, r in enumerate(records, 1)],
                           source="known")
    room.review_ids = dict(Review.select(Review.external_id, Review.id).tuples())
    reviews.decide([room.review_ids["good-1"], room.review_ids["good-2"]], "approved",
                   moderator="Leyla")
    reviews.decide([room.review_ids["junk"]], "spam", moderator="Rauf")
    # Dated exactly now, so the waits are exactly 2, 4 and 6 hours.
    Review.update(moderated_at=now).where(
        Review.external_id.in_(["good-1", "good-2", "junk"])).execute()
    Review.update(moderated_at=now - 8 * HOUR).where(Review.external_id == "banned").execute()
    return room
