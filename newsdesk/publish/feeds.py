"""``feed.atom`` and ``feed.rss`` of the site: the latest stories (feedgen), titled in the
newsroom's language."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence

from feedgen.feed import FeedGenerator

from newsdesk.publish.page_language import SOURCE_LANGUAGE, translations
from newsdesk.publish.render import markdown_to_html
from newsdesk.publish.stories import ExportStory
from newsdesk.store.timestamps import as_utc

FEED_LENGTH = 50
_TAG = re.compile(r"<[^>]+>")


def summary(story: ExportStory) -> str:
    """The first paragraph as plain text (markup rendered, then tags dropped)."""
    first = story.body.strip().split("\n\n", 1)[0]
    text = _TAG.sub("", markdown_to_html(first))
    return " ".join(text.split())


def _link(site_url: str, path: str) -> str:
    return f"{site_url.rstrip('/')}/{path}" if site_url else path


def _generator(stories: Sequence[ExportStory], site_url: str,
               language: str) -> FeedGenerator:
    from newsdesk.publish.page import story_path

    labels = translations(language)
    feed = FeedGenerator()
    base = site_url or "newsdesk:site"
    feed.id(f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, base)}")
    feed.title(labels.gettext("News Line"))
    feed.description(labels.gettext("The latest stories"))
    feed.link(href=_link(site_url, "index.html"), rel="alternate")
    feed.language(language)
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


def atom_feed(stories: Sequence[ExportStory], site_url: str = "",
              language: str = SOURCE_LANGUAGE) -> bytes:
    """The Atom feed, its title in ``language`` (one of ``page_languages()``)."""
    return _generator(stories, site_url, language).atom_str(pretty=True)


def rss_feed(stories: Sequence[ExportStory], site_url: str = "",
             language: str = SOURCE_LANGUAGE) -> bytes:
    """The RSS feed, its title in ``language`` (one of ``page_languages()``)."""
    return _generator(stories, site_url, language).rss_str(pretty=True)
