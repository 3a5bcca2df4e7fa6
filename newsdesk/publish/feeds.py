"""``feed.atom`` and ``feed.rss`` of the site: the latest stories (feedgen), titled in the
newsroom's language.

Links are absolute when the site's public address is known; without it they are relative,
which RSS 2.0 does not allow, and the export says so (``RELATIVE_LINKS_WARNING``). Each
feed names itself (``rel="self"``). Each entry carries its story's language: in Atom as
``xml:lang`` on the entry, in RSS, whose own ``language`` is the channel's only, as
``dc:language`` on the item (what feed readers take per item).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from typing import Any

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

from newsdesk.publish.page_language import SOURCE_LANGUAGE, translations
from newsdesk.publish.render import markdown_to_html
from newsdesk.publish.stories import ExportStory
from newsdesk.store.timestamps import as_utc

FEED_LENGTH = 50
ATOM_PATH = "feed.atom"
RSS_PATH = "feed.rss"
ATOM_TYPE = "application/atom+xml"
RSS_TYPE = "application/rss+xml"
RELATIVE_LINKS_WARNING = (
    "the feeds' links are relative, as the site's public address is not set, and RSS "
    "readers refuse them: give it with --site-url URL or in File > Export (Site address)")
_TAG = re.compile(r"<[^>]+>")
_DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def summary(story: ExportStory) -> str:
    """The first paragraph as plain text (markup rendered, then tags dropped)."""
    first = story.body.strip().split("\n\n", 1)[0]
    text = _TAG.sub("", markdown_to_html(first))
    return " ".join(text.split())


def _link(site_url: str, path: str) -> str:
    return f"{site_url.rstrip('/')}/{path}" if site_url else path


class _Languages(BaseExtension):
    """Declares the Dublin Core prefix once, on the feed, for the items' ``dc:language``."""

    def extend_ns(self) -> dict[str, str]:
        return {"dc": _DUBLIN_CORE}


class _EntryLanguage(BaseEntryExtension):
    """One entry's language: ``xml:lang`` on an Atom entry, ``dc:language`` on an RSS item."""

    def __init__(self) -> None:
        self.language = ""

    def extend_atom(self, entry: Any) -> Any:
        if self.language:
            entry.set(_XML_LANG, self.language)
        return entry

    def extend_rss(self, item: Any) -> Any:
        if self.language:
            xml_elem(f"{{{_DUBLIN_CORE}}}language", item).text = self.language
        return item


def _generator(stories: Sequence[ExportStory], site_url: str, language: str,
               self_path: str, self_type: str) -> FeedGenerator:
    from newsdesk.publish.page import story_path

    labels = translations(language)
    feed = FeedGenerator()
    feed.register_extension("newsdesk", _Languages, _EntryLanguage)
    base = site_url or "newsdesk:site"
    feed.id(f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, base)}")
    feed.title(labels.gettext("News Line"))
    feed.description(labels.gettext("The latest stories"))
    # The self link first: feedgen takes the last link given as the RSS channel's link.
    feed.link(href=_link(site_url, self_path), rel="self", type=self_type)
    feed.link(href=_link(site_url, "index.html"), rel="alternate", type="text/html")
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
        entry.newsdesk.language = story.language or "en"
        if story.byline:
            entry.author(name=story.byline)
        else:
            entry.author(name=story.dateline_source or "newsdesk")
    return feed


def atom_feed(stories: Sequence[ExportStory], site_url: str = "",
              language: str = SOURCE_LANGUAGE) -> bytes:
    """The Atom feed, its title in ``language`` (one of ``page_languages()``)."""
    return _generator(stories, site_url, language, ATOM_PATH, ATOM_TYPE).atom_str(pretty=True)


def rss_feed(stories: Sequence[ExportStory], site_url: str = "",
             language: str = SOURCE_LANGUAGE) -> bytes:
    """The RSS feed, its title in ``language`` (one of ``page_languages()``)."""
    return _generator(stories, site_url, language, RSS_PATH, RSS_TYPE).rss_str(pretty=True)
