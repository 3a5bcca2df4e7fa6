"""``feed.atom`` and ``feed.rss`` of the site: the latest stories (feedgen)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence

from feedgen.feed import FeedGenerator

from newsdesk.publish.render import markdown_to_html
from newsdesk.publish.stories import ExportStory
from newsdesk.store.timestamps import as_utc

FEED_LENGTH = 50
FEED_TITLE = "News Line"
_TAG = re.compile(r"<[^>]+>")


def summary(story: ExportStory) -> str:
    """The first paragraph as plain text (markup rendered, then tags dropped)."""
    first = story.body.strip().split("\n\n", 1)[0]
    text = _TAG.sub("", markdown_to_html(first))
    return " ".join(text.split())


def _link(site_url: str, path: str) -> str:
    return f"{site_url.rstrip('/')}/{path}" if site_url else path


def _generator(stories: Sequence[ExportStory], site_url: str) -> FeedGenerator:
    from newsdesk.publish.page import story_path

    feed = FeedGenerator()
    base = site_url or "newsdesk:site"
    feed.id(f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, base)}")
    feed.title(FEED_TITLE)
    feed.description("The latest stories")
    feed.link(href=_link(site_url, "index.html"), rel="alternate")
    feed.language("en")
    feed.generator("newsdesk")
    updated = max((as_utc(s.updated_at) for s in stories), default=None)
    if updated is not None:
        feed.updated(updated)
        feed.lastBuildDate(updated)
    for story in reversed(stories):  # feedgen prepends: add oldest first
        entry = feed.add_entry()
        entry.id(f"urn:uuid:{story.uuid}")
        entry.guid(f"urn:uuid:{story.uuid}", permalink=False)
        entry.title(story.headline)
        entry.link(href=_link(site_url, story_path(story.slug)), rel="alternate")
        entry.published(as_utc(story.date))
        entry.updated(as_utc(story.updated_at))
        entry.description(summary(story))
        if story.byline:
            entry.author(name=story.byline)
        else:
            entry.author(name=story.dateline_source or "newsdesk")
    return feed


def atom_feed(stories: Sequence[ExportStory], site_url: str = "") -> bytes:
    return _generator(stories, site_url).atom_str(pretty=True)


def rss_feed(stories: Sequence[ExportStory], site_url: str = "") -> bytes:
    return _generator(stories, site_url).rss_str(pretty=True)
