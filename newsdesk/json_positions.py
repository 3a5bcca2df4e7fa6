"""Line numbers for the values of a JSON document, so errors can say ``file:line``.

The standard ``json`` module parses without positions; this walks the same text once more
and records the line where each value (and each object key) starts, keyed by its path.
Review files (moderation) and NINJS imports (formats) both read it, so it sits below both
of them, at the base of the package; it needs nothing but the standard library.
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]  # the C scanner, undeclared

Path = tuple[str | int, ...]
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def value_lines(text: str) -> dict[Path, int]:
    """``{path: line}`` for every value of a valid JSON document (1-based lines)."""
    lines: dict[Path, int] = {}
    newlines = [i for i, char in enumerate(text) if char == "\n"]

    def line_of(index: int) -> int:
        low, high = 0, len(newlines)
        while low < high:
            middle = (low + high) // 2
            if newlines[middle] < index:
                low = middle + 1
            else:
                high = middle
        return low + 1

    def skip(index: int) -> int:
        return _SPACE.match(text, index).end()  # type: ignore[union-attr]  # [ \t\n\r]* always matches

    def walk(index: int, path: Path) -> int:
        index = skip(index)
        lines[path] = line_of(index)
        char = text[index]
        if char == "{":
            index = skip(index + 1)
            if text[index] == "}":
                return index + 1
            while True:
                key, index = scanstring(text, skip(index) + 1)
                key_path = (*path, key)
                index = skip(index) + 1  # the colon
                index = walk(index, key_path)
                index = skip(index)
                if text[index] == "}":
                    return index + 1
                index += 1  # the comma
        if char == "[":
            index = skip(index + 1)
            if text[index] == "]":
                return index + 1
            position = 0
            while True:
                index = skip(walk(index, (*path, position)))
                position += 1
                if text[index] == "]":
                    return index + 1
                index += 1
        _, end = _DECODER.raw_decode(text, index)
        return end

    walk(0, ())
    return lines


def line_for(lines: dict[Path, int], path: Path) -> int:
    """The line of ``path``, or of its nearest ancestor the document has."""
    while path and path not in lines:
        path = path[:-1]
    return lines.get(path, 1)


def dotted(path: Path) -> str:
    """``("bodies", 0, "value")`` -> ``bodies[0].value``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
