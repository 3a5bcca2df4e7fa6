"""Pictures placed in an imported body: the images of files the import brings in become
references to those pictures (``![alt](picture:HASH)``, ``stories.picture_refs``), so a
story exported as Markdown or ninjs and read back shows its pictures where it did.

A file the import brings is named by the hash of its own bytes. When it was made from a
picture (a rendition our export wrote), ``origin`` is that picture's hash, as far as the
file says it (the ninjs association's ``urn:newsdesk:picture:<sha256>``, the digest a
rendition's name starts with): a story that still has that picture keeps it, and the
references name it again (``with_stored_pictures``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence

from newsdesk.formats.imported import ImportedPicture, ImportedStory
from newsdesk.publish.picture_markdown import images, replaced
from newsdesk.stories import picture_refs

RENDITION_NAME_RE = re.compile(r"([0-9a-f]{32,64})-\d+\.(?:jpg|webp)")
ORIGIN_URI = "urn:newsdesk:picture:"


def sha256_of(picture: ImportedPicture) -> str:
    return hashlib.sha256(picture.data).hexdigest()


def origin_of_name(name: str) -> str:
    """The picture a rendition file was made from, by its name (``""`` if it says none)."""
    match = RENDITION_NAME_RE.fullmatch(name.rpartition("/")[2])
    return match.group(1) if match else ""


def origin_of_uri(uri: str) -> str:
    found = uri[len(ORIGIN_URI):] if uri.startswith(ORIGIN_URI) else ""
    return found.lower() if re.fullmatch(r"[0-9A-Fa-f]{32,64}", found) else ""


def referenced(body: str, picture_for: Callable[[str], ImportedPicture | None]) -> str:
    """``body`` with each image whose target ``picture_for`` knows as a picture written
    as a reference to it (the image's own alt text kept in the brackets)."""
    changes = []
    for image in images(body):
        picture = picture_for(image.target)
        if picture is not None:
            changes.append((image.start, image.end,
                            picture_refs.reference(sha256_of(picture), image.alt)))
    return replaced(body, changes) if changes else body


def with_stored_pictures(story: ImportedStory, stored: Sequence[str]) -> None:
    """Leave out the pictures the stored story already has (``stored``: their SHA-256),
    by content or by origin; the body's references to one left out by origin name the
    stored picture instead (a reference in code is text, left as typed)."""
    kept: list[ImportedPicture] = []
    renamed: dict[str, str] = {}  # the brought file's SHA-256 -> the stored picture's
    for picture in story.pictures:
        sha = sha256_of(picture)
        same = next((have for have in stored if have == sha
                     or (picture.origin and have.startswith(picture.origin))), None)
        if same is None:
            kept.append(picture)
        elif same != sha:
            renamed[sha] = same
    story.pictures = kept
    body = story.fields.get("body")
    if renamed and isinstance(body, str):
        changes = []
        for ref in picture_refs.placed(body):
            target = picture_refs.resolve(ref.prefix, renamed)
            if target is not None:
                changes.append((ref.start, ref.end,
                                picture_refs.reference(renamed[target], ref.alt)))
        story.fields["body"] = replaced(body, changes)

