"""A story's pictures: adding one (checked by ``images.inspect``, its file stored once
however many stories use it), caption, credit and alt text, the lead picture, order,
removal; and the rule that every picture has alt text before the story is ready."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peewee

from newsdesk.errors import UserError
from newsdesk.store.models import Article, Picture, PictureBlob, database_proxy
from newsdesk.stories import images, picture_refs
from newsdesk.texts import Phrase

MAX_TEXT = 2000  # characters of a caption, credit or alt text
NEEDS_ALT = Phrase("pictures.needs_alt",
                   "{count} pictures without alt text: describe each for readers who "
                   "cannot see it before the story is ready",
                   english_one="{count} picture without alt text: describe it for "
                               "readers who cannot see it before the story is ready")
NOT_IN_STORY = Phrase("pictures.not_in_story",
                      "the body shows picture {ref}, which is not one of the story's "
                      "pictures: add the picture or take the reference out")
ALREADY_IN = Phrase("pictures.already_in", "this picture is already in the story")
NO_SUCH_PICTURE = Phrase("pictures.no_such_picture", "no picture {id}")


@dataclass(frozen=True)
class PictureInfo:
    """One picture of a story, as the editor, the CLI and the exports see it (no bytes)."""

    id: int
    article_id: int
    blob_id: int
    sha256: str
    content_type: str
    width: int
    height: int
    size: int
    position: int
    caption: str
    credit: str
    alt: str
    lead: bool
    filename: str

    @property
    def reference(self) -> str:
        """What places it in the story's body (``picture_refs``)."""
        return picture_refs.reference(self.sha256, self.alt)

    def as_dict(self) -> dict[str, Any]:
        """The ``show --json`` shape."""
        return {"id": self.id, "caption": self.caption, "credit": self.credit,
                "alt": self.alt, "lead": self.lead, "position": self.position,
                "width": self.width, "height": self.height,
                "content_type": self.content_type, "size": self.size,
                "sha256": self.sha256, "filename": self.filename,
                "reference": self.reference}


def read_image_file(path: Path) -> bytes:
    """The bytes of an image file, refusing a missing or oversized one by name."""
    try:
        size = path.stat().st_size
        if size > images.MAX_BYTES:
            raise UserError(f"the image is {size / 2**20:.1f} MB (at most "
                            f"{images.MAX_BYTES // 2**20} MB)", file=str(path))
        return path.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read the image ({exc.strerror or exc})",
                        file=str(path)) from None


def add_picture(article_id: int, data: bytes, name: str, *, caption: str | None = None,
                credit: str | None = None, alt: str | None = None,
                lead: bool = False) -> PictureInfo:
    """Add an image to a story. Caption and credit not given come from the file's IPTC
    or XMP metadata (the credit, else the by-line). Raises ``UserError`` for a file that
    is no acceptable picture, or one already in the story; nothing is stored then."""
    facts = images.inspect(data, name)
    texts = {"caption": caption if caption is not None else facts.caption,
             "credit": credit if credit is not None else (facts.credit or facts.byline),
             "alt": alt or ""}
    for field, value in texts.items():
        _check_text(field, value)
    with database_proxy.atomic():
        Article.get_by_id(article_id)
        blob = _stored_blob(facts)
        if Picture.select().where((Picture.article == article_id)
                                  & (Picture.blob == blob.id)).exists():
            raise UserError(ALREADY_IN(), file=name)
        last = (Picture.select(peewee.fn.MAX(Picture.position))
                .where(Picture.article == article_id).scalar())
        first = last is None
        picture = Picture.create(article=article_id, blob=blob.id,
                                 position=0 if first else last + 1,
                                 lead=lead or first, filename=Path(name).name[:255],
                                 **texts)
        if picture.lead and not first:
            _only_lead(article_id, picture.id)
    return picture_info(picture.id)


def _stored_blob(facts: images.ImageFacts) -> PictureBlob:
    found = PictureBlob.get_or_none(PictureBlob.sha256 == facts.sha256)
    if found is not None:
        return found
    return PictureBlob.create(sha256=facts.sha256, content_type=facts.content_type,
                              width=facts.width, height=facts.height, size=len(facts.data),
                              data=facts.data)


def update_picture(picture_id: int, *, caption: str | None = None,
                   credit: str | None = None, alt: str | None = None,
                   lead: bool | None = None) -> PictureInfo:
    """Change what is given of a picture's caption, credit, alt text and lead mark."""
    picture = _picture(picture_id)
    changes: dict[str, Any] = {}
    for field, value in (("caption", caption), ("credit", credit), ("alt", alt)):
        if value is not None:
            _check_text(field, value)
            changes[field] = value
    with database_proxy.atomic():
        if lead:
            _only_lead(picture.article_id, picture_id)
        elif lead is False:
            changes["lead"] = False
        if changes:
            Picture.update(**changes).where(Picture.id == picture_id).execute()
    return picture_info(picture_id)


def remove_picture(picture_id: int) -> None:
    """Take a picture out of its story (its file goes too when no story uses it)."""
    picture = _picture(picture_id)
    with database_proxy.atomic():
        picture.delete_instance()
        if not Picture.select().where(Picture.blob == picture.blob_id).exists():
            PictureBlob.delete().where(PictureBlob.id == picture.blob_id).execute()


