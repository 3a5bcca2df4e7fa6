"""The story page: one template and one function for the preview and the site export.

What the editor sees in the preview is what readers get, because both call::

    render_story_page(story: StoryPage, *, links: LinkStyle) -> str

and get back a complete HTML document (``<!doctype html>`` ... ``</html>``).

- ``StoryPage`` is plain data (no database, no Qt): build it with
  ``newsdesk.publish.story_page.story_page_for(article)`` from a stored story, or with
  ``story_page_from_fields(fields, surroundings)`` from the editor's unsaved fields.
- ``LinkStyle`` says how the page links to the rest of the site: ``root`` is the prefix that
  reaches the site root from the page (``"../"`` for a page at ``stories/<slug>.html``),
  ``scripts`` the external scripts to load (the site has none; the preview loads its sync
  script), ``source_lines`` whether body blocks carry ``data-line`` (preview only),
  ``site_url`` the public address of the site root, used for share links, and ``feeds``
  whether the head links the site's feeds (``<link rel="alternate">``; not the preview).
- Site layout (relative to the site root): ``index.html``, ``style.css``, ``feed.atom``,
  ``feed.rss``,
  ``story_path(slug)`` = ``stories/<slug>.html`` and ``entity_path(kind, id, name)`` =
  ``people/<name-slug>-<id>.html``, ``organisations/...`` or ``places/<name-slug>-<id>.html``.
  ``stylesheet_text()`` is the ``style.css`` to write next to ``index.html``.
- Other pages of the site (index, entity pages) can extend ``base.html`` through
  ``render_template(name, links=..., language=..., **context)`` so they share the head
  (with the Content-Security-Policy), the header and the News Line.
- Every label is printed in the page's language (``page_language``: the story's, for a
  story page; the newsroom's, for the other pages), through gettext in the templates
  (``_()`` and ``{% trans %}``, Jinja2's i18n extension) with the catalogues in
  ``resources/locale/``; dates and numbers through Babel (the ``localdate`` and ``number``
  filters). ``<html lang>`` is the labels' language, ``<article lang>`` the story's, so
  CSS uppercase follows each language's own casing rules.

Every page carries a Content-Security-Policy meta tag that allows no inline script. The
templates autoescape; the body and footnote come from ``render.markdown_to_html`` (nh3
allow-list), review text is escaped and its links get ``rel="nofollow ugc noopener"``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache, lru_cache, partial
from typing import Any, cast
from urllib.parse import quote, urlencode

import jinja2
from markupsafe import Markup, escape

from newsdesk.assets import read_text, resource_path
from newsdesk.publish.figures import Figure
from newsdesk.publish.page_items import NewsItem, ReviewItem, TagLink
from newsdesk.publish.page_language import (
    SOURCE_LANGUAGE,
    format_day,
    format_number,
    own_language_name,
    page_language,
    translations,
)
from newsdesk.publish.picture_slots import Placer
from newsdesk.publish.render import markdown_to_html
from newsdesk.publish.template_cache import compiled_template_cache
from newsdesk.stories.slugs import slugify

ENTITY_FOLDERS = {"person": "people", "organisation": "organisations", "place": "places"}
REVIEW_LINK_REL = "nofollow ugc noopener"
SITE_NAME = "Newsdesk"


@dataclass(frozen=True)
class TranslationLink:
    """The same story in another language, published on the site."""

    language: str  # its BCP 47 tag, as stored
    slug: str
    headline: str = ""  # shown as the link's title

    @property
    def name(self) -> str:
        """Its language named in that language ("Azərbaycan", "Русский")."""
        return own_language_name(self.language)


@dataclass(frozen=True)
class StoryPage:
    slug: str
    headline: str
    dateline: str = ""  # printed, e.g. "Baku/28.12.22/Turan:" (Dateline.printed())
    body: str = ""  # Markdown
    footnote: str = ""  # Markdown
    desk_code: str = ""  # as stored, "03/06D"; printed "-03/06D-"
    language: str = "en"
    byline: str = ""
    section: str = ""
    published: datetime | None = None
    tags: tuple[TagLink, ...] = ()
    reviews: tuple[ReviewItem, ...] = ()  # approved reviews only, oldest first
    news_line: tuple[NewsItem, ...] = ()  # the latest stories, newest first
    review_email: str = ""  # where readers send a review, if the newsroom set one
    # The last update from the story's source, in the newsroom's zone (UTC without one),
    # and, when it was a correction, its note ("" for none; None: not a correction).
    updated: datetime | None = None
    correction: str | None = None
    # The preview only: when the story's embargo ends, as printed ("" when not held).
    embargo: str = ""
    pictures: tuple[Figure, ...] = ()  # the lead picture (if any) first
    # Its translations published beside it, by language (the site: "Also in", hreflang).
    translations: tuple[TranslationLink, ...] = ()

    @property
    def lead_picture(self) -> Figure | None:
        return self.pictures[0] if self.pictures and self.pictures[0].lead else None

    @property
    def other_pictures(self) -> tuple[Figure, ...]:
        return self.pictures[1:] if self.lead_picture else self.pictures

    @property
    def printed_desk_code(self) -> str:
        code = self.desk_code.strip().strip("-")
        return f"-{code}-" if code else ""

    @property
    def updated_text(self) -> str:
        """When the update was made, as printed: its time, with the date before it when
        the story was published on another day."""
        if self.updated is None:
            return ""
        published = (self.published.replace(tzinfo=UTC).astimezone(self.updated.tzinfo)
                     if self.published is not None else None)
        if published is not None and published.date() != self.updated.date():
            return f"{self.updated:%d.%m.%y %H:%M}"
        return f"{self.updated:%H:%M}"


@dataclass(frozen=True)
class LinkStyle:
    root: str = ""
    scripts: tuple[str, ...] = ()
    # Extra CSP sources for scripts and styles, e.g. "qrc:" for the preview's channel.
    script_sources: tuple[str, ...] = ()
    source_lines: bool = False
    site_url: str = ""
    stylesheet: str | None = None  # default: root + "style.css"
    # Which share links the page offers (``SHARE_NETWORKS`` names); None: all of them.
    share_networks: tuple[str, ...] | None = None
    feeds: bool = False  # the head names the site's feeds (the site: yes; the preview: no)
    # Where picture files are when not under ``root`` (the preview's cache folder, as a
    # file: URL ending in "/"), and the CSP's sources for them.
    picture_root: str = ""
    image_sources: tuple[str, ...] = ()
    # A body's reference to a picture the story does not have: a note (the preview) or
    # nothing (what readers get).
    missing_pictures_shown: bool = False

    def href(self, path: str) -> str:
        return self.root + path

    def picture_href(self, path: str) -> str:
        return self.picture_root + path if self.picture_root else self.href(path)

    @property
    def stylesheet_href(self) -> str:
        return self.stylesheet if self.stylesheet is not None else self.href("style.css")

    def story_href(self, slug: str) -> str:
        return self.href(story_path(slug))

    def entity_href(self, tag: TagLink) -> str:
        return self.href(entity_path(tag.kind, tag.entity_id, tag.name))

    def alternate_href(self, slug: str) -> str:
        """A story's address for ``hreflang`` alternates: absolute when the site's
        address is known (as search engines want them), else relative."""
        return self.public_url(slug) or self.story_href(slug)

    def public_url(self, slug: str) -> str:
        """The story's absolute address, or "" when the site's address is not known."""
        if not self.site_url:
            return ""
        return self.site_url.rstrip("/") + "/" + story_path(slug)


SITE_LINKS = LinkStyle(root="../", feeds=True)  # a story page of the exported site
# The preview: the page is loaded from resources/templates/ (so style.css resolves there),
# body blocks carry data-line, and the sync script and Qt's channel script load as files.
PREVIEW_LINKS = LinkStyle(
    root="", source_lines=True, script_sources=("qrc:",), missing_pictures_shown=True,
    scripts=("qrc:///qtwebchannel/qwebchannel.js", "../preview/sync.js"))


_URL_SAFE = re.compile(r"[A-Za-z0-9._~-]*")


def story_path(slug: str) -> str:
    # Exported slugs are already URL-safe; quote() only for what is not (the preview).
    return f"stories/{slug if _URL_SAFE.fullmatch(slug) else quote(slug)}.html"


def entity_path(kind: str, entity_id: int, name: str) -> str:
    return f"{ENTITY_FOLDERS.get(kind, 'organisations')}/{name_slug(name)}-{entity_id}.html"


@lru_cache(maxsize=8192)
def name_slug(name: str) -> str:
    """A person's or organisation's slug; cached, because a site export links each name
    from every page of its stories as well as from its own page."""
    return slugify(name)


def content_security_policy(links: LinkStyle) -> str:
    """No inline script anywhere; scripts only from the page's own origin (and the listed)."""
    extra = "".join(f" {source}" for source in links.script_sources)
    images = "".join(f" {source}" for source in links.image_sources)
    return ("default-src 'none'; "
            f"script-src 'self'{extra}; "
            f"style-src 'self'{extra}; "
            f"img-src 'self' https: http:{images}; "
            "base-uri 'none'; form-action 'none'; object-src 'none'; frame-src 'none'")


