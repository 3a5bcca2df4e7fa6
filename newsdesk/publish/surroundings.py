"""What a story page shows around the story's own fields, read from the database (no Qt,
no templates): tags, approved reviews, the News Line, the share settings, the pictures.

The preview reads these once per story on the window's side and builds pages from the
editor's fields as the user types (``story_page``), in the renderer process; this module
keeps Jinja2, Markdown and Babel out of the window's process for that.
"""

from __future__ import annotations

from datetime import datetime

from newsdesk.moderation import reviews
from newsdesk.publish.page_items import (
    SHARE_NETWORKS,
    NewsItem,
    ReviewItem,
    Surroundings,
    TagLink,
)
from newsdesk.publish.preview_pictures import preview_figures
from newsdesk.store.models import Article, ArticleTag, Entity, Setting
from newsdesk.store.timestamps import utcnow
from newsdesk.stories.newsroom_zone import local_moment, zone_name

NEWS_LINE_LENGTH = 10
REVIEW_EMAIL_SETTING = "reviews_email"
SITE_URL_SETTING = "site_url"
SHARE_NETWORKS_SETTING = "share_networks"


def change_marks(kind: str, note: str, changed_at: datetime | None,
                 zone: str) -> tuple[datetime | None, str | None]:
    """What a page prints of a story's last change from its source: when (in the
    newsroom's zone ``zone``, UTC without one) and, for a correction, its note."""
    if not kind or changed_at is None:
        return None, None
    return local_moment(changed_at, zone), (note if kind == "correction" else None)


def configured_share_networks(text: str | None = None) -> tuple[str, ...]:
    """The networks the newsroom chose (setting ``share_networks``, or ``text`` read
    from it), else all of them."""
    if text is None:
        text = setting(SHARE_NETWORKS_SETTING, "")
    chosen = tuple(n.strip() for n in text.split(",") if n.strip() in SHARE_NETWORKS)
    return chosen if text.strip() else SHARE_NETWORKS


def setting(key: str, default: str = "") -> str:
    value = Setting.get_value(key)
    return default if value is None else str(value)


def settings(keys: tuple[str, ...]) -> dict[str, str]:
    """Several settings in one query (absent ones as empty strings)."""
    return Setting.get_values(keys)


def tags_for(article_id: int) -> tuple[TagLink, ...]:
    rows = (ArticleTag.select(ArticleTag.relation, Entity.id, Entity.name, Entity.kind)
            .join(Entity).where(ArticleTag.article == article_id)
            .order_by(Entity.kind, Entity.name).tuples())
    return tuple(TagLink(entity_id=entity_id, name=name, kind=kind, relation=relation)
                 for relation, entity_id, name, kind in rows)


def approved_reviews(article_id: int) -> tuple[ReviewItem, ...]:
    # reviews.approved_for: approved only, with direction overrides and invisible
    # characters removed (a reader must not be able to reverse text on our page).
    return tuple(ReviewItem(author=r["author"], text=r["text"], submitted=r["submitted_at"],
                            rating=r["rating"]) for r in reviews.approved_for(article_id))


def news_line(exclude_id: int | None = None, *, limit: int = NEWS_LINE_LENGTH,
              statuses: tuple[str, ...] = ("published",)) -> tuple[NewsItem, ...]:
    """The latest stories (published first by date), as the site's News Line lists them."""
    query = (Article.select(Article.slug, Article.headline, Article.dateline_date,
                            Article.published_at, Article.language)
             .where(Article.deleted_at.is_null() & Article.status.in_(statuses)
                    & (Article.embargo_until.is_null() | (Article.embargo_until <= utcnow())))
             .order_by(Article.published_at.desc(nulls="LAST"), Article.id.desc())
             .limit(limit + 1))
    if exclude_id is not None:
        query = query.where(Article.id != exclude_id)
    items = [NewsItem(slug=slug, headline=headline,
                      date=published.date() if published else dateline_date,
                      language=language or "")
             for slug, headline, dateline_date, published, language in query.tuples()]
    return tuple(items[:limit])


def surroundings_for(article_id: int, *, pictures: bool = False) -> Surroundings:
    """Tags, approved reviews and News Line of a story (empty if the story is gone); with
    ``pictures``, its pictures with their preview files made (off the GUI thread only)."""
    article = Article.get_or_none(Article.id == article_id)
    if article is None:  # deleted elsewhere (team mode) while open: still previewable
        return Surroundings()
    stored = settings((REVIEW_EMAIL_SETTING, SITE_URL_SETTING, SHARE_NETWORKS_SETTING))
    zone = zone_name()
    figures, picture_root = preview_figures(article_id) if pictures else ((), "")
    updated, correction = change_marks(article.change_kind, article.change_note,
                                       article.changed_at, zone)
    return Surroundings(slug=article.slug, tags=tags_for(article_id), zone=zone,
                        pictures=figures, picture_root=picture_root,
                        updated=updated, correction=correction,
                        reviews=approved_reviews(article_id),
                        news_line=news_line(article_id),
                        review_email=stored[REVIEW_EMAIL_SETTING],
                        site_url=stored[SITE_URL_SETTING],
                        share_networks=configured_share_networks(
                            stored[SHARE_NETWORKS_SETTING]))
