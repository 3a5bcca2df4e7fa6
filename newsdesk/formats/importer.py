"""Importing story files: format detection, parsing every file first, then one transaction.

Each format is a parser from a file's text to ``ImportedStory`` objects; a parser raises
``UserError`` with the file and line. Nothing is written unless every file parsed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from newsdesk.errors import UserError
from newsdesk.formats.imported import ImportedStory, check_story
from newsdesk.formats.markdown_import import parse_markdown
from newsdesk.formats.ninjs_import import parse_ninjs
from newsdesk.formats.wirecopy import WireCopyError, parse_wire_copy
from newsdesk.people import registry as entities
from newsdesk.store.models import Article, ArticleTag, database_proxy
from newsdesk.stories import articles
from newsdesk.stories.body_limits import body_refusal

Parser = Callable[[str, str], list[ImportedStory]]


def parse_agency(text: str, source: str) -> list[ImportedStory]:
    try:
        story = parse_wire_copy(text)
    except WireCopyError as exc:
        raise UserError(exc.reason, file=source, line=exc.line) from exc
    dateline = story.dateline
    fields: dict[str, Any] = {
        "headline": story.headline,
        "body": story.body,
        "footnote": story.footnote,
        "desk_code": story.desk_code,
        "dateline_place": dateline.place if dateline else "",
        "dateline_date": dateline.date if dateline else None,
        "dateline_source": dateline.source if dateline else "",
    }
    return [ImportedStory(fields=fields, source=source, line=story.source_line,
                          origins={"headline": ("headline", story.source_line)})]


# Formats register here; "auto" picks by file extension and content.
PARSERS: dict[str, Parser] = {"agency": parse_agency, "ninjs": parse_ninjs,
                              "markdown": parse_markdown}


def detect_format(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown") and "markdown" in PARSERS:
        return "markdown"
    if suffix == ".json" and "ninjs" in PARSERS:
        return "ninjs"
    if text.lstrip().startswith("---") and "markdown" in PARSERS:
        return "markdown"
    if text.lstrip().startswith("{") and "ninjs" in PARSERS:
        return "ninjs"
    return "agency"


def read_story_file(path: Path, fmt: str = "auto") -> list[ImportedStory]:
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read the file ({exc.strerror})", file=source) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UserError("not valid UTF-8 text", file=source, line=line) from exc
    if "\x00" in text:
        # PostgreSQL cannot store it (``db copy`` would fail later); no text file has one.
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise UserError("contains a NUL character (\\0): not a text file", file=source,
                        line=line)
    chosen = detect_format(path, text) if fmt == "auto" else fmt
    if chosen not in PARSERS:
        raise UserError(f"unknown format {chosen!r} (known: {', '.join(sorted(PARSERS))})")
    stories = PARSERS[chosen](text, source)
    for story in stories:
        check_story(story)
    return stories


def store_stories(stories: Sequence[ImportedStory], *, author: str = "") -> list[int]:
    """Store parsed stories in one transaction; returns their ids."""
    ids = []
    with database_proxy.atomic():
        for story in stories:
            slug = story.slug if story.slug and not articles._slug_taken(story.slug) else None
            article = articles.create_article(story.fields, author=author, slug=slug,
                                              created_at=story.created_at, reason="import")
            if story.uuid and not _uuid_taken(story.uuid):
                article.uuid = story.uuid
                article.save()
            if story.published_at and article.published_at != story.published_at:
                article.published_at = story.published_at
                article.save()
            for kind, name, relation, uri in story.tags:
                entity = entities.find_or_create(kind, name, uri=uri)
                ArticleTag.get_or_create(article=article, entity=entity,
                                         defaults={"relation": relation})
            ids.append(article.id)
    return ids


def _uuid_taken(value: str) -> bool:
    return Article.select().where(Article.uuid == value).exists()


def import_files(paths: Sequence[Path], fmt: str = "auto", *, author: str = "",
                 on_parsed: Callable[[Path], None] | None = None) -> list[int]:
    """Parse every file, then store all stories at once: all or nothing."""
    parsed: list[ImportedStory] = []
    for path in paths:
        stories = read_story_file(path, fmt)
        for story in stories:  # refused with the file's name, before anything is stored
            refusal = body_refusal(str(story.fields.get("body") or ""))
            if refusal:
                raise UserError(refusal, file=story.source, field="body")
        parsed.extend(stories)
        if on_parsed:
            on_parsed(path)
    return store_stories(parsed, author=author)


