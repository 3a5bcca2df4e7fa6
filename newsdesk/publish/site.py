"""The static site: News Line index, one page per story, per person and per organisation,
Atom and RSS feeds and the stylesheet.

Story pages come from the one shared page function (``page.render_story_page``), the same
the preview shows, so the editor sees what is published. Listing pages extend the same
``base.html``. All links are relative, so the folder works from disk and from any server.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlsplit

from newsdesk.errors import UserError
from newsdesk.publish import feeds
from newsdesk.publish.export import Plan, PlannedFile, content_key
from newsdesk.publish.page import (
    SHARE_NETWORKS,
    SITE_LINKS,
    LinkStyle,
    NewsItem,
    ReviewItem,
    StoryPage,
    TagLink,
    entity_path,
    render_story_page,
    render_template,
    story_path,
    stylesheet_text,
)
from newsdesk.publish.stories import ExportStory, StoryTag
from newsdesk.publish.story_page import (
    NEWS_LINE_LENGTH,
    REVIEW_EMAIL_SETTING,
    SHARE_NETWORKS_SETTING,
    SITE_URL_SETTING,
    configured_share_networks,
    settings,
)

INDEX_LENGTH = 200
_UNSAFE_IN_URL = re.compile(r"[\s\"'<>\\`{}|^]")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
ROOT_LINKS = LinkStyle(root="")


@dataclass(frozen=True)
class ListItem:
    slug: str
    headline: str
    date: date | None
    place: str
    language: str


def list_item(story: ExportStory) -> ListItem:
    return ListItem(story.slug, story.headline, story.date.date(), story.dateline_place,
                    story.language)


def astuple_item(item: ListItem) -> tuple:
    """Everything a listing prints of a story (a plain tuple: its repr is cheap)."""
    return (item.slug, item.headline, item.date, item.place, item.language)


def save_share_networks(networks: Sequence[str]) -> None:
    from newsdesk.store.models import Setting

    value = ",".join(n for n in SHARE_NETWORKS if n in networks) or "none"
    Setting.replace(key=SHARE_NETWORKS_SETTING, value=value).execute()


def checked_site_url(text: str, *, field: str = "site address") -> str:
    """The site's public address as typed (stripped), or a UserError naming ``field``.

    It goes into every share link and feed entry, so only a plain http(s) address with a
    host is taken: no spaces, quotes, angle brackets, query or fragment.
    """
    text = text.strip()
    if not text:
        return ""
    parts = urlsplit(text)
    if (parts.scheme not in ("http", "https") or not parts.hostname or parts.query
            or parts.fragment or _UNSAFE_IN_URL.search(text)):
        raise UserError(f"not a web address like https://news.example.az/: {text!r}",
                        field=field)
    return text


def checked_review_email(text: str, *, field: str = "reviews e-mail") -> str:
    """The address readers send reviews to, or a UserError naming ``field``."""
    text = text.strip()
    if text and not _EMAIL.fullmatch(text):
        raise UserError(f"not an e-mail address like reviews@example.az: {text!r}",
                        field=field)
    return text


def save_site_address(site_url: str, review_email: str) -> None:
    """Store the newsroom's site address and reviews e-mail (both checked first)."""
    from newsdesk.store.models import Setting, database_proxy

    values = {SITE_URL_SETTING: checked_site_url(site_url),
              REVIEW_EMAIL_SETTING: checked_review_email(review_email)}
    with database_proxy.atomic():
        for key, value in values.items():
            Setting.replace(key=key, value=value).execute()


def stored_site_address() -> tuple[str, str]:
    """The stored site address and reviews e-mail ("" when not set)."""
    stored = settings((SITE_URL_SETTING, REVIEW_EMAIL_SETTING))
    return stored[SITE_URL_SETTING], stored[REVIEW_EMAIL_SETTING]


