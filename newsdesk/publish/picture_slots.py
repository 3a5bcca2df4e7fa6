"""Where a body's picture references (``stories.picture_refs``) go in the rendered HTML.

The renderer's output is cached by text alone, but what a reference prints depends on
the story's pictures and on the page (the site's files, the preview's cache folder,
ninjs' JPEG files). So rendering leaves a slot for each reference, and ``place`` fills
the slots of the cached, sanitised HTML with what the page's ``Placer`` makes.

- A reference alone in its paragraph becomes a block slot: the paragraph turns into
  ``<figure>`` holding ``U+E002 hash U+E004`` (it keeps the preview's ``data-line``).
- A reference among other text (or in a list item, a table cell, a link) becomes an
  inline slot ``U+E003 hash U+E004`` where the image was.

Slots are private-use characters the renderer strips from what the user typed, and they
are filled only after the sanitiser has run: the placer's HTML is the page's own
(escaped by the templates), never the user's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from xml.etree import ElementTree

import markdown
from markdown.treeprocessors import Treeprocessor

from newsdesk.stories.picture_refs import target_prefix

BLOCK_OPEN, INLINE_OPEN, CLOSE = "\ue002", "\ue003", "\ue004"
SLOT_CHARS = BLOCK_OPEN + INLINE_OPEN + CLOSE
_SLOT_RE = re.compile(f'<figure(?: data-line="(\\d+)")?>\\s*{BLOCK_OPEN}([0-9a-f]+){CLOSE}'
                      f"\\s*</figure>|{INLINE_OPEN}([0-9a-f]+){CLOSE}")
_LINE_MARK_RE = re.compile("\ue000\\d+\ue001")  # render.py's source-line markers (preview)

# (hash, block, the block's source line in the preview or "") -> HTML for the slot.
Placer = Callable[[str, bool, str], str]


def place(html: str, placer: Placer | None) -> str:
    """``html`` with its slots filled by ``placer`` (without one: left out)."""
    if CLOSE not in html:
        return html

    def fill(match: re.Match[str]) -> str:
        if placer is None:
            return ""
        if match.group(2) is not None:
            return placer(match.group(2), True, match.group(1) or "")
        return placer(match.group(3), False, "")

    return _SLOT_RE.sub(fill, html)


class _SlotMaker(Treeprocessor):
    def run(self, root: ElementTree.Element) -> None:
        found: list[tuple[ElementTree.Element, int, str]] = []
        self._find(root, found)
        # Last first, so the indexes of those before stay right.
        for parent, index, prefix in reversed(found):
            image = parent[index]
            if (parent.tag == "p" and len(parent) == 1 and not (parent.text or "").strip()
                    and not _LINE_MARK_RE.sub("", image.tail or "").strip()):
                parent.remove(image)
                parent.tag = "figure"
                parent.attrib.clear()
                parent.text = f"{BLOCK_OPEN}{prefix}{CLOSE}{image.tail or ''}"
                continue
            text = f"{INLINE_OPEN}{prefix}{CLOSE}{image.tail or ''}"
            parent.remove(image)
            if index == 0:
                parent.text = (parent.text or "") + text
            else:
                parent[index - 1].tail = (parent[index - 1].tail or "") + text

    def _find(self, element: ElementTree.Element,
              found: list[tuple[ElementTree.Element, int, str]]) -> None:
        for index, child in enumerate(element):
            if child.tag == "img":
                prefix = target_prefix(child.get("src") or "")
                if prefix is not None:
                    found.append((element, index, prefix))
                    continue
            self._find(child, found)


class PictureSlotExtension(markdown.Extension):
    """Slots for picture references, after the inline stage made them images."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - the API's name
        md.treeprocessors.register(_SlotMaker(md), "newsdesk_picture_slots", 15)
