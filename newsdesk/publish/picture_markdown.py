"""Picture references in Markdown that leaves newsdesk, and images in Markdown that comes
in: the exports write each ``![alt](picture:HASH)`` as an image of the file they copy
(``![alt text](pictures/<digest>-<width>.jpg)``, which Hugo, Pelican and any CommonMark
renderer show), and the imports turn images of files they bring in back into references.
Code (as ``safe_markdown`` decides it) is left as typed either way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsdesk.publish.safe_markdown import in_code
from newsdesk.stories import picture_refs

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


# Any backtick span on one line: ``code_spans`` leaves out those a renderer might read
# otherwise (it must escape in doubt); here, in doubt, an image is left as typed.
_ANY_CODE_SPAN_RE = re.compile(r"(?<!`)(`+)(?!`)[^\n]+?(?<!`)\1(?!`)")


def images(text: str) -> list[Image]:
    """The images of ``text`` outside code."""
    if "![" not in text:
        return []
    code = in_code(text)
    spans = [m.span() for m in _ANY_CODE_SPAN_RE.finditer(text)] if "`" in text else []
    return [Image(m.start(), m.end(), m.group(1), m.group(2) if m.group(2) is not None
                  else m.group(3))
            for m in _IMAGE_RE.finditer(text) if not code(m.start())
            and not any(start <= m.start() < end for start, end in spans)]


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
