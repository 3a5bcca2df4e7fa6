"""How a page prints a story's pictures: ``<figure>`` with the sizes the export writes
(``publish/pictures.py`` plans those files), caption and credit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from newsdesk.stories.images import rendered_size

WIDTHS = (480, 960, 1600)
# The files written for each width: (content type, file extension).
KINDS = (("image/webp", "webp"), ("image/jpeg", "jpg"))
DEFAULT_WIDTH = 960  # the <img src> for browsers without srcset, and ninjs' "default"
FOLDER = "pictures"


def widths_of(width: int) -> tuple[int, ...]:
    """The rendition widths of a picture ``width`` pixels wide (never wider than it)."""
    return tuple(sorted({min(wanted, width) for wanted in WIDTHS}))


def rendition_path(sha256: str, width: int, extension: str) -> str:
    return f"{FOLDER}/{sha256[:32]}-{width}.{extension}"


@dataclass(frozen=True)
class Figure:
    """A picture as a page prints it: ``<figure>`` with its sizes, caption and credit."""

    sha256: str
    width: int  # of the picture, as shown
    height: int
    caption: str
    credit: str
    alt: str
    lead: bool
    largest: int = 0  # the widest size offered (0: every size; the preview makes two)

    def path(self, width: int, extension: str) -> str:
        return rendition_path(self.sha256, width, extension)

    @property
    def widths(self) -> tuple[int, ...]:
        return widths_of(min(self.width, self.largest) if self.largest else self.width)

    @property
    def default_width(self) -> int:
        """The width the ``<img src>`` names: the widest up to ``DEFAULT_WIDTH``."""
        return max(w for w in self.widths if w <= max(DEFAULT_WIDTH, self.widths[0]))

    @property
    def shown_size(self) -> tuple[int, int]:
        """The ``width``/``height`` attributes: the default rendition's (no layout shift)."""
        return rendered_size(self.width, self.height, self.default_width)

    def srcset(self, extension: str, href: Callable[[str], str]) -> str:
        return ", ".join(f"{href(self.path(w, extension))} {w}w" for w in self.widths)




def figure_of(picture: Any, largest: int = 0) -> Figure:
    """A story's picture (``publish.stories.StoryPicture`` or ``PictureInfo``) as a page
    prints it."""
    return Figure(picture.sha256, picture.width, picture.height, picture.caption,
                  picture.credit, picture.alt, picture.lead, largest)