@dataclass(frozen=True)
class ShareLink:
    label: str
    href: str
    service: str


def share_links(headline: str, url: str, email_label: str = "Email") -> list[ShareLink]:
    """Links that share the story; with no public address, only its headline is shared.
    The networks are named by their brands; ``email_label`` in the page's language."""
    text = f"{headline} {url}".strip()
    links = [
        ShareLink("Facebook", "https://www.facebook.com/sharer/sharer.php?"
                  + urlencode({"u": url}), "facebook") if url else None,
        ShareLink("X", "https://twitter.com/intent/tweet?" + urlencode(
            {"text": headline, **({"url": url} if url else {})}), "x"),
        ShareLink("Telegram", "https://t.me/share/url?" + urlencode(
            {"url": url or headline, "text": headline if url else ""}), "telegram"),
        ShareLink("WhatsApp", "https://wa.me/?" + urlencode({"text": text}), "whatsapp"),
        ShareLink(email_label, "mailto:?" + urlencode({"subject": headline, "body": text},
                                                  quote_via=quote), "email"),
    ]
    return [link for link in links if link is not None]


_URL_RE = re.compile(r"https?://[^\s<>\"']+")
_TRAILING_PUNCTUATION = ".,;:!?)]}»"


def review_html(text: str) -> Markup:
    """Plain review text as HTML: escaped, paragraphs kept, web addresses made into links
    that search engines do not follow (``rel="nofollow ugc noopener"``)."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return Markup("").join(
        Markup("<p>{}</p>").format(Markup("<br>").join(_linkify(line)
                                                       for line in p.split("\n")))
        for p in paragraphs)


def _linkify(line: str) -> Markup:
    parts: list[Markup] = []
    position = 0
    for match in _URL_RE.finditer(line):
        url = match.group(0).rstrip(_TRAILING_PUNCTUATION)
        parts.append(escape(line[position:match.start()]))
        parts.append(Markup('<a href="{}" rel="{}">{}</a>').format(url, REVIEW_LINK_REL, url))
        position = match.start() + len(url)
    parts.append(escape(line[position:]))
    return Markup("").join(parts)


def with_dateline(body_html: str, dateline: str) -> Markup:
    """The printed dateline opening the first paragraph of the rendered body."""
    if not dateline:
        return Markup(body_html)
    printed = Markup('<span class="dateline">{}</span> ').format(dateline)
    match = re.match(r"\s*<p(?:\s[^>]*)?>", body_html)
    if match:
        # Plain str concatenation: str + Markup would escape the (already safe) body.
        return Markup("".join((body_html[:match.end()], str(printed),
                               body_html[match.end():])))
    return Markup('<p class="dateline-only">{}</p>').format(printed) + Markup(body_html)


@cache
def environment(language: str = SOURCE_LANGUAGE) -> jinja2.Environment:
    """The templates speaking ``language`` (one of ``page_languages()``): one environment
    per language, so pages in different languages may render at once (preview thread,
    export workers) without switching a shared one."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resource_path("templates"))),
        autoescape=True, trim_blocks=True, lstrip_blocks=True,
        undefined=jinja2.StrictUndefined, extensions=["jinja2.ext.i18n"])
    # Added by the i18n extension (so unknown to type checkers).
    cast(Any, env).install_gettext_translations(translations(language), newstyle=True)
    env.bytecode_cache = compiled_template_cache(env)  # once the code's rules are set
    env.filters["review_html"] = review_html
    env.globals["news_line_html"] = partial(news_line_html, language=language)
    env.filters["isodate"] = lambda value: value.isoformat() if value else ""
    env.filters["localdate"] = lambda value: format_day(value, language) if value else ""
    env.filters["number"] = lambda value: format_number(value, language)
    return env


