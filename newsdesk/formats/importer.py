"""Importing story files: format detection, parsing every file first, then one transaction.

Each format is a parser from a file's text to ``ImportedStory`` objects; a parser raises
``UserError`` with the file and line. Nothing is written unless every file parsed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsdesk.errors import StoryLocked, UserError
from newsdesk.formats.imported import ImportedStory, check_story
from newsdesk.formats.imported_translations import restore_translations
from newsdesk.formats.markdown_import import parse_markdown
from newsdesk.formats.ninjs_import import parse_ninjs
from newsdesk.formats.placed_pictures import with_stored_pictures
from newsdesk.formats.wirecopy import WireCopyError, parse_wire_copy
from newsdesk.people import registry as entities
from newsdesk.store.models import Article, ArticleTag, database_proxy
from newsdesk.stories import agency, articles, pictures
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
    if story.embargo_until is not None:
        fields["embargo_until"] = story.embargo_until
    return [ImportedStory(fields=fields, source=source, line=story.source_line,
                          origins={"headline": ("headline", story.source_line)},
                          match_by_dateline=True)]


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


@dataclass(frozen=True)
class ImportOutcome:
    """What became of one story read from a file."""

    action: str  # created | updated | skipped
    article_id: int
    slug: str
    source: str  # the file
    detail: str = ""  # updated: what the change is; skipped: why


@dataclass
class ImportReport:
    outcomes: list[ImportOutcome] = field(default_factory=list)
    # What the user should hear about an import that was still made (one line each).
    warnings: list[str] = field(default_factory=list)

    def of(self, action: str) -> list[ImportOutcome]:
        return [o for o in self.outcomes if o.action == action]

    @property
    def ids(self) -> list[int]:
        """The stories created or updated, in file order."""
        return [o.article_id for o in self.outcomes if o.action != "skipped"]


def store_stories(stories: Sequence[ImportedStory], *, author: str = "") -> list[int]:
    """Store parsed stories in one transaction; returns the ids created or updated."""
    return import_stories(stories, author=author).ids


def import_stories(stories: Sequence[ImportedStory], *, author: str = "") -> ImportReport:
    """Store parsed stories in one transaction, all or nothing. A story already stored
    (the same agency ``uri`` or uuid; for wire copy the same agency, dateline date and
    headline) is updated when the file's version is newer and skipped otherwise."""
    report = ImportReport()
    with database_proxy.atomic():
        for story in stories:
            existing = _stored_story(story)
            if existing is None:
                report.outcomes.append(_create(story, author))
                continue
            # Pictures it has already (its own export read back) are not brought again.
            with_stored_pictures(story, [p.sha256 for p in pictures.pictures_of(existing.id)])
            skip = _skip_reason(story, existing)
            if skip:
                report.outcomes.append(ImportOutcome("skipped", existing.id, existing.slug,
                                                     story.source, skip))
            else:
                report.outcomes.append(_update(story, existing, author))
        # The stories a file puts in a translation group: those stored or updated, and
        # those skipped as unchanged that are in no group here (one in a group keeps it:
        # an older file must not move it).
        ungrouped = {a.id for a in Article.select(Article.id).where(
            Article.id.in_([o.article_id for o in report.of("skipped")])
            & Article.translation_group.is_null())}
        report.warnings += restore_translations(
            [(story, outcome.article_id)
             for story, outcome in zip(stories, report.outcomes, strict=True)
             if outcome.action != "skipped" or outcome.article_id in ungrouped])
    return report


def _stored_story(story: ImportedStory) -> Article | None:
    found = agency.find_by_identity(story.agency_uri, story.uuid)
    if found is None and story.match_by_dateline:
        found = agency.find_wire_match(str(story.fields.get("dateline_source") or ""),
                                       story.fields.get("dateline_date"),
                                       str(story.fields.get("headline") or ""))
    return found


