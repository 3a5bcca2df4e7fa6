"""Pictures in exports: the sizes written for each picture (once per picture: the path and
key name its content, so a re-export, or another story with the same picture, reuses the
file), and what a page or a ninjs item says about them.

A rendition file is ``pictures/<digest>-<width>.<webp|jpg>``; its key is its content's
digest with the width and kind, so the export engine writes it only when it is missing.
The picture's bytes are read from the database only for a file that must be written.
"""

from __future__ import annotations

from typing import Any

from newsdesk.publish.export.plan import Plan, PlannedFile, StorySource, content_key, is_map_of
from newsdesk.publish.figures import KINDS, Figure, figure_of, rendition_path, widths_of
from newsdesk.publish.stories import ExportStory, StoryPicture
from newsdesk.store.models import Setting
from newsdesk.stories import images, pictures

KEEP_GPS_SETTING = "pictures_keep_gps"
JPEG_ONLY = (("image/jpeg", "jpg"),)  # what every reader of ninjs and Markdown takes
# Raise when renditions change (quality, sizes): every picture is then written again.
RENDITION_VERSION = 1


class BlobRef:
    """A stored picture's bytes, read when first needed (a rendition to write), and
    carried along when the file is made in a worker process (read before pickling)."""

    def __init__(self, blob_id: int) -> None:
        self.blob_id = blob_id
        self._data: bytes | None = None

    def data(self) -> bytes:
        if self._data is None:
            self._data = pictures.image_data(self.blob_id)
        return self._data

    def __getstate__(self) -> dict[str, Any]:
        return {"blob_id": self.blob_id, "_data": self.data()}


def rendition_bytes(ref: BlobRef, width: int, content_type: str,
                    keep_gps: bool = False) -> bytes:
    return images.rendition(ref.data(), width, content_type, keep_gps=keep_gps).data


def keeps_gps() -> bool:
    """Whether the newsroom keeps its pictures' GPS location in exports (setting
    ``pictures_keep_gps``, "1"; File > Export saves it). By default it is left out:
    a photographer's position can endanger a source."""
    return Setting.get_value(KEEP_GPS_SETTING) == "1"


def save_keep_gps(keep: bool) -> None:
    Setting.put(KEEP_GPS_SETTING, "1" if keep else "0")


def planned_renditions(picture: StoryPicture, kinds: tuple[tuple[str, str], ...] = KINDS,
                       *, widest_only: bool = False,
                       keep_gps: bool = False) -> list[PlannedFile]:
    ref = BlobRef(picture.blob_id)
    widths = widths_of(picture.width)
    return [PlannedFile(rendition_path(picture.sha256, width, extension),
                        content_key("rendition", picture.sha256, width, kind,
                                    RENDITION_VERSION, keep_gps),
                        rendition_bytes, (ref, width, kind, keep_gps))
            for width in (widths[-1:] if widest_only else widths)
            for kind, extension in kinds]


def with_picture_files(plan: Plan, source: StorySource, suffix: str,
                       kinds: tuple[tuple[str, str], ...] = JPEG_ONLY, *,
                       widest_only: bool = False) -> Plan:
    """A one-file-per-story plan (``plan_per_story``) with its stories' picture files:
    those of the stories it writes planned (written only when missing), those of the
    stories it carries over carried too (from the memo's ``pictures``)."""
    old = (source.memo or {}).get("pictures")
    old = old if is_map_of(old, str, list) else {}
    written = {item.story.uuid: item.story for item in plan.files if item.story}
    keep_gps = keeps_gps()

    def files_of(story: ExportStory) -> list[PlannedFile]:
        return [item for picture in story.pictures
                for item in planned_renditions(picture, kinds, widest_only=widest_only,
                                               keep_gps=keep_gps)]

    files = unique_files([item for story in written.values() for item in files_of(story)])
    paths = {uuid: [item.path for item in files_of(story)] for uuid, story in written.items()}
    carried_stories = set(plan.carried)
    for header in source.headers:
        if header.uuid not in written and f"{header.slug}{suffix}" in carried_stories:
            paths[header.uuid] = [str(path) for path in old.get(header.uuid, [])]
    rendered = {item.path for item in files}
    carried = sorted({path for uuid, listed in paths.items() if uuid not in written
                      for path in listed} - rendered)
    return Plan(plan.files + files, plan.carried + carried,
                {**plan.memo, "pictures": paths}, plan.warnings)


def unique_files(files: list[PlannedFile]) -> list[PlannedFile]:
    """The files once each (two stories may show one picture)."""
    seen: set[str] = set()
    kept = []
    for item in files:
        if item.path not in seen:
            seen.add(item.path)
            kept.append(item)
    return kept


__all__ = ["BlobRef", "Figure", "figure_of", "keeps_gps", "planned_renditions",
           "save_keep_gps", "unique_files", "with_picture_files"]