def news_line_html(news_line: Sequence[NewsItem], links: LinkStyle,
                   language: str = SOURCE_LANGUAGE) -> Markup:
    """The News Line aside. It is the same on most pages of a site export, so it is rendered
    once per list, link style and language (about a tenth of a site export's time
    otherwise)."""
    return _news_line_html(tuple(news_line), links, language)


@lru_cache(maxsize=64)
def _news_line_html(news_line: tuple[NewsItem, ...], links: LinkStyle,
                    language: str) -> Markup:
    template = environment(language).get_template("news_line.html")
    return Markup(template.render(news_line=news_line, links=links, language=language))


def render_template(name: str, *, links: LinkStyle, language: str = SOURCE_LANGUAGE,
                    **context: object) -> str:
    """Any page of the site through the shared templates (they extend ``base.html``), its
    labels in ``language`` (a BCP 47 tag; English where no catalogue has it)."""
    labels = page_language(language)
    return environment(labels).get_template(name).render(
        links=links, csp=content_security_policy(links), site_name=SITE_NAME,
        language=labels, **context)


def picture_placer(pictures: Sequence[Figure], links: LinkStyle,
                   language: str = SOURCE_LANGUAGE, *, webp: bool = True,
                   placed: set[str] | None = None) -> Placer:
    """What a body's picture references print (``picture_slots``): the picture's
    ``<figure>`` (alone in a paragraph) or ``<picture>`` (among text), lazily loaded, from
    the same template as the lead; a reference to none of ``pictures`` is left out, or a
    note where ``links`` shows missing pictures. ``placed`` collects the SHA-256 of each
    picture printed."""
    def place(prefix: str, block: bool, line: str) -> str:
        # Looked up only for a body that places pictures (not on every preview render).
        macros: Any = environment(page_language(language)).get_template("figure.html").module
        picture = next((p for p in pictures if p.sha256.startswith(prefix)), None)
        if picture is None:
            return str(macros.missing(prefix, block, line)) if links.missing_pictures_shown \
                else ""
        if placed is not None:
            placed.add(picture.sha256)
        if block:
            return str(macros.figure(picture, True, links, line, webp))
        return str(macros.inline(picture, links, webp))

    return place


