"""The static site: News Line index, one page per story, per person and per organisation,
Atom and RSS feeds and the stylesheet.

Story pages come from the one shared page function (``page.render_story_page``), the same
the preview shows, so the editor sees what is published. Listing pages extend the same
``base.html``. All links are relative, so the folder works from disk and from any server.
A story page speaks its story's language; the index, the people's and organisations'
pages and the feeds speak the newsroom's (setting ``site_language``, ``--language``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from newsdesk.errors import UserError
from newsdesk.publish import feeds
from newsdesk.publish.export import (
    Plan,
    PlannedFile,
    StorySource,
    content_key,
    is_map_of,
    module_key,
)
from newsdesk.publish.page import (
    SITE_LINKS,
    LinkStyle,
    StoryPage,
    TranslationLink,
    entity_path,
    render_story_page,
    render_template,
    story_path,
    stylesheet_text,
)
from newsdesk.publish.page_items import SHARE_NETWORKS, NewsItem, ReviewItem, TagLink
from newsdesk.publish.page_language import (
    SOURCE_LANGUAGE,
    catalogues_key,
    page_languages,
    translations,
)
from newsdesk.publish.pictures import (
    figure_of,
    keeps_gps,
    planned_renditions,
    unique_files,
)
from newsdesk.publish.stories import ExportStory, StoryHeader, StoryTag
from newsdesk.publish.surroundings import (
    NEWS_LINE_LENGTH,
    REVIEW_EMAIL_SETTING,
    SHARE_NETWORKS_SETTING,
    SITE_URL_SETTING,
    change_marks,
    configured_share_networks,
    settings,
)
from newsdesk.store.models import Setting, database_proxy
from newsdesk.stories.newsroom_zone import zone_name

INDEX_LENGTH = 200
LANGUAGE_SETTING = "site_language"
_UNSAFE_IN_URL = re.compile(r"[\s\"'<>\\`{}|^]")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
ROOT_LINKS = LinkStyle(root="", feeds=True)


@dataclass(frozen=True)
class ListItem:
    slug: str
    headline: str
    date: date | None
    place: str
    language: str


def list_item(story: ExportStory | StoryHeader) -> ListItem:
    return ListItem(story.slug, story.headline, story.date.date(), story.dateline_place,
                    story.language)


def item_key(item: ListItem) -> str:
    """Everything a listing prints of a story, as a key part (a plain tuple's repr is
    cheap; the dataclass's is not)."""
    return repr((item.slug, item.headline, item.date, item.place, item.language))


def save_share_networks(networks: Sequence[str]) -> None:
    value = ",".join(n for n in SHARE_NETWORKS if n in networks) or "none"
    Setting.put(SHARE_NETWORKS_SETTING, value)


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
    values = {SITE_URL_SETTING: checked_site_url(site_url),
              REVIEW_EMAIL_SETTING: checked_review_email(review_email)}
    with database_proxy.atomic():
        for key, value in values.items():
            Setting.put(key, value)


def stored_site_address() -> tuple[str, str]:
    """The stored site address and reviews e-mail ("" when not set)."""
    stored = settings((SITE_URL_SETTING, REVIEW_EMAIL_SETTING))
    return stored[SITE_URL_SETTING], stored[REVIEW_EMAIL_SETTING]


def checked_site_language(text: str, *, field: str = "site language") -> str:
    """One of ``page_languages()`` (as typed, any case), or a UserError naming ``field``."""
    language = text.strip().lower()
    if language not in page_languages():
        raise UserError(f"unknown language {text!r} (choose from "
                        f"{', '.join(page_languages())})", field=field)
    return language


def stored_site_language(text: str | None = None) -> str:
    """The newsroom's language for the index, entity pages and feeds (setting
    ``site_language``, or ``text`` read from it); English when not set or no longer
    available."""
    if text is None:
        text = settings((LANGUAGE_SETTING,))[LANGUAGE_SETTING]
    language = text.strip().lower()
    return language if language in page_languages() else SOURCE_LANGUAGE


def save_site_language(language: str) -> None:
    Setting.put(LANGUAGE_SETTING, checked_site_language(language))


class SiteFormat:
    name = "site"
    with_reviews = True

    def __init__(self, share_networks: Sequence[str] | None = None,
                 site_url: str | None = None, review_email: str | None = None,
                 language: str | None = None) -> None:
        """None: the newsroom's stored setting; a value: this export only."""
        stored = settings((SHARE_NETWORKS_SETTING, SITE_URL_SETTING, REVIEW_EMAIL_SETTING,
                           LANGUAGE_SETTING))
        self.share_networks = tuple(
            share_networks if share_networks is not None
            else configured_share_networks(stored[SHARE_NETWORKS_SETTING]))
        self.site_url = (stored[SITE_URL_SETTING] if site_url is None
                         else checked_site_url(site_url, field="--site-url"))
        self.review_email = (stored[REVIEW_EMAIL_SETTING] if review_email is None
                             else checked_review_email(review_email, field="--reviews-email"))
        self.language = (stored_site_language(stored[LANGUAGE_SETTING]) if language is None
                         else checked_site_language(language, field="--language"))
        self.zone = zone_name()  # the time of an update is printed in the newsroom's zone
        self.story_links = replace(SITE_LINKS, site_url=self.site_url,
                                   share_networks=self.share_networks)
        self.root_links = replace(ROOT_LINKS, site_url=self.site_url)
        self.entity_links = replace(SITE_LINKS, site_url=self.site_url)

    def settings_key(self) -> str:
        from newsdesk.publish import page, page_language, render

        # Keeping the pictures' GPS or not changes every picture file, carried ones too.
        return content_key("site", keeps_gps(), self.share_networks, self.site_url,
                           self.review_email, self.language, self.zone,
                           render.RENDERER_VERSION, module_key(page),
                           module_key(page_language), module_key(feeds), catalogues_key(),
                           _templates_key())

    def plan(self, source: StorySource) -> Plan:
        """The site's files. Given the previous export's memo (and the same News Line,
        which every page prints), only the stories whose stamp moved are read and only
        their pages and the listings that show them (before or now) are worked out; the
        rest is carried over."""
        headers = source.headers
        news_line = tuple(NewsItem(h.slug, h.headline, h.date.date(), h.language)
                          for h in headers[:NEWS_LINE_LENGTH + 1])
        line_key = content_key(*(repr(item) for item in news_line))
        memo = source.memo if _usable_memo(source.memo, line_key) else None
        old_stories: dict[str, Any] = memo["stories"] if memo else {}
        old_entities: dict[str, Any] = memo["entities"] if memo else {}
        # A page links its translations published beside it: one published, withdrawn,
        # held or renamed rewrites the pages of the others, whose stamps did not move.
        translated = _translation_links(headers)
        linked = {uuid: _translations_key(links) for uuid, links in translated.items()}
        old_linked: dict[str, str] = memo["translations"] if memo else {}
        if memo is None:
            changed = source.stories()
            stale = {h.id for h in headers}
        else:
            stale = {h.id for h in headers
                     if (old_stories.get(h.uuid) or (None,))[0] != h.stamp
                     or linked.get(h.uuid, "") != old_linked.get(h.uuid, "")}
            changed = source.stories(stale)
        loaded = {story.id: story for story in changed}
        # A story read as changed but gone when read (deleted meanwhile) is left out.
        present = [h for h in headers if h.id in loaded or h.id not in stale]
        tag_ids = {h.id: ([t.entity_id for t in loaded[h.id].tags] if h.id in loaded
                          else old_stories[h.uuid][1]) for h in present}
        listed = {entity_id for ids in tag_ids.values() for entity_id in ids}
        affected = self._affected(changed, tag_ids, old_stories, present, listed,
                                  old_entities) if memo else set(listed)
        members: dict[int, list[StoryHeader]] = {}
        for header in present:
            for entity_id in tag_ids[header.id]:
                if entity_id in affected:
                    members.setdefault(entity_id, []).append(header)
        names = _entity_names(members, changed)
        files = [self._story_file(story, news_line, line_key, translated.get(story.uuid, ()))
                 for story in changed]
        carried = [story_path(h.slug) for h in present if h.id not in loaded]
        paths: dict[str, str] = {}
        for entity_id, listing in members.items():
            planned = self._entity_file(entity_id, *names[entity_id], listing, news_line,
                                        line_key)
            files.append(planned)
            paths[str(entity_id)] = planned.path
        for entity_id in listed - affected:
            paths[str(entity_id)] = old_entities[str(entity_id)]
            carried.append(old_entities[str(entity_id)])
        shared, kept = self._shared_files(source, present, news_line, line_key)
        memo_stories = {h.uuid: [loaded[h.id].stamp if h.id in loaded else h.stamp,
                                 tag_ids[h.id]] for h in present}
        renditions, picture_paths = self._renditions(changed, present, loaded,
                                                     memo["pictures"] if memo else {})
        rendered = {item.path for item in renditions}
        carried += sorted({path for h in present if h.id not in loaded
                           for path in picture_paths[h.uuid]} - rendered)
        return Plan(files + renditions + shared, carried + kept,
                    {"line": line_key, "stories": memo_stories, "entities": paths,
                     "pictures": picture_paths,
                     "translations": {h.uuid: linked[h.uuid] for h in present
                                      if h.uuid in linked}},
                    warnings=[] if self.site_url else [feeds.RELATIVE_LINKS_WARNING])

    @staticmethod
    def _renditions(changed: Sequence[ExportStory], present: Sequence[StoryHeader],
                    loaded: dict[int, ExportStory], old: dict[str, list[str]]
                    ) -> tuple[list[PlannedFile], dict[str, list[str]]]:
        keep_gps = keeps_gps()
        """The picture files of the changed stories (written only when missing: their
        keys name their content), and every present story's picture files for the memo
        (an unchanged story's from the previous memo, to be carried over)."""
        planned = {story.uuid: [item for picture in story.pictures
                                for item in planned_renditions(picture, keep_gps=keep_gps)]
                   for story in changed}
        files = unique_files([item for items in planned.values() for item in items])
        paths = {uuid: [item.path for item in items] for uuid, items in planned.items()}
        for header in present:
            if header.id not in loaded:
                paths[header.uuid] = list(old.get(header.uuid, []))
        return files, paths

    @staticmethod
    def _affected(changed: Sequence[ExportStory], tag_ids: dict[int, list[int]],
                  old_stories: dict[str, Any], present: Sequence[StoryHeader], listed: set[int],
                  old_entities: dict[str, Any]) -> set[int]:
        """The people and organisations whose pages must be worked out again: those the
        changed stories are tagged with now or were, those of stories gone from the
        export, and any the memo does not know."""
        affected: set[int] = set()
        for story in changed:
            affected.update(tag_ids.get(story.id, ()))
            before = old_stories.get(story.uuid)
            if before is not None:
                affected.update(before[1])
        for uuid in old_stories.keys() - {h.uuid for h in present}:
            affected.update(old_stories[uuid][1])
        affected.update(entity_id for entity_id in listed - affected
                        if str(entity_id) not in old_entities)
        return affected

    # -- story pages -------------------------------------------------------------------
    def _story_file(self, story: ExportStory, news_line: tuple[NewsItem, ...],
                    line_key: str,
                    translations: tuple[TranslationLink, ...] = ()) -> PlannedFile:
        # The page itself is built only if the file must be written (by then maybe in a
        # worker process: the format and the story are plain data).
        key = content_key(story.fingerprint(), line_key, _translations_key(translations))
        return PlannedFile(story_path(story.slug), key, site_story_bytes,
                           (self, story, news_line, translations), story)

    def story_page(self, story: ExportStory, news_line: tuple[NewsItem, ...],
                   translations: tuple[TranslationLink, ...] = ()) -> StoryPage:
        others = tuple(item for item in news_line if item.slug != story.slug)
        updated, correction = change_marks(story.change_kind, story.change_note,
                                           story.changed_at, self.zone)
        return StoryPage(
            slug=story.slug, headline=story.headline, dateline=story.dateline.printed(),
            body=story.body, footnote=story.footnote, desk_code=story.desk_code,
            language=story.language or "en", byline=story.byline, section=story.section,
            published=story.published_at, tags=tuple(_tag_link(t) for t in story.tags),
            reviews=tuple(ReviewItem(r.author, r.text, r.submitted_at, r.rating)
                          for r in story.reviews),
            pictures=tuple(figure_of(picture) for picture in story.pictures),
            news_line=others[:NEWS_LINE_LENGTH], review_email=self.review_email,
            updated=updated, correction=correction, translations=translations)

    # -- people and organisations --------------------------------------------------------
    def _entity_file(self, entity_id: int, kind: str, name: str,
                     listing: Sequence[StoryHeader], news_line: tuple[NewsItem, ...],
                     line_key: str) -> PlannedFile:
        items = [list_item(header) for header in listing]
        key = content_key("entity", kind, name, line_key,
                          *[item_key(item) for item in items])
        description = translations(self.language).gettext(
            "Stories about or mentioning %(name)s.") % {"name": name}
        return PlannedFile(
            entity_path(kind, entity_id, name), key, listing_bytes,
            (self.language, name, tuple(items), news_line, self.entity_links, description))

    # -- index, feeds, stylesheet ------------------------------------------------------
    def _shared_files(self, source: StorySource, present: Sequence[StoryHeader],
                      news_line: tuple[NewsItem, ...],
                      line_key: str) -> tuple[list[PlannedFile], list[str]]:
        """The index, feeds and stylesheet, and which of them are carried over (the feeds
        print whole stories, read only when the feeds changed)."""
        items = [list_item(header) for header in present[:INDEX_LENGTH]]
        index_key = content_key("index", line_key,
                                *(item_key(item) for item in items))
        heading = translations(self.language).gettext("News Line")
        files = [PlannedFile("index.html", index_key, listing_bytes,
                             (self.language, heading, tuple(items), news_line,
                              self.root_links)),
                 PlannedFile("style.css", content_key(stylesheet_text()), stylesheet_bytes)]
        in_feed = present[:feeds.FEED_LENGTH]
        feed_key = content_key("feed", *(header.fingerprint() for header in in_feed))
        feed_paths = (feeds.ATOM_PATH, feeds.RSS_PATH)
        if source.memo is not None and all(source.old_files.get(path) == feed_key
                                           for path in feed_paths):
            return files, list(feed_paths)
        stories = source.stories([header.id for header in in_feed])
        feed_args = (stories, self.site_url, self.language)
        files += [PlannedFile(feeds.ATOM_PATH, feed_key, feeds.atom_feed, feed_args),
                  PlannedFile(feeds.RSS_PATH, feed_key, feeds.rss_feed, feed_args)]
        return files, []


def _usable_memo(memo: dict[str, Any] | None, line_key: str) -> bool:
    """A memo of the same News Line, in the shape ``SiteFormat.plan`` writes it (one read
    back from a manifest edited by hand may be anything)."""
    if not memo or memo.get("line") != line_key:
        return False
    stories, entities = memo.get("stories"), memo.get("entities")
    return (is_map_of(entities, str, str) and is_map_of(memo.get("pictures"), str, list)
            and is_map_of(memo.get("translations"), str, str)
            and isinstance(stories, dict)
            and all(isinstance(entry, list) and len(entry) == 2
                    and isinstance(entry[0], int) and isinstance(entry[1], list)
                    and all(isinstance(entity_id, int) for entity_id in entry[1])
                    for entry in stories.values()))


def _entity_names(entity_ids: Iterable[int],
                  stories: Sequence[ExportStory]) -> dict[int, tuple[str, str]]:
    """Kind and name of each person or organisation: from the stories read, else stored."""
    wanted = set(entity_ids)
    names: dict[int, tuple[str, str]] = {}
    for story in stories:
        for tag in story.tags:
            if tag.entity_id in wanted:
                names.setdefault(tag.entity_id, (tag.kind, tag.name))
    missing = wanted - names.keys()
    if missing:
        from newsdesk.store.models import Entity

        query = (Entity.select(Entity.id, Entity.kind, Entity.name)
                 .where(Entity.id.in_(sorted(missing))).tuples())
        names.update((entity_id, (kind, name)) for entity_id, kind, name in query)
    return names


def _translation_links(headers: Sequence[StoryHeader]
                       ) -> dict[str, tuple[TranslationLink, ...]]:
    """Each exported story's translations that are exported too (by uuid; only stories
    that have some): a page links only pages the site has."""
    groups: dict[str, list[StoryHeader]] = {}
    for header in headers:
        if header.translation_group:
            groups.setdefault(header.translation_group, []).append(header)
    found: dict[str, tuple[TranslationLink, ...]] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda h: (h.language, h.id))
        for header in members:
            found[header.uuid] = tuple(TranslationLink(other.language, other.slug,
                                                       other.headline)
                                       for other in members if other.id != header.id)
    return found