class SiteFormat:
    name = "site"
    with_reviews = True

    def __init__(self, share_networks: Sequence[str] | None = None,
                 site_url: str | None = None, review_email: str | None = None) -> None:
        """None: the newsroom's stored setting; a value: this export only."""
        stored = settings((SHARE_NETWORKS_SETTING, SITE_URL_SETTING, REVIEW_EMAIL_SETTING))
        self.share_networks = tuple(
            share_networks if share_networks is not None
            else configured_share_networks(stored[SHARE_NETWORKS_SETTING]))
        self.site_url = (stored[SITE_URL_SETTING] if site_url is None
                         else checked_site_url(site_url, field="--site-url"))
        self.review_email = (stored[REVIEW_EMAIL_SETTING] if review_email is None
                             else checked_review_email(review_email, field="--reviews-email"))
        self.story_links = replace(SITE_LINKS, site_url=self.site_url,
                                   share_networks=self.share_networks)
        self.root_links = replace(ROOT_LINKS, site_url=self.site_url)
        self.entity_links = replace(SITE_LINKS, site_url=self.site_url)

    def settings_key(self) -> str:
        from newsdesk.publish import page, render

        return content_key("site", self.share_networks, self.site_url, self.review_email,
                           render.RENDERER_VERSION, _source(page), _templates_key())

    def plan(self, stories: Sequence[ExportStory], previous_memo: dict | None = None) -> Plan:
        """The site's files. Given the previous export's memo (and the same News Line,
        which every page prints), only the pages of changed stories and the listings that
        show them are worked out; the rest is carried over."""
        news_line = tuple(NewsItem(s.slug, s.headline, s.date.date())
                          for s in stories[:NEWS_LINE_LENGTH + 1])
        line_key = content_key(*(repr(item) for item in news_line))
        listings = _Listings(stories)
        fingerprints = {s.uuid: s.fingerprint() for s in stories}
        memo: dict = {"line": line_key,
                      "stories": {s.uuid: [fingerprints[s.uuid], [t.entity_id for t in s.tags]]
                                  for s in stories},
                      "entities": {}}
        old = previous_memo if previous_memo and previous_memo.get("line") == line_key else None
        if old is None:
            changed, affected, carried = list(stories), set(listings.members), []
        else:
            changed, affected, carried = self._changes(stories, fingerprints, listings, old)
        files = [self._story_file(story, news_line, line_key) for story in changed]
        for entity_id in affected:
            if entity_id in listings.members:
                planned = self._entity_file(entity_id, listings, news_line, line_key)
                memo["entities"][str(entity_id)] = planned.path
                files.append(planned)
        for entity_id in listings.members.keys() - affected:
            memo["entities"][str(entity_id)] = old["entities"][str(entity_id)]
        files += self._shared_files(stories, news_line, line_key, listings)
        return Plan(files, carried, memo)

    def _changes(self, stories: Sequence[ExportStory], fingerprints: dict[str, str],
                 listings: _Listings, old: dict) -> tuple[list[ExportStory], set[int], list[str]]:
        """Stories whose fingerprint changed, the people and organisations whose pages
        list them (before or now), and the paths that stay as they were."""
        old_stories: dict = old.get("stories") or {}
        old_entities: dict = old.get("entities") or {}
        changed, carried = [], []
        affected: set[int] = set()
        for story in stories:
            before = old_stories.get(story.uuid)
            if before is not None and before[0] == fingerprints[story.uuid]:
                carried.append(story_path(story.slug))
                continue
            changed.append(story)
            affected.update(tag.entity_id for tag in story.tags)
            if before is not None:
                affected.update(before[1])
        for uuid in old_stories.keys() - {story.uuid for story in stories}:
            affected.update(old_stories[uuid][1])  # gone from the export
        for entity_id in listings.members.keys() - affected:
            path = old_entities.get(str(entity_id))
            if path is None:
                affected.add(entity_id)  # not in the memo: work it out
            else:
                carried.append(path)
        return changed, affected, carried

    # -- story pages -------------------------------------------------------------------
    def _story_file(self, story: ExportStory, news_line: tuple[NewsItem, ...],
                    line_key: str) -> PlannedFile:
        # The page itself is built only if the file must be written (by then maybe in a
        # worker process: the format and the story are plain data).
        return PlannedFile(story_path(story.slug), content_key(story.fingerprint(), line_key),
                           site_story_bytes, (self, story, news_line), story)

    def story_page(self, story: ExportStory, news_line: tuple[NewsItem, ...]) -> StoryPage:
        others = tuple(item for item in news_line if item.slug != story.slug)
        return StoryPage(
            slug=story.slug, headline=story.headline, dateline=story.dateline.printed(),
            body=story.body, footnote=story.footnote, desk_code=story.desk_code,
            language=story.language or "en", byline=story.byline, section=story.section,
            published=story.published_at, tags=tuple(_tag_link(t) for t in story.tags),
            reviews=tuple(ReviewItem(r.author, r.text, r.submitted_at, r.rating)
                          for r in story.reviews),
            news_line=others[:NEWS_LINE_LENGTH], review_email=self.review_email)

    # -- people and organisations --------------------------------------------------------
    def _entity_file(self, entity_id: int, listings: _Listings,
                     news_line: tuple[NewsItem, ...], line_key: str) -> PlannedFile:
        tag, members = listings.members[entity_id]
        key = content_key("entity", tag.kind, tag.name, line_key,
                          *[listings.item_key(m) for m in members])
        return PlannedFile(
            entity_path(tag.kind, tag.entity_id, tag.name), key, listing_bytes,
            (tag.name, tuple([listings.item(m) for m in members]), news_line,
             self.entity_links, f"Stories about or mentioning {tag.name}."))

    # -- index, feeds, stylesheet ------------------------------------------------------
    def _shared_files(self, stories: Sequence[ExportStory], news_line: tuple[NewsItem, ...],
                      line_key: str, listings: _Listings) -> list[PlannedFile]:
        latest = stories[:INDEX_LENGTH]
        items = [listings.item(s.id) for s in latest]
        index_key = content_key("index", line_key, *(listings.item_key(s.id) for s in latest))
        in_feed = feeds.feed_stories(stories)
        feed_key = content_key("feed", *(s.fingerprint() for s in in_feed))
        return [
            PlannedFile("index.html", index_key, listing_bytes,
                        ("News Line", tuple(items), news_line, self.root_links)),
            PlannedFile("feed.atom", feed_key, feeds.atom_feed, (in_feed, self.site_url)),
            PlannedFile("feed.rss", feed_key, feeds.rss_feed, (in_feed, self.site_url)),
            PlannedFile("style.css", content_key(stylesheet_text()), stylesheet_bytes),
        ]


