"""A story's pictures as the preview shows them: files made once in the user's cache
folder. Apart from the export's planning (``publish/pictures.py``), which the preview's
first render, at the window's start, has no use for."""

from __future__ import annotations

from newsdesk.publish.figures import KINDS, Figure, figure_of
from newsdesk.stories import images, pictures
from newsdesk.user_folders import cache_folder, write_whole

PREVIEW_LARGEST = 960  # the preview offers two sizes (480 and 960 px), made once each


def preview_figures(article_id: int) -> tuple[tuple[Figure, ...], str]:
    """A story's pictures as the preview shows them, and the folder (a file: URL) their
    files are in: made there on first use, kept by content in the user's cache folder.
    Called off the GUI thread (the preview's render worker)."""
    found = pictures.pictures_of(article_id)
    if not found:
        return (), ""
    folder = cache_folder("preview-pictures")
    figures = tuple(figure_of(picture, PREVIEW_LARGEST) for picture in found)
    for picture, figure in zip(found, figures, strict=True):
        wanted = [(width, kind, extension) for width in figure.widths
                  for kind, extension in KINDS
                  if not (folder / figure.path(width, extension)).is_file()]
        if not wanted:
            continue
        data = pictures.image_data(picture.blob_id)
        for width, kind, extension in wanted:
            target = folder / figure.path(width, extension)
            target.parent.mkdir(parents=True, exist_ok=True)
            write_whole(target, images.rendition(data, width, kind).data)
    return figures, folder.as_uri() + "/"
