"""Picture references in Markdown that leaves newsdesk, and images in Markdown that comes
in: the exports write each ``![alt](picture:HASH)`` as an image of the file they copy
(``![alt text](pictures/<digest>-<width>.jpg)``, which Hugo, Pelican and any CommonMark
renderer show), and the imports turn images of files they bring in back into references.
Code (``markdown_code.maybe_code``) is left as typed either way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsdesk.stories import picture_refs
from newsdesk.stories.markdown_code import maybe_code

# ![alt](target) or ![alt](<target>), with an optional "title".
_IMAGE_RE = re.compile(r"!\[([^\]\n]*)\]\(\s*(?:<([^>\n]*)>|([^\s)]+))"
                       r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)")
_NOT_IN_ALT = re.compile(r"[\[\]\\]+")


@dataclass(frozen=True)
class Image:
    start: int
    end: int
    alt: str
    target: str


def images(text: str) -> list[Image]:
    """The images of ``text`` outside code."""
    if "![" not in text:
        return []
    code = maybe_code(text)  # in doubt, an image is left as typed
    return [Image(m.start(), m.end(), m.group(1), m.group(2) if m.group(2) is not None
                  else m.group(3))
            for m in _IMAGE_RE.finditer(text) if not code(m.start())]


def replaced(text: str, changes: Sequence[tuple[int, int, str]]) -> str:
    parts, position = [], 0
    for start, end, replacement in sorted(changes):
        parts += [text[position:start], replacement]
        position = end
    parts.append(text[position:])
    return "".join(parts)


def image_markdown(alt: str, path: str) -> str:
    return f"![{' '.join(_NOT_IN_ALT.sub('', alt).split())}]({path})"


def exported(text: str, file_of: Callable[[str], tuple[str, str] | None]) -> str:
    """``text`` with each picture reference outside code written as an image of its
    file: ``file_of(hash)`` gives (alt text, path), or None for a picture the story does
    not have (the reference is then left out)."""
    if picture_refs.SCHEME not in text:
        return text
    changes = []
    for image in images(text):
        prefix = picture_refs.target_prefix(image.target)
        if prefix is None:
            continue
        found = file_of(prefix)
        changes.append((image.start, image.end,
                        image_markdown(*found) if found is not None else ""))
    return replaced(text, changes)