def _skip_reason(story: ImportedStory, existing: Article) -> str:
    """Why the file's story brings nothing new ("" when it is newer)."""
    stored = agency.stored_version(existing)
    order = agency.compare(_version_of(story), stored)
    if order is None:
        if agency.same_fields(existing, story.fields):
            return f"{_label(existing)} already says the same"
        if existing.import_digest and existing.import_digest == _digest(story):
            return f"{_label(existing)} was imported from the same text before"
        return ""
    if order > 0:
        return ""
    shown = f"version {stored.version}" if stored.version else f"the version of {stored.created}"
    return (f"{_label(existing)} already has {shown}"
            + ("" if order == 0 else f" (this file is {_version_label(story)}, older)"))


def _create(story: ImportedStory, author: str) -> ImportOutcome:
    slug = story.slug if story.slug and not articles._slug_taken(story.slug) else None
    article = articles.create_article(story.fields, author=author, slug=slug,
                                      created_at=story.created_at, reason="import")
    if story.uuid and not _uuid_taken(story.uuid):
        article.uuid = story.uuid
    if story.published_at and article.published_at != story.published_at:
        article.published_at = story.published_at
    if story.agency_uri:  # the version of a file of ours is another newsroom's count
        article.agency_uri = story.agency_uri
        article.agency_version = story.agency_version
        article.agency_version_created = story.agency_version_created
    article.agency_metadata = agency.metadata_text(story.metadata)
    article.import_digest = _digest(story)
    article.save()
    _tag(article, story)
    _add_pictures(article, story)
    return ImportOutcome("created", article.id, article.slug, story.source)


def _update(story: ImportedStory, existing: Article, author: str) -> ImportOutcome:
    # Our own export read back (a uuid, no agency uri) has no agency version or metadata
    # to record; an agency's file replaces what the previous version said.
    from_agency = story.agency_uri is not None
    change = agency.SourceChange(
        kind=story.change_kind, note=story.change_note, version=_version_of(story),
        metadata=agency.metadata_text(story.metadata), digest=_digest(story),
        published_at=story.published_at, record_version=from_agency)
    try:
        article = agency.update_from_source(existing.id, story.fields, change, author=author)
    except StoryLocked as exc:
        raise UserError(exc.reason, file=story.source, line=story.line) from exc
    _tag(article, story)
    _add_pictures(article, story)
    detail = story.change_kind
    if from_agency and story.agency_version:
        detail += f", agency version {story.agency_version}"
    if story.change_note:
        detail += f": {' '.join(story.change_note.split())[:200]}"
    if existing.deleted_at is not None:
        detail += " (the story is in the trash)"
    return ImportOutcome("updated", article.id, article.slug, story.source, detail)


def _add_pictures(article: Article, story: ImportedStory) -> None:
    """The pictures the file brings that the story does not have yet (by content)."""
    have = {picture.sha256 for picture in pictures.pictures_of(article.id)}
    for picture in story.pictures:
        if hashlib.sha256(picture.data).hexdigest() in have:
            continue
        added = pictures.add_picture(article.id, picture.data, picture.name,
                                     caption=picture.caption, credit=picture.credit,
                                     alt=picture.alt, lead=picture.lead)
        have.add(added.sha256)


def _tag(article: Article, story: ImportedStory) -> None:
    # New entries are made in the order an export lists tags (kind, then name), so a
    # story exported and imported again names them in the same order with the same ids.
    for kind, name, relation, uri in sorted(story.tags, key=lambda t: (t[0], t[1])):
        latitude, longitude = story.coordinates.get(name, (None, None))
        entity = entities.find_or_create(kind, name, uri=uri, latitude=latitude,
                                         longitude=longitude)
        ArticleTag.get_or_create(article=article, entity=entity,
                                 defaults={"relation": relation})
    entities.tag_dateline_place(article.id)


def _version_of(story: ImportedStory) -> agency.SourceVersion:
    return agency.SourceVersion(story.agency_version, story.agency_version_created)


def _version_label(story: ImportedStory) -> str:
    if story.agency_version:
        return f"version {story.agency_version}"
    return f"the version of {story.agency_version_created}"


def _label(article: Article) -> str:
    return f"story {article.slug!r}"


def _digest(story: ImportedStory) -> str:
    """The story as read, fields and metadata, as one digest."""
    text = json.dumps([story.fields, story.metadata], sort_keys=True, default=str,
                      ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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


