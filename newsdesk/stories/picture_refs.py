"""Pictures placed in a story's body: the Markdown reference ``![alt](picture:HASH)``.

``HASH`` is the start of the picture file's SHA-256 (12 hex digits when the editor writes
it; 6 to 64 are read), so a reference names the picture by its content: it means the
same picture in every database the story is copied to (``db copy``, team mode, a
replica) and whatever the order of the strip. The exports rewrite references to the
files they write, and the imports rewrite those files back into references.

What a page prints for a reference is the picture's own alt text, caption and credit
(edited in the pictures strip, checked before ``ready``); the text in the brackets is a
reminder for the writer. A reference to a picture the story does not have is
"dangling": the site leaves it out, the preview says so, and the story cannot be ready.
One in code (a made-up hash in a code sample) is text, for all of them and the exports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from newsdesk.stories.markdown_code import maybe_code

SCHEME = "picture:"
WRITTEN_LENGTH = 12  # hex digits the editor writes: unique among one story's pictures
_HEX = r"[0-9A-Fa-f]{6,64}"
REFERENCE_RE = re.compile(r"!\[([^\]\n]*)\]\(\s*picture:(" + _HEX + r")(?:\s+\"[^\"\n]*\")?\s*\)")
TARGET_RE = re.compile(r"picture:(" + _HEX + r")")
_NOT_IN_ALT = re.compile(r"[\[\]\\]+")


class Reference(NamedTuple):
    start: int
    end: int
    alt: str
    prefix: str  # lower case


def reference(sha256: str, alt: str = "") -> str:
    """The reference the editor inserts for a picture (its alt text in the brackets,
    without what would end them)."""
    label = " ".join(_NOT_IN_ALT.sub("", alt).split())[:120]
    return f"![{label}]({SCHEME}{sha256[:WRITTEN_LENGTH].lower()})"


def target_prefix(target: str) -> str | None:
    """The hash a link target ``picture:HASH`` names (lower case), else None."""
    match = TARGET_RE.fullmatch(target.strip())
    return match.group(1).lower() if match else None


def references(text: str) -> list[Reference]:
    """Every reference in ``text``, code included (``placed``: outside code)."""
    if SCHEME not in text:
        return []
    return [Reference(m.start(), m.end(), m.group(1), m.group(2).lower())
            for m in REFERENCE_RE.finditer(text)]


def placed(text: str) -> list[Reference]:
    """The references of ``text`` outside code, as the exports find them (one that may
    be code, ``maybe_code``, is left as typed there)."""
    found = references(text)
    if not found:
        return []
    code = maybe_code(text)
    return [ref for ref in found if not code(ref.start)]


def resolve(prefix: str, sha256s: Iterable[str]) -> str | None:
    """The picture (its full SHA-256) a reference's hash names, else None."""
    prefix = prefix.lower()
    return next((sha for sha in sha256s if sha.startswith(prefix)), None)


def dangling(text: str, sha256s: Iterable[str]) -> list[str]:
    """The hashes referenced in ``text`` outside code that name none of ``sha256s``,
    once each."""
    known = list(sha256s)
    return list(dict.fromkeys(ref.prefix for ref in placed(text)
                              if resolve(ref.prefix, known) is None))