def _translations_key(links: Sequence[TranslationLink]) -> str:
    return repr(tuple((link.language, link.slug, link.headline) for link in links)
                ) if links else ""


def site_story_bytes(site: SiteFormat, story: ExportStory, news_line: tuple[NewsItem, ...],
                     translations: tuple[TranslationLink, ...] = ()) -> bytes:
    return render_story_page(site.story_page(story, news_line, translations),
                             links=site.story_links).encode("utf-8")


def listing_bytes(language: str, heading: str, items: tuple[ListItem, ...],
                  news_line: tuple[NewsItem, ...], links: LinkStyle,
                  description: str = "") -> bytes:
    """The News Line index or a person's or organisation's page (``index.html`` template),
    its labels in ``language``."""
    return render_template("index.html", links=links, language=language, title=heading,
                           heading=heading, stories=items, description=description,
                           news_line=news_line[:NEWS_LINE_LENGTH]).encode("utf-8")


def stylesheet_bytes() -> bytes:
    return stylesheet_text().encode("utf-8")


def _tag_link(tag: StoryTag) -> TagLink:
    return TagLink(entity_id=tag.entity_id, name=tag.name, kind=tag.kind,
                   relation=tag.relation)


def _templates_key() -> str:
    from newsdesk.assets import resource_path

    folder = resource_path("templates")
    return content_key(*(p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())
                         if p.is_file()))