def copy_pictures(source_id: int, target_id: int) -> int:
    """Give ``target_id`` the pictures of ``source_id`` (a translation, a duplicate): the
    same stored files, their captions, credits, alt texts, order and lead mark. Pictures
    the target has already stay as they are, first. Returns how many were copied."""
    have = {blob for (blob,) in Picture.select(Picture.blob)
            .where(Picture.article == target_id).tuples()}
    copied = [p for p in Picture.select().where(Picture.article == source_id)
              .order_by(Picture.position, Picture.id) if p.blob_id not in have]
    if not copied:
        return 0
    last = (Picture.select(peewee.fn.MAX(Picture.position))
            .where(Picture.article == target_id).scalar())
    start = 0 if last is None else last + 1
    rows = [{"article": target_id, "blob": p.blob_id, "position": start + index,
             "caption": p.caption, "credit": p.credit, "alt": p.alt,
             # The target's own lead picture stays its lead.
             "lead": p.lead and not have, "filename": p.filename}
            for index, p in enumerate(copied)]
    with database_proxy.atomic():
        Picture.insert_many(rows).execute()
    return len(rows)


def move_picture(picture_id: int, position: int) -> None:
    """Put a picture at ``position`` (0 first) among its story's pictures."""
    picture = _picture(picture_id)
    order = [p.id for p in pictures_of(picture.article_id) if p.id != picture_id]
    order.insert(max(0, min(position, len(order))), picture_id)
    with database_proxy.atomic():
        for index, other in enumerate(order):
            Picture.update(position=index).where(
                (Picture.id == other) & (Picture.position != index)).execute()


def pictures_of(article_id: int) -> list[PictureInfo]:
    """A story's pictures in their order (the lead picture first)."""
    return pictures_for([article_id]).get(article_id, [])


def pictures_for(article_ids: Sequence[int]) -> dict[int, list[PictureInfo]]:
    """The pictures of several stories in one query, by story (lead first, then order)."""
    found: dict[int, list[PictureInfo]] = {}
    wanted = list(article_ids)
    # No query at all for a newsroom without pictures (an export asks for every story).
    if not wanted or not Picture.select().exists():
        return found
    for start in range(0, len(wanted), _BATCH):
        _collect(wanted[start:start + _BATCH], found)
    return found


_BATCH = 500  # ids per query: within every database's limit on parameters


def _collect(article_ids: list[int], found: dict[int, list[PictureInfo]]) -> None:
    # Plain rows: an export reads every story's pictures, and model instances cost
    # several times as much.
    rows = (Picture.select(Picture.id, Picture.article, PictureBlob.id, PictureBlob.sha256,
                           PictureBlob.content_type, PictureBlob.width, PictureBlob.height,
                           PictureBlob.size, Picture.position, Picture.caption,
                           Picture.credit, Picture.alt, Picture.lead, Picture.filename)
            .join(PictureBlob).where(Picture.article.in_(article_ids))
            .order_by(Picture.article, Picture.lead.desc(), Picture.position, Picture.id)
            .tuples())
    for (picture_id, article_id, blob_id, sha256, content_type, width, height, size,
         position, caption, credit, alt, lead, filename) in rows:
        found.setdefault(article_id, []).append(PictureInfo(
            picture_id, article_id, blob_id, sha256, content_type, width, height, size,
            position, caption, credit, alt, bool(lead), filename))


def picture_info(picture_id: int) -> PictureInfo:
    article_id = _picture(picture_id).article_id
    return next(p for p in pictures_of(article_id) if p.id == picture_id)


def image_data(blob_id: int) -> bytes:
    """The stored bytes of a picture's file."""
    data = (PictureBlob.select(PictureBlob.data).where(PictureBlob.id == blob_id).scalar())
    if data is None:
        raise UserError(NO_SUCH_PICTURE(id=str(blob_id)))
    return bytes(data)


def missing_alt_refusal(article_id: int) -> Any:
    """Why the story cannot be ready yet for want of alt text (None when it can)."""
    count = (Picture.select().where((Picture.article == article_id)
                                    & (peewee.fn.TRIM(Picture.alt) == "")).count())
    return NEEDS_ALT(count=count) if count else None


def dangling_refusal(article_id: int, body: str) -> Any:
    """Why the story cannot be ready while its body places a picture it does not have
    (None when every reference names one of its pictures)."""
    if picture_refs.SCHEME not in body:
        return None
    missing = picture_refs.dangling(body, [p.sha256 for p in pictures_of(article_id)])
    return NOT_IN_STORY(ref=missing[0]) if missing else None


def _only_lead(article_id: int, picture_id: int) -> None:
    Picture.update(lead=(Picture.id == picture_id)).where(
        Picture.article == article_id).execute()


def _picture(picture_id: int) -> Picture:
    picture = Picture.get_or_none(Picture.id == picture_id)
    if picture is None:
        raise UserError(NO_SUCH_PICTURE(id=str(picture_id)))
    return picture


def _check_text(field: str, value: str) -> None:
    if len(value) > MAX_TEXT:
        raise UserError(f"the {field} is {len(value):,} characters long (at most "
                        f"{MAX_TEXT})", field=field)