class _Listings:
    """Who is listed where: each person's or organisation's stories (newest first), and
    each story's list entry and its part of a listing's key, made once and only when
    a listing being planned needs them."""

    def __init__(self, stories: Sequence[ExportStory]) -> None:
        self.by_id = {story.id: story for story in stories}
        self.members: dict[int, tuple[StoryTag, list[int]]] = {}
        for story in stories:
            for tag in story.tags:
                self.members.setdefault(tag.entity_id, (tag, []))[1].append(story.id)
        self._items: dict[int, ListItem] = {}
        self._keys: dict[int, str] = {}

    def item(self, story_id: int) -> ListItem:
        item = self._items.get(story_id)
        if item is None:
            item = self._items[story_id] = list_item(self.by_id[story_id])
        return item

    def item_key(self, story_id: int) -> str:
        key = self._keys.get(story_id)
        if key is None:
            key = self._keys[story_id] = repr(astuple_item(self.item(story_id)))
        return key


def site_story_bytes(site: SiteFormat, story: ExportStory,
                     news_line: tuple[NewsItem, ...]) -> bytes:
    return render_story_page(site.story_page(story, news_line),
                             links=site.story_links).encode("utf-8")


def listing_bytes(heading: str, items: tuple[ListItem, ...], news_line: tuple[NewsItem, ...],
                  links: LinkStyle, description: str = "") -> bytes:
    """The News Line index or a person's or organisation's page (``index.html`` template)."""
    return render_template("index.html", links=links, language="en", title=heading,
                           heading=heading, stories=items, description=description,
                           news_line=news_line[:NEWS_LINE_LENGTH]).encode("utf-8")


def stylesheet_bytes() -> bytes:
    return stylesheet_text().encode("utf-8")


def _tag_link(tag: StoryTag) -> TagLink:
    return TagLink(entity_id=tag.entity_id, name=tag.name, kind=tag.kind,
                   relation=tag.relation)


def _source(module: object) -> str:
    from pathlib import Path

    return Path(getattr(module, "__file__", "")).read_text(encoding="utf-8")


def _templates_key() -> str:
    from newsdesk.assets import resource_path

    folder = resource_path("templates")
    return content_key(*(p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())
                         if p.is_file()))