def render_story_page(story: StoryPage, *, links: LinkStyle) -> str:
    """The complete HTML page of one story, the same for the preview and the site."""
    placed: set[str] = set()
    body = markdown_to_html(story.body, source_lines=links.source_lines,
                            pictures=picture_placer(story.pictures, links, story.language,
                                                    placed=placed))
    footnote = markdown_to_html(story.footnote) if story.footnote.strip() else ""
    labels = translations(page_language(story.language))
    return render_template(
        "story.html", links=links, story=story, language=story.language,
        story_language=story.language.strip() or page_language(story.language),
        title=story.headline, body_html=with_dateline(body, story.dateline),
        footnote_html=Markup(footnote),
        tag_groups=_tag_groups(story.tags),
        # Pictures placed in the body are not printed again after it.
        other_pictures=[p for p in story.other_pictures if p.sha256 not in placed],
        share=[link for link in share_links(story.headline, links.public_url(story.slug),
                                            labels.gettext("Email"))
               if links.share_networks is None or link.service in links.share_networks],
        news_line=story.news_line)


def _tag_groups(tags: Sequence[TagLink]) -> list[tuple[str, list[TagLink]]]:
    """The story's tags by kind ("person", "organisation", "place"; the template names
    them)."""
    groups = [("person", [t for t in tags if t.kind == "person"]),
              ("organisation", [t for t in tags if t.kind not in ("person", "place")]),
              ("place", [t for t in tags if t.kind == "place"])]
    return [(kind, members) for kind, members in groups if members]


def stylesheet_text() -> str:
    """The shared ``style.css`` (the site writes it beside ``index.html``)."""
    return read_text("templates", "style.css")
