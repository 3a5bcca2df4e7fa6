"""Building a ``StoryPage`` (no Qt).

- ``story_page_for(article)``: a stored story as it will be published.
- ``story_page_from_fields(fields, surroundings)``: the editor's unsaved fields inside
  everything around them on the page (``publish.surroundings``: tags, approved reviews,
  News Line). The preview loads the surroundings once per story and then builds pages
  from the fields as the user types, without touching the database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from newsdesk.publish.page import PREVIEW_LINKS, StoryPage, render_story_page
from newsdesk.publish.page_items import Surroundings
from newsdesk.store.timestamps import stored_time, utcnow
from newsdesk.stories.dateline import Dateline
from newsdesk.stories.newsroom_zone import local_moment

if TYPE_CHECKING:
    from newsdesk.store.models import Article


def story_page_from_fields(fields: Mapping[str, Any], surroundings: Surroundings) -> StoryPage:
    """A page from editable fields (``articles.EDITABLE_FIELDS`` names; missing ones empty)."""
    dateline = Dateline(str(fields.get("dateline_place") or ""), fields.get("dateline_date"),
                        str(fields.get("dateline_source") or ""))
    return StoryPage(
        slug=surroundings.slug, headline=str(fields.get("headline") or ""),
        dateline=dateline.printed(), body=str(fields.get("body") or ""),
        footnote=str(fields.get("footnote") or ""),
        desk_code=str(fields.get("desk_code") or ""),
        language=str(fields.get("language") or "en"),
        byline=str(fields.get("byline") or ""), section=str(fields.get("section") or ""),
        published=fields.get("published_at"), tags=surroundings.tags,
        reviews=surroundings.reviews, news_line=surroundings.news_line,
        review_email=surroundings.review_email, updated=surroundings.updated,
        correction=surroundings.correction, pictures=surroundings.pictures,
        embargo=embargo_band(fields.get("embargo_until"), surroundings.zone))


def embargo_band(embargo: Any, zone: str, now: datetime | None = None) -> str:
    """When a story still held is released, as the preview's band prints it: in the
    newsroom's zone, named ("" when it is not held at ``now``)."""
    moment = stored_time(embargo) if isinstance(embargo, str) else embargo
    if not isinstance(moment, datetime) or moment <= (now or utcnow()):
        return ""
    return f"{local_moment(moment, zone):%d.%m.%y %H:%M} {zone or 'UTC'}"


def story_page_for(article: Article, surroundings: Surroundings | None = None) -> StoryPage:
    """A stored story as it will be published."""
    # Imported here: the preview's renderer process uses this module without a database.
    from newsdesk.publish.surroundings import surroundings_for

    around = surroundings or surroundings_for(article.id)
    fields = {name: getattr(article, name) for name in (
        "headline", "dateline_place", "dateline_date", "dateline_source", "body", "footnote",
        "desk_code", "language", "byline", "section", "published_at")}
    return replace(story_page_from_fields(fields, around), slug=article.slug)


def render_preview_page(fields: Mapping[str, Any], surroundings: Surroundings) -> str:
    """One preview refresh: the editor's fields to the complete page (thread-safe)."""
    # The share links as the site will print them (address and networks), so the preview
    # shows the page exactly as published.
    links = replace(PREVIEW_LINKS, site_url=surroundings.site_url,
                    share_networks=surroundings.share_networks,
                    picture_root=surroundings.picture_root,
                    image_sources=("file:",) if surroundings.picture_root else ())
    return render_story_page(story_page_from_fields(fields, surroundings), links=links)
